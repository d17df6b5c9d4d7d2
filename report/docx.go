package report

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"math"
	"strings"
	"text/template"
	"time"
)

// writeDocx writes a document as a Word file: the smallest OOXML package
// Word and LibreOffice open without a repair prompt (content types,
// relationships, the document, its styles, a footer with page numbers and
// the file properties). No Go library for writing .docx is both free and
// well kept, and a lampiran needs little: paragraphs, one table whose
// header row repeats on every page, and A4 pages with the margins of a
// decree.
func writeDocx(w io.Writer, doc *document) error {
	var body bytes.Buffer
	pg := portrait
	if doc.landscape {
		pg = landscape
	}
	for i, s := range doc.sections {
		if i > 0 {
			body.WriteString(`<w:p><w:r><w:br w:type="page"/></w:r></w:p>`)
		}
		for _, b := range s.blocks {
			docxBlock(&body, b, pg)
		}
	}
	parts := []struct{ name, tmpl string }{
		{"[Content_Types].xml", docxContentTypes},
		{"_rels/.rels", docxRootRels},
		{"docProps/core.xml", docxCore},
		{"docProps/app.xml", docxApp},
		{"word/_rels/document.xml.rels", docxDocRels},
		{"word/styles.xml", docxStyles},
		{"word/settings.xml", docxSettings},
		{"word/footer1.xml", docxFooter},
		{"word/document.xml", docxDocument},
	}
	data := map[string]any{"Body": body.String(), "Title": doc.title, "Page": pg}
	zw := zip.NewWriter(w)
	for _, p := range parts {
		// A fixed time: the same inputs give the same bytes.
		f, err := zw.CreateHeader(&zip.FileHeader{Name: p.name, Method: zip.Deflate, Modified: time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)})
		if err != nil {
			return err
		}
		t := template.Must(template.New(p.name).Funcs(template.FuncMap{"xml": xmlText}).Parse(p.tmpl))
		if err := t.Execute(f, data); err != nil {
			return err
		}
	}
	return zw.Close()
}

func xmlText(s string) string {
	var b strings.Builder
	xml.EscapeText(&b, []byte(s))
	return b.String()
}

// docxPage is a page's size and margins, in twentieths of a point. A4 is
// 11906 x 16838; the margins of a portrait page are those of Indonesian
// official letters, 3 cm left and 2 cm elsewhere; a landscape page (the
// plan, a working document) has 2 cm all round.
type docxPage struct {
	W, H, Top, Right, Bottom, Left int
	Orient                         string
}

var (
	portrait  = docxPage{W: 11906, H: 16838, Top: 1134, Right: 1134, Bottom: 1134, Left: 1701, Orient: "portrait"}
	landscape = docxPage{W: 16838, H: 11906, Top: 1134, Right: 1134, Bottom: 1134, Left: 1134, Orient: "landscape"}
)

func (p docxPage) text() int { return p.W - p.Left - p.Right }
func (p docxPage) half() int { return p.text() / 2 }

func docxRun(b *bytes.Buffer, text string, bold bool, size int) {
	b.WriteString(`<w:r>`)
	if bold || size > 0 {
		b.WriteString(`<w:rPr>`)
		if bold {
			b.WriteString(`<w:b/>`)
		}
		if size > 0 {
			fmt.Fprintf(b, `<w:sz w:val="%d"/><w:szCs w:val="%d"/>`, size, size)
		}
		b.WriteString(`</w:rPr>`)
	}
	for i, part := range strings.Split(text, "\t") {
		if i > 0 {
			b.WriteString(`<w:tab/>`)
		}
		b.WriteString(`<w:t xml:space="preserve">`)
		b.WriteString(xmlText(part))
		b.WriteString(`</w:t>`)
	}
	b.WriteString(`</w:r>`)
}

// docxPara writes a paragraph; indent moves it to the right half of the page.
func docxPara(b *bytes.Buffer, text, align string, indent int, bold bool, size, after int) {
	docxParaKeep(b, text, align, indent, bold, size, after, false)
}

// docxParaKeep is docxPara; keep holds the paragraph on the page of the next.
func docxParaKeep(b *bytes.Buffer, text, align string, indent int, bold bool, size, after int, keep bool) {
	b.WriteString(`<w:p><w:pPr>`)
	if keep {
		b.WriteString(`<w:keepNext/>`)
	}
	fmt.Fprintf(b, `<w:spacing w:before="0" w:after="%d"/>`, after)
	if indent > 0 {
		fmt.Fprintf(b, `<w:ind w:left="%d"/>`, indent)
	}
	if align != "" {
		fmt.Fprintf(b, `<w:jc w:val="%s"/>`, align)
	}
	// The paragraph mark carries the text's size: an empty paragraph (a
	// cell left to fill in) is otherwise as high as the default 11 pt and
	// makes its row taller than its neighbours.
	if size > 0 {
		fmt.Fprintf(b, `<w:rPr><w:sz w:val="%d"/><w:szCs w:val="%d"/></w:rPr>`, size, size)
	}
	b.WriteString(`</w:pPr>`)
	if text != "" {
		docxRun(b, text, bold, size)
	}
	b.WriteString(`</w:p>`)
}

func docxBlock(b *bytes.Buffer, blk docBlock, pg docxPage) {
	docxHalf := pg.half()
	switch blk.kind {
	case blockCorner:
		// "NOMOR : 188.45/093/2023": the colons aligned on a tab stop, a
		// long TENTANG wrapping under its own text, as decrees are typed.
		const label, gap = 1300, 230
		for _, l := range blk.lines {
			name, value, ok := strings.Cut(l, " : ")
			if !ok {
				docxPara(b, l, "left", docxHalf, false, 0, 0)
				continue
			}
			fmt.Fprintf(b, `<w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="%d"/><w:tab w:val="left" w:pos="%d"/></w:tabs><w:spacing w:before="0" w:after="0"/><w:ind w:left="%d" w:hanging="%d"/></w:pPr>`,
				docxHalf+label, docxHalf+label+gap, docxHalf+label+gap, label+gap)
			docxRun(b, name+"\t:\t"+value, false, 0)
			b.WriteString(`</w:p>`)
		}
		docxPara(b, "", "", 0, false, 0, 0)
	case blockTitle:
		for _, l := range blk.lines {
			docxPara(b, l, "center", 0, true, 0, 0)
		}
		docxPara(b, "", "", 0, false, 0, 0)
	case blockPara:
		// A paragraph stays with what it introduces.
		for i, l := range blk.lines {
			docxParaKeep(b, l, "both", 0, false, 0, 120, i == 0 || i >= len(blk.lines)-2 || !blk.loose)
		}
	case blockNote:
		// A note stays with the table above it and what follows.
		docxParaKeep(b, "", "", 0, false, 0, 0, true)
		for _, l := range blk.lines {
			docxParaKeep(b, l, "both", 0, false, 18, 60, true)
		}
	case blockSignature:
		// The signature block is never split over two pages, and keeps
		// with the small print after it: a last page holding only that
		// line would stand apart from the decree it belongs to.
		docxParaKeep(b, "", "", 0, false, 0, 0, true)
		for i, l := range blk.lines {
			last := i == len(blk.lines)-1
			docxParaKeep(b, l, "center", docxHalf, last && l != "", 0, 0, true)
		}
	case blockSmall:
		docxParaKeep(b, "", "", 0, false, 0, 0, true)
		for i, l := range blk.lines {
			docxParaKeep(b, l, "left", 0, false, 14, 0, i < len(blk.lines)-1)
		}
	case blockTable:
		docxTable(b, blk.table, pg.text())
	}
}

func docxTable(b *bytes.Buffer, t *docTable, textWidth int) {
	widths := layoutColumns(t, float64(textWidth)/20)
	cols := make([]int, len(widths))
	total := 0
	for j, w := range widths {
		cols[j] = int(w * 20)
		total += cols[j]
	}
	b.WriteString(`<w:tbl><w:tblPr>`)
	fmt.Fprintf(b, `<w:tblW w:w="%d" w:type="dxa"/>`, total)
	b.WriteString(`<w:tblBorders>`)
	for _, side := range []string{"top", "left", "bottom", "right", "insideH", "insideV"} {
		fmt.Fprintf(b, `<w:%s w:val="single" w:sz="4" w:space="0" w:color="000000"/>`, side)
	}
	b.WriteString(`</w:tblBorders><w:tblLayout w:type="fixed"/><w:tblCellMar><w:left w:w="57" w:type="dxa"/><w:right w:w="57" w:type="dxa"/></w:tblCellMar></w:tblPr><w:tblGrid>`)
	for _, c := range cols {
		fmt.Fprintf(b, `<w:gridCol w:w="%d"/>`, c)
	}
	b.WriteString(`</w:tblGrid>`)
	numeric := make([]bool, len(t.head))
	for j := range numeric {
		numeric[j] = columnNumeric(t, j)
	}
	size := int(math.Round(t.fontSize() * 2))
	keep := false
	cell := func(text string, width, span int, align string, bold, shade bool) {
		fmt.Fprintf(b, `<w:tc><w:tcPr><w:tcW w:w="%d" w:type="dxa"/>`, width)
		if span > 1 {
			fmt.Fprintf(b, `<w:gridSpan w:val="%d"/>`, span)
		}
		if shade {
			b.WriteString(`<w:shd w:val="clear" w:color="auto" w:fill="D9D9D9"/>`)
		}
		b.WriteString(`<w:vAlign w:val="center"/></w:tcPr>`)
		docxParaKeep(b, text, align, 0, bold, size, 0, keep)
		b.WriteString(`</w:tc>`)
	}
	// The header row repeats at the top of every page (tblHeader).
	b.WriteString(`<w:tr><w:trPr><w:tblHeader/><w:cantSplit/></w:trPr>`)
	for j, h := range t.head {
		cell(slashBreaks(h), cols[j], 1, "center", true, true)
	}
	b.WriteString(`</w:tr>`)
	for i, r := range t.rows {
		// The last rows keep with what follows (the legend, the
		// signature), so that no page holds a signature without the table.
		keep = i >= len(t.rows)-2 || t.whole
		b.WriteString(`<w:tr><w:trPr><w:cantSplit/></w:trPr>`)
		for j := 0; j < len(t.head); j++ {
			var c docCell
			if j < len(r.cells) {
				c = r.cells[j]
			}
			align := "left"
			if numeric[j] {
				align = "right"
			}
			if j == 0 && r.span > 1 {
				w := 0
				for _, cw := range cols[:min(r.span, len(cols))] {
					w += cw
				}
				cell(c.text, w, r.span, "left", r.bold, false)
				j = r.span - 1
				continue
			}
			cell(c.text, cols[j], 1, align, r.bold, false)
		}
		b.WriteString(`</w:tr>`)
	}
	b.WriteString(`</w:tbl>`)
}

const docxContentTypes = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/><Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/><Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/><Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/></Types>`

const docxRootRels = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/></Relationships>`

const docxCore = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>{{xml .Title}}</dc:title><dc:creator>ikk</dc:creator></cp:coreProperties>`

const docxApp = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>ikk</Application></Properties>`

const docxDocRels = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings" Target="settings.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer1.xml"/></Relationships>`

const docxSettings = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:settings xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:defaultTabStop w:val="720"/><w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat></w:settings>`

// Arial 11 pt, Indonesian proofing: what district offices type decrees in.
const docxStyles = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Arial" w:hAnsi="Arial" w:eastAsia="Arial" w:cs="Arial"/><w:sz w:val="22"/><w:szCs w:val="22"/><w:lang w:val="id-ID"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style><w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style></w:styles>`

const docxFooter = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:ftr xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:p><w:pPr><w:jc w:val="center"/></w:pPr><w:r><w:rPr><w:sz w:val="18"/></w:rPr><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:rPr><w:sz w:val="18"/></w:rPr><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r><w:r><w:rPr><w:sz w:val="18"/></w:rPr><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:rPr><w:sz w:val="18"/></w:rPr><w:t>1</w:t></w:r><w:r><w:rPr><w:sz w:val="18"/></w:rPr><w:fldChar w:fldCharType="end"/></w:r></w:p></w:ftr>`

const docxDocument = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><w:body>{{.Body}}<w:sectPr><w:footerReference w:type="default" r:id="rId3"/><w:pgSz w:w="{{.Page.W}}" w:h="{{.Page.H}}" w:orient="{{.Page.Orient}}"/><w:pgMar w:top="{{.Page.Top}}" w:right="{{.Page.Right}}" w:bottom="{{.Page.Bottom}}" w:left="{{.Page.Left}}" w:header="567" w:footer="567" w:gutter="0"/></w:sectPr></w:body></w:document>`
