package report

import (
	"strings"

	"github.com/ikk-tools/ikk/ikk"
)

// nameParams writes the parameters of an issue of a unit's name or code
// (ikk/names.go): its kind, the spellings the data writes with their rows,
// the register's units it may mean, and where a name was looked for.
func nameParams(lang string, is ikk.Issue) []string {
	var kv []string
	if k := is.Param("kind"); k != "" {
		kv = append(kv, "kind", Say(lang, "wilayah."+k))
	}
	if len(is.Spellings) > 0 {
		list := make([]string, len(is.Spellings))
		for i, s := range is.Spellings {
			if s.Rows == 1 {
				list[i] = Say(lang, "names.spelling1", "text", s.Text)
			} else {
				list[i] = Say(lang, "names.spelling", "text", s.Text, "rows", Int(s.Rows, lang))
			}
		}
		kv = append(kv, "spellings", strings.Join(list, ", "))
	}
	if len(is.Candidates) > 0 {
		list := make([]string, len(is.Candidates))
		for i, p := range is.Candidates {
			list[i] = PlaceText(lang, p)
		}
		kv = append(kv, "candidates", strings.Join(list, Say(lang, "names.or")))
	}
	if is.Code == ikk.IssueNameUnresolved {
		scope := is.Param("kabupaten")
		if scope == "" {
			scope = Say(lang, "names.scope_all")
		}
		kv = append(kv, "scope", scope)
	}
	return kv
}

// DesaKind is the word for what a desa is, from its code: "Kelurahan" for
// a kelurahan (1xxx), "Desa" otherwise.
func DesaKind(u *ikk.Unit, lang string) string {
	if u.Kelurahan() {
		return Say(lang, "wilayah.kelurahan")
	}
	return Say(lang, "wilayah.desa")
}

// PlaceText names a unit of the register as an issue proposes it: "Desa
// Ampukung (63.09.02.2002, Kelua, Kabupaten Tabalong)".
func PlaceText(lang string, p ikk.Place) string {
	kind := Say(lang, "wilayah."+p.Kind)
	name := p.Name
	// A kabupaten's name says its kind already ("Kabupaten Tabalong").
	if p.Kind == ikk.KindKabupaten || p.Kind == ikk.KindKota {
		kind, name = "", strings.TrimSpace(p.Name)
	}
	key := "names.place"
	if len(p.Above) == 0 {
		key = "names.place_top"
	}
	return strings.TrimSpace(Say(lang, key, "kind", kind, "name", name, "code", p.Code, "above", strings.Join(p.Above, ", ")))
}
