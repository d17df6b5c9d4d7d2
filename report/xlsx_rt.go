package report

import (
	"github.com/ikk-tools/ikk/ikk"
)

func (b *Workbook) perRT(r *ikk.Result) {
	sheet := b.w("rt")
	b.title(sheet, b.w("rt"), r)
	headers := []string{b.w("no"), b.w("code"), b.w("kecamatan"), b.w("desa"), b.w("rt_col"), b.w("kk"), b.w("ikk"), b.w("category")}
	widths := []float64{5, 14, 18, 24, 6, 10, 9, b.catWidth()}
	for _, d := range b.set.Dimensions {
		headers = append(headers, d.ID)
		widths = append(widths, 9)
	}
	headers = append(headers, b.w("mean"), b.w("incomplete"))
	widths = append(widths, 12, 11)
	var rows [][]cell
	for _, u := range r.Units {
		if u.Level != ikk.LevelRT {
			continue
		}
		row := []cell{{len(rows) + 1, b.st.int}, {text(u.Code), b.st.text}, {text(u.Kecamatan), b.st.text}, {text(u.Desa), b.st.text},
			{text(u.RT), b.st.text}, {u.Households, b.st.int}, {numOrNil(u.IKK), b.st.num}, {b.catText(u.Category), b.catStyle(u.Category)}}
		for _, d := range u.Dimensions {
			row = append(row, cell{numOrNil(d), b.st.num})
		}
		row = append(row, cell{numOrNil(u.HouseholdMean), b.st.num}, cell{u.Incomplete, b.st.int})
		rows = append(rows, row)
	}
	b.table(sheet, 4, headers, widths, rows)
}
