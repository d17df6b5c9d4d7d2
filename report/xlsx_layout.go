package report

// The layout every sheet shares: the table writer, the print setup, and
// the small helpers that size and address cells.

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/ikk-tools/ikk/ikk"
	"github.com/xuri/excelize/v2"
)

// cell is a value with its style for the table writer.
type cell struct {
	v     any
	style int
}

// table writes a header row at row head and the rows under it, with widths,
// frozen header, filter and print titles.
func (b *Workbook) table(sheet string, head int, headers []string, widths []float64, rows [][]cell) {
	if b.err != nil {
		return
	}
	f := b.f
	for j, h := range headers {
		ref := ref(j+1, head)
		b.check(f.SetCellValue(sheet, ref, h))
		b.check(f.SetCellStyle(sheet, ref, ref, b.st.header))
	}
	for i, r := range rows {
		lines := 1
		for j, c := range r {
			ref := ref(j+1, head+1+i)
			if c.v != nil {
				b.check(f.SetCellValue(sheet, ref, c.v))
			}
			if c.style != 0 {
				b.check(f.SetCellStyle(sheet, ref, ref, c.style))
			}
			if c.style == b.st.wrap && j < len(widths) {
				lines = max(lines, wrappedLines(c.v, widths[j]))
			}
		}
		// Spreadsheet programs do not re-fit row heights when they open a
		// file: a row of wrapped text gets the height its lines need.
		if lines > 1 {
			b.check(f.SetRowHeight(sheet, head+1+i, 13.5*float64(lines)+2))
		}
	}
	for j, w := range widths {
		col := colName(j + 1)
		b.check(f.SetColWidth(sheet, col, col, w))
	}
	b.check(f.SetRowHeight(sheet, head, 32))
	b.check(f.SetPanes(sheet, &excelize.Panes{Freeze: true, YSplit: head, TopLeftCell: ref(1, head+1), ActivePane: "bottomLeft"}))
	last := head + len(rows)
	if len(rows) > 0 {
		b.check(f.AutoFilter(sheet, ref(1, head)+":"+ref(len(headers), last), nil))
	}
	b.printSetup(sheet, head)
}

// printSetup makes a sheet print on A4 landscape, fit to the page width, the
// header rows repeated on every page.
func (b *Workbook) printSetup(sheet string, headerRow int) {
	size, orient, one, zero, yes := 9, "landscape", 1, 0, true
	b.check(b.f.SetPageLayout(sheet, &excelize.PageLayoutOptions{Size: &size, Orientation: &orient, FitToWidth: &one, FitToHeight: &zero}))
	b.check(b.f.SetSheetProps(sheet, &excelize.SheetPropsOptions{FitToPage: &yes}))
	m := 0.4
	b.check(b.f.SetPageMargins(sheet, &excelize.PageLayoutMarginsOptions{Left: &m, Right: &m, Top: &m, Bottom: &m}))
	if headerRow > 0 {
		b.check(b.f.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Titles", RefersTo: fmt.Sprintf("'%s'!$%d:$%d", sheet, headerRow, headerRow), Scope: sheet}))
	}
}

func (b *Workbook) check(err error) {
	if err != nil && b.err == nil {
		b.err = err
	}
}

// textWidth is the column width (in characters) a text needs on one line,
// with a margin for the cell's padding.
func textWidth(v any) float64 {
	t, ok := v.(string)
	if !ok {
		return 0
	}
	return float64(len([]rune(t)))*1.1 + 2
}

// wordWidth is the column width the longest word of a text needs: a
// wrapped column at least that wide breaks no word inside itself.
func wordWidth(s string) float64 {
	w := 0.0
	for _, word := range strings.Fields(s) {
		w = max(w, textWidth(word))
	}
	return w
}

// fitWidths chooses column widths from content: each column as wide as its
// longest value (up to limit) and its header's longest word, and no
// narrower than floor.
func fitWidths(headers []string, rows [][]cell, floor, limit []float64) []float64 {
	widths := make([]float64, len(headers))
	for j, h := range headers {
		widths[j] = max(floor[j], wordWidth(h))
	}
	for _, r := range rows {
		for j, c := range r {
			if j < len(widths) {
				widths[j] = max(widths[j], min(limit[j], textWidth(c.v)))
			}
		}
	}
	return widths
}

// wrappedLines estimates how many lines a text takes in a column of the
// given width (in characters), wrapping at spaces.
func wrappedLines(v any, width float64) int {
	t, ok := v.(string)
	if !ok || t == "" {
		return 1
	}
	perLine := max(1, int(width*1.1)-1)
	lines, used := 1, 0
	for _, word := range strings.Fields(t) {
		n := len([]rune(word))
		switch {
		case used == 0:
			used = n
		case used+1+n <= perLine:
			used += 1 + n
		default:
			lines++
			used = n
		}
		for used > perLine {
			lines++
			used -= perLine
		}
	}
	return lines
}

func ref(col, row int) string {
	s, _ := excelize.CoordinatesToCellName(col, row)
	return s
}

func colName(col int) string {
	s, _ := excelize.ColumnNumberToName(col)
	return s
}

// text keeps a survey value a plain string: excelize never turns a string
// into a formula, so "=HYPERLINK(...)" typed in a village name stays text.
func text(s string) any {
	if s == "" {
		return nil
	}
	return s
}

func numOrNil(v *float64) any {
	if v == nil {
		return nil
	}
	return *v
}

func (b *Workbook) catStyle(c *ikk.Category) int {
	for i := range b.set.Categories {
		if c != nil && &b.set.Categories[i] == c {
			return b.st.cat[i]
		}
	}
	return b.st.text
}

// catText writes a category as its number and short name ("3 Responsif"),
// so that it fits a column; the legends (Ringkasan, Metodologi) give the
// full names.
func (b *Workbook) catText(c *ikk.Category) any {
	if c == nil {
		return nil
	}
	return strconv.Itoa(c.ID) + " " + shortCategory(b.set.Categories, c.Label)
}

// shortCategory drops from a label the words every category's label ends
// with ("Gender dan Hak Anak"): what is left tells the categories apart.
func shortCategory(cats []ikk.Category, label string) string {
	if len(cats) < 2 {
		return label
	}
	common := strings.Fields(cats[0].Label)
	for _, c := range cats {
		w := strings.Fields(c.Label)
		n := 0
		for n < len(common) && n < len(w) && common[len(common)-1-n] == w[len(w)-1-n] {
			n++
		}
		// Every label keeps a word of its own.
		n = min(n, len(w)-1)
		common = common[len(common)-n:]
	}
	words := strings.Fields(label)
	if len(common) == 0 || len(common) >= len(words) {
		return label
	}
	return strings.Join(words[:len(words)-len(common)], " ")
}

// unitWord is the kind of a unit for its level column: a desa's
// "Kelurahan" or "Desa" from its code.
func (b *Workbook) unitWord(u *ikk.Unit) string {
	if u.Level == ikk.LevelDesa {
		return DesaKind(u, b.meta.Lang)
	}
	return b.levelWord(u.Level)
}

func (b *Workbook) levelWord(level string) string {
	switch level {
	case ikk.LevelKabupaten:
		return b.w("kabupaten")
	case ikk.LevelKecamatan:
		return b.w("kecamatan")
	case ikk.LevelDesa:
		return "Desa"
	}
	return "RT"
}

// title writes the sheet title and the scope line above a table.
func (b *Workbook) title(sheet, title string, r *ikk.Result) {
	scope := b.scope(r)
	b.check(b.f.SetCellValue(sheet, "A1", title))
	b.check(b.f.SetCellStyle(sheet, "A1", "A1", b.st.title))
	b.check(b.f.SetCellValue(sheet, "A2", scope))
	b.check(b.f.SetCellStyle(sheet, "A2", "A2", b.st.subtitle))
}

// scope is the line under a sheet's title: kabupaten, indicator set, date.
func (b *Workbook) scope(r *ikk.Result) string {
	scope := fmt.Sprintf("%s %s %s", b.w("set"), b.set.ID, b.set.Version)
	if kab := kabupatenName(r); kab != "" {
		scope = b.w("kabupaten") + " " + kab + " · " + scope
	}
	if b.meta.Date != "" {
		scope += " · " + b.w("date") + " " + b.meta.Date
	}
	return scope
}

func kabupatenName(r *ikk.Result) string {
	var names []string
	for _, u := range r.Units {
		if u.Level == ikk.LevelKabupaten && u.Name != "" {
			names = append(names, u.Name)
		}
	}
	return strings.Join(names, ", ")
}

func (b *Workbook) writeRow(sheet string, row int, vals []cell) {
	for j, c := range vals {
		ref := ref(j+1, row)
		if c.v != nil {
			b.check(b.f.SetCellValue(sheet, ref, c.v))
		}
		if c.style != 0 {
			b.check(b.f.SetCellStyle(sheet, ref, ref, c.style))
		}
	}
}

func (b *Workbook) headerCells(headers []string) []cell {
	cells := make([]cell, len(headers))
	for j, h := range headers {
		cells[j] = cell{h, b.st.header}
	}
	return cells
}

func (b *Workbook) sectorLabels(keys []string) string {
	var labels []string
	for _, k := range keys {
		labels = append(labels, b.set.TagLabel(k))
	}
	return strings.Join(labels, "; ")
}

func ptrF(f float64) *float64 { return &f }

// shortDim drops the "Kualitas " every default dimension label starts with,
// so that headers fit in two lines.
func shortDim(label string) string { return strings.TrimPrefix(label, "Kualitas ") }

// The printable area of A4 landscape with printSetup's margins, in points.
const (
	pageWidthPt  = 841.9 - 2*0.4*72
	pageHeightPt = 595.3 - 2*0.4*72
	rowPt        = 15.0 // the height set on rows that charts are placed over
)

// printScale is the scale a sheet of these column widths prints at when fit
// to the page width. A column of w characters is w*7+5 pixels wide, at 0.75
// points a pixel.
func printScale(widths []float64) float64 {
	pt := 0.0
	for _, w := range widths {
		pt += (w*7 + 5) * 0.75
	}
	if pt <= pageWidthPt {
		return 1
	}
	return pageWidthPt / pt
}

// pageRows is how many rows of rowPt a printed page of the sheet holds below
// its repeated header row of headerPt, with a margin for the programs'
// rounding: charts placed by it never cross a page break.
func pageRows(widths []float64, headerPt float64) int {
	return max(1, int(0.9*(pageHeightPt/printScale(widths)-headerPt)/rowPt))
}

// setRowHeights gives rows from..to (inclusive) the height rowPt, so that
// a chart's rows are as high in every program as pageRows assumes.
func (b *Workbook) setRowHeights(sheet string, from, to int) {
	for r := from; r <= to; r++ {
		b.check(b.f.SetRowHeight(sheet, r, rowPt))
	}
}

// pageBreakBefore starts a new printed page at a row.
func (b *Workbook) pageBreakBefore(sheet string, row int) {
	b.check(b.f.InsertPageBreak(sheet, ref(1, row)))
}

// catWidth is the width of a category column: its longest short category.
func (b *Workbook) catWidth() float64 {
	w := wordWidth(b.w("category"))
	for i := range b.set.Categories {
		w = max(w, textWidth(b.catText(&b.set.Categories[i])))
	}
	return w
}
