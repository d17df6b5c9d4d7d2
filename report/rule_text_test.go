package report

import "testing"

// TestRuleText describes rules of the default set in both languages,
// thresholds exact with the language's separators.
func TestRuleText(t *testing.T) {
	s := defaultSet(t)
	want := map[string][2]string{
		"LS01": {"buku_nikah = ya", "buku_nikah = yes"},
		"KF03": {"ada_sakit_kronis = tidak", "ada_sakit_kronis = no"},
		"KF05": {"sumber_air_minum ∈ {1-6}", "sumber_air_minum ∈ {1-6}"},
		"KF06": {"fasilitas_bab ∈ {1, 2}", "fasilitas_bab ∈ {1, 2}"},
		"KE02": {"pendapatan_bulan / jml_art ≥ garis_kemiskinan (582.932)", "pendapatan_bulan / jml_art ≥ garis_kemiskinan (582,932)"},
		"KE08": {
			"atap_layak = ya dan dinding_layak = ya dan lantai_layak = ya dan luas_lantai / jml_art ≥ luas_minimum_per_orang (7,2)",
			"atap_layak = yes and dinding_layak = yes and lantai_layak = yes and luas_lantai / jml_art ≥ luas_minimum_per_orang (7.2)"},
	}
	n := 0
	for _, ind := range s.Indicators {
		w, ok := want[ind.ID]
		if !ok {
			continue
		}
		n++
		for i, lang := range []string{"id", "en"} {
			if got := RuleText(lang, s, ind.Rule); got != w[i] {
				t.Errorf("%s --lang %s: %q, want %q", ind.ID, lang, got, w[i])
			}
		}
	}
	if n != len(want) {
		t.Errorf("%d of %d indicators found", n, len(want))
	}
}
