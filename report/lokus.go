package report

import (
	"bytes"
	"cmp"
	"fmt"
	"io"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/ikk-tools/ikk/ikk"
)

// LokusReport is the desa lokus as the outputs show it: the ranked
// candidates, their rank stability, and the considerations for each desa
// chosen.
type LokusReport struct {
	Lokus *ikk.Lokus
	// Chosen are the justified desa, in the order given.
	Chosen    []*ikk.Justification
	Kabupaten string
	// Top is how many candidates the stability table shows; 0 is
	// ikk.LokusTop.
	Top int
}

func (rep *LokusReport) top() int {
	n := cmp.Or(rep.Top, ikk.LokusTop)
	return min(n, len(rep.Lokus.Candidates))
}

// lw says a word of the desa lokus.
func lw(lang, key string, kv ...string) string { return Say(lang, "lokus."+key, kv...) }

// LokusDocument writes the ranked candidates and the considerations as a
// document of DocFormats. It holds no personal data.
func LokusDocument(w io.Writer, rep *LokusReport, format, lang string) error {
	doc := &document{title: lw(lang, "title"), sections: []docSection{lokusSection(rep, lang, false)}}
	return renderDoc(w, doc, format)
}

// lokusSection is the desa lokus as a section of a document: in the
// annex (short), only the first candidates, since the annex's own table
// lists every desa.
func lokusSection(rep *LokusReport, lang string, short bool) docSection {
	l := rep.Lokus
	set := l.Set
	blocks := []docBlock{
		{kind: blockTitle, lines: []string{lw(lang, "title"), lw(lang, "title_index", withIndex(set, lang)...),
			lw(lang, "kab", "kabupaten", strings.ToUpper(rep.Kabupaten))}},
		{kind: blockPara, lines: lokusIntro(l, lang)},
	}
	rows := len(l.Candidates)
	if short {
		rows = rep.top()
	}
	if rows > 0 {
		blocks = append(blocks, docBlock{kind: blockTable, table: candidateTable(l, rows, false, lang)})
	}
	if t := stabilityTable(rep, lang); t != nil {
		blocks = append(blocks, docBlock{kind: blockNote, lines: []string{lw(lang, "stability", "top", countWord(rep.top(), lang))}},
			docBlock{kind: blockTable, table: t})
	}
	blocks = append(blocks, docBlock{kind: blockNote, lines: lokusNotes(l, lang)})
	for _, j := range rep.Chosen {
		blocks = append(blocks, docBlock{kind: blockPara, loose: true, lines: append([]string{lw(lang, "justify_head")}, justification(rep, j, lang)...)})
	}
	// In the annex, the small print after its signature says it already.
	if !short {
		blocks = append(blocks, docBlock{kind: blockSmall, lines: []string{dw(lang, "provenance", "set", cmp.Or(set.Name, set.ID), "version", set.Version)}})
	}
	return docSection{name: lw(lang, "sheet"), blocks: blocks}
}

// lokusIntro says the rules, how many desa meet them, and the order.
func lokusIntro(l *ikk.Lokus, lang string) []string {
	idx := withIndex(l.Set, lang)
	rules := lw(lang, "rules_none", idx...)
	if t := rulesText(l, lang); t != "" {
		rules = lw(lang, "rules", "rules", t)
	}
	order := lw(lang, "order_highest", idx...)
	if l.Lowest() {
		order = lw(lang, "order_lowest", idx...)
	}
	return []string{rules, countText(l, lang), order}
}

// rulesText lists the rules a candidate meets, "" when none was given.
func rulesText(l *ikk.Lokus, lang string) string {
	var rules []string
	if l.Rules.MinKK > 0 {
		rules = append(rules, lw(lang, "rule_min_kk", "min", Int(l.Rules.MinKK, lang)))
	}
	if len(l.Rules.Categories) > 0 {
		var names []string
		for _, id := range l.Rules.Categories {
			for _, c := range l.Set.Categories {
				if c.ID == id {
					names = append(names, c.Label)
				}
			}
		}
		rules = append(rules, lw(lang, "rule_category", "categories", strings.Join(names, lw(lang, "or"))))
	}
	if len(l.Rules.Kecamatan) > 0 {
		var names []string
		for _, k := range l.Rules.Kecamatan {
			names = append(names, lw(lang, "kecamatan_one", "name", unitName(k)))
		}
		rules = append(rules, lw(lang, "rule_kecamatan", "kecamatan", strings.Join(names, lw(lang, "or"))))
	}
	return joinWords(rules, lang)
}

// joinWords enumerates as a sentence does: "a", "a dan b", "a, b, dan c".
func joinWords(list []string, lang string) string {
	switch len(list) {
	case 0:
		return ""
	case 1:
		return list[0]
	case 2:
		return list[0] + lw(lang, "and2") + list[1]
	}
	return strings.Join(list[:len(list)-1], ", ") + lw(lang, "and3") + list[len(list)-1]
}

// countText accounts for every desa assessed: a candidate, or excluded for
// the first rule it fails.
func countText(l *ikk.Lokus, lang string) string {
	kv := []string{"assessed", Int(l.Assessed, lang), "eligible", Int(len(l.Candidates), lang)}
	if len(l.Excluded) == 0 {
		return lw(lang, "count", kv...)
	}
	var list []string
	for _, r := range ikk.LokusReasons {
		if n := l.ExcludedBy(r); n > 0 {
			list = append(list, lw(lang, "ex."+r, withIndex(l.Set, lang, "n", Int(n, lang), "min", Int(l.Rules.MinKK, lang))...))
		}
	}
	return lw(lang, "count_excluded", append(kv, "count", Int(len(l.Excluded), lang), "list", strings.Join(list, "; "))...)
}

// shareText writes a share as a percentage to one decimal, "93,4%" and
// "0,0%", the resolution of 1,000 resamples (two decimals when the
// resamples give them).
func shareText(v float64, lang string) string {
	t := strings.TrimSuffix(ikk.Round2Text(v*100), "0")
	return lw(lang, "share", "share", localize(t, lang))
}

func rangeText(iv *ikk.Interval, lang string) string {
	if iv == nil {
		return "–"
	}
	return lw(lang, "range", "low", Num(iv.Low, lang), "high", Num(iv.High, lang))
}

// candidateTable lists the first rows candidates; with code, the desa's
// code too (a terminal has the room a page lacks, and the annex's own
// table has the codes).
func candidateTable(l *ikk.Lokus, rows int, code bool, lang string) *docTable {
	t := &docTable{
		head: []string{lw(lang, "rank"), lw(lang, "kecamatan"), lw(lang, "desa"), lw(lang, "kk"),
			lw(lang, "ikk", withIndex(l.Set, lang)...), lw(lang, "interval"), lw(lang, "category"), lw(lang, "first")},
		// Extra room goes to the names, and some to every column: a sheet
		// lays two tables on one grid of columns, which may take a few
		// points off a column that has only what its text needs.
		widths: []float64{0.2, 1, 1, 0.2, 0.2, 0.3, 0.5, 0.2},
		size:   8.5,
		whole:  rows <= wholeRows,
	}
	if code {
		t.head = slices.Insert(t.head, 1, lw(lang, "code"))
		t.widths = slices.Insert(t.widths, 1, 0.2)
	}
	for _, c := range l.Candidates[:rows] {
		u := c.Unit
		first := textCell("–")
		if c.FirstShare != nil {
			first = shareCell(c.FirstShare[0], lang)
		}
		cells := []docCell{intCell(c.Rank, lang), textCell(u.Kecamatan),
			textCell(unitName(u)), intCell(u.Households, lang), numCell(u.IKK, lang), textCell(rangeText(c.Interval(), lang)),
			textCell(categoryShort(u.Category)), first}
		if code {
			cells = slices.Insert(cells, 1, textCell(orDash(u.Code)))
		}
		t.rows = append(t.rows, docRow{cells: cells})
	}
	return t
}

// wholeRows is the most rows a table may have to be kept on one page.
const wholeRows = 15

// shareCell is a share as a percentage a spreadsheet keeps as a number.
func shareCell(v float64, lang string) docCell {
	return docCell{text: shareText(v, lang), num: v, isNum: true, percent: true}
}

// stabilityTable shows the first candidates' shares under every
// weighting; nil when the set declares no alternative or the shares were
// not computed (the candidates table has the set's own).
func stabilityTable(rep *LokusReport, lang string) *docTable {
	l := rep.Lokus
	if len(l.Weightings) < 2 || l.Resamples == 0 || len(l.Candidates) == 0 {
		return nil
	}
	t := &docTable{head: []string{lw(lang, "rank"), lw(lang, "desa"), lw(lang, "kecamatan")}, size: 8.5, whole: true}
	for k, w := range l.Weightings {
		t.head = append(t.head, weightingLabel(w, k, lang))
	}
	for _, c := range l.Candidates[:rep.top()] {
		row := []docCell{intCell(c.Rank, lang), textCell(unitName(c.Unit)), textCell(c.Unit.Kecamatan)}
		for _, s := range c.FirstShare {
			row = append(row, shareCell(s, lang))
		}
		t.rows = append(t.rows, docRow{cells: row})
	}
	return t
}

// weightingLabel names a weighting where it heads a column or a line,
// with a capital: the set's label is written for the middle of a sentence.
func weightingLabel(w ikk.Weighting, k int, lang string) string {
	if k == 0 {
		return lw(lang, "own")
	}
	r, n := utf8.DecodeRuneInString(w.Label)
	return string(unicode.ToUpper(r)) + w.Label[n:]
}

// thresholdText is LokusClearShare as a percentage: "80%".
func thresholdText(lang string) string {
	return lw(lang, "share", "share", NumTrim(ikk.LokusClearShare*100, lang))
}

// lokusNotes say what the interval and the shares are, and each
// weighting's weights.
func lokusNotes(l *ikk.Lokus, lang string) []string {
	var out []string
	if l.Resamples > 0 {
		out = append(out, lw(lang, "note", withIndex(l.Set, lang, "resamples", Int(l.Resamples, lang), "threshold", thresholdText(lang))...))
	} else {
		out = append(out, lw(lang, "note_none"))
	}
	if len(l.Weightings) > 1 {
		for k, w := range l.Weightings {
			var ws []string
			for j, d := range l.Set.Dimensions {
				ws = append(ws, d.ID+" "+NumTrim(w.Weights[j], lang))
			}
			out = append(out, lw(lang, "weighting", "label", weightingLabel(w, k, lang), "weights", strings.Join(ws, ", ")))
		}
	}
	return out
}

// valueText is a candidate's index with its interval when there is one.
func valueText(c *ikk.Candidate, lang string) string {
	v := Num(c.Index[0], lang)
	if iv := c.Interval(); iv != nil {
		return lw(lang, "value_interval", "value", v, "low", Num(iv.Low, lang), "high", Num(iv.High, lang))
	}
	return v
}

// justification writes the considerations for a chosen desa, each a
// "bahwa" clause ending with a semicolon, for a legal section to paste.
// What it says follows the verdict: a desa is called first without
// reservation only when the resamples and the weightings bear it out.
func justification(rep *LokusReport, j *ikk.Justification, lang string) []string {
	l, c := j.Lokus, j.Chosen
	u := c.Unit
	dir := "highest"
	if l.Lowest() {
		dir = "lowest"
	}
	kv := withIndex(l.Set, lang, "kind", DesaKind(u, lang), "desa", unitName(u), "kecamatan", u.Kecamatan,
		"value", valueText(c, lang), "point", Num(c.Index[0], lang), "category", categoryLabel(u.Category), "families", Int(u.Households, lang),
		"rank", Int(c.Rank, lang), "eligible", Int(len(l.Candidates), lang), "assessed", Int(l.Assessed, lang),
		"kabupaten", rep.Kabupaten, "resamples", Int(l.Resamples, lang), "threshold", thresholdText(lang),
		"weak", weakText(j, lang), "dots", dots)
	if c.FirstShare != nil {
		kv = append(kv, "share", shareText(c.FirstShare[0], lang))
	}
	say := func(key string, more ...string) string { return lw(lang, "j."+key, append(more, kv...)...) }
	var out []string
	if rules := rulesText(l, lang); rules != "" {
		out = append(out, say("scope", "rules", rules))
	} else {
		out = append(out, say("scope_all"))
	}
	first := func(prefix string, f *ikk.Candidate) []string {
		return []string{prefix + "_kind", DesaKind(f.Unit, lang), prefix, unitName(f.Unit), prefix + "_kecamatan", f.Unit.Kecamatan}
	}
	// A tie as printed (two decimals): the index does not order the two,
	// and no clause may say that one has the highest (or lowest) value.
	tie := j.Verdict != ikk.JustifyNotFirst && j.Rival != nil && Num(j.Rival.Index[0], lang) == Num(c.Index[0], lang)
	switch {
	case j.Verdict == ikk.JustifyOnly:
		out = append(out, say("only"))
	case j.Verdict == ikk.JustifyNotFirst:
		out = append(out, say("not_first_"+dir, append(first("first", j.First), "first_value", Num(j.First.Index[0], lang))...))
	case tie:
		out = append(out, say("tie_"+dir, first("rival", j.Rival)...))
	default:
		out = append(out, say("first_"+dir))
	}
	switch j.Verdict {
	case ikk.JustifyClear:
		also, weights := "", ""
		for k := 1; k < len(l.Weightings); k++ {
			also += lw(lang, "j.also_"+dir, "label", l.Weightings[k].Label, "share", shareText(c.FirstShare[k], lang))
			weights = lw(lang, "j.nor_weights")
		}
		out = append(out, say("clear_"+dir, "also", also, "weights", weights))
	case ikk.JustifyClose:
		if j.Noise && tie {
			out = append(out, say("noise_tie"))
		} else if j.Noise {
			overlap := ""
			if j.Overlap {
				overlap = lw(lang, "j.overlap")
			}
			out = append(out, say("noise_"+dir, append(first("rival", j.Rival), "rival_value", Num(j.Rival.Index[0], lang), "overlap", overlap)...))
		}
		for _, k := range j.Sensitive {
			label := l.Weightings[k].Label
			if f := j.FirstUnder[k]; f != nil && f != c {
				out = append(out, say("other_"+dir, append(first("other", f), "label", label, "other_value", Num(f.Index[k], lang), "value", Num(c.Index[k], lang))...))
			} else if c.FirstShare != nil && !j.Noise {
				// Under the noise already said, that the share stays low
				// under another weighting adds nothing.
				out = append(out, say("weak_share_"+dir, "label", label, "share", shareText(c.FirstShare[k], lang)))
			}
		}
		if l.Resamples == 0 {
			out = append(out, say("unmeasured"))
		}
		out = append(out, say("close_"+dir))
	case ikk.JustifyNotFirst:
		out = append(out, say("not_first_end"))
	case ikk.JustifyUnmeasured:
		out = append(out, say("unmeasured"))
	}
	return append(out, say("end"))
}

func categoryLabel(c *ikk.Category) string {
	if c == nil {
		return "–"
	}
	return c.Label
}

// weakText names, for the desa most in need, its weakest dimension and
// indicators.
func weakText(j *ikk.Justification, lang string) string {
	if j.WeakDimension < 0 {
		return ""
	}
	u := j.Chosen.Unit
	kv := []string{"dimension", j.Lokus.Set.Dimensions[j.WeakDimension].Label, "dimvalue", Num(*u.Dimensions[j.WeakDimension], lang)}
	if len(j.WeakIndicators) == 0 {
		return lw(lang, "j.weak_dim", kv...)
	}
	var inds []string
	for _, p := range j.WeakIndicators {
		inds = append(inds, lw(lang, "j.indicator", "label", p.Indicator.Label, "percent", Num(p.Percent, lang)))
	}
	return lw(lang, "j.weak", append(kv, "indicators", joinWords(inds, lang))...)
}

// WriteLokusTable writes the desa lokus for a terminal: the rules and the
// accounting, the candidates, their stability, and the considerations,
// wrapped to width. A terminal narrower than the candidates' table drops
// their codes, then their categories (both are in the annex); width 0 (no
// terminal) keeps every column and wraps the text at 80 columns.
func WriteLokusTable(w io.Writer, rep *LokusReport, lang string, width int) error {
	term := width
	if width <= 0 {
		width = cardWidth
	}
	width = max(width, 40)
	para := func(s string) {
		for _, line := range wrapText(s, width) {
			fmt.Fprintln(w, line)
		}
	}
	l := rep.Lokus
	for _, s := range lokusIntro(l, lang) {
		para(s)
	}
	fmt.Fprintln(w)
	if len(l.Candidates) > 0 {
		t := candidateTable(l, len(l.Candidates), true, lang)
		category := slices.Index(t.head, lw(lang, "category"))
		narrower := []*grid{gridOf(t), gridOf(t).without(1), gridOf(t).without(category).without(1)}
		if err := fitted(narrower, term, w); err != nil {
			return err
		}
	}
	if t := stabilityTable(rep, lang); t != nil {
		fmt.Fprintln(w)
		para(lw(lang, "stability", "top", countWord(rep.top(), lang)))
		if err := gridOf(t).render(w, false); err != nil {
			return err
		}
	}
	fmt.Fprintln(w)
	for _, s := range lokusNotes(l, lang) {
		para(s)
	}
	for _, j := range rep.Chosen {
		fmt.Fprintln(w)
		para(lw(lang, "justify_head"))
		for _, s := range justification(rep, j, lang) {
			fmt.Fprintln(w)
			para(s)
		}
	}
	return nil
}

// fitted draws the first grid no wider than width (the last when none
// is; the first when width is 0).
func fitted(grids []*grid, width int, w io.Writer) error {
	var out bytes.Buffer
	for i, g := range grids {
		out.Reset()
		if err := g.render(&out, false); err != nil {
			return err
		}
		if width <= 0 || i == len(grids)-1 || widest(out.String()) <= width {
			break
		}
	}
	_, err := w.Write(out.Bytes())
	return err
}

func widest(s string) int {
	n := 0
	for _, l := range strings.Split(s, "\n") {
		n = max(n, utf8.RuneCountInString(l))
	}
	return n
}

// without is the grid without column j.
func (g *grid) without(j int) *grid {
	cut := func(v []string) []string { return slices.Delete(slices.Clone(v), j, j+1) }
	out := &grid{head: cut(g.head), numeric: slices.Delete(slices.Clone(g.numeric), j, j+1)}
	for _, r := range g.rows {
		out.rows = append(out.rows, cut(r))
	}
	return out
}

// gridOf is a document's table as the terminal draws it.
func gridOf(t *docTable) *grid {
	g := &grid{head: t.head, numeric: make([]bool, len(t.head))}
	for j := range t.head {
		g.numeric[j] = columnNumeric(t, j)
	}
	for _, r := range t.rows {
		cells := make([]string, len(r.cells))
		for j, c := range r.cells {
			cells[j] = c.text
		}
		g.add(cells...)
	}
	return g
}
