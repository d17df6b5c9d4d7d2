package report

import (
	"fmt"
	"strconv"

	"github.com/ikk-tools/ikk/ikk"
	"github.com/xuri/excelize/v2"
)

// masalah writes the accounting per input file and the data issues. Up to
// ikk.MaxIssues issues are kept, a row each, so the sheet is streamed: in
// excelize's cells, 30,000 issues took 65 MB.
func (b *Workbook) masalah(r *ikk.Result) {
	sheet := b.w("masalah")
	headers := []string{b.w("no"), b.w("file"), b.w("sheet"), b.w("row"), b.w("column"), b.w("cell"), b.w("value"), b.w("issue_code"), b.w("reason")}
	widths := b.masalahWidths(r, headers)
	// Title, scope, a blank row, the accounting header at row 4, a row per
	// input, the total, a note, a blank row, the issue count: then the
	// issue table's header.
	head := 4 + len(r.Inputs) + 5 // the row after the issue count
	sw := b.streamSheet(sheet, widths, head)
	if sw == nil {
		return
	}
	b.streamRow(sw, 1, []cell{{b.w("masalah"), b.st.title}})
	b.streamRow(sw, 2, []cell{{b.scope(r), b.st.subtitle}})
	// The accounting per input file: nothing lost. It starts in the issue
	// table's Berkas column, so that the file names have its width.
	ah := []string{"", b.w("file"), b.w("sheet"), b.w("header_row"), b.w("rows_read"), b.w("scored"), b.w("rejected"), b.w("blank"), "SHA-256"}
	hc := b.headerCells(ah)
	hc[0] = cell{}
	b.streamRow(sw, 4, hc, excelize.RowOpts{Height: 32})
	row := 4
	for _, in := range r.Inputs {
		row++
		b.streamRow(sw, row, []cell{{}, {in.Path, b.st.text}, {text(in.Sheet), b.st.text}, {in.HeaderRow, b.st.int}, {in.RowsRead, b.st.int},
			{in.Scored, b.st.int}, {in.Rejected, b.st.int}, {in.Blank, b.st.int}, {in.SHA256, b.st.text}})
	}
	row++
	s := r.Summary
	b.streamRow(sw, row, []cell{{}, {"Total", b.st.textBold}, {nil, b.st.textBold}, {nil, b.st.textBold}, {s.RowsRead, b.st.intBold},
		{s.Scored, b.st.intBold}, {s.Rejected, b.st.intBold}, {s.Blank, b.st.intBold}, {nil, b.st.textBold}})
	row++
	b.streamRow(sw, row, []cell{{}, {b.w("rejected_note"), b.st.subtitle}})
	row += 2
	b.streamRow(sw, row, []cell{{fmt.Sprintf("%s: %s (%s %s)", b.w("issues_total"), Int(r.IssueTotal(), b.meta.Lang), b.w("issues_listed"), Int(r.Issues.Len(), b.meta.Lang)), b.st.textBold}})
	b.streamRow(sw, head, b.headerCells(headers), excelize.RowOpts{Height: 32})
	say := newIssueSayer(b.meta.Lang)
	for i, is := range r.Issues.All() {
		cells := []cell{{i + 1, b.st.int}, {is.File, b.st.text}, {text(is.Sheet), b.st.text}, {is.Row, b.st.int}, {text(is.Column), b.st.text},
			{text(is.Cell), b.st.text}, {text(is.Value), b.st.text}, {is.Code, b.st.text}, {say.text(is), b.st.wrap}}
		var opts []excelize.RowOpts
		if h := b.wrappedHeight(cells, widths); h > 0 {
			opts = append(opts, excelize.RowOpts{Height: h})
		}
		b.streamRow(sw, head+1+i, cells, opts...)
	}
	if r.Issues.Len() > 0 {
		// Set on the sheet before Flush, which writes it.
		b.check(b.f.AutoFilter(sheet, ref(1, head)+":"+ref(len(headers), head+r.Issues.Len()), nil))
	}
	b.check(sw.Flush())
}

// masalahWidths sizes the issue table's columns from what they hold, also
// the accounting table above it, which starts in the Berkas column: no
// file, column name or value is cut, and the wrapped reason column takes
// what is left of a landscape page.
func (b *Workbook) masalahWidths(r *ikk.Result, headers []string) []float64 {
	rows := make([][]cell, 0, r.Issues.Len()+len(r.Inputs))
	for i, is := range r.Issues.All() {
		rows = append(rows, []cell{{strconv.Itoa(i + 1), 0}, {is.File, 0}, {is.Sheet, 0}, {strconv.Itoa(is.Row), 0}, {is.Column, 0},
			{is.Cell, 0}, {is.Value, 0}, {is.Code, 0}})
	}
	accounting := []string{b.w("sheet"), b.w("header_row"), b.w("rows_read"), b.w("scored"), b.w("rejected"), b.w("blank")}
	for _, in := range r.Inputs {
		rows = append(rows, []cell{{}, {in.Path, 0}, {in.Sheet, 0}})
	}
	floor := []float64{5, 10, 8, 7, 8, 6, 8, 10, 40}
	limit := []float64{8, 40, 20, 9, 30, 8, 24, 20, 70}
	widths := fitWidths(headers, rows, floor, limit)
	// The accounting's headers above the same columns keep their words whole.
	for j, h := range accounting {
		widths[2+j] = max(widths[2+j], wordWidth(h))
	}
	widths[8] = max(widths[8], 70)
	return widths
}
