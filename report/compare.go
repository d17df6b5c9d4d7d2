package report

import (
	"bufio"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/ikk-tools/ikk/ikk"
)

// The writers of ikk compare. Every format is built from the same pieces:
// the sources and the sets, the kabupaten, kecamatan and desa tables, the
// transition matrix, the dimension and indicator changes and the top
// changes per desa.

// CompareFormats are the formats of a comparison, table first (the default
// of standard output).
var CompareFormats = []string{"table", "json", "csv", "md", "xlsx"}

// CompareFormatForPath is the format of an output file by its extension.
func CompareFormatForPath(path string) (string, bool) {
	ext := strings.ToLower(strings.TrimPrefix(path[strings.LastIndexByte(path, '.')+1:], "."))
	if !strings.Contains(path, ".") {
		return "", false
	}
	if ext == "md" || ext == "json" || ext == "csv" || ext == "xlsx" {
		return ext, true
	}
	return "", false
}

// FewMark marks a change that rests on few families.
const FewMark = "⚑"

// CompareMeta is what a comparison's writer needs beyond the comparison.
type CompareMeta struct {
	Lang, ToolVersion string
}

// WriteCompare writes a comparison in a format of CompareFormats.
func WriteCompare(w io.Writer, format string, c *ikk.Comparison, m CompareMeta) error {
	if !slices.Contains(Languages, m.Lang) {
		m.Lang = Languages[0]
	}
	switch format {
	case "json":
		return CompareJSON(w, c, m)
	case "csv":
		return CompareCSV(w, c)
	case "xlsx":
		return CompareXLSX(w, c, m)
	case "md":
		return compareText(w, c, m, true)
	}
	return compareText(w, c, m, false)
}

// cmpWords writes the words of a comparison in its language.
type cmpWords struct {
	c    *ikk.Comparison
	lang string
}

func (v cmpWords) say(key string, kv ...string) string {
	return Say(v.lang, "cmp."+key, append(kv, "index", v.c.Current.Set.ShortName, "mark", FewMark)...)
}

func (v cmpWords) num(p *float64) string { return NumPtr(p, v.lang) }

// signed writes a change with its sign: "+2,35", "-1,20", "0,00".
func (v cmpWords) signed(p *float64) string {
	if p == nil {
		return "–"
	}
	s := Num(*p, v.lang)
	if !strings.HasPrefix(s, "-") && ikk.Round2Text(*p) != "0.00" {
		s = "+" + s
	}
	if s == "-0,00" || s == "-0.00" {
		s = s[1:]
	}
	return s
}

func (v cmpWords) int(n int) string { return Int(n, v.lang) }

// category names a category by ID in a year's categories, shortened as
// the reports shorten it; "–" for none.
func (v cmpWords) category(cats []ikk.SnapshotCategory, id int) string {
	for _, c := range cats {
		if c.ID == id && id != 0 {
			return shortCategory(asCategories(cats), c.Label)
		}
	}
	return "–"
}

func asCategories(cats []ikk.SnapshotCategory) []ikk.Category {
	out := make([]ikk.Category, len(cats))
	for i, c := range cats {
		out[i] = ikk.Category{ID: c.ID, Label: c.Label, Min: c.Min, Open: c.Open}
	}
	return out
}

// named writes an ID with its name where the snapshots know it.
func (v cmpWords) named(id string) string {
	if n := v.c.Current.Names[id]; n != "" {
		return id + " " + n
	}
	if n := v.c.Baseline.Names[id]; n != "" {
		return id + " " + n
	}
	return id
}

func (v cmpWords) source(label string, s *ikk.Snapshot) string {
	kind := v.say("kind_survey")
	if s.FromJSON {
		kind = v.say("kind_json")
	}
	return v.say("source", "label", label, "path", s.Source, "kind", kind, "set", s.Set.ID, "version", s.Set.Version)
}

// setLines says whether the sets are the same, and how they differ.
func (v cmpWords) setLines() []string {
	c := v.c
	if c.SameSet() {
		return []string{v.say("same_set", "set", c.Current.Set.ID, "version", c.Current.Set.Version)}
	}
	out := []string{v.say("set_differs", "dims", v.int(len(c.Dimensions)), "inds", v.int(len(c.Indicators)))}
	for _, d := range c.Differences {
		out = append(out, "- "+v.say("diff."+d.Code, d.Params...))
	}
	return out
}

func (v cmpWords) matchedLine() string {
	c := v.c
	only := func(list []ikk.SnapshotUnit) int {
		n := 0
		for _, u := range list {
			if u.Level == ikk.LevelDesa {
				n++
			}
		}
		return n
	}
	return v.say("matched", "matched", v.int(len(c.Desa)), "by_name", v.int(c.MatchedByName()),
		"only_then", v.int(only(c.OnlyBaseline)), "only_now", v.int(only(c.OnlyCurrent)))
}

// movesLine counts the desa whose category rose, stayed and fell, by the
// categories' order (a desa without a category is left out).
func (v cmpWords) movesLine() string {
	up, same, down := moves(v.c)
	return v.say("moves", "up", v.int(up), "same", v.int(same), "down", v.int(down))
}

func moves(c *ikk.Comparison) (up, same, down int) {
	rank := func(cats []ikk.SnapshotCategory, id int) int {
		for i, k := range cats {
			if k.ID == id && id != 0 {
				return i
			}
		}
		return -1
	}
	for _, d := range c.Desa {
		a, b := rank(c.Categories, d.Then.Category), rank(c.CurrentCategories, d.Now.Category)
		switch {
		case a < 0 || b < 0:
		case b > a:
			up++
		case b < a:
			down++
		default:
			same++
		}
	}
	return up, same, down
}

// unitGrid is the table of a level's units: index then and now, change,
// categories, and the number of marked indicators.
func (v cmpWords) unitGrid(units []ikk.UnitChange, desa bool) *grid {
	g := &grid{head: []string{v.say("col_code"), v.say("col_name")}}
	if desa {
		g.head = append(g.head, v.say("col_kecamatan"))
	}
	g.head = append(g.head, v.say("col_then"), v.say("col_now"), v.say("col_change"), v.say("col_cat_then"), v.say("col_cat_now"), v.say("col_few"))
	for range g.head {
		g.numeric = append(g.numeric, false)
	}
	n := len(g.head)
	for i := n - 6; i < n-3; i++ {
		g.numeric[i] = true
	}
	g.numeric[n-1] = true
	for _, u := range units {
		name := u.Name
		if u.ByName {
			name = v.say("by_name", "name", name)
		}
		row := []string{u.Code, name}
		if desa {
			row = append(row, u.Kecamatan)
		}
		row = append(row, v.num(u.Index.Then), v.num(u.Index.Now), v.signed(u.Index.Change),
			v.category(v.c.Categories, u.Then.Category), v.category(v.c.CurrentCategories, u.Now.Category), v.int(u.Few))
		g.add(row...)
	}
	return g
}

// matrixShown lists the rows and columns of the transition matrix to show:
// every category, and "no category" only where a desa has none.
func matrixShown(c *ikk.Comparison) (rows, cols []int) {
	m := c.Transitions
	noneRow, noneCol := len(m)-1, len(m[0])-1
	used := func(row bool) bool {
		for k := range m {
			for j := range m[k] {
				if m[k][j] > 0 && (row && k == noneRow || !row && j == noneCol) {
					return true
				}
			}
		}
		return false
	}
	for i := range m {
		if i < noneRow || used(true) {
			rows = append(rows, i)
		}
	}
	for j := range m[0] {
		if j < noneCol || used(false) {
			cols = append(cols, j)
		}
	}
	return rows, cols
}

// matrixGrid is the transition matrix with its totals: a row per baseline
// category, a column per current one, counts of desa.
func (v cmpWords) matrixGrid() *grid {
	c := v.c
	label := func(cats []ikk.SnapshotCategory, i int) string {
		if i >= len(cats) {
			return v.say("no_category")
		}
		return v.category(cats, cats[i].ID)
	}
	rows, cols := matrixShown(c)
	g := &grid{head: []string{v.say("matrix_corner")}, numeric: []bool{false}}
	for _, j := range cols {
		g.head = append(g.head, label(c.CurrentCategories, j))
		g.numeric = append(g.numeric, true)
	}
	g.head = append(g.head, v.say("total"))
	g.numeric = append(g.numeric, true)
	colTotals := make([]int, len(cols))
	for _, i := range rows {
		row := []string{label(c.Categories, i)}
		sum := 0
		for k, j := range cols {
			n := c.Transitions[i][j]
			row = append(row, v.int(n))
			sum += n
			colTotals[k] += n
		}
		g.add(append(row, v.int(sum))...)
	}
	last := []string{v.say("total")}
	all := 0
	for _, n := range colTotals {
		last = append(last, v.int(n))
		all += n
	}
	g.add(append(last, v.int(all))...)
	return g
}

// dimensionGrid lists a unit's dimension changes.
func (v cmpWords) dimensionGrid(u ikk.UnitChange) *grid {
	g := &grid{head: []string{v.say("col_dimension"), v.say("col_value_then"), v.say("col_value_now"), v.say("col_change")},
		numeric: []bool{false, true, true, true}}
	for i, id := range v.c.Dimensions {
		d := u.Dimensions[i]
		g.add(v.named(id), v.num(d.Then), v.num(d.Now), v.signed(d.Change))
	}
	return g
}

// indicatorGrid lists a unit's indicator changes with the families they
// rest on and the mark.
func (v cmpWords) indicatorGrid(u ikk.UnitChange) *grid {
	g := &grid{head: []string{v.say("col_indicator"), v.say("col_value_then"), v.say("col_value_now"), v.say("col_change"),
		v.say("col_fam_then"), v.say("col_fam_now"), v.say("col_mark")},
		numeric: []bool{false, true, true, true, true, true, false}}
	for i, id := range v.c.Indicators {
		d := u.Indicators[i]
		mark := ""
		if d.Few {
			mark = FewMark
		}
		g.add(v.named(id), v.num(d.Then), v.num(d.Now), v.signed(d.Change), v.int(d.FamiliesThen), v.int(d.FamiliesNow), mark)
	}
	return g
}

// topText lists indicators with their changes: "KE06 +25,30; KE07 +20,10".
func (v cmpWords) topText(u ikk.UnitChange, list []int) string {
	if len(list) == 0 {
		return "–"
	}
	parts := make([]string, len(list))
	for i, k := range list {
		parts[i] = v.c.Indicators[k] + " " + v.signed(u.Indicators[k].Change)
	}
	return strings.Join(parts, "; ")
}

func (v cmpWords) topGrid() *grid {
	g := &grid{head: []string{v.say("col_code"), v.say("col_desa"), v.say("col_change"), v.say("col_improved"), v.say("col_worsened")},
		numeric: []bool{false, false, true, false, false}}
	for _, u := range v.c.Desa {
		g.add(u.Code, u.Name, v.signed(u.Index.Change), v.topText(u, u.Improved), v.topText(u, u.Worsened))
	}
	return g
}

func (v cmpWords) onlyGrid() *grid {
	g := &grid{head: []string{v.say("col_level"), v.say("col_code"), v.say("col_name"), v.say("col_kecamatan"), v.say("col_households"), v.say("col_value_then"), v.say("col_value_now"), v.say("col_year")},
		numeric: []bool{false, false, false, false, true, true, true, false}}
	add := func(list []ikk.SnapshotUnit, then bool) {
		for _, u := range list {
			a, b, year := v.num(u.Index), "–", v.say("baseline")
			if !then {
				a, b, year = "–", a, v.say("current")
			}
			g.add(v.say("level."+u.Level), u.Code, u.Name, u.Kecamatan, v.int(u.Households), a, b, year)
		}
	}
	add(v.c.OnlyBaseline, true)
	add(v.c.OnlyCurrent, false)
	return g
}

// compareText writes the terminal table or the Markdown document.
func compareText(w io.Writer, c *ikk.Comparison, m CompareMeta, markdown bool) error {
	v := cmpWords{c: c, lang: m.Lang}
	bw := bufio.NewWriter(w)
	esc := func(s string) string { return s }
	if markdown {
		esc = MarkdownText
	}
	heading := func(level int, s string) {
		if markdown {
			fmt.Fprintf(bw, "%s %s\n\n", strings.Repeat("#", level), esc(s))
			return
		}
		fmt.Fprintf(bw, "%s\n\n", s)
	}
	para := func(lines ...string) {
		for _, l := range lines {
			fmt.Fprintln(bw, esc(l))
		}
		fmt.Fprintln(bw)
	}
	table := func(g *grid) {
		if len(g.rows) == 0 {
			para(v.say("none"))
			return
		}
		g.render(bw, markdown)
		fmt.Fprintln(bw)
	}
	heading(1, v.say("title"))
	src := []string{v.source(v.say("baseline"), c.Baseline), v.source(v.say("current"), c.Current)}
	if markdown {
		for i := range src {
			src[i] = "- " + src[i]
		}
	}
	para(src...)
	para(v.setLines()...)
	para(v.say("threshold", "n", v.int(c.MinFamilies)))
	para(v.matchedLine(), v.movesLine())
	if len(c.Indicators) == 0 {
		para(v.say("no_common"))
	}
	heading(2, v.say("h_kabupaten"))
	table(v.unitGrid(c.Kabupaten, false))
	heading(2, v.say("h_kecamatan"))
	table(v.unitGrid(c.Kecamatan, false))
	heading(2, v.say("h_desa"))
	table(v.unitGrid(c.Desa, true))
	heading(2, v.say("h_transitions"))
	table(v.matrixGrid())
	for _, u := range c.Kabupaten {
		heading(2, v.say("h_dimensions", "unit", u.Name))
		table(v.dimensionGrid(u))
		heading(2, v.say("h_indicators", "unit", u.Name))
		table(v.indicatorGrid(u))
	}
	heading(2, v.say("h_top"))
	table(v.topGrid())
	if len(c.OnlyBaseline)+len(c.OnlyCurrent) > 0 {
		heading(2, v.say("h_only"))
		table(v.onlyGrid())
	}
	return bw.Flush()
}

// itoa is strconv.Itoa, for the machine formats.
func itoa(n int) string { return strconv.Itoa(n) }
