package ikk

import "slices"

// failHist counts a desa's households by the set of indicators each one
// fails. The plan's permasalahan are known only once every household has been
// read, and an office must be told how many families fail at least one of its
// indicators, each family once; the histogram answers that for any set of
// indicators afterwards, with memory bounded by the number of distinct fail
// patterns (at most the desa's families, a few hundred in practice) and no
// record of any one household.
type failHist struct {
	// small holds the patterns as bitmasks, bit i for Set.Indicators[i],
	// when the set has at most 64 indicators (the built-in set has 29).
	small map[uint64]int
	// big holds them as the bytes of a longer bitmask otherwise.
	big map[string]int
}

func newFailHist(nInd int) *failHist {
	if nInd <= 64 {
		return &failHist{small: map[uint64]int{}}
	}
	return &failHist{big: map[string]int{}}
}

// add counts one household by its outcomes; buf is scratch space reused
// across calls for sets of more than 64 indicators.
func (h *failHist) add(outs []Outcome, buf *[]byte) {
	if h.small != nil {
		var m uint64
		for i, o := range outs {
			if o == Fail {
				m |= 1 << uint(i)
			}
		}
		h.small[m]++
		return
	}
	n := (len(outs) + 7) / 8
	if cap(*buf) < n {
		*buf = make([]byte, n)
	}
	b := (*buf)[:n]
	clear(b)
	for i, o := range outs {
		if o == Fail {
			b[i/8] |= 1 << uint(i%8)
		}
	}
	h.big[string(b)]++
}

// failingAny counts the households that fail at least one of the indicators
// given by their positions in Set.Indicators.
func (h *failHist) failingAny(idx []int) int {
	if h == nil || len(idx) == 0 {
		return 0
	}
	n := 0
	if h.small != nil {
		var want uint64
		for _, i := range idx {
			if i < 64 {
				want |= 1 << uint(i)
			}
		}
		for m, c := range h.small {
			if m&want != 0 {
				n += c
			}
		}
		return n
	}
	for m, c := range h.big {
		if slices.ContainsFunc(idx, func(i int) bool { return i/8 < len(m) && m[i/8]&(1<<uint(i%8)) != 0 }) {
			n += c
		}
	}
	return n
}

// FamiliesFailingAny counts the families of a desa that fail at least one
// of the given indicators, each family once however many it fails. ok is
// false for units other than desa, whose families are not kept apart this
// way: add up the desa instead, since a family lives in one desa.
func (u *Unit) FamiliesFailingAny(set *Set, inds []*Indicator) (n int, ok bool) {
	if u.fails == nil {
		return 0, false
	}
	var idx []int
	for _, ind := range inds {
		if i := slices.Index(set.Indicators, ind); i >= 0 {
			idx = append(idx, i)
		}
	}
	return u.fails.failingAny(idx), true
}
