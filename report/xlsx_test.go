package report

import (
	"archive/zip"
	"bytes"
	"context"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/ikk-tools/ikk/ikk"
	"github.com/xuri/excelize/v2"
)

// buildWorkbook scores a survey and writes its workbook as ikk score -o does.
func buildWorkbook(t *testing.T, survey string, m Meta, personal bool) (*ikk.Result, []byte) {
	t.Helper()
	return buildWorkbookWith(t, defaultSet(t), survey, m, personal)
}

// buildWorkbookWith is buildWorkbook with another indicator set.
func buildWorkbookWith(t *testing.T, set *ikk.Set, survey string, m Meta, personal bool) (*ikk.Result, []byte) {
	t.Helper()
	wb, err := NewWorkbook(set, m, personal)
	if err != nil {
		t.Fatal(err)
	}
	defer wb.Close()
	res, err := ikk.Score(context.Background(), set, []string{survey}, ikk.Options{OnHousehold: wb.Household})
	if err != nil {
		t.Fatal(err)
	}
	if err := wb.Finish(res); err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if _, err := wb.WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	return res, buf.Bytes()
}

func TestWorkbookReadBack(t *testing.T) {
	res, data := buildWorkbook(t, "../testdata/handworked/survey.csv", Meta{Lang: "id", ToolVersion: "test", Date: "23 Maret 2026", ISODate: "2026-03-23"}, false)
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	want := []string{"Ringkasan", "Indikator", "Rincian Indikator", "Dimensi dan Lensa", "Permasalahan", "Rencana Tindak Lanjut", "Per RT", "Keluarga", "Masalah Data", "Metodologi"}
	if got := f.GetSheetList(); strings.Join(got, "|") != strings.Join(want, "|") {
		t.Fatalf("sheets %q, want %q", got, want)
	}
	// Ringkasan row 5 is the kabupaten: IKK stored as a number, unrounded,
	// with a two-decimal format.
	v, _ := f.GetCellValue("Ringkasan", "G5", excelize.Options{RawCellValue: true})
	// Unrounded, to the 15 significant digits a spreadsheet keeps.
	if got, err := strconv.ParseFloat(v, 64); err != nil || math.Abs(got-*res.Units[0].IKK) > 1e-12*100 {
		t.Errorf("Ringkasan!G5 = %q, want the kabupaten IKK %v unrounded", v, *res.Units[0].IKK)
	}
	if typ, _ := f.GetCellType("Ringkasan", "G5"); typ != excelize.CellTypeNumber && typ != excelize.CellTypeUnset {
		t.Errorf("Ringkasan!G5 type %v, want a number", typ)
	}
	style, _ := f.GetCellStyle("Ringkasan", "G5")
	st, _ := f.GetStyle(style)
	if st.CustomNumFmt == nil || *st.CustomNumFmt != "0.00" {
		t.Errorf("Ringkasan!G5 number format %v, want 0.00", st.CustomNumFmt)
	}
	if c, _ := f.GetCellValue("Ringkasan", "H5"); c != "3 Responsif" {
		t.Errorf("Ringkasan!H5 = %q", c)
	}
	// Frozen header, filter, A4 landscape.
	panes, _ := f.GetPanes("Ringkasan")
	if !panes.Freeze || panes.YSplit != 4 {
		t.Errorf("panes %+v, want frozen below row 4", panes)
	}
	layout, _ := f.GetPageLayout("Permasalahan")
	if layout.Size == nil || *layout.Size != 9 || layout.Orientation == nil || *layout.Orientation != "landscape" {
		t.Errorf("page layout %+v, want A4 landscape", layout)
	}
	// Permasalahan of the first desa, in order (hand-worked: SB05 first? the
	// result decides; the sheet must follow it).
	first := res.Desa()[0].Permasalahan[0]
	if c, _ := f.GetCellValue("Permasalahan", "E5"); c != first.Indicator.ID {
		t.Errorf("Permasalahan!E5 = %q, want %s", c, first.Indicator.ID)
	}
	// The Keluarga sheet has a row per scored household, KK numbers masked.
	rows, _ := f.GetRows("Keluarga")
	if len(rows) != 1+res.Summary.Scored {
		t.Errorf("Keluarga has %d rows, want %d households and a header", len(rows), res.Summary.Scored)
	}
	// Charts: the IKK chart on Ringkasan and a radar per desa.
	zr, _ := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	charts := 0
	for _, zf := range zr.File {
		if strings.HasPrefix(zf.Name, "xl/charts/chart") {
			charts++
		}
	}
	if charts != 1+len(res.Desa()) {
		t.Errorf("%d charts, want %d", charts, 1+len(res.Desa()))
	}
	props, _ := f.GetDocProps()
	if !strings.Contains(props.Title, "Indeks Kualitas Keluarga") || props.Created != "2026-03-23T00:00:00Z" {
		t.Errorf("document properties %+v", props)
	}
}

// TestWorkbookPrivacyAndFormulas: family names and full KK numbers appear
// only in the Keluarga sheet and only when asked for; survey text that looks
// like a formula is stored as text.
func TestWorkbookPrivacyAndFormulas(t *testing.T) {
	dir := t.TempDir()
	survey := filepath.Join(dir, "s.csv")
	csv := "kode_desa,kecamatan,desa,no_kk,nama_kk,status_kawin_kk,buku_nikah,makan_2x_sehari\n" +
		"63.09.06.2004,=HYPERLINK(\"x\"),@Desa,6309061234567890,Siti Rahmawati,2,ya,ya\n" +
		"63.09.06.2004,=HYPERLINK(\"x\"),@Desa,6309061234567891,+Budi Santoso,2,tidak,-1\n"
	os.WriteFile(survey, []byte(csv), 0o644)
	for _, personal := range []bool{false, true} {
		_, data := buildWorkbook(t, survey, Meta{Lang: "id"}, personal)
		f, err := excelize.OpenReader(bytes.NewReader(data))
		if err != nil {
			t.Fatal(err)
		}
		eachCell(t, f, func(sheet, ref, c string) {
			personalData := strings.Contains(c, "Rahmawati") || strings.Contains(c, "Santoso") || strings.Contains(c, "6309061234567890")
			if personalData && (sheet != "Keluarga" || !personal) {
				t.Errorf("personal data %q in %s!%s (with personal data: %v)", c, sheet, ref, personal)
			}
		})
		if v, _ := f.GetCellValue("Ringkasan", "E7"); v != `=HYPERLINK("x")` {
			t.Errorf("kecamatan name read back as %q, want the text as typed", v)
		}
		kk, _ := f.GetCellValue("Keluarga", "F2")
		if want := map[bool]string{false: "630906******7890", true: "6309061234567890"}[personal]; kk != want {
			t.Errorf("Keluarga KK %q, want %q", kk, want)
		}
		f.Close()
	}
}

func TestWorkbookDeterministic(t *testing.T) {
	m := Meta{Lang: "en", ToolVersion: "test"}
	_, a := buildWorkbook(t, "../testdata/sample/survei_kelua.csv", m, false)
	_, b := buildWorkbook(t, "../testdata/sample/survei_kelua.csv", m, false)
	if !bytes.Equal(a, b) {
		t.Error("two workbooks of the same input differ")
	}
}
