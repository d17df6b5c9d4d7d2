package ikk

import "slices"

// failHist counts a desa's households by the indicators each one fails, so
// that the plan can tell an office how many families fail at least one of
// its weak indicators, each family once. Which of an office's indicators are
// weak in a desa is known only once every household is read, so the counts
// must answer for any subset of them afterwards.
//
// A pattern over all the indicators would be nearly unique to each family
// (29 indicators give half a billion patterns), and the histogram would grow
// with the families. So the patterns are kept per group of indicators, one
// group per office: a household's pattern restricted to the office's
// indicators. An office has a few indicators (8 at most in the built-in
// set), so a group holds at most 2^k counts whatever the number of families.
// A group of more than maxGroupIndicators is not kept; its offices get the
// floor that familiesAffected gives.
type failHist struct {
	groups []failGroup
	of     [][]groupBit // the run's failLayout.of
	masks  []uint64     // add's scratch, one pattern per group
}

// failLayout is the offices' groups of a run, made once for every desa.
type failLayout struct {
	groups [][]int
	// of lists, per indicator, the groups holding it and its bit in each:
	// a family fails a few indicators, so its patterns are built from
	// those alone.
	of [][]groupBit
}

func newFailLayout(groups [][]int) *failLayout {
	l := &failLayout{groups: groups}
	for g, m := range groups {
		for j, i := range m {
			if i >= len(l.of) {
				l.of = append(l.of, make([][]groupBit, i+1-len(l.of))...)
			}
			l.of[i] = append(l.of[i], groupBit{g, 1 << uint(j)})
		}
	}
	return l
}

type groupBit struct {
	group int
	bit   uint64
}

type failGroup struct {
	members []int // positions in Set.Indicators; bit j of a pattern is members[j]
	// Households by pattern, patterns failing none not kept: in dense, by
	// pattern as index, for a group of at most denseGroupIndicators (an
	// array is many times cheaper than a map to count every family in,
	// and 2^8 counts are 1 KiB a group), else in hist.
	dense []uint32
	hist  map[uint64]int
}

// maxGroupIndicators bounds an office's group: 2^16 patterns at the most.
const maxGroupIndicators = 16

// denseGroupIndicators is the largest group counted in an array (a
// variable for the tests, which count both ways).
var denseGroupIndicators = 8

// failGroups lists, per office of the set, the positions of its indicators,
// and then those of the indicators without an office.
func failGroups(set *Set) [][]int {
	var groups [][]int
	for _, s := range set.Sectors {
		var members []int
		for i, ind := range set.Indicators {
			if slices.Contains(ind.Sectors, s.Key) {
				members = append(members, i)
			}
		}
		if len(members) > 0 && len(members) <= maxGroupIndicators {
			groups = append(groups, members)
		}
	}
	// The indicators no office answers for are planned together too
	// (FollowUp's last part).
	var none []int
	for i, ind := range set.Indicators {
		if len(ind.Sectors) == 0 {
			none = append(none, i)
		}
	}
	if len(none) > 0 && len(none) <= maxGroupIndicators {
		groups = append(groups, none)
	}
	return groups
}

func newFailHist(l *failLayout) *failHist {
	groups := l.groups
	h := &failHist{groups: make([]failGroup, len(groups)), of: l.of, masks: make([]uint64, len(groups))}
	for i, m := range groups {
		h.groups[i] = failGroup{members: m}
		if len(m) <= denseGroupIndicators {
			h.groups[i].dense = make([]uint32, 1<<len(m))
		} else {
			h.groups[i].hist = map[uint64]int{}
		}
	}
	return h
}

// add counts one household by its outcomes.
func (h *failHist) add(outs []Outcome) {
	clear(h.masks)
	for i, o := range outs[:min(len(outs), len(h.of))] {
		if o == Fail {
			for _, gb := range h.of[i] {
				h.masks[gb.group] |= gb.bit
			}
		}
	}
	for g, m := range h.masks {
		grp := &h.groups[g]
		switch {
		case m == 0:
		case grp.dense != nil:
			grp.dense[m]++
		default:
			grp.hist[m]++
		}
	}
}

// each calls f with every pattern of the group that some household fails,
// and its count.
func (g *failGroup) each(f func(m uint64, n int)) {
	for m, c := range g.dense {
		if c != 0 {
			f(uint64(m), int(c))
		}
	}
	for m, c := range g.hist {
		f(m, c)
	}
}

// failingAny counts the households that fail at least one of the indicators
// at positions idx. ok is false when no group holds them all.
func (h *failHist) failingAny(idx []int) (n int, ok bool) {
	if h == nil {
		return 0, false
	}
	if len(idx) == 0 {
		return 0, true
	}
	for _, grp := range h.groups {
		want, all := uint64(0), true
		for _, i := range idx {
			j := slices.Index(grp.members, i)
			if j < 0 {
				all = false
				break
			}
			want |= 1 << uint(j)
		}
		if !all {
			continue
		}
		grp.each(func(m uint64, c int) {
			if m&want != 0 {
				n += c
			}
		})
		return n, true
	}
	return 0, false
}

// FamiliesFailingAny counts the families of a desa that fail at least one
// of the given indicators, each family once however many it fails. ok is
// false for units other than desa, whose families are not kept apart this
// way (add up the desa instead: a family lives in one desa), and for
// indicators that no one office holds together.
func (u *Unit) FamiliesFailingAny(set *Set, inds []*Indicator) (n int, ok bool) {
	var idx []int
	for _, ind := range inds {
		if i := slices.Index(set.Indicators, ind); i >= 0 {
			idx = append(idx, i)
		}
	}
	return u.fails.failingAny(idx)
}
