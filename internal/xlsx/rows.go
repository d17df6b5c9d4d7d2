package xlsx

import (
	"fmt"
	"io"
	"strconv"
	"unicode/utf8"
)

// CellType is what the sheet says a cell holds. It is kept because the same
// text means different things by type: a Number "37.125" has a decimal
// point, a String "37.125" typed in Indonesian notation has a thousands
// separator.
type CellType uint8

// The zero CellType is TypeEmpty so that the zero Cell, used to fill gaps
// between columns, is an empty cell.
const (
	TypeEmpty  CellType = iota // no value: absent, blank, or a formula saved without its result
	TypeNumber                 // stored text such as "37.125" or "1.5E-3": the dot is always the decimal point
	TypeString                 // text as typed, so separators follow the writer's locale; also t="d" ISO dates, which are text, not serials
	TypeBool                   // "1" or "0", as stored, so no language's TRUE/FALSE is assumed
	TypeError                  // the error literal, e.g. "#N/A", kept so a broken formula is not read as text
)

// String makes types readable in messages and test failures.
func (t CellType) String() string {
	switch t {
	case TypeEmpty:
		return "Empty"
	case TypeNumber:
		return "Number"
	case TypeString:
		return "String"
	case TypeBool:
		return "Bool"
	case TypeError:
		return "Error"
	}
	return "CellType(" + strconv.Itoa(int(t)) + ")"
}

// Cell is a value together with its type, so callers can interpret the text
// by what the spreadsheet stored rather than by how it looks.
type Cell struct {
	Value string
	Type  CellType
}

// The limits of the file format. They are enforced so that a crafted
// reference like "ZZZZZZZZ1" cannot make a row slice of billions of cells.
const (
	maxColumns = 16384   // XFD
	maxRows    = 1048576 // Excel's last row
)

// Rows streams the rows of one sheet. Only the current row is held, so
// memory stays flat whatever the sheet's length.
type Rows struct {
	sheet string
	part  string
	rc    io.ReadCloser
	z     *tokenizer
	sst   []string

	inData bool // inside <sheetData>
	inRow  bool // a <row> has started and not yet ended (for messages)
	done   bool
	err    error

	num   int // current row number
	cells []Cell
	v     []byte // text of the current <v>
	is    []byte // text of the current <is>
}

func newRows(sheet, part string, rc io.ReadCloser, sst []string) *Rows {
	return &Rows{sheet: sheet, part: part, rc: rc, z: newTokenizer(rc), sst: sst}
}

// Next advances to the next row written in the sheet. Rows the sheet does
// not mention are skipped rather than yielded empty, so that a sheet with a
// cell in row 1,000,000 costs two rows, not a million; Num says where a row
// is. Next returns false at the end and on error; check Err.
func (r *Rows) Next() bool {
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
func (r *Rows) Num() int { return r.num }

// Cells returns the current row's cells indexed by 0-based column, with
// Empty cells in the gaps and no trailing Empty cells. The slice is reused by
// the next call to Next, to keep a long sheet from allocating a row slice
// per row; copy it to keep it.
func (r *Rows) Cells() []Cell { return r.cells }

// Err returns why Next stopped early, or nil if the sheet was read to its
// end. The message names the sheet and the row being read, so a user can
// find the damage.
func (r *Rows) Err() error { return r.err }

// Close releases the part. Reading to the end closes it too, but Close is
// needed when stopping early and is safe to call more than once.
func (r *Rows) Close() error {
	r.done = true
	if r.rc == nil {
		return nil
	}
	err := r.rc.Close()
	r.rc = nil
	return err
}

func (r *Rows) finish() {
	r.done = true
	r.cells = r.cells[:0]
	if r.rc != nil {
		r.rc.Close()
		r.rc = nil
	}
}

func (r *Rows) fail(err error) {
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
func (r *Rows) readRow(t *token) error {
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
func (r *Rows) readCell(t *token, col int) (int, error) {
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
	hasV, hasIS := false, false
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
func (r *Rows) put(col int, c Cell) {
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
func (r *Rows) value(typ string, hasV, hasIS bool) (Cell, error) {
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

// trimSpace strips XML whitespace, which the schema allows around numbers,
// indexes and booleans.
func trimSpace(b []byte) []byte {
	for len(b) > 0 && isXMLSpace(b[0]) {
		b = b[1:]
	}
	for len(b) > 0 && isXMLSpace(b[len(b)-1]) {
		b = b[:len(b)-1]
	}
	return b
}

func isXMLSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

// isNumber accepts the decimal forms of xsd:double that spreadsheet writers
// produce ("-12", "37.125", ".5", "1.5E-3"). It refuses anything else, INF
// and NaN included, because a Number cell whose text is not a number is a
// corrupt file, and passing it on as a Number would let it be misread.
func isNumber(b []byte) bool {
	i := 0
	if i < len(b) && (b[i] == '+' || b[i] == '-') {
		i++
	}
	digits := 0
	for i < len(b) && '0' <= b[i] && b[i] <= '9' {
		i++
		digits++
	}
	if i < len(b) && b[i] == '.' {
		i++
		for i < len(b) && '0' <= b[i] && b[i] <= '9' {
			i++
			digits++
		}
	}
	if digits == 0 {
		return false
	}
	if i < len(b) && (b[i] == 'e' || b[i] == 'E') {
		i++
		if i < len(b) && (b[i] == '+' || b[i] == '-') {
			i++
		}
		exp := 0
		for i < len(b) && '0' <= b[i] && b[i] <= '9' {
			i++
			exp++
		}
		if exp == 0 {
			return false
		}
	}
	return i == len(b)
}

// parseIndex parses a non-negative decimal index without overflowing.
func parseIndex(b []byte) (int, bool) {
	if len(b) == 0 {
		return 0, false
	}
	n := 0
	for _, c := range b {
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
		if n > 1<<31 {
			return 0, false
		}
	}
	return n, true
}

// parseRowNumber parses a row's r attribute; anything but 1..maxRows-ish
// decimal digits is refused (the caller reports numbers past maxRows).
func parseRowNumber(s string) (int, bool) {
	if len(s) == 0 {
		return 0, false
	}
	n := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
		if n > maxRows*10 {
			n = maxRows + 1 // keep reporting "too far" without overflowing
		}
	}
	return n, n >= 1
}

// parseCellRef returns the 0-based column of a reference like "AB12". The
// row part is checked for form and range but not compared with the row's
// number: writers agree on it, and the row element is authoritative.
func parseCellRef(ref string) (int, error) {
	i, col := 0, 0
	for i < len(ref) {
		c := ref[i]
		if 'a' <= c && c <= 'z' {
			c -= 'a' - 'A'
		}
		if c < 'A' || c > 'Z' {
			break
		}
		col = col*26 + int(c-'A'+1)
		if col > maxColumns {
			return 0, fmt.Errorf("cell reference %q past the last column XFD", clip(ref))
		}
		i++
	}
	if i == 0 || i == len(ref) {
		return 0, fmt.Errorf("bad cell reference %q", clip(ref))
	}
	row, ok := parseRowNumber(ref[i:])
	if !ok {
		return 0, fmt.Errorf("bad cell reference %q", clip(ref))
	}
	if row > maxRows {
		return 0, fmt.Errorf("cell reference %q past the last row %d", clip(ref), maxRows)
	}
	return col - 1, nil
}

// columnName is the letters of a 0-based column, for messages about cells
// that had no reference.
func columnName(col int) string {
	var b [4]byte
	i := len(b)
	for n := col + 1; n > 0; n = (n - 1) / 26 {
		i--
		b[i] = byte('A' + (n-1)%26)
	}
	return string(b[i:])
}

// clip shortens file text quoted in an error, so that a hostile or broken
// file cannot make a message megabytes long.
func clip(s string) string {
	const n = 32
	if len(s) <= n {
		return s
	}
	i := n
	for i > 0 && !utf8.RuneStart(s[i]) {
		i--
	}
	return s[:i] + "..."
}
