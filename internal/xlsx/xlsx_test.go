package xlsx

import (
	"archive/zip"
	"bytes"
	"errors"
	"io"
	"reflect"
	"runtime"
	"strings"
	"testing"
)

func TestRows(t *testing.T) {
	tests := []struct {
		name string
		sst  string
		data string // inside <sheetData>
		want []row
	}{
		{
			name: "every cell type",
			sst:  `<si><t>2.500.000</t></si>`,
			data: `<row r="1">` +
				`<c r="A1"><v>37.125</v></c>` +
				`<c r="B1" t="n"><v>1.5E-3</v></c>` +
				`<c r="C1" t="s"><v>0</v></c>` +
				`<c r="D1" t="str"><f>"37."&amp;"125"</f><v>37.125</v></c>` +
				`<c r="E1" t="b"><v>1</v></c>` +
				`<c r="F1" t="b"><v>0</v></c>` +
				`<c r="G1" t="e"><f>NA()</f><v>#N/A</v></c>` +
				`<c r="H1" t="d"><v>2024-01-31T00:00:00</v></c>` +
				`<c r="I1" t="inlineStr"><is><t>37.125</t></is></c>` +
				`<c r="J1" s="2" t="n"><v>-12</v></c>` +
				`</row>`,
			want: []row{{1, []Cell{num("37.125"), num("1.5E-3"), str("2.500.000"), str("37.125"),
				boo("1"), boo("0"), errc("#N/A"), str("2024-01-31T00:00:00"), str("37.125"), num("-12")}}},
		},
		{
			name: "shared strings with rich text and phonetic runs",
			sst: `<si><r><rPr><b/></rPr><t>Ru</t></r><r><t xml:space="preserve">mah </t></r><r><t>Tangga</t></r>` +
				`<rPh sb="0" eb="2"><t>ルマ</t></rPh><phoneticPr fontId="1"/></si>` +
				`<si><t>東京</t><rPh sb="0" eb="2"><t>トウキョウ</t></rPh></si>` +
				`<si><t/></si>`,
			data: `<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v> 1 </v></c><c r="C1" t="s"><v>2</v></c></row>`,
			want: []row{{1, []Cell{str("Rumah Tangga"), str("東京"), str("")}}},
		},
		{
			name: "inline strings plain, rich and phonetic",
			data: `<row r="1"><c r="A1" t="inlineStr"><is><t>Ya</t></is></c>` +
				`<c r="B1" t="inlineStr"><is><r><t>Ti</t></r><r><rPr><i/></rPr><t>dak</t></r><rPh><t>x</t></rPh></is></c>` +
				`<c r="C1" t="inlineStr"/></row>`,
			want: []row{{1, []Cell{str("Ya"), str("Tidak")}}},
		},
		{
			name: "entities and character references",
			sst:  `<si><t>Tom &amp; Jerry &#x41;&#66;</t></si>`,
			data: `<row r="1"><c r="A1" t="s"><v>0</v></c>` +
				`<c r="B1" t="inlineStr"><is><t>&lt;a&gt; &quot;b&quot; &apos;c&apos; &#x41;&#65;</t></is></c>` +
				`<c r="C1" t="str"><v>&#x31;&#x2E;5</v></c>` +
				`<c r="D1"><v>&#x31;.5</v></c></row>`,
			want: []row{{1, []Cell{str("Tom & Jerry AB"), str(`<a> "b" 'c' AA`), str("1.5"), num("1.5")}}},
		},
		{
			name: "OOXML _xHHHH_ escapes in strings",
			sst:  `<si><t>a_x000D_b</t></si><si><t>_x005F_x000D_</t></si>`,
			data: `<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="inlineStr"><is><t>x_x0009_y_xZZZZ_</t></is></c></row>`,
			want: []row{{1, []Cell{str("a\rb"), str("_x000D_"), str("x\ty_xZZZZ_")}}},
		},
		{
			name: "cells without r take the next column",
			sst:  `<si><t>s</t></si>`,
			data: `<row r="2"><c><v>1</v></c><c t="s"><v>0</v></c><c r="E2"><v>5</v></c><c><v>6</v></c><c/><c><v>8</v></c></row>`,
			want: []row{{2, []Cell{num("1"), str("s"), empty, empty, num("5"), num("6"), empty, num("8")}}},
		},
		{
			name: "rows without r take the next number",
			data: `<row><c><v>1</v></c></row><row r="5"><c r="A5"><v>5</v></c></row><row><c><v>6</v></c></row><row r="9" spans="1:2"/><row/>`,
			want: []row{{1, []Cell{num("1")}}, {5, []Cell{num("5")}}, {6, []Cell{num("6")}}, {9, nil}, {10, nil}},
		},
		{
			name: "gaps between rows and columns, trailing empties trimmed",
			data: `<row r="2"><c r="B2"><v>2</v></c><c r="D2"><v>4</v></c><c r="F2" s="3"/><c r="G2" t="s"/></row>` +
				`<row r="3" ht="15" customHeight="1"></row>` +
				`<row r="10"><c r="C10" t="str"><v></v></c></row>`,
			want: []row{{2, []Cell{empty, num("2"), empty, num("4")}}, {3, nil}, {10, []Cell{empty, empty, str("")}}},
		},
		{
			// What openpyxl and other writers that do not compute formulas
			// save: the formula, and no result or an empty one.
			name: "formula without a value is Formula",
			data: `<row r="1"><c r="A1"><f>SUM(B1:C1)</f></c><c r="B1"><v>2</v></c><c r="C1" t="str"><f>B1&amp;""</f></c>` +
				`<c r="D1"><f>1+1</f><v/></c><c r="E1" t="b"><f>TRUE()</f><v></v></c><c r="F1"><f t="shared" si="0"/></c>` +
				`<c r="G1" t="s"><f>X</f></c><c r="H1" t="inlineStr"><f>X</f></c><c r="I1" t="e"><f>NA()</f><v/></c></row>`,
			want: []row{{1, []Cell{formula, num("2"), formula, formula, formula, formula, formula, formula, formula}}},
		},
		{
			name: "formula with its result is the result",
			sst:  `<si><t>Ya</t></si>`,
			data: `<row r="1"><c r="A1"><f>1+1</f><v>2</v></c><c r="B1" t="str"><f>IF(A1&gt;5,"x","")</f><v></v></c>` +
				`<c r="C1" t="s"><f>X</f><v>0</v></c><c r="D1" t="b"><f>TRUE()</f><v>1</v></c><c r="E1" t="e"><f>1/0</f><v>#DIV/0!</v></c>` +
				`<c r="F1" t="str"><f>"a"</f><v>a</v></c></row>`,
			want: []row{{1, []Cell{num("2"), str(""), str("Ya"), boo("1"), errc("#DIV/0!"), str("a")}}},
		},
		{
			name: "formula in the last column is kept",
			data: `<row r="1"><c r="A1"><v>1</v></c><c r="C1"><f>A1</f></c></row>`,
			want: []row{{1, []Cell{num("1"), empty, formula}}},
		},
		{
			name: "xml:space preserve keeps whitespace",
			sst: `<si><t xml:space="preserve">  dua  spasi </t></si>` +
				`<si><r><t xml:space="preserve"> a </t></r><r><t xml:space="preserve">` + "\nb\t" + `</t></r></si>`,
			data: `<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c>` +
				`<c r="C1" t="inlineStr"><is><t xml:space="preserve">   </t></is></c><c r="D1" t="str"><v xml:space="preserve"> x </v></c></row>`,
			want: []row{{1, []Cell{str("  dua  spasi "), str(" a \nb\t"), str("   "), str(" x ")}}},
		},
		{
			name: "comments, CDATA and processing instructions",
			data: `<!-- c --><row r="1"><?pi x?><c r="A1" t="str"><v><![CDATA[<raw> & ]]>x</v></c><c r="B1"><v>1<!-- split -->2</v></c></row>`,
			want: []row{{1, []Cell{str("<raw> & x"), num("12")}}},
		},
		{
			name: "cells out of order overwrite by column",
			data: `<row r="1"><c r="C1"><v>3</v></c><c r="A1"><v>1</v></c><c r="C1"><v>33</v></c></row>`,
			want: []row{{1, []Cell{num("1"), empty, num("33")}}},
		},
		{
			name: "lower-case column letters and last column",
			data: `<row r="1048576"><c r="xfd1048576"><v>1</v></c></row>`,
			want: []row{{1048576, append(make([]Cell, 16383), num("1"))}},
		},
		{
			name: "booleans written as words, numbers with spaces",
			data: `<row r="1"><c r="A1" t="b"><v>true</v></c><c r="B1" t="b"><v>false</v></c><c r="C1"><v> 7 </v></c><c r="D1"><v>+.5e+3</v></c></row>`,
			want: []row{{1, []Cell{boo("1"), boo("0"), num("7"), num("+.5e+3")}}},
		},
		{
			name: "empty sheetData",
			data: ``,
			want: nil,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := writeFile(t, zipBytes(t, book(tt.sst, tt.data)))
			got, err := readSheet(t, path, "Sheet1", Options{})
			if err != nil {
				t.Fatalf("unexpected error: %v", err)
			}
			if !reflect.DeepEqual(normalise(got), normalise(tt.want)) {
				t.Errorf("got\n%swant\n%s", formatRows(got), formatRows(tt.want))
			}
		})
	}
}

// normalise makes nil and empty cell slices compare equal.
func normalise(rows []row) []row {
	out := make([]row, len(rows))
	for i, r := range rows {
		out[i] = r
		if len(r.cells) == 0 {
			out[i].cells = nil
		}
	}
	return out
}

func TestRowsErrors(t *testing.T) {
	tests := []struct {
		name     string
		sst      string
		data     string
		wantRows int      // rows yielded before the error
		want     []string // substrings of the error
	}{
		{"negative shared string index", `<si><t>a</t></si>`, `<row r="1"><c r="A1" t="s"><v>0</v></c></row><row r="2"><c r="B2" t="s"><v>-1</v></c></row>`, 1, []string{"row 2", "cell B2", "shared string index", `"-1"`}},
		{"shared string index out of range", `<si><t>a</t></si>`, `<row r="3"><c r="A3" t="s"><v>1</v></c></row>`, 0, []string{"row 3", "out of range (1 strings)"}},
		{"shared string index huge", `<si><t>a</t></si>`, `<row r="3"><c r="A3" t="s"><v>99999999999999999999999</v></c></row>`, 0, []string{"row 3", "out of range"}},
		{"shared string index not a number", `<si><t>a</t></si>`, `<row r="3"><c t="s"><v>x</v></c></row>`, 0, []string{"row 3", "cell A3", "out of range"}},
		{"shared string without table", ``, `<row r="1"><c r="A1" t="s"><v>0</v></c></row>`, 0, []string{"row 1", "(0 strings)"}},
		{"column past XFD", ``, `<row r="1"><c r="XFE1"><v>1</v></c></row>`, 0, []string{"row 1", `"XFE1"`, "XFD"}},
		{"huge column letters", ``, `<row r="1"><c r="` + strings.Repeat("Z", 200) + `1"><v>1</v></c></row>`, 0, []string{"row 1", "XFD"}},
		{"reference without row", ``, `<row r="1"><c r="A"><v>1</v></c></row>`, 0, []string{"row 1", `bad cell reference "A"`}},
		{"reference without column", ``, `<row r="1"><c r="12"><v>1</v></c></row>`, 0, []string{"row 1", `bad cell reference "12"`}},
		{"reference row zero", ``, `<row r="1"><c r="A0"><v>1</v></c></row>`, 0, []string{`bad cell reference "A0"`}},
		{"reference row past the last", ``, `<row r="1"><c r="A1048577"><v>1</v></c></row>`, 0, []string{"past the last row"}},
		{"row number past the last", ``, `<row r="1048576"/><row r="1048577"><c r="A1"><v>1</v></c></row>`, 1, []string{"row 1048577", "beyond the last row"}},
		{"counted row past the last", ``, `<row r="1048576"/><row/>`, 1, []string{"row 1048577"}},
		{"huge row number", ``, `<row r="99999999999999999999999999"/>`, 0, []string{"beyond the last row"}},
		{"bad row number", ``, `<row r="1"/><row r="x1"/>`, 1, []string{`bad row number r="x1"`, "after row 1"}},
		{"zero row number", ``, `<row r="0"/>`, 0, []string{`bad row number r="0"`}},
		{"rows out of order", ``, `<row r="5"/><row r="3"/>`, 1, []string{"row 3 comes after row 5", "out of order"}},
		{"row repeated", ``, `<row r="2"/><row r="2"/>`, 1, []string{"row 2 comes after row 2"}},
		{"row without r after the last", ``, `<row r="1048576"/><row/>`, 1, []string{"beyond the last row"}},
		{"too many cells without r", ``, `<row r="4">` + strings.Repeat(`<c><v>1</v></c>`, 16385) + `</row>`, 0, []string{"row 4", "past the last column"}},
		{"number cell that is not a number", ``, `<row r="1"><c r="A1"><v>abc</v></c></row>`, 0, []string{"cell A1", `number cell holds "abc"`}},
		{"number cell NaN", ``, `<row r="1"><c r="A1" t="n"><v>NaN</v></c></row>`, 0, []string{"cell A1"}},
		{"bad boolean", ``, `<row r="1"><c r="A1" t="b"><v>2</v></c></row>`, 0, []string{`boolean cell holds "2"`}},
		{"unknown type", ``, `<row r="1"><c r="A1" t="zz"><v>2</v></c></row>`, 0, []string{`unknown cell type t="zz"`}},
		{"mismatched tags", ``, `<row r="1"><c r="A1"><v>2</c></row>`, 0, []string{"row 1", "element <v> closed by </c>"}},
		{"syntax error", ``, `<row r="1"><c r="A1"><v>2</v></c></row><row r="2"><c r="A2" <v>`, 1, []string{"row 2", "XML syntax error"}},
		{"undefined entity", ``, `<row r="1"><c r="A1" t="str"><v>&nbsp;</v></c></row>`, 0, []string{"row 1", "XML syntax error"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := writeFile(t, zipBytes(t, book(tt.sst, tt.data)))
			got, err := readSheet(t, path, "Sheet1", Options{})
			if err == nil {
				t.Fatalf("no error; rows:\n%s", formatRows(got))
			}
			t.Log(err)
			for _, w := range tt.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q does not contain %q", err, w)
				}
			}
			if !strings.Contains(err.Error(), `sheet "Sheet1"`) {
				t.Errorf("error %q does not name the sheet", err)
			}
			if len(got) != tt.wantRows {
				t.Errorf("%d rows before the error, want %d", len(got), tt.wantRows)
			}
		})
	}
}

// A sheet cut short inside an intact zip must fail, naming the row, whether
// the cut falls inside a tag or between two tags; excelize ends quietly.
func TestTruncatedSheet(t *testing.T) {
	full := book("", `<row r="1"><c r="A1"><v>1</v></c></row><row r="2"><c r="A2"><v>2</v></c><c r="B2" t="inlineStr"><is><t>dua</t></is></c></row><row r="3"><c r="A3"><v>3</v></c></row>`)
	sheet := full[3].data
	if full[3].name != "xl/worksheets/sheet1.xml" {
		t.Fatalf("unexpected layout: %s", full[3].name)
	}
	cuts := map[string]string{
		"inside a tag":     `<c r="B2" t="inl`,
		"between tags":     `<c r="B2" t="inlineStr"><is>`,
		"inside text":      `<t>du`,
		"after a cell":     `<t>dua</t></is></c>`,
		"after a row":      `</row><row r="3">`,
		"before sheetData": `<worksheet`,
	}
	for name, upTo := range cuts {
		t.Run(name, func(t *testing.T) {
			i := strings.Index(sheet, upTo)
			if i < 0 {
				t.Fatalf("%q not in sheet", upTo)
			}
			parts := append([]part(nil), full...)
			parts[3] = part{name: parts[3].name, data: sheet[:i+len(upTo)]}
			got, err := readSheet(t, writeFile(t, zipBytes(t, parts)), "Sheet1", Options{})
			if err == nil {
				t.Fatalf("no error for a truncated sheet; rows:\n%s", formatRows(got))
			}
			t.Log(err)
			if !strings.Contains(err.Error(), "unexpected EOF") {
				t.Errorf("error %q does not say unexpected EOF", err)
			}
			wantRow := "row 2"
			switch name {
			case "after a row":
				wantRow = "row 3"
			case "before sheetData":
				wantRow = "before the first row"
			}
			if !strings.Contains(err.Error(), wantRow) {
				t.Errorf("error %q does not name %q", err, wantRow)
			}
		})
	}
}

// bomb is a part of highly compressible XML far bigger than the bound.
func bombRows(n int) string {
	return strings.Repeat(`<row><c><v>1</v></c></row>`, n)
}

func TestZipBomb(t *testing.T) {
	const limit = 64 << 10
	t.Run("sheet", func(t *testing.T) {
		data := zipBytes(t, book("", bombRows(100000))) // ~2.6 MB inflated
		if len(data) > limit {
			t.Fatalf("test zip is %d bytes, not a bomb", len(data))
		}
		got, err := readSheet(t, writeFile(t, data), "Sheet1", Options{MaxPartBytes: limit})
		if !errors.Is(err, ErrTooLarge) {
			t.Fatalf("err = %v, want ErrTooLarge", err)
		}
		t.Log(err)
		if !strings.Contains(err.Error(), "xl/worksheets/sheet1.xml") || !strings.Contains(err.Error(), "row ") {
			t.Errorf("error %q does not name the part and row", err)
		}
		if len(got) == 0 || len(got) > limit/26 {
			t.Errorf("%d rows read before the bound", len(got))
		}
		// The default bound lets the same sheet through.
		if got, err := readSheet(t, writeFile(t, data), "Sheet1", Options{}); err != nil || len(got) != 100000 {
			t.Errorf("default bound: %d rows, err %v", len(got), err)
		}
	})
	t.Run("shared strings", func(t *testing.T) {
		sst := `<si><t>` + strings.Repeat("a", 1<<20) + `</t></si>`
		_, err := Open(writeFile(t, zipBytes(t, book(sst, ""))), Options{MaxPartBytes: limit})
		if !errors.Is(err, ErrTooLarge) || !strings.Contains(err.Error(), "xl/sharedStrings.xml") {
			t.Fatalf("err = %v, want ErrTooLarge naming xl/sharedStrings.xml", err)
		}
	})
	t.Run("workbook", func(t *testing.T) {
		parts := book("", "")
		parts[1].data = strings.Replace(parts[1].data, "<sheets>", "<sheets>"+strings.Repeat(" ", 1<<20), 1)
		_, err := Open(writeFile(t, zipBytes(t, parts)), Options{MaxPartBytes: limit})
		if !errors.Is(err, ErrTooLarge) || !strings.Contains(err.Error(), "xl/workbook.xml") {
			t.Fatalf("err = %v, want ErrTooLarge naming xl/workbook.xml", err)
		}
	})
	t.Run("lying header", func(t *testing.T) {
		// A stored entry whose headers understate its size: the zip
		// reader or the bound must stop it, never a silent success.
		parts := book("", bombRows(10000))
		var buf bytes.Buffer
		zw := zip.NewWriter(&buf)
		for _, p := range parts {
			w, err := zw.CreateHeader(&zip.FileHeader{Name: p.name, Method: zip.Store})
			if err != nil {
				t.Fatal(err)
			}
			io.WriteString(w, p.data)
		}
		zw.Close()
		b := buf.Bytes()
		// Patch the central directory's uncompressed size of the sheet
		// to a small number (the local header uses a data descriptor).
		i := bytes.LastIndex(b, []byte("xl/worksheets/sheet1.xml")) - 46 // central directory header start
		if !bytes.Equal(b[i:i+4], []byte("PK\x01\x02")) {
			t.Fatal("central directory header not found")
		}
		copy(b[i+24:i+28], []byte{100, 0, 0, 0})
		got, err := readSheet(t, writeFile(t, b), "Sheet1", Options{MaxPartBytes: limit})
		if err == nil {
			t.Fatalf("no error for a part longer than its header says (%d rows)", len(got))
		}
	})
}

func TestStrictNamespace(t *testing.T) {
	const (
		main = `http://purl.oclc.org/ooxml/spreadsheetml/main`
		rels = `http://purl.oclc.org/ooxml/officeDocument/relationships`
	)
	parts := []part{
		{"xl/workbook.xml", `<?xml version="1.0" encoding="UTF-8"?><x:workbook xmlns:x="` + main + `" xmlns:rel="` + rels + `" conformance="strict"><x:sheets>` +
			`<x:sheet name="Data" sheetId="1" rel:id="rId1"/></x:sheets></x:workbook>`},
		{"xl/_rels/workbook.xml.rels", `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
			`<Relationship Id="rId1" Type="http://purl.oclc.org/ooxml/officeDocument/relationships/worksheet" Target="/xl/worksheets/sheet1.xml"/>` +
			`<Relationship Id="rId2" Type="http://purl.oclc.org/ooxml/officeDocument/relationships/sharedStrings" Target="/xl/strings.xml"/></Relationships>`},
		{"xl/strings.xml", `<x:sst xmlns:x="` + main + `"><x:si><x:t>Ya</x:t></x:si><x:si><x:r><x:t>Ti</x:t></x:r><x:r><x:t>dak</x:t></x:r></x:si></x:sst>`},
		{"xl/worksheets/sheet1.xml", `<x:worksheet xmlns:x="` + main + `"><x:sheetData><x:row r="1"><x:c r="A1" t="s"><x:v>0</x:v></x:c><x:c r="B1" t="s"><x:v>1</x:v></x:c>` +
			`<x:c r="C1"><x:v>37.125</x:v></x:c><x:c r="D1" t="inlineStr"><x:is><x:t>in</x:t></x:is></x:c></x:row></x:sheetData></x:worksheet>`},
	}
	path := writeFile(t, zipBytes(t, parts))
	wb, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer wb.Close()
	if got := wb.Sheets(); !reflect.DeepEqual(got, []string{"Data"}) {
		t.Errorf("Sheets() = %q", got)
	}
	got, err := readSheet(t, path, "Data", Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := []row{{1, []Cell{str("Ya"), str("Tidak"), num("37.125"), str("in")}}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got\n%swant\n%s", formatRows(got), formatRows(want))
	}
}

func TestWorkbookStructure(t *testing.T) {
	t.Run("sheet order, absolute and relative targets", func(t *testing.T) {
		parts := []part{
			{"xl/workbook.xml", `<workbook ` + nsMain + ` ` + nsRel + `><sheets>` +
				`<sheet name="Petunjuk" sheetId="3" r:id="rId3"/><sheet name="Data KK" sheetId="1" r:id="rId1"/>` +
				`<sheet name="Grafik" sheetId="2" r:id="rId2"/><sheet name="Hilang" sheetId="4" r:id="rId9"/><sheet name="TanpaId" sheetId="5"/></sheets></workbook>`},
			{"xl/_rels/workbook.xml.rels", `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
				`<Relationship Id="rId1" Type="t/worksheet" Target="/xl/worksheets/sheet1.xml"/>` +
				`<Relationship Id="rId2" Type="t/chartsheet" Target="chartsheets/sheet1.xml"/>` +
				`<Relationship Id="rId3" Type="t/worksheet" Target="./worksheets/../worksheets/sheet%202.xml"/></Relationships>`},
			{"xl/worksheets/sheet1.xml", `<worksheet ` + nsMain + `><sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData></worksheet>`},
			{"xl/worksheets/sheet 2.xml", `<worksheet ` + nsMain + `><sheetData><row r="1"><c r="A1"><v>2</v></c></row></sheetData></worksheet>`},
			{"xl/chartsheets/sheet1.xml", `<chartsheet ` + nsMain + `><sheetPr/><drawing r:id="rId1" ` + nsRel + `/></chartsheet>`},
		}
		path := writeFile(t, zipBytes(t, parts))
		wb, err := Open(path, Options{})
		if err != nil {
			t.Fatal(err)
		}
		defer wb.Close()
		if got, want := wb.Sheets(), []string{"Petunjuk", "Data KK", "Grafik", "Hilang", "TanpaId"}; !reflect.DeepEqual(got, want) {
			t.Errorf("Sheets() = %q, want %q", got, want)
		}
		for sheet, want := range map[string]string{"Data KK": "1", "data kk": "1", "Petunjuk": "2"} {
			got, err := readSheet(t, path, sheet, Options{})
			if err != nil || len(got) != 1 || got[0].cells[0] != num(want) {
				t.Errorf("%s: %s err %v", sheet, formatRows(got), err)
			}
		}
		if got, err := readSheet(t, path, "Grafik", Options{}); err != nil || len(got) != 0 {
			t.Errorf("chart sheet: %s err %v", formatRows(got), err)
		}
		for _, sheet := range []string{"Hilang", "TanpaId", "Tidak Ada"} {
			if _, err := wb.Rows(sheet); err == nil || !strings.Contains(err.Error(), sheet) {
				t.Errorf("Rows(%q) err = %v", sheet, err)
			}
		}
	})
	t.Run("hidden sheets", func(t *testing.T) {
		parts := book("", "", "", "", "")
		parts[1].data = strings.Replace(parts[1].data, `<sheet name="Sheet1"`, `<sheet state="hidden" name="Sheet1"`, 1)
		parts[1].data = strings.Replace(parts[1].data, `<sheet name="Sheet2"`, `<sheet name="Sheet2" state="veryHidden"`, 1)
		parts[1].data = strings.Replace(parts[1].data, `<sheet name="Sheet3"`, `<sheet name="Sheet3" state="visible"`, 1)
		wb, err := Open(writeFile(t, zipBytes(t, parts)), Options{})
		if err != nil {
			t.Fatal(err)
		}
		defer wb.Close()
		for sheet, want := range map[string]bool{"Sheet1": true, "sheet1": true, "Sheet2": true, "Sheet3": false, "Sheet4": false, "Tidak Ada": false} {
			if got := wb.Hidden(sheet); got != want {
				t.Errorf("Hidden(%q) = %v, want %v", sheet, got, want)
			}
		}
		// Hidden sheets are listed and readable: choosing is the caller's.
		if got := wb.Sheets(); len(got) != 4 {
			t.Errorf("Sheets() = %q", got)
		}
		if _, err := wb.Rows("Sheet2"); err != nil {
			t.Errorf("Rows of a hidden sheet: %v", err)
		}
	})
	t.Run("sheet part missing", func(t *testing.T) {
		parts := book("", "")
		parts = parts[:3]
		wb, err := Open(writeFile(t, zipBytes(t, parts)), Options{})
		if err != nil {
			t.Fatal(err)
		}
		defer wb.Close()
		if _, err := wb.Rows("Sheet1"); err == nil || !strings.Contains(err.Error(), "missing part xl/worksheets/sheet1.xml") {
			t.Errorf("err = %v", err)
		}
	})
	t.Run("not a zip", func(t *testing.T) {
		if _, err := Open(writeFile(t, []byte("kode_desa,kabupaten\n")), Options{}); err == nil {
			t.Error("no error")
		}
	})
	t.Run("no workbook part", func(t *testing.T) {
		_, err := Open(writeFile(t, zipBytes(t, []part{{"word/document.xml", "<w/>"}})), Options{})
		if err == nil || !strings.Contains(err.Error(), "xl/workbook.xml") {
			t.Errorf("err = %v", err)
		}
	})
	t.Run("broken shared strings", func(t *testing.T) {
		_, err := Open(writeFile(t, zipBytes(t, book(`<si><t>a</si>`, ""))), Options{})
		if err == nil || !strings.Contains(err.Error(), "xl/sharedStrings.xml") {
			t.Errorf("err = %v", err)
		}
	})
	t.Run("truncated shared strings", func(t *testing.T) {
		parts := book(`<si><t>a</t></si><si><t>b</t></si>`, "")
		sst := &parts[len(parts)-1]
		sst.data = sst.data[:strings.Index(sst.data, "<si><t>b")]
		_, err := Open(writeFile(t, zipBytes(t, parts)), Options{})
		if err == nil || !strings.Contains(err.Error(), "unexpected EOF") {
			t.Errorf("err = %v", err)
		}
	})
	t.Run("missing file", func(t *testing.T) {
		if _, err := Open("testdata/does-not-exist.xlsx", Options{}); err == nil {
			t.Error("no error")
		}
	})
	t.Run("stop early and close twice", func(t *testing.T) {
		wb, err := Open(writeFile(t, zipBytes(t, book("", bombRows(10)))), Options{})
		if err != nil {
			t.Fatal(err)
		}
		rs, err := wb.Rows("Sheet1")
		if err != nil {
			t.Fatal(err)
		}
		if !rs.Next() || rs.Num() != 1 {
			t.Fatal("first row missing")
		}
		if err := rs.Close(); err != nil {
			t.Error(err)
		}
		if err := rs.Close(); err != nil {
			t.Error(err)
		}
		if rs.Next() || rs.Err() != nil {
			t.Errorf("Next after Close: err %v", rs.Err())
		}
		if err := wb.Close(); err != nil {
			t.Error(err)
		}
		if err := wb.Close(); err != nil {
			t.Error(err)
		}
	})
	t.Run("two sheets read at once", func(t *testing.T) {
		wb, err := Open(writeFile(t, zipBytes(t, book("", bombRows(3), bombRows(5)))), Options{})
		if err != nil {
			t.Fatal(err)
		}
		defer wb.Close()
		a, _ := wb.Rows("Sheet1")
		b, _ := wb.Rows("Sheet2")
		na, nb := 0, 0
		for {
			ma, mb := a.Next(), b.Next()
			if ma {
				na++
			}
			if mb {
				nb++
			}
			if !ma && !mb {
				break
			}
		}
		if na != 3 || nb != 5 || a.Err() != nil || b.Err() != nil {
			t.Errorf("rows %d and %d, errs %v %v", na, nb, a.Err(), b.Err())
		}
	})
}

func TestCellsReused(t *testing.T) {
	// The slice is reused, but values handed out stay valid.
	path := writeFile(t, zipBytes(t, book("", `<row r="1"><c r="A1" t="inlineStr"><is><t>satu</t></is></c></row><row r="2"><c r="A2" t="inlineStr"><is><t>dua</t></is></c></row>`)))
	wb, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer wb.Close()
	rs, _ := wb.Rows("Sheet1")
	defer rs.Close()
	rs.Next()
	first := rs.Cells()[0].Value
	rs.Next()
	if first != "satu" || rs.Cells()[0].Value != "dua" {
		t.Errorf("values %q, %q", first, rs.Cells()[0].Value)
	}
}

func TestColumnHelpers(t *testing.T) {
	for col, name := range map[int]string{0: "A", 25: "Z", 26: "AA", 701: "ZZ", 702: "AAA", 16383: "XFD"} {
		if got := columnName(col); got != name {
			t.Errorf("columnName(%d) = %q, want %q", col, got, name)
		}
		if got, err := parseCellRef(name + "7"); err != nil || got != col {
			t.Errorf("parseCellRef(%q) = %d, %v", name+"7", got, err)
		}
	}
}

// Memory must not grow with the number of rows: the live heap after many
// rows is the same as after a few.
func TestMemoryFlat(t *testing.T) {
	if testing.Short() {
		t.Skip("reads 300,000 rows")
	}
	const rows = 300000
	path := writeFile(t, zipBytes(t, book("", strings.Repeat(`<row><c><v>1</v></c><c t="inlineStr"><is><t>Ya</t></is></c></row>`, rows))))
	wb, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer wb.Close()
	rs, err := wb.Rows("Sheet1")
	if err != nil {
		t.Fatal(err)
	}
	defer rs.Close()
	live := func() uint64 {
		var m runtime.MemStats
		runtime.GC()
		runtime.GC()
		runtime.ReadMemStats(&m)
		return m.HeapAlloc
	}
	var early uint64
	n := 0
	for rs.Next() {
		n++
		if n == 1000 {
			early = live()
		}
		if n == rows-1 {
			late := live()
			t.Logf("live heap after 1,000 rows %d B, after %d rows %d B", early, n, late)
			if late > early+1<<20 {
				t.Errorf("live heap grew from %d B to %d B", early, late)
			}
		}
	}
	if err := rs.Err(); err != nil || n != rows {
		t.Fatalf("%d rows, err %v", n, err)
	}
}
