package report

import (
	"fmt"
	"strconv"

	"github.com/ikk-tools/ikk/ikk"
	"github.com/xuri/excelize/v2"
)

func (b *Workbook) unitRows(r *ikk.Result, desaRank map[*ikk.Unit]int) [][]cell {
	var rows [][]cell
	n := 0
	for _, u := range r.Units {
		if u.Level == ikk.LevelRT {
			continue
		}
		n++
		bold := u.Level != ikk.LevelDesa
		ts, ns, is := b.st.text, b.st.num, b.st.int
		if bold {
			ts, ns, is = b.st.textBold, b.st.numBold, b.st.intBold
		}
		row := []cell{{n, is}, {b.levelWord(u.Level), ts}, {text(u.Code), ts}, {text(unitName(u)), ts}, {text(u.Kecamatan), ts},
			{u.Households, is}, {numOrNil(u.IKK), ns}, {b.catText(u.Category), b.catStyle(u.Category)}}
		for _, d := range u.Dimensions {
			row = append(row, cell{numOrNil(d), ns})
		}
		var rank any
		if k := desaRank[u]; k > 0 {
			rank = k
		}
		row = append(row, cell{rank, is})
		rows = append(rows, row)
	}
	return rows
}

func (b *Workbook) ringkasan(r *ikk.Result) {
	sheet := b.w("ringkasan")
	b.title(sheet, b.w("title"), r)
	ranked := ikk.RankDesa(r)
	rank := map[*ikk.Unit]int{}
	for _, x := range ranked {
		rank[x.Unit] = x.Rank
	}
	headers := []string{b.w("no"), b.w("level"), b.w("code"), b.w("unit"), b.w("kecamatan"), b.w("kk"), b.w("ikk"), b.w("category")}
	widths := []float64{5, 11, 14, 24, 18, 10, 9, b.catWidth()}
	for _, d := range b.set.Dimensions {
		headers = append(headers, d.ID+" "+shortDim(d.Label))
		widths = append(widths, 13)
	}
	headers = append(headers, b.w("rank"))
	widths = append(widths, 10)
	const head = 4
	rows := b.unitRows(r, rank)
	b.table(sheet, head, headers, widths, rows)

	b.check(b.f.SetRowHeight(sheet, head, 45))
	// Legend under the table: the cut-offs, coloured as the category cells.
	lr := head + len(rows) + 2
	b.check(b.f.SetCellValue(sheet, ref(2, lr), b.w("legend")))
	b.check(b.f.SetCellStyle(sheet, ref(2, lr), ref(2, lr), b.st.textBold))
	b.check(b.f.SetCellValue(sheet, ref(2, lr+1), b.w("category")))
	b.check(b.f.MergeCell(sheet, ref(2, lr+1), ref(4, lr+1)))
	b.check(b.f.SetCellValue(sheet, ref(5, lr+1), b.w("min")))
	b.check(b.f.SetCellStyle(sheet, ref(2, lr+1), ref(5, lr+1), b.st.header))
	for i, c := range b.set.Categories {
		row := lr + 2 + i
		b.check(b.f.MergeCell(sheet, ref(2, row), ref(4, row)))
		b.check(b.f.SetCellValue(sheet, ref(2, row), strconv.Itoa(c.ID)+" "+c.Label))
		b.check(b.f.SetCellStyle(sheet, ref(2, row), ref(4, row), b.st.cat[i]))
		b.check(b.f.SetCellValue(sheet, ref(5, row), c.Min))
		b.check(b.f.SetCellStyle(sheet, ref(5, row), ref(5, row), b.st.num))
	}
	lc := len(headers) + 2 // the chart's data block, right of the table

	// Chart data: the desa by rank, with a constant series per cut-off so the
	// chart draws each cut-off as a line across the columns.
	var withIKK []ikk.Ranked
	for _, x := range ranked {
		if x.Unit.IKK != nil {
			withIKK = append(withIKK, x)
		}
	}
	if len(withIKK) == 0 {
		return
	}
	dc := lc
	dataHead := head
	b.check(b.f.SetCellValue(sheet, ref(dc, dataHead), b.w("desa")))
	b.check(b.f.SetCellValue(sheet, ref(dc+1, dataHead), b.w("ikk")))
	for i, c := range b.set.Categories[1:] {
		b.check(b.f.SetCellValue(sheet, ref(dc+2+i, dataHead), fmt.Sprintf("%s %d (%s)", b.w("category"), c.ID, NumTrim(c.Min, b.meta.Lang))))
	}
	b.check(b.f.SetCellStyle(sheet, ref(dc, dataHead), ref(dc+len(b.set.Categories), dataHead), b.st.header))
	for i, x := range withIKK {
		row := dataHead + 1 + i
		b.check(b.f.SetCellValue(sheet, ref(dc, row), unitName(x.Unit)))
		b.check(b.f.SetCellValue(sheet, ref(dc+1, row), *x.Unit.IKK))
		b.check(b.f.SetCellStyle(sheet, ref(dc+1, row), ref(dc+1, row), b.st.num))
		for k, c := range b.set.Categories[1:] {
			b.check(b.f.SetCellValue(sheet, ref(dc+2+k, row), c.Min))
		}
	}
	b.check(b.f.SetColWidth(sheet, colName(dc), colName(dc), 22))
	last := dataHead + len(withIKK)
	rng := func(col int) string {
		return fmt.Sprintf("'%s'!$%s$%d:$%s$%d", sheet, colName(col), dataHead+1, colName(col), last)
	}
	cats := rng(dc)
	bar := &excelize.Chart{
		Type:   excelize.Col,
		Series: []excelize.ChartSeries{{Name: fmt.Sprintf("'%s'!$%s$%d", sheet, colName(dc+1), dataHead), Categories: cats, Values: rng(dc + 1), Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"4472C4"}}}},
		Title:  excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: b.w("chart_ikk")}}},
		Legend: excelize.ChartLegend{Position: "bottom"},
		// Names slanted: upright in a column a desa they break letter by letter.
		XAxis: excelize.ChartAxis{Font: excelize.Font{Size: 8}, Alignment: excelize.Alignment{TextRotation: -45}},
		YAxis: excelize.ChartAxis{MajorGridLines: true, Minimum: ptrF(0), Maximum: ptrF(100)},
		// A column a desa: wide enough to read every name, for 12 desa or 300.
		Dimension: excelize.ChartDimension{Width: uint(max(720, 22*len(withIKK))), Height: 380},
	}
	lines := &excelize.Chart{Type: excelize.Line}
	lineColors := []string{"C00000", "548235", "7030A0", "ED7D31"}
	// A line of one point is not drawn: with one desa each cut-off is a dash.
	marker := excelize.ChartMarker{Symbol: "none"}
	if len(withIKK) == 1 {
		marker = excelize.ChartMarker{Symbol: "dash", Size: 20}
	}
	for k := range b.set.Categories[1:] {
		col := dc + 2 + k
		lines.Series = append(lines.Series, excelize.ChartSeries{
			Name: fmt.Sprintf("'%s'!$%s$%d", sheet, colName(col), dataHead), Categories: cats, Values: rng(col),
			Line: excelize.LineOptions{Width: 1.5}, Marker: marker,
			Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{lineColors[k%len(lineColors)]}},
		})
	}
	chartRow := lr + len(b.set.Categories) + 3
	// The chart prints whole: on the table's page when it fits under it,
	// else on the next.
	chartRows := 380/20 + 2
	if tableRows := chartRow - 1 + 2; (tableRows+chartRows)*int(rowPt)+45 > int(pageHeightPt/printScale(widths)) {
		b.pageBreakBefore(sheet, chartRow)
	}
	b.setRowHeights(sheet, chartRow, chartRow+chartRows)
	b.check(b.f.AddChart(sheet, ref(2, chartRow), bar, lines))
	// Print the table, the legend and, up to maxPrintedChartDesa, the chart;
	// a wider chart (a column a desa) stays on screen, where it scrolls,
	// rather than shrinking the printed table to nothing. The chart's data
	// block is never printed.
	lastPrinted := lr + 1 + len(b.set.Categories)
	if len(withIKK) <= maxPrintedChartDesa {
		lastPrinted = chartRow + 380/20 + 2
	}
	b.check(b.f.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Area", Scope: sheet,
		RefersTo: fmt.Sprintf("'%s'!$A$1:$%s$%d", sheet, colName(len(headers)), lastPrinted)}))
}

// maxPrintedChartDesa is the most desa whose IKK chart still prints legibly
// across an A4 landscape page with the table.
const maxPrintedChartDesa = 40
