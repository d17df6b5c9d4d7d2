package report

import (
	"io"
	"slices"
	"strings"

	"github.com/ikk-tools/ikk/ikk"
)

// FollowUpPlan writes the rencana tindak lanjut of the given desa, one
// section (an Excel sheet, a Word section on a new page) per office, so that
// each office can be sent its own part. It holds no personal data.
func FollowUpPlan(w io.Writer, r *ikk.Result, desa []*ikk.Unit, kabupaten, format, lang string) error {
	return renderDoc(w, followUpDocument(r, desa, kabupaten, lang), format)
}

func followUpDocument(r *ikk.Result, desa []*ikk.Unit, kabupaten, lang string) *document {
	set := r.Set
	if kabupaten == "" {
		kabupaten = KabupatenName(r)
	}
	title := dw(lang, "plan.title", withIndex(set, lang)...)
	kab := dw(lang, "plan.kab", "kabupaten", strings.ToUpper(kabupaten))
	target := NumTrim(set.Target, lang) + "%"
	// The desa table is wide (a column per indicator): landscape.
	doc := &document{title: title, landscape: true}
	used := map[string]bool{}
	for _, p := range ikk.FollowUp(set, desa) {
		label := officeName(p.Sector, lang)
		inds := planIndicators(p)
		summary := "plan.summary"
		if p.Sector.Key == "" {
			summary = "plan.summary_unassigned"
		}
		blocks := []docBlock{
			{kind: blockTitle, lines: []string{title, strings.ToUpper(label), kab}},
			{kind: blockPara, lines: []string{dw(lang, summary, "office", label, "indicators", Int(len(inds), lang),
				"target", target, "desa", Int(len(p.Desa), lang), "families", Int(p.Families, lang))}},
			{kind: blockPara, lines: []string{dw(lang, "plan.actions_head")}},
			{kind: blockTable, table: actionTable(p, inds, lang)},
			{kind: blockNote, lines: []string{dw(lang, "plan.fill")}},
			{kind: blockPara, lines: []string{dw(lang, "plan.desa_head")}},
			{kind: blockTable, table: desaTable(p, inds, lang)},
			{kind: blockNote, lines: []string{dw(lang, "plan.affected_note", "target", target)}},
		}
		name := p.Sector.Short
		switch {
		case p.Sector.Key == "":
			name = dw(lang, "plan.unassigned_sheet")
		case name == "":
			name = label
		}
		doc.sections = append(doc.sections, docSection{name: sheetName(name, used), blocks: blocks})
	}
	if len(doc.sections) == 0 {
		doc.sections = []docSection{{name: dw(lang, "plan.sheet"), blocks: []docBlock{
			{kind: blockTitle, lines: []string{title, kab}},
			{kind: blockPara, lines: []string{dw(lang, "plan.none")}},
		}}}
	}
	return doc
}

// officeName is the office a part of the plan is for; the indicators for
// which the set names no office come under words of their own.
func officeName(t ikk.Tag, lang string) string {
	if t.Key == "" {
		return dw(lang, "plan.unassigned")
	}
	return t.Label
}

// planIndicator is one of an office's indicators below target somewhere:
// in how many desa, and the families failing it there (a family failing
// it is counted once for it; across indicators a family may recur).
type planIndicator struct {
	ind  *ikk.Indicator
	desa int
	fail int
}

// planIndicators lists the office's indicators in set order, from its
// actions.
func planIndicators(p ikk.SectorPlan) []planIndicator {
	var out []planIndicator
	at := map[*ikk.Indicator]int{}
	for _, a := range p.Actions {
		i, ok := at[a.Indicator]
		if !ok {
			i = len(out)
			at[a.Indicator] = i
			out = append(out, planIndicator{ind: a.Indicator})
		}
		out[i].desa++
		out[i].fail += a.Fail
	}
	return out
}

// actionTable is the matrix an office plans in: one row per weak
// indicator, as the rencana tindak lanjut is drawn up (an activity, its
// target, a budget line and a time for each indicator), with the columns
// to fill in. The desa it concerns follow in the desa table.
func actionTable(p ikk.SectorPlan, inds []planIndicator, lang string) *docTable {
	t := &docTable{
		head: []string{dw(lang, "plan.no"), dw(lang, "plan.indicator"), dw(lang, "plan.desa_count"), dw(lang, "plan.fail"),
			dw(lang, "plan.kegiatan"), dw(lang, "plan.target_kegiatan"), dw(lang, "plan.anggaran"), dw(lang, "plan.waktu")},
		// The room left goes to the columns the office writes in.
		widths: []float64{0, 0, 0, 0, 3, 1.5, 1.5, 1},
		fill:   []float64{0, 0, 0, 0, 12, 8, 8, 6},
	}
	for i, pi := range inds {
		t.rows = append(t.rows, docRow{cells: []docCell{intCell(i+1, lang), textCell(pi.ind.ID + " " + pi.ind.Label),
			intCell(pi.desa, lang), intCell(pi.fail, lang), emptyCell(), emptyCell(), emptyCell(), emptyCell()}})
	}
	return t
}

// desaTable has a row per desa where the office has something to do, its
// families affected counted once, and a column per indicator with the
// desa's achievement and the families failing it, a dash where the
// indicator meets the target there.
func desaTable(p ikk.SectorPlan, inds []planIndicator, lang string) *docTable {
	head := []string{dw(lang, "plan.no"), dw(lang, "plan.code"), dw(lang, "plan.desa"), dw(lang, "plan.kecamatan"),
		dw(lang, "plan.kk"), dw(lang, "plan.affected")}
	for _, pi := range inds {
		head = append(head, pi.ind.ID)
	}
	t := &docTable{head: head}
	for i, n := range p.Desa {
		cells := []docCell{intCell(i+1, lang), textCell(orDash(n.Desa.Code)), textCell(unitName(n.Desa)),
			textCell(n.Desa.Kecamatan), intCell(n.Desa.Households, lang), intCell(n.Families, lang)}
		for _, pi := range inds {
			cells = append(cells, textCell(problemCell(n, pi.ind, lang)))
		}
		t.rows = append(t.rows, docRow{cells: cells})
	}
	return t
}

// problemCell writes a desa's achievement of one indicator and the
// families failing it, "50,00 (312)", or "–" when it meets the target.
func problemCell(n ikk.DesaNeed, ind *ikk.Indicator, lang string) string {
	if !slices.Contains(n.Indicators, ind) {
		return "–"
	}
	for _, pr := range n.Desa.Permasalahan {
		if pr.Indicator == ind {
			return dw(lang, "plan.problem", "percent", Num(pr.Percent, lang), "families", Int(pr.Fail, lang))
		}
	}
	return "–"
}

// sheetName makes an office's short name a valid, unique Excel sheet name:
// at most 31 characters, none of : \ / ? * [ ], cut at a word when it must
// be cut.
func sheetName(label string, used map[string]bool) string {
	name := strings.Map(func(r rune) rune {
		if strings.ContainsRune(`:\/?*[]`, r) {
			return '-'
		}
		return r
	}, label)
	name = strings.Trim(name, "' ")
	if name == "" {
		name = "Instansi"
	}
	name = cutAtWord(name, 31)
	base := []rune(name)
	for i := 2; used[strings.ToLower(name)]; i++ {
		suffix := " (" + Int(i, "id") + ")"
		name = cutAtWord(string(base), 31-len(suffix)) + suffix
	}
	used[strings.ToLower(name)] = true
	return name
}

// cutAtWord shortens s to at most n runes, at a space when there is one.
func cutAtWord(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	cut := string(r[:n])
	if i := strings.LastIndexByte(cut, ' '); i > 0 && r[n] != ' ' {
		cut = cut[:i]
	}
	return strings.TrimSpace(cut)
}
