package xlsx

import (
	"archive/zip"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/xuri/excelize/v2"
)

const (
	benchRows = 20000
	benchCols = 46
)

var (
	benchDir  string
	benchOnce sync.Once
	benchPath string
	benchErr  error
)

// TestMain owns a temporary directory for the benchmark workbook, which is
// written once and shared by both benchmarks and every b.N round.
func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "xlsx-bench-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	benchDir = dir
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// benchWorkbook writes a survey-shaped sheet: 46 columns of codes, names,
// small counts, amounts and yes/no answers, as the stream writer writes them.
func benchWorkbook(b *testing.B) string {
	b.Helper()
	benchOnce.Do(func() {
		f := excelize.NewFile()
		defer f.Close()
		sw, err := f.NewStreamWriter("Sheet1")
		if err != nil {
			benchErr = err
			return
		}
		header := make([]any, benchCols)
		for c := range header {
			header[c] = fmt.Sprintf("kolom_%02d", c+1)
		}
		if benchErr = sw.SetRow("A1", header); benchErr != nil {
			return
		}
		vals := make([]any, benchCols)
		for r := 2; r <= benchRows; r++ {
			for c := range vals {
				switch c % 6 {
				case 0:
					vals[c] = fmt.Sprintf("63090120%08d", r)
				case 1:
					vals[c] = r % 9
				case 2:
					vals[c] = float64(r%1000) + 0.125
				case 3:
					vals[c] = [...]string{"Ya", "Tidak", "1. Milik sendiri", "Rp 1.250.000"}[r%4]
				case 4:
					vals[c] = r%2 == 0
				case 5:
					vals[c] = 1000000 + r*25
				}
			}
			ref, _ := excelize.CoordinatesToCellName(1, r)
			if benchErr = sw.SetRow(ref, vals); benchErr != nil {
				return
			}
		}
		if benchErr = sw.Flush(); benchErr != nil {
			return
		}
		benchPath = filepath.Join(benchDir, "bench.xlsx")
		benchErr = f.SaveAs(benchPath)
	})
	if benchErr != nil {
		b.Fatal(benchErr)
	}
	return benchPath
}

func BenchmarkRows(b *testing.B) {
	path := benchWorkbook(b)
	b.ReportAllocs()
	iters := 0
	for b.Loop() {
		wb, err := Open(path, Options{})
		if err != nil {
			b.Fatal(err)
		}
		rs, err := wb.Rows("Sheet1")
		if err != nil {
			b.Fatal(err)
		}
		n, cells := 0, 0
		for rs.Next() {
			n++
			cells += len(rs.Cells())
		}
		if err := rs.Err(); err != nil {
			b.Fatal(err)
		}
		if n != benchRows || cells != benchRows*benchCols {
			b.Fatalf("%d rows, %d cells", n, cells)
		}
		rs.Close()
		wb.Close()
		iters++
	}
	b.ReportMetric(float64(iters*benchRows)/b.Elapsed().Seconds(), "rows/s")
}

func BenchmarkExcelizeRows(b *testing.B) {
	path := benchWorkbook(b)
	b.ReportAllocs()
	iters := 0
	for b.Loop() {
		f, err := excelize.OpenFile(path)
		if err != nil {
			b.Fatal(err)
		}
		rows, err := f.Rows("Sheet1")
		if err != nil {
			b.Fatal(err)
		}
		n, cells := 0, 0
		for rows.Next() {
			cols, err := rows.Columns(excelize.Options{RawCellValue: true})
			if err != nil {
				b.Fatal(err)
			}
			n++
			cells += len(cols)
		}
		if n != benchRows || cells != benchRows*benchCols {
			b.Fatalf("%d rows, %d cells", n, cells)
		}
		rows.Close()
		f.Close()
		iters++
	}
	b.ReportMetric(float64(iters*benchRows)/b.Elapsed().Seconds(), "rows/s")
}

// BenchmarkScan times the sheet scanner alone, on the benchmark sheet held
// inflated in memory: the part of the reading that runs in the caller's
// goroutine.
func BenchmarkScan(b *testing.B) {
	data := benchSheetXML(b)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		rs := newRowsFrom("Sheet1", "sheet1.xml", &memSource{data: data, piece: pieceSize, room: pieceRoom}, nil)
		n := 0
		for rs.Next() {
			n += len(rs.Cells())
		}
		if err := rs.Err(); err != nil || n != benchRows*benchCols {
			b.Fatalf("%d cells, err %v", n, err)
		}
	}
}

func benchSheetXML(b *testing.B) []byte {
	b.Helper()
	zr, err := zip.OpenReader(benchWorkbook(b))
	if err != nil {
		b.Fatal(err)
	}
	defer zr.Close()
	rc, err := zr.Open("xl/worksheets/sheet1.xml")
	if err != nil {
		b.Fatal(err)
	}
	defer rc.Close()
	data, err := io.ReadAll(rc)
	if err != nil {
		b.Fatal(err)
	}
	return data
}
