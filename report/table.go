package report

import (
	"bytes"
	"fmt"
	"io"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/ikk-tools/ikk/ikk"
	"github.com/olekukonko/tablewriter"
	"github.com/olekukonko/tablewriter/renderer"
	"github.com/olekukonko/tablewriter/tw"
)

// grid is a table to render: headers, which columns are numbers (right
// aligned), and rows.
type grid struct {
	head    []string
	numeric []bool
	rows    [][]string
}

func (g *grid) add(cells ...string) { g.rows = append(g.rows, cells) }

// render draws the grid with tablewriter as a box table or as Markdown. The
// header is kept as written (tablewriter upper-cases it by default), and
// Markdown cells are escaped here because tablewriter does not.
func (g *grid) render(w io.Writer, markdown bool) error {
	align := make([]tw.Align, len(g.head))
	for i := range align {
		align[i] = tw.AlignLeft
		if g.numeric[i] {
			align[i] = tw.AlignRight
		}
	}
	opts := []tablewriter.Option{
		tablewriter.WithHeaderAutoFormat(tw.Off),
		tablewriter.WithRowAutoWrap(tw.WrapNone),
		tablewriter.WithHeaderAutoWrap(tw.WrapNone),
		tablewriter.WithRowAlignmentConfig(tw.CellAlignment{PerColumn: align}),
		tablewriter.WithHeaderAlignmentConfig(tw.CellAlignment{PerColumn: align}),
	}
	esc := func(s string) string { return s }
	if markdown {
		opts = append(opts, tablewriter.WithRenderer(renderer.NewMarkdown()))
		esc = MarkdownCell
	} else {
		opts = append(opts, tablewriter.WithRenderer(renderer.NewBlueprint()))
	}
	t := tablewriter.NewTable(w, opts...)
	head := make([]any, len(g.head))
	for i, h := range g.head {
		head[i] = esc(h)
	}
	t.Header(head...)
	for _, r := range g.rows {
		// tablewriter keeps a reference to each row: give it a fresh slice.
		cells := make([]string, len(r))
		for i, c := range r {
			cells[i] = esc(c)
		}
		if err := t.Append(cells); err != nil {
			return err
		}
	}
	return t.Render()
}

var mdCellReplacer = strings.NewReplacer(`\`, `\\`, "|", `\|`, "\r\n", " ", "\n", " ", "\r", " ")

// MarkdownCell escapes a cell for a Markdown table: pipes, backslashes and
// line breaks would otherwise break the row.
func MarkdownCell(s string) string {
	return strings.TrimSpace(mdCellReplacer.Replace(s))
}

// word is a text of the terminal table and the Markdown summary, from the
// catalogue (catalog_table.go).
func word(lang, key string) string { return Say(lang, "table."+key) }

func categoryText(c *ikk.Category) string {
	if c == nil {
		return "–"
	}
	return strconv.Itoa(c.ID) + " " + c.Label
}

// unitName is how a unit is named in a table: its name, else its code.
func unitName(u *ikk.Unit) string {
	switch {
	case u.Name != "":
		return u.Name
	case u.Code != "":
		return u.Code
	}
	return "–"
}

// totalsGrid is the kecamatan and kabupaten totals, the kabupaten last as
// the grand total; the category by its number and short name when short.
func totalsGrid(r *ikk.Result, lang string, short bool) *grid {
	return totalsGridFit(r, lang, tableFit{short: short})
}

// totalsGridFit is totalsGrid laid out as fit says (short categories, no
// interval column).
func totalsGridFit(r *ikk.Result, lang string, fit tableFit) *grid {
	short := fit.short
	g := &grid{
		head:    []string{word(lang, "level"), word(lang, "code"), word(lang, "kecamatan") + "/" + word(lang, "kabupaten"), word(lang, "kk"), indexWord(r.Set, lang), word(lang, "category")},
		numeric: []bool{false, false, false, true, true, false},
	}
	var units []*ikk.Unit
	for _, level := range []string{ikk.LevelKecamatan, ikk.LevelKabupaten} {
		for _, u := range r.Units {
			if u.Level != level {
				continue
			}
			cat := categoryText(u.Category)
			if short {
				cat = categoryShort(u.Category)
			}
			g.add(levelWord(u.Level, lang), u.Code, unitName(u), Int(u.Households, lang), NumPtr(u.IKK, lang), cat)
			units = append(units, u)
		}
	}
	if !fit.noInterval {
		withInterval(g, r, units, 4, lang)
	}
	return g
}

func levelWord(level, lang string) string { return Say(lang, "table.level_"+level) }

// tableFit is how much a ranked table holds: the dimension columns, the
// category in full or short, and, narrowest, no kecamatan column (the
// code names it) with a short header for the families.
type tableFit struct{ dims, short, narrow, noInterval bool }

// withInterval puts the 95% interval of each unit's index after the
// index column (col), when the run computed intervals: a ranking of a desa
// of 40 families beside one of 1,500 needs it.
func withInterval(g *grid, r *ikk.Result, units []*ikk.Unit, col int, lang string) {
	if r.Resamples == 0 {
		return
	}
	g.head = slices.Insert(g.head, col+1, word(lang, "interval"))
	g.numeric = slices.Insert(g.numeric, col+1, true)
	for i, u := range units { // one per row; nil for the gap of a cut ranking
		text := ""
		if u != nil {
			text = "–"
			if u.Uncertainty != nil {
				text = IntervalText(u.Uncertainty.IKK, lang)
			}
		}
		g.rows[i] = slices.Insert(g.rows[i], col+1, text)
	}
}

// desaGrid is the ranked desa table, laid out as fit says.
func desaGrid(r *ikk.Result, lang string, top int, fit tableFit) *grid {
	dims, short := fit.dims, fit.short
	g := &grid{
		head:    []string{word(lang, "rank"), word(lang, "code"), word(lang, "kecamatan"), word(lang, "desa"), word(lang, "kk"), indexWord(r.Set, lang), word(lang, "category")},
		numeric: []bool{true, false, false, false, true, true, false},
	}
	if dims {
		for _, d := range r.Set.Dimensions {
			g.head = append(g.head, d.ID)
			g.numeric = append(g.numeric, true)
		}
	}
	ranked := ikk.RankDesa(r)
	var units []*ikk.Unit // per row; nil for the gap
	for i, x := range ranked {
		if top > 0 && len(ranked) > 2*top && i >= top && i < len(ranked)-top {
			if i == top {
				gap := make([]string, len(g.head))
				gap[0] = "…"
				g.add(gap...)
				units = append(units, nil)
			}
			continue
		}
		units = append(units, x.Unit)
		u, rank := x.Unit, "–"
		if x.Rank > 0 {
			rank = strconv.Itoa(x.Rank)
		}
		cat := categoryText(u.Category)
		if short {
			cat = categoryShort(u.Category)
		}
		row := []string{rank, u.Code, u.Kecamatan, unitName(u), Int(u.Households, lang), NumPtr(u.IKK, lang), cat}
		if dims {
			for k := range r.Set.Dimensions {
				var v *float64
				if k < len(u.Dimensions) {
					v = u.Dimensions[k]
				}
				row = append(row, NumPtr(v, lang))
			}
		}
		g.add(row...)
	}
	if !fit.noInterval {
		withInterval(g, r, units, 5, lang)
	}
	if fit.narrow {
		g.drop(2)
		g.head[3] = word(lang, "kk_short")
	}
	return g
}

// drop removes column j of the grid.
func (g *grid) drop(j int) {
	g.head = slices.Delete(g.head, j, j+1)
	g.numeric = slices.Delete(g.numeric, j, j+1)
	for i := range g.rows {
		g.rows[i] = slices.Delete(g.rows[i], j, j+1)
	}
}

// renderFitting draws the ranked desa table as wide as the terminal
// allows: with the dimension columns when they fit, the category short
// when the full label does not; without a terminal (width 0), as it always
// was. No cell is ever cut: a table that fits nowhere is drawn narrowest.
func renderFitting(w io.Writer, r *ikk.Result, lang string, top, width int) error {
	if width <= 0 {
		return desaGrid(r, lang, top, tableFit{}).render(w, false)
	}
	var last bytes.Buffer
	for _, fit := range []tableFit{{dims: true}, {dims: true, short: true}, {}, {short: true}, {short: true, narrow: true}, {short: true, narrow: true, noInterval: true}} {
		last.Reset()
		if err := desaGrid(r, lang, top, fit).render(&last, false); err != nil {
			return err
		}
		if maxLineWidth(last.String()) <= width {
			break
		}
	}
	_, err := w.Write(last.Bytes())
	return err
}

// fitTotals is the totals table as wide as the terminal allows: full
// categories when they fit, else short ones, else without the interval.
func fitTotals(r *ikk.Result, lang string, width int) *grid {
	var g *grid
	for _, fit := range []tableFit{{}, {short: true}, {short: true, noInterval: true}} {
		g = totalsGridFit(r, lang, fit)
		var b bytes.Buffer
		if width <= 0 || (g.render(&b, false) == nil && maxLineWidth(b.String()) <= width) {
			break
		}
	}
	return g
}

// maxLineWidth is the widest line of s, in runes (the table's characters
// are each one column wide).
func maxLineWidth(s string) int {
	m := 0
	for _, l := range strings.Split(s, "\n") {
		m = max(m, utf8.RuneCountInString(l))
	}
	return m
}

// UndefinedReason says why a unit has no IKK: the dimensions without data.
func UndefinedReason(u *ikk.Unit, lang string) string {
	if len(u.UndefinedDimensions) == 0 {
		return ""
	}
	return Say(lang, "table.undefined", "dimensions", strings.Join(u.UndefinedDimensions, ", "))
}

// undefinedLines explains every desa, kecamatan and kabupaten without an IKK.
func undefinedLines(r *ikk.Result, lang string) []string {
	var lines []string
	for _, u := range r.Units {
		if u.IKK != nil || u.Level == ikk.LevelRT {
			continue
		}
		lines = append(lines, fmt.Sprintf("%s %s %s: %s", indexWord(r.Set, lang), levelWord(u.Level, lang), unitName(u), UndefinedReason(u, lang)))
	}
	return lines
}

// CutoffText states the category cut-offs as the annex writes them:
// "1 = Kurang ...: IKK < 60,00; 2 = Cukup ...: 60,00 ≤ IKK < 75,00; ...".
func CutoffText(set *ikk.Set, lang string) string {
	return strings.Join(categoryLegend(set, lang), "; ")
}

// ParamText lists the parameters used, e.g. "garis_kemiskinan = 582.932".
func ParamText(set *ikk.Set, lang string) string {
	var parts []string
	for _, p := range set.Parameters {
		parts = append(parts, p.Name+" = "+NumTrim(p.Value, lang))
	}
	return strings.Join(parts, "; ")
}

// maxIssuesShown bounds the issues listed under a table.
const maxIssuesShown = 10

// IssueLine describes an issue in one line in lang, as people read it:
// where it is, the short name of its code and what it says.
func IssueLine(is ikk.Issue, lang string) string {
	var b strings.Builder
	b.WriteString(is.File)
	if is.Sheet != "" {
		b.WriteString(Say(lang, "issue_line.sheet", "sheet", strconv.Quote(is.Sheet)))
	}
	b.WriteString(Say(lang, "issue_line.row", "row", strconv.Itoa(is.Row)))
	if is.Column != "" {
		b.WriteString(Say(lang, "issue_line.column", "column", is.Column))
		if is.Cell != "" {
			fmt.Fprintf(&b, " (%s)", is.Cell)
		}
	}
	if is.Value != "" {
		b.WriteString(Say(lang, "issue_line.value", "value", strconv.Quote(is.Value)))
	}
	fmt.Fprintf(&b, ": %s: %s", IssueName(lang, is.Code), IssueText(lang, is))
	return b.String()
}

// Table writes the terminal summary: the desa, the kecamatan and kabupaten
// totals, the cut-offs and parameters used, and the data issues.
func Table(w io.Writer, r *ikk.Result, m Meta) error {
	lang := m.Lang
	cards := m.Cards
	if all := r.Desa(); len(cards) == 0 && len(all) == 1 {
		cards = all
	}
	if len(cards) > 0 {
		return writeCards(w, r, cards, lang)
	}
	if err := renderFitting(w, r, lang, m.Top, m.Width); err != nil {
		return err
	}
	fmt.Fprintln(w)
	totals := fitTotals(r, lang, m.Width)
	if err := totals.render(w, false); err != nil {
		return err
	}
	for _, line := range undefinedLines(r, lang) {
		fmt.Fprintf(w, "\n%s", line)
	}
	var foot bytes.Buffer
	fmt.Fprintf(&foot, "\n%s: %s\n", word(lang, "set"), setText(r.Set, lang))
	fmt.Fprintf(&foot, "%s: %s\n", word(lang, "cutoffs"), CutoffText(r.Set, lang))
	if len(r.Set.Parameters) > 0 {
		fmt.Fprintf(&foot, "%s: %s\n", word(lang, "params"), ParamText(r.Set, lang))
	}
	writeIssues(&foot, r, lang, "")
	_, err := io.WriteString(w, foldLines(foot.String(), m.Width))
	return err
}

// writeIssues lists the accounting, the issue counts by code and the first
// issues, each line after prefix.
func writeIssues(w io.Writer, r *ikk.Result, lang, prefix string) {
	s := r.Summary
	fmt.Fprintf(w, "%s%s\n", prefix, Say(lang, "table.rows", "rows", Int(s.RowsRead, lang), "scored", Int(s.Scored, lang), "rejected", Int(s.Rejected, lang), "blank", Int(s.Blank, lang)))
	total := r.IssueTotal()
	if total == 0 {
		fmt.Fprintf(w, "%s%s: %s\n", prefix, word(lang, "issues"), word(lang, "none"))
		return
	}
	var codes []string
	for c := range r.IssueCounts {
		codes = append(codes, c)
	}
	sort.Strings(codes)
	var parts []string
	for _, c := range codes {
		parts = append(parts, fmt.Sprintf("%s %s", Int(r.IssueCounts[c], lang), IssueName(lang, c)))
	}
	fmt.Fprintf(w, "%s%s: %s (%s)\n", prefix, word(lang, "issues"), Int(total, lang), strings.Join(parts, ", "))
	for i, is := range r.Issues.All() {
		if i == maxIssuesShown {
			fmt.Fprintf(w, "%s  %s\n", prefix, Say(lang, "table.more", "count", Int(total-maxIssuesShown, lang)))
			break
		}
		fmt.Fprintf(w, "%s  %s\n", prefix, IssueLine(is, lang))
	}
}

// MarkdownText escapes running text so that survey values cannot turn into
// Markdown markup.
func MarkdownText(s string) string {
	s = mdTextReplacer.Replace(s)
	// "<" stays readable as plain text ("< 60,00") unless it could open an
	// HTML tag.
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '<' && i+1 < len(s) && (isLetter(s[i+1]) || s[i+1] == '/' || s[i+1] == '!') {
			b.WriteString("&lt;")
			continue
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

// mdTextReplacer also folds line breaks: a survey value's line break would
// end a heading, a list item or the line of a table row.
var mdTextReplacer = strings.NewReplacer(`\`, `\\`, "*", `\*`, "_", `\_`, "`", "\\`", "|", `\|`, "[", `\[`, "#", `\#`,
	"\r\n", " ", "\n", " ", "\r", " ")

func isLetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

// foldLines breaks the lines of text longer than width at spaces, as a
// terminal would not: a terminal breaks inside words. A continuation is
// indented four columns past its line's own indent. Width 0 leaves text
// as it is.
func foldLines(text string, width int) string {
	if width <= 0 {
		return text
	}
	var b strings.Builder
	for i, line := range strings.Split(text, "\n") {
		if i > 0 {
			b.WriteByte('\n')
		}
		if utf8.RuneCountInString(line) <= width {
			b.WriteString(line)
			continue
		}
		indent := line[:len(line)-len(strings.TrimLeft(line, " "))]
		for k, l := range wrapText(line, width-len(indent)-4) {
			if k > 0 {
				b.WriteString("\n    ")
			}
			b.WriteString(indent + l)
		}
	}
	return b.String()
}
