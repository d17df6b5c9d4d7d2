package ikk

import (
	"errors"
	"strings"
	"testing"
)

func TestDefaultSet(t *testing.T) {
	s := defaultSet(t)
	if len(s.Indicators) != 29 {
		t.Fatalf("%d indicators, want 29", len(s.Indicators))
	}
	per := map[string]int{}
	official, proposed := 0, 0
	for _, ind := range s.Indicators {
		per[ind.Dimension]++
		switch ind.Status {
		case "official-2016":
			official++
		case "proposed":
			proposed++
		}
		if ind.Question == "" || len(ind.Sectors) == 0 || ind.SourceNote == "" {
			t.Errorf("%s lacks a question, sectors or a source", ind.ID)
		}
	}
	if got := []int{per["LS"], per["KF"], per["KE"], per["SP"], per["SB"]}; fmtInts(got) != "3 6 8 6 6" {
		t.Errorf("indicators per dimension %v, want 3/6/8/6/6", got)
	}
	if official != 24 || proposed != 5 {
		t.Errorf("%d official-2016 and %d proposed, want 24 and 5", official, proposed)
	}
	if got := strings.Join(s.LensKeys(), " "); got != "keag sosbud cinta lindung repro didik eko ling gender child_rights" {
		t.Errorf("lens keys %q", got)
	}
	if v, ok := s.Parameter("garis_kemiskinan"); !ok || v != 582932 {
		t.Errorf("garis_kemiskinan = %v", v)
	}
	if s.Target != 75 || s.MinAnsweredShare != 0.8 || len(s.Categories) != 3 || s.Categories[2].Min != 75 {
		t.Errorf("target %v share %v categories %v", s.Target, s.MinAnsweredShare, s.Categories)
	}
	if len(s.SHA256) != 64 {
		t.Errorf("sha256 %q", s.SHA256)
	}
}

func fmtInts(v []int) string {
	var parts []string
	for _, n := range v {
		parts = append(parts, string(rune('0'+n)))
	}
	return strings.Join(parts, " ")
}

// TestSetValidation breaks the mini set one way at a time; each problem must
// be named with its line and with what would be right.
func TestSetValidation(t *testing.T) {
	lineOf := func(s, needle string) int {
		i := strings.Index(s, needle)
		if i < 0 {
			t.Fatalf("test set lacks %q", needle)
		}
		return strings.Count(s[:i], "\n") + 1
	}
	tests := []struct {
		name, old, new string
		want           string // in the message
		atLineOf       string // the line that must be named ("" for none)
	}{
		{"unknown key", "target: 66.67", "targett: 66.67", `unknown key "targett" in the set`, "targett"},
		{"unknown column key", "a: {type: yesno}", "a: {type: yesno, colour: red}", `unknown key "colour" in a column`, "colour"},
		{"wrong type", "min_answered_share: 0.8", "min_answered_share: banyak", "a number expected", "banyak"},
		{"duplicate key", "id: mini\n", "id: mini\nid: again\n", `mapping key "id" already defined`, "id: again"},
		{"duplicate indicator id", "id: I4,", "id: I1,", "indicator id I1 appears twice", "id: I1, dimension: D2, label: Empat"},
		{"unknown dimension", "id: I4, dimension: D2", "id: I4, dimension: D9", `dimension "D9" is not declared (declared: D1, D2)`, ""},
		{"unknown sector", "sectors: [s2]", "sectors: [s3]", `sector "s3" is not declared (declared: s1, s2)`, ""},
		{"long short name", "s1: Sektor satu", "s1: {name: Sektor satu, short: Dinas Pemberdayaan Perempuan dan}", `short name "Dinas Pemberdayaan Perempuan dan" has 32 characters; at most 31`, "s1: {name"},
		{"short name twice", "s1: Sektor satu, s2: Sektor dua", "s1: {name: Sektor satu, short: Satu}, s2: {name: Sektor dua, short: satu}", `short name "satu" is already the short name of s1`, ""},
		{"slash in short name", "s1: Sektor satu", "s1: {name: Sektor satu, short: Dinkes/PKM}", `short name "Dinkes/PKM" must not hold`, ""},
		{"comma in a sector name", "s1: Sektor satu", "s1: {name: Sektor, satu, short: Satu}", `unknown key "satu" in a sector`, ""},
		{"sector without a name", "s1: Sektor satu", "s1: {short: Satu}", "sector s1: name is required", ""},
		{"unknown function", "functions: [cinta], lenses: [gender]", "functions: [kasih], lenses: [gender]", `function "kasih" is not declared (declared: cinta)`, ""},
		{"unknown lens", "weight: 2, lenses: [gender]", "weight: 2, lenses: [anak]", `lens "anak" is not declared (declared: gender)`, ""},
		{"rule names an undeclared column", "rule: {yes: a}", "rule: {yes: zz}", `column "zz" is not declared under columns`, ""},
		{"rule names an undeclared parameter", "min: p}", "min: q}", `parameter "q" is not declared (declared parameters: p)`, ""},
		{"rule on a column of the wrong type", "rule: {no: b}", "rule: {no: n}", "column n has type number; this rule needs a column of type yesno", ""},
		{"malformed rule", "rule: {no: b}", "rule: {no: b, yes: a}", "malformed rule", ""},
		{"unknown rule key", "rule: {no: b}", "rule: {nope: b}", `unknown rule key "nope"`, ""},
		{"code not declared", "in: [2, 3]", "in: [2, 9]", "code 9 is not declared for column status (declared: 1-4)", ""},
		{"ratio by a column that may be zero", "ratio: [n, m]", "ratio: [n, anak]", "the denominator column anak must be declared with a min above 0", ""},
		{"categories out of order", "{id: 3, label: Tinggi, min: 75}", "{id: 3, label: Tinggi, min: 40}", "categories out of order: min 40 of category 3 must be greater than 50", "min: 40"},
		{"duplicate category", "{id: 3, label: Tinggi", "{id: 2, label: Tinggi", "category id 2 appears twice", ""},
		{"first category above 0", "{id: 1, label: Rendah, min: 0}", "{id: 1, label: Rendah, min: 10}", "the first category must start at min 0, found 10", "min: 10"},
		{"indicator weight zero", "weight: 2,", "weight: 0,", "weight must be greater than 0 and at most 1000, found 0", ""},
		{"dimension weight negative", "weight: 3}", "weight: -3}", "dimension D2: weight must be greater than 0 and at most 1000, found -3", "weight: -3"},
		{"dimension weight infinite", "weight: 3}", "weight: .inf}", `".inf" is not a finite number`, "weight: .inf"},
		{"indicator weight huge", "weight: 2,", "weight: 1e308,", "weight must be greater than 0 and at most 1000", ""},
		{"target not a number", "target: 66.67", "target: .nan", `".nan" is not a finite number`, "target: .nan"},
		{"category min not a number", "{id: 3, label: Tinggi, min: 75}", "{id: 3, label: Tinggi, min: .NaN}", `".NaN" is not a finite number`, "min: .NaN"},
		{"category min negative infinity", "{id: 1, label: Rendah, min: 0}", "{id: 1, label: Rendah, min: -.inf}", `"-.inf" is not a finite number`, "min: -.inf"},
		{"number beyond float64", "target: 66.67", "target: 1e999", "a number expected", "target: 1e999"},
		{"parameter not a number", "p: {value: 10}", "p: {value: .nan}", `".nan" is not a finite number`, "p: {value: .nan}"},
		{"parameter below its minimum", "p: {value: 10}", "p: {value: -5, min: 0}", "parameter p: -5 is below its minimum 0", "p: {value: -5"},
		{"parameter above its maximum", "p: {value: 10}", "p: {value: 10, max: 5}", "parameter p: 10 is above its maximum 5", "p: {value: 10"},
		{"parameter range reversed", "p: {value: 10}", "p: {value: 10, min: 20, max: 5}", "parameter p: min 20 is above max 5", "p: {value: 10"},
		{"category never reached", "{id: 3, label: Tinggi, min: 75}", "{id: 3, label: Tinggi, min: 150}", "category 3 can never be reached: its min 150 is not below 100", "min: 150"},
		{"unknown condition", "applies: both", "applies: sometimes", `applies names condition "sometimes", which is not declared (declared: all, both, has_child, married)`, ""},
		{"condition cycle", "married: {column: status, in: [2]}", "married: {condition: both}", "condition married refers to itself", ""},
		{"bad provenance", "id: I4, dimension: D2, label: Empat, rule: {column: status, in: [2, 3]}, provenance: {status: proposed", "id: I4, dimension: D2, label: Empat, rule: {column: status, in: [2, 3]}, provenance: {status: guess", `provenance status "guess" is not known`, ""},
		{"missing label", "label: Empat,", "label: '',", "indicator I4: label is required", ""},
		{"schema", "schema: ikk.indicators/v1", "schema: ikk.indicators/v2", `schema must be "ikk.indicators/v1"`, "schema:"},
		{"unknown column type", "a: {type: yesno}", "a: {type: boolean}", `type "boolean" is not known (accepted: yesno, code`, "boolean"},
		{"target out of range", "target: 66.67", "target: 150", "target must lie between 0 and 100", "target:"},
		{"share out of range", "min_answered_share: 0.8", "min_answered_share: 0", "min_answered_share must lie in (0, 1]", "min_answered_share"},
		{"identification column missing", "  desa: {type: text}\n", "", "column desa must be declared (type text)", ""},
		{"identification column of the wrong type", "jk_kk: {type: sex}", "jk_kk: {type: text}", "column jk_kk must have type sex, not text", ""},
		{"header claimed twice", "b: {type: yesno}", "b: {type: yesno, aliases: [A]}", `header "A" already names column a`, ""},
		{"dimension without indicators", "  - {id: D2, label: Dua, weight: 3}\n", "  - {id: D2, label: Dua, weight: 3}\n  - {id: D3, label: Tiga}\n", "dimension D3 has no indicator", "id: D3"},
		{"not a mapping", "schema: ikk.indicators/v1\n", "- just\n- a list\n", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if !strings.Contains(miniSet, tt.old) {
				t.Fatalf("mini set lacks %q", tt.old)
			}
			src := strings.Replace(miniSet, tt.old, tt.new, 1)
			if tt.name == "not a mapping" {
				src = tt.new
			}
			_, err := LoadSet("mini.yaml", []byte(src))
			var se *SetError
			if !errors.As(err, &se) {
				t.Fatalf("err = %v, want a *SetError", err)
			}
			msg := err.Error()
			if !strings.Contains(msg, tt.want) {
				t.Errorf("message lacks %q:\n%s", tt.want, msg)
			}
			if tt.atLineOf != "" {
				line := lineOf(src, tt.atLineOf)
				found := false
				for _, p := range se.Problems {
					if p.Line == line && strings.Contains(p.Msg, tt.want) {
						found = true
					}
				}
				if !found {
					t.Errorf("no problem %q at line %d:\n%s", tt.want, line, msg)
				}
			}
		})
	}
}

func TestSetValidationCollectsAll(t *testing.T) {
	src := strings.Replace(strings.Replace(miniSet, "sectors: [s2]", "sectors: [s3]", 1), "lenses: [gender], sectors: [s1]", "lenses: [anak], sectors: [s1]", 1)
	_, err := LoadSet("mini.yaml", []byte(src))
	var se *SetError
	if !errors.As(err, &se) || len(se.Problems) != 2 {
		t.Fatalf("want both problems at once, got %v", err)
	}
}

func TestRuleWords(t *testing.T) {
	s := defaultSet(t)
	want := map[string]string{
		"LS01": "buku_nikah = ya",
		"KF03": "ada_sakit_kronis = tidak",
		"KF05": "sumber_air_minum ∈ {1-6}",
		"KF06": "fasilitas_bab ∈ {1, 2}",
		"KE02": "pendapatan_bulan / jml_art ≥ garis_kemiskinan (582.932)",
		"KE08": "atap_layak = ya dan dinding_layak = ya dan lantai_layak = ya dan luas_lantai / jml_art ≥ luas_minimum_per_orang (7,2)",
	}
	for _, ind := range s.Indicators {
		if w, ok := want[ind.ID]; ok {
			if got := ind.Rule.Words(s, "id"); got != w {
				t.Errorf("%s: %q, want %q", ind.ID, got, w)
			}
		}
	}
}
