package report

// SafeText neutralises a text cell for a file that a spreadsheet program
// imports as cells (the CSV report): a text starting with =, +, -, @, a tab
// or a carriage return is read there as a formula, so that a survey value
// such as =HYPERLINK(...) typed as an RT or a desa name would run when the
// file is opened. It gets a leading apostrophe, the OWASP rule, which the
// program shows as the text typed.
//
// A plain negative number (-3, -0,5, -1.234,5) is left as it is: it cannot
// hold a formula, and number columns, which hold such numbers, go through
// the same writer unchanged.
//
// Workbooks do not need it: excelize stores a Go string as a string cell
// (an inline or shared string, never an <f> element), so the text typed
// stays text there; the workbook tests check that no cell holds a formula.
func SafeText(s string) string {
	if s == "" {
		return s
	}
	switch s[0] {
	case '=', '+', '@', '\t', '\r':
		return "'" + s
	case '-':
		if isPlainNumber(s[1:]) {
			return s
		}
		return "'" + s
	}
	return s
}

// isPlainNumber reports whether s is digits with at most dots and commas
// between them (both decimal and group separators, as Indonesian and
// English write them): nothing a spreadsheet could evaluate.
func isPlainNumber(s string) bool {
	if s == "" || s[0] < '0' || s[0] > '9' {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if (c < '0' || c > '9') && c != '.' && c != ',' {
			return false
		}
	}
	return s[len(s)-1] >= '0' && s[len(s)-1] <= '9'
}

// safeRecord neutralises every cell of a CSV record. Numbers pass unchanged
// (see SafeText), so a whole record can go through it.
func safeRecord(rec []string) []string {
	for i, c := range rec {
		rec[i] = SafeText(c)
	}
	return rec
}
