package report

import (
	"context"
	"regexp"
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
