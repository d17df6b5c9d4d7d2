package report

import (
	"archive/zip"
	"fmt"
	"io"
	"math"

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
	small                                 int
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
	x.cell = x.style(&excelize.Style{Font: font(false, x.size), Border: border, Alignment: top})
	x.bold = x.style(&excelize.Style{Font: font(true, x.size), Border: border, Alignment: top})
	x.int0 = x.style(&excelize.Style{Font: font(false, x.size), Border: border, NumFmt: 3, Alignment: top})
	x.num2 = x.style(&excelize.Style{Font: font(false, x.size), Border: border, NumFmt: 2, Alignment: top})
	x.boldInt = x.style(&excelize.Style{Font: font(true, x.size), Border: border, NumFmt: 3, Alignment: top})
	x.boldNum2 = x.style(&excelize.Style{Font: font(true, x.size), Border: border, NumFmt: 2, Alignment: top})
}

// The printable width of an A4 line, in points: 16 cm between the
// margins of a portrait page (3 cm left, 2 cm right), 25.7 cm on a
// landscape one (2 cm each side), as in the Word documents.
const (
	xlsxPortraitWidth  = 16 / 2.54 * 72
	xlsxLandscapeWidth = 25.7 / 2.54 * 72
)

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
	ncol := 1
	var widths []float64
	for _, b := range s.blocks {
		if b.table != nil {
			ncol = max(ncol, len(b.table.head))
			widths = layoutColumns(b.table, lineWidth)
		}
	}
	if len(widths) != ncol {
		widths = make([]float64, ncol)
		for j := range widths {
			widths[j] = lineWidth / float64(ncol)
		}
	}
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
			x.table(sheet, b.table, widths, &row)
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
// cell, numbers stored as numbers.
func (x *docSheet) table(sheet string, t *docTable, widths []float64, row *int) {
	f := x.f
	ref := func(c, r int) string { s, _ := excelize.CoordinatesToCellName(c, r); return s }
	lines := 1
	for j, h := range t.head {
		x.check(f.SetCellStr(sheet, ref(j+1, *row), h))
		lines = max(lines, wrapLines(h, widths[j]-docCellPad, x.size, true))
	}
	x.check(f.SetCellStyle(sheet, ref(1, *row), ref(len(t.head), *row), x.head))
	x.check(f.SetRowHeight(sheet, *row, lineHeight(lines, x.size)))
	*row++
	for _, r := range t.rows {
		lines := 1
		for j := range t.head {
			var c docCell
			if j < len(r.cells) {
				c = r.cells[j]
			}
			at := ref(j+1, *row)
			width := widths[j]
			if r.span > 1 && j == 0 {
				width = sum(widths[:min(r.span, len(widths))])
			}
			style := x.cell
			switch {
			case c.isNum && c.decimals == 0:
				x.check(f.SetCellValue(sheet, at, int64(c.num)))
				style = pick(r.bold, x.boldInt, x.int0)
			case c.isNum:
				x.check(f.SetCellFloat(sheet, at, c.num, 2, 64))
				style = pick(r.bold, x.boldNum2, x.num2)
			default:
				// A string cell, never a formula, whatever the text (see
				// SafeText).
				x.check(f.SetCellStr(sheet, at, c.text))
				style = pick(r.bold, x.bold, x.cell)
				lines = max(lines, wrapLines(c.text, width-docCellPad, x.size, r.bold))
			}
			x.check(f.SetCellStyle(sheet, at, at, style))
		}
		if r.span > 1 {
			x.check(f.MergeCell(sheet, ref(1, *row), ref(r.span, *row)))
		}
		x.check(f.SetRowHeight(sheet, *row, lineHeight(lines, x.size)))
		*row++
	}
}

func pick(cond bool, a, b int) int {
	if cond {
		return a
	}
	return b
}
