package xlsx

import (
	"archive/zip"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"
)

// FuzzOpen feeds arbitrary bytes through Open and every sheet's rows. Any
// input may fail; none may panic or hang. What succeeds must hold the
// invariants: rows strictly increasing, each within the format's and the
// budgets' bounds, values as their types say, the shared strings and the
// rows those the encoding/xml reader reads; an error names its sheet. The bound is kept small so that a
// mutated deflate stream cannot turn one input into a gigabyte of work.
func FuzzOpen(f *testing.F) {
	for _, path := range fixtures {
		data, err := os.ReadFile(path)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	// Small workbooks reach the cell code in far fewer mutations, and
	// stored (uncompressed) ones expose the XML bytes to the mutator.
	small := book(`<si><r><t>Ru</t></r><r><t>mah</t></r><rPh><t>x</t></rPh></si><si><t>_x000D_</t></si>`,
		`<row r="1"><c r="A1" t="s"><v>0</v></c><c t="inlineStr"><is><t>a&amp;b</t></is></c><c r="D1" t="b"><v>1</v></c>`+
			`<c r="E1" t="e"><v>#N/A</v></c><c r="F1"><f>A1</f></c><c r="G1" t="str"><v>x</v></c><c r="H1"><v>1.5E-3</v></c></row><row><c><v>2</v></c></row>`,
		`<row r="3"/>`)
	f.Add(zipBytes(f, small))
	f.Add(zipBytesMethod(f, small, zip.Store))
	// The scanner's edge cases (comments, CDATA, prefixes, character
	// references, unknown elements), stored so that the mutator sees them.
	for _, tc := range scanCases[:12] {
		parts := book(tc.sst, "")
		parts[3].data = tc.xml()
		f.Add(zipBytesMethod(f, parts, zip.Store))
	}
	dir := f.TempDir()
	f.Fuzz(func(t *testing.T, data []byte) {
		path := filepath.Join(dir, "fuzz.xlsx")
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
		wb, err := Open(path, Options{MaxPartBytes: 8 << 20})
		if err != nil {
			return
		}
		defer wb.Close()
		checkTable(t, wb)
		for _, sheet := range wb.Sheets() {
			rs, err := wb.Rows(sheet)
			if err != nil {
				continue
			}
			var got []row
			for rs.Next() {
				if n := len(got); n > 0 && rs.Num() <= got[n-1].num {
					t.Fatalf("row %d after row %d", rs.Num(), got[n-1].num)
				}
				checkRow(t, rs.Num(), rs.Cells())
				got = append(got, row{rs.Num(), append([]Cell(nil), rs.Cells()...)})
			}
			err = rs.Err()
			rs.Close()
			if err != nil && !strings.Contains(err.Error(), strconv.Quote(sheet)) {
				t.Fatalf("error %q does not name sheet %q", err, sheet)
			}
			// Where both succeed, the encoding/xml reader must agree.
			if err == nil {
				if want, werr := oracleRead(wb, sheet); werr == nil && !reflect.DeepEqual(normalise(got), normalise(want)) {
					t.Fatalf("sheet %q: rows\n%sencoding/xml reader:\n%s", sheet, formatRows(got), formatRows(want))
				}
			}
		}
	})
}

// checkRow checks what any row yielded must be, whatever the input: within
// the format's and the budgets' bounds, each cell's value as its type says.
func checkRow(t *testing.T, num int, cells []Cell) {
	t.Helper()
	if num < 1 || num > maxRows {
		t.Fatalf("row number %d", num)
	}
	if len(cells) > maxColumns {
		t.Fatalf("row %d: %d cells", num, len(cells))
	}
	if n := len(cells); n > 0 && cells[n-1].Type == TypeEmpty {
		t.Fatalf("row %d ends with an Empty cell", num)
	}
	text := 0
	for col, c := range cells {
		text += len(c.Value)
		if len(c.Value) > maxStringBytes {
			t.Fatalf("row %d column %d: a value of %d bytes", num, col, len(c.Value))
		}
		ok := true
		switch c.Type {
		case TypeEmpty, TypeFormula:
			ok = c.Value == ""
		case TypeNumber:
			ok = isNumber([]byte(c.Value))
		case TypeBool:
			ok = c.Value == "0" || c.Value == "1"
		case TypeError:
			ok = c.Value != ""
		case TypeString:
		default:
			ok = false
		}
		if !ok {
			t.Fatalf("row %d column %d: %v cell %q", num, col, c.Type, c.Value)
		}
	}
	if text > maxRowBytes {
		t.Fatalf("row %d: %d bytes of values", num, text)
	}
}

// checkTable checks the shared strings Open read against the former,
// encoding/xml reader, which has no budgets: where Open succeeds, it must
// read the same strings.
func checkTable(t *testing.T, wb *Workbook) {
	t.Helper()
	if wb.sst.len() == 0 {
		return
	}
	if wb.sst.held > wb.maxTable {
		t.Fatalf("table of %d bytes past its budget", wb.sst.held)
	}
	if want, err := wb.oracleSharedStrings(wb.sstPart); err == nil && !reflect.DeepEqual(wb.sst.strings(), want) {
		t.Fatalf("shared strings %q, encoding/xml %q", wb.sst.strings(), want)
	}
}

// oracleRead reads a sheet of an open workbook with the former reader.
func oracleRead(wb *Workbook, sheet string) ([]row, error) {
	for _, s := range wb.sheets {
		if s.name != sheet || s.problem != "" {
			continue
		}
		rc, err := wb.openPart(s.part)
		if err != nil {
			return nil, err
		}
		rs := newOracleRows(s.name, s.part, rc, wb.sst.strings())
		defer rs.Close()
		var out []row
		for rs.Next() {
			out = append(out, row{rs.Num(), append([]Cell(nil), rs.Cells()...)})
		}
		return out, rs.Err()
	}
	return nil, errors.New("no such sheet")
}
