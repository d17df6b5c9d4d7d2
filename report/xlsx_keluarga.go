package report

import (
	"fmt"

	"github.com/ikk-tools/ikk/ikk"
	"github.com/xuri/excelize/v2"
)

// outcomeKeys name the catalogue's outcome words, in the order of ikk's
// outcomes.
var outcomeKeys = []string{"pass", "fail", "na", "blank", "invalid"}

// The Keluarga sheet is streamed while the households are scored: a row a
// household, written as it comes (Household).

func (b *Workbook) keluargaHeaders() []string {
	h := []string{b.w("no"), b.w("code"), b.w("kecamatan"), b.w("desa"), b.w("rt_col"), b.w("kk_no")}
	if b.personal {
		h = append(h, b.w("name"))
	}
	h = append(h, b.w("sex"), b.w("score"), b.w("category"), b.w("complete"))
	for _, ind := range b.set.Indicators {
		h = append(h, ind.ID)
	}
	return h
}

func (b *Workbook) keluargaWidths() []float64 {
	widths := []float64{7, 15, 16, 20, 6, 20}
	if b.personal {
		widths = append(widths, 24)
	}
	widths = append(widths, 9, 10, b.catWidth(), 9)
	// The outcomes are short codes (legend on Metodologi): 29 indicator
	// columns of full words would print the sheet at a third of its size.
	code := 4.0
	for _, o := range b.outcomes {
		code = max(code, textWidth(o))
	}
	for _, ind := range b.set.Indicators {
		widths = append(widths, max(code, textWidth(ind.ID)))
	}
	return widths
}

// startKeluarga starts the next Keluarga sheet: "Keluarga", then, past
// maxSheetRows, "Keluarga (2)" and so on, each with the header row and the
// same print setup.
func (b *Workbook) startKeluarga() error {
	sheet := b.w("keluarga")
	if n := len(b.kelSheets) + 1; n > 1 {
		sheet = fmt.Sprintf("%s (%d)", sheet, n)
		if err := b.kel.Flush(); err != nil {
			return err
		}
		if _, err := b.f.NewSheet(sheet); err != nil {
			return err
		}
	}
	sw := b.streamSheet(sheet, b.keluargaWidths(), 1)
	if b.err != nil {
		return b.err
	}
	b.kel, b.kelRow = sw, 1
	b.kelSheets = append(b.kelSheets, sheet)
	headers := b.keluargaHeaders()
	row := make([]any, len(headers))
	for j, h := range headers {
		row[j] = excelize.Cell{StyleID: b.st.header, Value: h}
	}
	b.check(sw.SetRow("A1", row, excelize.RowOpts{Height: 30}))
	return b.err
}

// Household writes one household to the Keluarga sheet: masked KK number
// unless personal data were asked for, its score, category and the outcome of
// each indicator. A full sheet continues on the next.
func (b *Workbook) Household(h *ikk.Household) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.err != nil {
		return
	}
	if b.kelRow >= maxSheetRows {
		if err := b.startKeluarga(); err != nil {
			b.check(err)
			return
		}
	}
	b.kelRow++
	b.households++
	kk := ikk.MaskKK(h.KK)
	if b.personal {
		kk = h.KK
	}
	row := []any{
		excelize.Cell{StyleID: b.st.int, Value: b.households}, text(h.DesaCode), text(h.Kecamatan), text(h.Desa), text(h.RT), text(kk),
	}
	if b.personal {
		row = append(row, text(h.Name))
	}
	var score, cat, complete any = nil, nil, b.w("no_")
	if h.Score != nil {
		score = excelize.Cell{StyleID: b.st.num, Value: *h.Score}
		cat = b.catText(h.Category)
	}
	if h.Complete {
		complete = b.w("yes")
	}
	row = append(row, text(h.Sex.String()), score, cat, complete)
	for _, o := range h.Outcomes {
		row = append(row, b.outcomes[o])
	}
	b.check(b.kel.SetRow(ref(1, b.kelRow), row))
}
