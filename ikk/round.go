package ikk

import (
	"math"
	"strconv"
	"strings"
)

// Round2Text rounds v half away from zero to two decimals and returns the
// result as a plain decimal string with exactly two fraction digits ("73.98").
//
// The rounding works on the shortest decimal form of the float64, the digits a
// person sees, not on its binary value: 2.675 is stored as 2.67499999... but
// prints as "2.675", and a person rounding it writes 2.68. Every displayed
// number and every category decision goes through this function so that a
// printed "75.00" is never shown with the category below 75.
func Round2Text(v float64) string {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return strconv.FormatFloat(v, 'f', -1, 64)
	}
	s := strconv.FormatFloat(v, 'f', -1, 64)
	neg := strings.HasPrefix(s, "-")
	if neg {
		s = s[1:]
	}
	intPart, frac, _ := strings.Cut(s, ".")
	for len(frac) < 3 {
		frac += "0"
	}
	digits := []byte(intPart + frac[:2])
	if frac[2] >= '5' {
		// Carry the increment through the digits.
		i := len(digits) - 1
		for ; i >= 0; i-- {
			if digits[i] == '9' {
				digits[i] = '0'
				continue
			}
			digits[i]++
			break
		}
		if i < 0 {
			digits = append([]byte{'1'}, digits...)
		}
	}
	out := string(digits[:len(digits)-2]) + "." + string(digits[len(digits)-2:])
	if neg && strings.Trim(out, "0.") != "" {
		out = "-" + out
	}
	return out
}

// Round2 is Round2Text as a float64: the float nearest to the rounded decimal.
func Round2(v float64) float64 {
	f, _ := strconv.ParseFloat(Round2Text(v), 64)
	return f
}
