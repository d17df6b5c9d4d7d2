package ikk

import (
	"slices"
	"strings"
	"unicode/utf8"
)

// maxIssueValue is how much of a cell an issue quotes: enough to recognise
// the value, too little to carry a swallowed row of another family.
const maxIssueValue = 60

// redactIssue makes an issue fit to be listed in reports that are shared:
// its value is cut to a readable length and anything shaped like a KK number
// or NIK is masked, in the value and in the message, unless the user asked
// for personal data.
func redactIssue(is Issue, personal bool) Issue {
	is.Value = cutValue(is.Value)
	if !personal {
		is.Value = maskIDNumbers(is.Value)
		is.Params = maskParams(is.Params)
		if is.Field == nameColumn {
			// A family's name is personal data whatever the issue: the
			// cell is named, its text is not quoted.
			is.Value = ""
		}
	}
	return is
}

// nameColumn is the set's column of the family head's name.
const nameColumn = "nama_kk"

// maskParams masks ID numbers in parameter values (a name in conflict may
// be a KK number typed in the wrong column). The shared slice is copied
// only when a value changes.
func maskParams(kv []string) []string {
	out := kv
	for i := 1; i < len(kv); i += 2 {
		if m := maskIDNumbers(kv[i]); m != kv[i] {
			if &out[0] == &kv[0] {
				out = slices.Clone(kv)
			}
			out[i] = m
		}
	}
	return out
}

func cutValue(v string) string {
	if utf8.RuneCountInString(v) <= maxIssueValue {
		return v
	}
	n := 0
	for i := range v {
		if n == maxIssueValue {
			return v[:i] + "…"
		}
		n++
	}
	return v
}

// idDigits is the length from which a run of digits is taken for a KK
// number or NIK (16 digits; 15 where a spreadsheet dropped a leading zero or
// the last digit).
const idDigits = 15

// maskIDNumbers masks every run of at least idDigits digits, spaces, dots or
// hyphens between digits allowed (6309 0601 0110 0001), keeping the first six
// and the last four digits as MaskKK does.
func maskIDNumbers(s string) string {
	if !hasLongDigitRun(s) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		end, digits := digitRun(s, i)
		if digits >= idDigits {
			b.WriteString(maskRun(s[i:end]))
			i = end
			continue
		}
		if end > i {
			b.WriteString(s[i:end])
			i = end
			continue
		}
		b.WriteByte(s[i])
		i++
	}
	return b.String()
}

// hasLongDigitRun is the test that leaves most messages untouched.
func hasLongDigitRun(s string) bool {
	for i := 0; i < len(s); {
		if !isDigit(s[i]) {
			i++
			continue
		}
		end, digits := digitRun(s, i)
		if digits >= idDigits {
			return true
		}
		i = end
	}
	return false
}

// digitRun returns the end of the run of digits starting at i (separators
// allowed between digits) and how many digits it holds.
func digitRun(s string, i int) (end, digits int) {
	end = i
	for j := i; j < len(s); j++ {
		switch {
		case isDigit(s[j]):
			digits++
			end = j + 1
		case isIDSeparator(s[j]) && digits > 0 && j+1 < len(s) && isDigit(s[j+1]):
		default:
			return end, digits
		}
	}
	return end, digits
}

func maskRun(run string) string {
	var d []byte
	for i := 0; i < len(run); i++ {
		if isDigit(run[i]) {
			d = append(d, run[i])
		}
	}
	return MaskKK(string(d))
}

func isDigit(c byte) bool       { return c >= '0' && c <= '9' }
func isIDSeparator(c byte) bool { return c == ' ' || c == '.' || c == '-' }
