package report

import (
	"strconv"

	"github.com/ikk-tools/ikk/ikk"
	"github.com/xuri/excelize/v2"
)

func (b *Workbook) desaPrefix(u *ikk.Unit, n int) []cell {
	return []cell{{n, b.st.int}, {text(u.Code), b.st.text}, {text(u.Kecamatan), b.st.text}, {text(unitName(u)), b.st.text}, {u.Households, b.st.int}}
}

func (b *Workbook) desaHeaders() ([]string, []float64) {
	return []string{b.w("no"), b.w("code"), b.w("kecamatan"), b.w("desa"), b.w("kk")}, []float64{5, 14, 18, 24, 10}
}

func (b *Workbook) indikator(r *ikk.Result) {
	sheet := b.w("indikator")
	b.title(sheet, b.w("indikator")+" · "+b.w("percent"), r)
	headers, widths := b.desaHeaders()
	// Indicator ids as headers keep 29 columns printable on A4 landscape;
	// the labels are on the Metodologi sheet and the counts sheet.
	for _, ind := range b.set.Indicators {
		headers = append(headers, ind.ID)
		widths = append(widths, 7.5)
	}
	var rows [][]cell
	desa := r.Desa()
	for i, u := range desa {
		row := b.desaPrefix(u, i+1)
		for _, ir := range u.Indicators {
			row = append(row, cell{numOrNil(ir.Percent), b.st.num})
		}
		rows = append(rows, row)
	}
	const head = 4
	b.table(sheet, head, headers, widths, rows)
	if len(desa) > 0 {
		// A colour scale from red (0) through yellow (the target) to green (100).
		target := strconv.FormatFloat(b.set.Target, 'f', -1, 64)
		b.check(b.f.SetConditionalFormat(sheet, ref(6, head+1)+":"+ref(len(headers), head+len(desa)), []excelize.ConditionalFormatOptions{{
			Type: "3_color_scale", Criteria: "=", MinType: "num", MinValue: "0", MidType: "num", MidValue: target, MaxType: "num", MaxValue: "100",
			MinColor: "#F8696B", MidColor: "#FFEB84", MaxColor: "#63BE7B"}}))
	}
	b.counts(r)
}

// counts writes the outcome counts behind every achievement, one row per
// desa and indicator, on a sheet of their own.
func (b *Workbook) counts(r *ikk.Result) {
	sheet := b.w("counts_sheet")
	b.title(sheet, b.w("counts"), r)
	headers := []string{b.w("no"), b.w("code"), b.w("kecamatan"), b.w("desa"), b.w("indicator"), b.w("label"), b.w("pass"), b.w("fail"), b.w("na"), b.w("missing"), b.w("invalid"), b.w("percent")}
	var rows [][]cell
	for _, u := range r.Desa() {
		for i, ind := range b.set.Indicators {
			ir := u.Indicators[i]
			rows = append(rows, []cell{{len(rows) + 1, b.st.int}, {text(u.Code), b.st.text}, {text(u.Kecamatan), b.st.text}, {text(unitName(u)), b.st.text},
				{ind.ID, b.st.text}, {ind.Label, b.st.text}, {ir.Pass(), b.st.int}, {ir.Fail(), b.st.int}, {ir.NA(), b.st.int},
				{ir.Missing(), b.st.int}, {ir.Invalid(), b.st.int}, {numOrNil(ir.Percent), b.st.num}})
		}
	}
	b.table(sheet, 4, headers, []float64{6, 14, 18, 24, 9, 44, 10, 11, 11, 9, 10, 11}, rows)
}
