package report

import (
	"strconv"
	"strings"

	"github.com/ikk-tools/ikk/ikk"
)

// Num formats a value for people: rounded half up to two decimals by
// ikk.Round2Text, with the decimal comma and dot thousands of Bahasa
// Indonesia ("1.234,50") or the English separators ("1,234.50").
func Num(v float64, lang string) string {
	return localize(ikk.Round2Text(v), lang)
}

// NumTrim is Num without trailing zeros, for set values such as cut-offs and
// parameters: "60", "7,2", "582.932".
func NumTrim(v float64, lang string) string {
	t := ikk.Round2Text(v)
	t = strings.TrimSuffix(strings.TrimRight(t, "0"), ".")
	return localize(t, lang)
}

// NumPtr formats an optional value; nil prints as a dash.
func NumPtr(v *float64, lang string) string {
	if v == nil {
		return "–"
	}
	return Num(*v, lang)
}

// Int formats a whole number with thousands separators ("12.345").
func Int(n int, lang string) string {
	return localize(strconv.Itoa(n), lang)
}

// localize writes a plain decimal ("1234.5") with the separators of a
// language: Bahasa Indonesia "1.234,5" (the default), English "1,234.5".
func localize(plain string, lang string) string {
	dec, thou := ",", "."
	if lang == "en" {
		dec, thou = ".", ","
	}
	neg := strings.HasPrefix(plain, "-")
	plain = strings.TrimPrefix(plain, "-")
	intPart, frac, hasFrac := strings.Cut(plain, ".")
	var b strings.Builder
	if neg {
		b.WriteByte('-')
	}
	for i, c := range intPart {
		if i > 0 && (len(intPart)-i)%3 == 0 {
			b.WriteString(thou)
		}
		b.WriteRune(c)
	}
	if hasFrac {
		b.WriteString(dec)
		b.WriteString(frac)
	}
	return b.String()
}
