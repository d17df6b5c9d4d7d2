package wilayah

import (
	"strings"
	"unicode"
)

// NameKey folds a unit's name for comparison as real data needs it: case,
// spaces, hyphens and apostrophes ("Sangsang" = "Sang-Sang", "Mabu'un" =
// "Mabuun"), the kind written before the name ("Desa", "Ds.", "Kel.",
// "Kelurahan", "Kec.", "Kecamatan", "Kab.", "Kabupaten"; not "Kota", which
// begins the names of desa as well as of cities) and the
// common abbreviations ("Gn." = "Gunung", "Sei" = "Sungai", "Tj." =
// "Tanjung", "Kp." = "Kampung"). Two names with the same key are the same
// name.
func NameKey(name string) string {
	words := strings.FieldsFunc(strings.ToLower(name), func(r rune) bool {
		return unicode.IsSpace(r) || r == '.' || r == ',' || r == '/' || r == '(' || r == ')'
	})
	// The kind stands first; a name that is only a kind word is kept.
	for len(words) > 1 && kindWords[words[0]] {
		words = words[1:]
	}
	var b strings.Builder
	for _, w := range words {
		if full, ok := abbreviations[w]; ok {
			w = full
		}
		for _, r := range w {
			// Hyphens and apostrophes join or split words at will in the
			// data: they are left out, and so are the spaces, so that
			// "Sang Sang", "Sang-Sang" and "Sangsang" meet.
			if unicode.IsLetter(r) || unicode.IsDigit(r) {
				b.WriteRune(r)
			}
		}
	}
	return b.String()
}

// kindWords are the words of a unit's kind written before its name.
var kindWords = map[string]bool{
	"desa": true, "ds": true, "kelurahan": true, "kel": true, "kec": true, "kecamatan": true,
	"kab": true, "kabupaten": true, "provinsi": true, "prov": true,
}

// abbreviations are the short forms of geographic words that cadres write.
var abbreviations = map[string]string{
	"gn": "gunung", "sei": "sungai", "sg": "sungai", "tj": "tanjung", "tg": "tanjung", "kp": "kampung",
	"kpg": "kampung", "psr": "pasar", "bt": "batu", "kr": "karang",
}
