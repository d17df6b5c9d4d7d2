package xlsx

import (
	"errors"
	"fmt"
	"io"
	"reflect"
	"runtime"
	"strings"
	"testing"
	"time"
)

// The sheet scanner's edge cases. Each case is read through a whole .xlsx
// (the inflating goroutine included), through the scanner alone with the
// bytes served in pieces of every size (so that each construct is also cut
// by a piece boundary), and by the former encoding/xml reader, which must
// agree.

type scanCase struct {
	name  string
	sst   string
	data  string // inside <sheetData>, unless sheet is set
	sheet string // the whole sheet part
	want  []row
}

func (c scanCase) xml() string {
	if c.sheet != "" {
		return c.sheet
	}
	return string(sheetXML(c.data))
}

const ws = `<worksheet ` + nsMain + `>`

var scanCases = []scanCase{
	{
		name: "comments everywhere",
		data: `<!--a--><row r="1"><!--b--><c r="A1"><!--c--><v>1</v><!--d--></c><c r="B1" t="inlineStr"><is><!--e--><t>Y<!--f-->a</t></is></c><!--g--></row><!-- <row r="2"/> -->`,
		want: []row{{1, []Cell{num("1"), str("Ya")}}},
	},
	{
		name: "CDATA sections",
		data: `<row r="1"><c r="A1" t="str"><v><![CDATA[a<b>&amp;]]></v></c><c r="B1"><v><![CDATA[4]]>2</v></c>` +
			`<c r="C1" t="inlineStr"><is><t><![CDATA[]]]]><![CDATA[>]]></t></is></c><c r="D1" t="str"><v><![CDATA[]]></v></c></row>`,
		want: []row{{1, []Cell{str("a<b>&amp;"), num("42"), str("]]>"), str("")}}},
	},
	{
		name: "declaration, doctype, processing instructions, BOM",
		sheet: "\xEF\xBB\xBF" + `<?xml version="1.0" encoding="utf-8"?><!DOCTYPE worksheet [<!ELEMENT x ANY><!-- c > --><!ATTLIST x a CDATA "<>">]>` +
			`<?mso-application progid="Excel.Sheet"?>` + ws + `<sheetData><?pi?><row r="1"><?x a="1" ?><c r="A1"><v>5<?y?></v></c></row></sheetData></worksheet><?after?>`,
		want: []row{{1, []Cell{num("5")}}},
	},
	{
		name: "namespace prefixes on elements and attributes (Strict OOXML)",
		sheet: `<x:worksheet xmlns:x="http://purl.oclc.org/ooxml/spreadsheetml/main"><x:sheetData><x:row r="1">` +
			`<x:c r="A1" t="inlineStr"><x:is><x:r><x:t>Ti</x:t></x:r><x:r><x:rPr><x:b/></x:rPr><x:t>dak</x:t></x:r><x:rPh><x:t>z</x:t></x:rPh></x:is></x:c>` +
			`<x:c r="B1"><x:v>2</x:v></x:c><x:c x:r="C1" x:t="b"><x:v>1</x:v></x:c><x:c r="D1" t="s"><x:v>0</x:v></x:c></x:row><x:row/></x:sheetData></x:worksheet>`,
		sst:  `<si><t>s</t></si>`,
		want: []row{{1, []Cell{str("Tidak"), num("2"), boo("1"), str("s")}}, {2, nil}},
	},
	{
		name: "self-closing elements",
		data: `<row r="1"><c r="A1"/><c r="B1" t="s"/><c r="C1" t="str"><v/></c><c r="D1" t="inlineStr"><is><t/></is></c>` +
			`<c r="E1" t="inlineStr"><is/></c><c r="F1" s="1" /><c r="G1"><v>6</v></c></row><row r="2"/><row r="3" /><row/>`,
		want: []row{{1, []Cell{empty, empty, str(""), str(""), str(""), empty, num("6")}}, {2, nil}, {3, nil}, {4, nil}},
	},
	{
		name: "attribute quoting, order and spacing",
		data: `<row r='1' spans="1:3"><c t='inlineStr' r='A1' s="1"><is><t>a</t></is></c><c s = "2"  r = 'B1'` + "\n\t" + `t="n"><v>2</v></c>` +
			`<c r="C1"t="b"><v>0</v></c><c r="D1" foo="x>y" bar='"' baz="'" t="str"><v>d</v></c><c` + "\r\n" + `r="E1"` + "\t" + `></c></row>`,
		want: []row{{1, []Cell{str("a"), num("2"), boo("0"), str("d")}}},
	},
	{
		name: "character references and entities, in values and attributes",
		data: `<row r="&#49;"><c r="&#x41;1" t="&#x73;tr"><v>&#65;&#x42;&#x1f600;&#0000067;&#xE9;&#233;</v></c>` +
			`<c r="B&#49;" t="inlineStr"><is><t>&lt;&amp;&gt;&quot;&apos;&#38;amp;</t></is></c><c r="C1"><v>&#x31;&#46;&#53;</v></c></row>`,
		want: []row{{1, []Cell{str("AB😀Céé"), str(`<&>"'&amp;`), num("1.5")}}},
	},
	{
		name: "line ends folded as XML requires",
		data: `<row r="1"><c r="A1" t="str"><v>a` + "\r\n" + `b` + "\r" + `c` + "\n" + `d</v></c><c r="B1" t="str"><v>&#13;&#10;</v></c>` +
			`<c r="C1" t="inlineStr"><is><t xml:space="preserve">` + "\r\n" + `</t></is></c></row>`,
		want: []row{{1, []Cell{str("a\nb\nc\nd"), str("\r\n"), str("\n")}}},
	},
	{
		name: "unknown elements, nested, are skipped",
		sheet: ws + `<sheetPr><tabColor rgb="FF0000"/><outlinePr summaryBelow="0"/></sheetPr><cols><col min="1" max="3" width="9"/></cols>` +
			`<sheetData><row r="1"><extLst><ext uri="x"><c r="Z1"><v>9</v></c></ext></extLst><c r="A1"><extLst><v>7</v><is><t>no</t></is></extLst><v>1</v></c>` +
			`<foo><row r="99"><c r="A99"><v>9</v></c></row></foo><c r="B1" t="inlineStr"><is><t>a</t><foo><t>no</t></foo><r><foo><t>no</t></foo><t>b</t></r></is></c></row></sheetData>` +
			`<mergeCells count="1"><mergeCell ref="A1:B1"/></mergeCells><conditionalFormatting sqref="A1"><cfRule type="cellIs" priority="1"><formula>0</formula></cfRule></conditionalFormatting>` +
			`<extLst><ext><x14:foo xmlns:x14="u"/></ext></extLst></worksheet>`,
		want: []row{{1, []Cell{num("1"), str("ab")}}},
	},
	{
		name: "elements before sheetData with the reader's names",
		sheet: ws + `<row r="7"><c r="A7"><v>7</v></c></row><foo><sheetData><row r="8"/></sheetData></foo>` +
			`<sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData></worksheet>`,
		want: []row{{1, []Cell{num("1")}}},
	},
	{
		name: "whitespace between elements",
		data: "\n  <row r=\"1\">\n    <c r=\"A1\">\n      <v>1</v>\n    </c>\n    <c r=\"B1\" t=\"inlineStr\">\n      <is>\n        <t>x</t>\n      </is>\n    </c>\n" +
			"    <c r=\"C1\" t=\"inlineStr\">\n      <is>\n        <r>\n          <t>y</t>\n        </r>\n      </is>\n    </c>\n  </row>\n",
		want: []row{{1, []Cell{num("1"), str("x"), str("y")}}},
	},
	{
		name:  "nothing after sheetData is read",
		sheet: ws + `<sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData><garbage <<< &bad; </mismatch>`,
		want:  []row{{1, []Cell{num("1")}}},
	},
	{
		name:  "a sheet without sheetData",
		sheet: ws + `<sheetPr/><dimension ref="A1"/></worksheet>`,
		want:  nil,
	},
	{
		name:  "an empty self-closing sheetData",
		sheet: `<x:worksheet xmlns:x="u"><x:sheetData/></x:worksheet>`,
		want:  nil,
	},
	{
		name: "values far longer than a piece",
		data: `<row r="1"><c r="A1" t="inlineStr" foo="` + strings.Repeat("x", 9000) + `"><is><t>` + strings.Repeat("ab&amp;", 30000) + `</t></is></c>` +
			`<!--` + strings.Repeat("-c", 9000) + `--><c r="B1" t="str"><v><![CDATA[` + strings.Repeat("]", 9000) + `]]></v></c>` +
			`<c r="C1" t="str"><v>` + strings.Repeat("&#x1F600;", 5000) + `</v></c></row>`,
		want: []row{{1, []Cell{str(strings.Repeat("ab&", 30000)), str(strings.Repeat("]", 9000)), str(strings.Repeat("😀", 5000))}}},
	},
	{
		name: "formula without value is Formula, empty cells do not overwrite",
		data: `<row r="1"><c r="A1"><f/></c><c r="B1"><f>A1</f><v>2</v></c><c r="B1"/><c r="C1" t="e"><f>1/0</f><v>#DIV/0!</v></c></row>`,
		want: []row{{1, []Cell{formula, num("2"), errc("#DIV/0!")}}},
	},
	{
		name: "a cell reference whose row differs from the row's",
		data: `<row r="3"><c r="A4"><v>1</v></c><c r="b03"><v>2</v></c><c r="C0003"><v>3</v></c></row>`,
		want: []row{{3, []Cell{num("1"), num("2"), num("3")}}},
	},
}

func TestScannerEdgeCases(t *testing.T) {
	for _, tc := range scanCases {
		t.Run(tc.name, func(t *testing.T) {
			sst := sstOf(t, tc.sst)
			oracle, err := oracleSheet([]byte(tc.xml()), sst)
			if err != nil {
				t.Fatalf("encoding/xml reader: %v", err)
			}
			if !reflect.DeepEqual(normalise(oracle), normalise(tc.want)) {
				t.Fatalf("encoding/xml reader got\n%swant\n%s", formatRows(oracle), formatRows(tc.want))
			}
			for _, ps := range pieceSizes {
				got, err := scanSheet([]byte(tc.xml()), sst, ps.piece, ps.room)
				if err != nil {
					t.Fatalf("pieces of %d: %v", ps.piece, err)
				}
				if !reflect.DeepEqual(normalise(got), normalise(tc.want)) {
					t.Fatalf("pieces of %d: got\n%swant\n%s", ps.piece, formatRows(got), formatRows(tc.want))
				}
			}
			parts := book(tc.sst, "")
			parts[3].data = tc.xml()
			got, err := readSheet(t, writeFile(t, zipBytes(t, parts)), "Sheet1", Options{})
			if err != nil || !reflect.DeepEqual(normalise(got), normalise(tc.want)) {
				t.Fatalf("from the zip: err %v, got\n%swant\n%s", err, formatRows(got), formatRows(tc.want))
			}
		})
	}
}

// sstOf reads the shared strings of a test case as Open would.
func sstOf(t *testing.T, sst string) []string {
	t.Helper()
	if sst == "" {
		return nil
	}
	wb, err := Open(writeFile(t, zipBytes(t, book(sst, ""))), Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer wb.Close()
	return wb.sst.strings()
}

func TestScannerErrors(t *testing.T) {
	deep := `<row r="1">` + strings.Repeat(`<a>`, maxDepth) + strings.Repeat(`</a>`, maxDepth) + `</row>`
	tests := []struct {
		name     string
		data     string // inside <sheetData>, unless sheet is set
		sheet    string
		want     []string
		wantRows int
		lenient  bool // encoding/xml accepts it
	}{
		{name: "surrogate character reference", data: `<row r="1"><c r="A1" t="str"><v>&#xD800;</v></c></row>`, want: []string{"row 1", "invalid character entity &#xD800;"}, lenient: true},
		{name: "character reference past U+10FFFF", data: `<row r="1"><c r="A1" t="str"><v>&#x110000;</v></c></row>`, want: []string{"invalid character entity &#x110000;"}},
		{name: "huge character reference", data: `<row r="1"><c r="A1" t="str"><v>&#99999999999999999999;</v></c></row>`, want: []string{"invalid character entity"}},
		{name: "character reference to NUL", data: `<row r="1"/><row r="2"><c r="A2" t="str"><v>&#0;</v></c></row>`, want: []string{"row 2", "illegal character code U+0000"}, wantRows: 1},
		{name: "character reference without digits", data: `<row r="1"><c r="A1" t="str"><v>&#;</v></c></row>`, want: []string{"invalid character entity &#;"}},
		{name: "hex character reference without digits", data: `<row r="1"><c r="A1" t="str"><v>&#x;</v></c></row>`, want: []string{"invalid character entity &#x;"}},
		{name: "character reference without semicolon", data: `<row r="1"><c r="A1" t="str"><v>&#65 </v></c></row>`, want: []string{"invalid character entity &#65"}},
		{name: "character reference with X", data: `<row r="1"><c r="A1" t="str"><v>&#X41;</v></c></row>`, want: []string{"invalid character entity"}},
		{name: "entity without semicolon", data: `<row r="1"><c r="A1" t="str"><v>&amp </v></c></row>`, want: []string{"invalid character entity &amp"}},
		{name: "bare ampersand", data: `<row r="1"><c r="A1" t="str"><v>a & b</v></c></row>`, want: []string{"invalid character entity"}},
		{name: "undefined entity in an attribute", data: `<row r="1"><c r="A&one;"><v>1</v></c></row>`, want: []string{"invalid character entity &one;"}},
		{name: "control character", data: "<row r=\"1\"><c r=\"A1\" t=\"str\"><v>a\x01b</v></c></row>", want: []string{"illegal character code U+0001"}},
		{name: "control character in an attribute", data: "<row r=\"1\"><c r=\"A1\" t=\"str\" x=\"\x1f\"><v>a</v></c></row>", want: []string{"illegal character code U+001F"}},
		{name: "invalid UTF-8", data: "<row r=\"1\"><c r=\"A1\" t=\"str\"><v>a\xffb</v></c></row>", want: []string{"invalid UTF-8"}},
		{name: "]]> in text", data: `<row r="1"><c r="A1" t="str"><v>a]]>b</v></c></row>`, want: []string{"unescaped ]]> not in CDATA section"}},
		{name: "< in an attribute", data: `<row r="1"><c r="A<1"><v>1</v></c></row>`, want: []string{"unescaped < inside quoted string"}},
		{name: "unquoted attribute", data: `<row r="1"><c r=A1><v>1</v></c></row>`, want: []string{"unquoted or missing attribute value"}},
		{name: "attribute without value", data: `<row r="1"><c r><v>1</v></c></row>`, want: []string{"attribute name without = in element"}},
		{name: "attribute name missing", data: `<row r="1"><c ="A1"><v>1</v></c></row>`, want: []string{"expected attribute name in element"}},
		{name: "name with two colons", data: `<row r="1"><a:b:c/></row>`, want: []string{"expected element name after <"}},
		{name: "name starting with a digit", data: `<row r="1"><1c/></row>`, want: []string{"expected element name after <"}},
		{name: "-- in a comment", data: `<row r="1"><!-- a -- b --></row>`, want: []string{`invalid sequence "--" not allowed in comments`}},
		{name: "<!- without the second dash", data: `<row r="1"><!-x></row>`, want: []string{"invalid sequence <!- not part of <!--"}},
		{name: "<![ that is not CDATA", data: `<row r="1"><![CDAT[x]]></row>`, want: []string{"invalid <![ sequence"}},
		{name: "end tag with an attribute", data: `<row r="1"></row x="1">`, want: []string{"invalid characters between </row and >"}},
		{name: "/ without >", data: `<row r="1"><c r="A1" / ></row>`, want: []string{"expected /> in element"}},
		{name: "processing instruction without target", data: `<row r="1"><? x?></row>`, want: []string{"expected target name after <?"}},
		{name: "end tag of another element", data: `<row r="1"><c r="A1"><v>1</v></foo></row>`, want: []string{"element <c> closed by </foo>"}},
		{name: "nested too deep", data: deep, want: []string{"row 1", "nested deeper than 512"}},
		{name: "UTF-16 declared", sheet: `<?xml version="1.0" encoding="UTF-16"?>` + ws + `<sheetData/></worksheet>`, want: []string{`encoding "UTF-16" declared`}},
		{name: "XML 1.1", sheet: `<?xml version="1.1"?>` + ws + `<sheetData/></worksheet>`, want: []string{`unsupported version "1.1"`}},
		{name: "empty part", sheet: ``, want: []string{"before the first row", "unexpected EOF: no root element"}},
		{name: "only a declaration", sheet: `<?xml version="1.0"?>` + "\n", want: []string{"unexpected EOF: no root element"}},
		{name: "unterminated CDATA", sheet: ws + `<sheetData><row r="1"><c r="A1"><v><![CDATA[1`, want: []string{"row 1", "unexpected EOF inside <v>"}},
		{name: "unterminated comment", sheet: ws + `<sheetData><row r="1"><!-- x`, want: []string{"row 1", "unexpected EOF inside <row>"}},
		{name: "unterminated attribute", sheet: ws + `<sheetData><row r="1"/><row r="2`, want: []string{"after row 1", "unexpected EOF inside <sheetData>"}, wantRows: 1},
		{name: "end tag before any element", sheet: `</worksheet>`, want: []string{"unexpected end element </worksheet>"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			xml := tc.sheet
			if xml == "" && tc.data != "" {
				xml = string(sheetXML(tc.data))
			}
			if _, err := oracleSheet([]byte(xml), nil); (err == nil) != tc.lenient {
				t.Errorf("encoding/xml reader: err %v", err)
			}
			for _, ps := range pieceSizes {
				got, err := scanSheet([]byte(xml), nil, ps.piece, ps.room)
				if err == nil {
					t.Fatalf("pieces of %d: no error; rows:\n%s", ps.piece, formatRows(got))
				}
				for _, w := range tc.want {
					if !strings.Contains(err.Error(), w) {
						t.Errorf("pieces of %d: error %q does not contain %q", ps.piece, err, w)
					}
				}
				if len(got) != tc.wantRows {
					t.Errorf("pieces of %d: %d rows before the error, want %d", ps.piece, len(got), tc.wantRows)
				}
				if ps.piece == pieceSize {
					t.Log(err)
				}
			}
		})
	}
}

// Cut anywhere before the end of </sheetData>, a sheet must fail with
// unexpected EOF, having yielded a prefix of its rows, and name the same
// place as the encoding/xml reader does; cut after it, it must read whole.
func TestScannerTruncatedEverywhere(t *testing.T) {
	sheet := `<?xml version="1.0"?><!--c--><x:worksheet xmlns:x="u"><x:sheetPr><x:tabColor rgb="FF"/></x:sheetPr><x:sheetData>` +
		`<x:row r="1" spans="1:3"><x:c r="A1" t='inlineStr'><x:is><x:r><x:t>a&amp;b</x:t></x:r><x:rPh><x:t>c</x:t></x:rPh></x:is></x:c>` +
		`<x:c r="B1"><x:v><![CDATA[1]]>2</x:v></x:c><x:c r="C1"/></x:row>` + "\r\n" +
		`<row r="2"><c r="A2" t="str"><v>&#x1F600;é` + "\r\n" + `</v></c><?pi?><c r="B2" t="b"><v>1</v></c></row><row r="3"/>` +
		`</x:sheetData><x:mergeCells/></x:worksheet>`
	end := strings.Index(sheet, "</x:sheetData>") + len("</x:sheetData>")
	full, err := scanSheet([]byte(sheet), nil, pieceSize, pieceRoom)
	if err != nil || len(full) != 3 {
		t.Fatalf("whole sheet: %d rows, err %v", len(full), err)
	}
	where := func(err error) string {
		msg := err.Error()
		i := strings.Index(msg, "), ")
		j := strings.Index(msg[i+3:], ":")
		return msg[i+3 : i+3+j]
	}
	for cut := 0; cut <= len(sheet); cut++ {
		data := []byte(sheet[:cut])
		for _, ps := range pieceSizes[:3] {
			got, err := scanSheet(data, nil, ps.piece, ps.room)
			if cut >= end {
				if err != nil || !reflect.DeepEqual(normalise(got), normalise(full)) {
					t.Fatalf("cut at %d (after </sheetData>): err %v, rows\n%s", cut, err, formatRows(got))
				}
				continue
			}
			if !errors.Is(err, io.ErrUnexpectedEOF) {
				t.Fatalf("cut at %d %q: err %v", cut, sheet[max(0, cut-10):cut], err)
			}
			if !reflect.DeepEqual(normalise(got), normalise(full[:len(got)])) {
				t.Fatalf("cut at %d: rows\n%snot a prefix of\n%s", cut, formatRows(got), formatRows(full))
			}
			oracle, oerr := oracleSheet(data, nil)
			if oerr == nil || len(oracle) != len(got) || where(oerr) != where(err) {
				t.Fatalf("cut at %d %q: err %v after %d rows, encoding/xml err %v after %d rows", cut, sheet[max(0, cut-10):cut], err, len(got), oerr, len(oracle))
			}
		}
	}
}

// errSource fails after serving some bytes, as a damaged zip part or the
// size guard does.
type errSource struct {
	memSource
	err error
}

func (e *errSource) next() ([]byte, int, error) {
	b, off, err := e.memSource.next()
	if err == io.EOF {
		err = e.err
	}
	return b, off, err
}

func TestScannerReadError(t *testing.T) {
	boom := errors.New("boom")
	src := &errSource{memSource{data: sheetXML(bombRows(1000))[:5000], piece: 100, room: 8}, boom}
	rs := newRowsFrom("Sheet1", "sheet1.xml", src, nil)
	n := 0
	for rs.Next() {
		n++
	}
	if !errors.Is(rs.Err(), boom) || n == 0 || !strings.Contains(rs.Err().Error(), fmt.Sprintf("row %d", n+1)) {
		t.Errorf("after %d rows: err %v", n, rs.Err())
	}
	if !src.closed {
		t.Error("source not closed after the error")
	}
}

// goroutinesSettle waits for the number of goroutines to come back down to
// at most n, which the inflating goroutines must let it do.
func goroutinesSettle(t *testing.T, n int) {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for runtime.NumGoroutine() > n {
		if time.Now().After(deadline) {
			buf := make([]byte, 1<<16)
			t.Fatalf("%d goroutines, want at most %d:\n%s", runtime.NumGoroutine(), n, buf[:runtime.Stack(buf, true)])
		}
		runtime.GC()
		time.Sleep(10 * time.Millisecond)
	}
}

func TestInflaterStops(t *testing.T) {
	path := writeFile(t, zipBytes(t, book("", bombRows(200000)))) // 5 MB of XML, 20 pieces
	wb, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer wb.Close()

	t.Run("Close stops it", func(t *testing.T) {
		base := runtime.NumGoroutine()
		rs, err := wb.Rows("Sheet1")
		if err != nil {
			t.Fatal(err)
		}
		if !rs.Next() {
			t.Fatal(rs.Err())
		}
		rs.Close()
		goroutinesSettle(t, base)
	})
	t.Run("reading to the end stops it", func(t *testing.T) {
		base := runtime.NumGoroutine()
		rs, _ := wb.Rows("Sheet1")
		n := 0
		for rs.Next() {
			n++
		}
		if n != 200000 || rs.Err() != nil {
			t.Fatalf("%d rows, err %v", n, rs.Err())
		}
		goroutinesSettle(t, base)
	})
	t.Run("a Rows dropped without Close", func(t *testing.T) {
		base := runtime.NumGoroutine()
		func() {
			rs, _ := wb.Rows("Sheet1")
			rs.Next()
		}()
		goroutinesSettle(t, base)
	})
	t.Run("many at once", func(t *testing.T) {
		base := runtime.NumGoroutine()
		var all []*Rows
		for range 20 {
			rs, _ := wb.Rows("Sheet1")
			rs.Next()
			all = append(all, rs)
		}
		for _, rs := range all {
			rs.Close()
		}
		goroutinesSettle(t, base)
	})
	t.Run("workbook closed under it", func(t *testing.T) {
		base := runtime.NumGoroutine()
		wb2, err := Open(path, Options{})
		if err != nil {
			t.Fatal(err)
		}
		rs, _ := wb2.Rows("Sheet1")
		rs.Next()
		wb2.Close()
		n := 0
		for rs.Next() {
			n++
		}
		if rs.Err() == nil {
			t.Errorf("no error reading %d more rows after the workbook closed", n)
		}
		t.Log(rs.Err())
		goroutinesSettle(t, base)
	})
}
