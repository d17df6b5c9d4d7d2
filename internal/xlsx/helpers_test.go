package xlsx

import (
	"archive/zip"
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// part is one zip entry of a hand-built workbook.
type part struct {
	name string
	data string
}

// zipBytes writes the parts, in order, deflated.
func zipBytes(t testing.TB, parts []part) []byte {
	t.Helper()
	return zipBytesMethod(t, parts, zip.Deflate)
}

// zipBytesMethod writes the parts with the given compression method; stored
// parts let the fuzzer mutate the XML itself rather than a deflate stream.
func zipBytesMethod(t testing.TB, parts []part, method uint16) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, p := range parts {
		w, err := zw.CreateHeader(&zip.FileHeader{Name: p.name, Method: method})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write([]byte(p.data)); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func writeFile(t testing.TB, data []byte) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "book.xlsx")
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

const (
	nsMain = `xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"`
	nsRel  = `xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"`
)

// book builds the parts of a transitional workbook whose sheets are named
// Sheet1, Sheet2, ... and hold the given <sheetData> contents. sst is the
// inside of <sst>, or "" for a workbook without shared strings.
func book(sst string, sheetData ...string) []part {
	var sheets, rels strings.Builder
	var parts []part
	for i, sd := range sheetData {
		n := i + 1
		fmt.Fprintf(&sheets, `<sheet name="Sheet%d" sheetId="%d" r:id="rId%d"/>`, n, n, n+10)
		fmt.Fprintf(&rels, `<Relationship Id="rId%d" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet%d.xml"/>`, n+10, n)
		parts = append(parts, part{
			name: fmt.Sprintf("xl/worksheets/sheet%d.xml", n),
			data: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n" +
				`<worksheet ` + nsMain + ` ` + nsRel + `><dimension ref="A1"/><sheetData>` + sd + `</sheetData><pageMargins left="0.7"/></worksheet>`,
		})
	}
	if sst != "" {
		rels.WriteString(`<Relationship Id="rId99" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>`)
		parts = append(parts, part{
			name: "xl/sharedStrings.xml",
			data: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n" + `<sst ` + nsMain + `>` + sst + `</sst>`,
		})
	}
	head := []part{
		{"[Content_Types].xml", `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>`},
		{"xl/workbook.xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n" +
			`<workbook ` + nsMain + ` ` + nsRel + `><sheets>` + sheets.String() + `</sheets></workbook>`},
		{"xl/_rels/workbook.xml.rels", `<?xml version="1.0" encoding="UTF-8"?>` + "\n" +
			`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` + rels.String() + `</Relationships>`},
	}
	return append(head, parts...)
}

// row is what the reader yielded for one row.
type row struct {
	num   int
	cells []Cell
}

// readSheet reads one sheet to its end with this package.
func readSheet(t testing.TB, path, sheet string, opt Options) ([]row, error) {
	t.Helper()
	wb, err := Open(path, opt)
	if err != nil {
		return nil, err
	}
	defer wb.Close()
	rs, err := wb.Rows(sheet)
	if err != nil {
		return nil, err
	}
	defer rs.Close()
	var out []row
	for rs.Next() {
		out = append(out, row{num: rs.Num(), cells: append([]Cell(nil), rs.Cells()...)})
	}
	return out, rs.Err()
}

// Cell constructors keep the expected tables short.
func num(v string) Cell  { return Cell{Value: v, Type: TypeNumber} }
func str(v string) Cell  { return Cell{Value: v, Type: TypeString} }
func boo(v string) Cell  { return Cell{Value: v, Type: TypeBool} }
func errc(v string) Cell { return Cell{Value: v, Type: TypeError} }

var (
	empty   = Cell{}
	formula = Cell{Type: TypeFormula}
)

func formatRows(rows []row) string {
	var b strings.Builder
	for _, r := range rows {
		fmt.Fprintf(&b, "  %d:", r.num)
		for _, c := range r.cells {
			fmt.Fprintf(&b, " %s%q", c.Type, c.Value)
		}
		b.WriteByte('\n')
	}
	return b.String()
}

// tableOf builds a shared-string table from strings.
func tableOf(strs []string) *sstTable {
	t := &sstTable{}
	for _, s := range strs {
		if err := t.add([]byte(s)); err != nil {
			panic(err)
		}
	}
	return t
}

// strings lists the table's strings, for the encoding/xml reader and for
// comparisons; nil for a workbook without shared strings.
func (t *sstTable) strings() []string {
	var out []string
	for i := range t.len() {
		b, err := t.appendString(nil, i)
		if err != nil {
			panic(err)
		}
		out = append(out, string(b))
	}
	return out
}
