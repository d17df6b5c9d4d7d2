package report

import (
	"testing"

	"github.com/ikk-tools/ikk/ikk"
)

// TestRuleText describes rules of the default set in both languages:
// thresholds exact with the language's separators, and conditions by what
// they mean.
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

// TestAppliesText: an indicator's applicability reads as its condition's
// rule, a condition naming others as theirs, joined.
func TestAppliesText(t *testing.T) {
	s := defaultSet(t)
	want := map[string][2]string{
		"LS01": {"status_kawin_kk ∈ {2}", "status_kawin_kk ∈ {2}"},
		"LS02": {"jml_anak ≥ 1", "jml_anak ≥ 1"},
		"KF01": {"semua keluarga", "all families"},
		"KF04": {"status_kawin_kk ∈ {2} dan jml_anak ≥ 1", "status_kawin_kk ∈ {2} and jml_anak ≥ 1"},
	}
	for _, ind := range s.Indicators {
		if w, ok := want[ind.ID]; ok {
			for i, lang := range []string{"id", "en"} {
				if got := AppliesText(lang, s, ind); got != w[i] {
					t.Errorf("%s --lang %s: %q, want %q", ind.ID, lang, got, w[i])
				}
			}
		}
	}
}

// TestRuleTextConditions: a condition inside a rule is written as its rule,
// bracketed where it joins the other way than the rule around it; a
// condition that is not in the set is written by its name.
func TestRuleTextConditions(t *testing.T) {
	yes := func(c string) *ikk.Rule { return &ikk.Rule{Kind: ikk.RuleYes, Column: c} }
	cond := func(n string) *ikk.Rule { return &ikk.Rule{Kind: ikk.RuleCondition, Condition: n} }
	s := &ikk.Set{Conditions: map[string]*ikk.Rule{
		"either": {Kind: ikk.RuleAny, Children: []*ikk.Rule{yes("a"), yes("b")}},
		"both":   {Kind: ikk.RuleAll, Children: []*ikk.Rule{yes("c"), cond("either")}},
		"loop":   cond("loop"),
	}}
	tests := []struct {
		rule *ikk.Rule
		want string
	}{
		{cond("either"), "a = yes or b = yes"},
		{cond("both"), "c = yes and (a = yes or b = yes)"},
		{&ikk.Rule{Kind: ikk.RuleAny, Children: []*ikk.Rule{yes("d"), cond("both")}}, "d = yes or (c = yes and (a = yes or b = yes))"},
		{&ikk.Rule{Kind: ikk.RuleAny, Children: []*ikk.Rule{yes("d"), cond("either")}}, "d = yes or a = yes or b = yes"},
		{cond("nowhere"), "nowhere"},
		{cond("loop"), "loop"},
	}
	for _, tt := range tests {
		if got := RuleText("en", s, tt.rule); got != tt.want {
			t.Errorf("%q, want %q", got, tt.want)
		}
	}
}
