package report

import (
	"fmt"
	"io"
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
	Lokus         *ikk.Unit // the desa lokus, when chosen
	ByRank        bool      // list the desa by rank instead of by kecamatan and name
	Subtotals     bool      // a subtotal row after each kecamatan
}

const dots = "...................."

var annexWords = map[string]map[string]string{
	"id": {
		"lampiran": "LAMPIRAN", "keputusan": "KEPUTUSAN %s", "nomor": "NOMOR", "tanggal": "TANGGAL", "tentang": "TENTANG",
		"title1": "HASIL PENGUKURAN INDEKS KUALITAS KELUARGA (IKK)", "title2": "DESA/KELURAHAN DI KABUPATEN %s", "year": "TAHUN %d",
		"no": "No", "code": "Kode Desa", "kecamatan": "Kecamatan", "desa": "Desa/Kelurahan", "kk": "Jumlah KK", "ikk": "IKK",
		"category": "Kategori", "note": "Keterangan", "lokus": "Desa lokus", "rank": "Peringkat",
		"subtotal": "Jumlah Kecamatan %s", "total": "Jumlah Kabupaten %s",
		"cutoffs":    "Kategori IKK menurut nilai yang dibulatkan dua desimal: %s.",
		"method":     "IKK dihitung dari survei keluarga dengan %d indikator dalam %d dimensi (set indikator %s versi %s).",
		"lokus_note": "Desa lokus: Desa %s, Kecamatan %s.", "bupati": "BUPATI %s",
	},
	"en": {
		"lampiran": "ANNEX", "keputusan": "TO THE DECREE OF THE %s", "nomor": "NUMBER", "tanggal": "DATE", "tentang": "ON",
		"title1": "RESULTS OF THE FAMILY QUALITY INDEX (IKK) ASSESSMENT", "title2": "DESA/KELURAHAN OF KABUPATEN %s", "year": "YEAR %d",
		"no": "No", "code": "Desa code", "kecamatan": "Kecamatan", "desa": "Desa/Kelurahan", "kk": "Families", "ikk": "IKK",
		"category": "Category", "note": "Remarks", "lokus": "Pilot desa", "rank": "Rank",
		"subtotal": "Kecamatan %s total", "total": "Kabupaten %s total",
		"cutoffs":    "IKK categories by the value rounded to two decimals: %s.",
		"method":     "The IKK is computed from a family survey with %d indicators in %d dimensions (indicator set %s version %s).",
		"lokus_note": "Pilot desa: Desa %s, Kecamatan %s.", "bupati": "REGENT OF %s",
	},
}

func aw(lang, key string) string {
	if m, ok := annexWords[lang]; ok {
		return m[key]
	}
	return annexWords["id"][key]
}

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
		jabatan = fmt.Sprintf(aw(lang, "bupati"), upper)
	}
	or := func(s string) string {
		if strings.TrimSpace(s) == "" {
			return dots
		}
		return s
	}
	tanggal := dots
	if !d.Tanggal.IsZero() {
		tanggal = strings.ToUpper(LongDate(d.Tanggal, lang))
	}
	corner := docBlock{kind: blockCorner, lines: []string{
		aw(lang, "lampiran"),
		fmt.Sprintf(aw(lang, "keputusan"), jabatan),
		aw(lang, "nomor") + " : " + or(d.Nomor),
		aw(lang, "tanggal") + " : " + tanggal,
		aw(lang, "tentang") + " : " + strings.ToUpper(or(d.Tentang)),
	}}
	title := docBlock{kind: blockTitle, lines: []string{aw(lang, "title1"), fmt.Sprintf(aw(lang, "title2"), upper)}}
	if !d.Tanggal.IsZero() {
		title.lines = append(title.lines, fmt.Sprintf(aw(lang, "year"), d.Tanggal.Year()))
	}

	t := &docTable{
		head:   []string{aw(lang, "no"), aw(lang, "code"), aw(lang, "kecamatan"), aw(lang, "desa"), aw(lang, "kk"), aw(lang, "ikk"), aw(lang, "category"), aw(lang, "note")},
		widths: []float64{1.0, 2.9, 2.2, 2.6, 1.6, 1.3, 3.1, 1.3}, // cm of a 16 cm line
	}
	if d.ByRank {
		t.head[0] = aw(lang, "rank")
	}
	n := 0
	desaRow := func(u *ikk.Unit, first docCell) docRow {
		note := ""
		if u == d.Lokus {
			note = aw(lang, "lokus")
		}
		return docRow{cells: []docCell{first, textCell(orDash(u.Code)), textCell(u.Kecamatan), textCell(unitName(u)),
			intCell(u.Households, lang), numCell(u.IKK, lang), textCell(categoryLabel(u.Category)), textCell(note)}, bold: u == d.Lokus}
	}
	totalRow := func(u *ikk.Unit, label string) docRow {
		return docRow{bold: true, cells: []docCell{textCell(""), textCell(orDash(u.Code)), textCell(label), textCell(""),
			intCell(u.Households, lang), numCell(u.IKK, lang), textCell(categoryLabel(u.Category)), textCell("")}}
	}
	if d.ByRank {
		for _, rk := range ikk.RankDesa(r) {
			first := textCell("–")
			if rk.Rank > 0 {
				first = intCell(rk.Rank, lang)
			}
			t.rows = append(t.rows, desaRow(rk.Unit, first))
		}
	} else {
		var kec *ikk.Unit
		flush := func() {
			if d.Subtotals && kec != nil {
				t.rows = append(t.rows, totalRow(kec, fmt.Sprintf(aw(lang, "subtotal"), unitName(kec))))
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
					t.rows = append(t.rows, totalRow(u, fmt.Sprintf(aw(lang, "total"), unitName(u))))
				}
			}
		}
	}
	note := docBlock{kind: blockNote, lines: []string{
		fmt.Sprintf(aw(lang, "cutoffs"), CutoffText(r.Set, lang)),
		fmt.Sprintf(aw(lang, "method"), len(r.Set.Indicators), len(r.Set.Dimensions), r.Set.ID, r.Set.Version),
	}}
	if d.Lokus != nil {
		note.lines = append(note.lines, fmt.Sprintf(aw(lang, "lokus_note"), unitName(d.Lokus), d.Lokus.Kecamatan))
	}
	sign := docBlock{kind: blockSignature, lines: []string{jabatan + ",", "", "", "", or(strings.ToUpper(d.Penandatangan))}}
	return &document{
		title:    aw(lang, "lampiran") + " " + fmt.Sprintf(aw(lang, "keputusan"), jabatan),
		sections: []docSection{{name: "Lampiran", blocks: []docBlock{corner, title, {kind: blockTable, table: t}, note, sign}}},
	}
}

func orDash(s string) string {
	if s == "" {
		return "–"
	}
	return s
}

func categoryLabel(c *ikk.Category) string {
	if c == nil {
		return "–"
	}
	return c.Label
}
