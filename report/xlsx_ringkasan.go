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
		row := []cell{{n, is}, {b.unitWord(u), ts}, {text(u.Code), ts}, {text(unitName(u)), ts}, {text(u.Kecamatan), ts},
			{u.Households, is}, {numOrNil(u.IKK), ns}, {b.catText(u.Category), b.catStyle(u.Category)}}
		if r.Resamples > 0 {
			row = append(row, b.intervalCells(u, ns)...)
		}
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

// intervalCells are a unit's interval columns: the bounds of the index's
// 95% interval, the percentage of resamples in another category, and the
// warnings; blank where the unit has none.
func (b *Workbook) intervalCells(u *ikk.Unit, ns int) []cell {
	unc := u.Uncertainty
	if unc == nil {
		return []cell{{nil, ns}, {nil, ns}, {nil, ns}, {nil, b.st.wrap}}
	}
	var low, high any
	if unc.IKK != nil {
		low, high = unc.IKK.Low, unc.IKK.High
	}
	return []cell{{low, ns}, {high, ns}, {100 * unc.OtherCategory, ns}, {text(FlagShort(u, b.meta.Lang)), b.st.wrap}}
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
	if r.Resamples > 0 {
		headers = append(headers, b.w("interval_low"), b.w("interval_high"), b.w("other_category"), b.w("interval_flags"))
		widths = append(widths, 11, 11, 13, 24)
	}
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
		style := b.st.num
		if c.Open {
			// The category starts above its cut-off: "> 70,00".
			style = b.st.above
		}
		b.check(b.f.SetCellStyle(sheet, ref(5, row), ref(5, row), style))
	}
	lc := len(headers) + 2 // the chart's data block, right of the table

	// Chart data: the desa by rank, the IKK of each in the column of its
	// category, so that the bars take the category's colour and the legend
	// states the cut-offs.
	var withIKK []ikk.Ranked
	for _, x := range ranked {
		if x.Unit.IKK != nil {
			withIKK = append(withIKK, x)
		}
	}
	if len(withIKK) == 0 {
		return
	}
	dc, dataHead := lc, head
	cats := b.set.Categories
	names := categoryRanges(b.set, b.meta.Lang, func(c *ikk.Category) string { return c.Short })
	b.check(b.f.SetCellValue(sheet, ref(dc, dataHead), b.w("desa")))
	for k := range cats {
		b.check(b.f.SetCellValue(sheet, ref(dc+1+k, dataHead), names[k]))
	}
	b.check(b.f.SetCellStyle(sheet, ref(dc, dataHead), ref(dc+len(cats), dataHead), b.st.header))
	// A horizontal bar chart lists its categories bottom up: the rows are
	// written lowest IKK first, so the highest stands at the top.
	for i := range withIKK {
		x := withIKK[len(withIKK)-1-i]
		row := dataHead + 1 + i
		b.check(b.f.SetCellValue(sheet, ref(dc, row), unitName(x.Unit)))
		for k := range cats {
			if x.Unit.Category != nil && x.Unit.Category.ID == cats[k].ID {
				b.check(b.f.SetCellValue(sheet, ref(dc+1+k, row), *x.Unit.IKK))
				b.check(b.f.SetCellStyle(sheet, ref(dc+1+k, row), ref(dc+1+k, row), b.st.num))
			}
		}
	}
	b.check(b.f.SetColWidth(sheet, colName(dc), colName(dc), 22))
	last := dataHead + len(withIKK)
	rng := func(col int) string {
		return fmt.Sprintf("'%s'!$%s$%d:$%s$%d", sheet, colName(col), dataHead+1, colName(col), last)
	}
	height := ikkChartHeight(len(withIKK))
	bar := &excelize.Chart{
		// Bars across, names down the side: upright names under columns
		// break letter by letter, and slanted ones are drawn upright by
		// LibreOffice.
		Type:   excelize.BarStacked,
		Title:  excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: b.w("chart_ikk")}}},
		Legend: excelize.ChartLegend{Position: "bottom"},
		// Axis text dark: the default is a grey too light to print.
		XAxis:     excelize.ChartAxis{Font: excelize.Font{Size: 8, Color: "262626"}},
		YAxis:     excelize.ChartAxis{MajorGridLines: true, Minimum: ptrF(0), Maximum: ptrF(100), MajorUnit: 10, Font: excelize.Font{Size: 8, Color: "262626"}},
		GapWidth:  ptrU(40),
		Dimension: excelize.ChartDimension{Width: 720, Height: uint(height)},
	}
	for k := range cats {
		col := dc + 1 + k
		bar.Series = append(bar.Series, excelize.ChartSeries{
			Name: fmt.Sprintf("'%s'!$%s$%d", sheet, colName(col), dataHead), Categories: rng(dc), Values: rng(col),
			Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{categoryBars[k%len(categoryBars)]}},
		})
	}
	chartRow := lr + len(cats) + 3
	// The chart prints whole: on the table's page when it fits under it,
	// else on the next.
	chartRows := height/int(rowPt) + 2
	if tableRows := chartRow - 1 + 2; (tableRows+chartRows)*int(rowPt)+45 > int(pageHeightPt/printScale(widths)) {
		b.pageBreakBefore(sheet, chartRow)
	}
	b.setRowHeights(sheet, chartRow, chartRow+chartRows)
	b.check(b.f.AddChart(sheet, ref(2, chartRow), bar))
	// Print the table, the legend and, up to maxPrintedChartDesa, the chart;
	// a taller chart (a bar a desa) stays on screen, where it scrolls. The
	// chart's data block is never printed.
	lastPrinted := lr + 1 + len(cats)
	if len(withIKK) <= maxPrintedChartDesa {
		lastPrinted = chartRow + chartRows
	}
	b.check(b.f.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Area", Scope: sheet,
		RefersTo: fmt.Sprintf("'%s'!$A$1:$%s$%d", sheet, colName(len(headers)), lastPrinted)}))
}

// categoryBars colour the IKK chart's bars by category, stronger shades of
// the category cells' fills.
var categoryBars = []string{"D9534F", "F0AD4E", "5CB85C", "337AB7", "8E7CC3"}

// ikkChartHeight is the IKK chart's height in pixels: a bar a desa, 14
// pixels each, with room for the title, the axis and the legend.
func ptrU(v uint) *uint { return &v }

func ikkChartHeight(desa int) int { return max(300, 110+14*desa) }

// maxPrintedChartDesa is the most desa whose IKK chart still prints legibly
// across an A4 landscape page with the table.
const maxPrintedChartDesa = 40
