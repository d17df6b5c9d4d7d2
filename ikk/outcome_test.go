package ikk

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/ikk-tools/ikk/internal/surveygen"
)

// TestOutcomeOfAsOutcome: the outcome decided from a row's cellStates is
// the one the cell-by-cell precedence of method section 1 gives, for every
// indicator of both built-in sets, on rows of random states and readings.
func TestOutcomeOfAsOutcome(t *testing.T) {
	for _, set := range []*Set{defaultSet(t), ibanggaSet(t)} {
		c := newCompiled(set, Options{})
		if !c.masked {
			t.Fatalf("%s: %d slots: the built-in set should have a bit for each", set.Name, c.nValued)
		}
		r := rand.New(rand.NewPCG(1, 2))
		vals := make([]value, c.nValued)
		seen := map[Outcome]int{}
		for range 20000 {
			var m cellStates
			for k := range vals {
				// Mostly valid cells, so that rules and conditions are reached.
				st := stOK
				if r.IntN(4) == 0 {
					st = []cellState{stBlank, stInvalid, stDontKnow}[r.IntN(3)]
				}
				vals[k] = value{st: st, b: r.IntN(2) == 0, n: float64(r.IntN(12)), code: 1 + r.IntN(8)}
				m.set(k, st)
			}
			for i := range c.inds {
				want := c.inds[i].outcome(vals)
				if got := c.inds[i].outcomeOf(&m, vals); got != want {
					t.Fatalf("%s: indicator %s: outcome %v from the states, %v cell by cell (row %+v)", set.Name, set.Indicators[i].ID, got, want, vals)
				}
				seen[want]++
			}
		}
		for o := range numOutcomes {
			if seen[o] == 0 {
				t.Errorf("%s: no random row gave the outcome %v: the test does not reach it", set.Name, o)
			}
		}
	}
}

// TestSlotsPast64: a set of more than 64 valued columns, its indicators'
// columns past the 64th slot, is scored cell by cell, to the household and
// the issue as the same set without the extra columns.
func TestSlotsPast64(t *testing.T) {
	if slotBit(64) != 0 || slotBit(63) != 1<<63 {
		t.Fatal("slotBit gives a bit past the 64th slot")
	}
	text, err := os.ReadFile("../indicators.yaml")
	if err != nil {
		t.Fatal(err)
	}
	var extra strings.Builder
	for i := range 64 {
		fmt.Fprintf(&extra, "  tambahan_%02d: {type: yesno}\n", i)
	}
	// Declared first, the extra columns take the first 64 slots.
	wide, err := LoadSet("wide.yaml", []byte(strings.Replace(string(text), "\ncolumns:\n", "\ncolumns:\n"+extra.String(), 1)))
	if err != nil {
		t.Fatal(err)
	}
	if c := newCompiled(wide, Options{}); c.masked || c.nValued <= 64 {
		t.Fatalf("the wide set has %d slots (masked %v): the test needs more than 64", c.nValued, c.masked)
	}
	var buf bytes.Buffer
	if err := surveygen.Generate(&buf, surveygen.Config{Seed: 4, Households: 3000, Desa: 5, Kecamatan: 2, Realistic: true}); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "survey.csv")
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	cut := chunkCuts[len(chunkCuts)-2] // the default sizes
	got := scoreCSVWith(t, wide, path, true, cut.bytes, cut.lines, cut.most, 2)
	want := scoreCSVWith(t, defaultSet(t), path, true, cut.bytes, cut.lines, cut.most, 2)
	if got.err != nil || want.err != nil {
		t.Fatal(got.err, want.err)
	}
	if !reflect.DeepEqual(got.hh, want.hh) || len(got.hh) < 2900 {
		t.Errorf("%d households scored cell by cell differ from the %d of the built-in set", len(got.hh), len(want.hh))
	}
	if !reflect.DeepEqual(got.res.Summary, want.res.Summary) {
		t.Errorf("summary cell by cell %+v, built-in %+v", got.res.Summary, want.res.Summary)
	}
	for i, u := range want.res.Units {
		if g := got.res.Units[i]; g.Name != u.Name || !reflect.DeepEqual(g.IKK, u.IKK) || !reflect.DeepEqual(g.Indicators, u.Indicators) {
			t.Errorf("unit %s: scored cell by cell differs", u.Name)
		}
	}
}
