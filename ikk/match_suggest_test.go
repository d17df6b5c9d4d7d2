package ikk

import "testing"

func TestEditDistance(t *testing.T) {
	tests := []struct {
		a, b  string
		limit int
		want  int
	}{
		{"buku nikha", "buku nikah", 2, 1}, // neighbours swapped
		{"kode dessa", "kode desa", 2, 1},  // a letter doubled
		{"kode des", "kode desa", 2, 1},    // a letter left out
		{"buku nokah", "buku nikah", 2, 1}, // mistyped
		{"desa", "desa", 1, 0},
		{"rt", "rw", 1, 1},
		{"surat nikah", "buku nikah", 2, -1}, // another word, not a typo
		{"ab", "abcdef", 2, -1},              // lengths too far apart
		{"jml anak", "jml anka", 2, 1},
		{"kitten", "sitting", 3, 3},
	}
	for _, tt := range tests {
		if got := EditDistance(tt.a, tt.b, tt.limit); got != tt.want {
			t.Errorf("EditDistance(%q, %q, %d) = %d, want %d", tt.a, tt.b, tt.limit, got, tt.want)
		}
	}
}

// TestClosestHeader: a missing column is matched to the unknown header a
// user most likely meant, and to none when every header is far from it.
func TestClosestHeader(t *testing.T) {
	col := &Column{Name: "buku_nikah", Aliases: []string{"akta_nikah"}}
	tests := []struct {
		name    string
		unknown []header
		want    string
		ok      bool
	}{
		{"typo", []header{{0, "catatan"}, {4, "Buku Nikha"}}, "Buku Nikha", true},
		{"alias typo", []header{{2, "akta nikha"}}, "akta nikha", true},
		{"kobo prefix", []header{{3, "legalitas/buku_nikha"}}, "legalitas/buku_nikha", true},
		{"nearest wins", []header{{1, "buku_nkh"}, {2, "buku_nikh"}}, "buku_nikh", true},
		{"first on a tie", []header{{1, "buku_nikahh"}, {2, "buku_nikha"}}, "buku_nikahh", true},
		{"none near", []header{{0, "surat_nikah"}, {1, "catatan"}}, "", false},
		{"no unknown header", nil, "", false},
	}
	for _, tt := range tests {
		lay := &layout{unknown: tt.unknown}
		h, ok := lay.closest(col)
		if ok != tt.ok || h.text != tt.want {
			t.Errorf("%s: closest = %q, %v; want %q, %v", tt.name, h.text, ok, tt.want, tt.ok)
		}
	}
}

// TestSuggestionsOneColumnEach: a header is suggested only for the absent
// column it is nearest to, never for two.
func TestSuggestionsOneColumnEach(t *testing.T) {
	s := &Set{Columns: []*Column{{Name: "jml_art"}, {Name: "jml_anak"}, {Name: "buku_nikah"}}}
	lay := &layout{index: []int{-1, -1, -1}, unknown: []header{{col: 3, text: "jml_ana"}, {col: 4, text: "zzz"}}}
	got := suggestions(s, lay)
	if h, ok := got[1]; !ok || h.text != "jml_ana" {
		t.Errorf("jml_anak: suggestion %+v, %v; want jml_ana", h, ok)
	}
	if h, ok := got[0]; ok {
		t.Errorf("jml_art: suggested %q, which is nearer to jml_anak", h.text)
	}
	if _, ok := got[2]; ok {
		t.Error("buku_nikah: a suggestion with no header near it")
	}
}
