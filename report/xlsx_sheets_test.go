package report

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"regexp"
	"runtime"
	"strconv"
	"strings"
	"testing"

	"github.com/ikk-tools/ikk/ikk"
	"github.com/xuri/excelize/v2"
)

// TestKeluargaContinues: past maxSheetRows the households continue on
// "Keluarga (2)" and on, each sheet with the header row and the print setup
// of the first; every household is on exactly one row, numbered in order,
// and the Metodologi sheet says where the rows continue.
func TestKeluargaContinues(t *testing.T) {
	defer func(n int) { maxSheetRows = n }(maxSheetRows)
	scored := handWorked(t).Summary.Scored
	// Four households a sheet; one sheet short of room for all; exactly full.
	for _, limit := range []int{5, scored, scored + 1} {
		perSheet := limit - 1
		sheets := []string{"Keluarga"}
		for n := 2; (n-1)*perSheet < scored; n++ {
			sheets = append(sheets, fmt.Sprintf("Keluarga (%d)", n))
		}
		t.Run(strconv.Itoa(limit), func(t *testing.T) {
			maxSheetRows = limit
			res, data := buildWorkbook(t, "../testdata/handworked/survey.csv", Meta{Lang: "id", ToolVersion: "test"}, true)
			f, err := excelize.OpenReader(bytes.NewReader(data))
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			want := append([]string{"Ringkasan", "Indikator", "Rincian Indikator", "Dimensi dan Lensa", "Permasalahan", "Rencana Tindak Lanjut", "Per RT"},
				append(sheets, "Masalah Data", "Metodologi")...)
			if got := f.GetSheetList(); strings.Join(got, "|") != strings.Join(want, "|") {
				t.Fatalf("sheets %q, want %q", got, want)
			}
			header, _ := f.GetRows("Keluarga")
			seen := map[string]int{}
			no := 0
			for _, sheet := range sheets {
				rows, err := f.GetRows(sheet)
				if err != nil {
					t.Fatal(err)
				}
				if len(rows) > limit || len(rows) < 2 {
					t.Errorf("%s has %d rows, want 2 to %d", sheet, len(rows), limit)
				}
				if strings.Join(rows[0], "|") != strings.Join(header[0], "|") {
					t.Errorf("%s header %q, want %q", sheet, rows[0], header[0])
				}
				for _, r := range rows[1:] {
					no++
					if r[0] != strconv.Itoa(no) {
						t.Errorf("%s: No %s, want %d", sheet, r[0], no)
					}
					seen[r[5]]++
				}
				checkKeluargaPrintSetup(t, f, sheet)
			}
			if no != res.Summary.Scored || len(seen) != res.Summary.Scored {
				t.Errorf("%d rows of %d distinct KK numbers, want %d households", no, len(seen), res.Summary.Scored)
			}
			for kk, n := range seen {
				if n != 1 {
					t.Errorf("KK %s on %d rows", kk, n)
				}
			}
			meta, _ := f.GetRows("Metodologi")
			var text strings.Builder
			for _, r := range meta {
				text.WriteString(strings.Join(r, " ") + "\n")
			}
			if continued := strings.Contains(text.String(), "Keluarga (2)"); continued != (len(sheets) > 1) {
				t.Errorf("Metodologi names the continuation: %v, want %v\n%s", continued, len(sheets) > 1, text.String())
			}
			checkColsInOrder(t, data)
			checkOneSelectedTab(t, f, data)
		})
	}
}

// checkKeluargaPrintSetup: A4 landscape fitted to the width, the header
// repeated on every page, the header row frozen.
func checkKeluargaPrintSetup(t *testing.T, f *excelize.File, sheet string) {
	t.Helper()
	layout, _ := f.GetPageLayout(sheet)
	if layout.Size == nil || *layout.Size != 9 || layout.Orientation == nil || *layout.Orientation != "landscape" ||
		layout.FitToWidth == nil || *layout.FitToWidth != 1 {
		t.Errorf("%s page layout %+v, want A4 landscape fitted to the width", sheet, layout)
	}
	props, _ := f.GetSheetProps(sheet)
	if props.FitToPage == nil || !*props.FitToPage {
		t.Errorf("%s is not fitted to the page", sheet)
	}
	titles := false
	for _, d := range f.GetDefinedName() {
		if d.Name == "_xlnm.Print_Titles" && d.Scope == sheet && d.RefersTo == fmt.Sprintf("'%s'!$1:$1", sheet) {
			titles = true
		}
	}
	if !titles {
		t.Errorf("%s does not repeat its header row on every page", sheet)
	}
	panes, _ := f.GetPanes(sheet)
	if !panes.Freeze || panes.YSplit != 1 {
		t.Errorf("%s panes %+v, want the header row frozen", sheet, panes)
	}
	if w, _ := f.GetColWidth(sheet, "D"); w != 20 {
		t.Errorf("%s column D width %v, want 20", sheet, w)
	}
}

var colRE = regexp.MustCompile(`<col min="(\d+)"`)

// checkColsInOrder: every sheet lists its columns in ascending order, as
// Excel expects (excelize's stream writer lists them as they were set).
func checkColsInOrder(t *testing.T, data []byte) {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	for _, zf := range zr.File {
		if !strings.HasPrefix(zf.Name, "xl/worksheets/sheet") {
			continue
		}
		rc, _ := zf.Open()
		part, _ := io.ReadAll(rc)
		rc.Close()
		last := 0
		for _, m := range colRE.FindAllSubmatch(part, -1) {
			n, _ := strconv.Atoi(string(m[1]))
			if n <= last {
				t.Errorf("%s: column %d listed after column %d", zf.Name, n, last)
				break
			}
			last = n
		}
	}
}

var selectedRE = regexp.MustCompile(`<sheetView[^>]*tabSelected="(1|true)"`)

// checkOneSelectedTab: the workbook opens on its first sheet, the only one
// selected.
func checkOneSelectedTab(t *testing.T, f *excelize.File, data []byte) {
	t.Helper()
	if i := f.GetActiveSheetIndex(); i != 0 {
		t.Errorf("active sheet %d, want 0", i)
	}
	zr, _ := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	var selected []string
	for _, zf := range zr.File {
		if strings.HasPrefix(zf.Name, "xl/worksheets/sheet") {
			rc, _ := zf.Open()
			head := make([]byte, 8<<10)
			n, _ := io.ReadFull(rc, head)
			rc.Close()
			if selectedRE.Match(head[:n]) {
				selected = append(selected, zf.Name)
			}
		}
	}
	if len(selected) != 1 || selected[0] != "xl/worksheets/sheet1.xml" {
		t.Errorf("selected tabs %v, want the first sheet only", selected)
	}
}

// TestMasalahSheetStreamed: the data issues, streamed, keep their table:
// header, every issue a row, frozen header, filter and print titles.
func TestMasalahSheetStreamed(t *testing.T) {
	res, data := buildWorkbook(t, "../testdata/sample/survei_kelua.csv", Meta{Lang: "en", ToolVersion: "test"}, false)
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	const sheet = "Data issues"
	rows, _ := f.GetRows(sheet)
	head := 9 + len(res.Inputs)
	if len(rows) != head+res.Issues.Len() || res.Issues.Len() == 0 {
		t.Fatalf("%d rows, want %d: the header at row %d and %d issues", len(rows), head+res.Issues.Len(), head, res.Issues.Len())
	}
	if rows[0][0] != "Data issues" || rows[head-1][0] != "No" || rows[head-1][8] != "Reason" || rows[3][1] != "File" {
		t.Errorf("title %q, accounting header %q, issue header %q", rows[0], rows[3], rows[head-1])
	}
	for i, is := range res.Issues.All() {
		r := rows[head+i]
		if r[0] != strconv.Itoa(i+1) || r[3] != strconv.Itoa(is.Row) || r[7] != is.Code {
			t.Errorf("row %d: %q, want issue %+v", head+1+i, r, is)
		}
	}
	if total := rows[4+len(res.Inputs)]; total[1] != "Total" || total[5] != strconv.Itoa(res.Summary.Scored) {
		t.Errorf("total row %q", total)
	}
	panes, _ := f.GetPanes(sheet)
	if !panes.Freeze || panes.YSplit != head {
		t.Errorf("panes %+v, want frozen below row %d", panes, head)
	}
	var filter, titles bool
	for _, d := range f.GetDefinedName() {
		filter = filter || d.Name == "_xlnm._FilterDatabase" && d.Scope == sheet && strings.HasSuffix(d.RefersTo, fmt.Sprintf("$A$%d:$I$%d", head, head+res.Issues.Len()))
		titles = titles || d.Name == "_xlnm.Print_Titles" && d.Scope == sheet
	}
	if !filter || !titles {
		t.Errorf("filter %v, print titles %v: %+v", filter, titles, f.GetDefinedName())
	}
	style, _ := f.GetCellStyle(sheet, fmt.Sprintf("I%d", head+1))
	if st, err := f.GetStyle(style); err != nil || st.Alignment == nil || !st.Alignment.WrapText {
		t.Errorf("the reason column is not wrapped: style %d %+v", style, st)
	}
}

// syntheticHousehold is a household for tests that need many rows fast.
func syntheticHousehold(set *ikk.Set, i int) *ikk.Household {
	score := 70.5
	h := &ikk.Household{DesaCode: "63.09.06.2004", Kecamatan: "Kelua", Desa: "Sungai Harapan", RT: strconv.Itoa(i % 12),
		KK: fmt.Sprintf("630906%010d", i), Name: "Keluarga Contoh", Sex: ikk.SexFemale, Score: &score,
		Category: &set.Categories[2], Complete: true}
	h.Outcomes = make([]ikk.Outcome, len(set.Indicators))
	return h
}

// TestMasalahMemory: the data issues sheet is streamed, so its memory does
// not follow the issues (ikk keeps up to ikk.MaxIssues of them). In
// excelize's cells, 20,000 issues took some 45 MB, and parsed back from the
// stream writer's buffer by SetActiveSheet, 107 MB; streamed, at most the
// buffer (excelize spills past 16 MiB).
func TestMasalahMemory(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a sheet of 20,000 issues")
	}
	res := smallResult(t)
	base := res.Issues.At(0)
	res.Issues = ikk.IssueList{}
	for i := range 20000 {
		is := base
		is.Row = i + 2
		res.Issues.Append(is)
	}
	wb, err := NewWorkbook(res.Set, Meta{Lang: "id"}, false, WithTempDir(t.TempDir()))
	if err != nil {
		t.Fatal(err)
	}
	defer wb.Close()
	before := heapInUse()
	if err := wb.Finish(res); err != nil {
		t.Fatal(err)
	}
	if grown := heapInUse() - before; grown > 32<<20 {
		t.Errorf("the workbook grew by %d MB for 20,000 issues", grown>>20)
	} else {
		t.Logf("grew by %d MB", grown>>20)
	}
}

func heapInUse() int64 {
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	return int64(ms.HeapInuse)
}
