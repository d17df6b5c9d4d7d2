package report

import (
	"strconv"

	"github.com/xuri/excelize/v2"
)

// streamSheet starts a sheet written top to bottom through excelize's
// StreamWriter: its rows go to a temporary file in the workbook's folder
// instead of excelize's cell structures, which take hundreds of bytes a
// cell and grow with the survey. The sheets whose length follows the survey
// are streamed: the households and the data issues.
//
// The sheet gets its column widths, the rows up to headerRow frozen, and
// the print setup of every sheet. The stream writer writes the sheet
// properties (fit to page) when it starts, the columns and panes with the
// first row, and the rest (page setup, filter) when it is flushed, each
// from the sheet as set up by then: so the print setup comes first, and
// after the rows only what Flush writes may still be set.
func (b *Workbook) streamSheet(sheet string, widths []float64, headerRow int) *excelize.StreamWriter {
	b.printSetup(sheet, headerRow)
	sw, err := b.f.NewStreamWriter(sheet)
	if err != nil {
		b.check(err)
		return nil
	}
	// The part a sheet made by NewSheet is written to, for orderedZip.
	b.streamed = append(b.streamed, "xl/worksheets/sheet"+strconv.Itoa(sw.SheetID)+".xml")
	// excelize lists a column before those set earlier; set from the last
	// column to the first, they come out in order, as Excel expects.
	for j := len(widths) - 1; j >= 0; j-- {
		b.check(sw.SetColWidth(j+1, j+1, widths[j]))
	}
	b.check(sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: headerRow, TopLeftCell: ref(1, headerRow+1), ActivePane: "bottomLeft"}))
	return sw
}

// streamRow writes a row of cells with their styles; a styled cell without
// a value keeps its borders, as in the sheets made in memory.
func (b *Workbook) streamRow(sw *excelize.StreamWriter, row int, cells []cell, opts ...excelize.RowOpts) {
	if b.err != nil {
		return
	}
	vals := make([]any, len(cells))
	for j, c := range cells {
		switch {
		case c.style != 0:
			vals[j] = excelize.Cell{StyleID: c.style, Value: c.v}
		case c.v != nil:
			vals[j] = c.v
		}
	}
	b.check(sw.SetRow(ref(1, row), vals, opts...))
}

// wrappedHeight is the height a row of wrapped text needs, as the sheets
// made in memory get it (spreadsheet programs do not re-fit row heights
// when they open a file); 0 keeps the default height.
func (b *Workbook) wrappedHeight(cells []cell, widths []float64) float64 {
	lines := 1
	for j, c := range cells {
		if c.style == b.st.wrap && j < len(widths) {
			lines = max(lines, wrappedLines(c.v, widths[j]))
		}
	}
	if lines > 1 {
		return 13.5*float64(lines) + 2
	}
	return 0
}
