package ikk

import (
	"context"
	"errors"
	"fmt"
	"github.com/ikk-tools/ikk/internal/fixture"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// testSheet is one sheet of a workbook built by testBook.
type testSheet struct {
	name   string
	hidden string // "", "hidden" or "veryHidden"
	rows   [][]any
}

// testBook writes the sheets with excelize, in order, and returns the path.
func testBook(t *testing.T, sheets ...testSheet) string {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	for i, s := range sheets {
		if i == 0 {
			if err := f.SetSheetName("Sheet1", s.name); err != nil {
				t.Fatal(err)
			}
		} else if _, err := f.NewSheet(s.name); err != nil {
			t.Fatal(err)
		}
		for r, row := range s.rows {
			cell, _ := excelize.CoordinatesToCellName(1, r+1)
			if err := f.SetSheetRow(s.name, cell, &row); err != nil {
				t.Fatal(err)
			}
		}
	}
	// Hidden last: excelize refuses to hide the active sheet, so the first
	// visible one is made active first.
	for i, s := range sheets {
		if s.hidden == "" {
			f.SetActiveSheet(i)
			break
		}
	}
	for _, s := range sheets {
		if s.hidden != "" {
			if err := f.SetSheetVisible(s.name, false, s.hidden == "veryHidden"); err != nil {
				t.Fatal(err)
			}
		}
	}
	path := filepath.Join(t.TempDir(), "book.xlsx")
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	return path
}

// surveyRows is a header and n families of one desa, each with a buku_nikah
// answer, so that every row is scored.
func surveyRows(n int) [][]any {
	rows := [][]any{{"kode_desa", "kecamatan", "desa", "no_kk", "status_kawin_kk", "buku_nikah"}}
	for i := range n {
		rows = append(rows, []any{"63.09.06.2004", "Kelua", "Sungai Harapan", fmt.Sprintf("63090601011%05d", i+1), 2, "Ya"})
	}
	return rows
}

// TestHiddenSheet: a hidden sheet whose header matches (instructions with an
// example row) is passed over for the visible data sheet, and said so; it is
// read only when named.
func TestHiddenSheet(t *testing.T) {
	for _, state := range []string{"hidden", "veryHidden"} {
		t.Run(state, func(t *testing.T) {
			path := testBook(t,
				testSheet{name: "Petunjuk", hidden: state, rows: surveyRows(1)},
				testSheet{name: "Data", rows: surveyRows(20)})
			res, err := Score(context.Background(), defaultSet(t), []string{path}, Options{})
			if err != nil {
				t.Fatal(err)
			}
			in := res.Inputs[0]
			if in.Sheet != "Data" || in.Scored != 20 || in.SheetHidden || !slices.Equal(in.HiddenSkipped, []string{"Petunjuk"}) {
				t.Errorf("read sheet %q (hidden %v), %d scored, hidden skipped %q; want Data, 20, [Petunjuk]", in.Sheet, in.SheetHidden, in.Scored, in.HiddenSkipped)
			}

			res, err = Score(context.Background(), defaultSet(t), []string{path}, Options{Sheet: "Petunjuk"})
			if err != nil {
				t.Fatal(err)
			}
			in = res.Inputs[0]
			if in.Sheet != "Petunjuk" || in.Scored != 1 || !in.SheetHidden || len(in.HiddenSkipped) != 0 {
				t.Errorf("--sheet Petunjuk: read %q (hidden %v), %d scored, skipped %q", in.Sheet, in.SheetHidden, in.Scored, in.HiddenSkipped)
			}
		})
	}
	t.Run("only a hidden sheet matches", func(t *testing.T) {
		path := testBook(t,
			testSheet{name: "Sampul", rows: [][]any{{"Survei keluarga 2024"}}},
			testSheet{name: "Data", hidden: "hidden", rows: surveyRows(3)})
		_, err := Score(context.Background(), defaultSet(t), []string{path}, Options{})
		var ie *InputError
		if !errors.As(err, &ie) || !strings.Contains(err.Error(), `hidden sheet "Data"`) || !strings.Contains(err.Error(), `--sheet "Data"`) {
			t.Fatalf("err = %v; want an InputError naming the hidden sheet and --sheet", err)
		}
	})
	t.Run("hidden sheet after the data is not mentioned", func(t *testing.T) {
		path := testBook(t,
			testSheet{name: "Data", rows: surveyRows(2)},
			testSheet{name: "Cadangan", hidden: "hidden", rows: surveyRows(2)})
		res, err := Score(context.Background(), defaultSet(t), []string{path}, Options{})
		if err != nil {
			t.Fatal(err)
		}
		if in := res.Inputs[0]; in.Sheet != "Data" || in.SheetHidden || len(in.HiddenSkipped) != 0 {
			t.Errorf("read %q (hidden %v), skipped %q", in.Sheet, in.SheetHidden, in.HiddenSkipped)
		}
	})
}

// zipBook writes a workbook of one sheet "Data" whose <sheetData> is given,
// with no shared strings, byte for byte as a test needs it.
func zipBook(t *testing.T, sheetData string) string {
	t.Helper()
	return writeZipParts(t, []zipPart{
		{"[Content_Types].xml", `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>`},
		{"xl/workbook.xml", `<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Data" sheetId="1" r:id="rId1"/></sheets></workbook>`},
		{"xl/_rels/workbook.xml.rels", `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`},
		{"xl/worksheets/sheet1.xml", `<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>` + sheetData + `</sheetData></worksheet>`},
	})
}

type zipPart = fixture.Part

func writeZipParts(t *testing.T, parts []zipPart) string {
	t.Helper()
	data, err := fixture.Zip(parts)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "book.xlsx")
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// xrow writes a row of cells given as raw <c> elements, or as plain text
// for inline strings.
func xrow(num int, cells ...string) string {
	var b strings.Builder
	fmt.Fprintf(&b, `<row r="%d">`, num)
	for i, c := range cells {
		ref := ColumnLetter(i) + strconv.Itoa(num)
		switch {
		case c == "":
		case strings.HasPrefix(c, "<"):
			fmt.Fprintf(&b, `<c r="%s"%s`, ref, strings.TrimPrefix(c, "<c"))
		default:
			fmt.Fprintf(&b, `<c r="%s" t="inlineStr"><is><t>%s</t></is></c>`, ref, c)
		}
	}
	b.WriteString(`</row>`)
	return b.String()
}

// TestFormulaWithoutValue: a formula saved without its result (openpyxl's
// output) is not blank: it is invalid for the indicators reading it, with a
// formula_no_value issue; a village formula rejects the row; a formula with
// its result is the result; one in a column ikk does not read is nothing.
// A row whose only content is such a formula in a column ikk reads is not
// blank (row 9): it is rejected for naming no village, not dropped.
func TestFormulaWithoutValue(t *testing.T) {
	const noValue = `<c><f>1+1</f></c>`
	sheet := xrow(1, "kode_desa", "kecamatan", "desa", "no_kk", "status_kawin_kk", "buku_nikah", "catatan") +
		xrow(2, "63.09.06.2004", "Kelua", "Pudak", "6309060101100001", `<c><v>2</v></c>`, "Ya") +
		xrow(3, "63.09.06.2004", "Kelua", "Pudak", "6309060101100002", `<c><v>2</v></c>`, `<c t="str"><f>Petunjuk!B2</f></c>`) +
		xrow(4, "63.09.06.2004", "Kelua", "Pudak", "6309060101100003", `<c><v>2</v></c>`, `<c t="str"><f>Petunjuk!B2</f><v>Ya</v></c>`) +
		xrow(5, "63.09.06.2004", "Kelua", "Pudak", "6309060101100004", `<c><v>2</v></c>`, "Ya", noValue) +
		xrow(6, "", "", "", "", "", "", noValue) +
		xrow(7, noValue, "Kelua", "Pudak", "6309060101100005", `<c><v>2</v></c>`, "Ya") +
		xrow(8, "63.09.06.2004", "Kelua", "Pudak", "6309060101100006", `<c><f>1+1</f><v/></c>`, "Ya") +
		xrow(9, "", "", "", "", "", noValue)
	path := zipBook(t, sheet)
	set := defaultSet(t)
	ls01 := slices.IndexFunc(set.Indicators, func(ind *Indicator) bool { return ind.ID == "LS01" })
	var got []string
	res, err := Score(context.Background(), set, []string{path}, Options{OnHousehold: func(h *Household) {
		got = append(got, fmt.Sprintf("%d:%s", h.Row, h.Outcomes[ls01]))
	}})
	if err != nil {
		t.Fatal(err)
	}
	if want := "[2:pass 3:invalid 4:pass 5:pass 8:invalid]"; fmt.Sprint(got) != want {
		t.Errorf("LS01 outcomes %v, want %s", got, want)
	}
	if want := (Accounting{RowsRead: 8, Scored: 5, Rejected: 2, Blank: 1}); res.Summary != want {
		t.Errorf("accounting %+v, want %+v", res.Summary, want)
	}
	var cells []string
	for _, is := range res.Issues.All() {
		if is.Code == IssueFormulaNoValue {
			cells = append(cells, is.Cell)
			if is.Detail != MsgFormulaNoValue && is.Detail != MsgFormulaVillage {
				t.Errorf("%s: message %q does not say how to fix it", is.Cell, is.Detail)
			}
		} else if is.Code != IssueMissingColumn && !(is.Code == IssueNoVillage && is.Row == 9) {
			t.Errorf("unexpected issue %s at %s: %s", is.Code, is.Cell, is.Detail)
		}
	}
	if want := "[F3 A7 E8]"; fmt.Sprint(cells) != want {
		t.Errorf("formula_no_value issues at %v, want %s", cells, want)
	}
}
