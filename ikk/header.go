package ikk

import "strings"

// NormalizeHeader folds a column header for matching: lower case, surrounding
// space removed, and _ - . and runs of space treated alike.
func NormalizeHeader(h string) string {
	h = strings.ToLower(strings.TrimSpace(strings.TrimPrefix(h, "\ufeff")))
	var b strings.Builder
	space := false
	for _, r := range h {
		switch r {
		case '_', '-', '.', ' ', '\t', '\n', '\r', '\u00a0':
			space = true
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		b.WriteRune(r)
	}
	return b.String()
}
