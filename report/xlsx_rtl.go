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
	plans := ikk.FollowUp(b.set, r.Desa())
	var rows [][]cell
	for _, plan := range plans {
		for _, a := range plan.Actions {
			rows = append(rows, []cell{{len(rows) + 1, b.st.int}, {officeName(plan.Sector, b.meta.Lang), b.st.wrap}, {a.Indicator.ID, b.st.text}, {a.Indicator.Label, b.st.wrap},
				{text(a.Desa.Code), b.st.text}, {text(unitName(a.Desa)), b.st.text}, {text(a.Desa.Kecamatan), b.st.text},
				{a.Fail, b.st.int}, {a.Percent, b.st.num}, {b.set.Target, b.st.num},
				{nil, b.st.text}, {nil, b.st.text}, {nil, b.st.text}, {nil, b.st.text}})
		}
	}
	const head = 4
	b.table(sheet, head, headers, widths, rows)
	if len(plans) > 0 {
		b.rtlOffices(sheet, head+len(rows)+2, plans, widths)
	}
}

// rtlOffices writes, under the actions, each office's families affected
// counted once: a family failing three of an office's indicators is one
// family to visit, and the rows above (one an indicator and desa) cannot be
// summed to it. The block stays out of the table's filter range, and its
// columns sit under the table's (No, Instansi, Indikator, Desa/Kelurahan,
// KK terdampak), so that the table's header, repeated on a printed page,
// still names them.
func (b *Workbook) rtlOffices(sheet string, top int, plans []ikk.SectorPlan, widths []float64) {
	const cols = 8 // A (No) to H (KK terdampak)
	b.check(b.f.SetCellValue(sheet, ref(1, top), b.w("rtl_offices")))
	b.check(b.f.SetCellStyle(sheet, ref(1, top), ref(1, top), b.st.textBold))
	head := make([]cell, cols)
	head[0], head[1], head[2], head[5], head[7] = cell{v: b.w("no")}, cell{v: b.w("sector")}, cell{v: b.w("rtl_indicators")},
		cell{v: b.w("rtl_desa")}, cell{v: b.w("rtl_families")}
	for j := range head {
		head[j].style = b.st.header
	}
	b.rtlRow(sheet, top+1, head, widths, 32)
	for i, p := range plans {
		row := make([]cell, cols)
		for j := range row {
			row[j].style = b.st.text
		}
		row[0], row[1], row[2], row[5], row[7] = cell{i + 1, b.st.int}, cell{officeName(p.Sector, b.meta.Lang), b.st.wrap}, cell{len(planIndicators(p)), b.st.int},
			cell{len(p.Desa), b.st.int}, cell{p.Families, b.st.int}
		b.rtlRow(sheet, top+2+i, row, widths, 0)
	}
	note := top + 2 + len(plans)
	b.check(b.f.MergeCell(sheet, ref(1, note), ref(len(widths), note)))
	b.check(b.f.SetCellValue(sheet, ref(1, note), b.w("rtl_note")))
	b.check(b.f.SetCellStyle(sheet, ref(1, note), ref(len(widths), note), b.st.note))
	b.check(b.f.SetRowHeight(sheet, note, 30))
}

// rtlRow writes a row of cells from column A, as tall as its wrapped text
// needs (and at least minPt points).
func (b *Workbook) rtlRow(sheet string, row int, cells []cell, widths []float64, minPt float64) {
	lines := 1
	for j, c := range cells {
		if c.v != nil {
			b.check(b.f.SetCellValue(sheet, ref(j+1, row), c.v))
		}
		b.check(b.f.SetCellStyle(sheet, ref(j+1, row), ref(j+1, row), c.style))
		if c.style == b.st.wrap || c.style == b.st.header {
			lines = max(lines, wrappedLines(c.v, widths[j]))
		}
	}
	if h := max(minPt, 13.5*float64(lines)+2); h > 15 {
		b.check(b.f.SetRowHeight(sheet, row, h))
	}
}
