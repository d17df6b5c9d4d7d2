package xlsx

import (
	"fmt"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/xuri/excelize/v2"
)

// The differential test reads the same workbooks with this package and with
// excelize's raw-value row iterator and requires the same text in every
// cell of every row; the fixtures cover LibreOffice's output, the written
// workbooks cover excelize's own (shared strings, inline strings from the
// stream writer, rich text, booleans, formulas, gaps).

var fixtures = []string{
	"../../testdata/sample/survei_kelua.xlsx",
	"../../testdata/handworked/survey_template_libreoffice.xlsx",
}

func TestDifferentialFixtures(t *testing.T) {
	for _, path := range fixtures {
		t.Run(filepath.Base(path), func(t *testing.T) {
			n := compareWithExcelize(t, path)
			if n == 0 {
				t.Error("no cells compared")
			}
			t.Logf("%d non-empty cells compared", n)
		})
	}
}

// compareWithExcelize compares every sheet and returns how many non-empty
// cells it compared.
func compareWithExcelize(t *testing.T, path string) int {
	t.Helper()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatalf("excelize: %v", err)
	}
	defer f.Close()
	wb, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer wb.Close()
	if got, want := wb.Sheets(), f.GetSheetList(); !reflect.DeepEqual(got, want) {
		t.Errorf("Sheets() = %q, excelize %q", got, want)
	}
	compared := 0
	for _, sheet := range f.GetSheetList() {
		theirs := excelizeRows(t, f, sheet)
		ours := map[int][]Cell{}
		rs, err := wb.Rows(sheet)
		if err != nil {
			t.Fatal(err)
		}
		last := 0
		for rs.Next() {
			if rs.Num() <= last {
				t.Errorf("%s: row %d after row %d", sheet, rs.Num(), last)
			}
			last = rs.Num()
			ours[rs.Num()] = append([]Cell(nil), rs.Cells()...)
		}
		if err := rs.Err(); err != nil {
			t.Fatalf("%s: %v", sheet, err)
		}
		rs.Close()
		for num, cells := range ours {
			want := theirs[num] // nil for a gap row excelize yields empty
			for col := 0; col < max(len(cells), len(want)); col++ {
				var got, exp string
				if col < len(cells) {
					got = cells[col].Value
					if cells[col].Type == TypeEmpty && got != "" {
						t.Errorf("%s!%s%d: Empty cell with value %q", sheet, columnName(col), num, got)
					}
				}
				if col < len(want) {
					exp = want[col]
				}
				if got != exp {
					t.Errorf("%s!%s%d: got %q (%v), excelize %q", sheet, columnName(col), num, got, cells[col].Type, exp)
				}
				if exp != "" {
					compared++
				}
			}
		}
		for num, want := range theirs {
			if _, ok := ours[num]; !ok && !allEmpty(want) {
				t.Errorf("%s: row %d missing, excelize has %q", sheet, num, want)
			}
		}
	}
	return compared
}

// excelizeRows reads a sheet with excelize's iterator, by row number.
func excelizeRows(t *testing.T, f *excelize.File, sheet string) map[int][]string {
	t.Helper()
	rows, err := f.Rows(sheet)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	out := map[int][]string{}
	for n := 1; rows.Next(); n++ {
		cols, err := rows.Columns(excelize.Options{RawCellValue: true})
		if err != nil {
			t.Fatalf("excelize %s row %d: %v", sheet, n, err)
		}
		if !allEmpty(cols) {
			out[n] = cols
		}
	}
	if err := rows.Error(); err != nil {
		t.Fatal(err)
	}
	return out
}

func allEmpty(vals []string) bool {
	for _, v := range vals {
		if v != "" {
			return false
		}
	}
	return true
}

// typed is a cell written with excelize and the type this package must
// report for it.
type typed struct {
	ref  string
	val  any
	want Cell
}

func TestDifferentialExcelizeWritten(t *testing.T) {
	cells := []typed{
		{"A1", 42, num("42")},
		{"B1", 37.125, num("37.125")},
		{"C1", "2.500.000", str("2.500.000")},
		{"D1", "=SUM(A1)", str("=SUM(A1)")},
		{"E1", true, boo("1")},
		{"F1", false, boo("0")},
		{"G1", 1.5e-3, num("0.0015")},
		{"H1", int64(-7), num("-7")},
		{"I1", "37.125", str("37.125")},
		{"J1", float32(0.5), num("0.5")},
		{"K1", uint8(200), num("200")},
		{"L1", 1e21, num("1000000000000000000000")},
		{"A3", "A & B <c> \"d\"", str("A & B <c> \"d\"")},
		{"B3", "  spasi di tepi  ", str("  spasi di tepi  ")},
		{"C3", "baris\nkedua", str("baris\nkedua")},
		// excelize stores this text without escaping its underscore, so by
		// the OOXML rules it reads back as a carriage return, in excelize
		// as here.
		{"D3", "_x000D_ literal", str("\r literal")},
		{"E3", "Ya", str("Ya")},
		{"F3", "Ya", str("Ya")}, // the same shared string twice
		{"Z7", 7, num("7")},     // gaps in both directions
		{"C12", "Rp 1.250.000", str("Rp 1.250.000")},
		{"AT20", "kolom terakhir", str("kolom terakhir")},
	}
	f := excelize.NewFile()
	defer f.Close()
	const sheet = "Data KK"
	if err := f.SetSheetName("Sheet1", sheet); err != nil {
		t.Fatal(err)
	}
	for _, c := range cells {
		var err error
		if s, ok := c.val.(string); ok {
			// SetCellStr, not SetCellValue: "=SUM(A1)" must stay text.
			err = f.SetCellStr(sheet, c.ref, s)
		} else {
			err = f.SetCellValue(sheet, c.ref, c.val)
		}
		if err != nil {
			t.Fatal(err)
		}
	}
	if err := f.SetCellRichText(sheet, "A5", []excelize.RichTextRun{
		{Text: "Rumah ", Font: &excelize.Font{Bold: true}},
		{Text: "Tangga"},
	}); err != nil {
		t.Fatal(err)
	}
	cells = append(cells, typed{"A5", nil, str("Rumah Tangga")})
	if err := f.SetCellFormula(sheet, "B5", "SUM(A1,B1)"); err != nil {
		t.Fatal(err)
	}
	cells = append(cells, typed{"B5", nil, formula})

	// A second sheet through the stream writer, which writes inline
	// strings and skips nil cells.
	const streamed = "Stream"
	if _, err := f.NewSheet(streamed); err != nil {
		t.Fatal(err)
	}
	sw, err := f.NewStreamWriter(streamed)
	if err != nil {
		t.Fatal(err)
	}
	streamRows := map[int][]any{
		1: {"kode_desa", "no_kk", "jml_art", "pendapatan", "buku_nikah"},
		2: {"6309012001", "6309010101230001", 4, 2500000.5, true},
		3: {"6309012002", nil, 37.125, "37.125", false},
		6: {nil, nil, excelize.Cell{Formula: "SUM(C2:C3)"}, []excelize.RichTextRun{{Text: "ka"}, {Text: "ya"}}, "2.500.000"},
		9: {},
	}
	for _, n := range []int{1, 2, 3, 6, 9} {
		ref, _ := excelize.CoordinatesToCellName(1, n)
		if err := sw.SetRow(ref, streamRows[n]); err != nil {
			t.Fatal(err)
		}
	}
	if err := sw.Flush(); err != nil {
		t.Fatal(err)
	}
	streamWant := map[string]Cell{
		"A1": str("kode_desa"), "A2": str("6309012001"), "B2": str("6309010101230001"), "C2": num("4"),
		"D2": num("2500000.5"), "E2": boo("1"), "B3": empty, "C3": num("37.125"), "D3": str("37.125"),
		"E3": boo("0"), "C6": formula, "D6": str("kaya"), "E6": str("2.500.000"),
	}

	path := filepath.Join(t.TempDir(), "excelize.xlsx")
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	if n := compareWithExcelize(t, path); n == 0 {
		t.Error("no cells compared")
	}

	// The types, which excelize cannot tell.
	byRef := readByRef(t, path, sheet)
	for _, c := range cells {
		if got := byRef[c.ref]; got != c.want {
			t.Errorf("%s!%s (%T %v): got %v %q, want %v %q", sheet, c.ref, c.val, c.val, got.Type, got.Value, c.want.Type, c.want.Value)
		}
	}
	byRef = readByRef(t, path, streamed)
	for ref, want := range streamWant {
		if got := byRef[ref]; got != want {
			t.Errorf("%s!%s: got %v %q, want %v %q", streamed, ref, got.Type, got.Value, want.Type, want.Value)
		}
	}
}

// readByRef reads a whole sheet into a map by cell reference.
func readByRef(t *testing.T, path, sheet string) map[string]Cell {
	t.Helper()
	rows, err := readSheet(t, path, sheet, Options{})
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]Cell{}
	for _, r := range rows {
		for col, c := range r.cells {
			out[fmt.Sprintf("%s%d", columnName(col), r.num)] = c
		}
	}
	return out
}
