package report

import (
	"archive/zip"
	"fmt"
	"io"
	"math"
	"slices"

	"github.com/xuri/excelize/v2"
)

// writeDocXLSX writes a document as a print-ready workbook: a sheet per
// section, A4 portrait fitted to the page width, the table's header row
// repeated on every printed page, numbers stored as numbers.
func writeDocXLSX(w io.Writer, doc *document) error {
	f, err := newDeterministicFile()
	if err != nil {
		return err
	}
	defer f.Close()
	x := &docSheet{f: f, size: docTableSize}
	for _, s := range doc.sections {
		for _, b := range s.blocks {
			if b.table != nil {
				x.size = b.table.fontSize()
			}
		}
	}
	x.styles()
	for i, s := range doc.sections {
		name := s.name
		if i == 0 {
			x.check(f.SetSheetName("Sheet1", name))
		} else if _, err := f.NewSheet(name); err != nil {
			return err
		}
		x.section(name, s, doc.landscape)
	}
	if x.err != nil {
		return x.err
	}
	cw := &countingWriter{w: w}
	f.SetZipWriter(func(io.Writer) excelize.ZipWriter { return zip.NewWriter(cw) })
	if _, err := f.WriteTo(io.Discard); err != nil {
		return err
	}
	return cw.err
}

type docSheet struct {
	f                                     *excelize.File
	err                                   error
	title, text, wrap, head, cell, bold   int
	int0, num2, boldInt, boldNum2, corner int
	small, pct1                           int
	size                                  float64 // of the tables' text
}

func (x *docSheet) check(err error) {
	if err != nil && x.err == nil {
		x.err = err
	}
}

func (x *docSheet) style(s *excelize.Style) int {
	id, err := x.f.NewStyle(s)
	x.check(err)
	return id
}

func (x *docSheet) styles() {
	font := func(bold bool, size float64) *excelize.Font {
		return &excelize.Font{Family: "Arial", Size: size, Bold: bold}
	}
	border := []excelize.Border{{Type: "left", Style: 1, Color: "000000"}, {Type: "right", Style: 1, Color: "000000"}, {Type: "top", Style: 1, Color: "000000"}, {Type: "bottom", Style: 1, Color: "000000"}}
	top := &excelize.Alignment{Vertical: "top", WrapText: true}
	x.title = x.style(&excelize.Style{Font: font(true, 11), Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true}})
	x.text = x.style(&excelize.Style{Font: font(false, 11)})
	x.corner = x.style(&excelize.Style{Font: font(false, 11), Alignment: top})
	x.wrap = x.style(&excelize.Style{Font: font(false, 9), Alignment: top})
	x.small = x.style(&excelize.Style{Font: font(false, 7), Alignment: top})
	x.head = x.style(&excelize.Style{Font: font(true, x.size), Border: border, Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"D9D9D9"}},
		Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true}})
	// A cell's text keeps off its borders, as in the Word table: a number
	// set right would otherwise touch the text of the next column.
	left := &excelize.Alignment{Horizontal: "left", Vertical: "top", WrapText: true, Indent: 1}
	right := &excelize.Alignment{Horizontal: "right", Vertical: "top", WrapText: true, Indent: 1}
	x.cell = x.style(&excelize.Style{Font: font(false, x.size), Border: border, Alignment: left})
	x.bold = x.style(&excelize.Style{Font: font(true, x.size), Border: border, Alignment: left})
	x.int0 = x.style(&excelize.Style{Font: font(false, x.size), Border: border, NumFmt: 3, Alignment: right})
	x.num2 = x.style(&excelize.Style{Font: font(false, x.size), Border: border, NumFmt: 2, Alignment: right})
	x.boldInt = x.style(&excelize.Style{Font: font(true, x.size), Border: border, NumFmt: 3, Alignment: right})
	x.boldNum2 = x.style(&excelize.Style{Font: font(true, x.size), Border: border, NumFmt: 2, Alignment: right})
}

// percentStyle is the style of a share shown as a percentage, made when a
// document first has one, so that the workbooks without one keep their
// bytes.
func (x *docSheet) percentStyle() int {
	if x.pct1 == 0 {
		pct := "0.0%"
		border := []excelize.Border{{Type: "left", Style: 1, Color: "000000"}, {Type: "right", Style: 1, Color: "000000"}, {Type: "top", Style: 1, Color: "000000"}, {Type: "bottom", Style: 1, Color: "000000"}}
		x.pct1 = x.style(&excelize.Style{Font: &excelize.Font{Family: "Arial", Size: x.size}, Border: border, CustomNumFmt: &pct,
			Alignment: &excelize.Alignment{Horizontal: "right", Vertical: "top", WrapText: true, Indent: 1}})
	}
	return x.pct1
}

// The printable width of an A4 line, in points: 16 cm between the
// margins of a portrait page (3 cm left, 2 cm right), 25.7 cm on a
// landscape one (2 cm each side), as in the Word documents.
const (
	xlsxPortraitWidth  = 16 / 2.54 * 72
	xlsxLandscapeWidth = 25.7 / 2.54 * 72
)

// xlsxStretch is how much wider than the printed line a sheet is laid
// out: at most 12% smaller print (8.5 pt text prints at 7.6 pt).
const xlsxStretch = 1.12

// xlsxColumnWidth turns points into Excel's column width, counted in
// digits of the default font (Calibri 11: 7 pixels a digit, 5 of padding).
func xlsxColumnWidth(pt float64) float64 {
	return math.Round((pt/0.75-5)/7*100) / 100
}

// lineHeight is the height of n lines of text of size points, in points.
func lineHeight(n int, size float64) float64 {
	return math.Ceil(float64(n)*size*1.25 + 3)
}

// section lays a section out on its sheet, top to bottom. Wrapped text
// gets the row height it needs, since a spreadsheet does not grow a row
// for wrapped text by itself when printed.
func (x *docSheet) section(sheet string, s docSection, landscape bool) {
	f := x.f
	lineWidth := xlsxPortraitWidth
	if landscape {
		lineWidth = xlsxLandscapeWidth
	}
	// A sheet prints fitted to the page's width, so it may be laid out a
	// little wider than the line and printed a little smaller: names that
	// a Word page must wrap then keep to one line, and rows stay even.
	lineWidth *= xlsxStretch
	widths := sectionGrid(s, lineWidth)
	ncol := len(widths)
	for j, w := range widths {
		col, _ := excelize.ColumnNumberToName(j + 1)
		// A few points more: a spreadsheet leaves no margin in a cell.
		x.check(f.SetColWidth(sheet, col, col, xlsxColumnWidth(w+4)))
	}
	half := ncol/2 + 1 // the right half, where the corner and signature go
	ref := func(c, r int) string { s, _ := excelize.CoordinatesToCellName(c, r); return s }
	span := func(from, to int) float64 { return sum(widths[from-1 : to]) }
	row := 1
	// line writes text merged across columns from..to, as high as its
	// wrapped lines need.
	line := func(text string, from, to, style int, size float64, bold bool) {
		x.check(f.SetCellStr(sheet, ref(from, row), text))
		if to > from {
			x.check(f.MergeCell(sheet, ref(from, row), ref(to, row)))
		}
		x.check(f.SetCellStyle(sheet, ref(from, row), ref(to, row), style))
		if n := wrapLines(text, span(from, to)-docCellPad, size, bold); n > 1 {
			x.check(f.SetRowHeight(sheet, row, lineHeight(n, size)))
		}
		row++
	}
	headerRow := 0
	for _, b := range s.blocks {
		switch b.kind {
		case blockCorner:
			for _, l := range b.lines {
				line(l, half, ncol, x.corner, 11, false)
			}
			row++
		case blockTitle:
			for _, l := range b.lines {
				line(l, 1, ncol, x.title, 11, true)
			}
			row++
		case blockPara:
			for _, l := range b.lines {
				line(l, 1, ncol, x.corner, 11, false)
			}
			row++
		case blockNote:
			for _, l := range b.lines {
				line(l, 1, ncol, x.wrap, 9, false)
			}
		case blockSmall:
			row++
			for _, l := range b.lines {
				line(l, 1, ncol, x.small, 7, false)
			}
		case blockSignature:
			row++
			for _, l := range b.lines {
				line(l, half, ncol, x.text, 11, false)
			}
		case blockTable:
			headerRow = row
			x.table(sheet, b.table, tableSpans(layoutColumns(b.table, lineWidth), widths), widths, &row)
			row++
		}
	}
	size, orient, one, zero, yes := 9, "portrait", 1, 0, true
	if landscape {
		orient = "landscape"
	}
	x.check(f.SetPageLayout(sheet, &excelize.PageLayoutOptions{Size: &size, Orientation: &orient, FitToWidth: &one, FitToHeight: &zero}))
	x.check(f.SetSheetProps(sheet, &excelize.SheetPropsOptions{FitToPage: &yes}))
	// Inches: the margins of the Word documents.
	l, o := 1.18, 0.79
	if landscape {
		l = o
	}
	x.check(f.SetPageMargins(sheet, &excelize.PageLayoutMarginsOptions{Left: &l, Right: &o, Top: &o, Bottom: &o}))
	if headerRow > 0 {
		x.check(f.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Titles", RefersTo: fmt.Sprintf("'%s'!$%d:$%d", sheet, headerRow, headerRow), Scope: sheet}))
	}
}

// table writes a table from *row on, each row as high as its most wrapped
// cell, numbers stored as numbers. Column j of the table covers the sheet's
// columns spans[j]+1 to spans[j+1], merged when more than one.
func (x *docSheet) table(sheet string, t *docTable, spans []int, grid []float64, row *int) {
	f := x.f
	ref := func(c, r int) string { s, _ := excelize.CoordinatesToCellName(c, r); return s }
	// place puts a cell over its sheet columns, from table column j to
	// table column k (k > j+1 for a label spanning columns).
	place := func(j, k, style int) (string, float64) {
		from, to := spans[j]+1, spans[k]
		at := ref(from, *row)
		if to > from {
			x.check(f.MergeCell(sheet, at, ref(to, *row)))
		}
		x.check(f.SetCellStyle(sheet, at, ref(to, *row), style))
		return at, sum(grid[from-1 : to])
	}
	lines := 1
	for j, h := range t.head {
		at, width := place(j, j+1, x.head)
		h = slashBreaks(h)
		x.check(f.SetCellStr(sheet, at, h))
		lines = max(lines, wrapLines(h, width-docCellPad, x.size, true))
	}
	x.check(f.SetRowHeight(sheet, *row, lineHeight(lines, x.size)))
	*row++
	for _, r := range t.rows {
		lines := 1
		for j := 0; j < len(t.head); j++ {
			var c docCell
			if j < len(r.cells) {
				c = r.cells[j]
			}
			k := j + 1
			if r.span > 1 && j == 0 {
				k = min(r.span, len(t.head))
			}
			style := x.cell
			switch {
			case c.isNum && c.percent:
				style = x.percentStyle()
			case c.isNum && c.decimals == 0:
				style = pick(r.bold, x.boldInt, x.int0)
			case c.isNum:
				style = pick(r.bold, x.boldNum2, x.num2)
			default:
				style = pick(r.bold, x.bold, x.cell)
			}
			at, width := place(j, k, style)
			switch {
			case c.isNum && c.percent:
				x.check(f.SetCellFloat(sheet, at, c.num, -1, 64))
			case c.isNum && c.decimals == 0:
				x.check(f.SetCellValue(sheet, at, int64(c.num)))
			case c.isNum:
				x.check(f.SetCellFloat(sheet, at, c.num, 2, 64))
			default:
				// A string cell, never a formula, whatever the text (see
				// SafeText).
				x.check(f.SetCellStr(sheet, at, c.text))
				lines = max(lines, wrapLines(c.text, width-docCellPad, x.size, r.bold))
			}
			j = k - 1
		}
		x.check(f.SetRowHeight(sheet, *row, lineHeight(lines, x.size)))
		*row++
	}
}

// sectionGrid is the sheet's columns for a section: every table is laid
// out across the line on its own, and the sheet's column boundaries are all
// of their boundaries, so that each table's column is a run of sheet
// columns (merged) exactly as wide as its layout wants. Boundaries closer
// than gridSnap points are one, to leave no sliver columns. Without a
// table, one column.
func sectionGrid(s docSection, lineWidth float64) []float64 {
	var at []float64
	for _, b := range s.blocks {
		if b.table == nil {
			continue
		}
		x := 0.0
		for _, w := range layoutColumns(b.table, lineWidth) {
			x += w
			at = append(at, x)
		}
	}
	slices.Sort(at)
	var grid []float64
	last := 0.0
	for i, x := range at {
		// The line's end is the last boundary whatever the rounding.
		if x-last < gridSnap && i < len(at)-1 {
			continue
		}
		if x-last < gridSnap && len(grid) > 0 {
			grid[len(grid)-1] += x - last
		} else {
			grid = append(grid, x-last)
		}
		last = x
	}
	if len(grid) == 0 {
		grid = []float64{lineWidth}
	}
	return grid
}

// gridSnap is how near, in points, two tables' column boundaries must be
// to share a sheet column boundary.
const gridSnap = 3.0

// tableSpans maps a table laid out with widths onto the sheet's grid: the
// boundary after each of its columns goes to the nearest grid boundary, and
// every column keeps at least one sheet column. spans has len(widths)+1
// entries, from 0 to len(grid).
func tableSpans(widths, grid []float64) []int {
	n, m := len(grid), len(widths)
	bounds := make([]float64, n+1)
	for i, w := range grid {
		bounds[i+1] = bounds[i] + w
	}
	spans := make([]int, m+1)
	spans[m] = n
	at := 0.0
	for j := 0; j < m-1; j++ {
		at += widths[j]
		lo, hi := spans[j]+1, max(spans[j]+1, n-(m-1-j))
		best := lo
		for g := lo; g <= hi; g++ {
			if math.Abs(bounds[g]-at) < math.Abs(bounds[best]-at) {
				best = g
			}
		}
		spans[j+1] = best
	}
	return spans
}

func pick(cond bool, a, b int) int {
	if cond {
		return a
	}
	return b
}
