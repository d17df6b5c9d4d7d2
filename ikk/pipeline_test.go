package ikk

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/ikk-tools/ikk/internal/surveygen"
)

func TestKKIndex(t *testing.T) {
	x := newKKIndex()
	defer x.close()
	// KK numbers of one desa share their first digits; 0 is a key like any.
	// Enough of them to rebuild the filter twice and spill many chunks.
	keys := []uint64{0}
	for i := range 300000 {
		keys = append(keys, 6309062203150000+uint64(i)*7)
	}
	ord := uint32(0)
	for _, k := range keys {
		ord++
		if first, dup := x.seen(1, k, ord); dup {
			t.Fatalf("key %d reported seen at %d on first insertion", k, first)
		}
	}
	if x.filter.limit < 4*filterFirst || x.size == 0 {
		t.Fatalf("a filter of %d entries, %d bytes spilled: the test does not reach the rebuilt filters and the spill file", x.filter.limit, x.size)
	}
	// The same number in another desa is another family.
	if _, dup := x.seen(2, keys[5], 999999); dup {
		t.Fatal("a KK number of desa 1 reported seen in desa 2")
	}
	for i, k := range keys {
		first, dup := x.seen(1, k, 999999)
		if !dup || first != uint32(i+1) {
			t.Fatalf("key %d: seen %v at %d, want at %d", k, dup, first, i+1)
		}
	}
	if _, dup := x.seen(1, 1, 5); dup {
		t.Fatal("a new key reported seen")
	}
}

// TestKKIndexInMemory: without a temporary folder the entries stay in
// memory and duplicates are still found.
func TestKKIndexInMemory(t *testing.T) {
	t.Setenv("TMPDIR", filepath.Join(t.TempDir(), "missing"))
	x := newKKIndex()
	defer x.close()
	for i := range 100000 {
		x.seen(0, uint64(i), uint32(i+1))
	}
	if x.spill != nil || len(x.mem) == 0 {
		t.Fatalf("spill %v, %d chunks in memory", x.spill, len(x.mem))
	}
	if first, dup := x.seen(0, 4321, 9999); !dup || first != 4322 {
		t.Fatalf("seen %v at %d, want at 4322", dup, first)
	}
}

func TestRowLocator(t *testing.T) {
	var l rowLocator
	type fr struct{ file, row int }
	rows := []fr{{0, 2}, {0, 3}, {0, 4}, {0, 9}, {0, 10}, {1, 5}, {1, 6}, {2, 2}, {3, 2}, {3, 3}}
	var ords []uint32
	for _, r := range rows {
		ords = append(ords, l.next(r.file, r.row))
	}
	for i, o := range ords {
		f, r := l.locate(o)
		if (fr{f, r}) != rows[i] {
			t.Errorf("ordinal %d: file %d row %d, want %v", o, f, r, rows[i])
		}
	}
	if len(l.points) != 5 {
		t.Errorf("%d breakpoints, want 5 (one per file, one for the gap)", len(l.points))
	}
}

// splitSurvey writes one generated survey as several CSV files, cut so that
// desa run across files, and repeats one family of the first file in the
// last: a cross-file duplicate.
func splitSurvey(t *testing.T, households, files int) (string, []string) {
	t.Helper()
	var buf bytes.Buffer
	if err := surveygen.Generate(&buf, surveygen.Config{Seed: 5, Households: households, Desa: 3, Kecamatan: 2}); err != nil {
		t.Fatal(err)
	}
	lines := strings.SplitAfter(strings.TrimRight(buf.String(), "\n")+"\n", "\n")
	head, body := lines[0], lines[1:]
	// The generator writes desa one after another; shuffle them a little by
	// dealing rows out in stripes, so that every file holds every desa.
	dir := t.TempDir()
	var paths []string
	for f := range files {
		var b strings.Builder
		b.WriteString(head)
		for i := f; i < len(body); i += files {
			b.WriteString(body[i])
		}
		if f == files-1 {
			b.WriteString(body[0]) // the first file's first family again
		}
		p := filepath.Join(dir, fmt.Sprintf("part%02d.csv", f))
		if err := os.WriteFile(p, []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
		paths = append(paths, p)
	}
	return dir, paths
}

// TestJobsSameResult: the number of jobs changes nothing, not the units, the
// issues in their order, nor the order households reach OnHousehold.
func TestJobsSameResult(t *testing.T) {
	set := defaultSet(t)
	_, paths := splitSurvey(t, 6000, 7)
	var want *Result
	var wantHH []string
	for _, jobs := range []int{1, 2, 3, 8} {
		var hh []string
		res, err := Score(context.Background(), set, paths, Options{Jobs: jobs, OnHousehold: func(h *Household) {
			score := "-"
			if h.Score != nil {
				score = fmt.Sprintf("%.9f", *h.Score)
			}
			hh = append(hh, fmt.Sprintf("%s:%d:%s:%v", filepath.Base(h.File), h.Row, score, h.Outcomes))
		}})
		if err != nil {
			t.Fatal(err)
		}
		if want == nil {
			want, wantHH = res, hh
			continue
		}
		if !sameResult(res, want) {
			t.Errorf("jobs %d: the result differs from jobs 1", jobs)
		}
		if !reflect.DeepEqual(hh, wantHH) {
			t.Errorf("jobs %d: households reached OnHousehold in another order or with other scores", jobs)
		}
	}
	if want.Summary.Scored+want.Summary.Rejected+want.Summary.Blank != want.Summary.RowsRead {
		t.Errorf("accounting does not add up: %+v", want.Summary)
	}
	// The family repeated in the last file is rejected, naming the first.
	var dup *Issue
	for _, is := range want.Issues.All() {
		if is.Code == IssueDuplicateKK {
			dup = &is
		}
	}
	if dup == nil || !strings.HasSuffix(dup.File, "part06.csv") || dup.Detail != MsgDuplicateKKFile || !strings.HasSuffix(dup.Param("first_file"), "part00.csv") || dup.Param("first_row") != "2" {
		t.Fatalf("cross-file duplicate: %+v, want one in part06.csv naming part00.csv row 2", dup)
	}
}

// TestCancel: a cancelled run stops with the context's error and leaves no
// goroutine behind to write into a later run.
func TestCancel(t *testing.T) {
	_, paths := splitSurvey(t, 3000, 4)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := Score(ctx, defaultSet(t), paths, Options{Jobs: 2}); err != context.Canceled {
		t.Fatalf("err %v, want context.Canceled", err)
	}
}

// sameResult compares results field by field, their issues as the issues
// they hold: a list's internal index is keyed by where its parameter lists
// live in memory, which differs from run to run.
func sameResult(a, b *Result) bool {
	if !reflect.DeepEqual(a.Issues.Slice(), b.Issues.Slice()) {
		return false
	}
	x, y := *a, *b
	x.Issues, y.Issues = IssueList{}, IssueList{}
	return reflect.DeepEqual(x, y)
}

// TestBlockFilter: what was added is found, and a hash never added is a
// false alarm (a read of the spill file) about once in a thousand at
// capacity, not more than once in two hundred.
func TestBlockFilter(t *testing.T) {
	const n = 200000
	f := newBlockFilter(n)
	mix := func(i uint64) uint64 { // splitmix64: hashes as maphash gives them
		z := i + 0x9e3779b97f4a7c15
		z = (z ^ z>>30) * 0xbf58476d1ce4e5b9
		z = (z ^ z>>27) * 0x94d049bb133111eb
		return z ^ z>>31
	}
	for i := range uint64(n) {
		f.add(mix(i))
	}
	if !f.full() {
		t.Fatal("a filter at its capacity is not full")
	}
	alarms := 0
	for i := range uint64(n) {
		if !f.has(mix(i)) {
			t.Fatalf("hash %d added and not found", i)
		}
		if f.has(mix(n + i)) {
			alarms++
		}
	}
	if rate := float64(alarms) / n; rate > 0.005 {
		t.Errorf("false alarms %.4f of look-ups, want at most 0.005", rate)
	}
}
