package form

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"testing"

	"github.com/ikk-tools/ikk/ikk"
	_ "github.com/ikk-tools/ikk/report" // errors in the catalogue's words
	"github.com/ikk-tools/ikk/wilayah"
)

var update = flag.Bool("update", false, "rewrite the golden files")

// The helpers of the tests: the default set, households generated from a
// form, and what their answers imply by the set's rules, decided here on
// their own so that a form that asked the wrong questions, or an ikk that
// read an answer wrongly, shows as a difference.

func defaultSet(t testing.TB) *ikk.Set {
	t.Helper()
	data, err := os.ReadFile("../indicators.yaml")
	if err != nil {
		t.Fatal(err)
	}
	s, err := ikk.LoadSet("builtin:ikk", data)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// household is a generated family: its answer to every question, as the
// ODK form's values write them ("ya", "2", "3", "2500000").
type household map[string]string

// testVillages are where families live when the form types its villages.
var testVillages = []struct{ code, kecamatan, desa string }{
	{"63.09.01.2001", "Banua Lawas", "Hapalah"},
	{"63.09.01.2002", "Banua Lawas", "Bangkiling"},
	{"63.09.02.2001", "Kelua", "Pudak Setegal"},
}

// generate makes n families answering f, the same for a seed. The first
// two are the extremes: a head living alone and unmarried (most
// questions not asked), and a married couple with children of every age.
func generate(f *Form, n int, seed uint64) []household {
	r := rand.New(rand.NewPCG(seed, 1))
	var out []household
	for i := range n {
		h := household{}
		profile := i
		if i > 1 {
			profile = 2
		}
		for _, q := range f.Questions() {
			h[q.Name] = answerFor(r, f, q, h, i, profile)
		}
		out = append(out, h)
	}
	return out
}

func answerFor(r *rand.Rand, f *Form, q *Question, h household, i, profile int) string {
	pick := func(l *List) string { return l.Choices[r.IntN(len(l.Choices))].Value }
	switch q.Name {
	case "kode_desa":
		if f.Area != nil {
			return pick(q.List)
		}
		return testVillages[i%len(testVillages)].code
	case "kabupaten":
		return "Kabupaten Tabalong"
	case "kecamatan", "desa":
		for _, v := range testVillages {
			if v.code == h["kode_desa"] {
				if q.Name == "kecamatan" {
					return v.kecamatan
				}
				return v.desa
			}
		}
		if f.Area != nil {
			for _, c := range q0(f, "kode_desa").List.Choices {
				if c.Value == h["kode_desa"] {
					if q.Name == "kecamatan" {
						return c.Kecamatan
					}
					return c.Name
				}
			}
		}
		return "?"
	case "rt":
		return fmt.Sprintf("%03d", 1+i%4)
	case "no_kk":
		return fmt.Sprintf("6309%012d", 100000+i)
	case "nama_kk":
		return "Keluarga " + strconv.Itoa(i+1)
	case "status_kawin_kk":
		switch profile {
		case 0:
			return "1"
		case 1:
			return "2"
		}
		return []string{"1", "2", "2", "2", "2", "3", "4"}[r.IntN(7)]
	case "jml_art":
		switch profile {
		case 0:
			return "1"
		case 1:
			return "6"
		}
		return strconv.Itoa(1 + r.IntN(7))
	case "jml_anak":
		art, _ := strconv.Atoi(h["jml_art"])
		switch profile {
		case 0:
			return "0"
		case 1:
			return "3"
		}
		return strconv.Itoa(r.IntN(art))
	case "jml_balita", "jml_anak_sekolah":
		anak, _ := strconv.Atoi(h["jml_anak"])
		if profile == 1 {
			return "1"
		}
		return strconv.Itoa(r.IntN(anak + 1))
	case "jml_lansia":
		if profile == 1 {
			return "1"
		}
		return strconv.Itoa(r.IntN(2))
	case "pendapatan_bulan":
		return strconv.Itoa(50000 * (10 + r.IntN(150)))
	case "luas_lantai":
		return strconv.Itoa(18+r.IntN(100)) + []string{"", ".5", ".25"}[r.IntN(3)]
	}
	switch q.Kind {
	case KindSelect:
		if q.Column.Type == ikk.ColYesNo && profile == 1 {
			return ValueYes
		}
		if q.Column.Type == ikk.ColYesNo {
			return []string{ValueYes, ValueYes, ValueNo}[r.IntN(3)]
		}
		return pick(q.List)
	case KindInteger:
		lo := 0
		if q.Min != nil {
			lo = int(*q.Min)
		}
		return strconv.Itoa(lo + r.IntN(5))
	case KindDecimal:
		return strconv.Itoa(r.IntN(1000))
	}
	return "teks " + strconv.Itoa(i)
}

func q0(f *Form, name string) *Question {
	for _, q := range f.Questions() {
		if q.Name == name {
			return q
		}
	}
	return nil
}

// holds decides a rule on a family's answers.
func holds(s *ikk.Set, r *ikk.Rule, h household) bool {
	num := func(c string) float64 {
		v, err := strconv.ParseFloat(h[c], 64)
		if err != nil {
			panic("no number in " + c + ": " + h[c])
		}
		return v
	}
	bound := func(b *ikk.Bound) float64 {
		if b.Param != "" {
			v, _ := s.Parameter(b.Param)
			return v
		}
		return b.Value
	}
	within := func(x float64) bool {
		return (r.Min == nil || x >= bound(r.Min)) && (r.Max == nil || x <= bound(r.Max))
	}
	switch r.Kind {
	case ikk.RuleYes:
		return h[r.Column] == ValueYes
	case ikk.RuleNo:
		return h[r.Column] == ValueNo
	case ikk.RuleIn:
		return slices.Contains(r.Codes, int(num(r.Column)))
	case ikk.RuleRange:
		return within(num(r.Column))
	case ikk.RuleRatio:
		return within(num(r.Num) / num(r.Den))
	case ikk.RuleAll:
		for _, c := range r.Children {
			if !holds(s, c, h) {
				return false
			}
		}
		return true
	case ikk.RuleAny:
		for _, c := range r.Children {
			if holds(s, c, h) {
				return true
			}
		}
		return false
	case ikk.RuleCondition:
		return holds(s, s.Conditions[r.Condition], h)
	}
	panic("rule kind " + r.Kind)
}

// asked is whether f asks a family question q.
func asked(f *Form, q *Question, h household) bool {
	if len(q.Applies) == 0 {
		return true
	}
	for _, c := range q.Applies {
		if holds(f.Set, f.Set.Conditions[c], h) {
			return true
		}
	}
	return false
}

// outcomes are a family's outcomes, indicator by indicator.
func outcomes(s *ikk.Set, h household) []ikk.Outcome {
	var out []ikk.Outcome
	for _, ind := range s.Indicators {
		switch {
		case ind.Applies != "" && ind.Applies != "all" && !holds(s, s.Conditions[ind.Applies], h):
			out = append(out, ikk.NA)
		case holds(s, ind.Rule, h):
			out = append(out, ikk.Pass)
		default:
			out = append(out, ikk.Fail)
		}
	}
	return out
}

// scored is what ikk score made of a file: the result and every family's
// outcomes by KK number.
type scored struct {
	res      *ikk.Result
	outcomes map[string][]ikk.Outcome
}

func score(t *testing.T, s *ikk.Set, path string) scored {
	t.Helper()
	got := scored{outcomes: map[string][]ikk.Outcome{}}
	res, err := ikk.Score(context.Background(), s, []string{path}, ikk.Options{Jobs: 1, OnHousehold: func(h *ikk.Household) {
		got.outcomes[h.KK] = append([]ikk.Outcome(nil), h.Outcomes...)
	}})
	if err != nil {
		t.Fatalf("ikk score %s: %v", filepath.Base(path), err)
	}
	got.res = res
	return got
}

// checkScored requires a clean reading (every row scored, no issue, no
// unknown header) and every family's outcomes as its answers imply.
func checkScored(t *testing.T, s *ikk.Set, got scored, hh []household) {
	t.Helper()
	res := got.res
	if res.Summary.Scored != len(hh) || res.Summary.Rejected != 0 || res.Summary.Blank != 0 {
		t.Errorf("accounting %+v, want %d scored", res.Summary, len(hh))
	}
	if n := res.IssueTotal(); n != 0 {
		for _, is := range res.Issues.All() {
			t.Errorf("issue %s %s row %d %s = %q (%s)", is.Code, is.Column, is.Row, is.Cell, is.Value, is.Detail)
		}
		t.Errorf("%d data issues, want none", n)
	}
	for _, in := range res.Inputs {
		if in.UnknownTotal != 0 {
			t.Errorf("%s: unknown headers %q", filepath.Base(in.Path), in.UnknownHeaders)
		}
	}
	for i, h := range hh {
		want := outcomes(s, h)
		if g := got.outcomes[h["no_kk"]]; !slices.Equal(g, want) {
			t.Errorf("family %d (%s): outcomes %v, want %v", i+1, h["no_kk"], g, want)
		}
	}
}

// checkGolden compares output with testdata/golden/name, rewriting it
// under -update.
func checkGolden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", "golden", name)
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./form -update to create it)", err)
	}
	if !bytes.Equal(want, got) {
		t.Errorf("%s differs from the golden file; rerun with -update and review the diff", name)
	}
}

// tabalong is the area of the pre-filled forms' tests: Kabupaten
// Tabalong as the register gives it.
func tabalong(t testing.TB) *Area {
	t.Helper()
	return testArea(t, "63.09")
}

func testArea(t testing.TB, code string) *Area {
	t.Helper()
	reg, err := wilayah.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	a, ok := RegisterArea(reg, code)
	if !ok {
		t.Fatalf("no kabupaten %s in the register", code)
	}
	return a
}

// oddSet is testdata/odd.yaml: conditions and names of odd shapes.
func oddSet(t testing.TB) *ikk.Set {
	t.Helper()
	data, err := os.ReadFile("testdata/odd.yaml")
	if err != nil {
		t.Fatal(err)
	}
	s, err := ikk.LoadSet("testdata/odd.yaml", data)
	if err != nil {
		t.Fatal(err)
	}
	return s
}
