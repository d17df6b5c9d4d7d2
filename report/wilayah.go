package report

import (
	"encoding/csv"
	"fmt"
	"io"
	"strings"

	"github.com/ikk-tools/ikk/wilayah"
	"github.com/xuri/excelize/v2"
)

// WilayahTable lists units of the register: code, name, kind and the units
// above it.
func WilayahTable(w io.Writer, reg *wilayah.Register, units []wilayah.Unit, lang string) error {
	g := &grid{
		head:    []string{Say(lang, "wilayah.code"), Say(lang, "wilayah.name"), Say(lang, "wilayah.kind"), Say(lang, "wilayah.in")},
		numeric: []bool{false, false, false, false},
	}
	for _, u := range units {
		g.add(u.Code, u.Name, unitKind(u, lang), strings.Join(reg.Path(u), ", "))
	}
	return g.render(w, false)
}

// unitKind names what a unit is, from its code (and, for a city, its name).
func unitKind(u wilayah.Unit, lang string) string {
	switch u.Level() {
	case wilayah.Province:
		return Say(lang, "wilayah.province")
	case wilayah.Kabupaten:
		if strings.HasPrefix(u.Name, "Kota ") {
			return Say(lang, "wilayah.kota")
		}
		return Say(lang, "wilayah.kabupaten")
	case wilayah.Kecamatan:
		return Say(lang, "wilayah.kecamatan")
	}
	if u.Kelurahan() {
		return Say(lang, "wilayah.kelurahan")
	}
	return Say(lang, "wilayah.desa")
}

func init() {
	register(map[string]Text{
		"wilayah.code":            {ID: "Kode", EN: "Code"},
		"wilayah.name":            {ID: "Nama", EN: "Name"},
		"wilayah.kind":            {ID: "Jenis", EN: "Kind"},
		"wilayah.in":              {ID: "Berada di", EN: "Within"},
		"wilayah.province":        {ID: "Provinsi", EN: "Province"},
		"wilayah.kabupaten":       {ID: "Kabupaten", EN: "Kabupaten"},
		"wilayah.kota":            {ID: "Kota", EN: "Kota"},
		"wilayah.kecamatan":       {ID: "Kecamatan", EN: "Kecamatan"},
		"wilayah.desa":            {ID: "Desa", EN: "Desa"},
		"wilayah.kelurahan":       {ID: "Kelurahan", EN: "Kelurahan"},
		"wilayah.none":            {ID: "tidak ada wilayah yang cocok dengan {query} dalam daftar wilayah Kemendagri", EN: "no unit of the Kemendagri register matches {query}"},
		"wilayah.list_kind":       {ID: "jenis", EN: "kind"},
		"wilayah.sheet_desa":      {ID: "Desa", EN: "Desa"},
		"wilayah.sheet_kecamatan": {ID: "Kecamatan", EN: "Kecamatan"},
		"wilayah.sheet_source":    {ID: "Sumber", EN: "Source"},
		"wilayah.source":          {ID: "Sumber: daftar wilayah Kemendagri dari idn-area-data {version} (ODbL 1.0)", EN: "Source: the Kemendagri register from idn-area-data {version} (ODbL 1.0)"},
	})
}

// WilayahFormats are the formats of a list of villages: CSV for standard
// output or a file, .xlsx for a file.
func WilayahFormats() []string { return []string{"csv", "xlsx"} }

// WilayahList writes the villages of a unit of the register (a
// kabupaten's desa and kelurahan, with their kecamatan) as CSV or as a
// workbook, to pre-fill data-entry templates: the first columns are the
// survey's own (kode_desa, kabupaten, kecamatan, desa), then the kind. The
// workbook has a sheet of the kecamatan too, and the register's source.
func WilayahList(w io.Writer, reg *wilayah.Register, root wilayah.Unit, source, format, lang string) error {
	rows := wilayahRows(reg, root, lang)
	switch format {
	case "csv":
		cw := csv.NewWriter(w)
		cw.Write(wilayahHead(lang))
		for _, r := range rows {
			cw.Write(r)
		}
		cw.Flush()
		return cw.Error()
	case "xlsx":
		return wilayahWorkbook(w, reg, root, rows, source, lang)
	}
	return fmt.Errorf("unknown format %q", format)
}

func wilayahHead(lang string) []string {
	return []string{"kode_desa", "kabupaten", "kecamatan", "desa", Say(lang, "wilayah.list_kind")}
}

// wilayahRows are the desa and kelurahan below root (or root itself), in
// code order, each with its kabupaten as the data writes it ("Tabalong")
// and its kecamatan.
func wilayahRows(reg *wilayah.Register, root wilayah.Unit, lang string) [][]string {
	desa := []wilayah.Unit{root}
	if root.Level() != wilayah.Desa {
		desa = reg.Below(root.Code, wilayah.Desa)
	}
	name := func(code string) string {
		u, _ := reg.Lookup(code)
		return u.Name
	}
	out := make([][]string, 0, len(desa))
	for _, d := range desa {
		kec := d.Parent()
		out = append(out, []string{d.Code, strings.TrimPrefix(name(kec[:5]), "Kabupaten "), name(kec), d.Name, unitKind(d, lang)})
	}
	return out
}

// wilayahWorkbook writes the list as a workbook: the desa with the
// survey's column names, the kecamatan with their counts, and the source.
func wilayahWorkbook(w io.Writer, reg *wilayah.Register, root wilayah.Unit, rows [][]string, source, lang string) error {
	f, err := newDeterministicFile()
	if err != nil {
		return err
	}
	defer f.Close()
	var werr error
	check := func(err error) {
		if err != nil && werr == nil {
			werr = err
		}
	}
	bold, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}, Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"D9D9D9"}}})
	check(err)
	sheet := func(name string, head []string, rows [][]any, first bool) {
		if first {
			check(f.SetSheetName("Sheet1", name))
		} else if _, err := f.NewSheet(name); err != nil {
			check(err)
			return
		}
		widths := make([]int, len(head))
		for j, h := range head {
			widths[j] = len([]rune(h))
		}
		all := append([][]any{anySlice(head)}, rows...)
		for i, r := range all {
			cell, _ := excelize.CoordinatesToCellName(1, i+1)
			check(f.SetSheetRow(name, cell, &r))
			for j, v := range r {
				if s, ok := v.(string); ok {
					widths[j] = max(widths[j], len([]rune(s)))
				}
			}
		}
		for j, wd := range widths {
			col, _ := excelize.ColumnNumberToName(j + 1)
			check(f.SetColWidth(name, col, col, float64(min(wd, 60)+2)))
		}
		last, _ := excelize.CoordinatesToCellName(len(head), 1)
		check(f.SetCellStyle(name, "A1", last, bold))
		check(f.SetPanes(name, &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}))
		end, _ := excelize.CoordinatesToCellName(len(head), len(all))
		check(f.AutoFilter(name, "A1:"+end, nil))
	}
	desa := make([][]any, len(rows))
	for i, r := range rows {
		desa[i] = anySlice(r)
	}
	sheet(Say(lang, "wilayah.sheet_desa"), wilayahHead(lang), desa, true)
	var kecs []wilayah.Unit
	switch root.Level() {
	case wilayah.Kecamatan:
		kecs = []wilayah.Unit{root}
	case wilayah.Province, wilayah.Kabupaten:
		kecs = reg.Below(root.Code, wilayah.Kecamatan)
	}
	if len(kecs) > 0 {
		var kr [][]any
		for _, k := range kecs {
			nd, nk := 0, 0
			for _, d := range reg.Children(k.Code) {
				if d.Kelurahan() {
					nk++
				} else {
					nd++
				}
			}
			kr = append(kr, []any{k.Code, k.Name, nd, nk})
		}
		sheet(Say(lang, "wilayah.sheet_kecamatan"), []string{"kode_kecamatan", "kecamatan", Say(lang, "wilayah.desa"), Say(lang, "wilayah.kelurahan")}, kr, false)
	}
	sheet(Say(lang, "wilayah.sheet_source"), []string{Say(lang, "wilayah.sheet_source")}, [][]any{{source}}, false)
	if werr != nil {
		return werr
	}
	_, err = f.WriteTo(w)
	return err
}

func anySlice(s []string) []any {
	out := make([]any, len(s))
	for i, v := range s {
		out[i] = v
	}
	return out
}
