package xlsx

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"io"
	"reflect"
	"strings"
	"testing"
)

// scanSheet reads sheet XML with the scanner, served in pieces of the given
// size with the given room in front of each, so that every boundary case
// (a tag cut by a piece, a tail longer than the room) can be reached.
func scanSheet(data []byte, sst []string, piece, room int) ([]row, error) {
	rs := newRowsFrom("Sheet1", "sheet1.xml", &memSource{data: data, piece: piece, room: room}, tableOf(sst))
	defer rs.Close()
	var out []row
	for rs.Next() {
		out = append(out, row{num: rs.Num(), cells: append([]Cell(nil), rs.Cells()...)})
	}
	return out, rs.Err()
}

// oracleSheet reads sheet XML with the former, encoding/xml-based reader.
func oracleSheet(data []byte, sst []string) ([]row, error) {
	rs := newOracleRows("Sheet1", "sheet1.xml", io.NopCloser(bytes.NewReader(data)), sst)
	defer rs.Close()
	var out []row
	for rs.Next() {
		out = append(out, row{num: rs.Num(), cells: append([]Cell(nil), rs.Cells()...)})
	}
	return out, rs.Err()
}

// knownDifference reports inputs on which the scanner deliberately differs
// from encoding/xml: it refuses character references to surrogates, which
// encoding/xml turns into U+FFFD.
func knownDifference(data []byte) bool {
	lower := bytes.ToLower(data)
	for i := 0; ; {
		j := bytes.Index(lower[i:], []byte("&#"))
		if j < 0 {
			return false
		}
		i += j + 2
		base, k := 10, i
		if k < len(lower) && lower[k] == 'x' {
			base, k = 16, k+1
		}
		n := 0
		for ; k < len(lower) && n <= 0x10FFFF; k++ {
			c := lower[k]
			switch {
			case '0' <= c && c <= '9':
				n = n*base + int(c-'0')
			case base == 16 && 'a' <= c && c <= 'f':
				n = n*base + int(c-'a') + 10
			default:
				goto done
			}
		}
	done:
		if 0xD800 <= n && n <= 0xDFFF {
			return true
		}
	}
}

// pieceSizes are the ways FuzzScanner and the edge-case tests serve the
// bytes: one byte at a time with no room (every token goes through spill),
// small pieces with a little room, and the real sizes.
var pieceSizes = []struct{ piece, room int }{{1, 0}, {3, 2}, {7, 16}, {64, 5}, {pieceSize, pieceRoom}}

// sheetXML wraps <sheetData> contents the way book does.
func sheetXML(data string) []byte {
	return []byte(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n" +
		`<worksheet ` + nsMain + ` ` + nsRel + `><dimension ref="A1"/><sheetData>` + data + `</sheetData><pageMargins left="0.7"/></worksheet>`)
}

var fuzzSST = []string{"nol", "satu", "dua", "tiga"}

// FuzzScanner fuzzes the scanner alone. On any bytes it must not panic or
// hang, and where the encoding/xml reader succeeds it must succeed with the
// same rows (and the other way round). On the well-formed sheets that gen
// builds from the second input both must succeed with the same rows, and
// the same sheet cut anywhere before its </sheetData> must fail with
// unexpected EOF after yielding a prefix of the rows.
func FuzzScanner(f *testing.F) {
	seeds := []string{
		`<row r="1"><c r="A1"><v>1</v></c><c r="B1" t="s"><v>2</v></c><c t="inlineStr"><is><t>a&amp;b</t></is></c></row>`,
		`<!-- c --><row r="1"><?pi x?><c r="A1" t="str"><v><![CDATA[<raw> & ]]>x</v></c><c r="B1"><v>1<!-- split -->2</v></c></row>`,
		`<row><c><v>1</v></c></row><row r="5"/><row><c r="C6" t="b"><v>true</v></c></row>`,
		`<x:row xmlns:x="u" r="1"><x:c r='A1' t='inlineStr'><x:is><x:r><x:t>Ti</x:t></x:r><x:rPh><x:t>y</x:t></x:rPh></x:is></x:c></x:row>`,
		`<row r="1"><c r="A1" t="str"><v>&#65;&#x42;&#x1F600;` + "\r\n" + `</v></c></row>`,
	}
	for i, s := range seeds {
		f.Add(sheetXML(s), []byte{byte(i), 7, 3, 200, 1, 9}, uint16(i*5+1), uint8(i))
	}
	for _, path := range fixtures {
		zr, err := zip.OpenReader(path)
		if err != nil {
			f.Fatal(err)
		}
		for _, zf := range zr.File {
			if !strings.HasPrefix(zf.Name, "xl/worksheets/") || !strings.HasSuffix(zf.Name, ".xml") {
				continue
			}
			if zf.UncompressedSize64 > 64<<10 {
				continue // a big seed slows every mutation; FuzzOpen has it
			}
			rc, err := zf.Open()
			if err != nil {
				f.Fatal(err)
			}
			data, err := io.ReadAll(rc)
			rc.Close()
			if err != nil {
				f.Fatal(err)
			}
			f.Add(data, []byte(zf.Name), uint16(len(data)%97+1), uint8(len(data)%13))
		}
		zr.Close()
	}
	f.Fuzz(func(t *testing.T, raw, seed []byte, piece uint16, room uint8) {
		p, rm := int(piece%300)+1, int(room%20)
		if piece >= 300 {
			p = pieceSize
		}
		// Any bytes.
		got, err := scanSheet(raw, fuzzSST, p, rm)
		want, werr := oracleSheet(raw, fuzzSST)
		// The former reader had no budgets: past one, only the scanner
		// refuses.
		if !knownDifference(raw) && !errors.Is(err, ErrLimit) {
			if (err == nil) != (werr == nil) {
				t.Fatalf("scanner err %v, encoding/xml err %v\nscanner rows:\n%sencoding/xml rows:\n%s", err, werr, formatRows(got), formatRows(want))
			}
			if err == nil && !reflect.DeepEqual(normalise(got), normalise(want)) {
				t.Fatalf("scanner rows:\n%sencoding/xml rows:\n%s", formatRows(got), formatRows(want))
			}
		}
		// A well-formed sheet built from seed.
		g := &gen{data: seed}
		doc, end := g.sheet()
		got, err = scanSheet(doc, fuzzSST, p, rm)
		want, werr = oracleSheet(doc, fuzzSST)
		if err != nil || werr != nil {
			t.Fatalf("generated sheet: scanner err %v, encoding/xml err %v\n%s", err, werr, doc)
		}
		if !reflect.DeepEqual(normalise(got), normalise(want)) {
			t.Fatalf("generated sheet\n%s\nscanner rows:\n%sencoding/xml rows:\n%s", doc, formatRows(got), formatRows(want))
		}
		cut := g.n(len(doc) + 1)
		part, err := scanSheet(doc[:cut], fuzzSST, p, rm)
		if cut < end {
			if !errors.Is(err, io.ErrUnexpectedEOF) {
				t.Fatalf("sheet cut at %d of %d (</sheetData> ends at %d): err %v\n%s", cut, len(doc), end, err, doc[:cut])
			}
			if len(part) > len(got) || !reflect.DeepEqual(normalise(part), normalise(got[:len(part)])) {
				t.Fatalf("sheet cut at %d: rows\n%snot a prefix of\n%s", cut, formatRows(part), formatRows(got))
			}
		} else if err != nil || !reflect.DeepEqual(normalise(part), normalise(got)) {
			t.Fatalf("sheet cut at %d after </sheetData> at %d: err %v, rows\n%s", cut, end, err, formatRows(part))
		}
	})
}

// gen builds well-formed worksheets from fuzz bytes, choosing among the
// shapes the scanner must handle: prefixes, attributes in any order and
// quoting, comments, processing instructions, CDATA, entities, character
// references, \r\n, unknown nested elements, self-closing tags and every
// cell type with a valid value.
type gen struct {
	data []byte
	i    int
	b    strings.Builder
	pfx  string
}

// n returns a number in [0, k) taken from the input, 0 once it runs out.
func (g *gen) n(k int) int {
	if k <= 1 || g.i >= len(g.data) {
		return 0
	}
	v := int(g.data[g.i])
	g.i++
	if k > 256 && g.i < len(g.data) {
		v = v<<8 | int(g.data[g.i])
		g.i++
	}
	return v % k
}

func (g *gen) pick(s ...string) string { return s[g.n(len(s))] }

func (g *gen) w(s ...string) {
	for _, x := range s {
		g.b.WriteString(x)
	}
}

// sp writes what may come between two elements.
func (g *gen) sp() {
	switch g.n(8) {
	case 1:
		g.w("\n  ")
	case 2:
		g.w("<!-- ", g.pick("note", "a - b", "<c>", ""), " -->")
	case 3:
		g.w("<?", g.pick("pi", "x:y", "mso-application"), g.pick("", " data", " a?b"), "?>")
	case 4:
		g.w("\r\n\t")
	}
}

// el returns an element name with the document's prefix.
func (g *gen) el(local string) string { return g.pfx + local }

// attrs writes attributes in a chosen order and quoting.
func (g *gen) attrs(kv ...string) {
	n := len(kv) / 2
	order := make([]int, n)
	for i := range order {
		order[i] = i
	}
	for i := n - 1; i > 0; i-- {
		j := g.n(i + 1)
		order[i], order[j] = order[j], order[i]
	}
	for _, i := range order {
		q := g.pick(`"`, `'`)
		g.w(g.pick(" ", "\n", "\t ", "  "), kv[2*i], g.pick("=", " = ", "=\n"), q, kv[2*i+1], q)
	}
}

// text writes character data that decodes to something, in pieces of
// every kind.
func (g *gen) text(numeric bool) {
	if numeric {
		// One number, each character written its own way.
		for _, c := range g.pick("1", "37.125", "-12", "1.5E-3", "0", " 7 ") {
			switch g.n(5) {
			case 1:
				g.w(fmt.Sprintf("&#%d;", c))
			case 2:
				g.w("<![CDATA[", string(c), "]]>")
			case 3:
				g.w("<!--x-->", string(c))
			default:
				g.w(string(c))
			}
		}
		return
	}
	for k := g.n(4) + 1; k > 0; k-- {
		switch g.n(10) {
		case 0:
			g.w(g.pick("Ya", "Tidak", "Rp 1.250.000", "63.09.01.2001", " spasi ", ""))
		case 1:
			g.w(g.pick("&amp;", "&lt;", "&gt;", "&quot;", "&apos;"))
		case 2:
			g.w(g.pick("&#65;", "&#x41;", "&#x1F600;", "&#233;", "&#xe9;", "&#9;", "&#10;", "&#13;"))
		case 3:
			g.w("<![CDATA[", g.pick("<raw> & ", "]]", "] ]>", ""), "]]>")
		case 4:
			g.w(g.pick("a\r\nb", "\r", "c\rd", "\n"))
		case 5:
			g.w(g.pick("東京", "é", "🙂"))
		case 6:
			g.w(g.pick("a_x000D_b", "_x005F_x0041_", "_x"))
		case 7:
			g.w("<!--", g.pick("", "- ", "c"), "-->")
		case 8:
			g.w("<?p x?>")
		case 9:
			g.w(g.pick("]", "]]", ">", "'", `"`))
		}
	}
}

// value writes the content of a <c> of type typ.
func (g *gen) value(typ string) {
	v, is, t, r, rPh, f := g.el("v"), g.el("is"), g.el("t"), g.el("r"), g.el("rPh"), g.el("f")
	if g.n(5) == 0 {
		g.w("<", f, ">", g.pick("SUM(A1:B1)", "A1&amp;B1", ""), "</", f, ">")
		if g.n(2) == 0 {
			return // a formula without its value
		}
	}
	switch typ {
	case "", "n":
		g.w("<", v, ">")
		g.text(true)
		g.w("</", v, ">")
	case "s":
		g.w("<", v, ">", g.pick("0", "1", " 2 ", "3"), "</", v, ">")
	case "b":
		g.w("<", v, ">", g.pick("0", "1", "true", "false"), "</", v, ">")
	case "e":
		g.w("<", v, ">", g.pick("#N/A", "#DIV/0!", "#VALUE!"), "</", v, ">")
	case "d":
		g.w("<", v, ">", g.pick("2024-01-31T00:00:00", "2024-01-31"), "</", v, ">")
	case "str":
		if g.n(4) == 0 {
			g.w("<", v, "/>")
			return
		}
		g.w("<", v)
		if g.n(3) == 0 {
			g.attrs("xml:space", "preserve")
		}
		g.w(">")
		g.text(false)
		g.w("</", v, ">")
	case "inlineStr":
		g.w("<", is, ">")
		if g.n(2) == 0 {
			g.w("<", t, g.pick("", ` xml:space="preserve"`), ">")
			g.text(false)
			g.w("</", t, ">")
		} else {
			for k := g.n(3) + 1; k > 0; k-- {
				g.sp()
				g.w("<", r, ">")
				if g.n(2) == 0 {
					g.w("<", g.el("rPr"), "><", g.el("b"), "/></", g.el("rPr"), ">")
				}
				g.w("<", t, ">")
				g.text(false)
				g.w("</", t, "></", r, ">")
			}
		}
		if g.n(3) == 0 {
			g.w("<", rPh, ` sb="0" eb="1"><`, t, ">ruby</", t, "></", rPh, ">")
		}
		g.w("</", is, ">")
	}
}

// unknown writes elements the reader must skip, nested; below the first
// level they may have the names of elements it reads elsewhere.
func (g *gen) unknown(depth int) {
	name := g.el(g.pick("extLst", "ext", "sheetPr", "cols", "mergeCells"))
	if depth > 2 {
		name = g.el(g.pick("extLst", "c", "row", "v", "is", "t", "sheetData"))
	}
	g.w("<", name)
	if g.n(2) == 0 {
		g.attrs("uri", "{78C0D931}", "min", "1")
	}
	if depth > 8 || g.n(2) == 0 {
		g.w("/>")
		return
	}
	g.w(">")
	for k := g.n(3); k > 0; k-- {
		if g.n(2) == 0 {
			g.unknown(depth + 3)
		} else {
			g.text(false)
		}
	}
	g.w("</", name, ">")
}

// sheet returns a worksheet and the offset just past its </sheetData>.
func (g *gen) sheet() ([]byte, int) {
	g.pfx = g.pick("", "x:", "main:")
	ns := `"http://schemas.openxmlformats.org/spreadsheetml/2006/main"`
	if g.pfx == "" {
		ns = "xmlns=" + ns
	} else {
		ns = "xmlns:" + strings.TrimSuffix(g.pfx, ":") + "=" + ns
	}
	if g.n(3) > 0 {
		g.w(`<?xml version="1.0" encoding="`, g.pick("UTF-8", "utf-8"), `" standalone="yes"?>`, "\n")
	}
	g.sp()
	g.w("<", g.el("worksheet"), " ", ns, ` xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">`)
	for k := g.n(3); k > 0; k-- {
		g.sp()
		g.unknown(0)
	}
	g.sp()
	if g.n(6) == 0 {
		g.w("<", g.el("sheetData"), "/>")
	} else {
		g.w("<", g.el("sheetData"), ">")
		num := 0
		for rows := g.n(6); rows > 0; rows-- {
			g.sp()
			g.row(&num)
		}
		g.sp()
		g.w("</", g.el("sheetData"), ">")
	}
	end := g.b.Len()
	g.sp()
	if g.n(2) == 0 {
		g.unknown(0)
	}
	g.w("</", g.el("worksheet"), ">")
	g.sp()
	return []byte(g.b.String()), end
}

func (g *gen) row(num *int) {
	*num += g.n(3) + 1
	rowEl := g.el("row")
	g.w("<", rowEl)
	var kv []string
	if g.n(4) > 0 {
		kv = append(kv, "r", fmt.Sprint(*num))
	}
	if g.n(2) == 0 {
		kv = append(kv, "spans", "1:5", "ht", "15")
	}
	if g.n(3) == 0 {
		kv = append(kv, "x14ac:dyDescent", "0.25")
	}
	g.attrs(kv...)
	if g.n(6) == 0 {
		g.w("/>")
		return
	}
	g.w(">")
	col := 0
	for cells := g.n(7); cells > 0; cells-- {
		g.sp()
		if g.n(8) == 0 {
			g.unknown(1)
			continue
		}
		col += g.n(3)
		if col > 20 {
			col = g.n(5)
		}
		g.cell(col, *num)
		col++
	}
	g.sp()
	g.w("</", rowEl, ">")
}

func (g *gen) cell(col, num int) {
	c := g.el("c")
	typ := g.pick("", "n", "s", "str", "inlineStr", "b", "e", "d")
	var kv []string
	if g.n(4) > 0 {
		ref := columnName(col) + fmt.Sprint(num)
		if g.n(8) == 0 {
			ref = strings.ToLower(ref)
		}
		kv = append(kv, "r", ref)
	}
	if typ != "" {
		kv = append(kv, "t", typ)
	}
	if g.n(2) == 0 {
		kv = append(kv, "s", fmt.Sprint(g.n(9)))
	}
	g.w("<", c)
	g.attrs(kv...)
	if g.n(7) == 0 {
		g.w(g.pick("/>", " />"))
		return
	}
	g.w(">")
	if g.n(6) == 0 {
		g.unknown(2)
	}
	g.value(typ)
	g.w("</", c, ">")
}

// TestScannerGenerated runs FuzzScanner's generator on a few thousand fixed
// seeds, so that the differential property is checked by go test too.
func TestScannerGenerated(t *testing.T) {
	n := 3000
	if testing.Short() {
		n = 300
	}
	seed := make([]byte, 64)
	state := uint32(1)
	for i := 0; i < n; i++ {
		for j := range seed {
			state = state*1664525 + 1013904223
			seed[j] = byte(state >> 24)
		}
		g := &gen{data: seed}
		doc, end := g.sheet()
		want, err := oracleSheet(doc, fuzzSST)
		if err != nil {
			t.Fatalf("encoding/xml: %v\n%s", err, doc)
		}
		ps := pieceSizes[i%len(pieceSizes)]
		got, err := scanSheet(doc, fuzzSST, ps.piece, ps.room)
		if err != nil || !reflect.DeepEqual(normalise(got), normalise(want)) {
			t.Fatalf("err %v\n%s\nscanner rows:\n%sencoding/xml rows:\n%s", err, doc, formatRows(got), formatRows(want))
		}
		cut := int(state) % (len(doc) + 1)
		if _, err := scanSheet(doc[:cut], fuzzSST, ps.piece, ps.room); (cut < end) != errors.Is(err, io.ErrUnexpectedEOF) {
			t.Fatalf("cut at %d, </sheetData> ends at %d: err %v\n%s", cut, end, err, doc[:cut])
		}
	}
}
