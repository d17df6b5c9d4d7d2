package ikk

import (
	"fmt"
	"testing"
)

// TestFailHist counts families failing any of a set of indicators, each
// once, from the patterns kept per office, in arrays and in maps.
func TestFailHist(t *testing.T) {
	for _, dense := range []int{8, 0} {
		t.Run(fmt.Sprintf("dense%d", dense), func(t *testing.T) {
			defer func(d int) { denseGroupIndicators = d }(denseGroupIndicators)
			denseGroupIndicators = dense
			testFailHist(t)
		})
	}
}

func testFailHist(t *testing.T) {
	const nInd = 6
	// Two offices: indicators 0, 1, 2 and indicators 2, 5.
	h := newFailHist(newFailLayout([][]int{{0, 1, 2}, {2, 5}}))
	// Fail at positions, one household each.
	households := [][]int{{0, 2}, {2}, {}, {1, 5}, {0, 2}, {3, 4}}
	for _, fails := range households {
		outs := make([]Outcome, nInd)
		for i := range outs {
			outs[i] = Pass
		}
		for _, i := range fails {
			outs[i] = Fail
		}
		h.add(outs)
	}
	tests := []struct {
		idx    []int
		want   int
		wantOK bool
	}{
		{nil, 0, true},
		{[]int{0}, 2, true},
		{[]int{2}, 3, true},
		{[]int{0, 2}, 3, true}, // families 1, 2 and 5, not 5 family-indicators
		{[]int{1}, 1, true},
		{[]int{0, 1, 2}, 4, true},
		{[]int{5}, 1, true},
		{[]int{2, 5}, 4, true},
		{[]int{0, 5}, 0, false}, // no office holds both
		{[]int{3}, 0, false},    // no office holds it
	}
	for _, tc := range tests {
		if got, ok := h.failingAny(tc.idx); got != tc.want || ok != tc.wantOK {
			t.Errorf("failingAny(%v) = %d, %v; want %d, %v", tc.idx, got, ok, tc.want, tc.wantOK)
		}
	}
	// Memory is bounded by the offices' patterns, not the families.
	for _, g := range h.groups {
		if (g.dense == nil) == (g.hist == nil) {
			t.Errorf("group %v: dense %v, map %v", g.members, g.dense != nil, g.hist != nil)
		}
		if len(g.hist) > 1<<len(g.members) {
			t.Errorf("group %v holds %d patterns", g.members, len(g.hist))
		}
	}
}
