package ikk

import (
	"math"
	"strconv"
	"strings"
	"unicode"
)

// CellKind says what a reader knows about a cell's type. CSV cells are all
// text; a typed spreadsheet reader can say that a cell is a number, which
// matters because text "1.125" is Indonesian for 1125 while a numeric cell
// holding 1.125 is one and a bit.
type CellKind uint8

const (
	KindText CellKind = iota
	KindNumber
	KindBool
	// KindFormula is a formula saved without its result (Value is ""):
	// what it computes is not known, so the cell is invalid wherever it is
	// read, never blank; saving the file in Excel or LibreOffice stores
	// the results.
	KindFormula
)

// normText folds a cell for vocabulary look-ups: trimmed, lower case, inner
// white space collapsed. Cells are mostly short ASCII words ("Ya", "TIDAK"),
// folded here without allocating when they need no change.
func normText(s string) string {
	var buf [64]byte
	if b, ok := foldASCII(buf[:0], s); ok {
		if string(b) == s {
			return s
		}
		return string(b)
	}
	return strings.Join(strings.Fields(strings.ToLower(s)), " ")
}

// foldASCII appends the folded form of s to dst; ok is false when s holds
// anything but ASCII, which needs the Unicode path.
func foldASCII(dst []byte, s string) ([]byte, bool) {
	space := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 0x80:
			return dst, false
		case c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f':
			space = true
			continue
		case c >= 'A' && c <= 'Z':
			c += 'a' - 'A'
		}
		if space && len(dst) > 0 {
			dst = append(dst, ' ')
		}
		space = false
		dst = append(dst, c)
	}
	return dst, true
}

// yesWord looks a folded word up in the yes/no vocabulary. A switch, not a
// map: it is asked once per yes/no cell, tens of millions of times a run.
func yesWord(w string) (yes, ok bool) {
	switch w {
	case "ya", "y", "yes", "1", "true", "benar":
		return true, true
	case "tidak", "tdk", "t", "no", "n", "0", "2", "false", "salah":
		return false, true
	}
	return false, false
}

// acceptedYes and acceptedNo are the accepted vocabulary, said in issues.
const (
	acceptedYes = "ya/y/yes/1/true/benar"
	acceptedNo  = "tidak/tdk/t/no/n/0/2/false/salah"
)

// ParseYesNo reads a yes/no answer. Numeric cells 1 and 0 (and 2, the usual
// "no" code of Indonesian questionnaires) are accepted as well as words.
func ParseYesNo(s string) (bool, error) {
	// The answers as questionnaires write them, without folding.
	switch s {
	case "1", "Ya", "ya", "YA":
		return true, nil
	case "0", "2", "Tidak", "tidak", "TIDAK":
		return false, nil
	}
	var buf [64]byte
	if b, ok := foldASCII(buf[:0], s); ok {
		// The switch on string(b) does not allocate.
		if v, ok := yesWord(string(b)); ok {
			return v, nil
		}
	}
	k := normText(s)
	if v, ok := yesWord(k); ok {
		return v, nil
	}
	// "1.0" from a numeric cell, "01" from a text cell.
	if n, err := parseCodeNumber(k); err == nil {
		switch n {
		case 1:
			return true, nil
		case 0, 2:
			return false, nil
		}
	}
	return false, errNotYesNo
}

// parseCodeNumber reads an integer code written as "1", "01", "1.0", "1,0".
func parseCodeNumber(s string) (int, error) {
	if s == "" {
		return 0, errNotNumber
	}
	if i := strings.IndexAny(s, ".,"); i >= 0 {
		if strings.Trim(s[i+1:], "0") != "" {
			return 0, errNotNumber
		}
		s = s[:i]
	}
	// Leading zeros ("01", "0002") carry no meaning in a code.
	for len(s) > 1 && s[0] == '0' {
		s = s[1:]
	}
	if s == "" || len(s) > 9 {
		return 0, errNotNumber
	}
	n := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < '0' || c > '9' {
			return 0, errNotNumber
		}
		n = n*10 + int(c-'0')
	}
	return n, nil
}

// The errors of the parsers are built once: a miscoded column has one per
// family.
var (
	errNotNumber         = say(MsgNotNumber)
	errNotYesNo          = say(MsgNotYesNo)
	errNotCode           = say(MsgNotCode)
	errNotWholeNumber    = say(MsgNotWholeNumber)
	errNotSex            = say(MsgNotSex)
	errNotVillageCode    = say(MsgNotVillageCode, "accepted", AcceptedVillageCode)
	errVillageCodeDigits = say(MsgVillageCodeDigits, "accepted", AcceptedVillageCode)
)

// ParseCode reads a code answer: an integer ("1", "1.0", "01"), a code followed
// by its label ("1. Milik sendiri", "1 - Milik sendiri") or the label alone as
// the indicator file writes it (case-insensitive). labels maps a folded label
// to its code and may be nil.
func ParseCode(s string, labels map[string]int) (int, error) {
	if len(s) == 1 && s[0] >= '0' && s[0] <= '9' {
		return int(s[0] - '0'), nil
	}
	k := normText(s)
	if n, err := parseCodeNumber(k); err == nil {
		return n, nil
	}
	// A leading code: digits followed by a separator and a label.
	i := 0
	for i < len(k) && k[i] >= '0' && k[i] <= '9' {
		i++
	}
	if i > 0 && i < len(k) && i <= 9 {
		rest := k[i:]
		// "1. Milik sendiri": a separator, then a label; "1.5" is no code.
		if r := strings.TrimLeft(rest, " .)-:="); len(r) < len(rest) && r != "" && (r[0] < '0' || r[0] > '9') {
			n, _ := parseCodeNumber(k[:i])
			return n, nil
		}
	}
	if n, ok := labels[k]; ok {
		return n, nil
	}
	return 0, errNotCode
}

// hasSpace reports whether s holds white space or anything not ASCII (which
// may be a no-break space).
func hasSpace(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c <= ' ' || c >= 0x80 {
			return true
		}
	}
	return false
}

// ParseNumber reads a number: a numeric cell as written by a spreadsheet, or
// text in Indonesian style, where "." before exactly three digits groups
// thousands, "," is the decimal separator, and "Rp" and spaces are ignored:
// "2.500.000" = 2500000, "36,5" = 36.5, "36.5" = 36.5, "Rp 1.250.000,50".
func ParseNumber(s string, kind CellKind) (float64, error) {
	t := strings.TrimSpace(s)
	// Most cells are plain whole numbers ("4", "2500000").
	if len(t) > 0 && len(t) <= 15 && allDigits(t) {
		var n int64
		for i := 0; i < len(t); i++ {
			n = n*10 + int64(t[i]-'0')
		}
		return float64(n), nil
	}
	if kind == KindNumber {
		if f, err := strconv.ParseFloat(t, 64); err == nil && !math.IsInf(f, 0) && !math.IsNaN(f) {
			return f, nil
		}
	}
	// Drop the currency ("Rp", "Rp.") and every kind of space (Excel's
	// thousands space is often a no-break space).
	if len(t) >= 2 && strings.EqualFold(t[:2], "rp") {
		t = strings.TrimPrefix(t[2:], ".")
	}
	if hasSpace(t) {
		var b strings.Builder
		for _, r := range t {
			if unicode.IsSpace(r) || r == '\u00a0' {
				continue
			}
			b.WriteRune(r)
		}
		t = b.String()
	}
	if t == "" {
		return 0, errNotNumber
	}
	neg := false
	if t[0] == '-' || t[0] == '+' {
		neg = t[0] == '-'
		t = t[1:]
	}
	if t == "" {
		return 0, errNotNumber
	}
	// Scientific notation from a raw spreadsheet value ("1.5E-3").
	if strings.ContainsAny(t, "eE") {
		f, err := strconv.ParseFloat(t, 64)
		if err != nil || math.IsInf(f, 0) || math.IsNaN(f) {
			return 0, errNotNumber
		}
		if neg {
			f = -f
		}
		return f, nil
	}
	intPart, frac, hasComma := strings.Cut(t, ",")
	if hasComma && strings.ContainsAny(frac, ".,") {
		return 0, errNotNumber
	}
	var digits strings.Builder
	groups := strings.Split(intPart, ".")
	switch {
	case len(groups) == 1:
		digits.WriteString(groups[0])
	case !hasComma && len(groups) == 2 && (len(groups[1]) != 3 || groups[0] == "0"):
		// "36.5" and "0.125": a dot not followed by exactly three digits, or
		// after a lone 0, is a decimal point.
		digits.WriteString(groups[0])
		frac = groups[1]
		hasComma = true
	default:
		// Thousands groups: 1-3 leading digits (not starting with 0), then
		// groups of exactly three.
		if len(groups[0]) == 0 || len(groups[0]) > 3 || groups[0][0] == '0' {
			return 0, errNotNumber
		}
		for i, g := range groups {
			if i > 0 && len(g) != 3 {
				return 0, errNotNumber
			}
			digits.WriteString(g)
		}
	}
	ds := digits.String()
	if ds == "" || !allDigits(ds) || (hasComma && (frac == "" || !allDigits(frac))) {
		return 0, errNotNumber
	}
	lit := ds
	if hasComma {
		lit += "." + frac
	}
	f, err := strconv.ParseFloat(lit, 64)
	if err != nil || math.IsInf(f, 0) {
		return 0, errNotNumber
	}
	if neg {
		f = -f
	}
	return f, nil
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// ParseCount reads a whole number of people ("3", "3.0", "03").
func ParseCount(s string, kind CellKind) (int, error) {
	f, err := ParseNumber(s, kind)
	if err != nil {
		return 0, err
	}
	if f != math.Trunc(f) || math.Abs(f) > 1e6 {
		return 0, errNotWholeNumber
	}
	return int(f), nil
}

// Sex of the head of the family.
type Sex uint8

const (
	SexUnknown Sex = iota
	SexMale
	SexFemale
)

func (s Sex) String() string {
	switch s {
	case SexMale:
		return "L"
	case SexFemale:
		return "P"
	}
	return ""
}

var sexWords = map[string]Sex{
	"l": SexMale, "lk": SexMale, "laki-laki": SexMale, "laki laki": SexMale, "laki": SexMale, "pria": SexMale, "1": SexMale,
	"p": SexFemale, "pr": SexFemale, "perempuan": SexFemale, "wanita": SexFemale, "2": SexFemale,
}

// ParseSex reads the sex of the head: L/P, Laki-laki/Perempuan, 1 = L, 2 = P.
func ParseSex(s string) (Sex, error) {
	k := normText(s)
	if v, ok := sexWords[k]; ok {
		return v, nil
	}
	if n, err := parseCodeNumber(k); err == nil && (n == 1 || n == 2) {
		return Sex(n), nil
	}
	return SexUnknown, errNotSex
}

// NormalizeVillageCode turns a Kemendagri village code into its dotted form:
// "6309062004" and "63.09.06.2004" both give "63.09.06.2004".
func NormalizeVillageCode(s string) (string, error) {
	if canonicalVillageCode(s) {
		return s, nil
	}
	t := strings.TrimSpace(s)
	t = strings.TrimSuffix(t, ".0") // a numeric cell read back as a float
	var d []byte
	for i := 0; i < len(t); i++ {
		c := t[i]
		switch {
		case c >= '0' && c <= '9':
			d = append(d, c)
		case c == '.' || c == ' ' || c == '-':
		default:
			return "", errNotVillageCode
		}
	}
	if len(d) != 10 {
		return "", errVillageCodeDigits
	}
	// The separators, when written, must sit where Kemendagri puts them.
	if strings.ContainsAny(t, ".- ") {
		parts := strings.FieldsFunc(t, func(r rune) bool { return r == '.' || r == '-' || r == ' ' })
		if len(parts) != 4 || len(parts[0]) != 2 || len(parts[1]) != 2 || len(parts[2]) != 2 || len(parts[3]) != 4 {
			return "", errNotVillageCode
		}
	}
	return string(d[0:2]) + "." + string(d[2:4]) + "." + string(d[4:6]) + "." + string(d[6:10]), nil
}

// canonicalVillageCode reports whether s is written 63.09.06.2004 already,
// as nearly every cell of a survey is.
func canonicalVillageCode(s string) bool {
	if len(s) != 13 {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if i == 2 || i == 5 || i == 8 {
			if c != '.' {
				return false
			}
		} else if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

// NormalizeRT makes "003", "3", "RT 03" and "RT.3" the same neighbourhood unit.
func NormalizeRT(s string) string {
	t := normText(s)
	t = strings.TrimPrefix(t, "rt")
	t = strings.TrimLeft(t, " .:-/")
	if t != "" && allDigits(t) {
		t = strings.TrimLeft(t, "0")
		if t == "" {
			t = "0"
		}
	}
	return t
}

// NormalizeName folds a place name for identity: case-insensitive, inner
// spaces collapsed.
func NormalizeName(s string) string {
	return strings.Join(strings.Fields(strings.ToLower(s)), " ")
}
