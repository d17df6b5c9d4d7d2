package xlsx

// The reference reader: the sheet reader as it was before scanner.go,
// reading tokens from encoding/xml through tokenizer.go. The differential
// tests and FuzzScanner require the scanner to give the same rows, the same
// values and types, wherever this one succeeds.

import (
	"fmt"
	"io"
	"strconv"
	"strings"
)

// oracleRows is the former Rows.
type oracleRows struct {
	sheet string
	part  string
	rc    io.ReadCloser
	z     *tokenizer
	sst   []string

	inData bool
	inRow  bool
	done   bool
	err    error

	num   int
	cells []Cell
	v     []byte
	is    []byte
}

func newOracleRows(sheet, part string, rc io.ReadCloser, sst []string) *oracleRows {
	return &oracleRows{sheet: sheet, part: part, rc: rc, z: newTokenizer(rc), sst: sst}
}

func (r *oracleRows) Next() bool {
	if r.done || r.err != nil {
		return false
	}
	for {
		t, err := r.z.next()
		if err == io.EOF {
			// The root closed without a <sheetData>: a sheet with no
			// cells (a chart sheet has none either).
			r.finish()
			return false
		}
		if err != nil {
			r.fail(err)
			return false
		}
		switch t.kind {
		case tokStart:
			if !r.inData {
				r.inData = t.name == "sheetData" && r.z.depth() == 2
				continue
			}
			if t.name == "row" && r.z.depth() == 3 {
				if err := r.readRow(t); err != nil {
					r.fail(err)
					return false
				}
				return true
			}
		case tokEnd:
			if r.inData && t.name == "sheetData" && r.z.depth() == 1 {
				// Nothing after the cells is needed, so the rest of the
				// part is not even inflated.
				r.finish()
				return false
			}
		}
	}
}

// Num is the spreadsheet row number (1-based) of the current row, from its
// r attribute, or one past the previous row when the writer left r out.
func (r *oracleRows) Num() int { return r.num }

// Cells returns the current row's cells indexed by 0-based column, with
// Empty cells in the gaps and no trailing Empty cells. The slice is reused by
// the next call to Next, to keep a long sheet from allocating a row slice
// per row; copy it to keep it.
func (r *oracleRows) Cells() []Cell { return r.cells }

// Err returns why Next stopped early, or nil if the sheet was read to its
// end. The message names the sheet and the row being read, so a user can
// find the damage.
func (r *oracleRows) Err() error { return r.err }

// Close releases the part. Reading to the end closes it too, but Close is
// needed when stopping early and is safe to call more than once.
func (r *oracleRows) Close() error {
	r.done = true
	if r.rc == nil {
		return nil
	}
	err := r.rc.Close()
	r.rc = nil
	return err
}

func (r *oracleRows) finish() {
	r.done = true
	r.cells = r.cells[:0]
	if r.rc != nil {
		r.rc.Close()
		r.rc = nil
	}
}

func (r *oracleRows) fail(err error) {
	var where string
	switch {
	case r.inRow:
		where = fmt.Sprintf("row %d", r.num)
	case r.num == 0:
		where = "before the first row"
	default:
		where = fmt.Sprintf("after row %d", r.num)
	}
	r.err = fmt.Errorf("xlsx: sheet %q (%s), %s: %w", r.sheet, r.part, where, err)
	r.finish()
}

// readRow reads one <row> whose start tag is t, up to its end tag.
func (r *oracleRows) readRow(t *token) error {
	r.cells = r.cells[:0]
	next := r.num + 1
	if ref, ok := t.attr("r"); ok && ref != "" {
		n, ok := parseRowNumber(ref)
		if !ok {
			return fmt.Errorf("bad row number r=%q", clip(ref))
		}
		next = n
	}
	if next > maxRows {
		r.num = next
		r.inRow = true
		return fmt.Errorf("row number %d beyond the last row %d", next, maxRows)
	}
	if next <= r.num {
		return fmt.Errorf("row %d comes after row %d: the rows are out of order", next, r.num)
	}
	r.num = next
	r.inRow = true
	col := 0 // column of the next cell without r
	for {
		t, err := r.z.next()
		if err != nil {
			return err
		}
		switch {
		case t.kind == tokStart && t.name == "c" && r.z.depth() == 4:
			if col, err = r.readCell(t, col); err != nil {
				return err
			}
		case t.kind == tokEnd && t.name == "row" && r.z.depth() == 2:
			n := len(r.cells)
			for n > 0 && r.cells[n-1].Type == TypeEmpty {
				n--
			}
			r.cells = r.cells[:n]
			r.inRow = false
			return nil
		}
	}
}

// readCell reads one <c> whose start tag is t; col is where it goes if it
// has no reference. It returns the column for the next unreferenced cell.
func (r *oracleRows) readCell(t *token, col int) (int, error) {
	ref, _ := t.attr("r")
	typ, _ := t.attr("t")
	if ref != "" {
		c, err := parseCellRef(ref)
		if err != nil {
			return 0, err
		}
		col = c
	} else if col >= maxColumns {
		return 0, fmt.Errorf("cell without r past the last column XFD")
	}
	r.v, r.is = r.v[:0], r.is[:0]
	hasV, hasIS, hasF := false, false, false
	for {
		t, err := r.z.next()
		if err != nil {
			return 0, err
		}
		switch t.kind {
		case tokStart:
			if r.z.depth() == 5 {
				switch t.name {
				case "v":
					hasV = true
				case "is":
					hasIS = true
				case "f":
					hasF = true
				}
			}
		case tokText:
			if r.z.depth() == 5 && r.z.parent(0) == "v" {
				r.v = append(r.v, t.text...)
			} else if hasIS && isStringText(r.z, "is", 5) {
				r.is = append(r.is, t.text...)
			}
		case tokEnd:
			if r.z.depth() != 3 {
				continue
			}
			cell, err := r.value(typ, hasV, hasIS)
			if err != nil {
				if ref == "" {
					ref = columnName(col) + strconv.Itoa(r.num)
				}
				return 0, fmt.Errorf("cell %s: %w", ref, err)
			}
			if cell.Type == TypeEmpty && hasF {
				cell.Type = TypeFormula // a formula saved without its result
			}
			if cell.Type != TypeEmpty {
				r.put(col, cell)
			}
			return col + 1, nil
		}
	}
}

// put stores a cell at its column, filling any gap with Empty cells. A
// column already filled (a writer repeating or reordering cells) is
// overwritten, the later cell winning as it would in the XML order.
func (r *oracleRows) put(col int, c Cell) {
	if col < len(r.cells) {
		r.cells[col] = c
		return
	}
	for len(r.cells) < col {
		r.cells = append(r.cells, Cell{})
	}
	r.cells = append(r.cells, c)
}

// value interprets the collected <v> or <is> text by the cell's t attribute.
// A cell with no value is Empty whatever its type: that is how a formula
// saved without its result looks.
func (r *oracleRows) value(typ string, hasV, hasIS bool) (Cell, error) {
	switch typ {
	case "", "n":
		s := trimSpace(r.v)
		if !hasV || len(s) == 0 {
			return Cell{}, nil
		}
		if !isNumber(s) {
			return Cell{}, fmt.Errorf("number cell holds %q", clip(string(s)))
		}
		return Cell{Value: string(s), Type: TypeNumber}, nil
	case "s":
		s := trimSpace(r.v)
		if !hasV || len(s) == 0 {
			return Cell{}, nil
		}
		i, ok := parseIndex(s)
		if !ok || i >= len(r.sst) {
			return Cell{}, fmt.Errorf("shared string index %q out of range (%d strings)", clip(string(s)), len(r.sst))
		}
		return Cell{Value: r.sst[i], Type: TypeString}, nil
	case "str":
		if !hasV {
			return Cell{}, nil
		}
		return Cell{Value: string(r.v), Type: TypeString}, nil
	case "inlineStr":
		switch {
		case hasIS:
			return Cell{Value: unescapeXstring(string(r.is)), Type: TypeString}, nil
		case hasV:
			return Cell{Value: string(r.v), Type: TypeString}, nil
		}
		return Cell{}, nil
	case "b":
		s := trimSpace(r.v)
		switch string(s) {
		case "":
			return Cell{}, nil
		case "1", "true":
			return Cell{Value: "1", Type: TypeBool}, nil
		case "0", "false":
			return Cell{Value: "0", Type: TypeBool}, nil
		}
		return Cell{}, fmt.Errorf("boolean cell holds %q", clip(string(s)))
	case "e":
		if !hasV || len(r.v) == 0 {
			return Cell{}, nil
		}
		return Cell{Value: string(r.v), Type: TypeError}, nil
	case "d":
		if !hasV || len(r.v) == 0 {
			return Cell{}, nil
		}
		return Cell{Value: string(r.v), Type: TypeString}, nil
	}
	return Cell{}, fmt.Errorf("unknown cell type t=%q", clip(typ))
}

// oracleSharedStrings is the former shared-string reader, on encoding/xml:
// the table Open reads with the scanner must be the same.
func (w *Workbook) oracleSharedStrings(name string) ([]string, error) {
	rc, err := w.openPart(name)
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	var (
		sst []string
		buf []byte
	)
	z := newTokenizer(rc)
	for {
		t, err := z.next()
		if err == io.EOF {
			return sst, nil
		}
		if err != nil {
			return nil, partErr(name, err)
		}
		switch t.kind {
		case tokStart:
			if t.name == "sst" && z.depth() == 1 && sst == nil {
				// Preallocate from the writer's count, capped because the
				// count is only a claim.
				if n, err := strconv.Atoi(attrOr(t, "uniqueCount", "0")); err == nil && n > 0 {
					sst = make([]string, 0, min(n, 1<<16))
				}
			}
			if t.name == "si" && z.depth() == 2 {
				buf = buf[:0]
			}
		case tokText:
			if isStringText(z, "si", 2) {
				buf = append(buf, t.text...)
			}
		case tokEnd:
			if t.name == "si" && z.depth() == 1 {
				sst = append(sst, unescapeXstring(string(buf)))
			}
		}
	}
}

func attrOr(t *token, local, def string) string {
	if v, ok := t.attr(local); ok {
		return v
	}
	return def
}

// unescapeXstring is appendUnescapeXstring on strings, as the former reader
// had it.
func unescapeXstring(s string) string {
	i := strings.Index(s, "_x")
	if i < 0 {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for i >= 0 {
		b.WriteString(s[:i])
		s = s[i:]
		if r, ok := xstringEscape(s); ok {
			b.WriteRune(r)
			s = s[7:]
		} else {
			b.WriteString("_x")
			s = s[2:]
		}
		i = strings.Index(s, "_x")
	}
	b.WriteString(s)
	return b.String()
}

// isStringText reports whether the text being read belongs to a string item
// (<si> or <is>, named by container, at containerDepth): text of its own <t>
// or of the <t> of a rich-text run <r>. The <t> inside a phonetic run <rPh>
// is a reading aid for East Asian text, not part of the value.
func isStringText(z *tokenizer, container string, containerDepth int) bool {
	if z.parent(0) != "t" {
		return false
	}
	switch z.depth() {
	case containerDepth + 1:
		return z.parent(1) == container
	case containerDepth + 2:
		return z.parent(1) == "r" && z.parent(2) == container
	}
	return false
}
