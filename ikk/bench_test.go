package ikk

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ikk-tools/ikk/internal/surveygen"
)

const benchHouseholds = 20000

// benchSurvey writes a generated survey of benchHouseholds families once per
// benchmark and returns its path and size.
func benchSurvey(b *testing.B, ext string) (string, int64) {
	b.Helper()
	cfg := surveygen.Config{Seed: 1, Households: benchHouseholds, Desa: 40, Kecamatan: 4}
	path := filepath.Join(b.TempDir(), "survey"+ext)
	if ext == ".xlsx" {
		if err := surveygen.GenerateXLSX(path, cfg); err != nil {
			b.Fatal(err)
		}
	} else {
		var buf bytes.Buffer
		if err := surveygen.Generate(&buf, cfg); err != nil {
			b.Fatal(err)
		}
		if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
			b.Fatal(err)
		}
	}
	st, err := os.Stat(path)
	if err != nil {
		b.Fatal(err)
	}
	return path, st.Size()
}

func benchRead(b *testing.B, ext string) {
	path, size := benchSurvey(b, ext)
	b.SetBytes(size)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		wb, err := Open(path)
		if err != nil {
			b.Fatal(err)
		}
		src, err := wb.Rows(wb.Sheets()[0])
		if err != nil {
			b.Fatal(err)
		}
		n := 0
		for src.Next() {
			n++
		}
		if err := src.Err(); err != nil || n != benchHouseholds+1 {
			b.Fatalf("%d rows, %v", n, err)
		}
		src.Close()
		wb.Close()
	}
	b.ReportMetric(float64(benchHouseholds)*float64(b.N)/b.Elapsed().Seconds(), "rows/s")
}

// BenchmarkReadCSV and BenchmarkReadXLSX measure the readers alone.
func BenchmarkReadCSV(b *testing.B)  { benchRead(b, ".csv") }
func BenchmarkReadXLSX(b *testing.B) { benchRead(b, ".xlsx") }

func benchScore(b *testing.B, ext string) {
	path, size := benchSurvey(b, ext)
	set := defaultSet(b)
	b.SetBytes(size)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		res, err := Score(context.Background(), set, []string{path}, Options{})
		if err != nil {
			b.Fatal(err)
		}
		if res.Summary.Scored != benchHouseholds {
			b.Fatalf("%d scored", res.Summary.Scored)
		}
	}
	b.ReportMetric(float64(benchHouseholds)*float64(b.N)/b.Elapsed().Seconds(), "households/s")
}

// BenchmarkScoreCSV and BenchmarkScoreXLSX measure reading, scoring and
// aggregation together, as `ikk score` does them.
func BenchmarkScoreCSV(b *testing.B)  { benchScore(b, ".csv") }
func BenchmarkScoreXLSX(b *testing.B) { benchScore(b, ".xlsx") }

// BenchmarkScoreRows measures a worker without the reader: parsing the
// cells of one household of a realistic survey (names, KK numbers as text,
// invalid cells) and deciding its 29 outcomes.
func BenchmarkScoreRows(b *testing.B) {
	set := defaultSet(b)
	cfg := newCompiled(set, Options{})
	var buf bytes.Buffer
	if err := surveygen.Generate(&buf, surveygen.Config{Seed: 1, Households: 1000, Desa: 4, Kecamatan: 1, Realistic: true}); err != nil {
		b.Fatal(err)
	}
	src, _ := NewCSVSource(&buf)
	var rows []Row
	for src.Next() {
		r := src.Row()
		rows = append(rows, Row{Num: r.Num, Cells: append([]Cell(nil), r.Cells...)})
	}
	lay, err := cfg.matcher.matchHeader(set, rows[0].Cells)
	if err != nil {
		b.Fatal(err)
	}
	rows = rows[1:]
	p := &pipeline{cfg: cfg, free: make(chan *batch, 1)}
	bt := p.newBatch(&fileJob{path: "bench.csv"}, "", lay)
	rs := newRowScorer(cfg)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		k := i % batchRows
		if k == 0 {
			bt.issues = bt.issues[:0]
		}
		r := rows[i%len(rows)]
		bt.nums[k], bt.cells[k] = r.Num, r.Cells
		rs.scoreRow(bt, k)
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "households/s")
}

// BenchmarkParseChunk measures a worker's parse of a chunk of a realistic
// survey (names, quoted cells, invalid values), the cutting excluded.
func BenchmarkParseChunk(b *testing.B) {
	var buf bytes.Buffer
	cfg := surveygen.Config{Seed: 1, Households: benchHouseholds, Desa: 40, Kecamatan: 4, Realistic: true}
	if err := surveygen.Generate(&buf, cfg); err != nil {
		b.Fatal(err)
	}
	text := buf.String()
	body := text[strings.IndexByte(text, '\n')+1:]
	width := strings.Count(text[:strings.IndexByte(text, '\n')], ",") + 1
	bt := &batch{nums: make([]int, batchRows), cells: make([][]Cell, batchRows), flaws: make([]rowFlaw, batchRows), recs: make([]rowRec, batchRows), outs: make([]Outcome, batchRows), dims: make([]float64, batchRows)}
	b.SetBytes(int64(len(body)))
	b.ResetTimer()
	for range b.N {
		bt.chunk = &csvChunk{text: body, line: 2, final: true, comma: ',', width: width}
		bt.n, bt.err = 0, nil
		bt.parseChunk()
		if bt.err != nil || bt.n < benchHouseholds {
			b.Fatalf("%d rows, %v", bt.n, bt.err)
		}
	}
}
