package wilayah

import (
	"bytes"
	"compress/gzip"
	"slices"
	"strings"
	"testing"
)

// TestBuiltinEntries: real entries of the register, as the issue names
// them, and the counts of the package it was built from.
func TestBuiltinEntries(t *testing.T) {
	reg, err := Builtin()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		code, name string
		level      Level
		kelurahan  bool
	}{
		{"63.09.02.2002", "Ampukung", Desa, false},
		{"63.09.02", "Kelua", Kecamatan, false},
		{"63.09", "Kabupaten Tabalong", Kabupaten, false},
		{"63", "Kalimantan Selatan", Province, false},
		{"63.02.11.2009", "Pondok Labu", Desa, false},
		{"31.74.06.1003", "Pondok Labu", Desa, true}, // the other Pondok Labu, in Jakarta
		{"63.02.09.2007", "Sang-Sang", Desa, false},
		{"62.04.01.1003", "Rantau Kujang", Desa, true},
		{"6309022002", "Ampukung", Desa, false}, // digits only
	}
	for _, tt := range tests {
		u, ok := reg.Lookup(tt.code)
		if !ok || u.Name != tt.name || u.Level() != tt.level || u.Kelurahan() != tt.kelurahan {
			t.Errorf("Lookup(%s) = %+v, %v (level %d, kelurahan %v); want %q level %d kelurahan %v",
				tt.code, u, ok, u.Level(), u.Kelurahan(), tt.name, tt.level, tt.kelurahan)
		}
	}
	count := map[Level]int{}
	for _, u := range reg.units {
		count[u.Level()]++
	}
	if count[Province] != 38 || count[Kabupaten] != 514 || count[Kecamatan] != 7285 || count[Desa] != 83762 {
		t.Errorf("counts %v, want 38 provinces, 514 kabupaten/kota, 7,285 kecamatan, 83,762 desa/kelurahan", count)
	}
	if _, ok := reg.Lookup("63.09.02.9999"); ok {
		t.Error("a code absent from the register was found")
	}
	if !strings.Contains(Source(), "idn-area-data") || !strings.Contains(Source(), "4.0.1") {
		t.Errorf("Source() = %q, want the package and its version", Source())
	}
}

// TestEmbeddedAsRead: the embedded register read without checks is the
// register Read makes of it with every check.
func TestEmbeddedAsRead(t *testing.T) {
	reg, err := Builtin()
	if err != nil {
		t.Fatal(err)
	}
	zr, err := gzip.NewReader(bytes.NewReader(embedded))
	if err != nil {
		t.Fatal(err)
	}
	checked, err := Read(zr)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(reg.units, checked.units) {
		t.Error("the embedded register read without checks differs from Read's")
	}
}

func TestChildren(t *testing.T) {
	reg, err := Builtin()
	if err != nil {
		t.Fatal(err)
	}
	kec := reg.Children("63.09")
	if len(kec) != 12 || kec[1].Name != "Kelua" {
		t.Errorf("Tabalong has %d kecamatan (second %+v), want 12 with Kelua second", len(kec), kec[min(1, len(kec)-1)])
	}
	desa := reg.Children("63.09.02")
	if len(desa) != 12 || desa[0].Code != "63.09.02.1001" || !desa[0].Kelurahan() {
		t.Errorf("Kelua: %d units, first %+v; want 12, the kelurahan Pulau first", len(desa), desa[0])
	}
}

func TestNormalize(t *testing.T) {
	tests := []struct {
		in, want string
		ok       bool
	}{
		{"63.09.02.2002", "63.09.02.2002", true},
		{"6309022002", "63.09.02.2002", true},
		{" 630902 ", "63.09.02", true},
		{"63", "63", true},
		{"63.9.02", "", false},
		{"63.09.02.2002.1", "", false},
		{"630902200", "", false}, // a cut desa number
		{"63-09", "", false},
		{"", "", false},
		{"63090220021", "", false},
	}
	for _, tt := range tests {
		got, ok := Normalize(tt.in)
		if got != tt.want || ok != tt.ok {
			t.Errorf("Normalize(%q) = %q, %v; want %q, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}

// TestReadUserRegister: a user's register as CSV (code,name), digits or
// dotted, in any order; a repeated code or a line without a name is refused.
func TestReadUserRegister(t *testing.T) {
	reg, err := Read(strings.NewReader("code,name\n6309022002,Ampukung Baru\n63.09.02,Kelua\n"))
	if err != nil {
		t.Fatal(err)
	}
	if u, ok := reg.Lookup("63.09.02.2002"); !ok || u.Name != "Ampukung Baru" || reg.Len() != 2 {
		t.Errorf("Lookup = %+v, %v, len %d", u, ok, reg.Len())
	}
	// As a spreadsheet in an Indonesian locale saves it: a byte-order
	// mark, a header of its own words, ";" between the fields, quotes.
	reg, err = Read(strings.NewReader("\ufeffkode;nama\r\n63.09.02.2002;\"Ampukung\"\r\n63.09;Kabupaten Tabalong\r\n"))
	if err != nil {
		t.Fatal(err)
	}
	if u, ok := reg.Lookup("63.09.02.2002"); !ok || u.Name != "Ampukung" || reg.Len() != 2 {
		t.Errorf("Lookup = %+v, %v, len %d", u, ok, reg.Len())
	}
	for _, tt := range []struct {
		in, problem string
		line        int
	}{
		{"63.09,Tabalong\n6309,Tabalong lagi\n", ProblemCodeTwice, 0},
		{"63.09\n", ProblemNotCodeName, 1},
		{"6x,Nama\n", ProblemNotCodeName, 1},
		{"code,name\n63.09,Tabalong\nTabalong,63.09\n", ProblemNotCodeName, 3},
		{"", ProblemEmpty, 0},
		{"code,name\n", ProblemEmpty, 0},
		// An Excel workbook given for the CSV.
		{"PK\x03\x04\x14\x00\x06\x00binary", ProblemWorkbook, 1},
		// A survey given for the register: its header has many columns.
		{"kode_desa,kabupaten,kecamatan,desa,no_kk\n63.09.06.2004,Tabalong,Murung Pudak,Maburai,6309\n", ProblemColumns, 1},
		// Without a header, the first line of three columns.
		{"63.09,Tabalong\n63.09.06,Murung Pudak;x\n63.09.06.2004,Maburai,3\n", ProblemColumns, 3},
		// A quoted name may hold the separator.
		{"63.09,\"Tabalong, Kabupaten\"\n63.09.06,\"Murung, Pudak\",x\n", ProblemColumns, 2},
	} {
		_, err := Read(strings.NewReader(tt.in))
		re, ok := err.(*ReadError)
		if !ok || re.Problem != tt.problem || re.Line != tt.line {
			t.Errorf("Read(%q) = %v; want %s at line %d", tt.in, err, tt.problem, tt.line)
		}
	}
}

// TestNamed: the index by name key, level by level, and the kabupaten a
// survey or a flag names.
func TestNamed(t *testing.T) {
	reg, err := Builtin()
	if err != nil {
		t.Fatal(err)
	}
	codes := func(us []Unit) string {
		var s []string
		for _, u := range us {
			s = append(s, u.Code)
		}
		return strings.Join(s, " ")
	}
	tests := []struct {
		name  string
		level Level
		want  string
	}{
		{"Ampukung", Desa, "63.09.02.2002"},
		{"Ds. AMPUKUNG", 0, "63.09.02.2002"},
		{"pondok labu", Desa, "31.74.06.1003 63.02.11.2009"},
		{"Sangsang", Desa, "63.02.09.2007 64.07.17.2004"}, // Kotabaru's Sang-Sang, and one in Kalimantan Timur
		{"Kelurahan Rantau Kujang", Desa, "62.04.01.1003"},
		{"Kelua", Kecamatan, "63.09.02"},
		{"Kelua", Desa, ""},
		{"Tabalong", Kabupaten, "63.09"},
	}
	for _, tt := range tests {
		if got := codes(reg.Named(tt.name, tt.level)); got != tt.want {
			t.Errorf("Named(%q, %d) = %q, want %q", tt.name, tt.level, got, tt.want)
		}
	}
	kab := []struct{ in, want string }{
		{"Tabalong", "63.09"},
		{"Kab. Tabalong", "63.09"},
		{"63.09", "63.09"},
		{"6309", "63.09"},
		{"Kotabaru", "63.02"},
		{"Bekasi", "32.16"},      // the kabupaten; the city is "Kota Bekasi"
		{"Kota Bekasi", "32.75"}, // as the register writes it
		{"Banjarbaru", "63.72"},  // a city, when no kabupaten has the name
		{"63.09.02", ""},         // a kecamatan
		{"Tabalong Raya", ""},    // no such kabupaten
	}
	for _, tt := range kab {
		if got := codes(reg.Kabupaten(tt.in)); got != tt.want {
			t.Errorf("Kabupaten(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	if n := len(reg.Below("63.09", Desa)); n != 131 {
		t.Errorf("Tabalong has %d desa and kelurahan, want 131", n)
	}
	if n := len(reg.All(Kabupaten)); n != 514 {
		t.Errorf("%d kabupaten and kota, want 514", n)
	}
}

func TestNameKey(t *testing.T) {
	same := [][2]string{
		{"Sangsang", "Sang-Sang"},
		{"SANG SANG", "Sang-Sang"},
		{"Ds. Karang Indah", "Karang Indah"},
		{"Desa Ampukung", "ampukung"},
		{"Kel. Rantau Kujang", "Rantau Kujang"},
		{"Kelurahan Rantau  Kujang", "Rantau Kujang"},
		{"Kec. Padang Harapan", "Padang Harapan"},
		{"Kecamatan Kelua", "KELUA"},
		{"Kab. Tabalong", "Kabupaten Tabalong"},
		{"Gn. Makmur", "Gunung Makmur"},
		{"Sei Pumpung", "Sungai Pumpung"},
		{"Tj. Selor", "Tanjung Selor"},
		{"Kp. Baru", "Kampung Baru"},
		{"Mabu'un", "Mabuun"},
	}
	for _, p := range same {
		if NameKey(p[0]) != NameKey(p[1]) {
			t.Errorf("NameKey(%q) = %q, NameKey(%q) = %q; want the same", p[0], NameKey(p[0]), p[1], NameKey(p[1]))
		}
	}
	differ := [][2]string{
		{"Pondok Labu", "Pondok Labuh"},
		{"Kota Baru", "Baru"}, // a kind word inside a name stays
		{"Kelua", "Kelumpang"},
	}
	for _, p := range differ {
		if NameKey(p[0]) == NameKey(p[1]) {
			t.Errorf("NameKey(%q) = NameKey(%q) = %q; want them apart", p[0], p[1], NameKey(p[0]))
		}
	}
	if NameKey("Desa") != "desa" {
		t.Errorf("NameKey(Desa) = %q: a name that is only a kind word must stay", NameKey("Desa"))
	}
}

func TestSearch(t *testing.T) {
	reg, err := Builtin()
	if err != nil {
		t.Fatal(err)
	}
	codes := func(us []Unit) string {
		var s []string
		for _, u := range us {
			s = append(s, u.Code)
		}
		return strings.Join(s, " ")
	}
	tests := []struct {
		query, want string
	}{
		{"ampukung", "63.09.02.2002"},
		{"Desa Ampukung", "63.09.02.2002"},
		{"pondok labu", "31.74.06.1003 63.02.11.2009"},
		{"pondok labu, kotabaru", "63.02.11.2009"},
		{"sangsang, kelumpang tengah", "63.02.09.2007"},
		{"kelua, tabalong", "63.09.02"},
		{"63.09.02.2002", "63.09.02.2002"},
		{"nosuchplace", ""},
	}
	for _, tt := range tests {
		if got := codes(reg.Search(tt.query, 50)); got != tt.want {
			t.Errorf("Search(%q) = %s, want %s", tt.query, got, tt.want)
		}
	}
	if got := reg.Search("6309", 100); len(got) != 13 || got[0].Name != "Kabupaten Tabalong" {
		t.Errorf("Search(6309) gives %d units, first %+v; want Tabalong and its 12 kecamatan", len(got), got[0])
	}
}
