package report

import (
	"io"
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
	title := dw(lang, "plan.title")
	kab := dw(lang, "plan.kab", "kabupaten", strings.ToUpper(kabupaten))
	target := NumTrim(set.Target, lang) + "%"
	// The plan is wide (eleven columns, four of them to fill in): landscape.
	doc := &document{title: title, landscape: true}
	used := map[string]bool{}
	for _, p := range ikk.FollowUp(set, desa) {
		label := p.Sector.Label
		blocks := []docBlock{
			{kind: blockTitle, lines: []string{title, strings.ToUpper(label), kab}},
			{kind: blockPara, lines: []string{dw(lang, "plan.summary", "office", label, "indicators", Int(countIndicators(p), lang),
				"target", target, "desa", Int(len(p.Desa), lang), "families", Int(p.Families, lang))}},
			{kind: blockPara, lines: indicatorLines(p, lang)},
			{kind: blockTable, table: planTable(p, lang)},
			{kind: blockNote, lines: []string{dw(lang, "plan.affected_note", "target", target), dw(lang, "plan.fill")}},
		}
		name := p.Sector.Short
		if name == "" {
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

// planTable has a row per desa: the office plans a visit and a budget per
// desa, for the families affected there, each family once.
func planTable(p ikk.SectorPlan, lang string) *docTable {
	t := &docTable{
		head: []string{dw(lang, "plan.no"), dw(lang, "plan.code"), dw(lang, "plan.desa"), dw(lang, "plan.kecamatan"),
			dw(lang, "plan.kk"), dw(lang, "plan.affected"), dw(lang, "plan.problems"),
			dw(lang, "plan.kegiatan"), dw(lang, "plan.target_kegiatan"), dw(lang, "plan.anggaran"), dw(lang, "plan.waktu")},
		// The room left goes to the columns the office writes in.
		widths: []float64{0, 0, 0, 0, 0, 0, 1, 3, 1.5, 1.5, 1},
		fill:   []float64{0, 0, 0, 0, 0, 0, 0, 9, 6, 6, 4},
	}
	for i, n := range p.Desa {
		t.rows = append(t.rows, docRow{cells: []docCell{intCell(i+1, lang), textCell(orDash(n.Desa.Code)), textCell(unitName(n.Desa)),
			textCell(n.Desa.Kecamatan), intCell(n.Desa.Households, lang), intCell(n.Families, lang), textCell(problemList(n, lang)),
			emptyCell(), emptyCell(), emptyCell(), emptyCell()}})
	}
	return t
}

// problemList writes a desa's indicators below target for one office:
// "KF06 50,00% (312); KF05 60,00% (201)".
func problemList(n ikk.DesaNeed, lang string) string {
	var parts []string
	for _, ind := range n.Indicators {
		for _, pr := range n.Desa.Permasalahan {
			if pr.Indicator == ind {
				parts = append(parts, dw(lang, "plan.problem", "id", ind.ID, "percent", Num(pr.Percent, lang), "families", Int(pr.Fail, lang)))
			}
		}
	}
	return strings.Join(parts, "; ")
}

// indicatorLines name the office's indicators once, with their desa and
// families, so that the table can use the codes.
func indicatorLines(p ikk.SectorPlan, lang string) []string {
	lines := []string{dw(lang, "plan.indicators")}
	var order []*ikk.Indicator
	desa, fail := map[*ikk.Indicator]int{}, map[*ikk.Indicator]int{}
	for _, a := range p.Actions {
		if desa[a.Indicator] == 0 {
			order = append(order, a.Indicator)
		}
		desa[a.Indicator]++
		fail[a.Indicator] += a.Fail
	}
	for _, ind := range order {
		lines = append(lines, dw(lang, "plan.indicator_line", "id", ind.ID, "label", ind.Label, "desa", Int(desa[ind], lang), "families", Int(fail[ind], lang)))
	}
	return lines
}

func countIndicators(p ikk.SectorPlan) int {
	seen := map[*ikk.Indicator]bool{}
	for _, a := range p.Actions {
		seen[a.Indicator] = true
	}
	return len(seen)
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
