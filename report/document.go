package report

import (
	"fmt"
	"io"
)

// A document is what the decree annex and the follow-up plan hold, apart
// from the format that prints it: one writer per format (Markdown, Word,
// Excel) renders any document, so the three agree by construction.
type document struct {
	title     string // the document's title, for file properties
	landscape bool   // for a wide table
	sections  []docSection
}

// docSection is a part sent on its own: an Excel sheet, a Word section
// starting on a new page, a Markdown chapter.
type docSection struct {
	name   string // sheet name (at most 31 characters)
	blocks []docBlock
}

type blockKind int

const (
	// blockCorner: the lines in the top right corner of a lampiran
	// (LAMPIRAN, NOMOR, TANGGAL, TENTANG).
	blockCorner blockKind = iota
	blockTitle            // centred, bold
	blockPara
	blockNote // small print under a table
	blockTable
	blockSignature // right-hand signature lines
	blockSmall     // the smallest print, last: where the numbers come from
)

type docBlock struct {
	kind  blockKind
	lines []string
	table *docTable
	// loose lets a paragraph block's lines part over pages: a list of
	// clauses, the first a heading kept with the next, the last two kept
	// together and with what follows, so that no clause ends the list
	// alone on a page.
	loose bool
}

// docTable is a table with a header row repeated on every printed page.
type docTable struct {
	head []string
	// widths share out the room a page has beyond what the content needs
	// (all zero: in proportion to the content); see layoutColumns.
	widths []float64
	// fill is the room, in ems, of the columns left empty for the reader
	// to write in.
	fill []float64
	rows []docRow
	// size is the text size in points; 0 is docTableSize.
	size float64
	// whole keeps a short table on one page, with what follows it.
	whole bool
}

// fontSize is the size of the table's text, in points.
func (t *docTable) fontSize() float64 {
	if t.size > 0 {
		return t.size
	}
	return docTableSize
}

type docRow struct {
	cells []docCell
	bold  bool // a subtotal or a marked row
	// span > 1 merges the first span cells: the first holds a label
	// ("Jumlah Kecamatan ...") wider than the column it starts in.
	span int
}

// docCell is a cell's text as printed, and its number when it is one, so
// that Excel stores numbers as numbers.
type docCell struct {
	text     string
	num      float64
	isNum    bool
	decimals int // for numbers: 0 for counts, 2 for percentages and indices
	// percent says num is a share (0.934) that a spreadsheet shows as a
	// percentage with one decimal (93,4%).
	percent bool
}

func textCell(s string) docCell { return docCell{text: s} }

func intCell(n int, lang string) docCell {
	return docCell{text: Int(n, lang), num: float64(n), isNum: true}
}

func numCell(v *float64, lang string) docCell {
	if v == nil {
		return docCell{text: "–"}
	}
	return docCell{text: Num(*v, lang), num: *v, isNum: true, decimals: 2}
}

// emptyCell leaves room for the reader to fill in.
func emptyCell() docCell { return docCell{} }

// docRenderers write documents by file extension.
var docRenderers = map[string]func(io.Writer, *document) error{
	"md":   writeDocMarkdown,
	"docx": writeDocx,
	"xlsx": writeDocXLSX,
}

// DocFormats are the formats of the annex and the follow-up plan.
func DocFormats() []string { return []string{"docx", "xlsx", "md"} }

func renderDoc(w io.Writer, d *document, format string) error {
	f, ok := docRenderers[format]
	if !ok {
		return fmt.Errorf("unknown format %q (accepted: .docx, .xlsx, .md)", format)
	}
	return f(w, d)
}
