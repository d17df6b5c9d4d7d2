package report

import (
	"bufio"
	"io"
	"strings"
)

// writeDocMarkdown writes a document as a Markdown draft: the corner block
// and the signature as plain lines, each section a chapter.
func writeDocMarkdown(w io.Writer, doc *document) error {
	d := &mdDoc{w: bufio.NewWriter(w)}
	for i, s := range doc.sections {
		if i > 0 {
			d.w.WriteString("---\n\n")
		}
		for _, b := range s.blocks {
			switch b.kind {
			case blockCorner, blockSignature:
				// Two trailing spaces: a line break within the block.
				esc := make([]string, len(b.lines))
				for k, l := range b.lines {
					esc[k] = MarkdownText(l)
				}
				d.para(strings.Join(esc, "  \n"))
			case blockTitle:
				d.heading(2, MarkdownText(strings.Join(b.lines, " ")))
			case blockPara:
				for _, l := range b.lines {
					d.para(MarkdownText(l))
				}
			case blockNote, blockSmall:
				for _, l := range b.lines {
					d.para("*" + MarkdownText(l) + "*")
				}
			case blockTable:
				t := newMDTable(b.table.head...)
				for j := range b.table.head {
					t.right[j] = columnNumeric(b.table, j)
				}
				for _, r := range b.table.rows {
					cells := make([]string, len(r.cells))
					for j, c := range r.cells {
						cells[j] = c.text
					}
					t.add(cells...)
				}
				d.table(t)
			}
		}
	}
	return d.w.Flush()
}

// columnNumeric reports whether a column holds numbers, for alignment.
func columnNumeric(t *docTable, j int) bool {
	for _, r := range t.rows {
		if j < len(r.cells) && r.cells[j].isNum {
			return true
		}
	}
	return false
}
