package ikk

import (
	"archive/zip"
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"unicode/utf16"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/charmap"
)

func readAll(t *testing.T, src Source) []string {
	t.Helper()
	var rows []string
	for src.Next() {
		r := src.Row()
		var cells []string
		for _, c := range r.Cells {
			cells = append(cells, c.Value)
		}
		rows = append(rows, fmt.Sprintf("%d:%s", r.Num, strings.Join(cells, "|")))
	}
	if err := src.Err(); err != nil {
		t.Fatal(err)
	}
	return rows
}

func TestCSVSource(t *testing.T) {
	tests := []struct {
		name, in string
		want     []string
	}{
		{"comma", "a,b\n1,2\n", []string{"1:a|b", "2:1|2"}},
		{"semicolon with decimal commas", "a;b\n36,5;2.500.000\n", []string{"1:a|b", "2:36,5|2.500.000"}},
		{"tab", "a\tb\n1\t2\n", []string{"1:a|b", "2:1|2"}},
		{"byte-order mark", "\xEF\xBB\xBFa;b\n1;2\n", []string{"1:a|b", "2:1|2"}},
		{"CRLF", "a,b\r\n1,2\r\n", []string{"1:a|b", "2:1|2"}},
		{"quoted separators", "a;b\n\"x;y\";\"say \"\"hi\"\"\"\n", []string{"1:a|b", `2:x;y|say "hi"`}},
		{"quoted newline keeps the spreadsheet's row numbers", "a,b\n\"two\nlines\",x\n3,4\n", []string{"1:a|b", "2:two\nlines|x", "3:3|4"}},
		{"line break in the last field; an empty line is a blank row", "a,b\nx,\"1\n2\n3\"\n5,6\n\n7,8\n", []string{"1:a|b", "2:x|1\n2\n3", "3:5|6", "4:", "5:7|8"}},
		{"CR-only line ends", "a;b\r1;2\r3;4\r", []string{"1:a|b", "2:1|2", "3:3|4"}},
		{"CR-only line ends with a line break in a cell", "a;b\r\"x\ry\";2\r3;4", []string{"1:a|b", "2:x\ny|2", "3:3|4"}},
		{"mixed line ends", "a,b\r\n1,2\n3,4\r5,6", []string{"1:a|b", "2:1|2", "3:3|4", "4:5|6"}},
		{"CRLF inside a quoted field reads as one line break", "a,b\r\n\"x\r\ny\",2\r\n", []string{"1:a|b", "2:x\ny|2"}},
		{"no line end at the end", "a,b\n1,2", []string{"1:a|b", "2:1|2"}},
		{"empty last field", "a,b\n1,\n", []string{"1:a|b", "2:1|"}},
		{"quoted empty field and a quote at the end", "a,b\n\"\",\"\"\"\"\n", []string{"1:a|b", "2:|\""}},
		{"a quote inside a quoted field that does not close it", "a,b\n\"say \"hi\" now\",2\n", []string{"1:a|b", "2:say \"hi\" now|2"}},
		{"a quoted field closed at the end of the input", "a,b\n1,\"2\"", []string{"1:a|b", "2:1|2"}},
		{"UTF-16 LE with a byte-order mark", utf16Text(false, "a\tb\r\n1\t\u00e9\r\n"), []string{"1:a|b", "2:1|\u00e9"}},
		{"UTF-16 BE with a byte-order mark", utf16Text(true, "a\tb\r\n1\t\u00e9\r\n"), []string{"1:a|b", "2:1|\u00e9"}},
		{"ragged rows", "a,b,c\n1\n1,2,3,4\n", []string{"1:a|b|c", "2:1", "3:1|2|3|4"}},
		{"commas inside quotes do not fool the sniffer", "\"a,x\";\"b,y\";c\n1;2;3\n", []string{"1:a,x|b,y|c", "2:1|2|3"}},
		{"stray quote", "a,b\nsay \"hi,x\n", []string{"1:a|b", "2:say \"hi|x"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src, err := NewCSVSource(strings.NewReader(tt.in))
			if err != nil {
				t.Fatal(err)
			}
			if got := readAll(t, src); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

// utf16Text encodes s as UTF-16 with a byte-order mark, as Excel's
// "Unicode Text" export does.
func utf16Text(bigEndian bool, s string) string {
	var b []byte
	if bigEndian {
		b = append(b, 0xFE, 0xFF)
	} else {
		b = append(b, 0xFF, 0xFE)
	}
	for _, u := range utf16.Encode([]rune(s)) {
		if bigEndian {
			b = append(b, byte(u>>8), byte(u))
		} else {
			b = append(b, byte(u), byte(u>>8))
		}
	}
	return string(b)
}

func TestCSVWindows1252(t *testing.T) {
	in, err := charmap.Windows1252.NewEncoder().String("desa;catatan\nSungai Rambé;ok\n")
	if err != nil {
		t.Fatal(err)
	}
	src, err := NewCSVSource(strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	if got := readAll(t, src); got[1] != "2:Sungai Rambé|ok" {
		t.Errorf("got %q", got)
	}
}

// TestXLSXSource reads a workbook written here cell by cell: numbers, text,
// booleans, gaps between rows and columns, formula-looking text.
func TestXLSXSource(t *testing.T) {
	f := excelize.NewFile()
	defer f.Close()
	sh := "Sheet1"
	f.SetCellValue(sh, "A1", "kode_desa")
	f.SetCellValue(sh, "B1", "luas")
	f.SetCellValue(sh, "D1", "ok")
	f.SetCellValue(sh, "A2", "63.09.06.2004")
	f.SetCellValue(sh, "B2", 36.5)
	f.SetCellValue(sh, "D2", true)
	f.SetCellValue(sh, "A4", "=SUM(1,2)")
	f.SetCellStr(sh, "B4", "2.500.000")
	f.SetCellValue(sh, "C4", 1234567)
	path := filepath.Join(t.TempDir(), "w.xlsx")
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	wb, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer wb.Close()
	src, err := wb.Rows("Sheet1")
	if err != nil {
		t.Fatal(err)
	}
	defer src.Close()
	got := readAll(t, src)
	want := []string{"1:kode_desa|luas||ok", "2:63.09.06.2004|36.5||1", "3:", "4:=SUM(1,2)|2.500.000|1234567"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
}

// scoreUnits scores files with the default set and returns the units as the
// JSON renderer would see them, paths aside.
func scoreUnits(t *testing.T, paths ...string) (*Result, []*Unit) {
	t.Helper()
	res, err := Score(context.Background(), defaultSet(t), paths, Options{})
	if err != nil {
		t.Fatal(err)
	}
	return res, res.Units
}

// TestSameDataSameResult: the sample as CSV and as the xlsx LibreOffice saved
// from it, and the Kobo export (';', group prefixes, a question as a header)
// against the same households with plain headers, give the same units.
func TestSameDataSameResult(t *testing.T) {
	csvRes, csvUnits := scoreUnits(t, "../testdata/sample/survei_kelua.csv")
	xlsxRes, xlsxUnits := scoreUnits(t, "../testdata/sample/survei_kelua.xlsx")
	if !reflect.DeepEqual(csvUnits, xlsxUnits) {
		t.Error("the CSV and the LibreOffice xlsx of the sample give different units")
	}
	if csvRes.Summary != xlsxRes.Summary || csvRes.Issues.Len() != xlsxRes.Issues.Len() {
		t.Errorf("accounting %+v vs %+v, issues %d vs %d", csvRes.Summary, xlsxRes.Summary, csvRes.Issues.Len(), xlsxRes.Issues.Len())
	}
	if xlsxRes.Inputs[0].Sheet != "survei_kelua" || xlsxRes.Inputs[0].HeaderRow != 1 {
		t.Errorf("xlsx input %+v", xlsxRes.Inputs[0])
	}
	// The Kobo export and the same households with plain headers.
	plain := strings.Replace(mustRead(t, "../testdata/sample/kobo_export.csv"), "\n", "\n", -1)
	lines := strings.SplitN(plain, "\n", 2)
	var head []string
	for _, h := range strings.Split(lines[0], ";") {
		if i := strings.LastIndex(h, "/"); i >= 0 {
			h = h[i+1:]
		}
		if strings.HasPrefix(h, "Apakah ada anggota") {
			h = "ada_sakit_kronis"
		}
		head = append(head, h)
	}
	plainPath := writeFile(t, "plain.csv", strings.Join(head, ";")+"\n"+lines[1])
	_, koboUnits := scoreUnits(t, "../testdata/sample/kobo_export.csv")
	_, plainUnits := scoreUnits(t, plainPath)
	if !reflect.DeepEqual(koboUnits, plainUnits) {
		t.Error("Kobo headers and plain headers give different units")
	}
	if len(koboUnits) == 0 || koboUnits[0].Households != 240 {
		t.Errorf("kobo export: %d units", len(koboUnits))
	}
}

func mustRead(t *testing.T, p string) string {
	t.Helper()
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// TestHandWorkedHouseholds compares every household score of the hand-worked
// fixture with testdata/handworked/expected.json (worked out by hand), for
// the CSV and for the same data in a LibreOffice-saved district template.
func TestHandWorkedHouseholds(t *testing.T) {
	want := map[int]string{ // row -> "score category complete", from expected.json
		2: "93.5 3 true", 3: "51 1 true", 4: "70.16666666666667 2 true", 5: "<nil> <nil> false", 7: "68.75 2 true",
		9: "84.33333333333333 3 true", 10: "77 3 true", 11: "77 3 true", 13: "71.83333333333334 2 true", 14: "93.33333333333333 3 true",
	}
	for _, path := range []string{"../testdata/handworked/survey.csv", "../testdata/handworked/survey_template_libreoffice.xlsx"} {
		got := map[int]string{}
		_, err := Score(context.Background(), defaultSet(t), []string{path}, Options{OnHousehold: func(h *Household) {
			score, cat := "<nil>", "<nil>"
			if h.Score != nil {
				score = fmt.Sprint(Round2(*h.Score*1e6) / 1e6)
				cat = fmt.Sprint(h.Category.ID)
			}
			got[h.Row] = fmt.Sprintf("%s %s %v", score, cat, h.Complete)
		}})
		if err != nil {
			t.Fatal(err)
		}
		// The template has three rows above the header.
		offset := 0
		if strings.HasSuffix(path, ".xlsx") {
			offset = 3
		}
		for row, w := range want {
			wantScore := w
			if fields := strings.Fields(w); fields[0] != "<nil>" {
				var f float64
				fmt.Sscan(fields[0], &f)
				wantScore = fmt.Sprintf("%v %s %s", Round2(f*1e6)/1e6, fields[1], fields[2])
			}
			if got[row+offset] != wantScore {
				t.Errorf("%s row %d: %q, want %q", path, row+offset, got[row+offset], wantScore)
			}
		}
		if len(got) != len(want) {
			t.Errorf("%s: %d households scored, want %d", path, len(got), len(want))
		}
	}
}

// TestXLSXCellTypes: a number typed into a cell is read as a number (37.125
// m2), text is read the Indonesian way ("37.125" is 37125), and KK numbers
// stored as numbers, which Excel cuts to 15 digits, are not used to find
// duplicates.
func TestXLSXCellTypes(t *testing.T) {
	f := excelize.NewFile()
	defer f.Close()
	sh := "Sheet1"
	head := []any{"kode_desa", "kecamatan", "desa", "no_kk", "status_kawin_kk", "jml_art", "atap_layak", "dinding_layak", "lantai_layak", "luas_lantai"}
	f.SetSheetRow(sh, "A1", &head)
	rows := [][]any{
		{"63.09.06.2004", "K", "D", int64(6309060101100001), 2, 6, "ya", "ya", "ya", 37.125},   // 37.125/6 < 7.2: fail
		{"63.09.06.2004", "K", "D", int64(6309060101100002), 2, 6, "ya", "ya", "ya", "37.125"}, // text: 37125/6: pass
		{"63.09.06.2004", "K", "D", int64(6309060101100003), 2, 6, "ya", "ya", "ya", 43.2},     // exactly 7.2: pass
	}
	for i, r := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+2)
		f.SetSheetRow(sh, cell, &r)
	}
	f.SetCellStr(sh, "J3", "37.125")
	path := filepath.Join(t.TempDir(), "types.xlsx")
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	set := defaultSet(t)
	ke08 := -1
	for i, ind := range set.Indicators {
		if ind.ID == "KE08" {
			ke08 = i
		}
	}
	var got []string
	res, err := Score(context.Background(), set, []string{path}, Options{OnHousehold: func(h *Household) {
		got = append(got, h.Outcomes[ke08].String())
	}})
	if err != nil {
		t.Fatal(err)
	}
	if fmt.Sprint(got) != "[fail pass pass]" {
		t.Errorf("KE08 outcomes %v, want [fail pass pass]", got)
	}
	// The three KK numbers end 01, 02, 03 but Excel stores them as
	// 6.3090601011E+15: no family may be rejected as a duplicate.
	if res.Summary.Scored != 3 || res.Summary.Rejected != 0 {
		t.Errorf("accounting %+v: numeric KK numbers made duplicates", res.Summary)
	}
	if res.IssueCounts[IssueKKAsNumber] != 1 {
		t.Errorf("issues %v, want one kk_as_number", res.IssueCounts)
	}
}

// TestXLSXTruncatedSheet: a worksheet cut short inside an intact zip is an
// error that names the file and the row, never a silent end.
func TestXLSXTruncatedSheet(t *testing.T) {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>`)
	b.WriteString(`<row r="1"><c r="A1" t="inlineStr"><is><t>kode_desa</t></is></c><c r="B1" t="inlineStr"><is><t>buku_nikah</t></is></c></row>`)
	for r := 2; r <= 10; r++ {
		fmt.Fprintf(&b, `<row r="%d"><c r="A%d" t="inlineStr"><is><t>63.09.06.2004</t></is></c><c r="B%d" t="inlineStr"><is><t>ya</t></is></c></row>`, r, r, r)
	}
	sheet := b.String()
	cut := strings.Index(sheet, `<row r="6">`) + 20
	path := writeZip(t, map[string]string{
		"[Content_Types].xml":        `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>`,
		"xl/workbook.xml":            `<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Data" sheetId="1" r:id="rId1"/></sheets></workbook>`,
		"xl/_rels/workbook.xml.rels": `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
		"xl/worksheets/sheet1.xml":   sheet[:cut],
	})
	_, err := Score(context.Background(), defaultSet(t), []string{path}, Options{})
	var ie *InputError
	if !errors.As(err, &ie) || !strings.Contains(err.Error(), "row 6") || !ie.Partial {
		t.Fatalf("err = %v; want a partial InputError naming row 6", err)
	}
}

func writeZip(t *testing.T, parts map[string]string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "w.xlsx")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	zw := zip.NewWriter(f)
	for name, body := range parts {
		w, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		w.Write([]byte(body))
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	f.Close()
	return path
}

// TestExpandSymlinkedFolder: a folder given as a symbolic link is read like
// the folder itself, its files named under the link.
func TestExpandSymlinkedFolder(t *testing.T) {
	dir := t.TempDir()
	real := filepath.Join(dir, "real")
	if err := os.Mkdir(real, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(real, "a.csv"), []byte("x\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(dir, "link")
	if err := os.Symlink(real, link); err != nil {
		t.Skip("no symbolic links here:", err)
	}
	in, err := ExpandInputs([]string{link})
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{filepath.Join(link, "a.csv")}; !reflect.DeepEqual(in.Files, want) {
		t.Fatalf("files %q, want %q", in.Files, want)
	}
}

// TestChangedFileFails: a file that changes between the start of the run
// and the end of its reading fails the run, even one found in a folder that
// would otherwise be skipped: what was read is neither the old file nor the
// new one.
func TestChangedFileFails(t *testing.T) {
	set := defaultSet(t)
	for _, inFolder := range []bool{false, true} {
		dir := t.TempDir()
		data, err := os.ReadFile("../testdata/handworked/survey.csv")
		if err != nil {
			t.Fatal(err)
		}
		path := filepath.Join(dir, "a.csv")
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
		arg := path
		if inFolder {
			arg = dir
		}
		in, err := ExpandInputs([]string{arg})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := ScoreInputs(context.Background(), set, in, Options{Jobs: 2}); err != nil {
			t.Fatalf("unchanged file: %v", err)
		}
		f, err := os.OpenFile(path, os.O_APPEND|os.O_WRONLY, 0)
		if err != nil {
			t.Fatal(err)
		}
		f.WriteString(string(data[bytes.IndexByte(data, '\n')+1:]))
		f.Close()
		_, err = ScoreInputs(context.Background(), set, in, Options{Jobs: 2})
		var ie *InputError
		if !errors.As(err, &ie) || !ie.Changed || !strings.Contains(err.Error(), "changed while it was read") {
			t.Fatalf("in folder %v: err = %v, want the file named as changed", inFolder, err)
		}
	}
}

// TestExpandByIdentity: a file reached again by a hard link, a symbolic link
// or a folder is listed once, the repeats named.
func TestExpandByIdentity(t *testing.T) {
	dir := t.TempDir()
	a := filepath.Join(dir, "a.csv")
	if err := os.WriteFile(a, []byte("x\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	hard := filepath.Join(t.TempDir(), "hard.csv")
	if err := os.Link(a, hard); err != nil {
		t.Skip("no hard links here:", err)
	}
	soft := filepath.Join(t.TempDir(), "soft.csv")
	if err := os.Symlink(a, soft); err != nil {
		t.Skip("no symbolic links here:", err)
	}
	in, err := ExpandInputs([]string{dir, a, hard, soft})
	if err != nil {
		t.Fatal(err)
	}
	if len(in.Files) != 1 || in.Files[0] != a {
		t.Fatalf("files %q, want only %s", in.Files, a)
	}
	want := []RepeatedInput{{a, a}, {hard, a}, {soft, a}}
	if !reflect.DeepEqual(in.Repeats, want) {
		t.Fatalf("repeats %v, want %v", in.Repeats, want)
	}
}
