package ikk

import (
	"errors"
	"math"
	"reflect"
	"strings"
	"testing"
)

// lokusSet is the mini set (D1 weight 1, D2 weight 3) with equal weights
// as its alternative.
func lokusSet(t *testing.T) *Set {
	t.Helper()
	s, err := LoadSet("mini.yaml", []byte(withWeightings("  - {key: sama, label: Bobot sama, weights: {D1: 1, D2: 1}}\n")))
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// hand is a desa built by hand: its dimensions (NaN undefined) and, when
// given, its resampled dimensions.
type hand struct {
	code, kec string
	hh        int
	dims      []float64
	reps      [][]float64
}

// even is a desa whose two dimensions are both v: its index is v under
// any weighting.
func even(code, kec string, hh int, v float64, reps ...float64) hand {
	h := hand{code: code, kec: kec, hh: hh, dims: []float64{v, v}}
	for _, r := range reps {
		h.reps = append(h.reps, []float64{r, r})
	}
	return h
}

// handResult builds a result from desa given kecamatan by kecamatan, each
// kecamatan before its desa, as a scored result orders them.
func handResult(t *testing.T, set *Set, desa ...hand) *Result {
	t.Helper()
	r := &Result{Set: set, Units: []*Unit{{Level: LevelKabupaten, Name: "Tabalong"}}}
	last := ""
	for _, d := range desa {
		if d.kec != last {
			r.Units = append(r.Units, &Unit{Level: LevelKecamatan, Code: d.code[:8], Name: d.kec})
			last = d.kec
		}
		u := &Unit{Level: LevelDesa, Code: d.code, Name: "Desa " + d.code[9:], Kecamatan: d.kec, Households: d.hh, replicates: d.reps}
		for _, v := range d.dims {
			if math.IsNaN(v) {
				u.Dimensions = append(u.Dimensions, nil)
			} else {
				u.Dimensions = append(u.Dimensions, ptr(v))
			}
		}
		u.IKK, u.UndefinedDimensions = set.Index(u.Dimensions)
		if u.IKK != nil {
			u.Category = set.Category(*u.IKK)
		}
		r.Units = append(r.Units, u)
	}
	return r
}

func codes(l *Lokus) string {
	var out []string
	for _, c := range l.Candidates {
		out = append(out, c.Unit.Code[9:])
	}
	return strings.Join(out, " ")
}

func excluded(l *Lokus) string {
	var out []string
	for _, e := range l.Excluded {
		out = append(out, e.Unit.Code[9:]+":"+e.Reason)
	}
	return strings.Join(out, " ")
}

// TestLokusEligibility: every desa is a candidate or excluded for the
// first rule it fails; candidates ranked with ties to more families, then
// the lower code; the most-in-need direction ranks the lowest first.
func TestLokusEligibility(t *testing.T) {
	set := lokusSet(t)
	nan := math.NaN()
	r := handResult(t, set,
		even("63.09.01.2001", "Satu", 120, 80),
		even("63.09.01.2002", "Satu", 50, 85),
		hand{code: "63.09.01.2003", kec: "Satu", hh: 200, dims: []float64{70, nan}},
		even("63.09.02.2004", "Dua", 150, 62),
		even("63.09.02.2005", "Dua", 150, 80),
		even("63.09.02.2006", "Dua", 150, 62),
	)
	satu, dua := r.Units[1], r.Units[5]
	tests := []struct {
		name       string
		rules      LokusRules
		candidates string
		excluded   string
	}{
		{"no rules: the undefined index only", LokusRules{}, "2002 2005 2001 2004 2006", "2003:no_index"},
		{"min families and a category; an equal IKK goes to more families", LokusRules{MinKK: 100, Categories: []int{3}}, "2005 2001", "2002:few_kk 2003:no_index 2004:category 2006:category"},
		{"min families is inclusive", LokusRules{MinKK: 120}, "2005 2001 2004 2006", "2002:few_kk 2003:no_index"},
		{"a kecamatan comes first among the reasons", LokusRules{Kecamatan: []*Unit{dua}}, "2005 2004 2006", "2001:kecamatan 2002:kecamatan 2003:kecamatan"},
		{"two kecamatan and two categories", LokusRules{Kecamatan: []*Unit{dua, satu}, Categories: []int{2, 3}}, "2002 2005 2001 2004 2006", "2003:no_index"},
		{"most in need: lowest first; an equal IKK and families go to the lower code", LokusRules{Direction: LokusLowest}, "2004 2006 2005 2001 2002", "2003:no_index"},
		{"no candidate", LokusRules{MinKK: 1000}, "", "2001:few_kk 2002:few_kk 2003:no_index 2004:few_kk 2005:few_kk 2006:few_kk"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			l := RankLokus(r, tt.rules)
			if got := codes(l); got != tt.candidates {
				t.Errorf("candidates %q, want %q", got, tt.candidates)
			}
			if got := excluded(l); got != tt.excluded {
				t.Errorf("excluded %q, want %q", got, tt.excluded)
			}
			if l.Assessed != len(l.Candidates)+len(l.Excluded) || l.Assessed != 6 {
				t.Errorf("assessed %d = %d candidates + %d excluded?", l.Assessed, len(l.Candidates), len(l.Excluded))
			}
			for i, c := range l.Candidates {
				if c.Rank != i+1 || c.PointRank[0] != i+1 {
					t.Errorf("%s: rank %d, point rank %v at place %d", c.Unit.Code, c.Rank, c.PointRank, i+1)
				}
			}
			if l.Resamples != 0 {
				t.Errorf("resamples %d without replicates", l.Resamples)
			}
		})
	}
	l := RankLokus(r, LokusRules{MinKK: 1000})
	if err := l.NoCandidateError(); err.(*Message).Param("few_kk") != "5" || err.(*Message).Param("no_index") != "1" {
		t.Errorf("no candidate: %v", err)
	}
}

// TestLokusShares: the share of resamples in which each candidate ranks
// first, worked out by hand.
func TestLokusShares(t *testing.T) {
	set := lokusSet(t)
	nan := math.NaN()
	r := handResult(t, set,
		// Resample 0: A first; 1: B; 2: C (A undefined); 3: A and B equal,
		// to A, ranked first by its own value.
		even("63.09.01.2001", "Satu", 100, 79, 80, 70, nan, 75),
		even("63.09.01.2002", "Satu", 100, 77, 78, 72, 60, 75),
		even("63.09.01.2003", "Satu", 100, 55, 50, 50, 65, 50),
	)
	for _, tt := range []struct {
		dir    string
		order  string
		shares [][]float64 // per candidate in rank order, per weighting
	}{
		{LokusHighest, "2001 2002 2003", [][]float64{{0.5, 0.5}, {0.25, 0.25}, {0.25, 0.25}}},
		// Lowest: C in 0, 1 and 3; B in 2, where C is 65.
		{LokusLowest, "2003 2002 2001", [][]float64{{0.75, 0.75}, {0.25, 0.25}, {0, 0}}},
	} {
		l := RankLokus(r, LokusRules{Direction: tt.dir})
		if codes(l) != tt.order || l.Resamples != 4 {
			t.Fatalf("%s: order %q, resamples %d", tt.dir, codes(l), l.Resamples)
		}
		for i, c := range l.Candidates {
			if !reflect.DeepEqual(c.FirstShare, tt.shares[i]) {
				t.Errorf("%s: %s first in %v, want %v", tt.dir, c.Unit.Code, c.FirstShare, tt.shares[i])
			}
		}
	}
	// The weights decide: D is first with equal weights, E with the
	// set's own (D2 weighs 3).
	r = handResult(t, set,
		hand{code: "63.09.01.2004", kec: "Satu", hh: 100, dims: []float64{100, 60}, reps: [][]float64{{100, 60}, {90, 60}}},
		hand{code: "63.09.01.2005", kec: "Satu", hh: 100, dims: []float64{60, 75}, reps: [][]float64{{60, 75}, {60, 80}}},
	)
	l := RankLokus(r, LokusRules{})
	if codes(l) != "2005 2004" {
		t.Fatalf("order %q", codes(l))
	}
	e, d := l.Candidates[0], l.Candidates[1]
	if !reflect.DeepEqual(e.FirstShare, []float64{1, 0}) || !reflect.DeepEqual(d.FirstShare, []float64{0, 1}) {
		t.Errorf("shares E %v, D %v", e.FirstShare, d.FirstShare)
	}
	if !reflect.DeepEqual(e.PointRank, []int{1, 2}) || !reflect.DeepEqual(d.PointRank, []int{2, 1}) || e.Index[1] != 67.5 || d.Index[1] != 80 {
		t.Errorf("point ranks E %v %v, D %v %v", e.PointRank, e.Index, d.PointRank, d.Index)
	}
	j, err := l.Justify(e.Unit)
	if err != nil {
		t.Fatal(err)
	}
	if j.Verdict != JustifyClose || j.Noise || !reflect.DeepEqual(j.Sensitive, []int{1}) || j.FirstUnder[1].Unit != d.Unit || j.Rival.Unit != d.Unit {
		t.Errorf("first only under the set's own weights: %+v", j)
	}
	// Replicates missing for one candidate: no shares at all, rather than
	// shares that leave it out.
	r.Units[len(r.Units)-1].replicates = nil
	if l := RankLokus(r, LokusRules{}); l.Resamples != 0 || l.Candidates[0].FirstShare != nil {
		t.Errorf("shares without every candidate's resamples: %d %v", l.Resamples, l.Candidates[0].FirstShare)
	}
}

// TestLokusJustify: within noise, clear, not first, the only candidate,
// and the weakest dimension and indicators of the desa most in need.
func TestLokusJustify(t *testing.T) {
	set := lokusSet(t)
	rep := func(v float64, n int, alt float64, every int) []float64 {
		var out []float64
		for b := range n {
			if every > 0 && b%every == 0 {
				out = append(out, alt)
			} else {
				out = append(out, v)
			}
		}
		return out
	}
	interval := func(u *Unit, lo, hi float64) { u.Uncertainty = &Uncertainty{Resamples: 10, IKK: &Interval{lo, hi}} }
	t.Run("within noise", func(t *testing.T) {
		// A is first at its value but B beats it in 3 resamples of 10.
		r := handResult(t, set,
			even("63.09.01.2001", "Satu", 100, 80, rep(80, 10, 70, 3)...),
			even("63.09.01.2002", "Satu", 100, 79, rep(75, 10, 0, 0)...))
		interval(r.Units[2], 72, 84)
		interval(r.Units[3], 74, 83)
		l := RankLokus(r, LokusRules{})
		j, err := l.Justify(r.Units[2])
		if err != nil {
			t.Fatal(err)
		}
		if l.Candidates[0].FirstShare[0] != 0.6 || j.Verdict != JustifyClose || !j.Noise || !j.Overlap || j.Clear() || len(j.Sensitive) != 1 {
			t.Errorf("share %v: %+v", l.Candidates[0].FirstShare, j)
		}
	})
	t.Run("clear", func(t *testing.T) {
		r := handResult(t, set,
			even("63.09.01.2001", "Satu", 100, 90, rep(90, 10, 86, 5)...),
			even("63.09.01.2002", "Satu", 100, 70, rep(70, 10, 0, 0)...),
			even("63.09.01.2003", "Satu", 100, 60, rep(60, 10, 0, 0)...))
		interval(r.Units[2], 86, 92)
		interval(r.Units[3], 66, 74)
		l := RankLokus(r, LokusRules{})
		j, _ := l.Justify(r.Units[2])
		if j.Verdict != JustifyClear || j.Noise || j.Overlap || !j.Clear() || j.Rival.Unit != r.Units[3] || j.WeakDimension != -1 {
			t.Errorf("%+v", j)
		}
		// The kabupaten may choose the second: the facts say it is not first.
		j, _ = l.Justify(r.Units[3])
		if j.Verdict != JustifyNotFirst || j.Rival.Unit != r.Units[2] || j.First.Unit != r.Units[2] || j.Clear() {
			t.Errorf("second chosen: %+v", j)
		}
	})
	t.Run("at the threshold is clear", func(t *testing.T) {
		r := handResult(t, set,
			even("63.09.01.2001", "Satu", 100, 80, rep(80, 10, 60, 5)...),
			even("63.09.01.2002", "Satu", 100, 70, rep(70, 10, 0, 0)...))
		l := RankLokus(r, LokusRules{})
		if j, _ := l.Justify(r.Units[2]); l.Candidates[0].FirstShare[0] != LokusClearShare || j.Verdict != JustifyClear {
			t.Errorf("share %v: %s", l.Candidates[0].FirstShare, j.Verdict)
		}
	})
	t.Run("only candidate, and unmeasured", func(t *testing.T) {
		r := handResult(t, set, even("63.09.01.2001", "Satu", 100, 80), even("63.09.01.2002", "Satu", 10, 90))
		l := RankLokus(r, LokusRules{MinKK: 50})
		if j, _ := l.Justify(r.Units[2]); j.Verdict != JustifyOnly || j.Rival != nil || !j.Clear() {
			t.Errorf("only: %+v", j)
		}
		l = RankLokus(r, LokusRules{})
		if j, _ := l.Justify(r.Units[3]); j.Verdict != JustifyUnmeasured || j.Clear() {
			t.Errorf("unmeasured: %+v", j)
		}
	})
	t.Run("most in need", func(t *testing.T) {
		r := handResult(t, set,
			hand{code: "63.09.01.2001", kec: "Satu", hh: 100, dims: []float64{30, 50}},
			even("63.09.01.2002", "Satu", 100, 80))
		u := r.Units[2]
		for i, p := range []float64{20, 35, 40, 60} {
			u.Permasalahan = append(u.Permasalahan, Problem{Indicator: set.Indicators[i], Percent: p, Fail: 10})
		}
		l := RankLokus(r, LokusRules{Direction: LokusLowest})
		j, _ := l.Justify(u)
		if j.WeakDimension != 0 || len(j.WeakIndicators) != LokusWeakIndicators || j.WeakIndicators[0].Percent != 20 {
			t.Errorf("weakest: %d %v", j.WeakDimension, j.WeakIndicators)
		}
	})
}

// TestLokusLookups: categories by id, short name or label; kecamatan by
// code or name; a desa lokus that is no candidate refused with its rule.
func TestLokusLookups(t *testing.T) {
	set := lokusSet(t)
	for key, want := range map[string]int{"3": 3, "tinggi": 3, " Sedang ": 2} {
		if id, err := FindCategory(set, key); err != nil || id != want {
			t.Errorf("FindCategory(%q) = %d, %v", key, id, err)
		}
	}
	_, err := FindCategory(set, "4")
	var m *Message
	if !errors.As(err, &m) || m.Code != MsgLokusNoCategory || m.Param("categories") != "1 Rendah, 2 Sedang, 3 Tinggi" {
		t.Errorf("unknown category: %v", err)
	}
	r := handResult(t, set, even("63.09.01.2001", "Banua Lawas", 100, 80), even("63.09.02.2002", "Kelua", 10, 70))
	for _, s := range []string{"63.09.02", "630902", "kelua", " KELUA "} {
		if u, err := FindKecamatan(r, s); err != nil || u.Name != "Kelua" {
			t.Errorf("FindKecamatan(%q) = %v, %v", s, u, err)
		}
	}
	if _, err := FindKecamatan(r, "Tanta"); !errors.As(err, &m) || m.Code != MsgLokusNoKecamatan || m.Param("names") != "Banua Lawas, Kelua" {
		t.Errorf("unknown kecamatan: %v", err)
	}
	l := RankLokus(r, LokusRules{MinKK: 50})
	if _, err := l.Justify(r.Units[4]); !errors.As(err, &m) || m.Code != MsgLokusPilotFewKK || m.Param("families") != "10" || m.Param("min") != "50" {
		t.Errorf("few families: %v", err)
	}
}
