package ikk

import (
	"bytes"
	"math"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
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

// NumberUnit says what a number column measures, and so which spellings of a
// number its cells may take beyond digits and separators (indicator file:
// `unit: rupiah` or `unit: m2` on a number column).
type NumberUnit uint8

const (
	// UnitNone is a number column that declares no unit. It reads what ikk
	// read before units existed, an "Rp" prefix included, so that a set
	// written then reads its surveys as it did.
	UnitNone NumberUnit = iota
	// UnitRupiah is an amount of money: "Rp", "Rp." or "IDR" before the
	// number, ",-" after it, and the multipliers rb/ribu/k, jt/juta and
	// miliar/milyar ("750rb", "2,5 juta"). A lone "M" is refused: it is
	// miliar to some and juta to others.
	UnitRupiah
	// UnitArea is an area in square metres: "m2", "m²" or "meter persegi"
	// after the number.
	UnitArea
	// unitCount is a number of people: digits and separators only.
	unitCount
)

// unitNames are the units an indicator file may declare, by name.
var unitNames = []struct {
	name string
	unit NumberUnit
}{{"rupiah", UnitRupiah}, {"m2", UnitArea}}

func (u NumberUnit) String() string {
	for _, n := range unitNames {
		if n.unit == u {
			return n.name
		}
	}
	return ""
}

// unitNamed returns the unit an indicator file names.
func unitNamed(name string) (NumberUnit, bool) {
	for _, n := range unitNames {
		if n.name == name {
			return n.unit, true
		}
	}
	return UnitNone, false
}

// The spellings a unit's column accepts, said in issues beside the kind of
// value: examples of the forms, in the notation cadres write.
const (
	formsRupiah = "2.500.000, Rp 2.500.000, Rp. 750.000,-, IDR 750.000, 1,250,000, 750rb, 750 ribu, 750k, 2,5 juta, 1,2 jt, 1 miliar"
	formsArea   = "36, 36,5, 36.5, 36,5 m2, 36 m², 36 meter persegi"
)

// ParseNumber reads a number as a column without a unit does: a numeric
// cell as written by a spreadsheet, or text in Indonesian style, where "."
// before exactly three digits groups thousands, "," is the decimal
// separator, and an "Rp" prefix and spaces are ignored: "2.500.000" =
// 2500000, "36,5" = 36.5, "36.5" = 36.5, "Rp 1.250.000,50".
func ParseNumber(s string, kind CellKind) (float64, error) {
	return parseNumber(s, kind, UnitNone)
}

// parseNumber reads a number of a column measuring u. It is asked for
// every number cell of a survey, so it scans by hand and allocates nothing
// for a number of up to 48 characters.
//
// The separators, for text cells (a numeric cell is a number already):
//   - "," is the decimal comma and "." groups thousands ("1.250.000,50");
//   - a single "." is a decimal point unless exactly three digits follow it
//     and something other than a lone 0 precedes it: "1.5" and "0.125" are
//     decimals, "1.250" is 1250;
//   - "," groups thousands only where it cannot be a decimal comma: two
//     or more commas ("1,250,000") or a comma before a point ("1,250.50");
//     a single comma is always the decimal comma ("1,250" is 1.25);
//   - spaces, also no-break spaces, may group thousands ("1 250 000").
func parseNumber(s string, kind CellKind, u NumberUnit) (float64, error) {
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
	neg, signed := false, false
	if t != "" && (t[0] == '-' || t[0] == '+') {
		neg, signed, t = t[0] == '-', true, strings.TrimSpace(t[1:])
	}
	if u == UnitNone || u == UnitRupiah {
		t = cutCurrency(t, u)
	}
	if !signed && t != "" && (t[0] == '-' || t[0] == '+') {
		neg, t = t[0] == '-', strings.TrimSpace(t[1:])
	}
	exp := 0
	switch u {
	case UnitRupiah:
		t, exp = cutRupiahSuffix(t)
	case UnitArea:
		t = cutAreaSuffix(t)
	}
	var f float64
	var err error
	if strings.ContainsAny(t, "eE") && exp == 0 {
		f, err = parseScientific(t)
	} else {
		f, err = parseDigits(t, exp)
	}
	if err != nil {
		return 0, err
	}
	if neg {
		f = -f
	}
	return f, nil
}

// cutCurrency removes a currency before a number: "Rp", "Rp." and, in a
// rupiah column, "IDR".
func cutCurrency(t string, u NumberUnit) string {
	switch {
	case len(t) >= 2 && t[0]|0x20 == 'r' && t[1]|0x20 == 'p':
		t = t[2:]
		if t != "" && t[0] == '.' {
			t = t[1:]
		}
	case u == UnitRupiah && len(t) >= 3 && strings.EqualFold(t[:3], "idr"):
		t = t[3:]
	default:
		return t
	}
	return strings.TrimSpace(t)
}

// rupiahSuffixes are the words after an amount, each with the power of ten
// it multiplies by. "rupiah" may follow a multiplier ("2 juta rupiah").
var rupiahSuffixes = []struct {
	word string
	exp  int
}{
	{"miliar", 9}, {"milyar", 9},
	{"juta", 6}, {"jt.", 6}, {"jt", 6},
	{"ribu", 3}, {"rb.", 3}, {"rb", 3}, {"k", 3},
}

// cutRupiahSuffix removes what may follow an amount: a multiplier and then
// "rupiah", or ",-" (no cents: "Rp 750.000,-"); exp is the multiplier's
// power of ten.
func cutRupiahSuffix(t string) (string, int) {
	if endsInDigit(t) {
		return t, 0 // nearly every amount
	}
	if w, ok := cutWord(t, "rupiah"); ok {
		t = w
	}
	for _, m := range rupiahSuffixes {
		if w, ok := cutWord(t, m.word); ok {
			return w, m.exp
		}
	}
	if strings.HasSuffix(t, ",-") || strings.HasSuffix(t, ".-") {
		return t[:len(t)-2], 0
	}
	return t, 0
}

// areaSuffixes are the units after an area.
var areaSuffixes = []string{"m2", "m²", "meter persegi"}

func cutAreaSuffix(t string) string {
	if endsInDigit(t) && (len(t) < 2 || t[len(t)-2]|0x20 != 'm') {
		return t // nearly every area; "m2" ends in a digit too
	}
	for _, w := range areaSuffixes {
		if rest, ok := cutWord(t, w); ok {
			return rest
		}
	}
	return t
}

func endsInDigit(t string) bool { return t != "" && t[len(t)-1] >= '0' && t[len(t)-1] <= '9' }

// cutWord removes word (any case) from the end of t when a digit or a
// space stands before it ("750rb", "750 ribu"), and the spaces before it.
func cutWord(t, word string) (string, bool) {
	n := len(t) - len(word)
	if n <= 0 || !strings.EqualFold(t[n:], word) {
		return t, false
	}
	if r, _ := utf8.DecodeLastRuneInString(t[:n]); (r < '0' || r > '9') && !unicode.IsSpace(r) {
		return t, false
	}
	return strings.TrimSpace(t[:n]), true
}

// parseScientific reads the exponent form of a raw spreadsheet value
// ("1.5E-3"): digits, an optional point and digits, e, an optional sign
// and digits. Nothing else (no hexadecimal, no Inf) gets to strconv.
func parseScientific(t string) (float64, error) {
	i, digits := 0, 0
	for i < len(t) && t[i] >= '0' && t[i] <= '9' {
		i, digits = i+1, digits+1
	}
	if i < len(t) && t[i] == '.' {
		i++
		for i < len(t) && t[i] >= '0' && t[i] <= '9' {
			i, digits = i+1, digits+1
		}
	}
	if digits == 0 || i >= len(t) || t[i]|0x20 != 'e' {
		return 0, errNotNumber
	}
	i++
	if i < len(t) && (t[i] == '-' || t[i] == '+') {
		i++
	}
	if i == len(t) || !allDigits(t[i:]) {
		return 0, errNotNumber
	}
	f, err := strconv.ParseFloat(t, 64)
	if err != nil || math.IsInf(f, 0) || math.IsNaN(f) {
		return 0, errNotNumber
	}
	return f, nil
}

// parseDigits reads digits with separators (the rules of parseNumber),
// times 10^exp.
func parseDigits(t string, exp int) (float64, error) {
	// The characters that count, spaces left out: a number is short, and
	// a longer one only costs an allocation.
	var cb [48]byte
	b := cb[:0]
	nComma, nDot, lastComma, firstDot := 0, 0, -1, -1
	for i := 0; i < len(t); {
		c := t[i]
		switch {
		case c >= '0' && c <= '9':
		case c == ',':
			nComma++
			lastComma = len(b)
		case c == '.':
			if firstDot < 0 {
				firstDot = len(b)
			}
			nDot++
		case c == ' ' || c == '\t':
			i++
			continue
		case c >= utf8.RuneSelf:
			r, size := utf8.DecodeRuneInString(t[i:])
			if !unicode.IsSpace(r) {
				return 0, errNotNumber
			}
			i += size
			continue
		default:
			return 0, errNotNumber
		}
		b = append(b, c)
		i++
	}
	var intPart, frac []byte
	var group byte // the thousands separator, 0 when the integer part has none
	switch {
	case nComma >= 2 || nComma == 1 && nDot > 0 && firstDot > lastComma:
		// English: commas group thousands, a point (after them) is the
		// decimal point.
		if nDot > 1 || nDot == 1 && firstDot < lastComma {
			return 0, errNotNumber
		}
		intPart, group = b, ','
		if nDot == 1 {
			intPart, frac = b[:firstDot], b[firstDot+1:]
			if len(frac) == 0 {
				return 0, errNotNumber
			}
		}
	default:
		intPart = b
		if nComma == 1 {
			intPart, frac = b[:lastComma], b[lastComma+1:]
			if len(frac) == 0 || bytes.IndexByte(frac, '.') >= 0 {
				return 0, errNotNumber
			}
		}
		switch {
		case nDot == 0:
		case nComma == 0 && nDot == 1 && (len(b)-firstDot-1 != 3 || firstDot == 1 && b[0] == '0'):
			// "36.5" and "0.125": a dot not followed by exactly three
			// digits, or after a lone 0, is a decimal point.
			intPart, frac = b[:firstDot], b[firstDot+1:]
			if len(frac) == 0 {
				return 0, errNotNumber
			}
		default:
			group = '.'
		}
	}
	if len(intPart) == 0 {
		return 0, errNotNumber
	}
	var lb [64]byte
	lit := lb[:0]
	if group != 0 {
		// 1-3 leading digits (not starting with 0), then groups of three.
		lead := bytes.IndexByte(intPart, group)
		if lead < 1 || lead > 3 || intPart[0] == '0' {
			return 0, errNotNumber
		}
		lit = append(lit, intPart[:lead]...)
		for rest := intPart[lead:]; len(rest) > 0; rest = rest[4:] {
			if len(rest) < 4 || rest[0] != group || !allDigitBytes(rest[1:4]) {
				return 0, errNotNumber
			}
			lit = append(lit, rest[1:4]...)
		}
	} else {
		if !allDigitBytes(intPart) {
			return 0, errNotNumber
		}
		lit = append(lit, intPart...)
	}
	if frac != nil {
		if !allDigitBytes(frac) {
			return 0, errNotNumber
		}
		lit = append(lit, '.')
		lit = append(lit, frac...)
	}
	if exp != 0 {
		lit = append(lit, 'e')
		lit = strconv.AppendInt(lit, int64(exp), 10)
	}
	f, err := strconv.ParseFloat(string(lit), 64)
	if err != nil || math.IsInf(f, 0) {
		return 0, errNotNumber
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

func allDigitBytes(b []byte) bool {
	for _, c := range b {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

// ParseCount reads a whole number of people ("3", "3.0", "03"): digits and
// separators, no currency or unit.
func ParseCount(s string, kind CellKind) (int, error) {
	f, err := parseNumber(s, kind, unitCount)
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
