package xlsx

import (
	"errors"
	"runtime"
	"strings"
	"testing"
)

// TestRowLimits: what a row makes the reader hold is bounded, and a row past
// a bound is refused as ErrLimit, naming the sheet, the row and, for one
// value, the cell.
func TestRowLimits(t *testing.T) {
	long := strings.Repeat("x", maxStringBytes+1)
	big := strings.Repeat("y", 100<<10)
	var amplified strings.Builder
	for r := 1; r <= 100; r++ {
		amplified.WriteString(`<row>` + strings.Repeat(`<c t="s"><v>0</v></c>`, 19) + `</row>`)
	}
	tests := []struct {
		name string
		sst  string
		data string
		want []string
	}{
		{"inline string too long", ``, `<row r="3"><c r="B3" t="inlineStr"><is><t>` + long + `</t></is></c></row>`, []string{"row 3", "cell B3", "longer than 128 KiB"}},
		{"rich inline string too long", ``, `<row r="3"><c r="B3" t="inlineStr"><is>` + strings.Repeat(`<r><t>`+big+`</t></r>`, 2) + `</is></c></row>`, []string{"cell B3", "longer than"}},
		{"formula string too long", ``, `<row r="2"><c r="A2" t="str"><f>x</f><v>` + long + `</v></c></row>`, []string{"cell A2", "longer than"}},
		{"number too long", ``, `<row r="2"><c r="A2"><v>` + strings.Repeat("1", maxStringBytes+1) + `</v></c></row>`, []string{"cell A2", "longer than"}},
		{"row too long", ``, `<row r="4">` + strings.Repeat(`<c t="inlineStr"><is><t>`+big+`</t></is></c>`, 21) + `</row>`, []string{"row 4", "pass 2 MiB"}},
		{"shared strings make the row too long", `<si><t>` + big + `</t></si>`, `<row r="4">` + strings.Repeat(`<c t="s"><v>0</v></c>`, 21) + `</row>`, []string{"row 4", "pass 2 MiB"}},
		{"shared strings far beyond the sheet", `<si><t>` + big + `</t></si>`, amplified.String(), []string{"shared strings the sheet names add up to"}},
		{"a million cells naming A1", ``, `<row r="1">` + strings.Repeat(`<c r="A1"/>`, 1<<20) + `</row>`, []string{"row 1", "more than 16384 cells"}},
		{"a million empty cells", ``, `<row r="1">` + strings.Repeat(`<c/>`, 1<<20) + `</row>`, []string{"row 1", "past the last column"}},
		{"every row in column XFD", ``, strings.Repeat(`<row><c r="XFD1"><v>1</v></c></row>`, 2000), []string{"cells from", "KiB of sheet, gaps included"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := readSheet(t, writeFile(t, zipBytes(t, book(tt.sst, tt.data))), "Sheet1", Options{})
			if err == nil {
				t.Fatalf("no error; %d rows", len(got))
			}
			t.Log(err)
			for _, w := range tt.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q does not contain %q", err, w)
				}
			}
		})
	}
}

// TestScannerLimits: a tag or comment of many megabytes, or element names
// nested to kilobytes, are refused before they are held whole.
func TestScannerLimits(t *testing.T) {
	// The window is refilled by whole pieces, so a token may pass the bound
	// by less than a piece before it is refused.
	huge := strings.Repeat("a", maxTokenBytes+2*pieceSize)
	tests := []struct{ name, data string }{
		{"attribute", `<row r="1" x="` + huge + `"/>`},
		{"comment", `<!--` + huge + `-->`},
		{"CDATA", `<row r="1"><c r="A1" t="str"><v><![CDATA[` + huge + `]]></v></c></row>`},
		{"entity without end", `<row r="1"><c r="A1" t="str"><v>&` + huge + `</v></c></row>`},
		{"nested names", strings.Repeat(`<`+strings.Repeat("n", 200)+`>`, 400)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := readSheet(t, writeFile(t, zipBytes(t, book("", tt.data))), "Sheet1", Options{})
			if !errors.Is(err, ErrLimit) {
				t.Fatalf("err = %v, want ErrLimit", err)
			}
			t.Log(err)
		})
	}
}

// TestSmallPartLimit: workbook.xml and the relationships, which
// encoding/xml reads token by token, may not inflate past 16 MiB.
func TestSmallPartLimit(t *testing.T) {
	parts := book("", "")
	parts[1].data = strings.Replace(parts[1].data, "<sheets>", "<sheets>"+strings.Repeat(" ", maxSmallPartBytes), 1)
	_, err := Open(writeFile(t, zipBytes(t, parts)), Options{})
	if !errors.Is(err, ErrTooLarge) || !strings.Contains(err.Error(), "xl/workbook.xml") {
		t.Fatalf("err = %v, want ErrTooLarge naming xl/workbook.xml", err)
	}
}

// TestLimitsHoldLittle: refusing a row of a million cells or a value of
// hundreds of megabytes does not first hold it.
func TestLimitsHoldLittle(t *testing.T) {
	if testing.Short() {
		t.Skip("inflates hundreds of megabytes")
	}
	tests := []struct{ name, data string }{
		{"value of 300 MB", `<row r="1"><c r="A1" t="inlineStr"><is><t>` + strings.Repeat("z", 300<<20) + `</t></is></c></row>`},
		{"ten million empty cells", `<row r="1">` + strings.Repeat(`<c r="B1"/>`, 10<<20) + `</row>`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := writeFile(t, zipBytes(t, book("", tt.data)))
			tt.data = ""
			runtime.GC()
			var before, after runtime.MemStats
			runtime.ReadMemStats(&before)
			_, err := readSheet(t, path, "Sheet1", Options{})
			runtime.ReadMemStats(&after)
			if !errors.Is(err, ErrLimit) {
				t.Fatalf("err = %v, want ErrLimit", err)
			}
			if grew := after.TotalAlloc - before.TotalAlloc; grew > 32<<20 {
				t.Errorf("allocated %d MiB while refusing", grew>>20)
			}
		})
	}
}

// TestYieldCaps: padding a sheet (comments, say) buys cells and shared text
// by the byte, up to an absolute cap, so that a padded sheet too is refused
// before the work it asks for runs into minutes.
func TestYieldCaps(t *testing.T) {
	if testing.Short() {
		t.Skip("hands out 256 million cells")
	}
	pad := "<!--" + strings.Repeat(" ", maxColumns/cellYieldFactor+100) + "-->" // enough bytes a row for its cells
	var b strings.Builder
	b.WriteString(`<worksheet ` + nsMain + `><sheetData>`)
	for range cellYieldMax/maxColumns + 10 {
		b.WriteString(`<row><c r="XFD1"><v>1</v></c></row>` + pad)
	}
	b.WriteString(`</sheetData></worksheet>`)
	rs := newRowsFrom("Sheet1", "sheet1.xml", &memSource{data: []byte(b.String()), piece: pieceSize, room: pieceRoom}, nil)
	defer rs.Close()
	n := 0
	for rs.Next() {
		n++
	}
	if err := rs.Err(); !errors.Is(err, ErrLimit) || n > cellYieldMax/maxColumns {
		t.Fatalf("%d rows, err %v; want ErrLimit by row %d", n, err, cellYieldMax/maxColumns)
	}
}
