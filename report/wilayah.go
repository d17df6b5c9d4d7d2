package report

import (
	"io"
	"strings"

	"github.com/ikk-tools/ikk/wilayah"
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
		"wilayah.code":      {ID: "Kode", EN: "Code"},
		"wilayah.name":      {ID: "Nama", EN: "Name"},
		"wilayah.kind":      {ID: "Jenis", EN: "Kind"},
		"wilayah.in":        {ID: "Berada di", EN: "Within"},
		"wilayah.province":  {ID: "Provinsi", EN: "Province"},
		"wilayah.kabupaten": {ID: "Kabupaten", EN: "Kabupaten"},
		"wilayah.kota":      {ID: "Kota", EN: "Kota"},
		"wilayah.kecamatan": {ID: "Kecamatan", EN: "Kecamatan"},
		"wilayah.desa":      {ID: "Desa", EN: "Desa"},
		"wilayah.kelurahan": {ID: "Kelurahan", EN: "Kelurahan"},
		"wilayah.none":      {ID: "tidak ada wilayah yang cocok dengan {query} dalam daftar wilayah Kemendagri", EN: "no unit of the Kemendagri register matches {query}"},
		"wilayah.source":    {ID: "Sumber: daftar wilayah Kemendagri dari idn-area-data {version} (ODbL 1.0)", EN: "Source: the Kemendagri register from idn-area-data {version} (ODbL 1.0)"},
	})
}
