package ikk

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/ikk-tools/ikk/internal/surveygen"
)

// chunkRun is what a run gives: the result, the households as handed out,
// and the error.
type chunkRun struct {
	res *Result
	hh  []string
	err error
}

// scoreCSVWith scores a file read in chunks (chunked) of at most the given
// bytes and lines, or with the sequential reader.
func scoreCSVWith(t testing.TB, set *Set, path string, chunked bool, bytes, lines, most int, jobs int) chunkRun {
	t.Helper()
	defer func(c bool, b, l, m int) { chunkCSV, chunkBytes, chunkLines, maxChunk = c, b, l, m }(chunkCSV, chunkBytes, chunkLines, maxChunk)
	chunkCSV, chunkBytes, chunkLines, maxChunk = chunked, bytes, lines, most
	var run chunkRun
	run.res, run.err = Score(context.Background(), set, []string{path}, Options{Jobs: jobs, OnHousehold: func(h *Household) {
		score := "-"
		if h.Score != nil {
			score = fmt.Sprintf("%.9f", *h.Score)
		}
		run.hh = append(run.hh, fmt.Sprintf("%d|%s|%s|%s|%s|%s|%s|%v|%v", h.Row, h.DesaCode, h.Kecamatan, h.Desa, h.RT, h.KK, score, h.Outcomes, h.Sex))
	}})
	return run
}

// sameRun reports how two runs differ, "" when they do not.
func sameRun(a, b chunkRun) string {
	var an, bn *NoHouseholdsError
	if errors.As(a.err, &an) && errors.As(b.err, &bn) {
		if an.Accounting != bn.Accounting || !reflect.DeepEqual(an.Issues.Slice(), bn.Issues.Slice()) {
			return fmt.Sprintf("no households: %+v %+v, reference %+v %+v", an.Accounting, an.Issues.Slice(), bn.Accounting, bn.Issues.Slice())
		}
	} else if !reflect.DeepEqual(a.err, b.err) {
		return fmt.Sprintf("error %v, reference %v", a.err, b.err)
	}
	if !reflect.DeepEqual(a.hh, b.hh) {
		for i := range min(len(a.hh), len(b.hh)) {
			if a.hh[i] != b.hh[i] {
				return fmt.Sprintf("household %d: %s, reference %s", i, a.hh[i], b.hh[i])
			}
		}
		return fmt.Sprintf("%d households, reference %d", len(a.hh), len(b.hh))
	}
	if (a.res == nil) != (b.res == nil) {
		return "a result on one side only"
	}
	if a.res == nil {
		return ""
	}
	ai, bi := a.res.Issues.Slice(), b.res.Issues.Slice()
	if !reflect.DeepEqual(ai, bi) {
		for i := range min(len(ai), len(bi)) {
			if !reflect.DeepEqual(ai[i], bi[i]) {
				return fmt.Sprintf("issue %d: %+v, reference %+v", i, ai[i], bi[i])
			}
		}
		return fmt.Sprintf("%d issues, reference %d", len(ai), len(bi))
	}
	if !sameResult(a.res, b.res) {
		return fmt.Sprintf("results differ: summary %+v, reference %+v", a.res.Summary, b.res.Summary)
	}
	return ""
}

// chunkCuts are chunk sizes from one byte and one line up to the default.
var chunkCuts = []struct{ bytes, lines, most int }{
	{1, 1, 1 << 20}, {7, 2, 1 << 20}, {64, 3, 1 << 20}, {300, 1000, 1 << 20}, {1 << 16, batchRows, 2 * maxCSVRecord},
	{1, 1, 40}, // a record longer than 40 bytes ends the cutting: the sequential reader takes the rest
}

// TestCSVChunksSameAsSequential: a file read in chunks gives, to the
// issue, the household and the row number, what the sequential reader
// gives, on the files that make cutting hard: quoted line breaks across
// every boundary, "\r\n" and lone "\r" line ends, quotes left open, a
// byte-order mark, cut last lines, blank lines and a record too long.
func TestCSVChunksSameAsSequential(t *testing.T) {
	sample, err := os.ReadFile("../testdata/handworked/survey.csv")
	if err != nil {
		t.Fatal(err)
	}
	head, body, _ := strings.Cut(string(sample), "\n")
	rows := strings.Split(strings.TrimRight(body, "\n"), "\n")
	multi := strings.Replace(rows[1], ",Siti Contoh,", ",\"Siti\nContoh\",", 1)
	quoteDelim := strings.Replace(rows[2], ",Budi Rekaan,", ",\"Budi, \"\"Rekaan\"\"\n\",", 1)
	open := strings.Replace(rows[3], ",Dedi Sampel,", ",\"Dedi Sampel,", 1)
	cases := map[string]string{
		"plain":          head + "\n" + body,
		"bom":            "\xEF\xBB\xBF" + head + "\n" + body,
		"crlf":           strings.ReplaceAll(head+"\n"+body, "\n", "\r\n"),
		"lone cr":        strings.ReplaceAll(head+"\n"+body, "\n", "\r"),
		"no last eol":    head + "\n" + strings.TrimRight(body, "\n"),
		"multi-line":     head + "\n" + rows[0] + "\n" + multi + "\n" + quoteDelim + "\n" + strings.Join(rows[3:], "\n") + "\n",
		"multi crlf":     strings.ReplaceAll(head+"\n"+multi+"\n"+multi+"\n"+rows[0]+"\n", "\n", "\r\n"),
		"quote open":     head + "\n" + rows[0] + "\n" + open + "\n" + strings.Join(rows[4:], "\n") + "\n",
		"quote open eof": head + "\n" + rows[0] + "\n" + strings.TrimSuffix(open, "\n") + "\n",
		"blank lines":    head + "\n\n" + rows[0] + "\n\n\n" + rows[1] + "\n,,,\n" + rows[2] + "\n",
		"header multi":   strings.Replace(head, "nama_kk", "\"nama\n_kk\"", 1) + "\n" + multi + "\n" + body,
		"lone quote":     head + "\n" + strings.Replace(rows[0], "Ahmad", "Ah\"mad", 1) + "\n" + strings.Replace(rows[1], "Siti Contoh", "\"Siti\" x\"", 1) + "\n" + body,
		"short and long": head + "\n" + rows[0][:60] + "\n" + rows[1] + ",x,y\n" + body,
		"long field":     head + "\n" + rows[0] + "\n" + strings.Replace(rows[1], "Siti Contoh", strings.Repeat("s", maxCSVField+1), 1) + "\n" + body,
		"quoted long":    head + "\n" + rows[0] + "\n" + strings.Replace(rows[1], "Siti Contoh", "\""+strings.Repeat("s\n", maxCSVField/2)+"\"", 1) + "\n" + body,
	}
	set := defaultSet(t)
	dir := t.TempDir()
	for name, text := range cases {
		path := filepath.Join(dir, strings.ReplaceAll(name, " ", "_")+".csv")
		if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		want := scoreCSVWith(t, set, path, false, chunkBytes, chunkLines, maxChunk, 2)
		for _, c := range chunkCuts {
			for _, jobs := range []int{1, 3} {
				got := scoreCSVWith(t, set, path, true, c.bytes, c.lines, c.most, jobs)
				if d := sameRun(got, want); d != "" {
					t.Errorf("%s, chunks of %d bytes/%d lines (at most %d), jobs %d: %s", name, c.bytes, c.lines, c.most, jobs, d)
				}
			}
		}
	}
}

// FuzzCSVChunks: on any text after the header, reading in chunks of any
// size gives what the sequential reader gives.
func FuzzCSVChunks(f *testing.F) {
	sample, err := os.ReadFile("../testdata/handworked/survey.csv")
	if err != nil {
		f.Fatal(err)
	}
	head, body, _ := strings.Cut(string(sample), "\n")
	rows := strings.Split(body, "\n")
	f.Add(body, uint16(7), uint8(2))
	f.Add(rows[0]+"\n\""+rows[1]+"\n"+rows[2], uint16(1), uint8(1))
	f.Add(strings.ReplaceAll(body, "\n", "\r"), uint16(30), uint8(1))
	f.Add(rows[0]+"\r\n"+strings.Replace(rows[1], ",Siti", ",\"Si\r\nti\"", 1)+"\r\n", uint16(5), uint8(3))
	f.Add("\"a\"\"b\",\"c\nd\"\"\",e\"f\n"+rows[0], uint16(3), uint8(1))
	set := defaultSet(f)
	dir := f.TempDir()
	f.Fuzz(func(t *testing.T, text string, bytes uint16, lines uint8) {
		path := filepath.Join(dir, "s.csv")
		if err := os.WriteFile(path, []byte(head+"\n"+text), 0o644); err != nil {
			t.Fatal(err)
		}
		want := scoreCSVWith(t, set, path, false, chunkBytes, chunkLines, maxChunk, 1)
		b, l := max(1, int(bytes)), max(1, int(lines))
		got := scoreCSVWith(t, set, path, true, b, l, max(b, 64), 2)
		if d := sameRun(got, want); d != "" {
			t.Fatalf("chunks of %d bytes/%d lines: %s", b, l, d)
		}
	})
}

// TestCloneKeepsText: households kept with Clone past the OnHousehold call
// keep their text, names and KK numbers included, once later chunks have
// taken the buffers their rows were read from: with the tests' overwriting
// of merged chunks, and with the buffers simply reused.
func TestCloneKeepsText(t *testing.T) {
	defer func(p bool) { poisonTexts = p }(poisonTexts)
	var buf strings.Builder
	if err := surveygen.Generate(&buf, surveygen.Config{Seed: 5, Households: 3000, Desa: 3, Kecamatan: 2, Realistic: true}); err != nil {
		t.Fatal(err)
	}
	path := writeFile(t, "survey.csv", buf.String())
	set := defaultSet(t)
	run := func(chunked bool) []Household {
		defer func(c bool) { chunkCSV = c }(chunkCSV)
		chunkCSV = chunked
		var hh []Household
		if _, err := Score(context.Background(), set, []string{path}, Options{Jobs: 2, OnHousehold: func(h *Household) { hh = append(hh, h.Clone()) }}); err != nil {
			t.Fatal(err)
		}
		return hh
	}
	for _, poison := range []bool{true, false} {
		poisonTexts = poison
		want, got := run(false), run(true)
		if len(want) != len(got) || len(want) < 2900 {
			t.Fatalf("%d households read in chunks, %d by the sequential reader", len(got), len(want))
		}
		for i := range want {
			w, g := want[i], got[i]
			if w.File != g.File || w.DesaCode != g.DesaCode || w.Kecamatan != g.Kecamatan || w.Desa != g.Desa || w.RT != g.RT || w.KK != g.KK || w.Name != g.Name {
				t.Fatalf("poison %v: household %d kept as %q %q %q %q %q, read as %q %q %q %q %q", poison, i,
					g.Kecamatan, g.Desa, g.RT, g.KK, g.Name, w.Kecamatan, w.Desa, w.RT, w.KK, w.Name)
			}
		}
	}
}
