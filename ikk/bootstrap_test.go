package ikk

import (
	"bytes"
	"cmp"
	"context"
	"fmt"
	"math"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/ikk-tools/ikk/internal/surveygen"
)

// bootRun scores a survey with the bootstrap and keeps its households.
func bootRun(t *testing.T, set *Set, csv string, opt Options) (*Result, []Household) {
	t.Helper()
	path := writeFile(t, "survey.csv", csv)
	var hh []Household
	opt.OnHousehold = func(h *Household) { hh = append(hh, h.Clone()) }
	res, err := Score(context.Background(), set, []string{path}, opt)
	if err != nil {
		t.Fatal(err)
	}
	return res, hh
}

// slowReplicates is the obvious bootstrap: a desa's families in the order
// of their patterns, drawn one by one with the desa's stream, n draws a
// resample; it returns, per resample, the families drawn.
func slowReplicates(hh []Household, key string, b int) [][]Household {
	mask := func(h Household, o Outcome) uint64 {
		var m uint64
		for i, x := range h.Outcomes {
			if x == o {
				m |= 1 << uint(i)
			}
		}
		return m
	}
	sorted := slices.Clone(hh)
	slices.SortStableFunc(sorted, func(x, y Household) int {
		return cmp.Or(cmp.Compare(mask(x, Pass), mask(y, Pass)), cmp.Compare(mask(x, Fail), mask(y, Fail)))
	})
	r := newRNG(key)
	out := make([][]Household, b)
	for k := range out {
		for range sorted {
			out[k] = append(out[k], sorted[r.below32(uint32(len(sorted)))])
		}
	}
	return out
}

// slowScore scores a set of families as finish does, from their outcomes.
func slowScore(set *Set, hh []Household) ([]*float64, *float64) {
	var dims []*float64
	if set.FamilyFirst() {
		fam := newFamilyScores(len(set.Dimensions))
		n := len(set.Dimensions)
		for _, h := range hh {
			fam.count(familyDims(set, h.Outcomes, make([]float64, n), make([]float64, n), make([]float64, n)))
		}
		dims = fam.means()
	} else {
		inds := make([]IndicatorResult, len(set.Indicators))
		for i := range inds {
			pass, fail := 0, 0
			for _, h := range hh {
				switch h.Outcomes[i] {
				case Pass:
					pass++
				case Fail:
					fail++
				}
			}
			inds[i].Percent = percent(pass, fail)
		}
		dims = dimensionIndices(set, inds)
	}
	v, _ := set.Index(dims)
	return dims, v
}

// slowUncertainty is what Uncertainty must hold for a unit whose resample
// b is the families reps[b].
func slowUncertainty(set *Set, u *Unit, reps [][]Household) *Uncertainty {
	nDim := len(set.Dimensions)
	vals := make([][]float64, nDim+1)
	other := 0
	for _, rep := range reps {
		dims, v := slowScore(set, rep)
		for j, d := range dims {
			if d != nil {
				vals[j] = append(vals[j], *d)
			}
		}
		if v != nil {
			vals[nDim] = append(vals[nDim], *v)
		}
		switch {
		case u.IKK == nil:
			if v != nil {
				other++
			}
		case v == nil || set.Category(*v) != u.Category:
			other++
		}
	}
	iv := func(v []float64) *Interval {
		if len(v) == 0 {
			return nil
		}
		slices.Sort(v)
		k := percentileRank(len(v))
		return &Interval{v[k-1], v[len(v)-k]}
	}
	want := &Uncertainty{Resamples: len(reps), Dimensions: make([]*Interval, nDim), OtherCategory: float64(other) / float64(len(reps)),
		FewFamilies: u.Households < FewFamiliesBelow}
	for j := range nDim {
		want.Dimensions[j] = iv(vals[j])
	}
	want.IKK = iv(vals[nDim])
	for i, ind := range set.Indicators {
		if n := u.Indicators[i].Pass() + u.Indicators[i].Fail(); n > 0 && n < ThinIndicatorBelow {
			want.ThinIndicators = append(want.ThinIndicators, ind.ID)
		}
	}
	return want
}

// checkAgainstSlow checks every desa, kecamatan and kabupaten of res
// against the obvious bootstrap of its families.
func checkAgainstSlow(t *testing.T, set *Set, res *Result, hh []Household, b int) {
	t.Helper()
	byDesa := map[string][]Household{}
	for _, h := range hh {
		byDesa[h.DesaCode] = append(byDesa[h.DesaCode], h)
	}
	var kabReps, kecReps [][]Household
	var kec *Unit
	checkArea := func(u *Unit, reps [][]Household) {
		t.Helper()
		if u == nil {
			return
		}
		if want := slowUncertainty(set, u, reps); !reflect.DeepEqual(u.Uncertainty, want) {
			t.Errorf("%s %s: got %s, want %s", u.Level, u.Name, uncText(u.Uncertainty), uncText(want))
		}
	}
	checked := 0
	for _, u := range res.Units {
		switch u.Level {
		case LevelKabupaten:
			kabReps = make([][]Household, b)
		case LevelKecamatan:
			checkArea(kec, kecReps)
			kec, kecReps = u, make([][]Household, b)
		case LevelDesa:
			reps := slowReplicates(byDesa[u.Code], u.Code, b)
			checkArea(u, reps)
			for k := range reps {
				kecReps[k] = append(kecReps[k], reps[k]...)
				kabReps[k] = append(kabReps[k], reps[k]...)
			}
			checked++
		case LevelRT:
			if u.Uncertainty != nil {
				t.Errorf("RT %s has an interval", u.RT)
			}
		}
	}
	checkArea(kec, kecReps)
	checkArea(res.Units[0], kabReps)
	if checked == 0 {
		t.Fatal("no desa checked")
	}
}

func uncText(u *Uncertainty) string {
	if u == nil {
		return "nil"
	}
	iv := func(i *Interval) string {
		if i == nil {
			return "-"
		}
		return fmt.Sprintf("[%v %v]", i.Low, i.High)
	}
	var dims []string
	for _, d := range u.Dimensions {
		dims = append(dims, iv(d))
	}
	return fmt.Sprintf("{B %d IKK %s dims %s other %v few %v thin %v}", u.Resamples, iv(u.IKK), strings.Join(dims, " "), u.OtherCategory, u.FewFamilies, u.ThinIndicators)
}

// miniSurvey writes a random survey of the mini set: desa of the given
// sizes, two to a kecamatan, answers drawn from a fixed stream.
func miniSurvey(sizes ...int) string {
	var b strings.Builder
	b.WriteString(miniHead)
	r := newRNG("mini survey")
	pick := func(opts ...string) string { return opts[r.below32(uint32(len(opts)))] }
	kk := 0
	for d, n := range sizes {
		code := fmt.Sprintf("63.09.%02d.20%02d", 1+d/2, 1+d)
		for range n {
			kk++
			fmt.Fprintf(&b, "%s,K%d,D%d,%s,%d,%s,%s,%s,%s,%s,%s,%s\n", code, d/2, d, pick("1", "2"), kk, pick("L", "P"),
				pick("1", "2", "2", "3", "4"), pick("0", "1", "2"), pick("ya", "ya", "tidak", ""), pick("ya", "tidak", "tidak"),
				pick("5", "20", "40"), pick("1", "2", "4"))
		}
	}
	return b.String()
}

func miniSetAs(t *testing.T, family bool) *Set {
	t.Helper()
	y := miniSet
	if family {
		y = strings.Replace(y, "target: 66.67", "aggregation: family\ntarget: 66.67", 1)
	}
	set, err := LoadSet("mini.yaml", []byte(y))
	if err != nil {
		t.Fatal(err)
	}
	return set
}

// TestBootstrapAgainstSlow: the bootstrap gives what drawing families one
// by one with the same stream and scoring each resample as finish does
// gives, to the bit, for desa, kecamatan and kabupaten, both aggregations.
func TestBootstrapAgainstSlow(t *testing.T) {
	const b = 200
	for _, family := range []bool{false, true} {
		t.Run(fmt.Sprintf("family=%v", family), func(t *testing.T) {
			set := miniSetAs(t, family)
			res, hh := bootRun(t, set, miniSurvey(1, 7, 40, 300, 12), Options{Resamples: b})
			checkAgainstSlow(t, set, res, hh, b)
		})
	}
	gen := func(t *testing.T, cfg surveygen.Config) string {
		var buf bytes.Buffer
		if err := surveygen.Generate(&buf, cfg); err != nil {
			t.Fatal(err)
		}
		return buf.String()
	}
	t.Run("ikk", func(t *testing.T) {
		set := defaultSet(t)
		res, hh := bootRun(t, set, gen(t, surveygen.Config{Seed: 5, Households: 600, Desa: 5, Kecamatan: 2}), Options{Resamples: b})
		checkAgainstSlow(t, set, res, hh, b)
	})
	t.Run("ibangga", func(t *testing.T) {
		set := ibanggaSet(t)
		res, hh := bootRun(t, set, gen(t, surveygen.Config{Seed: 5, Households: 600, Desa: 5, Kecamatan: 2, PK21: true}), Options{Resamples: b})
		checkAgainstSlow(t, set, res, hh, b)
	})
	// The general loop, for sets of more than 32 indicators, against the
	// one for four words.
	t.Run("general", func(t *testing.T) {
		bootFast = false
		defer func() { bootFast = true }()
		set := defaultSet(t)
		res, hh := bootRun(t, set, gen(t, surveygen.Config{Seed: 6, Households: 300, Desa: 3, Kecamatan: 1}), Options{Resamples: 50})
		checkAgainstSlow(t, set, res, hh, 50)
	})
}

// TestBootstrapDeterministic: the same intervals and replicates whatever
// the jobs, the order of the rows, and however few families are held in
// memory (the rest spilled to a file, the desa resampled a few at a time).
func TestBootstrapDeterministic(t *testing.T) {
	set := defaultSet(t)
	var buf bytes.Buffer
	if err := surveygen.Generate(&buf, surveygen.Config{Seed: 7, Households: 900, Desa: 9, Kecamatan: 3}); err != nil {
		t.Fatal(err)
	}
	survey := buf.String()
	lines := strings.SplitAfter(strings.TrimSuffix(survey, "\n"), "\n")
	reversed := lines[0]
	for i := len(lines) - 1; i > 0; i-- {
		reversed += strings.TrimSuffix(lines[i], "\n") + "\n"
	}
	type run struct {
		unc  []*Uncertainty
		reps [][][]float64
	}
	get := func(csv string, jobs int) run {
		res, _ := bootRun(t, set, csv, Options{Resamples: 300, Jobs: jobs, KeepReplicates: true})
		var r run
		for _, u := range res.Units {
			if u.Level != LevelRT {
				r.unc = append(r.unc, u.Uncertainty)
				r.reps = append(r.reps, u.Replicates())
			}
		}
		return r
	}
	want := get(survey, 1)
	for _, u := range want.unc {
		if u == nil {
			t.Fatal("a unit without its interval")
		}
	}
	if want.reps[0] != nil || want.reps[1] != nil || len(want.reps[2]) != 300 {
		t.Fatalf("replicates kept for kabupaten %v, kecamatan %v; desa %d, want 300", want.reps[0] != nil, want.reps[1] != nil, len(want.reps[2]))
	}
	for _, jobs := range []int{2, 4} {
		if got := get(survey, jobs); !reflect.DeepEqual(got, want) {
			t.Errorf("--jobs %d gives other intervals", jobs)
		}
	}
	if got := get(reversed, 2); !reflect.DeepEqual(got.unc, want.unc) {
		t.Error("the rows in reverse order give other intervals")
	}
	old := bootMemHouseholds
	bootMemHouseholds = 7
	defer func() { bootMemHouseholds = old }()
	if got := get(survey, 2); !reflect.DeepEqual(got, want) {
		t.Error("a spill of all but 7 families gives other intervals")
	}
}

// TestBootstrapOff: no resamples, no intervals; out of range, an error.
func TestBootstrapOff(t *testing.T) {
	set := defaultSet(t)
	res, _ := bootRun(t, set, miniHeadFor(t, set), Options{KeepReplicates: true})
	for _, u := range res.Units {
		if u.Uncertainty != nil || u.Replicates() != nil {
			t.Fatalf("%s %s has an interval without resamples", u.Level, u.Name)
		}
	}
	for _, n := range []int{-1, MaxResamples + 1} {
		_, err := Score(context.Background(), set, []string{writeFile(t, "s.csv", miniHeadFor(t, set))}, Options{Resamples: n})
		if m, ok := err.(*Message); !ok || m.Code != MsgResamples {
			t.Errorf("Resamples %d: %v, want %s", n, err, MsgResamples)
		}
	}
}

// miniHeadFor is a one-family survey of a set.
func miniHeadFor(t *testing.T, set *Set) string {
	var buf bytes.Buffer
	if err := surveygen.Generate(&buf, surveygen.Config{Seed: 1, Households: 1, Desa: 1, Kecamatan: 1, PK21: set.FamilyFirst()}); err != nil {
		t.Fatal(err)
	}
	return buf.String()
}

// TestBootstrapCollapses: one family, or families all alike, give an
// interval that is the value itself and no resample in another category;
// an undefined index gives none, and no resample counts as another
// category.
func TestBootstrapCollapses(t *testing.T) {
	for _, family := range []bool{false, true} {
		set := miniSetAs(t, family)
		one := "63.09.06.2004,K,D,1,1,L,2,1,ya,tidak,40,2\n"
		same := one + "63.09.06.2004,K,D,1,2,L,2,1,ya,tidak,40,2\n63.09.06.2004,K,D,2,3,P,2,1,ya,tidak,40,2\n"
		for name, csv := range map[string]string{"one": one, "alike": same} {
			res, _ := bootRun(t, set, miniHead+csv, Options{Resamples: 100})
			for _, u := range res.Units {
				if u.Level == LevelRT {
					continue
				}
				unc := u.Uncertainty
				if unc == nil || unc.IKK == nil || *u.IKK != unc.IKK.Low || *u.IKK != unc.IKK.High || unc.OtherCategory != 0 {
					t.Errorf("family=%v %s %s: IKK %v, interval %s; want the value itself", family, name, u.Level, *u.IKK, uncText(unc))
					continue
				}
				for j, d := range unc.Dimensions {
					if d == nil || d.Low != *u.Dimensions[j] || d.High != *u.Dimensions[j] {
						t.Errorf("family=%v %s %s: dimension %d %v, interval %s", family, name, u.Level, j, *u.Dimensions[j], uncText(unc))
					}
				}
				if !unc.FewFamilies || !reflect.DeepEqual(unc.ThinIndicators, []string{"I1", "I2", "I3", "I4"}) {
					t.Errorf("family=%v %s: few %v thin %v; want few, all four thin", family, name, unc.FewFamilies, unc.ThinIndicators)
				}
			}
		}
		// Nobody married: D1 undefined, so is the IKK in every resample.
		res, _ := bootRun(t, set, miniHead+"63.09.06.2004,K,D,1,1,L,1,0,ya,ya,40,2\n63.09.06.2004,K,D,1,2,L,4,0,ya,ya,40,2\n", Options{Resamples: 100})
		d := res.Units[2]
		unc := d.Uncertainty
		if d.IKK != nil || unc == nil || unc.IKK != nil || unc.Dimensions[0] != nil || unc.Dimensions[1] == nil || unc.OtherCategory != 0 {
			t.Errorf("family=%v undefined: %s; want no IKK or D1 interval, a D2 one, no other category", family, uncText(unc))
		}
	}
}

// TestPercentileRank pins the interval rule: the k-th smallest to the
// k-th largest of m values, k = 2.5% of m rounded up, at least 1.
func TestPercentileRank(t *testing.T) {
	for _, c := range []struct{ m, k int }{{1, 1}, {2, 1}, {39, 1}, {40, 1}, {41, 2}, {80, 2}, {81, 3}, {999, 25}, {1000, 25}, {1001, 26}, {10000, 250}} {
		if got := percentileRank(c.m); got != c.k {
			t.Errorf("percentileRank(%d) = %d, want %d", c.m, got, c.k)
		}
	}
	vals := make([]float64, 1000)
	for i := range vals {
		vals[i] = float64(999 - i) // 999 down to 0
	}
	vals[3] = math.NaN()
	vals = append(vals, math.NaN())
	// 999 values (one NaN replaced 996): k = 25, so [25th smallest, 25th largest].
	got := intervalOf(vals)
	if got == nil || got.Low != 24 || got.High != 974 {
		t.Errorf("interval %v, want [24 974]", got)
	}
	if intervalOf([]float64{math.NaN()}) != nil {
		t.Error("an interval of no defined value")
	}
}

// TestThinFlags pins the thresholds of the plain warnings.
func TestThinFlags(t *testing.T) {
	set := miniSetAs(t, false)
	mk := func(hh int, pf ...[2]int) *Unit {
		u := &Unit{Households: hh, Indicators: make([]IndicatorResult, len(set.Indicators))}
		for i, c := range pf {
			u.Indicators[i].Counts[Pass], u.Indicators[i].Counts[Fail] = c[0], c[1]
		}
		return u
	}
	for _, c := range []struct {
		u    *Unit
		few  bool
		thin []string
	}{
		{mk(29, [2]int{29, 0}, [2]int{0, 0}, [2]int{9, 0}, [2]int{5, 5}), true, []string{"I3"}},
		{mk(30, [2]int{20, 10}, [2]int{1, 0}, [2]int{0, 9}, [2]int{4, 6}), false, []string{"I2", "I3"}},
		{mk(1000, [2]int{0, 0}, [2]int{0, 0}, [2]int{10, 0}, [2]int{900, 100}), false, nil},
	} {
		few, thin := thinFlags(set, c.u)
		if few != c.few || !reflect.DeepEqual(thin, c.thin) {
			t.Errorf("%d families: few %v thin %v, want %v %v", c.u.Households, few, thin, c.few, c.thin)
		}
	}
}

// TestSameCategory: a resample's category against the printed one,
// undefined counting as another unless both are.
func TestSameCategory(t *testing.T) {
	set := miniSetAs(t, false)
	at := func(v float64) *Unit { return &Unit{IKK: &v, Category: set.Category(v)} }
	for _, c := range []struct {
		u    *Unit
		v    float64
		same bool
	}{
		{at(60), 74.99, true},
		{at(60), 74.995, false}, // rounds to 75,00: Tinggi
		{at(75), 74.995, true},
		{at(60), 49.994, false},
		{at(60), math.NaN(), false},
		{&Unit{}, math.NaN(), true},
		{&Unit{}, 60, false},
	} {
		if got := sameCategory(set, c.u, c.v); got != c.same {
			t.Errorf("unit %v, resample %v: same %v, want %v", c.u.IKK, c.v, got, c.same)
		}
	}
}

// TestRNG pins the generator: xoshiro256** from the state 1, 2, 3, 4 gives
// its authors' first numbers, and fill draws what below32 draws, so that
// reruns on any machine and Go version draw the same families.
func TestRNG(t *testing.T) {
	r := rng{s: [4]uint64{1, 2, 3, 4}}
	var got []uint64
	for range 4 {
		got = append(got, r.next())
	}
	if want := []uint64{11520, 0, 1509978240, 1215971899390074240}; !reflect.DeepEqual(got, want) {
		t.Errorf("xoshiro256** from 1, 2, 3, 4: %v, want %v", got, want)
	}
	for _, n := range []uint32{1, 7, 1000, 1<<31 + 1} {
		a, b := newRNG("63.09.06.2004"), newRNG("63.09.06.2004")
		var one []uint32
		for range 9 {
			one = append(one, a.below32(n))
		}
		all := make([]uint32, 9)
		b.fill(all[:4], n)
		b.fill(all[4:], n)
		if !reflect.DeepEqual(one, all) {
			t.Errorf("n %d: fill %v, below32 %v", n, all, one)
		}
		for _, v := range one {
			if v >= n {
				t.Errorf("n %d: drew %d", n, v)
			}
		}
	}
}

// TestBootstrapKeptBudget: a ranking that would keep more resamples than
// the budget holds is refused before any is drawn, naming the most that
// fit; one within it keeps them all, and without KeepReplicates the budget
// does not apply.
func TestBootstrapKeptBudget(t *testing.T) {
	defer func(b int) { keptBudget = b }(keptBudget)
	set := defaultSet(t)
	per := 1 * len(set.Dimensions) * 8 // one desa
	keptBudget = 10 * per
	path := writeFile(t, "s.csv", miniHeadFor(t, set))
	_, err := Score(context.Background(), set, []string{path}, Options{Resamples: 11, KeepReplicates: true})
	if m, ok := err.(*Message); !ok || m.Code != MsgReplicatesTooMany || m.Param("max") != "10" || m.Param("desa") != "1" {
		t.Fatalf("11 resamples over a budget of 10: %v, want %s naming 10", err, MsgReplicatesTooMany)
	}
	res, err := Score(context.Background(), set, []string{path}, Options{Resamples: 10, KeepReplicates: true})
	if err != nil {
		t.Fatal(err)
	}
	if d := res.Desa(); len(d) != 1 || len(d[0].Replicates()) != 10 {
		t.Errorf("10 resamples within the budget: %d desa, replicates not kept", len(d))
	}
	if _, err := Score(context.Background(), set, []string{path}, Options{Resamples: 11}); err != nil {
		t.Errorf("without KeepReplicates: %v", err)
	}
}
