package report

import (
	"github.com/ikk-tools/ikk/ikk"
)

func (b *Workbook) permasalahan(r *ikk.Result) {
	sheet := b.w("permasalahan")
	b.title(sheet, b.w("permasalahan")+" · "+b.w("target")+" "+NumTrim(b.set.Target, b.meta.Lang), r)
	headers := []string{b.w("no"), b.w("code"), b.w("kecamatan"), b.w("desa"), b.w("indicator"), b.w("label"), b.w("percent"), b.w("target"), b.w("affected"), b.w("sectors")}
	widths := []float64{5, 14, 18, 24, 9, 44, 11, 10, 11, 60}
	var rows [][]cell
	for _, u := range r.Desa() {
		for _, p := range u.Permasalahan {
			rows = append(rows, []cell{{len(rows) + 1, b.st.int}, {text(u.Code), b.st.text}, {text(u.Kecamatan), b.st.text}, {text(unitName(u)), b.st.text},
				{p.Indicator.ID, b.st.text}, {p.Indicator.Label, b.st.text}, {p.Percent, b.st.num}, {b.set.Target, b.st.num},
				{p.Fail, b.st.int}, {b.sectorLabels(p.Indicator.Sectors), b.st.wrap}})
		}
	}
	b.table(sheet, 4, headers, widths, rows)
}
