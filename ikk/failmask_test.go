package ikk

import "testing"

// TestFailHist counts families failing any of a set of indicators, each
// once, for sets that fit a 64-bit mask and for sets that do not.
func TestFailHist(t *testing.T) {
	for _, nInd := range []int{4, 64, 70} {
		h := newFailHist(nInd)
		var buf []byte
		// Outcome lists: fail at positions.
		households := [][]int{{0, 2}, {2}, {}, {1, nInd - 1}, {0, 2}}
		for _, fails := range households {
			outs := make([]Outcome, nInd)
			for i := range outs {
				outs[i] = Pass
			}
			for _, i := range fails {
				outs[i] = Fail
			}
			h.add(outs, &buf)
		}
		tests := []struct {
			idx  []int
			want int
		}{
			{nil, 0},
			{[]int{0}, 2},
			{[]int{2}, 3},
			{[]int{0, 2}, 3}, // families 1, 2 and 5, not 5 family-indicators
			{[]int{1}, 1},
			{[]int{nInd - 1}, 1},
			{[]int{0, 1, 2}, 4},
		}
		for _, tc := range tests {
			if got := h.failingAny(tc.idx); got != tc.want {
				t.Errorf("%d indicators: failingAny(%v) = %d, want %d", nInd, tc.idx, got, tc.want)
			}
		}
	}
}
