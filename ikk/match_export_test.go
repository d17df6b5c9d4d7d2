package ikk

import (
	"testing"
)

// TestGroupPathHeaders: the headers of a form server's export name a
// field by its group path, "/" in KoboToolbox, "-" in ODK Central and
// Briefcase, nested groups too; each is read as the column it ends with,
// the longest name first (jml_anak_sekolah, not jml_anak).
func TestGroupPathHeaders(t *testing.T) {
	m := newHeaderMatcher(defaultSet(t))
	tests := []struct {
		header, want string
		how          int
	}{
		{"status_kawin_kk", "status_kawin_kk", 3},
		{"dimensi_legalitas/status_kawin_kk", "status_kawin_kk", 2},
		{"keluarga/jml_anak", "jml_anak", 2},
		{"survey/keluarga/jml_anak_sekolah", "jml_anak_sekolah", 2},
		{"keluarga-status_kawin_kk", "status_kawin_kk", 1},
		{"keluarga-jml_anak_sekolah", "jml_anak_sekolah", 1},
		{"keluarga-jml_anak", "jml_anak", 1},
		{"identitas-kode_desa", "kode_desa", 1},
		{"identitas-desa", "desa", 1},
		{"a-b-dimensi_ke-luas_lantai", "luas_lantai", 1},
		{"dimensi_kf.makan_2x_sehari", "makan_2x_sehari", 1},
		{"meta-instanceID", "", 0},
		{"identitas-catatan", "", 0},
	}
	for _, tt := range tests {
		got, how := m.match(tt.header)
		if got != tt.want || how != tt.how {
			t.Errorf("match(%q) = %q, %d; want %q, %d", tt.header, got, how, tt.want, tt.how)
		}
	}
}

// TestExportMetadataNotUnknown: the columns an ODK Central or Kobo export
// adds beside the form's fields are neither columns nor unknown headers;
// a header that only resembles one still is unknown.
func TestExportMetadataNotUnknown(t *testing.T) {
	s := defaultSet(t)
	m := newHeaderMatcher(s)
	heads := []string{"SubmissionDate", "identitas-kode_desa", "identitas-kecamatan", "identitas-desa",
		"dimensi_ls-buku_nikah", "meta-instanceID", "KEY", "SubmitterID", "SubmitterName", "AttachmentsPresent",
		"AttachmentsExpected", "Status", "ReviewState", "DeviceID", "Edits", "FormVersion",
		"_id", "_uuid", "_submission_time", "_validation_status", "_notes", "_status", "_submitted_by",
		"__version__", "_tags", "_index", "meta/instanceID", "formhub/uuid", "start", "end",
		"catatan_petugas", "_catatan"}
	var cells []Cell
	for _, h := range heads {
		cells = append(cells, Cell{Value: h})
	}
	lay, err := m.matchHeader(s, cells)
	if err != nil {
		t.Fatal(err)
	}
	if lay.found != 4 {
		t.Errorf("%d columns found, want 4", lay.found)
	}
	var unknown []string
	for _, h := range lay.unknown {
		unknown = append(unknown, h.text)
	}
	if len(unknown) != 2 || unknown[0] != "catatan_petugas" || unknown[1] != "_catatan" {
		t.Errorf("unknown headers %q, want only catatan_petugas and _catatan", unknown)
	}
}

// TestExportMetadataYields: a set's column named like a server's column
// ("status", ODK Central's Status and Kobo's _status) is read from the
// form's field under its group path, wherever the server's column stands;
// alone, the header still names the column.
func TestExportMetadataYields(t *testing.T) {
	s := &Set{Columns: []*Column{{Name: "kode_desa"}, {Name: "status"}, {Name: "start"}}}
	m := newHeaderMatcher(s)
	tests := []struct {
		heads      []string
		status     int // the cell read as status, -1 for none
		start      int
		wantErrors bool
	}{
		{[]string{"keluarga-status", "Status"}, 0, -1, false},
		{[]string{"Status", "keluarga-status", "_status"}, 1, -1, false},
		{[]string{"grp/status", "_status", "start"}, 0, 2, false},
		{[]string{"status"}, 0, -1, false},
		{[]string{"Status", "_status"}, 0, -1, false},
		{[]string{"a-status", "b-status"}, -1, -1, true},
	}
	for _, tt := range tests {
		var cells []Cell
		for _, h := range tt.heads {
			cells = append(cells, Cell{Value: h})
		}
		lay, err := m.matchHeader(s, cells)
		if (err != nil) != tt.wantErrors {
			t.Errorf("%q: error %v", tt.heads, err)
			continue
		}
		if err != nil {
			continue
		}
		if lay.index[1] != tt.status || lay.index[2] != tt.start {
			t.Errorf("%q: status read from cell %d, start from %d; want %d, %d", tt.heads, lay.index[1], lay.index[2], tt.status, tt.start)
		}
	}
}
