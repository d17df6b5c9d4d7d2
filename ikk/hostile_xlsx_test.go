package ikk

import (
	"archive/zip"
	"bufio"
	"compress/flate"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"strings"
	"testing"
	"time"
)

// Hostile workbooks are made at test time, small on disk and huge inflated,
// and never committed. TestHostileXLSX scores each and requires a readable
// refusal, reached without first holding what the file inflates to. With
// IKK_HOSTILE_DIR set, it writes them there at full size (gigabytes
// inflated, a few megabytes on disk) instead, for measuring the built binary:
//
//	dir=$(mktemp -d); IKK_HOSTILE_DIR=$dir go test -run TestHostileXLSX ./ikk/
//	/usr/bin/time -v ikk score $dir/sst_one_huge_string.xlsx

// hostileCase is one hostile workbook: its shared strings and the inside of
// its <sheetData> after a matching header, written by functions that are
// given a size, so that the same case can be made small or full.
type hostileCase struct {
	name  string
	sst   func(w io.Writer, size int64) // nil: no shared strings
	rows  func(w io.Writer, size int64) // after the header row
	test  int64                         // size in the test
	full  int64                         // size written for measuring
	heavy bool                          // holds hundreds of MiB before refusing: skipped with -short
	want  string                        // in the error; "" when the file is read
	// damage: refused as beyond the file format, not as beyond a budget.
	damage bool
	held   int64 // most the run may hold at once, in MiB
}

var hostileCases = []hostileCase{
	{
		name: "sst_one_huge_string", test: 256 << 20, full: 2 << 30,
		sst: func(w io.Writer, size int64) {
			io.WriteString(w, `<si><t>`)
			repeat(w, "a", size)
			io.WriteString(w, `</t></si>`)
		},
		want: "shared string 0 is longer than", held: 16,
	},
	{
		name: "sst_many_strings", test: 320 << 20, full: 2 << 30, heavy: true,
		sst: func(w io.Writer, size int64) {
			repeat(w, `<si><t>`+strings.Repeat("abcdefgh", 128)+`</t></si>`, size)
		},
		want: "the shared strings pass 256 MiB", held: 300,
	},
	{
		name: "inline_huge_cell", test: 256 << 20, full: 2 << 30,
		rows: func(w io.Writer, size int64) {
			io.WriteString(w, `<row r="3"><c r="A3" t="inlineStr"><is><t>`)
			repeat(w, "z", size)
			io.WriteString(w, `</t></is></c></row>`)
		},
		want: "cell A3: value longer than", held: 16,
	},
	{
		name: "row_of_empty_cells", test: 64 << 20, full: 400 << 20,
		rows: func(w io.Writer, size int64) {
			io.WriteString(w, `<row r="3">`)
			repeat(w, `<c/>`, size)
			io.WriteString(w, `</row>`)
		},
		want: "past the last column XFD", damage: true, held: 16,
	},
	{
		name: "row_of_one_cell_repeated", test: 64 << 20, full: 400 << 20,
		rows: func(w io.Writer, size int64) {
			io.WriteString(w, `<row r="3">`)
			repeat(w, `<c r="A3"/>`, size)
			io.WriteString(w, `</row>`)
		},
		want: "more than 16384 cells", held: 16,
	},
	{
		name: "rows_in_column_xfd", test: 32 << 20, full: 40 << 20,
		rows: func(w io.Writer, size int64) {
			repeat(w, `<row><c r="XFD3" t="inlineStr"><is><t>Ya</t></is></c></row>`, size)
		},
		want: "gaps included", held: 64,
	},
	{
		// Padded so that each row's XML pays for its cells: only the cap
		// on cells a sheet hands out stops it, after minutes of work
		// without it. In the test, a sheet of a few thousand such rows is
		// read to its end.
		name: "rows_in_column_xfd_padded", test: 8 << 20, full: 1 << 30,
		rows: func(w io.Writer, size int64) {
			repeat(w, `<row><c r="XFD3" t="inlineStr"><is><t>Ya</t></is></c></row><!--`+strings.Repeat(" ", 4200)+`-->`, size)
		},
		want: "", held: 64,
	},
	{
		name: "shared_string_named_again_and_again", test: 16 << 20, full: 64 << 20,
		sst: func(w io.Writer, size int64) {
			io.WriteString(w, `<si><t>`+strings.Repeat("k", 100<<10)+`</t></si>`)
		},
		rows: func(w io.Writer, size int64) {
			repeat(w, `<row>`+strings.Repeat(`<c t="s"><v>0</v></c>`, 19)+`</row>`, size)
		},
		want: "shared strings the sheet names add up to", held: 128,
	},
	{
		name: "rows_of_two_megabytes", test: 128 << 20, full: 2 << 30,
		rows: func(w io.Writer, size int64) {
			row := `<row>` + strings.Repeat(`<c t="inlineStr"><is><t>`+strings.Repeat("r", 130000)+`</t></is></c>`, 15) + `</row>`
			repeat(w, row, size)
		},
		// Refused at the zip-bomb bound (1 GiB for a small file) when full;
		// in the test the sheet ends and its rows are scored.
		want: "", held: 96,
	},
	{
		// Every row invalid, each value as long as a cell may be: the
		// issues, kept to the end, must not keep the values whole.
		name: "invalid_values_kept_in_issues", test: 128 << 20, full: 1 << 30,
		rows: func(w io.Writer, size int64) {
			long := strings.Repeat("x", 120<<10)
			repeat(w, `<row><c t="inlineStr"><is><t>`+long+`</t></is></c><c t="inlineStr"><is><t>K</t></is></c>`+
				`<c t="inlineStr"><is><t>D</t></is></c><c t="inlineStr"><is><t>`+long+`</t></is></c></row>`, size)
		},
		want: "", held: 64,
	},
}

// repeat writes s over and over until about size bytes are written.
func repeat(w io.Writer, s string, size int64) {
	chunk := strings.Repeat(s, max(1, (64<<10)/len(s)))
	for n := int64(0); n < size; n += int64(len(chunk)) {
		io.WriteString(w, chunk)
	}
}

// writeHostile writes the case's workbook at size to path.
func writeHostile(t *testing.T, path string, c hostileCase, size int64) {
	t.Helper()
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	bw := bufio.NewWriterSize(f, 1<<20)
	zw := zip.NewWriter(bw)
	// Level 1: a thousandth of the size as well, and far quicker to write.
	zw.RegisterCompressor(zip.Deflate, func(w io.Writer) (io.WriteCloser, error) { return flate.NewWriter(w, flate.BestSpeed) })
	part := func(name string, write func(w io.Writer)) {
		w, err := zw.CreateHeader(&zip.FileHeader{Name: name, Method: zip.Deflate})
		if err != nil {
			t.Fatal(err)
		}
		bw := bufio.NewWriterSize(w, 256<<10)
		write(bw)
		if err := bw.Flush(); err != nil {
			t.Fatal(err)
		}
	}
	const main = `xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"`
	rels := `<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>`
	if c.sst != nil {
		rels += `<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>`
	}
	part("[Content_Types].xml", func(w io.Writer) {
		io.WriteString(w, `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>`)
	})
	part("xl/workbook.xml", func(w io.Writer) {
		io.WriteString(w, `<?xml version="1.0"?><workbook `+main+` xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Data" sheetId="1" r:id="rId1"/></sheets></workbook>`)
	})
	part("xl/_rels/workbook.xml.rels", func(w io.Writer) {
		io.WriteString(w, `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">`+rels+`</Relationships>`)
	})
	if c.sst != nil {
		part("xl/sharedStrings.xml", func(w io.Writer) {
			io.WriteString(w, `<?xml version="1.0"?><sst `+main+`>`)
			c.sst(w, size)
			io.WriteString(w, `</sst>`)
		})
	}
	part("xl/worksheets/sheet1.xml", func(w io.Writer) {
		io.WriteString(w, `<?xml version="1.0"?><worksheet `+main+`><sheetData>`)
		io.WriteString(w, xrow(1, "kode_desa", "kecamatan", "desa", "buku_nikah")+xrow(2, "63.09.06.2004", "Kelua", "Pudak", "Ya"))
		if c.rows != nil {
			c.rows(w, size)
		}
		io.WriteString(w, `</sheetData></worksheet>`)
	})
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	if err := bw.Flush(); err != nil {
		t.Fatal(err)
	}
}

func TestHostileXLSX(t *testing.T) {
	if dir := os.Getenv("IKK_HOSTILE_DIR"); dir != "" {
		for _, c := range hostileCases {
			path := filepath.Join(dir, c.name+".xlsx")
			writeHostile(t, path, c, c.full)
			st, _ := os.Stat(path)
			t.Logf("%s: %d bytes, %d MiB inflated", path, st.Size(), c.full>>20)
		}
		return
	}
	set := defaultSet(t)
	// The heap sampled is live data and garbage not yet collected; a low
	// GOGC keeps the garbage small beside the live data, so that the bound
	// speaks of what the reader holds, not of how busy the machine is.
	defer debug.SetGCPercent(debug.SetGCPercent(25))
	for _, c := range hostileCases {
		t.Run(c.name, func(t *testing.T) {
			if c.heavy && testing.Short() {
				t.Skip("holds hundreds of MiB")
			}
			path := filepath.Join(t.TempDir(), c.name+".xlsx")
			writeHostile(t, path, c, c.test)
			runtime.GC()
			stop := sampleHeap()
			start := time.Now()
			res, err := Score(context.Background(), set, []string{path}, Options{})
			took := time.Since(start)
			held := stop() >> 20
			t.Logf("%v, %d MiB held at most: %v", took.Round(time.Millisecond), held, err)
			if c.want == "" {
				if err != nil {
					t.Fatal(err)
				}
				if s := res.Summary; s.RowsRead != s.Scored+s.Rejected+s.Blank {
					t.Errorf("accounting %+v", s)
				}
			} else {
				var ie *InputError
				if !errors.As(err, &ie) || !strings.Contains(err.Error(), c.want) || !c.damage && !strings.Contains(err.Error(), "refused") {
					t.Fatalf("err = %v; want an InputError refusing the file, with %q", err, c.want)
				}
			}
			if held > c.held {
				t.Errorf("held %d MiB, want at most %d", held, c.held)
			}
		})
	}
}

// sampleHeap watches the bytes of live and not yet collected objects until
// the function it returns is called, which returns their peak.
func sampleHeap() func() int64 {
	sample := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	read := func() int64 {
		metrics.Read(sample)
		return int64(sample[0].Value.Uint64())
	}
	done, peak := make(chan struct{}), make(chan int64)
	go func() {
		top := read()
		tick := time.NewTicker(2 * time.Millisecond)
		defer tick.Stop()
		for {
			select {
			case <-tick.C:
				top = max(top, read())
			case <-done:
				peak <- max(top, read())
				return
			}
		}
	}()
	return func() int64 {
		close(done)
		return <-peak
	}
}

// The cases' names are file names.
func init() {
	for _, c := range hostileCases {
		if strings.ContainsAny(c.name, " /") {
			panic(fmt.Sprintf("hostile case %q", c.name))
		}
	}
}
