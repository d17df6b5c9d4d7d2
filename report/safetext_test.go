package report

import (
	"bytes"
	"context"
	"encoding/csv"
	"github.com/ikk-tools/ikk/internal/fixture"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ikk-tools/ikk/ikk"
	"github.com/xuri/excelize/v2"
)

func TestSafeText(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"", ""},
		{"Sungai Harapan", "Sungai Harapan"},
		{"003", "003"},
		{"=1", "'=1"},
		{"+2", "'+2"},
		{"@4", "'@4"},
		{"-3+A1", "'-3+A1"},
		{`=HYPERLINK("http://x","klik")`, `'=HYPERLINK("http://x","klik")`},
		{"=cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0"},
		{"\t=1", "'\t=1"},
		{"\r=1", "'\r=1"},
		{"-", "'-"},
		{"--1", "'--1"},
		{"-A1", "'-A1"},
		{"-1.", "'-1."},
		// Plain negative numbers cannot be formulas, and stay numbers.
		{"-3", "-3"},
		{"-0,5", "-0,5"},
		{"-0.5", "-0.5"},
		{"-1.234,5", "-1.234,5"},
		{"-73.98456", "-73.98456"},
		// Not at the start: harmless.
		{"RT =1", "RT =1"},
		{" =1", " =1"},
	} {
		if got := SafeText(tt.in); got != tt.want {
			t.Errorf("SafeText(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// hostileRT are RT values that a spreadsheet would run as formulas.
var hostileRT = []string{"=1", "+2", "@4", "-3+A1", `=HYPERLINK("http://x","klik")`, "\t=5", "\r=6", "=cmd|' /C calc'!A0"}

const (
	hostileKec  = `=HYPERLINK("http://x","Kelua")`
	hostileDesa = "@SUM(1+1)"
	hostileKab  = "+Tabalong"
	hostileName = "-2+3"
)

// hostileSurvey is the hand-worked survey with formulas typed in its RT,
// desa, kecamatan, kabupaten and name columns.
func hostileSurvey(t *testing.T) string {
	t.Helper()
	recs, col, err := fixture.Survey("../testdata/handworked/survey.csv")
	if err != nil {
		t.Fatal(err)
	}
	for i, r := range recs[1:] {
		r[col["rt"]] = hostileRT[i%len(hostileRT)]
		r[col["nama_kk"]] = hostileName
		r[col["kabupaten"]] = hostileKab
		if r[col["kecamatan"]] == "Murung Pudak" {
			r[col["kecamatan"]] = hostileKec
		}
		if r[col["desa"]] == "Maburai" {
			r[col["desa"]] = hostileDesa
		}
	}
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	w.WriteAll(recs)
	path := filepath.Join(t.TempDir(), "survey.csv")
	if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// hostileResult scores the hostile survey, and then gives the RT units the
// hostile values exactly as typed (ikk folds RT values: "-3+A1" becomes
// "3+a1"), so that the writers meet each of them.
func hostileResult(t *testing.T) *ikk.Result {
	t.Helper()
	res, err := ikk.Score(context.Background(), defaultSet(t), []string{hostileSurvey(t)}, ikk.Options{})
	if err != nil {
		t.Fatal(err)
	}
	i := 0
	for _, u := range res.Units {
		if u.Level == ikk.LevelRT {
			u.RT = hostileRT[i%len(hostileRT)]
			i++
		}
	}
	if i < len(hostileRT) {
		t.Fatalf("%d RT units for %d hostile values", i, len(hostileRT))
	}
	return res
}

// formulaLike reports whether a spreadsheet would read a cell as a formula.
func formulaLike(s string) bool { return SafeText(s) != s }

func TestCSVNeutralisesFormulas(t *testing.T) {
	res := hostileResult(t)
	var buf bytes.Buffer
	if err := CSV(&buf, res, Meta{}); err != nil {
		t.Fatal(err)
	}
	recs, err := csv.NewReader(&buf).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	found := map[string]bool{}
	for i, r := range recs {
		for j, c := range r {
			if formulaLike(c) {
				t.Errorf("record %d, column %s: %q would be read as a formula", i+1, recs[0][j], c)
			}
			found[c] = true
		}
	}
	for _, v := range append(hostileRT, hostileKec, hostileDesa, hostileKab) {
		if !found["'"+v] {
			t.Errorf("%q is not in the CSV as '%s", v, v)
		}
	}
	// Numbers stay numbers: the IKK column parses.
	if recs[1][7] == "" || strings.HasPrefix(recs[1][7], "'") {
		t.Errorf("kabupaten IKK %q", recs[1][7])
	}
}

// eachCell calls fn with every cell of every sheet of a workbook, and fails
// the test on any cell that holds a formula: ikk writes values only.
func eachCell(t *testing.T, f *excelize.File, fn func(sheet, ref, value string)) {
	t.Helper()
	for _, sheet := range f.GetSheetList() {
		rows, _ := f.GetRows(sheet)
		for i, r := range rows {
			for j, c := range r {
				ref, _ := excelize.CoordinatesToCellName(j+1, i+1)
				if formula, _ := f.GetCellFormula(sheet, ref); formula != "" {
					t.Errorf("%s!%s holds the formula %q", sheet, ref, formula)
				}
				fn(sheet, ref, c)
			}
		}
	}
}

// assertNoFormulas checks every cell of every sheet of a workbook: no
// formula, and a text that looks like one is a string cell.
func assertNoFormulas(t *testing.T, data []byte, want ...string) {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	found := map[string]bool{}
	eachCell(t, f, func(sheet, ref, c string) {
		if formulaLike(c) {
			if typ, _ := f.GetCellType(sheet, ref); typ != excelize.CellTypeSharedString && typ != excelize.CellTypeInlineString {
				t.Errorf("%s!%s %q is of type %v, not a string", sheet, ref, c, typ)
			}
		}
		found[c] = true
	})
	for _, v := range want {
		if !found[v] {
			t.Errorf("%q is not in the workbook as typed", v)
		}
	}
}

// TestWorkbookKeepsFormulasText: in the Excel report, formulas typed in the
// survey are string cells holding the text as typed, on every sheet.
func TestWorkbookKeepsFormulasText(t *testing.T) {
	_, data := buildWorkbook(t, hostileSurvey(t), Meta{Lang: "id"}, true)
	// ikk folds RT values; those it keeps as typed are checked by name.
	assertNoFormulas(t, data, "=1", "+2", "@4", hostileKec, hostileDesa, hostileKab, hostileName)
}

// TestDocumentWorkbooksKeepFormulasText: the annex and the follow-up plan
// workbooks likewise.
func TestDocumentWorkbooksKeepFormulasText(t *testing.T) {
	res := hostileResult(t)
	var annex, plan bytes.Buffer
	if err := Annex(&annex, res, Decree{Tentang: "=1+1", Penandatangan: "@Bupati"}, "xlsx", "id"); err != nil {
		t.Fatal(err)
	}
	assertNoFormulas(t, annex.Bytes(), hostileKec, hostileDesa)
	if err := FollowUpPlan(&plan, res, res.Desa(), hostileKab, "xlsx", "id"); err != nil {
		t.Fatal(err)
	}
	assertNoFormulas(t, plan.Bytes(), hostileKec, hostileDesa)
}

// TestMarkdownHostileText: a pipe or a line break in a survey value keeps
// every Markdown table row and every heading whole, in the report, the
// annex and the follow-up plan.
func TestMarkdownHostileText(t *testing.T) {
	res := hostileResult(t)
	for _, u := range res.Units {
		switch {
		case u.Level == ikk.LevelDesa && u.Name == hostileDesa:
			u.Name = "Jati | Asih\nbaris"
		case u.Level == ikk.LevelKecamatan && u.Name == hostileKec:
			u.Name = "Kelua |\r\nbaru"
		}
		if u.Kecamatan == hostileKec {
			u.Kecamatan = "Kelua |\r\nbaru"
		}
		if u.Desa == hostileDesa {
			u.Desa = "Jati | Asih\nbaris"
		}
		if u.Level == ikk.LevelRT {
			u.RT = "1|2\n3"
		}
	}
	var outputs []string
	for _, lang := range []string{"id", "en"} {
		var report, annex, plan, summary bytes.Buffer
		if err := MarkdownReport(&report, res, Meta{Lang: lang}); err != nil {
			t.Fatal(err)
		}
		if err := Annex(&annex, res, Decree{Tentang: "a | b\nc"}, "md", lang); err != nil {
			t.Fatal(err)
		}
		if err := FollowUpPlan(&plan, res, res.Desa(), "", "md", lang); err != nil {
			t.Fatal(err)
		}
		summary.Write(render(t, "md", res, Meta{Lang: lang}))
		outputs = append(outputs, report.String(), annex.String(), plan.String(), summary.String())
	}
	for i, out := range outputs {
		if checkMarkdownTables(t, out) == 0 {
			t.Errorf("output %d: no table rows", i)
		}
		for n, line := range strings.Split(out, "\n") {
			if strings.HasPrefix(line, "baris") || strings.HasPrefix(line, "baru") || strings.HasPrefix(line, "3") {
				t.Errorf("output %d, line %d: a survey value's line break came through: %q", i, n+1, line)
			}
		}
		if !strings.Contains(out, `Jati \| Asih baris`) {
			t.Errorf("output %d lacks the escaped desa name:\n%s", i, out)
		}
	}
}
