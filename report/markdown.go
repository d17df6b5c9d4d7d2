package report

import (
	"bufio"
	"io"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/ikk-tools/ikk/ikk"
)

// mdMaxIssues bounds the issues listed in the Markdown report; the Excel
// report and the JSON output carry them all.
const mdMaxIssues = 50

// MarkdownReport writes the full report in Markdown: title and scope, the
// summary (ranked desa, kecamatan and kabupaten totals), a section per desa,
// the rencana tindak lanjut by office, the data issues and the methodology.
// It reads as plain text too, and holds no names or KK numbers: only the
// masked KK numbers that duplicate_kk issues carry.
func MarkdownReport(w io.Writer, r *ikk.Result, m Meta) error {
	d := &mdDoc{w: bufio.NewWriter(w), r: r, set: r.Set, lang: "id"}
	if m.Lang == "en" {
		d.lang = "en"
	}
	d.title(m)
	d.summary()
	d.desaSections()
	d.followUp()
	d.dataIssues()
	d.method(m)
	return d.w.Flush()
}

// mdDoc is a report being written; bufio keeps the first write error, which
// Flush returns.
type mdDoc struct {
	w    *bufio.Writer
	r    *ikk.Result
	set  *ikk.Set
	lang string
}

// say writes a text of the catalogue in the report's language.
func (d *mdDoc) say(key string, kv ...string) string {
	return Say(d.lang, key, withIndex(d.set, d.lang, kv...)...)
}

// para writes a paragraph of running text, already escaped.
func (d *mdDoc) para(s string) {
	d.w.WriteString(s)
	d.w.WriteString("\n\n")
}

func (d *mdDoc) heading(level int, s string) {
	d.w.WriteString(strings.Repeat("#", level) + " " + s + "\n\n")
}

// bullets writes a list of items, already escaped.
func (d *mdDoc) bullets(items []string) {
	for _, it := range items {
		d.w.WriteString("- " + it + "\n")
	}
	d.w.WriteString("\n")
}

func (d *mdDoc) num(v float64) string   { return Num(v, d.lang) }
func (d *mdDoc) trim(v float64) string  { return NumTrim(v, d.lang) }
func (d *mdDoc) ptr(v *float64) string  { return NumPtr(v, d.lang) }
func (d *mdDoc) count(n int) string     { return Int(n, d.lang) }
func (d *mdDoc) esc(s string) string    { return MarkdownText(s) }
func (d *mdDoc) target() string         { return d.trim(d.set.Target) + "%" }
func (d *mdDoc) sector(k string) string { return d.set.TagLabel(k) }

// mdTable is a Markdown table; cells are plain text, escaped when written,
// and padded so that the columns line up in plain text too.
type mdTable struct {
	head  []string
	right []bool // right-aligned (numeric) columns
	rows  [][]string
}

func newMDTable(head ...string) *mdTable {
	return &mdTable{head: head, right: make([]bool, len(head))}
}

// numeric marks columns as numbers, aligned right.
func (t *mdTable) numeric(cols ...int) *mdTable {
	for _, c := range cols {
		t.right[c] = true
	}
	return t
}

func (t *mdTable) add(cells ...string) { t.rows = append(t.rows, cells) }

func (d *mdDoc) table(t *mdTable) {
	head := make([]string, len(t.head))
	width := make([]int, len(t.head))
	for i, h := range t.head {
		head[i] = mdCell(h)
		width[i] = max(3, utf8.RuneCountInString(head[i]))
	}
	rows := make([][]string, len(t.rows))
	for i, r := range t.rows {
		rows[i] = make([]string, len(t.head))
		for j := range t.head {
			c := "–"
			if j < len(r) && r[j] != "" {
				c = mdCell(r[j])
			}
			rows[i][j] = c
			width[j] = max(width[j], utf8.RuneCountInString(c))
		}
	}
	line := func(cells []string) {
		d.w.WriteString("|")
		for j, c := range cells {
			pad := strings.Repeat(" ", width[j]-utf8.RuneCountInString(c))
			if t.right[j] {
				d.w.WriteString(" " + pad + c + " |")
			} else {
				d.w.WriteString(" " + c + pad + " |")
			}
		}
		d.w.WriteString("\n")
	}
	line(head)
	d.w.WriteString("|")
	for j := range head {
		if t.right[j] {
			d.w.WriteString(strings.Repeat("-", width[j]+1) + ":|")
		} else {
			d.w.WriteString(":" + strings.Repeat("-", width[j]+1) + "|")
		}
	}
	d.w.WriteString("\n")
	for _, r := range rows {
		line(r)
	}
	d.w.WriteString("\n")
}

// mdCell escapes a table cell: MarkdownCell keeps the row intact, and the
// inline markup a survey value may hold (*x*, `x`, [x], <b>) stays literal.
// An underscore inside a word cannot start emphasis and is kept as it is, so
// that column names such as buku_nikah stay readable.
func mdCell(s string) string {
	s = MarkdownCell(s)
	rs := []rune(s)
	var b strings.Builder
	for i, c := range rs {
		switch c {
		case '*', '`', '[', ']', '~':
			b.WriteByte('\\')
		case '_':
			inWord := i > 0 && i+1 < len(rs) && mdWordRune(rs[i-1]) && mdWordRune(rs[i+1])
			if !inWord {
				b.WriteByte('\\')
			}
		case '<':
			if i+1 < len(rs) && (rs[i+1] < utf8.RuneSelf && isLetter(byte(rs[i+1])) || rs[i+1] == '/' || rs[i+1] == '!') {
				b.WriteString("&lt;")
				continue
			}
		}
		b.WriteRune(c)
	}
	return b.String()
}

func mdWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// mdCategory is a category as the report names it: "3 Responsif Gender dan

// mdDesaWord is "Kelurahan" for a kelurahan code (63.09.06.1xxx), else "Desa".
func mdDesaWord(u *ikk.Unit) string { return DesaKind(u, "id") }

// mdPlace names a unit in running text: "Desa X, Kecamatan Y",
// "Kecamatan Y", "Kabupaten Z" (not escaped).
func mdPlace(u *ikk.Unit) string {
	switch u.Level {
	case ikk.LevelDesa:
		s := mdDesaWord(u) + " " + unitName(u)
		if u.Kecamatan != "" {
			s += ", Kecamatan " + u.Kecamatan
		}
		return s
	case ikk.LevelKecamatan:
		return "Kecamatan " + unitName(u)
	case ikk.LevelKabupaten:
		return mdKabupaten(u)
	}
	return unitName(u)
}

// mdKabupaten is "Kabupaten Tabalong", keeping a name that already says
// what it is ("Kota Banjarbaru", "Kabupaten Tabalong").
func mdKabupaten(u *ikk.Unit) string {
	n := unitName(u)
	l := strings.ToLower(n)
	for _, p := range []string{"kabupaten ", "kab. ", "kab ", "kota "} {
		if strings.HasPrefix(l, p) {
			return n
		}
	}
	return "Kabupaten " + n
}

// title writes the title and the scope of the report.
func (d *mdDoc) title(m Meta) {
	r := d.r
	var kabs []string
	nKec := 0
	for _, u := range r.Units {
		switch u.Level {
		case ikk.LevelKabupaten:
			if u.Name != "" || u.Code != "" {
				kabs = append(kabs, mdKabupaten(u))
			}
		case ikk.LevelKecamatan:
			nKec++
		}
	}
	t := d.say("md.title")
	if len(kabs) > 0 {
		t = d.say("md.title_where", "where", strings.Join(kabs, ", "))
	}
	d.heading(1, d.esc(t))

	scope := d.say("md.scope", "desa", d.count(len(r.Desa())), "kecamatan", d.count(nKec),
		"families", d.count(r.Summary.Scored), "rows", d.count(r.Summary.RowsRead))
	scope += " " + d.say("md.scope_set", "set", d.set.ID, "version", d.set.Version, "name", d.set.Name)
	d.para(d.esc(scope))
	if m.Date != "" {
		d.para(d.esc(d.say("md.date", "date", m.Date)))
	}
	d.para(d.say("md.contents"))
}

// summary writes the ranked desa, the kecamatan and kabupaten totals, the
// cut-offs and the units without an IKK.
func (d *mdDoc) summary() {
	d.heading(2, d.say("md.summary"))
	d.heading(3, d.say("md.ranking"))
	d.para(d.say("md.ranking_note"))
	head := []string{d.say("table.rank"), d.say("table.code"), d.say("table.kecamatan"), d.say("table.desa"),
		d.say("md.kk"), d.say("table.ikk"), d.say("table.category")}
	t := newMDTable(append(head, d.intervalHead(true)...)...).numeric(0, 4, 5)
	if d.r.Resamples > 0 {
		t.numeric(8)
	}
	for _, rk := range ikk.RankDesa(d.r) {
		u := rk.Unit
		rank := "–"
		if rk.Rank > 0 {
			rank = d.count(rk.Rank)
		}
		t.add(append([]string{rank, u.Code, u.Kecamatan, unitName(u), d.count(u.Households), d.ptr(u.IKK), categoryText(u.Category)},
			d.intervalCells(u, true)...)...)
	}
	d.table(t)

	d.heading(3, d.say("md.areas"))
	t = newMDTable(append([]string{d.say("md.area"), d.say("table.code"), d.say("md.desa_count"),
		d.say("md.kk"), d.say("table.ikk"), d.say("table.category")}, d.intervalHead(false)...)...).numeric(2, 3, 4)
	if d.r.Resamples > 0 {
		t.numeric(7)
	}
	var kabRows [][]string
	units := d.r.Units
	for i, u := range units {
		if u.Level != ikk.LevelKecamatan && u.Level != ikk.LevelKabupaten {
			continue
		}
		// The desa of a kecamatan follow it; those of a kabupaten run to
		// the next kabupaten.
		n := 0
		for _, v := range units[i+1:] {
			if v.Level == ikk.LevelKabupaten || u.Level == ikk.LevelKecamatan && v.Level == ikk.LevelKecamatan {
				break
			}
			if v.Level == ikk.LevelDesa {
				n++
			}
		}
		row := append([]string{mdPlace(u), u.Code, d.count(n), d.count(u.Households), d.ptr(u.IKK), categoryText(u.Category)},
			d.intervalCells(u, false)...)
		if u.Level == ikk.LevelKabupaten {
			kabRows = append(kabRows, row)
			continue
		}
		t.add(row...)
	}
	// The kabupaten rows close the table, as the totals.
	for _, row := range kabRows {
		t.add(row...)
	}
	d.table(t)

	var undef []string
	for _, u := range units {
		if u.IKK == nil && u.Level != ikk.LevelRT {
			undef = append(undef, d.esc(d.say("md.undefined", "area", mdPlace(u), "reason", UndefinedReason(u, d.lang))))
		}
	}
	if len(undef) > 0 {
		d.para(d.say("md.undefined_list"))
		d.bullets(undef)
		d.para(d.say("md.notes"))
	}
	notes := []string{
		d.esc(d.say("md.cutoffs", "cutoffs", CutoffText(d.set, d.lang))),
		d.esc(d.say("md.rounding")),
		d.esc(d.say("md.target", "target", d.target())),
	}
	if d.r.Resamples > 0 {
		notes = append(notes, d.esc(d.say("md.interval_note", "resamples", d.count(d.r.Resamples),
			"few", d.count(ikk.FewFamiliesBelow), "thin", d.count(ikk.ThinIndicatorBelow))))
	}
	d.bullets(notes)
}

// intervalHead are the interval's columns of a table of units: the
// interval, the share of resamples in another category and, for desa, the
// warnings; none without intervals.
func (d *mdDoc) intervalHead(desa bool) []string {
	if d.r.Resamples == 0 {
		return nil
	}
	head := []string{d.say("table.interval"), d.say("table.other_category")}
	if desa {
		head = append(head, d.say("table.flags"))
	}
	return head
}

func (d *mdDoc) intervalCells(u *ikk.Unit, desa bool) []string {
	if d.r.Resamples == 0 {
		return nil
	}
	cells := []string{"–", "–"}
	if unc := u.Uncertainty; unc != nil {
		cells = []string{IntervalText(unc.IKK, d.lang), SharePercent(unc.OtherCategory, d.lang) + "%"}
	}
	if desa {
		cells = append(cells, FlagShort(u, d.lang))
	}
	return cells
}

// lensLines describes the lenses of a unit: the family functions, the other
// lenses, and the gender lens by sex of the head.
func (d *mdDoc) lensLines(u *ikk.Unit) []string {
	var lines []string
	k := 0
	var parts []string
	for _, f := range d.set.Functions {
		parts = append(parts, f.Label+" "+d.ptr(u.Lenses[k]))
		k++
	}
	if len(parts) > 0 {
		lines = append(lines, d.esc(d.say("md.functions", "functions", strings.Join(parts, "; "))))
	}
	parts = nil
	for _, l := range d.set.Lenses {
		p := l.Label + " " + d.ptr(u.Lenses[k])
		k++
		if l.Key == "gender" {
			p += " " + d.say("md.gender_by_sex", "male", d.count(u.BySex[0].Households), "male_lens", d.ptr(u.BySex[0].Gender),
				"female", d.count(u.BySex[1].Households), "female_lens", d.ptr(u.BySex[1].Gender))
		}
		parts = append(parts, p)
	}
	if len(parts) > 0 {
		lines = append(lines, d.esc(strings.Join(parts, "; ")+"."))
	}
	return lines
}

// householdLine gives the families in each category and their mean score.
func (d *mdDoc) householdLine(u *ikk.Unit) string {
	var parts []string
	for i, c := range d.set.Categories {
		parts = append(parts, d.say("md.category_kk", "id", strconv.Itoa(c.ID), "families", d.count(u.HouseholdCategories[i])))
	}
	parts = append(parts, d.say("md.incomplete_kk", "families", d.count(u.Incomplete)))
	s := d.say("md.by_category", "categories", strings.Join(parts, "; "))
	if u.HouseholdMean != nil {
		s += " " + d.say("md.mean_score", "mean", d.ptr(u.HouseholdMean))
	}
	return d.esc(s)
}

func (d *mdDoc) sectorLabels(keys []string) string {
	labels := make([]string, len(keys))
	for i, k := range keys {
		labels[i] = d.sector(k)
	}
	return strings.Join(labels, "; ")
}

// desaSections writes a compact section per desa, in unit order.
func (d *mdDoc) desaSections() {
	d.heading(2, d.say("md.desa"))
	var legend []string
	for _, dim := range d.set.Dimensions {
		legend = append(legend, dim.ID+" "+dim.Label)
	}
	note := "md.desa_note"
	if len(d.set.LensKeys()) == 0 {
		note = "md.desa_note_plain"
	}
	d.para(d.esc(d.say(note, "dimensions", strings.Join(legend, "; "))))
	for _, u := range d.r.Desa() {
		d.heading(3, d.esc(mdPlace(u)))
		d.para(d.esc(d.desaLine(u)))

		head := []string{d.say("xlsx.dimension")}
		vals := []string{d.say("md.index")}
		for i, dim := range d.set.Dimensions {
			head = append(head, dim.ID)
			vals = append(vals, d.ptr(u.Dimensions[i]))
		}
		t := newMDTable(head...)
		for i := 1; i < len(head); i++ {
			t.numeric(i)
		}
		t.add(vals...)
		if unc := u.Uncertainty; unc != nil {
			ivs := []string{d.say("table.interval")}
			for i := range d.set.Dimensions {
				ivs = append(ivs, IntervalText(unc.Dimensions[i], d.lang))
			}
			t.add(ivs...)
		}
		d.table(t)

		lines := append(d.lensLines(u), d.householdLine(u))
		for _, f := range UncertaintyFlags(d.set, u, d.lang) {
			lines = append(lines, d.esc(f))
		}
		d.bullets(lines)

		if len(u.Permasalahan) == 0 {
			d.para(d.esc(d.say("md.no_problems", "target", d.target())))
			continue
		}
		d.para(d.esc(d.say("md.problems", "target", d.target())))
		t = newMDTable(d.say("xlsx.indicator"), d.say("xlsx.percent"), d.say("xlsx.affected"), d.say("xlsx.sectors")).numeric(1, 2)
		for _, p := range u.Permasalahan {
			t.add(p.Indicator.ID+" "+p.Indicator.Label, d.num(p.Percent), d.count(p.Fail), d.sectorLabels(p.Indicator.Sectors))
		}
		d.table(t)
	}
}

// desaLine gives a desa's code, families scored and IKK.
func (d *mdDoc) desaLine(u *ikk.Unit) string {
	code := u.Code
	if code == "" {
		code = d.say("md.no_code")
	}
	s := d.say("md.desa_scored", "code", code, "families", d.count(u.Households)) + " "
	switch {
	case u.IKK != nil && u.Category != nil:
		return s + d.say("md.desa_ikk_cat", "ikk", d.num(*u.IKK), "id", strconv.Itoa(u.Category.ID), "label", u.Category.Label) + d.intervalLine(u)
	case u.IKK != nil:
		return s + d.say("md.desa_ikk", "ikk", d.num(*u.IKK)) + d.intervalLine(u)
	}
	return s + d.say("md.desa_undef", "reason", UndefinedReason(u, d.lang))
}

// intervalLine follows a desa's index with its interval, when it has one.
func (d *mdDoc) intervalLine(u *ikk.Unit) string {
	unc := u.Uncertainty
	if unc == nil || unc.IKK == nil {
		return ""
	}
	return " " + d.say("md.desa_interval", "interval", IntervalText(unc.IKK, d.lang), "share", SharePercent(unc.OtherCategory, d.lang))
}

// followUp writes the rencana tindak lanjut: the permasalahan by office.
func (d *mdDoc) followUp() {
	d.heading(2, d.say("md.plan"))
	plans := ikk.FollowUp(d.set, d.r.Desa())
	if len(plans) == 0 {
		d.para(d.esc(d.say("md.plan_none", "target", d.target())))
		return
	}
	d.para(d.esc(d.say("md.plan_note")))
	for _, p := range plans {
		d.heading(3, d.esc(officeName(p.Sector, d.lang)))
		inds := map[*ikk.Indicator]bool{}
		desa := map[*ikk.Unit]bool{}
		for _, a := range p.Actions {
			inds[a.Indicator] = true
			desa[a.Desa] = true
		}
		d.para(d.esc(d.say("md.plan_office", "indicators", d.indicators(len(inds)), "desa", d.count(len(desa)), "families", d.families(p.Families))))
		t := newMDTable(d.say("xlsx.indicator"), d.say("table.desa"), d.say("xlsx.affected"),
			d.say("xlsx.percent"), d.say("xlsx.target")).numeric(2, 3, 4)
		for _, a := range p.Actions {
			where := unitName(a.Desa)
			if a.Desa.Kecamatan != "" {
				where += " (Kec. " + a.Desa.Kecamatan + ")"
			}
			t.add(a.Indicator.ID+" "+a.Indicator.Label, where, d.count(a.Fail), d.num(a.Percent), d.trim(d.set.Target))
		}
		d.table(t)
	}
}

// families is "1 family affected", "3 families affected".
func (d *mdDoc) families(n int) string {
	if n == 1 {
		return d.say("md.families_one", "count", d.count(n))
	}
	return d.say("md.families_many", "count", d.count(n))
}

// indicators is "1 indicator", "3 indicators": the count with its noun.
func (d *mdDoc) indicators(n int) string {
	if n == 1 {
		return d.say("md.indicators_one", "count", d.count(n))
	}
	return d.say("md.indicators_many", "count", d.count(n))
}

func (d *mdDoc) issueWords(code string) string {
	if _, ok := LookupText("issue." + code); ok {
		return Say(d.lang, "issue."+code)
	}
	return code
}

// fileCell is a file with its sheet, as a cell shows it.
func (d *mdDoc) fileCell(file, sheet string) string {
	if sheet == "" {
		return file
	}
	return file + d.say("issue_line.sheet", "sheet", sheet)
}

// dataIssues writes the accounting of rows, the issue counts by code and
// the first issues.
func (d *mdDoc) dataIssues() {
	r := d.r
	d.heading(2, d.say("md.issues"))
	d.para(d.esc(d.say("md.rows_note")))
	t := newMDTable(d.say("xlsx.file"), d.say("xlsx.rows_read"), d.say("xlsx.scored"),
		d.say("xlsx.rejected"), d.say("xlsx.blank")).numeric(1, 2, 3, 4)
	for _, in := range r.Inputs {
		t.add(d.fileCell(in.Path, in.Sheet), d.count(in.RowsRead), d.count(in.Scored), d.count(in.Rejected), d.count(in.Blank))
	}
	s := r.Summary
	t.add(d.say("md.total"), d.count(s.RowsRead), d.count(s.Scored), d.count(s.Rejected), d.count(s.Blank))
	d.table(t)

	total := r.IssueTotal()
	if total == 0 {
		d.para(d.say("md.no_issues"))
		return
	}
	d.para(d.esc(d.say("md.issue_counts", "count", d.count(total))))
	codes := make([]string, 0, len(r.IssueCounts))
	for c := range r.IssueCounts {
		codes = append(codes, c)
	}
	sort.Strings(codes)
	t = newMDTable(d.say("table.code"), d.say("md.meaning"), d.say("md.count")).numeric(2)
	for _, c := range codes {
		t.add(c, d.issueWords(c), d.count(r.IssueCounts[c]))
	}
	d.table(t)

	shown := min(r.Issues.Len(), mdMaxIssues)
	if shown == 0 {
		return
	}
	t = newMDTable(d.say("xlsx.no"), d.say("xlsx.file"), d.say("xlsx.row"), d.say("md.column_cell"),
		d.say("xlsx.value"), d.say("table.code")).numeric(0, 2)
	for i := range shown {
		is := r.Issues.At(i)
		// A row number names a row as the spreadsheet does ("F1234"):
		// no thousands separator.
		row := "–"
		if is.Row > 0 {
			row = strconv.Itoa(is.Row)
		}
		col := is.Column
		if col != "" && is.Cell != "" {
			col += " (" + is.Cell + ")"
		}
		t.add(d.count(i+1), d.fileCell(is.File, is.Sheet), row, col, is.Value, is.Code)
	}
	d.table(t)
	var note string
	if total > shown {
		note = d.say("md.issues_shown", "shown", d.count(shown), "total", d.count(total)) + " "
	}
	note += d.say("md.issues_full")
	d.para(d.esc(note))
}

func (d *mdDoc) status(s string) string { return StatusWords(d.lang, s) }

// methodParas say how the numbers are computed, with the set's own
// dimensions, weights, cut-offs, completeness share and target.
func (d *mdDoc) methodParas() []string {
	set := d.set
	var dimWeights []string
	for _, dim := range set.Dimensions {
		dimWeights = append(dimWeights, dim.ID+" "+d.trim(dim.Weight))
	}
	// A family-first set (iBangga) says its own rule; a set without
	// lenses says only what decides the permasalahan.
	suffix, problems := "", "md.method_lenses"
	if set.FamilyFirst() {
		suffix = "_family"
	}
	if len(set.LensKeys()) == 0 {
		problems = "md.method_problems"
	}
	return []string{
		d.say("md.method_indicators" + suffix),
		d.say("md.method_dimensions"+suffix, "dimensions", d.count(len(set.Dimensions)), "weights", strings.Join(dimWeights, ", ")),
		d.say("md.method_categories", "cutoffs", CutoffText(set, d.lang)),
		d.say("md.method_families"+suffix, "percent", d.trim(set.MinAnsweredShare*100), "share", d.trim(set.MinAnsweredShare)),
		d.say(problems, "target", d.target()),
	}
}

// method writes how the numbers were computed and from what.
func (d *mdDoc) method(m Meta) {
	set := d.set
	d.heading(2, d.say("md.method"))
	for _, p := range d.methodParas() {
		d.para(d.esc(p))
	}

	if len(set.Parameters) > 0 {
		d.heading(3, d.say("table.params"))
		t := newMDTable(d.say("xlsx.param"), d.say("md.description"), d.say("xlsx.value"), d.say("xlsx.source")).numeric(2)
		for _, p := range set.Parameters {
			t.add(p.Name, p.Label, d.trim(p.Value), p.Source)
		}
		d.table(t)
	}

	d.heading(3, d.say("xlsx.indikator"))
	d.para(d.esc(d.say("md.rules_note")))
	t := newMDTable("ID", d.say("xlsx.dimension"), d.say("xlsx.indicator"), d.say("xlsx.rule"),
		d.say("md.applies"), d.say("xlsx.weight"), d.say("md.origin")).numeric(5)
	used := map[string]bool{}
	for _, ind := range set.Indicators {
		// The condition in words; its name stays in the conditions
		// table below, for those who edit the set.
		applies := AppliesText(d.lang, d.set, ind)
		if ind.Applies != "" && ind.Applies != "all" {
			used[ind.Applies] = true
		}
		origin := d.status(ind.Status)
		if ind.Item != "" {
			origin += " (" + ind.Item + ")"
		}
		if ind.SourceNote != "" {
			origin += ": " + ind.SourceNote
		}
		t.add(ind.ID, ind.Dimension, ind.Label, RuleText(d.lang, d.set, ind.Rule), applies, d.trim(ind.Weight), origin)
	}
	d.table(t)
	names := make([]string, 0, len(set.Conditions))
	for n := range set.Conditions {
		names = append(names, n)
	}
	sort.Strings(names)
	if len(names) > 0 {
		t = newMDTable(d.say("md.condition"), d.say("xlsx.rule"))
		for _, n := range names {
			t.add(n, RuleText(d.lang, d.set, set.Conditions[n]))
		}
		d.table(t)
	}

	d.heading(3, d.say("md.files"))
	t = newMDTable(d.say("md.input_file"), d.say("md.header_row"), "SHA-256").numeric(1)
	for _, in := range d.r.Inputs {
		t.add(d.fileCell(in.Path, in.Sheet), strconv.Itoa(in.HeaderRow), in.SHA256)
	}
	d.table(t)
	tool := m.ToolVersion
	if tool == "" {
		tool = d.say("md.unknown")
	}
	d.bullets([]string{
		d.esc(d.say("md.set_source", "set", set.ID, "version", set.Version, "name", set.Name, "source", set.Source)),
		d.esc(d.say("md.set_sha", "sha", set.SHA256)),
		d.esc(d.say("md.made_with", "version", tool)),
	})
}
