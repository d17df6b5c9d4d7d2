package report

import (
	"github.com/ikk-tools/ikk/ikk"
)

func (b *Workbook) rtl(r *ikk.Result) {
	sheet := b.w("rtl")
	b.title(sheet, b.w("rtl"), r)
	headers := []string{b.w("no"), b.w("sector"), b.w("indicator"), b.w("label"), b.w("code"), b.w("desa"), b.w("kecamatan"),
		b.w("affected"), b.w("percent"), b.w("target"), b.w("kegiatan"), b.w("target_kegiatan"), b.w("anggaran"), b.w("waktu")}
	widths := []float64{5, 36, 9, 30, 14, 22, 16, 11, 11, 9, 30, 16, 16, 12}
	var rows [][]cell
	for _, plan := range ikk.FollowUp(b.set, r.Desa()) {
		for _, a := range plan.Actions {
			rows = append(rows, []cell{{len(rows) + 1, b.st.int}, {plan.Sector.Label, b.st.wrap}, {a.Indicator.ID, b.st.text}, {a.Indicator.Label, b.st.wrap},
				{text(a.Desa.Code), b.st.text}, {text(unitName(a.Desa)), b.st.text}, {text(a.Desa.Kecamatan), b.st.text},
				{a.Fail, b.st.int}, {a.Percent, b.st.num}, {b.set.Target, b.st.num},
				{nil, b.st.text}, {nil, b.st.text}, {nil, b.st.text}, {nil, b.st.text}})
		}
	}
	b.table(sheet, 4, headers, widths, rows)
}
