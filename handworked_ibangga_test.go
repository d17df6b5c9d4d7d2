package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"testing"

	"github.com/ikk-tools/ikk/cmd"
)

// TestHandWorkedIBangga scores testdata/handworked_ibangga/survey.csv with
// the built-in iBangga set, which aggregates family first (docs/method.md
// section 12), and checks every figure against the workings below, done by
// hand from the method, never by this code.
//
// The set: KT (Ketenteraman) KT01-KT06, KM (Kemandirian) KM01-KM07, KB
// (Kebahagiaan) KB01-KB04; all weights 1; categories 1 below 40, 2 from 40
// to 70 with 70 included, 3 above 70. Not applicable (N): KT02 unless the
// head is married (K.07 = 2), KT03 without children, KT05, KB01 and KB02
// for a one-person family, KT06 for a head never married (K.07 = 1), KM05
// without school-age children.
//
// Outcomes, row by row as the spreadsheet numbers them (P pass, F fail, N
// not applicable, M missing, I invalid), and each family's dimension score
// D_d(h) = 100 × passes / (passes + fails) within the dimension:
//
//	row desa rt  KT01-06      KM01-07        KB01-04   D_KT  D_KM         D_KB
//	2   2004 1   P P P P P P  P P P F P P P  P F P P   100   600/7 85,71  75
//	3   2004 1   P N F F F F  P F F F P I F  P F P F   20    100/3 33,33  50
//	4   2004 2   P N N P N N  P P F P N P P  N N F F   100   250/3 83,33  0
//	5   2004 2   P M M P M P  P M M M M M M  M M M M   100   100          none
//	6   2005 1   P P N P P P  P P P P N P P  P P P P   100   100          100
//	7   2005 1   P N P F P P  F P F F N P P  P F P P   80    50           75
//	8   2005 1   P F F P F P  P P F F N P F  F F P F   50    50           25
//
// Row 3 is cerai hidup (K.07 = 3): KT02 is N, KT06 fails; its conflict item
// P.03.a is "1" (ya), so KT05 fails (reverse-coded); "kadang" in
// p_berobat_faskes is invalid (the run's one issue) and KM06 is I. Row 4 is
// one person, never married: seven variables are N, and the answer "Ya" to
// p_rekreasi is not looked at. Row 5 answered 4 of its 17 applicable
// variables: it has no KB score, and is incomplete (4 < 0,8 × 17), but its
// KT and KM scores still count below. Row 7 is cerai mati (K.07 = 4): KT06
// passes.
//
// A unit's dimension index is the mean of its families' D_d(h), over the
// families that have one; the index is the mean of the three:
//
//	desa 2004:  KT (100+20+100+100)/4 = 80;  KM (600/7+100/3+250/3+100)/4
//	            = 3175/42 = 75,595;  KB (75+50+0)/3 = 125/3 = 41,667 (row 5
//	            has none); index (80 + 3175/42 + 125/3)/3 = 8285/126 =
//	            65,754: category 2.
//	  RT 1 (rows 2, 3): KT 60, KM (600/7+100/3)/2 = 1250/21, KB 62,5;
//	            index 7645/126 = 60,675.
//	  RT 2 (rows 4, 5): KT 100, KM (250/3+100)/2 = 275/3, KB 0 (row 4
//	            alone); index 575/9 = 63,889.
//	desa 2005:  KT (100+80+50)/3 = 230/3;  KM (100+50+50)/3 = 200/3;  KB
//	            (100+75+25)/3 = 200/3; index 630/9 = 70 exactly: category 2,
//	            since 70 belongs to berkembang (tangguh starts above it).
//	  RT 1 is the whole desa.
//	kecamatan and kabupaten (all 7 families, pooled):  KT 550/7 = 78,571;
//	            KM (600/7+100/3+250/3+100+100+50+50)/7 = 10550/147 = 71,769;
//	            KB (75+50+0+100+75+25)/6 = 325/6 = 54,167; index 60125/882 =
//	            68,169: category 2. Not the mean of the two desa (67,877).
//
// Indicator first, the same data would give desa 2005 68,52 and the
// kabupaten 67,34: the aggregation is the set's, and it matters.
//
// Families' own scores H(h), the mean of their defined D_d(h): row 2
// 1825/21 = 86,90 (category 3), row 3 310/9 = 34,44 (1), row 4 550/9 =
// 61,11 (2), row 5 incomplete, row 6 100 (3), row 7 205/3 = 68,33 (2), row 8
// 125/3 = 41,67 (2). Means over complete families: desa 2004 11495/189 =
// 60,82, desa 2005 70, kabupaten 24725/378 = 65,41; RT 2004/1 7645/126, RT
// 2004/2 550/9.
//
// Achievements in desa 2005 (pass/fail, percent): KT01 3/0 100, KT02 1/1
// 50, KT03 1/1 50, KT04 2/1 66,67, KT05 2/1, KT06 3/0, KM01 2/1, KM02 3/0,
// KM03 1/2 33,33, KM04 1/2, KM05 0/0 (3 N) undefined, KM06 3/0, KM07 2/1,
// KB01 2/1, KB02 1/2, KB03 3/0, KB04 2/1. Below the target 70: KB02, KM03,
// KM04 (33,33, by id), KT02, KT03 (50), KB01, KB04, KM01, KM07, KT04, KT05
// (66,67).
func TestHandWorkedIBangga(t *testing.T) {
	var stdout, stderr bytes.Buffer
	code := cmd.Main([]string{"score", "--indicators", "ibangga", "--format", "json", "testdata/handworked_ibangga/survey.csv"}, cmd.Env{
		Builtins: builtinSets(), Stdout: &stdout, Stderr: &stderr,
	})
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	var got map[string]any
	if err := json.Unmarshal(stdout.Bytes(), &got); err != nil {
		t.Fatal(err)
	}
	compare(t, "indicator_set", map[string]any{"id": "ibangga", "short_name": "iBangga", "aggregation": "family"}, got["indicator_set"])
	compare(t, "categories", []any{
		map[string]any{"id": 1.0, "min": 0.0},
		map[string]any{"id": 2.0, "min": 40.0},
		map[string]any{"id": 3.0, "min": 70.0, "min_open": true},
	}, got["categories"])
	compare(t, "summary", map[string]any{"rows_read": 7.0, "scored": 7.0, "rejected": 0.0, "blank": 0.0, "issues": 1.0}, got["summary"])
	compare(t, "issues", []any{map[string]any{"row": 3.0, "column": "p_berobat_faskes", "code": "invalid_value"}}, got["issues"])

	type want struct {
		households     float64
		kt, km, kb     float64
		index          float64
		category       float64
		hhCats         [4]float64 // categories 1, 2, 3, incomplete
		householdsMean float64
	}
	wants := map[string]want{
		"kabupaten 63.09 <nil>":    {7, 550.0 / 7, 10550.0 / 147, 325.0 / 6, 60125.0 / 882, 2, [4]float64{1, 3, 2, 1}, 24725.0 / 378},
		"kecamatan 63.09.06 <nil>": {7, 550.0 / 7, 10550.0 / 147, 325.0 / 6, 60125.0 / 882, 2, [4]float64{1, 3, 2, 1}, 24725.0 / 378},
		"desa 63.09.06.2004 <nil>": {4, 80, 3175.0 / 42, 125.0 / 3, 8285.0 / 126, 2, [4]float64{1, 1, 1, 1}, 11495.0 / 189},
		"rt 63.09.06.2004 1":       {2, 60, 1250.0 / 21, 62.5, 7645.0 / 126, 2, [4]float64{1, 0, 1, 0}, 7645.0 / 126},
		"rt 63.09.06.2004 2":       {2, 100, 275.0 / 3, 0, 575.0 / 9, 2, [4]float64{0, 1, 0, 1}, 550.0 / 9},
		"desa 63.09.06.2005 <nil>": {3, 230.0 / 3, 200.0 / 3, 200.0 / 3, 70, 2, [4]float64{0, 2, 1, 0}, 70},
		"rt 63.09.06.2005 1":       {3, 230.0 / 3, 200.0 / 3, 200.0 / 3, 70, 2, [4]float64{0, 2, 1, 0}, 70},
	}
	order := []string{"kabupaten 63.09 <nil>", "kecamatan 63.09.06 <nil>", "desa 63.09.06.2004 <nil>", "rt 63.09.06.2004 1",
		"rt 63.09.06.2004 2", "desa 63.09.06.2005 <nil>", "rt 63.09.06.2005 1"}
	var gotOrder []string
	units := map[string]map[string]any{}
	for _, x := range got["units"].([]any) {
		u := x.(map[string]any)
		k := fmt.Sprintf("%v %v %v", u["level"], u["code"], u["rt"])
		units[k] = u
		gotOrder = append(gotOrder, k)
	}
	if fmt.Sprint(gotOrder) != fmt.Sprint(order) {
		t.Errorf("units:\nwant %v\n got %v", order, gotOrder)
	}
	for k, w := range wants {
		u := units[k]
		if u == nil {
			continue
		}
		compare(t, k, map[string]any{
			"households": w.households,
			"ikk":        w.index,
			"category":   map[string]any{"id": w.category},
			"dimensions": map[string]any{"KT": w.kt, "KM": w.km, "KB": w.kb},
			"household_categories": map[string]any{"1": w.hhCats[0], "2": w.hhCats[1], "3": w.hhCats[2],
				"incomplete": w.hhCats[3]},
			"household_mean": w.householdsMean,
			"lenses":         map[string]any{},
		}, u)
	}

	// Desa 2005: the achievements, and the permasalahan they give.
	d := units["desa 63.09.06.2005 <nil>"]
	if d == nil {
		t.Fatal("desa 63.09.06.2005 missing")
	}
	counts := map[string][3]float64{ // pass, fail, na
		"KT01": {3, 0, 0}, "KT02": {1, 1, 1}, "KT03": {1, 1, 1}, "KT04": {2, 1, 0}, "KT05": {2, 1, 0}, "KT06": {3, 0, 0},
		"KM01": {2, 1, 0}, "KM02": {3, 0, 0}, "KM03": {1, 2, 0}, "KM04": {1, 2, 0}, "KM05": {0, 0, 3}, "KM06": {3, 0, 0},
		"KM07": {2, 1, 0}, "KB01": {2, 1, 0}, "KB02": {1, 2, 0}, "KB03": {3, 0, 0}, "KB04": {2, 1, 0},
	}
	for id, c := range counts {
		var pct any
		if c[0]+c[1] > 0 {
			pct = 100 * c[0] / (c[0] + c[1])
		}
		compare(t, "desa 2005 "+id, map[string]any{"pass": c[0], "fail": c[1], "na": c[2], "missing": 0.0, "invalid": 0.0, "percent": pct},
			d["indicators"].(map[string]any)[id])
	}
	var problems []any
	for _, id := range []string{"KB02", "KM03", "KM04", "KT02", "KT03", "KB01", "KB04", "KM01", "KM07", "KT04", "KT05"} {
		c := counts[id]
		problems = append(problems, map[string]any{"indicator": id, "percent": 100 * c[0] / (c[0] + c[1]), "fail": c[1]})
	}
	compare(t, "desa 2005 permasalahan", problems, pick(d["permasalahan"], "indicator", "percent", "fail"))
}
