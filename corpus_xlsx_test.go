package main

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"github.com/ikk-tools/ikk/internal/fixture"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/ikk-tools/ikk/internal/surveygen"
)

// TestWriteCorpusXLSX writes the corpus workbooks that need a shape no
// spreadsheet program makes on request: a hidden sheet whose header matches,
// formulas saved without their results (as openpyxl saves them), the same
// formulas with their results. It runs only when asked:
//
//	IKK_WRITE_CORPUS=1 go test -run TestWriteCorpusXLSX .
//
// The files are committed; TestCorpus reads them with their .want files.
func TestWriteCorpusXLSX(t *testing.T) {
	if os.Getenv("IKK_WRITE_CORPUS") == "" {
		t.Skip("set IKK_WRITE_CORPUS=1 to rewrite the corpus workbooks")
	}
	families := corpusFamilies(t, 20)
	example := append([]string(nil), families[1]...)
	example[6] = "CONTOH (hapus baris ini)" // nama_kk
	writeCorpusBook(t, "hidden_sheet.xlsx",
		corpusSheet{name: "Petunjuk", state: "hidden", rows: [][]string{families[0], example}},
		corpusSheet{name: "Data", rows: families})

	// Five families, a formula in buku_nikah (O), jml_art (J) and a
	// column ikk does not read (AU, "catatan"); the fourth family's
	// kode_desa is a formula too.
	five := corpusFamilies(t, 5)
	withFormulas := func(cached bool) [][]string {
		rows := [][]string{append(append([]string(nil), five[0]...), "catatan")}
		for r, fam := range five[1:] {
			row := append(append([]string(nil), fam...), "")
			// A text formula: its result as Excel saves it, or as openpyxl
			// does (no type, an empty <v>), or with no <v> at all.
			text := func(f, val string) string {
				switch {
				case cached:
					return `<c t="str"><f>` + f + `</f><v>` + val + `</v></c>`
				case r%2 == 0:
					return `<c><f>` + f + `</f><v/></c>`
				}
				return `<c t="str"><f>` + f + `</f></c>`
			}
			num := `<c><f>2+2</f><v/></c>`
			if cached {
				num = `<c><f>2+2</f><v>4</v></c>`
			}
			n := strconv.Itoa(r + 2)
			row[14] = text(`IF(Q`+n+`="Ya","Ya","Tidak")`, "Ya") // buku_nikah
			row[9] = num                                         // jml_art
			row[len(row)-1] = text(`CONCATENATE("cek ",G`+n+`)`, "cek")
			if r == 2 {
				row[0] = text(`Petunjuk!A2`, fam[0])
			}
			rows = append(rows, row)
		}
		return rows
	}
	writeCorpusBook(t, "formula_no_value.xlsx", corpusSheet{name: "Data", rows: withFormulas(false)})
	writeCorpusBook(t, "formula_cached.xlsx", corpusSheet{name: "Data", rows: withFormulas(true)})
}

// corpusFamilies is a header and n families of one desa, without defects.
func corpusFamilies(t *testing.T, n int) [][]string {
	t.Helper()
	var buf bytes.Buffer
	if err := surveygen.Generate(&buf, surveygen.Config{Seed: 7, Households: n, Kecamatan: 1, Desa: 1, NoDefects: true}); err != nil {
		t.Fatal(err)
	}
	recs, err := csv.NewReader(&buf).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	return recs
}

type corpusSheet struct {
	name, state string
	rows        [][]string // a cell starting with "<c" is written as is (its r added); others as inline strings
}

// writeCorpusBook writes testdata/corpus/name from the sheets, with fixed
// dates so that rewriting it changes nothing that did not change.
func writeCorpusBook(t *testing.T, name string, sheets ...corpusSheet) {
	t.Helper()
	const (
		main = `xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"`
		rel  = `xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"`
	)
	var list, rels strings.Builder
	parts := []fixture.Part{
		{"[Content_Types].xml", `<?xml version="1.0" encoding="UTF-8"?>` + "\n" + `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
			`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>` +
			`<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>`},
		{"_rels/.rels", `<?xml version="1.0" encoding="UTF-8"?>` + "\n" + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
			`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`},
	}
	var sheetParts []fixture.Part
	for i, s := range sheets {
		state := ""
		if s.state != "" {
			state = ` state="` + s.state + `"`
		}
		fmt.Fprintf(&list, `<sheet name="%s" sheetId="%d"%s r:id="rId%d"/>`, s.name, i+1, state, i+1)
		fmt.Fprintf(&rels, `<Relationship Id="rId%d" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet%d.xml"/>`, i+1, i+1)
		var data strings.Builder
		data.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n" + `<worksheet ` + main + `><sheetData>`)
		for r, row := range s.rows {
			fmt.Fprintf(&data, `<row r="%d">`, r+1)
			for c, v := range row {
				ref := corpusColumn(c) + strconv.Itoa(r+1)
				switch {
				case v == "":
				case strings.HasPrefix(v, "<c"):
					data.WriteString(`<c r="` + ref + `"` + strings.TrimPrefix(v, "<c"))
				default:
					var esc bytes.Buffer
					if err := xmlEscape(&esc, v); err != nil {
						t.Fatal(err)
					}
					fmt.Fprintf(&data, `<c r="%s" t="inlineStr"><is><t>%s</t></is></c>`, ref, esc.String())
				}
			}
			data.WriteString(`</row>`)
		}
		data.WriteString(`</sheetData></worksheet>`)
		sheetParts = append(sheetParts, fixture.Part{fmt.Sprintf("xl/worksheets/sheet%d.xml", i+1), data.String()})
	}
	parts = append(parts,
		fixture.Part{"xl/workbook.xml", `<?xml version="1.0" encoding="UTF-8"?>` + "\n" + `<workbook ` + main + ` ` + rel + `><sheets>` + list.String() + `</sheets></workbook>`},
		fixture.Part{"xl/_rels/workbook.xml.rels", `<?xml version="1.0" encoding="UTF-8"?>` + "\n" + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` + rels.String() + `</Relationships>`})
	parts = append(parts, sheetParts...)

	data, err := fixture.Zip(parts)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join("testdata", "corpus", name), data, 0o644); err != nil {
		t.Fatal(err)
	}
}

func corpusColumn(i int) string {
	s := ""
	for i++; i > 0; i = (i - 1) / 26 {
		s = string(rune('A'+(i-1)%26)) + s
	}
	return s
}

func xmlEscape(w io.Writer, s string) error {
	_, err := io.WriteString(w, strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;").Replace(s))
	return err
}
