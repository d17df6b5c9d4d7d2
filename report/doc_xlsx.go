package report

import (
	"archive/zip"
	"fmt"
	"io"
	"math"
	"unicode/utf8"

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
	x := &docSheet{f: f}
	x.styles()
	for i, s := range doc.sections {
		name := s.name
		if i == 0 {
			x.check(f.SetSheetName("Sheet1", name))
		} else if _, err := f.NewSheet(name); err != nil {
			return err
		}
		x.section(name, s)
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
	x.head = x.style(&excelize.Style{Font: font(true, 10), Border: border, Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"D9D9D9"}},
		Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true}})
	x.cell = x.style(&excelize.Style{Font: font(false, 10), Border: border, Alignment: top})
	x.bold = x.style(&excelize.Style{Font: font(true, 10), Border: border, Alignment: top})
	x.int0 = x.style(&excelize.Style{Font: font(false, 10), Border: border, NumFmt: 3, Alignment: top})
	x.num2 = x.style(&excelize.Style{Font: font(false, 10), Border: border, NumFmt: 2, Alignment: top})
	x.boldInt = x.style(&excelize.Style{Font: font(true, 10), Border: border, NumFmt: 3, Alignment: top})
	x.boldNum2 = x.style(&excelize.Style{Font: font(true, 10), Border: border, NumFmt: 2, Alignment: top})
}

// section lays a section out on its sheet, top to bottom.
func (x *docSheet) section(sheet string, s docSection) {
	f := x.f
	ncol := 1
	var table *docTable
	for _, b := range s.blocks {
		if b.table != nil {
			table = b.table
			ncol = max(ncol, len(b.table.head))
		}
	}
	// Column widths in characters: about 95 across an A4 portrait page.
	widths := make([]float64, ncol)
	for j := range widths {
		widths[j] = 95 / float64(ncol)
	}
	if table != nil && len(table.widths) == ncol {
		total := 0.0
		for _, w := range table.widths {
			total += w
		}
		for j, w := range table.widths {
			widths[j] = 95 * w / total
		}
	}
	for j, w := range widths {
		col, _ := excelize.ColumnNumberToName(j + 1)
		x.check(f.SetColWidth(sheet, col, col, math.Round(w*10)/10))
	}
	half := ncol/2 + 1 // the right half, where the corner and signature go
	ref := func(c, r int) string { s, _ := excelize.CoordinatesToCellName(c, r); return s }
	row := 1
	// line writes text merged across columns from..to, with a height for
	// wrapped lines.
	line := func(text string, from, to, style int, width float64) {
		x.check(f.SetCellStr(sheet, ref(from, row), text))
		if to > from {
			x.check(f.MergeCell(sheet, ref(from, row), ref(to, row)))
		}
		x.check(f.SetCellStyle(sheet, ref(from, row), ref(to, row), style))
		if n := wrappedCount(text, width); n > 1 {
			x.check(f.SetRowHeight(sheet, row, float64(n)*14))
		}
		row++
	}
	span := func(from, to int) float64 {
		w := 0.0
		for j := from - 1; j < to; j++ {
			w += widths[j]
		}
		return w
	}
	headerRow := 0
	for _, b := range s.blocks {
		switch b.kind {
		case blockCorner:
			for _, l := range b.lines {
				line(l, half, ncol, x.corner, span(half, ncol))
			}
			row++
		case blockTitle:
			for _, l := range b.lines {
				line(l, 1, ncol, x.title, span(1, ncol))
			}
			row++
		case blockPara:
			for _, l := range b.lines {
				line(l, 1, ncol, x.corner, span(1, ncol))
			}
		case blockNote:
			for _, l := range b.lines {
				line(l, 1, ncol, x.wrap, span(1, ncol)*1.2)
			}
		case blockSignature:
			row++
			for _, l := range b.lines {
				line(l, half, ncol, x.text, span(half, ncol))
			}
		case blockTable:
			t := b.table
			headerRow = row
			for j, h := range t.head {
				x.check(f.SetCellStr(sheet, ref(j+1, row), h))
			}
			x.check(f.SetCellStyle(sheet, ref(1, row), ref(len(t.head), row), x.head))
			row++
			for _, r := range t.rows {
				for j := range t.head {
					var c docCell
					if j < len(r.cells) {
						c = r.cells[j]
					}
					at := ref(j+1, row)
					style := x.cell
					switch {
					case c.isNum && c.decimals == 0:
						x.check(f.SetCellValue(sheet, at, int64(c.num)))
						style = pick(r.bold, x.boldInt, x.int0)
					case c.isNum:
						x.check(f.SetCellFloat(sheet, at, c.num, 2, 64))
						style = pick(r.bold, x.boldNum2, x.num2)
					default:
						// A string cell, never a formula, whatever the
						// text (see SafeText).
						x.check(f.SetCellStr(sheet, at, c.text))
						style = pick(r.bold, x.bold, x.cell)
					}
					x.check(f.SetCellStyle(sheet, at, at, style))
				}
				row++
			}
			row++
		}
	}
	size, orient, one, zero, yes := 9, "portrait", 1, 0, true
	x.check(f.SetPageLayout(sheet, &excelize.PageLayoutOptions{Size: &size, Orientation: &orient, FitToWidth: &one, FitToHeight: &zero}))
	x.check(f.SetSheetProps(sheet, &excelize.SheetPropsOptions{FitToPage: &yes}))
	// Inches: 3 cm on the left, 2 cm elsewhere, as in the Word annex.
	l, o := 1.18, 0.79
	x.check(f.SetPageMargins(sheet, &excelize.PageLayoutMarginsOptions{Left: &l, Right: &o, Top: &o, Bottom: &o}))
	if headerRow > 0 {
		x.check(f.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Titles", RefersTo: fmt.Sprintf("'%s'!$%d:$%d", sheet, headerRow, headerRow), Scope: sheet}))
	}
}

func pick(cond bool, a, b int) int {
	if cond {
		return a
	}
	return b
}

// wrappedCount estimates how many lines text takes in a width of chars.
func wrappedCount(text string, chars float64) int {
	if chars <= 0 {
		return 1
	}
	return max(1, int(math.Ceil(float64(utf8.RuneCountInString(text))/chars)))
}
