package report

import (
	"fmt"
	"io"

	"github.com/ikk-tools/ikk/ikk"
	"github.com/xuri/excelize/v2"
)

// CompareXLSX writes the comparison as a workbook in the styles of the
// Excel report: a summary (sources, sets, threshold, kabupaten, transition
// matrix, dimensions), the desa with a chart of their change, the
// kecamatan, every dimension and indicator change, the top changes per desa
// and the units of one year only. Numbers are stored as numbers.
func CompareXLSX(w io.Writer, c *ikk.Comparison, m CompareMeta) error {
	f, err := newDeterministicFile()
	if err != nil {
		return err
	}
	defer f.Close()
	set := &ikk.Set{ShortName: c.Current.Set.ShortName, Categories: asCategories(c.Categories)}
	b := &Workbook{f: f, set: set, meta: Meta{Lang: m.Lang, ToolVersion: m.ToolVersion}}
	if err := b.makeStyles(); err != nil {
		return err
	}
	x := &cmpBook{b: b, v: cmpWords{c: c, lang: m.Lang}, c: c}
	x.change = x.style(&excelize.Style{Border: cellBorder, CustomNumFmt: ptrS("+0.00;-0.00;0.00"), Alignment: &excelize.Alignment{Vertical: "top"}})
	x.changeBold = x.style(&excelize.Style{Border: cellBorder, Font: &excelize.Font{Bold: true}, CustomNumFmt: ptrS("+0.00;-0.00;0.00"), Alignment: &excelize.Alignment{Vertical: "top"}})
	x.mark = x.style(&excelize.Style{Border: cellBorder, Font: &excelize.Font{Bold: true, Color: "C00000"}, Alignment: &excelize.Alignment{Vertical: "top", Horizontal: "center"}})
	x.bold = x.style(&excelize.Style{Font: &excelize.Font{Bold: true}})
	sheets := []string{"sheet_summary", "sheet_desa", "sheet_kecamatan", "sheet_dimensions", "sheet_indicators", "sheet_top"}
	if len(c.OnlyBaseline)+len(c.OnlyCurrent) > 0 {
		sheets = append(sheets, "sheet_only")
	}
	b.check(f.SetSheetName("Sheet1", x.v.say(sheets[0])))
	for _, s := range sheets[1:] {
		_, err := f.NewSheet(x.v.say(s))
		b.check(err)
	}
	x.summary(x.v.say("sheet_summary"))
	x.desa(x.v.say("sheet_desa"))
	x.units(x.v.say("sheet_kecamatan"), c.Kecamatan, false)
	x.dimensions(x.v.say("sheet_dimensions"))
	x.indicators(x.v.say("sheet_indicators"))
	x.top(x.v.say("sheet_top"))
	if len(sheets) == 7 {
		x.only(x.v.say("sheet_only"))
	}
	b.check(f.SetDocProps(&excelize.DocProperties{Title: x.v.say("title"), Creator: "ikk " + m.ToolVersion,
		Language: map[string]string{"id": "id-ID", "en": "en"}[m.Lang], Version: m.ToolVersion,
		Created: "2000-01-01T00:00:00Z", Modified: "2000-01-01T00:00:00Z"}))
	if b.err != nil {
		return b.err
	}
	cw := &countingWriter{w: w}
	zw := newOrderedZip(cw, "", nil)
	f.SetZipWriter(func(io.Writer) excelize.ZipWriter { return zw })
	if _, err := f.WriteTo(io.Discard); err != nil {
		return err
	}
	return cw.err
}

var cellBorder = []excelize.Border{{Type: "left", Color: "BFBFBF", Style: 1}, {Type: "right", Color: "BFBFBF", Style: 1},
	{Type: "top", Color: "BFBFBF", Style: 1}, {Type: "bottom", Color: "BFBFBF", Style: 1}}

func ptrS(s string) *string { return &s }

type cmpBook struct {
	b                              *Workbook
	v                              cmpWords
	c                              *ikk.Comparison
	change, changeBold, mark, bold int
}

func (x *cmpBook) style(s *excelize.Style) int {
	id, err := x.b.f.NewStyle(s)
	x.b.check(err)
	return id
}

func (x *cmpBook) num(p *float64) cell { return cell{numOrNil(p), x.b.st.num} }
func (x *cmpBook) chg(p *float64) cell { return cell{numOrNil(p), x.change} }
func (x *cmpBook) txt(s string) cell   { return cell{text(s), x.b.st.text} }
func (x *cmpBook) n(k int) cell        { return cell{k, x.b.st.int} }

// cat is a category cell, filled with its category's colour.
func (x *cmpBook) cat(cats []ikk.SnapshotCategory, id int) cell {
	for i, k := range cats {
		if k.ID == id && id != 0 {
			return cell{fmt.Sprintf("%d %s", id, x.v.category(cats, id)), x.b.st.cat[i%len(x.b.st.cat)]}
		}
	}
	return cell{"–", x.b.st.text}
}

func (x *cmpBook) fewMark(few bool) cell {
	if few {
		return cell{FewMark, x.mark}
	}
	return cell{nil, x.b.st.text}
}

// title writes a sheet's title and the years compared under it.
func (x *cmpBook) title(sheet, title string) {
	b := x.b
	b.check(b.f.SetCellValue(sheet, "A1", title))
	b.check(b.f.SetCellStyle(sheet, "A1", "A1", b.st.title))
	b.check(b.f.SetCellValue(sheet, "A2", x.v.say("baseline")+": "+x.c.Baseline.Source+" · "+x.v.say("current")+": "+x.c.Current.Source))
	b.check(b.f.SetCellStyle(sheet, "A2", "A2", b.st.subtitle))
}

func (x *cmpBook) unitHead(desa bool) []string {
	v := x.v
	h := []string{v.say("col_code"), v.say("col_name")}
	if desa {
		h = append(h, v.say("col_kecamatan"))
	}
	return append(h, v.say("col_then"), v.say("col_now"), v.say("col_change"), v.say("col_cat_then"), v.say("col_cat_now"), v.say("col_few"))
}

func (x *cmpBook) unitRow(u ikk.UnitChange, desa bool) []cell {
	name := u.Name
	if u.ByName {
		name = x.v.say("by_name", "name", name)
	}
	r := []cell{x.txt(u.Code), x.txt(name)}
	if desa {
		r = append(r, x.txt(u.Kecamatan))
	}
	return append(r, x.num(u.Index.Then), x.num(u.Index.Now), x.chg(u.Index.Change),
		x.cat(x.c.Categories, u.Then.Category), x.cat(x.c.CurrentCategories, u.Now.Category), x.n(u.Few))
}

// block writes a header and rows at row, returning the row after them.
func (x *cmpBook) block(sheet string, row int, head []string, rows [][]cell) int {
	x.b.writeRow(sheet, row, x.b.headerCells(head))
	x.b.check(x.b.f.SetRowHeight(sheet, row, 32))
	for i, r := range rows {
		x.b.writeRow(sheet, row+1+i, r)
	}
	return row + len(rows) + 2
}

func (x *cmpBook) line(sheet string, row int, s string, style int) int {
	x.b.check(x.b.f.SetCellValue(sheet, ref(1, row), s))
	x.b.check(x.b.f.SetCellStyle(sheet, ref(1, row), ref(1, row), style))
	return row + 1
}

func (x *cmpBook) summary(sheet string) {
	b, v, c := x.b, x.v, x.c
	row := x.line(sheet, 1, v.say("title"), b.st.title)
	row = x.line(sheet, row, v.source(v.say("baseline"), c.Baseline), b.st.subtitle)
	row = x.line(sheet, row, v.source(v.say("current"), c.Current), b.st.subtitle) + 1
	for _, l := range v.setLines() {
		row = x.line(sheet, row, l, 0)
	}
	row = x.line(sheet, row, v.say("threshold", "n", v.int(c.MinFamilies)), 0)
	row = x.line(sheet, row, v.matchedLine(), 0)
	row = x.line(sheet, row, v.movesLine(), 0) + 1
	if len(c.Indicators) == 0 {
		row = x.line(sheet, row, v.say("no_common"), x.bold) + 1
	}
	row = x.line(sheet, row, v.say("h_kabupaten"), x.bold)
	var rows [][]cell
	for _, u := range c.Kabupaten {
		rows = append(rows, x.unitRow(u, false))
	}
	row = x.block(sheet, row, x.unitHead(false), rows)
	// The transition matrix, from the same grid as the text formats.
	g := v.matrixGrid()
	row = x.line(sheet, row, v.say("h_transitions"), x.bold)
	rows = nil
	mr, mc := matrixShown(c)
	for k, r := range g.rows {
		cells := []cell{{r[0], b.st.textBold}}
		for l := range r[1:] {
			// The grid's words are numbers as text; the sheet stores the
			// counts themselves.
			i, j := len(c.Transitions), len(c.Transitions[0])
			if k < len(mr) {
				i = mr[k]
			}
			if l < len(mc) {
				j = mc[l]
			}
			st := b.st.int
			if k == len(mr) || l == len(mc) {
				st = b.st.intBold
			}
			cells = append(cells, cell{matrixTotal(c.Transitions, i, j), st})
		}
		rows = append(rows, cells)
	}
	row = x.block(sheet, row, g.head, rows)
	for _, u := range c.Kabupaten {
		row = x.line(sheet, row, v.say("h_dimensions", "unit", u.Name), x.bold)
		rows = nil
		for i, id := range c.Dimensions {
			d := u.Dimensions[i]
			rows = append(rows, []cell{x.txt(v.named(id)), x.num(d.Then), x.num(d.Now), x.chg(d.Change)})
		}
		row = x.block(sheet, row, []string{v.say("col_dimension"), v.say("col_value_then"), v.say("col_value_now"), v.say("col_change")}, rows)
	}
	widths := []float64{36, 24, 14, 14, 14, 18, 18, 14, 12}
	for j, w := range widths {
		b.check(b.f.SetColWidth(sheet, colName(j+1), colName(j+1), w))
	}
	b.printSetup(sheet, 0)
}

// matrixTotal is a total cell of the matrix: row i's sum (j past the
// columns), column j's sum (i past the rows), or all.
func matrixTotal(m [][]int, i, j int) int {
	n := 0
	for a := range m {
		for k := range m[a] {
			if (a == i || i >= len(m)) && (k == j || j >= len(m[a])) {
				n += m[a][k]
			}
		}
	}
	return n
}

func (x *cmpBook) units(sheet string, list []ikk.UnitChange, desa bool) int {
	x.title(sheet, x.v.say(map[bool]string{true: "h_desa", false: "h_kecamatan"}[desa]))
	var rows [][]cell
	for _, u := range list {
		rows = append(rows, x.unitRow(u, desa))
	}
	head := x.unitHead(desa)
	widths := cmpWidths(head, rows, nil)
	x.b.table(sheet, 4, head, widths, rows)
	return len(widths)
}

// desa writes the desa table and, beside it, a bar a desa of the change of
// the index, names down the side.
func (x *cmpBook) desa(sheet string) {
	cols := x.units(sheet, x.c.Desa, true)
	n := len(x.c.Desa)
	if n == 0 {
		return
	}
	first, last := 5, 4+n
	rng := func(col int) string {
		return fmt.Sprintf("'%s'!$%s$%d:$%s$%d", sheet, colName(col), first, colName(col), last)
	}
	chart := &excelize.Chart{
		Type:   excelize.Bar,
		Title:  excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: x.v.say("chart_change")}}},
		Legend: excelize.ChartLegend{Position: "none"},
		// Names at the left edge, every one of them, clear of the bars
		// that go below zero.
		XAxis: excelize.ChartAxis{Font: excelize.Font{Size: 8, Color: "262626"}, ReverseOrder: true,
			TickLabelPosition: excelize.ChartTickLabelLow, TickLabelSkip: 1},
		YAxis: excelize.ChartAxis{MajorGridLines: true, Font: excelize.Font{Size: 8, Color: "262626"}},
		// The bars of the change column, named by the desa column.
		Series: []excelize.ChartSeries{{Name: fmt.Sprintf("'%s'!$%s$4", sheet, colName(6)), Categories: rng(2), Values: rng(6),
			Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"337AB7"}}}},
		GapWidth:  ptrU(40),
		Dimension: excelize.ChartDimension{Width: 560, Height: uint(ikkChartHeight(n))},
	}
	x.b.check(x.b.f.AddChart(sheet, ref(cols+2, 4), chart))
}

func (x *cmpBook) dimensions(sheet string) {
	v := x.v
	x.title(sheet, v.say("sheet_dimensions"))
	head := []string{v.say("col_level"), v.say("col_code"), v.say("col_name"), v.say("col_dimension"), v.say("col_value_then"), v.say("col_value_now"), v.say("col_change")}
	var rows [][]cell
	for _, list := range [][]ikk.UnitChange{x.c.Kabupaten, x.c.Kecamatan, x.c.Desa} {
		for _, u := range list {
			for i, id := range x.c.Dimensions {
				d := u.Dimensions[i]
				rows = append(rows, []cell{x.txt(v.say("level." + u.Level)), x.txt(u.Code), x.txt(u.Name), x.txt(v.named(id)), x.num(d.Then), x.num(d.Now), x.chg(d.Change)})
			}
		}
	}
	x.b.table(sheet, 4, head, cmpWidths(head, rows, []float64{12, 16, 26, 40, 12, 12, 12}), rows)
}

func (x *cmpBook) indicators(sheet string) {
	v := x.v
	x.title(sheet, v.say("sheet_indicators"))
	x.line(sheet, 3, v.say("threshold", "n", v.int(x.c.MinFamilies)), x.b.st.note)
	head := []string{v.say("col_level"), v.say("col_code"), v.say("col_name"), v.say("col_indicator"), v.say("col_value_then"), v.say("col_value_now"), v.say("col_change"),
		v.say("col_fam_then"), v.say("col_fam_now"), v.say("col_mark")}
	var rows [][]cell
	for _, list := range [][]ikk.UnitChange{x.c.Kabupaten, x.c.Kecamatan, x.c.Desa} {
		for _, u := range list {
			for i, id := range x.c.Indicators {
				d := u.Indicators[i]
				rows = append(rows, []cell{x.txt(v.say("level." + u.Level)), x.txt(u.Code), x.txt(u.Name), x.txt(v.named(id)),
					x.num(d.Then), x.num(d.Now), x.chg(d.Change), x.n(d.FamiliesThen), x.n(d.FamiliesNow), x.fewMark(d.Few)})
			}
		}
	}
	x.b.table(sheet, 4, head, cmpWidths(head, rows, []float64{12, 16, 26, 48, 12, 12, 12, 12, 12, 8}), rows)
}

func (x *cmpBook) top(sheet string) {
	v := x.v
	x.title(sheet, v.say("h_top"))
	g := v.topGrid()
	var rows [][]cell
	for i, u := range x.c.Desa {
		r := g.rows[i]
		rows = append(rows, []cell{x.txt(r[0]), x.txt(r[1]), x.chg(u.Index.Change), x.txt(r[3]), x.txt(r[4])})
	}
	x.b.table(sheet, 4, g.head, cmpWidths(g.head, rows, nil), rows)
}

func (x *cmpBook) only(sheet string) {
	v := x.v
	x.title(sheet, v.say("h_only"))
	g := v.onlyGrid()
	var rows [][]cell
	add := func(list []ikk.SnapshotUnit, then bool) {
		for _, u := range list {
			a, b, year := cell{numOrNil(u.Index), x.b.st.num}, cell{nil, x.b.st.num}, v.say("baseline")
			if !then {
				a, b, year = b, a, v.say("current")
			}
			rows = append(rows, []cell{x.txt(v.say("level." + u.Level)), x.txt(u.Code), x.txt(u.Name), x.txt(u.Kecamatan), x.n(u.Households), a, b, x.txt(year)})
		}
	}
	add(x.c.OnlyBaseline, true)
	add(x.c.OnlyCurrent, false)
	x.b.table(sheet, 4, g.head, cmpWidths(g.head, rows, nil), rows)
}

// cmpWidths fits columns to their content, numbers at least 10 wide, text
// at most limit (40 where none is given).
func cmpWidths(head []string, rows [][]cell, limit []float64) []float64 {
	floor, lim := make([]float64, len(head)), make([]float64, len(head))
	for j := range head {
		floor[j], lim[j] = 10, 40
		if j < len(limit) {
			lim[j] = limit[j]
		}
	}
	return fitWidths(head, rows, floor, lim)
}
