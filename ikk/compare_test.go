package ikk

import (
	"slices"
	"strings"
	"testing"
)

func fp(v float64) *float64 { return &v }

// snap builds a small snapshot: one kabupaten and the given desa, with one
// dimension D and the indicators named.
func snap(inds []string, desa ...SnapshotUnit) *Snapshot {
	s := &Snapshot{Set: SnapshotSet{ID: "ikk", Name: "IKK", Version: "1", SHA256: "aa", ShortName: "IKK"},
		Categories: []SnapshotCategory{{ID: 1, Label: "Kurang", Min: 0}, {ID: 2, Label: "Cukup", Min: 60}, {ID: 3, Label: "Baik", Min: 75}},
		Dimensions: []string{"D"}, Indicators: inds}
	s.Units = append(s.Units, SnapshotUnit{Level: LevelKabupaten, Code: "63.09", Name: "Tabalong", Index: fp(70), Category: 2,
		Dimensions: []*float64{fp(70)}, Indicators: make([]Counted, len(inds))})
	for _, d := range desa {
		d.Level = LevelDesa
		d.Dimensions = []*float64{d.Index}
		if d.Indicators == nil {
			d.Indicators = make([]Counted, len(inds))
		}
		s.Units = append(s.Units, d)
	}
	return s
}

func TestCompareMatching(t *testing.T) {
	ids := []string{"A"}
	base := snap(ids,
		SnapshotUnit{Code: "63.09.01.2001", Name: "Sungai Hilir", Kecamatan: "Kelua", Index: fp(50), Category: 1},
		SnapshotUnit{Code: "", Name: "Desa Tanjung  Baru", Kecamatan: "Kec. Kelua", Index: fp(65), Category: 2},
		SnapshotUnit{Code: "63.09.01.2003", Name: "Padang", Kecamatan: "Kelua", Index: fp(80), Category: 3},
		SnapshotUnit{Code: "63.09.01.2009", Name: "Gone", Kecamatan: "Kelua", Index: fp(80), Category: 3},
	)
	cur := snap(ids,
		// The same code written without dots.
		SnapshotUnit{Code: "6309012001", Name: "Sungai Hilir", Kecamatan: "Kelua", Index: fp(62), Category: 2},
		// Found by name: the baseline had no code.
		SnapshotUnit{Code: "63.09.01.2002", Name: "Tanjung Baru", Kecamatan: "Kelua", Index: fp(80), Category: 3},
		// Same name as Padang but another code: another desa.
		SnapshotUnit{Code: "63.09.01.2004", Name: "Padang", Kecamatan: "Kelua", Index: nil, Category: 0},
		SnapshotUnit{Code: "63.09.01.2003", Name: "Padang Lama", Kecamatan: "Kelua", Index: fp(70), Category: 2},
	)
	c := Compare(base, cur, 30)
	if len(c.Desa) != 3 {
		t.Fatalf("matched %d desa, want 3", len(c.Desa))
	}
	if !c.Desa[1].ByName || c.Desa[0].ByName || c.Desa[2].ByName || c.MatchedByName() != 1 {
		t.Errorf("by name: %v %v %v", c.Desa[0].ByName, c.Desa[1].ByName, c.Desa[2].ByName)
	}
	if c.Desa[2].Now.Name != "Padang Lama" {
		t.Errorf("code 2003 matched %q", c.Desa[2].Now.Name)
	}
	if got := *c.Desa[0].Index.Change; got != 12 {
		t.Errorf("change %v, want 12", got)
	}
	if len(c.OnlyBaseline) != 1 || c.OnlyBaseline[0].Name != "Gone" || len(c.OnlyCurrent) != 1 || c.OnlyCurrent[0].Code != "63.09.01.2004" {
		t.Errorf("only: %+v / %+v", c.OnlyBaseline, c.OnlyCurrent)
	}
	// Kurang->Cukup, Cukup->Baik, Baik->Cukup.
	want := [][]int{{0, 1, 0, 0}, {0, 0, 1, 0}, {0, 1, 0, 0}, {0, 0, 0, 0}}
	for i := range want {
		if !slices.Equal(c.Transitions[i], want[i]) {
			t.Errorf("transitions row %d = %v, want %v", i, c.Transitions[i], want[i])
		}
	}
	if !c.SameSet() {
		t.Errorf("differences %v", c.Differences)
	}
}

func TestCompareFewFamilies(t *testing.T) {
	ids := []string{"A", "B", "C", "D"}
	counted := func(pf ...int) []Counted {
		var out []Counted
		for i := 0; i < len(pf); i += 2 {
			p := 100 * float64(pf[i]) / float64(pf[i]+pf[i+1])
			out = append(out, Counted{Pass: pf[i], Fail: pf[i+1], Percent: &p})
		}
		return out
	}
	base := snap(ids, SnapshotUnit{Code: "1", Name: "X", Index: fp(50), Category: 1,
		Indicators: counted(10, 30, 20, 9, 30, 10, 5, 35)})
	cur := snap(ids, SnapshotUnit{Code: "1", Name: "X", Index: fp(55), Category: 1,
		Indicators: counted(30, 10, 29, 1, 10, 19, 20, 20)})
	c := Compare(base, cur, 30)
	d := c.Desa[0]
	// A: 40 and 40 families; B: 29 then (below 30); C: 29 now; D: 40, 40.
	wantFew := []bool{false, true, true, false}
	for i, w := range wantFew {
		if d.Indicators[i].Few != w {
			t.Errorf("%s few = %v, want %v (families %d, %d)", ids[i], d.Indicators[i].Few, w, d.Indicators[i].FamiliesThen, d.Indicators[i].FamiliesNow)
		}
	}
	if d.Few != 2 {
		t.Errorf("few count %d, want 2", d.Few)
	}
	// B rose most (+31) and C fell most, but both are flagged: A (+50) and
	// D (+37.5) are the improvements, and nothing fell.
	if got := d.Improved; !slices.Equal(got, []int{0, 3}) || len(d.Worsened) != 0 {
		t.Errorf("improved %v worsened %v", got, d.Worsened)
	}
	// At 29 nothing is flagged: the threshold is "below".
	if c := Compare(base, cur, 29); c.Desa[0].Few != 0 {
		t.Errorf("threshold 29 flags %d", c.Desa[0].Few)
	}
}

func TestCompareSetMismatch(t *testing.T) {
	base := snap([]string{"A", "B", "C"}, SnapshotUnit{Code: "1", Name: "X", Index: fp(50), Category: 1})
	base.Parameters = []Parameter{{Name: "garis", Value: 100}}
	cur := snap([]string{"B", "C", "E"}, SnapshotUnit{Code: "1", Name: "X", Index: fp(50), Category: 1})
	cur.Parameters = []Parameter{{Name: "garis", Value: 120}}
	cur.Set.Version, cur.Set.SHA256 = "2", "bb"
	cur.Categories = append([]SnapshotCategory(nil), cur.Categories...)
	cur.Categories[1].Min = 65
	c := Compare(base, cur, 30)
	var codes []string
	for _, d := range c.Differences {
		codes = append(codes, d.Code+" "+strings.Join(d.Params, " "))
	}
	want := []string{
		"set_version then 1 now 2",
		"parameter name garis then 100 now 120",
		"categories ",
		"indicators_only_baseline count 1 ids A",
		"indicators_only_current count 1 ids E",
	}
	if !slices.Equal(codes, want) {
		t.Errorf("differences\n%q\nwant\n%q", codes, want)
	}
	if !slices.Equal(c.Indicators, []string{"B", "C"}) || len(c.Desa[0].Indicators) != 2 {
		t.Errorf("common indicators %v", c.Indicators)
	}
	// Same version, other bytes: the file changed without a new version.
	cur.Set.Version = "1"
	c = Compare(base, cur, 30)
	if c.Differences[0].Code != DiffSetFile {
		t.Errorf("first difference %v, want %s", c.Differences[0], DiffSetFile)
	}
}
