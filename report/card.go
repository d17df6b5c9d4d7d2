package report

import (
	"bytes"
	"cmp"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/ikk-tools/ikk/ikk"
)

// The village card: what an analyst asks of one desa, on a terminal. It is
// plain text within 80 columns (the bars are ASCII, so that a Windows
// console shows them, and marks say in words what a colour would), written
// when the input holds one desa or with --desa.

// cardWidth is the width the card is laid out for: an 80-column terminal.
const cardWidth = 80

// barCells is the number of cells of a bar from 0 to 100: 5 points a cell.
const barCells = 20

// writeCards writes a card per desa, then the run's accounting and issues.
func writeCards(w io.Writer, r *ikk.Result, desa []*ikk.Unit, lang string) error {
	for i, u := range desa {
		if i > 0 {
			fmt.Fprintln(w)
		}
		c := &card{w: w, r: r, set: r.Set, u: u, lang: lang}
		c.write()
	}
	var foot bytes.Buffer
	fmt.Fprintln(&foot)
	fmt.Fprintf(&foot, "%s: %s\n", word(lang, "set"), setText(r.Set, lang))
	if len(desa) < len(r.Desa()) {
		fmt.Fprintln(&foot, Say(lang, "card.whole_input", "desa", Int(len(r.Desa()), lang)))
	}
	writeIssues(&foot, r, lang, "")
	_, err := io.WriteString(w, foldLines(foot.String(), cardWidth))
	return err
}

type card struct {
	w    io.Writer
	r    *ikk.Result
	set  *ikk.Set
	u    *ikk.Unit
	lang string
}

func (c *card) say(key string, kv ...string) string {
	return Say(c.lang, "card."+key, withIndex(c.set, c.lang, kv...)...)
}

func (c *card) line(s string) { fmt.Fprintln(c.w, s) }

func (c *card) write() {
	u := c.u
	c.line(strings.Repeat("=", cardWidth))
	c.wrap(c.say("title", "kind", DesaKind(u, c.lang), "desa", unitName(u), "code", orDash(u.Code), "kecamatan", orDash(withoutKind(u.Kecamatan, "kecamatan")),
		"kabupaten", orDash(withoutKind(u.Kabupaten, "kabupaten"))), "")
	c.line(strings.Repeat("=", cardWidth))
	c.wrap(c.say("families", "scored", Int(u.Households, c.lang), "incomplete", Int(u.Incomplete, c.lang)), "")
	if u.IKK != nil {
		c.wrap(c.say("ikk", "ikk", Num(*u.IKK, c.lang), "category", categoryText(u.Category)), "")
	} else {
		c.wrap(c.say("ikk_none", "reason", UndefinedReason(u, c.lang)), "")
	}
	c.wrap(c.say("cutoffs", "cutoffs", cutoffShort(c.set, c.lang)), "  ")
	c.interval()
	c.dimensions()
	c.lenses()
	c.categories()
	c.problems()
	c.quality()
}

// dimensions lists the five dimension indices, each with a bar and its
// place against the target.
func (c *card) dimensions() {
	c.line("")
	c.wrap(c.say("dimensions", "target", NumTrim(c.set.Target, c.lang)), "")
	rows := make([][2]string, len(c.set.Dimensions))
	for i, d := range c.set.Dimensions {
		rows[i] = [2]string{d.ID + " " + d.Label, ""}
	}
	c.barRows(rows, c.u.Dimensions)
	if unc := c.u.Uncertainty; unc != nil {
		var parts []string
		for i, d := range c.set.Dimensions {
			if i < len(unc.Dimensions) && unc.Dimensions[i] != nil {
				parts = append(parts, d.ID+" "+IntervalText(unc.Dimensions[i], c.lang))
			}
		}
		if len(parts) > 0 {
			// A dimension and its interval stay on one line.
			line := "  " + c.say("dimension_intervals", "list", parts[0])
			for _, p := range parts[1:] {
				if utf8.RuneCountInString(line)+3+utf8.RuneCountInString(p) > cardWidth {
					c.line(line + " ·")
					line = "    " + p
					continue
				}
				line += " · " + p
			}
			c.line(line)
		}
	}
}

// interval says, below the index, how sure it is: its 95% interval and the
// share of resamples in another category, then the plain warnings of a
// value resting on few families.
func (c *card) interval() {
	unc := c.u.Uncertainty
	if unc == nil {
		return
	}
	if unc.IKK != nil {
		c.wrap(c.say("interval", "interval", IntervalText(unc.IKK, c.lang), "resamples", Int(unc.Resamples, c.lang),
			"share", SharePercent(unc.OtherCategory, c.lang)), "  ")
	}
	for _, l := range UncertaintyFlags(c.set, c.u, c.lang) {
		c.wrap(l, "  ")
	}
}

// lenses lists the family functions, then the other lenses; the gender
// lens with its split by the sex of the head of the family.
func (c *card) lenses() {
	if len(c.u.Lenses) == 0 {
		return
	}
	c.line("")
	c.line(c.say("lenses"))
	var rows [][2]string
	for _, f := range c.set.Functions {
		rows = append(rows, [2]string{f.Label, ""})
	}
	for _, l := range c.set.Lenses {
		rows = append(rows, [2]string{l.Label, ""})
	}
	c.barRows(rows, c.u.Lenses)
	for _, l := range c.set.Lenses {
		if l.Key != "gender" {
			continue
		}
		s := c.u.BySex
		c.wrap(c.say("by_sex", "lens", l.Label,
			"male", Int(s[0].Households, c.lang), "male_lens", NumPtr(s[0].Gender, c.lang),
			"female", Int(s[1].Households, c.lang), "female_lens", NumPtr(s[1].Gender, c.lang)), "    ")
	}
}

// barRows writes one line per value: its label, the value, a bar from 0 to
// 100 with the target marked, and whether it reaches the target.
func (c *card) barRows(rows [][2]string, values []*float64) {
	marks := []string{c.say("no_value"), c.say("below"), c.say("reached")}
	markWidth := 0
	for _, m := range marks {
		markWidth = max(markWidth, utf8.RuneCountInString(m))
	}
	labelWidth := 0
	for _, r := range rows {
		labelWidth = max(labelWidth, utf8.RuneCountInString(r[0]))
	}
	// "  label 99,99  [bar] mark" within the card; a longer label
	// stands on a line of its own above its value, whole.
	room := cardWidth - (2 + 1 + 6 + 2 + barCells + 2 + 1) - markWidth
	labelWidth = min(labelWidth, room)
	for i, r := range rows {
		var v *float64
		if i < len(values) {
			v = values[i]
		}
		mark := marks[0]
		if v != nil {
			mark = marks[1]
			if *v >= c.set.Target {
				mark = marks[2]
			}
		}
		label := r[0]
		if utf8.RuneCountInString(label) > labelWidth {
			c.line("  " + label)
			label = ""
		}
		c.line(strings.TrimRight(fmt.Sprintf("  %s %6s  %s %s", padRunes(label, labelWidth), NumPtr(v, c.lang), bar(v, c.set.Target), mark), " "))
	}
}

// bar draws a value from 0 to 100 in barCells cells, '#' for what is
// reached and '.' for the rest, with '|' where the target stands.
func bar(v *float64, target float64) string {
	cells := []byte(strings.Repeat(".", barCells))
	if v != nil {
		n := int(*v/100*barCells + 0.5)
		for i := 0; i < min(n, barCells); i++ {
			cells[i] = '#'
		}
	}
	if t := int(target/100*barCells + 0.5); t > 0 && t < barCells {
		cells[t] = '|'
	}
	return "[" + string(cells) + "]"
}

// categories says how many families fall in each category.
func (c *card) categories() {
	var parts []string
	for i, cat := range c.set.Categories {
		n := 0
		if i < len(c.u.HouseholdCategories) {
			n = c.u.HouseholdCategories[i]
		}
		parts = append(parts, c.say("category_kk", "category", categoryShort(&cat), "families", Int(n, c.lang)))
	}
	parts = append(parts, c.say("incomplete_kk", "families", Int(c.u.Incomplete, c.lang)))
	c.line("")
	c.wrap(c.say("by_category", "list", strings.Join(parts, "; ")), "")
}

// problems lists the permasalahan, weakest first: the indicator, its
// achievement, the families failing it and the offices responsible.
func (c *card) problems() {
	c.line("")
	ps := slices.Clone(c.u.Permasalahan)
	// An indicator no family answered is not below target, but it has not
	// reached it either: the card must not say that every target is met.
	unassessed := 0
	for _, ir := range c.u.Indicators {
		if ir.Percent == nil {
			unassessed++
		}
	}
	if len(ps) == 0 {
		key := "no_problems"
		if unassessed > 0 {
			key = "no_problems_assessed"
		}
		c.wrap(c.say(key, "target", NumTrim(c.set.Target, c.lang)), "")
	} else {
		c.problemList(ps)
	}
	if unassessed > 0 {
		c.wrap(c.say("unassessed", "count", Int(unassessed, c.lang)), "")
	}
}

// problemList writes the permasalahan, weakest first.
func (c *card) problemList(ps []ikk.Problem) {
	slices.SortStableFunc(ps, func(a, b ikk.Problem) int { return cmp.Compare(a.Percent, b.Percent) })
	c.wrap(c.say("problems", "count", Int(len(ps), c.lang), "target", NumTrim(c.set.Target, c.lang)), "")
	for _, p := range ps {
		c.wrap(p.Indicator.ID+" "+p.Indicator.Label, "  ")
		offices := make([]string, 0, len(p.Indicator.Sectors))
		for _, k := range p.Indicator.Sectors {
			offices = append(offices, c.sectorShort(k))
		}
		c.wrap(c.say("problem", "percent", Num(p.Percent, c.lang), "families", Int(p.Fail, c.lang),
			"offices", orDash(strings.Join(offices, ", "))), "       ")
	}
}

func (c *card) sectorShort(key string) string {
	for _, s := range c.set.Sectors {
		if s.Key == key {
			if s.Short != "" {
				return s.Short
			}
			return s.Label
		}
	}
	return key
}

// qualityShare is the share of the families an indicator applies to whose
// answer is missing or invalid from which the card names the indicator.
const qualityShare = 0.05

// quality names the indicators with many missing or invalid answers.
func (c *card) quality() {
	var lines []string
	for i, ind := range c.set.Indicators {
		if i >= len(c.u.Indicators) {
			break
		}
		ir := c.u.Indicators[i]
		applies := c.u.Households - ir.NA()
		if applies <= 0 {
			continue
		}
		miss, inv := float64(ir.Missing())/float64(applies), float64(ir.Invalid())/float64(applies)
		if miss+inv < qualityShare {
			continue
		}
		lines = append(lines, c.say("quality_line", "indicator", ind.ID+" "+ind.Label,
			"missing", Num(100*miss, c.lang), "invalid", Num(100*inv, c.lang),
			"dont_know", Num(100*float64(ir.DontKnow())/float64(applies), c.lang)))
	}
	c.line("")
	if len(lines) == 0 {
		c.wrap(c.say("quality_good", "share", NumTrim(100*qualityShare, c.lang)), "")
		return
	}
	c.wrap(c.say("quality", "share", NumTrim(100*qualityShare, c.lang)), "")
	for _, l := range lines {
		c.wrap(l, "  ")
	}
}

// wrap writes s in lines of at most cardWidth columns, each after indent,
// breaking at spaces only.
func (c *card) wrap(s, indent string) {
	for _, l := range wrapText(s, cardWidth-utf8.RuneCountInString(indent)) {
		c.line(indent + l)
	}
}

// wrapText breaks s at spaces into lines of at most width runes; a word
// longer than the line stands alone on its line, whole.
func wrapText(s string, width int) []string {
	var lines []string
	cur := ""
	for _, w := range strings.Fields(s) {
		switch {
		case cur == "":
			cur = w
		case utf8.RuneCountInString(cur)+1+utf8.RuneCountInString(w) <= width:
			cur += " " + w
		default:
			lines = append(lines, cur)
			cur = w
		}
	}
	if cur != "" {
		lines = append(lines, cur)
	}
	return lines
}

func padRunes(s string, n int) string {
	if k := n - utf8.RuneCountInString(s); k > 0 {
		return s + strings.Repeat(" ", k)
	}
	return s
}

// cutoffShort writes the cut-offs with short category names, as a card
// line holds them: "1 Kurang < 60,00 ≤ 2 Cukup < 75,00 ≤ 3 Responsif".
func cutoffShort(set *ikk.Set, lang string) string {
	var b strings.Builder
	for i := range set.Categories {
		cat := &set.Categories[i]
		if i > 0 {
			// The cut-off stands on the side of the category it belongs
			// to: "2 Berkembang ≤ 70,00 < 3 Tangguh" for a bound above.
			b.WriteString(" " + upperSign(cat) + " " + Num(cat.Min, lang) + " " + lowerSign(cat, false) + " ")
		}
		b.WriteString(strconv.Itoa(cat.ID) + " " + cat.Short)
	}
	return b.String()
}

// setText names the indicator set for people: its name and version.
func setText(s *ikk.Set, lang string) string {
	name := s.Name
	if name == "" {
		name = s.ID
	}
	return Say(lang, "card.set", "name", name, "version", s.Version)
}

// SourceText names where a set came from for people: "bawaan: ikk" for a
// set built into the binary, else its file.
func SourceText(lang, source string) string {
	if name, ok := strings.CutPrefix(source, "builtin:"); ok {
		return Say(lang, "card.builtin", "name", name)
	}
	return source
}

// withoutKind drops the kind a name already begins with ("Kecamatan Kelua"),
// since the card writes the kind itself.
func withoutKind(name, kind string) string {
	if len(name) > len(kind)+1 && strings.EqualFold(name[:len(kind)], kind) && name[len(kind)] == ' ' {
		return strings.TrimSpace(name[len(kind):])
	}
	return name
}
