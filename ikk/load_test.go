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
// be named with its line, its code and the parameters that say what is
// wrong and what would be right.
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
		scope          string   // "part name" of the part the problem is about, "" for none
		code           string   // of the problem itself
		params         []string // name/value pairs the problem must carry
		atLineOf       string   // the line that must be named ("" for any)
	}{
		{"unknown key", "target: 66.67", "targett: 66.67", "", MsgSetUnknownKey, []string{"key", "targett", "within", PartSet}, "targett"},
		{"unknown column key", "a: {type: yesno}", "a: {type: yesno, colour: red}", "", MsgSetUnknownKey, []string{"key", "colour", "within", PartColumn, "keys", "type, label, aliases, codes, min, max, unit, dont_know"}, "colour"},
		{"wrong type", "min_answered_share: 0.8", "min_answered_share: banyak", "", MsgSetWrongKind, []string{"node", NodeText, "expect", NodeNumber}, "banyak"},
		{"duplicate key", "id: mini\n", "id: mini\nid: again\n", "", MsgSetDuplicateKey, []string{"key", "id", "first_line", "3"}, "id: again"},
		{"duplicate indicator id", "id: I4,", "id: I1,", "", MsgSetIDTwice, []string{"part", PartIndicator, "id", "I1"}, "id: I1, dimension: D2, label: Empat"},
		{"unknown dimension", "id: I4, dimension: D2", "id: I4, dimension: D9", "indicator I4", MsgSetUndeclared, []string{"part", PartDimension, "name", "D9", "declared", "D1, D2"}, ""},
		{"unknown sector", "sectors: [s2]", "sectors: [s3]", "indicator I2", MsgSetUndeclared, []string{"part", PartSector, "name", "s3", "declared", "s1, s2"}, ""},
		{"long short name", "s1: Sektor satu", "s1: {name: Sektor satu, short: Dinas Pemberdayaan Perempuan dan}", "sector s1", MsgSetShortLong, []string{"short", "Dinas Pemberdayaan Perempuan dan", "count", "32", "limit", "31"}, "s1: {name"},
		{"short name twice", "s1: Sektor satu, s2: Sektor dua", "s1: {name: Sektor satu, short: Satu}, s2: {name: Sektor dua, short: satu}", "sector s2", MsgSetShortShared, []string{"short", "satu", "other", "s1"}, ""},
		{"slash in short name", "s1: Sektor satu", "s1: {name: Sektor satu, short: Dinkes/PKM}", "sector s1", MsgSetShortChars, []string{"short", "Dinkes/PKM"}, ""},
		{"comma in a sector name", "s1: Sektor satu", "s1: {name: Sektor, satu, short: Satu}", "", MsgSetSectorKey, []string{"key", "satu"}, "s1: {name"},
		{"sector without a name", "s1: Sektor satu", "s1: {short: Satu}", "sector s1", MsgSetSectorName, nil, ""},
		{"unknown function", "functions: [cinta], lenses: [gender]", "functions: [kasih], lenses: [gender]", "indicator I1", MsgSetUndeclared, []string{"part", PartFunction, "name", "kasih", "declared", "cinta"}, ""},
		{"unknown lens", "weight: 2, lenses: [gender]", "weight: 2, lenses: [anak]", "indicator I2", MsgSetUndeclared, []string{"part", PartLens, "name", "anak", "declared", "gender"}, ""},
		{"rule names an undeclared column", "rule: {yes: a}", "rule: {yes: zz}", "indicator I1", MsgSetColumnUndeclared, []string{"name", "zz"}, ""},
		{"rule names an undeclared parameter", "min: p}", "min: q}", "indicator I3", MsgSetUndeclared, []string{"part", PartParameter, "name", "q", "declared", "p"}, ""},
		{"rule on a column of the wrong type", "rule: {no: b}", "rule: {no: n}", "indicator I2", MsgSetRuleColumnType, []string{"column", "n", "type", "number", "types", "yesno"}, ""},
		{"malformed rule", "rule: {no: b}", "rule: {no: b, yes: a}", "indicator I2", MsgSetRuleMalformed, nil, ""},
		{"unknown rule key", "rule: {no: b}", "rule: {nope: b}", "indicator I2", MsgSetRuleKey, []string{"key", "nope"}, ""},
		{"code not declared", "in: [2, 3]", "in: [2, 9]", "indicator I4", MsgSetCodeUndeclared, []string{"code", "9", "column", "status", "declared", "1-4"}, ""},
		{"ratio by a column that may be zero", "ratio: [n, m]", "ratio: [n, anak]", "indicator I3", MsgSetRatioDenominator, []string{"column", "anak"}, ""},
		{"categories out of order", "{id: 3, label: Tinggi, min: 75}", "{id: 3, label: Tinggi, min: 40}", "", MsgSetCategoryOrder, []string{"found", "40", "id", "3", "before", "50"}, "min: 40"},
		{"duplicate category", "{id: 3, label: Tinggi", "{id: 2, label: Tinggi", "", MsgSetIDTwice, []string{"part", PartCategory, "id", "2"}, ""},
		{"first category above 0", "{id: 1, label: Rendah, min: 0}", "{id: 1, label: Rendah, min: 10}", "", MsgSetFirstCategory, []string{"found", "10"}, "min: 10"},
		{"indicator weight zero", "weight: 2,", "weight: 0,", "indicator I2", MsgSetWeight, []string{"found", "0", "limit", "1000"}, ""},
		{"dimension weight negative", "weight: 3}", "weight: -3}", "dimension D2", MsgSetWeight, []string{"found", "-3", "limit", "1000"}, "weight: -3"},
		{"dimension weight infinite", "weight: 3}", "weight: .inf}", "", MsgSetNotFinite, []string{"text", ".inf"}, "weight: .inf"},
		{"indicator weight huge", "weight: 2,", "weight: 1e308,", "indicator I2", MsgSetWeight, []string{"limit", "1000"}, ""},
		{"target not a number", "target: 66.67", "target: .nan", "", MsgSetNotFinite, []string{"text", ".nan"}, "target: .nan"},
		{"category min not a number", "{id: 3, label: Tinggi, min: 75}", "{id: 3, label: Tinggi, min: .NaN}", "", MsgSetNotFinite, []string{"text", ".NaN"}, "min: .NaN"},
		{"category min negative infinity", "{id: 1, label: Rendah, min: 0}", "{id: 1, label: Rendah, min: -.inf}", "", MsgSetNotFinite, []string{"text", "-.inf"}, "min: -.inf"},
		{"number beyond float64", "target: 66.67", "target: 1e999", "", MsgSetWrongKind, []string{"expect", NodeNumber}, "target: 1e999"},
		{"parameter not a number", "p: {value: 10}", "p: {value: .nan}", "", MsgSetNotFinite, []string{"text", ".nan"}, "p: {value: .nan}"},
		{"parameter below its minimum", "p: {value: 10}", "p: {value: -5, min: 0}", "", MsgParamBelowMin, []string{"name", "p", "value", "-5", "min", "0"}, "p: {value: -5"},
		{"parameter above its maximum", "p: {value: 10}", "p: {value: 10, max: 5}", "", MsgParamAboveMax, []string{"name", "p", "value", "10", "max", "5"}, "p: {value: 10"},
		{"parameter range reversed", "p: {value: 10}", "p: {value: 10, min: 20, max: 5}", "parameter p", MsgSetMinAboveMax, []string{"low", "20", "high", "5"}, "p: {value: 10"},
		{"category never reached", "{id: 3, label: Tinggi, min: 75}", "{id: 3, label: Tinggi, min: 150}", "", MsgSetCategoryNever, []string{"id", "3", "found", "150", "limit", "100"}, "min: 150"},
		{"unknown condition", "applies: both", "applies: sometimes", "indicator I2", MsgSetApplies, []string{"name", "sometimes", "declared", "all, both, has_child, married"}, ""},
		{"condition cycle", "married: {column: status, in: [2]}", "married: {condition: both}", "", MsgSetCycle, []string{"name", "married"}, "married: {condition"},
		{"bad provenance", "id: I4, dimension: D2, label: Empat, rule: {column: status, in: [2, 3]}, provenance: {status: proposed", "id: I4, dimension: D2, label: Empat, rule: {column: status, in: [2, 3]}, provenance: {status: guess", "indicator I4", MsgSetStatus, []string{"status", "guess", "statuses", "official, official-2016, confirmed, proposed, reconstructed"}, ""},
		{"missing label", "label: Empat,", "label: '',", "indicator I4", MsgSetLabelRequired, nil, ""},
		{"category with min and above", "{id: 3, label: Tinggi, min: 75}", "{id: 3, label: Tinggi, min: 75, above: 75}", "category 3", MsgSetCategoryBoth, nil, ""},
		{"category without a bound", "{id: 3, label: Tinggi, min: 75}", "{id: 3, label: Tinggi}", "category 3", MsgSetCategoryMin, nil, ""},
		{"first category open", "{id: 1, label: Rendah, min: 0}", "{id: 1, label: Rendah, above: 0}", "", MsgSetFirstAbove, []string{"found", "0"}, "above: 0"},
		{"open category out of order", "{id: 3, label: Tinggi, min: 75}", "{id: 3, label: Tinggi, above: 50}", "", MsgSetCategoryOrder, []string{"found", "50", "id", "3", "before", "50"}, "above: 50"},
		{"open category never reached", "{id: 3, label: Tinggi, min: 75}", "{id: 3, label: Tinggi, above: 100}", "", MsgSetCategoryNever, []string{"id", "3", "found", "100"}, "above: 100"},
		{"unknown aggregation", "target: 66.67", "target: 66.67\naggregation: household", "", MsgSetAggregation, []string{"found", "household", "accepted", "indicator, family"}, "aggregation:"},
		{"short name too long", "target: 66.67", "target: 66.67\nshort_name: Indeks Pembangunan Keluarga", "", MsgSetShortName, []string{"count", "27", "limit", "20"}, "short_name:"},
		{"schema", "schema: ikk.indicators/v1", "schema: ikk.indicators/v2", "", MsgSetSchema, []string{"schema", SchemaV1, "text", "ikk.indicators/v2"}, "schema:"},
		{"unknown column type", "a: {type: yesno}", "a: {type: boolean}", "column a", MsgSetColumnType, []string{"type", "boolean", "types", "yesno, code, number, count, sex, text, village_code, kk_number"}, "boolean"},
		{"target out of range", "target: 66.67", "target: 150", "", MsgSetTarget, []string{"found", "150"}, "target:"},
		{"share out of range", "min_answered_share: 0.8", "min_answered_share: 0", "", MsgSetShare, []string{"found", "0"}, "min_answered_share"},
		{"identification column missing", "  desa: {type: text}\n", "", "", MsgSetIdentMissing, []string{"column", "desa", "type", "text"}, ""},
		{"identification column of the wrong type", "jk_kk: {type: sex}", "jk_kk: {type: text}", "", MsgSetIdentType, []string{"column", "jk_kk", "type", "sex", "got", "text"}, ""},
		{"header claimed twice", "b: {type: yesno}", "b: {type: yesno, aliases: [A]}", "column b", MsgSetHeaderShared, []string{"header", "A", "other", "a"}, ""},
		{"dimension without indicators", "  - {id: D2, label: Dua, weight: 3}\n", "  - {id: D2, label: Dua, weight: 3}\n  - {id: D3, label: Tiga}\n", "", MsgSetDimensionEmpty, []string{"id", "D3"}, "id: D3"},
		{"not a mapping", "schema: ikk.indicators/v1\n", "- just\n- a list\n", "", MsgSetNotMapping, []string{"node", NodeList}, "- just"},
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
			line := 0
			if tt.atLineOf != "" {
				line = lineOf(src, tt.atLineOf)
			}
			for _, p := range se.Problems {
				if (line == 0 || p.Line == line) && problemIs(p.Message, tt.scope, tt.code, tt.params) {
					return
				}
			}
			t.Errorf("no problem %s %v (scope %q) at line %d:\n%s", tt.code, tt.params, tt.scope, line, err)
		})
	}
}

// problemIs reports whether m says code with the given parameters, within
// the part scope ("indicator I4") or, for "", not within a part.
func problemIs(m *Message, scope, code string, params []string) bool {
	if m.Code == MsgSetIn || m.Code == MsgSetInNth {
		inner, ok := m.Err.(*Message)
		name := m.Param("name")
		if m.Code == MsgSetInNth {
			name = m.Param("n")
		}
		return ok && scope == m.Param("part")+" "+name && problemIs(inner, "", code, params)
	}
	if scope != "" || m.Code != code {
		return false
	}
	for i := 0; i+1 < len(params); i += 2 {
		if m.Param(params[i]) != params[i+1] {
			return false
		}
	}
	return true
}

// problemCodes lists the codes of an error's problems, a part's scope
// before the code of its problem ("set_in>set_weight").
func problemCodes(err error) []string {
	var se *SetError
	if !errors.As(err, &se) {
		return nil
	}
	var codes []string
	for _, p := range se.Problems {
		c := p.Message.Code
		for m := p.Message; m.Code == MsgSetIn || m.Code == MsgSetInNth; {
			m = m.Err.(*Message)
			c += ">" + m.Code
		}
		codes = append(codes, c)
	}
	return codes
}

// TestBrokenYAML loads files that are broken as YAML or as a set and checks
// the code of every problem, so that no problem falls back to a generic
// code or to the YAML library's words.
func TestBrokenYAML(t *testing.T) {
	tests := []struct {
		name, src string
		want      []string
	}{
		{"empty", "", []string{MsgSetEmpty}},
		{"comment only", "# nothing\n", []string{MsgSetEmpty}},
		{"a single value", "just text\n", []string{MsgSetNotMapping}},
		{"tab after a value", "schema: x\n\tid: y\n", []string{MsgSetYAMLTab}},
		{"tab as indentation", "columns:\n\ta: {type: yesno}\n", []string{MsgSetYAMLBadStart}},
		{"value beginning with @", "name: @home\n", []string{MsgSetYAMLBadStart}},
		{"colon inside a value", "schema: x\nname: Indeks: Keluarga\n", []string{MsgSetYAMLColon}},
		{"indented too far", "schema: x\nid: y\n  name: z\n", []string{MsgSetYAMLColon}},
		{"indented too little", "columns:\n  a: {type: yesno}\n b: {type: yesno}\n", []string{MsgSetYAMLIndent}},
		{"key among list items", "categories:\n  - {id: 1, label: A, min: 0}\n  id: 2\n", []string{MsgSetYAMLDash}},
		{"list not closed", "lenses: [a, b\nid: x\n", []string{MsgSetYAMLList}},
		{"mapping not closed", "sectors: {a: A\nid: x\n", []string{MsgSetYAMLMapping}},
		{"quote not closed", "name: \"Indeks\nid: x\n", []string{MsgSetYAMLEnd}},
		{"undefined alias", "name: *nope\n", []string{MsgSetYAML}},
		{"list for a number", "schema: ikk.indicators/v1\ntarget: [1]\n", []string{MsgSetWrongKind}},
		{"two unknown keys", "schema: ikk.indicators/v1\ncolour: red\nsize: 2\n", []string{MsgSetUnknownKey, MsgSetUnknownKey}},
		{"only a schema", "schema: ikk.indicators/v1\n", []string{
			MsgSetRequired, MsgSetRequired, MsgSetRequired, MsgSetNoCategories, MsgSetNoDimensions,
			MsgSetIdentMissing, MsgSetIdentMissing, MsgSetIdentMissing, MsgSetNoIndicators}},
		{"bad names and ids", miniSetWith(t, map[string]string{
			"p: {value: 10}":                      "p: {value: 10}\n  2p: {value: 1}",
			"  - {id: D2, label: Dua, weight: 3}": "  - {id: D2, label: Dua, weight: 3}\n  - {id: D-3, label: Tiga}",
			"gender: Gender}":                     "gender: Gender, cinta: Cinta}",
			"in: [2, 3]":                          "in: [two]",
		}), []string{MsgSetBadName, MsgSetBadID, MsgSetDimensionEmpty, MsgSetLensIsFunction, MsgSetIn + ">" + MsgSetCodeNotWhole}},
		{"rules of every wrong shape", miniSetWith(t, map[string]string{
			"rule: {yes: a}, applies: married":   "rule: [a], applies: married",
			"rule: {no: b}":                      "rule: {column: n}",
			"{ratio: [n, m], min: p}":            "{ratio: [n], min: p}",
			"rule: {column: status, in: [2, 3]}": "rule: {any: []}",
		}), []string{MsgSetIn + ">" + MsgSetRuleNotMapping, MsgSetIn + ">" + MsgSetRangeNoBound, MsgSetIn + ">" + MsgSetRatioList, MsgSetIn + ">" + MsgSetRuleList}},
		{"an indicator without an id", miniSetWith(t, map[string]string{
			"id: I4, dimension: D2, label: Empat, rule: {column: status, in: [2, 3]}": "id: '', dimension: D2, label: Empat, rule: {column: status, in: [2, 3], min: {x: 1}}",
		}), []string{MsgSetBadID, MsgSetInNth + ">" + MsgSetRuleMalformed}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := LoadSet("broken.yaml", []byte(tt.src))
			if got := problemCodes(err); strings.Join(got, " ") != strings.Join(tt.want, " ") {
				t.Errorf("codes %v, want %v\n%v", got, tt.want, err)
			}
		})
	}
}

// miniSetWith is the mini set with each old text replaced by its new one.
func miniSetWith(t *testing.T, edits map[string]string) string {
	s := miniSet
	for old, new := range edits {
		if !strings.Contains(s, old) {
			t.Fatalf("mini set lacks %q", old)
		}
		s = strings.Replace(s, old, new, 1)
	}
	return s
}

func TestSetValidationCollectsAll(t *testing.T) {
	src := strings.Replace(strings.Replace(miniSet, "sectors: [s2]", "sectors: [s3]", 1), "lenses: [gender], sectors: [s1]", "lenses: [anak], sectors: [s1]", 1)
	_, err := LoadSet("mini.yaml", []byte(src))
	var se *SetError
	if !errors.As(err, &se) || len(se.Problems) != 2 {
		t.Fatalf("want both problems at once, got %v", err)
	}
}
