package ikk

import (
	"math"
	"sort"
)

// familyScores are a unit's family-first dimension scores (method section
// 12): per dimension, how many of its families have each score D_d(h).
// Counting scores rather than summing them keeps the sums exact and
// independent of the order families and desa are added in: the mean is
// taken once, over the scores in ascending order.
type familyScores []map[float64]int

func newFamilyScores(dims int) familyScores {
	f := make(familyScores, dims)
	for j := range f {
		f[j] = map[float64]int{}
	}
	return f
}

// count adds one family's dimension scores; NaN marks a dimension in which
// the family passed or failed nothing, which it does not enter.
func (f familyScores) count(dims []float64) {
	for j, v := range dims {
		if !math.IsNaN(v) {
			f[j][v]++
		}
	}
}

func (f familyScores) add(g familyScores) {
	for j := range f {
		for v, n := range g[j] {
			f[j][v] += n
		}
	}
}

// means gives each dimension's index: the mean of its families' scores,
// nil where no family has one.
func (f familyScores) means() []*float64 {
	out := make([]*float64, len(f))
	for j, hist := range f {
		if len(hist) == 0 {
			continue
		}
		scores := make([]float64, 0, len(hist))
		for v := range hist {
			scores = append(scores, v)
		}
		sort.Float64s(scores)
		counts := make([]int, len(scores))
		for i, v := range scores {
			counts[i] = hist[v]
		}
		out[j] = ptr(countMean(scores, counts))
	}
	return out
}

// countMean is the mean of values each counted counts times, summed in
// the order given (ascending values): the one formula of a family-first
// dimension index, for the units and their resamples (bootstrap.go). A
// value counted 0 times adds exactly nothing. NaN when nothing is counted.
func countMean[C int | uint32](values []float64, counts []C) float64 {
	var sum float64
	n := 0
	for i, v := range values {
		sum += float64(counts[i]) * v
		n += int(counts[i])
	}
	if n == 0 {
		return math.NaN()
	}
	return sum / float64(n)
}

// familyDims computes a household's dimension scores from its outcomes,
// as rowScorer.household does (method section 7): 100 times the weighted
// share of passes among the indicators of the dimension it passed or
// failed, NaN where there is none. into is reused.
func familyDims(set *Set, outs []Outcome, num, den, into []float64) []float64 {
	clear(num)
	clear(den)
	for i, o := range outs {
		if o != Pass && o != Fail {
			continue
		}
		ind := set.Indicators[i]
		if o == Pass {
			num[ind.dim] += ind.Weight
		}
		den[ind.dim] += ind.Weight
	}
	for j := range into {
		into[j] = math.NaN()
		if den[j] > 0 {
			into[j] = 100 * num[j] / den[j]
		}
	}
	return into
}

// familyScratch is the scorer's room for one household's family-first
// scores; nil for a set that aggregates indicator first.
type familyScratch struct{ num, den, dims []float64 }

func newFamilyScratch(set *Set) *familyScratch {
	if !set.FamilyFirst() {
		return nil
	}
	n := len(set.Dimensions)
	return &familyScratch{num: make([]float64, n), den: make([]float64, n), dims: make([]float64, n)}
}

// of returns the household's dimension scores, nil for an indicator-first
// set.
func (fs *familyScratch) of(set *Set, outs []Outcome) []float64 {
	if fs == nil {
		return nil
	}
	return familyDims(set, outs, fs.num, fs.den, fs.dims)
}

// Index is the index of dimension values (method section 4): their
// weighted mean with the dimensions' weights, nil when any is undefined,
// with the dimensions that are.
func (s *Set) Index(dims []*float64) (*float64, []string) {
	return s.IndexWith(dims, nil)
}

// indexValue is the weighted mean of the dimension values of method
// section 4 with the set's own weights, NaN when any is NaN (undefined):
// the one formula (Set.IndexOf), for the units and their resamples
// (bootstrap.go).
func (s *Set) indexValue(dims []float64) float64 {
	return s.IndexOf(dims, nil)
}
