package report

import (
	"fmt"
	"slices"
	"strconv"

	"github.com/ikk-tools/ikk/ikk"
	"github.com/xuri/excelize/v2"
)

// maxRadars bounds the radar charts: one a desa up to this many; beyond, the
// weakest desa get one, since those are the ones a team acts on.
const maxRadars = 30

// radarRows are the rows of rowPt a row of radar charts takes: 300 pixels
// (225 points, 15 rows) and a gap.
const radarRows = 17

// dimensiKey names the sheet of dimensions: "Dimensi dan Lensa", or
// "Dimensi" for a set without lenses (iBangga).
func (b *Workbook) dimensiKey() string {
	if len(b.set.LensKeys()) == 0 {
		return "dimensi_only"
	}
	return "dimensi"
}

// genderLens reports whether the set has the gender lens, which the sheet
// also gives by the sex of the head of the family.
func (b *Workbook) genderLens() bool {
	return slices.ContainsFunc(b.set.Lenses, func(t ikk.Tag) bool { return t.Key == "gender" })
}

func (b *Workbook) dimensi(r *ikk.Result) {
	sheet := b.w(b.dimensiKey())
	lang := b.meta.Lang
	b.title(sheet, sheet, r)
	headers := []string{b.w("no"), b.w("level"), b.w("code"), b.w("unit"), b.w("kk")}
	widths := []float64{5, 11, 14, 24, 10}
	for _, d := range b.set.Dimensions {
		headers = append(headers, d.ID+" "+shortDim(d.Label))
		widths = append(widths, 13)
	}
	for _, t := range b.set.Functions {
		headers = append(headers, t.Label)
		widths = append(widths, 12)
	}
	for _, t := range b.set.Lenses {
		headers = append(headers, t.Label)
		widths = append(widths, 12)
	}
	gender := b.genderLens()
	if gender {
		headers = append(headers, b.w("gender_l"), b.w("gender_p"))
		widths = append(widths, 12, 12)
	}
	headers = append(headers, b.w("kk_l"), b.w("kk_p"))
	widths = append(widths, 10, 10)
	var rows [][]cell
	var units []*ikk.Unit
	for _, u := range r.Units {
		if u.Level == ikk.LevelRT {
			continue
		}
		units = append(units, u)
		ns, ts, is := b.st.num, b.st.text, b.st.int
		if u.Level != ikk.LevelDesa {
			ns, ts, is = b.st.numBold, b.st.textBold, b.st.intBold
		}
		row := []cell{{len(rows) + 1, is}, {b.levelWord(u.Level), ts}, {text(u.Code), ts}, {text(unitName(u)), ts}, {u.Households, is}}
		for _, d := range u.Dimensions {
			row = append(row, cell{numOrNil(d), ns})
		}
		for _, l := range u.Lenses {
			row = append(row, cell{numOrNil(l), ns})
		}
		if gender {
			row = append(row, cell{numOrNil(u.BySex[0].Gender), ns}, cell{numOrNil(u.BySex[1].Gender), ns})
		}
		row = append(row, cell{u.BySex[0].Households, is}, cell{u.BySex[1].Households, is})
		rows = append(rows, row)
	}
	const head = 4
	b.table(sheet, head, headers, widths, rows)
	b.check(b.f.SetRowHeight(sheet, head, 45))

	// Radar charts: each desa's five dimensions against the kabupaten's.
	rowOf := map[*ikk.Unit]int{}
	var kab *ikk.Unit
	for i, u := range units {
		rowOf[u] = head + 1 + i
		if u.Level == ikk.LevelKabupaten && kab == nil {
			kab = u
		}
	}
	chosen := r.Desa()
	which := b.w("all_desa")
	if len(chosen) > maxRadars {
		ranked := ikk.RankDesa(r)
		var weak []*ikk.Unit
		for i := len(ranked) - 1; i >= 0 && len(weak) < maxRadars/2; i-- {
			if ranked[i].Unit.IKK != nil {
				weak = append(weak, ranked[i].Unit)
			}
		}
		chosen = weak
		which = b.say("weakest", "n", strconv.Itoa(len(weak)))
	}
	nd := len(b.set.Dimensions)
	dimCats := fmt.Sprintf("'%s'!$F$%d:$%s$%d", sheet, head, colName(5+nd), head)
	top := head + len(rows) + 3
	refName := ""
	if kab != nil {
		refName = b.w("kabupaten") + " " + unitName(kab)
	}
	// The charts start on a page of their own, three a row, and a row of
	// charts that would cross the page's end starts the next page.
	b.pageBreakBefore(sheet, top-1)
	perPage := max(1, (pageRows(widths, 45)-1)/radarRows)
	b.setRowHeights(sheet, top, top+radarRows*((len(chosen)+2)/3))
	b.check(b.f.SetCellValue(sheet, ref(1, top-1), b.say("chart_dim_note", "which", which, "reference", refName)))
	b.check(b.f.SetCellStyle(sheet, ref(1, top-1), ref(1, top-1), b.st.note))
	for i, u := range chosen {
		if u.IKK == nil && !anyDefined(u.Dimensions) {
			continue
		}
		row := rowOf[u]
		series := []excelize.ChartSeries{{Name: fmt.Sprintf("'%s'!$D$%d", sheet, row), Categories: dimCats,
			Values: fmt.Sprintf("'%s'!$F$%d:$%s$%d", sheet, row, colName(5+nd), row),
			Line:   excelize.LineOptions{Width: 2}, Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"4472C4"}}}}
		if kab != nil {
			series = append(series, excelize.ChartSeries{Name: fmt.Sprintf("'%s'!$D$%d", sheet, rowOf[kab]), Categories: dimCats,
				Values: fmt.Sprintf("'%s'!$F$%d:$%s$%d", sheet, rowOf[kab], colName(5+nd), rowOf[kab]),
				Line:   excelize.LineOptions{Width: 1}, Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"A5A5A5"}}})
		}
		title := fmt.Sprintf("%s: %s %s", unitName(u), b.w("ikk"), NumPtr(u.IKK, lang))
		chart := &excelize.Chart{Type: excelize.Radar, Series: series,
			Title:     excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: title, Font: &excelize.Font{Size: 10, Bold: true}}}},
			Legend:    excelize.ChartLegend{Position: "bottom"},
			YAxis:     excelize.ChartAxis{Minimum: ptrF(0), Maximum: ptrF(100), MajorUnit: 25},
			Dimension: excelize.ChartDimension{Width: 360, Height: 300}}
		col := 1 + (i%3)*5
		block := i / 3
		rowAt := top + block*radarRows
		if i%3 == 0 && block > 0 && block%perPage == 0 {
			b.pageBreakBefore(sheet, rowAt)
		}
		b.check(b.f.AddChart(sheet, ref(col, rowAt), chart))
	}
}

func anyDefined(v []*float64) bool {
	for _, x := range v {
		if x != nil {
			return true
		}
	}
	return false
}
