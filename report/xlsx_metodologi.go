package report

import (
	"fmt"
	"strings"

	"github.com/ikk-tools/ikk/ikk"
)

func (b *Workbook) metodologi(r *ikk.Result) {
	sheet := b.w("metodologi")
	lang := b.meta.Lang
	b.title(sheet, b.w("metodologi"), r)
	kv := [][2]string{
		{b.w("set"), fmt.Sprintf("%s %s (%s), %s", b.set.ID, b.set.Version, b.set.Name, b.set.Source)},
		{b.w("set") + " SHA-256", b.set.SHA256},
		{b.w("tool"), b.meta.ToolVersion},
		{b.w("target"), NumTrim(b.set.Target, lang)},
		{b.w("share"), NumTrim(100*b.set.MinAnsweredShare, lang) + "%"},
		{b.w("legend"), CutoffText(b.set, lang)},
		{b.w("outcome_legend"), b.outcomeLegend()},
	}
	if r.Resamples > 0 {
		kv = append(kv, [2]string{b.w("interval_method"), b.say("interval_method_text", "resamples", Int(r.Resamples, lang),
			"seed", ikk.BootstrapSeed, "few", Int(ikk.FewFamiliesBelow, lang), "thin", Int(ikk.ThinIndicatorBelow, lang))})
	}
	if b.meta.Date != "" {
		kv = append(kv, [2]string{b.w("date"), b.meta.Date})
	}
	if len(b.kelSheets) > 1 {
		kv = append(kv, [2]string{b.w("keluarga_sheets"), b.say("keluarga_cont",
			"households", Int(b.households, lang), "sheets", strings.Join(b.kelSheets, ", "), "max", Int(maxSheetRows-1, lang))})
	}
	for _, p := range b.set.Parameters {
		label := p.Name
		if p.Label != "" {
			label += " (" + p.Label + ")"
		}
		v := NumTrim(p.Value, lang)
		if p.Source != "" {
			v += " · " + p.Source
		}
		kv = append(kv, [2]string{b.w("param") + ": " + label, v})
	}
	row := 4
	for _, x := range kv {
		b.check(b.f.SetCellValue(sheet, ref(1, row), x[0]))
		b.check(b.f.SetCellStyle(sheet, ref(1, row), ref(1, row), b.st.subtitle))
		b.check(b.f.SetCellValue(sheet, ref(4, row), x[1]))
		row++
	}
	b.check(b.f.MergeCell(sheet, ref(1, row), ref(6, row)))
	note := "method_note"
	if b.set.FamilyFirst() {
		note = "method_note_family"
	}
	b.check(b.f.SetCellValue(sheet, ref(1, row), b.say(note, "all_dimensions", allOf(len(b.set.Dimensions), lang))))
	b.check(b.f.SetCellStyle(sheet, ref(1, row), ref(6, row), b.st.note))
	b.check(b.f.SetRowHeight(sheet, row, 45))
	row += 2
	headers := []string{b.w("indicator"), b.w("dimension"), b.w("label"), b.w("question"), b.w("rule"), b.w("applies"), b.w("weight"), b.w("provenance"), b.w("source"), b.w("sectors")}
	var rows [][]cell
	for _, ind := range b.set.Indicators {
		source := ind.SourceNote
		if ind.Item != "" {
			source = ind.Item + " · " + source
		}
		rows = append(rows, []cell{{ind.ID, b.st.text}, {ind.Dimension, b.st.text}, {ind.Label, b.st.wrap}, {ind.Question, b.st.wrap},
			{RuleText(lang, b.set, ind.Rule), b.st.wrap}, {AppliesText(lang, b.set, ind), b.st.wrap}, {ind.Weight, b.st.num}, {ind.Status, b.st.text},
			{source, b.st.wrap}, {b.sectorLabels(ind.Sectors), b.st.wrap}})
	}
	b.table(sheet, row, headers, []float64{9, 9, 24, 40, 30, 18, 7, 13, 36, 36}, rows)
	row += len(rows) + 2
	b.check(b.f.SetCellValue(sheet, ref(1, row), b.w("input_files")))
	b.check(b.f.SetCellStyle(sheet, ref(1, row), ref(1, row), b.st.textBold))
	for _, in := range r.Inputs {
		row++
		b.writeRow(sheet, row, []cell{{in.Path, b.st.text}, {in.SHA256, b.st.text}})
	}
}

// outcomeLegend spells out the Keluarga sheet's outcome codes.
func (b *Workbook) outcomeLegend() string {
	words := []string{b.w("pass"), b.w("fail"), b.w("na"), b.w("missing"), b.w("invalid")}
	parts := make([]string, len(b.outcomes))
	for i, code := range b.outcomes {
		parts[i] = code + " = " + strings.ToLower(words[i])
	}
	return strings.Join(parts, "; ")
}
