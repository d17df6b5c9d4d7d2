package report

import (
	"fmt"
	"io"
	"strings"

	"github.com/ikk-tools/ikk/ikk"
)

var followWords = map[string]map[string]string{
	"id": {
		"title": "RENCANA TINDAK LANJUT HASIL PENGUKURAN INDEKS KUALITAS KELUARGA", "kab": "KABUPATEN %s",
		"summary": "%s menindaklanjuti %d indikator di bawah target %s pada %d desa; %s keluarga terdampak.",
		"fill":    "Kolom Kegiatan, Target kegiatan, Sumber Anggaran dan Waktu diisi oleh perangkat daerah.",
		"no":      "No", "indicator": "Indikator", "desa": "Desa/Kelurahan", "kecamatan": "Kecamatan",
		"affected": "KK terdampak", "percent": "Capaian (%)", "target": "Target (%)",
		"kegiatan": "Kegiatan", "target_kegiatan": "Target kegiatan", "anggaran": "Sumber Anggaran", "waktu": "Waktu",
		"none": "Tidak ada indikator di bawah target pada desa yang dipilih.",
	},
	"en": {
		"title": "FOLLOW-UP PLAN FOR THE FAMILY QUALITY INDEX RESULTS", "kab": "KABUPATEN %s",
		"summary": "%s follows up %d indicators below the %s target in %d desa; %s families affected.",
		"fill":    "The Activity, Activity target, Budget source and Timing columns are for the office to fill in.",
		"no":      "No", "indicator": "Indicator", "desa": "Desa/Kelurahan", "kecamatan": "Kecamatan",
		"affected": "Families affected", "percent": "Achievement (%)", "target": "Target (%)",
		"kegiatan": "Activity", "target_kegiatan": "Activity target", "anggaran": "Budget source", "waktu": "Timing",
		"none": "No indicator is below target in the chosen desa.",
	},
}

func fw(lang, key string) string {
	if m, ok := followWords[lang]; ok {
		return m[key]
	}
	return followWords["id"][key]
}

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
	target := NumTrim(set.Target, lang) + "%"
	doc := &document{title: fw(lang, "title")}
	used := map[string]bool{}
	for _, p := range ikk.FollowUp(set, desa) {
		label := set.TagLabel(p.Sector.Key)
		inds, ds := map[*ikk.Indicator]bool{}, map[*ikk.Unit]bool{}
		t := &docTable{
			head: []string{fw(lang, "no"), fw(lang, "indicator"), fw(lang, "desa"), fw(lang, "kecamatan"), fw(lang, "affected"),
				fw(lang, "percent"), fw(lang, "target"), fw(lang, "kegiatan"), fw(lang, "target_kegiatan"), fw(lang, "anggaran"), fw(lang, "waktu")},
			widths: []float64{4, 24, 13, 12, 8, 8, 7, 15, 10, 10, 8},
		}
		for i, a := range p.Actions {
			inds[a.Indicator], ds[a.Desa] = true, true
			pct := a.Percent
			tgt := set.Target
			t.rows = append(t.rows, docRow{cells: []docCell{intCell(i+1, lang), textCell(a.Indicator.ID + " " + a.Indicator.Label),
				textCell(unitName(a.Desa)), textCell(a.Desa.Kecamatan), intCell(a.Fail, lang), numCell(&pct, lang), numCell(&tgt, lang),
				emptyCell(), emptyCell(), emptyCell(), emptyCell()}})
		}
		blocks := []docBlock{
			{kind: blockTitle, lines: []string{fw(lang, "title"), strings.ToUpper(label), fmt.Sprintf(fw(lang, "kab"), strings.ToUpper(kabupaten))}},
			{kind: blockPara, lines: []string{fmt.Sprintf(fw(lang, "summary"), label, len(inds), target, len(ds), Int(p.Households, lang))}},
			{kind: blockTable, table: t},
			{kind: blockNote, lines: []string{fw(lang, "fill")}},
		}
		doc.sections = append(doc.sections, docSection{name: sheetName(label, used), blocks: blocks})
	}
	if len(doc.sections) == 0 {
		doc.sections = []docSection{{name: "Rencana", blocks: []docBlock{
			{kind: blockTitle, lines: []string{fw(lang, "title"), fmt.Sprintf(fw(lang, "kab"), strings.ToUpper(kabupaten))}},
			{kind: blockPara, lines: []string{fw(lang, "none")}},
		}}}
	}
	return doc
}

// sheetName makes an office's label a valid, unique Excel sheet name: at
// most 31 characters, none of : \ / ? * [ ].
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
	r := []rune(name)
	if len(r) > 31 {
		name = strings.TrimSpace(string(r[:31]))
	}
	base := []rune(name)
	for i := 2; used[strings.ToLower(name)]; i++ {
		suffix := fmt.Sprintf(" (%d)", i)
		name = string(base[:min(len(base), 31-len(suffix))]) + suffix
	}
	used[strings.ToLower(name)] = true
	return name
}
