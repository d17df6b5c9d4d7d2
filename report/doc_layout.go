package report

import (
	"slices"
	"strings"
)

// The documents are laid out from their content, the same way for Word and
// Excel: a column is never narrower than its longest word (so that no word,
// number or header is broken inside itself), gets the width of its longest
// text when the page has room, and the room left goes to the columns the
// reader writes in. Widths are estimated from Arial's character widths
// (Liberation Sans, which LibreOffice uses instead, has the same metrics).

// Table text sizes, in points, shared by both formats so that the estimate
// holds for what is printed.
const (
	docTableSize = 9.0
	docCellPad   = 7.0 // the cell margins left and right, with a slack
	// fontSlack covers a wider font put in Arial's place where Arial is
	// missing: DejaVu Sans, LibreOffice's fallback without Liberation
	// Sans, is up to 15% wider.
	fontSlack = 1.16
)

// arialWidth holds advance widths in thousandths of an em for ASCII.
var arialWidth = func() [128]uint16 {
	var w [128]uint16
	for i := range w {
		w[i] = 556
	}
	set := func(chars string, v uint16) {
		for _, c := range chars {
			w[c] = v
		}
	}
	set(" ,./:;!|'Iijlf[]\\", 278)
	set("il'j|", 222)
	set("t", 278)
	set("r()-\"`{}", 333)
	set("ckszvxy*", 500)
	set("JL", 500)
	set("L", 556)
	set("FTZ", 611)
	set("ABEKPSVXY&", 667)
	set("CDHNRUw", 722)
	set("GOQ", 778)
	set("mM", 833)
	set("%", 889)
	set("W", 944)
	set("@", 1015)
	set("=+<>~^#$_?", 584)
	return w
}()

// printedWidth estimates the printed width of s in points, from Arial's
// metrics.
func printedWidth(s string, size float64, bold bool) float64 {
	var em float64
	for _, r := range s {
		switch {
		case r < 128:
			em += float64(arialWidth[r])
		case r == '–' || r == '≤' || r == '≥':
			em += 556
		default:
			em += 600
		}
	}
	w := em / 1000 * size * fontSlack
	if bold {
		w *= 1.14
	}
	return w
}

// longestWord is the width of the widest word of s: the least a column
// holding s can be without breaking a word.
func longestWord(s string, size float64, bold bool) float64 {
	m := 0.0
	for _, w := range breakWords(s) {
		m = max(m, printedWidth(w, size, bold))
	}
	return m
}

// breakWords splits s where a line may break: at spaces and at a zero-width
// space (see slashBreaks), but not at a no-break space (U+00A0), which holds
// "3 Responsif" together. A bare slash is not taken as a break: LibreOffice
// breaks after one in some texts ("Desa/" "Kelurahan") and not in others
// ("Jumlah Desa/Kelur" "ahan").
func breakWords(s string) []string {
	var out []string
	for _, w := range strings.FieldsFunc(s, func(r rune) bool { return r == ' ' || r == '\t' || r == '\n' }) {
		for part := range strings.SplitSeq(w, zwsp) {
			if part != "" {
				out = append(out, part)
			}
		}
	}
	return out
}

// zwsp is the zero-width space, a break opportunity every word processor
// and spreadsheet honours.
const zwsp = "\u200b"

// slashBreaks lets a header break after a slash between words
// ("Desa/Kelurahan" as "Desa/" and "Kelurahan"), so that a narrow column
// need not hold both words on one line.
func slashBreaks(s string) string {
	return strings.ReplaceAll(s, "/", "/"+zwsp)
}

// wrapLines counts the lines s takes in width points, wrapped at spaces as a
// word processor wraps it; a word wider than the line takes lines of its own.
func wrapLines(s string, width, size float64, bold bool) int {
	n := 0
	for _, para := range strings.Split(s, "\n") {
		n += wrapPara(para, width, size, bold)
	}
	return max(n, 1)
}

func wrapPara(s string, width, size float64, bold bool) int {
	ws := breakWords(s)
	if len(ws) == 0 || width <= 0 {
		return 1
	}
	space := printedWidth(" ", size, bold)
	lines, cur := 1, 0.0
	for _, w := range ws {
		ww := printedWidth(w, size, bold)
		switch {
		case cur == 0:
			cur = ww
		case cur+space+ww <= width:
			cur += space + ww
		default:
			lines++
			cur = ww
		}
		for cur > width {
			lines++
			cur -= width
		}
	}
	return lines
}

// layoutColumns chooses column widths, in points, for a table across a line
// of width points: each column at least its longest word, as much as its
// longest text when there is room, and the rest shared by t.widths.
func layoutColumns(t *docTable, width float64) []float64 {
	n := len(t.head)
	size := t.fontSize()
	least, want := make([]float64, n), make([]float64, n)
	for j, h := range t.head {
		least[j] = longestWord(slashBreaks(h), size, true) + docCellPad
		want[j] = least[j]
		if j < len(t.fill) {
			want[j] = max(want[j], t.fill[j]*size)
		}
	}
	for _, r := range t.rows {
		for j, c := range r.cells {
			if j >= n || (r.span > 1 && j < r.span) {
				continue
			}
			least[j] = max(least[j], longestWord(c.text, size, r.bold)+docCellPad)
			// A long text may wrap, but a column need not be wider than
			// half the line to hold it well.
			want[j] = max(want[j], min(printedWidth(c.text, size, r.bold)+docCellPad, width/2))
		}
	}
	for j := range want {
		want[j] = max(want[j], least[j])
	}
	out := make([]float64, n)
	sumLeast, sumWant := sum(least), sum(want)
	switch {
	case sumWant <= width:
		extra := width - sumWant
		weights := append([]float64(nil), t.widths...)
		if len(weights) != n || sum(weights) == 0 {
			weights = want
		}
		total := sum(weights)
		for j := range out {
			out[j] = want[j] + extra*weights[j]/total
		}
	case sumLeast <= width:
		copy(out, least)
		shareRoom(out, want, naturalWidths(t, size, width), width-sumLeast)
	default:
		// Too many columns for the line: words must break somewhere; at
		// least every column keeps its share.
		for j := range out {
			out[j] = least[j] * width / sumLeast
		}
	}
	return out
}

// naturalWidths are, per column, the distinct widths its texts (header
// and cells) would take on one line, ascending.
func naturalWidths(t *docTable, size, width float64) [][]float64 {
	n := len(t.head)
	nat := make([][]float64, n)
	for j, h := range t.head {
		nat[j] = append(nat[j], min(printedWidth(h, size, true)+docCellPad, width/2))
	}
	for _, r := range t.rows {
		for j, c := range r.cells {
			if j >= n || (r.span > 1 && j < r.span) || c.text == "" {
				continue
			}
			nat[j] = append(nat[j], min(printedWidth(c.text, size, r.bold)+docCellPad, width/2))
		}
	}
	for j := range nat {
		slices.Sort(nat[j])
	}
	return nat
}

// shareRoom widens columns from their least widths (out) towards want
// with room points, where it takes the most texts off a second line per
// point: a column whose texts all need a few points more is served before
// one where a few points more save one row. What room is left when no
// further text can be saved goes to the columns short of their wish.
func shareRoom(out, want []float64, nat [][]float64, room float64) {
	for {
		bestJ, bestTo, bestRate := -1, 0.0, 0.0
		for j := range out {
			// Texts of column j wider than out[j] wrap; widening the
			// column to to saves those no wider than to.
			saved := 0
			for _, w := range nat[j] {
				if w <= out[j]+1e-9 {
					continue
				}
				saved++
				if w > want[j] || w-out[j] > room {
					break
				}
				if rate := float64(saved) / (w - out[j]); rate > bestRate {
					bestJ, bestTo, bestRate = j, w, rate
				}
			}
		}
		if bestJ < 0 {
			break
		}
		room -= bestTo - out[bestJ]
		out[bestJ] = bestTo
	}
	short := 0.0
	for j := range out {
		short += want[j] - out[j]
	}
	if short <= 0 {
		return
	}
	give := min(room, short)
	for j := range out {
		out[j] += give * (want[j] - out[j]) / short
	}
}

func sum(v []float64) float64 {
	s := 0.0
	for _, x := range v {
		s += x
	}
	return s
}
