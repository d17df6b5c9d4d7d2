package report

import (
	"cmp"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/ikk-tools/ikk/ikk"
)

// Decree describes the Keputusan Bupati an annex belongs to. Fields left
// empty are printed as dotted lines for the legal section to fill in.
type Decree struct {
	Kabupaten     string    // the kabupaten's name, e.g. "Tabalong"
	Nomor         string    // e.g. "188.45/093/2023"
	Tanggal       time.Time // zero when not yet known
	Tentang       string
	Jabatan       string // default "BUPATI <KABUPATEN>"
	Penandatangan string
	Lokus         []*ikk.Unit // the desa lokus, when chosen
	ByRank        bool        // list the desa by rank instead of by kecamatan and name
	Subtotals     bool        // a subtotal row after each kecamatan
	// Justify, when set, adds a section after the table: the first
	// candidates for desa lokus, their rank stability and the
	// considerations for the desa chosen (annex --justify).
	Justify *LokusReport
}

const dots = "...................."

// dw says a document's word.
func dw(lang, key string, kv ...string) string { return Say(lang, "doc."+key, kv...) }

// KabupatenName is the kabupaten of a result as the survey names it.
func KabupatenName(r *ikk.Result) string {
	for _, u := range r.Units {
		if u.Level == ikk.LevelKabupaten && u.Name != "" {
			return u.Name
		}
	}
	return ""
}

// Annex writes the lampiran of a Keputusan Bupati in a format of
// DocFormats: the decree's heading, every assessed desa with its IKK and
// category, the cut-offs and the signature. It holds no personal data.
func Annex(w io.Writer, r *ikk.Result, d Decree, format, lang string) error {
	return renderDoc(w, annexDocument(r, d, lang), format)
}

func annexDocument(r *ikk.Result, d Decree, lang string) *document {
	kab := d.Kabupaten
	if kab == "" {
		kab = KabupatenName(r)
	}
	upper := strings.ToUpper(kab)
	jabatan := d.Jabatan
	if jabatan == "" {
		jabatan = dw(lang, "annex.bupati", "kabupaten", upper)
	}
	tanggal := dots
	if !d.Tanggal.IsZero() {
		tanggal = strings.ToUpper(LongDate(d.Tanggal, lang))
	}
	corner := docBlock{kind: blockCorner, lines: []string{
		dw(lang, "annex.lampiran"),
		dw(lang, "annex.keputusan", "jabatan", jabatan),
		dw(lang, "annex.nomor") + " : " + orDots(d.Nomor),
		dw(lang, "annex.tanggal") + " : " + tanggal,
		dw(lang, "annex.tentang") + " : " + strings.ToUpper(orDots(d.Tentang)),
	}}
	title := docBlock{kind: blockTitle, lines: []string{dw(lang, "annex.title1", withIndex(r.Set, lang)...), dw(lang, "annex.title2", "kabupaten", upper)}}
	if !d.Tanggal.IsZero() {
		title.lines = append(title.lines, dw(lang, "annex.year", "year", strconv.Itoa(d.Tanggal.Year())))
	}
	note := docBlock{kind: blockNote, lines: append([]string{dw(lang, "annex.legend", withIndex(r.Set, lang)...)}, categoryLegend(r.Set, lang)...)}
	note.lines = append(note.lines, dw(lang, "annex.method", withIndex(r.Set, lang, "indicators", Int(len(r.Set.Indicators), lang), "dimensions", Int(len(r.Set.Dimensions), lang))...))
	if len(d.Lokus) > 0 {
		var list []string
		for _, u := range d.Lokus {
			list = append(list, dw(lang, "annex.lokus_one", "kind", DesaKind(u, lang), "desa", unitName(u), "kecamatan", u.Kecamatan))
		}
		note.lines = append(note.lines, dw(lang, "annex.lokus_note", "list", joinAnd(list, lang)))
	}
	sign := docBlock{kind: blockSignature, lines: []string{jabatan + ",", "", "", "", orDots(strings.ToUpper(d.Penandatangan))}}
	prov := docBlock{kind: blockSmall, lines: []string{dw(lang, "provenance", "set", cmp.Or(r.Set.Name, r.Set.ID), "version", r.Set.Version)}}
	doc := &document{
		title: dw(lang, "annex.lampiran") + " " + dw(lang, "annex.keputusan", "jabatan", jabatan),
		sections: []docSection{{name: dw(lang, "annex.sheet"), blocks: []docBlock{corner, title,
			{kind: blockTable, table: annexTable(r, d, lang)}, note, sign, prov}}},
	}
	if d.Justify != nil {
		rep := *d.Justify
		rep.Kabupaten = cmp.Or(rep.Kabupaten, kab)
		doc.sections = append(doc.sections, lokusSection(&rep, lang, true))
	}
	return doc
}

// annexTable lists every assessed desa, by kecamatan or by rank, with the
// subtotals asked for.
func annexTable(r *ikk.Result, d Decree, lang string) *docTable {
	t := &docTable{
		head: []string{dw(lang, "annex.no"), dw(lang, "annex.code"), dw(lang, "annex.kecamatan"), dw(lang, "annex.desa"),
			dw(lang, "annex.kk"), dw(lang, "annex.ikk", withIndex(r.Set, lang)...), dw(lang, "annex.category"), dw(lang, "annex.note")},
		// Extra room, when the page has some, goes to the names.
		widths: []float64{0, 0, 1, 1, 0, 0, 0.5, 0.5},
		// Eight columns on a portrait page, each desa on one line.
		size: 8.5,
	}
	if d.ByRank {
		t.head[0] = dw(lang, "annex.rank")
	}
	lokus := map[*ikk.Unit]bool{}
	for _, u := range d.Lokus {
		lokus[u] = true
	}
	desaRow := func(u *ikk.Unit, first docCell) docRow {
		note := ""
		if lokus[u] {
			note = dw(lang, "annex.lokus")
		}
		return docRow{cells: []docCell{first, textCell(orDash(u.Code)), textCell(u.Kecamatan), textCell(unitName(u)),
			intCell(u.Households, lang), numCell(u.IKK, lang), textCell(categoryShort(u.Category)), textCell(note)}, bold: lokus[u]}
	}
	totalRow := func(u *ikk.Unit, label string) docRow {
		return docRow{bold: true, span: 4, cells: []docCell{textCell(label), textCell(""), textCell(""), textCell(""),
			intCell(u.Households, lang), numCell(u.IKK, lang), textCell(categoryShort(u.Category)), textCell("")}}
	}
	if d.ByRank {
		for _, rk := range ikk.RankDesa(r) {
			first := textCell("–")
			if rk.Rank > 0 {
				first = intCell(rk.Rank, lang)
			}
			t.rows = append(t.rows, desaRow(rk.Unit, first))
		}
		return t
	}
	n := 0
	var kec *ikk.Unit
	flush := func() {
		if d.Subtotals && kec != nil {
			t.rows = append(t.rows, totalRow(kec, dw(lang, "annex.subtotal", "kecamatan", unitName(kec))))
		}
	}
	for _, u := range r.Units {
		switch u.Level {
		case ikk.LevelKecamatan:
			flush()
			kec = u
		case ikk.LevelDesa:
			n++
			t.rows = append(t.rows, desaRow(u, intCell(n, lang)))
		}
	}
	flush()
	if d.Subtotals {
		for _, u := range r.Units {
			if u.Level == ikk.LevelKabupaten {
				t.rows = append(t.rows, totalRow(u, dw(lang, "annex.total", "kabupaten", unitName(u))))
			}
		}
	}
	return t
}

// categoryLegend spells out each category beside its number, with its
// cut-offs as a decree writes them: "2 = Cukup ...: 60,00 ≤ IKK < 75,00".
func categoryLegend(set *ikk.Set, lang string) []string {
	return categoryRanges(set, lang, func(c *ikk.Category) string { return c.Label })
}

// categoryRanges is categoryLegend with each category named by name. A
// bound a category includes is written ≤ (≥ for the last), one it excludes
// < (>): iBangga's berkembang is 40,00 ≤ iBangga ≤ 70,00.
func categoryRanges(set *ikk.Set, lang string, name func(*ikk.Category) string) []string {
	var out []string
	cats := set.Categories
	for i := range cats {
		c := &cats[i]
		kv := []string{"id", strconv.Itoa(c.ID), "label", name(c)}
		if i > 0 {
			kv = append(kv, "min", Num(c.Min, lang), "lo", lowerSign(c, i+1 == len(cats)))
		}
		if i+1 < len(cats) {
			kv = append(kv, "max", Num(cats[i+1].Min, lang), "hi", upperSign(&cats[i+1]))
		}
		key := "annex.legend_mid"
		switch {
		case len(cats) == 1:
			key = "annex.legend_only"
		case i == 0:
			key = "annex.legend_first"
		case i+1 == len(cats):
			key = "annex.legend_last"
		}
		out = append(out, dw(lang, key, withIndex(set, lang, kv...)...))
	}
	return out
}

// lowerSign relates a category's lower bound to the index: "≤" for a bound
// it includes ("≥" when the index is written first, in the last category),
// "<" (">") for one it excludes.
func lowerSign(c *ikk.Category, last bool) string {
	switch {
	case last && c.Open:
		return ">"
	case last:
		return "≥"
	case c.Open:
		return "<"
	}
	return "≤"
}

// upperSign relates the index to the lower bound of the next category,
// which is where a category ends: before it ("<") when the next includes
// it, up to it ("≤") when the next starts above it.
func upperSign(next *ikk.Category) string {
	if next.Open {
		return "≤"
	}
	return "<"
}

// joinAnd joins items that hold commas themselves ("Desa A, Kecamatan X")
// as legal texts enumerate them: "A; B; dan C".
func joinAnd(list []string, lang string) string {
	if len(list) < 2 {
		return strings.Join(list, "")
	}
	return strings.Join(list[:len(list)-1], "; ") + dw(lang, "annex.and") + list[len(list)-1]
}

func orDots(s string) string {
	if strings.TrimSpace(s) == "" {
		return dots
	}
	return s
}

func orDash(s string) string {
	if s == "" {
		return "–"
	}
	return s
}

// categoryShort is a category as a narrow column holds it: its number and
// short name, the full label being in the legend.
func categoryShort(c *ikk.Category) string {
	if c == nil {
		return "–"
	}
	return strconv.Itoa(c.ID) + "\u00a0" + c.Short
}
