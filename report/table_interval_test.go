package report

import (
	"context"
	"regexp"
	"strings"
	"testing"

	"github.com/ikk-tools/ikk/ikk"
	"github.com/ikk-tools/ikk/internal/surveygen"
)

// TestRankingShowsIntervals: with intervals, the ranked desa and the totals
// carry each unit's 95% interval beside its index, the gap of a cut
// ranking included; without them, no such column.
func TestRankingShowsIntervals(t *testing.T) {
	path := generatedSurvey(t, surveygen.Config{Seed: 3, Households: 1200, Kecamatan: 2, Desa: 12})
	interval := regexp.MustCompile(`^[0-9]+,[0-9]{2}–[0-9]+,[0-9]{2}$`)
	for _, resamples := range []int{0, 50} {
		res, err := ikk.Score(context.Background(), defaultSet(t), []string{path}, ikk.Options{Resamples: resamples})
		if err != nil {
			t.Fatal(err)
		}
		for _, g := range []*grid{desaGrid(res, "id", 3, tableFit{}), totalsGrid(res, "id", false)} {
			col := -1
			for j, h := range g.head {
				if h == "Selang 95%" {
					col = j
				}
			}
			if (col >= 0) != (resamples > 0) {
				t.Fatalf("resamples %d: interval column at %d in %q", resamples, col, g.head)
			}
			for _, row := range g.rows {
				if len(row) != len(g.head) {
					t.Fatalf("a row of %d cells under %d headers: %q", len(row), len(g.head), row)
				}
				switch {
				case col < 0:
				case row[0] == "…":
					if row[col] != "" {
						t.Errorf("the gap row holds %q in the interval column", row[col])
					}
				case !interval.MatchString(row[col]):
					t.Errorf("row %q: interval %q", row, row[col])
				}
			}
		}
	}
}

// TestFewFamiliesFlag: the warning of a unit of few families speaks of a
// value that may move only when the unit has one.
func TestFewFamiliesFlag(t *testing.T) {
	set := defaultSet(t)
	v := 70.0
	for _, tc := range []struct {
		ikk  *float64
		move bool
	}{{&v, true}, {nil, false}} {
		u := &ikk.Unit{Households: 3, IKK: tc.ikk, Uncertainty: &ikk.Uncertainty{Resamples: 1000, FewFamilies: true}}
		for _, lang := range []string{"id", "en"} {
			flags := UncertaintyFlags(set, u, lang)
			if len(flags) != 1 || !strings.Contains(flags[0], "3") {
				t.Fatalf("%s: flags %q, want one naming the 3 families", lang, flags)
			}
			if moves := strings.Contains(flags[0], "menggeser") || strings.Contains(flags[0], "move the value"); moves != tc.move {
				t.Errorf("%s, IKK %v: %q", lang, tc.ikk, flags[0])
			}
		}
	}
}
