package xlsx

import (
	"errors"
	"fmt"
	"io"
	"math"
	"runtime"
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
	TypeEmpty   CellType = iota // no value: absent or blank
	TypeNumber                  // stored text such as "37.125" or "1.5E-3": the dot is always the decimal point
	TypeString                  // text as typed, so separators follow the writer's locale; also t="d" ISO dates, which are text, not serials
	TypeBool                    // "1" or "0", as stored, so no language's TRUE/FALSE is assumed
	TypeError                   // the error literal, e.g. "#N/A", kept so a broken formula is not read as text
	TypeFormula                 // a formula saved without its result (Value is ""): what it computes is not known, which is not the same as blank
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
	case TypeFormula:
		return "Formula"
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

// Budgets on what one row may make the reader hold or hand out, far above
// any real survey (a row of 46 answers is about a kilobyte) and reached only
// by a damaged or crafted sheet, which is refused when it reaches them.
const (
	// maxRowBytes bounds the text of a row's values together: every
	// value is copied into one string per row, and a reader downstream may
	// keep thousands of rows in flight.
	maxRowBytes = 2 << 20
	// Shared strings handed out may add up to at most sharedYieldBase
	// plus sharedYieldFactor times the sheet's XML read so far, and never
	// more than sharedYieldMax. A cell of a few bytes can name a string
	// of 128 KiB, so without this a small sheet could make its reader
	// copy, and its caller parse, terabytes. A million families saved by
	// LibreOffice name some 200 MB.
	sharedYieldBase   = 64 << 20
	sharedYieldFactor = 4
	sharedYieldMax    = 2 << 30
	// Likewise cells handed out, gaps filled with Empty cells included,
	// may number at most cellYieldBase plus cellYieldFactor a byte of
	// sheet, and never more than cellYieldMax: a cell in column XFD takes
	// some 30 bytes of XML and makes a row of 16,384 cells, so a million
	// such rows would cost many minutes. A real sheet yields well under
	// one cell per 10 bytes, and a million families of 46 answers are 46
	// million cells.
	cellYieldBase   = 4 << 20
	cellYieldFactor = 4
	cellYieldMax    = 256 << 20
)

// Rows streams the rows of one sheet. Only the current row is held, so
// memory stays flat whatever the sheet's length.
type Rows struct {
	sheet   string
	part    string
	bounded *boundedPart // nil for rows read from memory (tests)
	s       *scanner
	cleanup runtime.Cleanup
	sst     *sstTable

	inData bool // inside <sheetData>
	inRow  bool // a <row> has started and not yet ended (for messages)
	done   bool
	err    error

	num    int   // current row number
	nCells int   // <c> elements of the current row, repeats included
	shared int64 // bytes of shared strings handed out so far
	yield  int64 // cells handed out so far
	cells  []Cell
	spans  []span // where each cell's value lies in text, if it does
	text   []byte // the values of the current row, end to end
	v      []byte // text of the current <v>
	is     []byte // text of the current <is>
	ref    []byte // r of the current <c>
	typ    []byte // t of the current <c>, kept for messages
	rowR   []byte // r of the current <row>, when it is a valid row number
}

// span locates a value in Rows.text; start is -1 for a value that is not
// there (a boolean, an Empty or Formula cell).
type span struct{ start, end int }

func newRows(sheet, part string, rc io.ReadCloser, sst *sstTable) *Rows {
	p := newInflater(rc)
	r := newRowsFrom(sheet, part, p, sst)
	// A Rows dropped without Close must not leave the inflating goroutine
	// waiting for ever.
	r.cleanup = runtime.AddCleanup(r, func(p *inflater) { p.close() }, p)
	return r
}

// Position tells how far the sheet has been inflated: bytes so far, and the
// size the zip header gives (0 when unknown). Safe to call from another
// goroutine, for a progress line.
func (r *Rows) Position() (done, total int64) {
	if r.bounded == nil {
		return 0, 0
	}
	return r.bounded.read.Load(), r.bounded.size
}

func newRowsFrom(sheet, part string, src source, sst *sstTable) *Rows {
	return &Rows{sheet: sheet, part: part, s: newScanner(src), sst: sst}
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
		t, err := r.s.next()
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
				r.inData = t.id == idSheetData && r.s.depth() == 2
				continue
			}
			if t.id == idRow && r.s.depth() == 3 {
				if err := r.readRow(t); err != nil {
					r.fail(err)
					return false
				}
				return true
			}
		case tokEnd:
			if r.inData && t.id == idSheetData && r.s.depth() == 1 {
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
// per row; copy it to keep it. The values stay valid; those of one row share
// one allocation, shared strings included, so that a value kept (a desa's
// name in the results) keeps alive its row's text, not the whole table.
func (r *Rows) Cells() []Cell { return r.cells }

// Err returns why Next stopped early, or nil if the sheet was read to its
// end. The message names the sheet and the row being read, so a user can
// find the damage.
func (r *Rows) Err() error { return r.err }

// Close releases the part and stops the goroutine inflating it. Reading to
// the end closes it too, but Close is needed when stopping early and is safe
// to call more than once.
func (r *Rows) Close() error {
	r.done = true
	if r.s == nil {
		return nil
	}
	r.cleanup.Stop()
	err := r.s.shut()
	r.s = nil
	return err
}

func (r *Rows) finish() {
	r.cells = r.cells[:0]
	r.Close()
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
func (r *Rows) readRow(t *xtok) error {
	r.cells = r.cells[:0]
	r.spans = r.spans[:0]
	r.text = r.text[:0]
	r.nCells = 0
	next := r.num + 1
	r.rowR = r.rowR[:0]
	if ref := t.r; len(ref) > 0 {
		n, ok := parseRowNumber(ref)
		if !ok {
			return fmt.Errorf("bad row number r=%q", clip(string(ref)))
		}
		next = n
		if n <= maxRows {
			r.rowR = append(r.rowR, ref...)
		}
	}
	if next > maxRows {
		r.num = next
		r.inRow = true
		return fmt.Errorf("row number %d beyond the last row %d", next, maxRows)
	}
	if next <= r.num {
		// Excel writes rows in order; a row again or out of order would
		// be read twice or in the wrong place.
		return fmt.Errorf("row %d comes after row %d: the rows are out of order", next, r.num)
	}
	r.num = next
	r.inRow = true
	col := 0 // column of the next cell without r
	for {
		if r.s.depth() == 3 {
			shape, ref, typ, text, ok, err := r.s.simpleCell()
			if err != nil {
				return err
			}
			if ok {
				if col, err = r.readSimpleCell(shape, ref, typ, text, col); err != nil {
					return err
				}
				continue
			}
		}
		t, err := r.s.next()
		if err != nil {
			return err
		}
		switch {
		case t.kind == tokStart && t.id == idC && r.s.depth() == 4:
			if col, err = r.readCell(t, col); err != nil {
				return err
			}
		case t.kind == tokEnd && t.id == idRow && r.s.depth() == 2:
			n := len(r.cells)
			for n > 0 && r.cells[n-1].Type == TypeEmpty {
				n--
			}
			r.cells = r.cells[:n]
			r.yield += int64(n)
			if read := r.s.offset(); r.yield > min(cellYieldMax, cellYieldBase+cellYieldFactor*read) {
				return limitErrorf("the rows add up to %d cells from %s of sheet, gaps included: far more than a real sheet holds", r.yield, sizeText(read))
			}
			if len(r.text) > 0 {
				// One string for the whole row's values, not one per
				// cell: a million rows of 46 cells would otherwise be 46
				// million allocations.
				all := string(r.text)
				for i, sp := range r.spans[:n] {
					if sp.start >= 0 {
						r.cells[i].Value = all[sp.start:sp.end]
					}
				}
			}
			r.inRow = false
			return nil
		}
	}
}

// Cell types by their t attribute.
const (
	typNumber = iota
	typShared
	typStr
	typInline
	typBool
	typError
	typDate
	typUnknown
)

func cellTypeOf(t []byte) int {
	switch string(t) {
	case "", "n":
		return typNumber
	case "s":
		return typShared
	case "str":
		return typStr
	case "inlineStr":
		return typInline
	case "b":
		return typBool
	case "e":
		return typError
	case "d":
		return typDate
	}
	return typUnknown
}

// readCell reads one <c> whose start tag is t; col is where it goes if it
// has no reference. It returns the column for the next unreferenced cell.
func (r *Rows) readCell(t *xtok, col int) (int, error) {
	col, tc, err := r.startCell(t.r, t.t, col)
	if err != nil {
		return 0, err
	}
	// The token's bytes are gone at the next read: keep what is needed.
	r.ref = append(r.ref[:0], t.r...)
	shape, text, err := r.s.cellTail()
	if err != nil {
		return 0, err
	}
	switch shape {
	case tailV:
		err = r.value(col, tc, true, false, false, text, nil)
	case tailIS:
		err = r.value(col, tc, false, true, false, nil, text)
	default:
		err = r.readCellTokens(col, tc)
	}
	if err != nil {
		return 0, r.cellErr(r.ref, col, err)
	}
	return col + 1, nil
}

// readSimpleCell stores a cell that scanner.simpleCell read whole.
func (r *Rows) readSimpleCell(shape int, ref, typ, text []byte, col int) (int, error) {
	col, tc, err := r.startCell(ref, typ, col)
	if err != nil {
		return 0, err
	}
	if err := r.value(col, tc, shape == tailV, shape == tailIS, false, text, text); err != nil {
		return 0, r.cellErr(ref, col, err)
	}
	return col + 1, nil
}

// startCell works out a cell's column, from its reference or else from the
// column of the cell before, and its type.
func (r *Rows) startCell(ref, typ []byte, col int) (int, int, error) {
	if len(ref) > 0 {
		c, err := r.cellColumn(ref)
		if err != nil {
			return 0, 0, err
		}
		col = c
	} else if col >= maxColumns {
		return 0, 0, fmt.Errorf("cell without r past the last column XFD")
	}
	// Counted, not only placed: a row of millions of cells all naming A1
	// would otherwise be read to its end.
	if r.nCells++; r.nCells > maxColumns {
		return 0, 0, limitErrorf("more than %d cells in the row (a sheet has %d columns)", maxColumns, maxColumns)
	}
	tc := cellTypeOf(typ)
	if tc == typUnknown {
		r.typ = append(r.typ[:0], typ...) // for the message, at the cell's end
	}
	return col, tc, nil
}

// cellColumn is parseCellRef, quicker for the usual reference whose row
// part is written as the row's own r, which has been checked already.
func (r *Rows) cellColumn(ref []byte) (int, error) {
	if len(r.rowR) > 0 {
		i, col := 0, 0
		for i < len(ref) && i < 3 {
			c := ref[i]
			if c < 'A' || c > 'Z' {
				break
			}
			col = col*26 + int(c-'A'+1)
			i++
		}
		if i > 0 && col <= maxColumns && string(ref[i:]) == string(r.rowR) {
			return col - 1, nil
		}
	}
	return parseCellRef(ref)
}

// cellErr names the cell in an error about its value.
func (r *Rows) cellErr(ref []byte, col int, err error) error {
	if !errors.Is(err, errCellValue) && !errors.Is(err, ErrLimit) {
		return err
	}
	name := string(ref)
	if name == "" {
		name = columnName(col) + strconv.Itoa(r.num)
	}
	return fmt.Errorf("cell %s: %w", name, err)
}

// errCellValue marks errors about a cell's value, which are prefixed with
// the cell's name, from errors reading the XML, which are not.
var errCellValue = errors.New("cell value")

type cellError struct{ msg string }

func (e *cellError) Error() string        { return e.msg }
func (e *cellError) Is(target error) bool { return target == errCellValue }

func cellErrorf(format string, args ...any) error {
	return &cellError{fmt.Sprintf(format, args...)}
}

// readCellTokens reads the content of a <c> of any other shape, token by
// token, up to its end tag.
func (r *Rows) readCellTokens(col, tc int) error {
	r.v, r.is = r.v[:0], r.is[:0]
	hasV, hasIS, hasF := false, false, false
	for {
		t, err := r.s.next()
		if err != nil {
			return err
		}
		switch t.kind {
		case tokStart:
			if r.s.depth() == 5 {
				switch t.id {
				case idV:
					hasV = true
				case idIS:
					hasIS = true
				case idF:
					hasF = true
				}
			}
		case tokText:
			if r.s.depth() == 5 && r.s.parent(0) == idV {
				if len(r.v)+len(t.text) > maxStringBytes {
					return errValueTooLong
				}
				r.v = append(r.v, t.text...)
			} else if hasIS && r.s.inStringText(idIS, 5) {
				if len(r.is)+len(t.text) > maxStringBytes {
					return errValueTooLong
				}
				r.is = append(r.is, t.text...)
			}
		case tokEnd:
			if r.s.depth() != 3 {
				continue
			}
			return r.value(col, tc, hasV, hasIS, hasF, r.v, r.is)
		}
	}
}

// errValueTooLong refuses a cell value longer than Excel allows.
var errValueTooLong = limitErrorf("value longer than %d KiB (Excel allows 32,767 characters)", maxStringBytes>>10)

// put stores a cell at its column, filling any gap with Empty cells. A
// column already filled (a writer repeating or reordering cells) is
// overwritten, the later cell winning as it would in the XML order.
func (r *Rows) put(col int, c Cell, sp span) {
	if col < len(r.cells) {
		r.cells[col] = c
		r.spans[col] = sp
		return
	}
	for len(r.cells) < col {
		r.cells = append(r.cells, Cell{})
		r.spans = append(r.spans, span{-1, -1})
	}
	r.cells = append(r.cells, c)
	r.spans = append(r.spans, sp)
}

// putText stores a cell whose value is b, copied into the row's text.
func (r *Rows) putText(col int, typ CellType, b []byte) error {
	if len(r.text)+len(b) > maxRowBytes {
		return errRowTooLong
	}
	start := len(r.text)
	r.text = append(r.text, b...)
	r.put(col, Cell{Type: typ}, span{start, len(r.text)})
	return nil
}

var errRowTooLong = limitErrorf("the row's values pass %d MiB", maxRowBytes>>20)

// putShared stores shared string i, copied into the row's text, within the
// budget of shared text a sheet of this size may hand out.
func (r *Rows) putShared(col, i int) error {
	// One look-up for the size and the text: the bytes of a spilled chunk
	// stay valid until the table's next look-up.
	b, end, err := r.sst.stored(i)
	if err != nil {
		return err
	}
	n := storedSize(b, end)
	r.shared += int64(n)
	if read := r.s.offset(); r.shared > min(sharedYieldMax, sharedYieldBase+sharedYieldFactor*read) {
		return limitErrorf("the shared strings the sheet names add up to %s from %s of sheet: far more than a real sheet names", sizeText(r.shared), sizeText(read))
	}
	if len(r.text)+n > maxRowBytes {
		return errRowTooLong
	}
	start := len(r.text)
	r.text = appendStored(r.text, b, end)
	r.put(col, Cell{Type: TypeString}, span{start, len(r.text)})
	return nil
}

// value interprets a cell's <v> or <is> text by its t attribute and stores
// the cell. A cell with no value is Empty whatever its type, and is not
// stored; but one that has a formula (hasF) is stored as Formula, because
// that is how a formula saved without its result looks, and its result
// is not known to be blank.
func (r *Rows) value(col, typ int, hasV, hasIS, hasF bool, v, is []byte) error {
	stored, err := r.storeValue(col, typ, hasV, hasIS, v, is)
	if err == nil && !stored && hasF {
		r.put(col, Cell{Type: TypeFormula}, span{-1, -1})
	}
	return err
}

// storeValue stores a cell's value, if it has one, and says whether it did.
func (r *Rows) storeValue(col, typ int, hasV, hasIS bool, v, is []byte) (bool, error) {
	// The one-step paths hand over values of up to a window; the token
	// path has checked as it gathered.
	if len(v) > maxStringBytes || len(is) > maxStringBytes {
		return false, errValueTooLong
	}
	switch typ {
	case typNumber:
		s := trimSpace(v)
		if !hasV || len(s) == 0 {
			return false, nil
		}
		if !isNumber(s) {
			return false, cellErrorf("number cell holds %q", clip(string(s)))
		}
		return true, r.putText(col, TypeNumber, s)
	case typShared:
		s := trimSpace(v)
		if !hasV || len(s) == 0 {
			return false, nil
		}
		i, ok := parseIndex(s)
		if !ok || i >= r.sst.len() {
			return false, cellErrorf("shared string index %q out of range (%d strings)", clip(string(s)), r.sst.len())
		}
		return true, r.putShared(col, i)
	case typStr:
		if !hasV {
			return false, nil
		}
		return true, r.putText(col, TypeString, v)
	case typInline:
		switch {
		case hasIS:
			if len(r.text)+len(is) > maxRowBytes {
				return false, errRowTooLong
			}
			start := len(r.text)
			r.text = appendUnescapeXstring(r.text, is)
			r.put(col, Cell{Type: TypeString}, span{start, len(r.text)})
		case hasV:
			return true, r.putText(col, TypeString, v)
		default:
			return false, nil
		}
	case typBool:
		s := trimSpace(v)
		switch string(s) {
		case "":
			return false, nil
		case "1", "true":
			r.put(col, Cell{Value: "1", Type: TypeBool}, span{-1, -1})
		case "0", "false":
			r.put(col, Cell{Value: "0", Type: TypeBool}, span{-1, -1})
		default:
			return false, cellErrorf("boolean cell holds %q", clip(string(s)))
		}
	case typError, typDate:
		if !hasV || len(v) == 0 {
			return false, nil
		}
		t := TypeError
		if typ == typDate {
			t = TypeString
		}
		return true, r.putText(col, t, v)
	default:
		return false, cellErrorf("unknown cell type t=%q", clip(string(r.typ)))
	}
	return true, nil
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
		if n > math.MaxInt32 { // an index past int32 is damage, and int may be 32 bits
			return 0, false
		}
	}
	return n, true
}

// parseRowNumber parses a row's r attribute; anything but 1..maxRows-ish
// decimal digits is refused (the caller reports numbers past maxRows).
func parseRowNumber[T string | []byte](s T) (int, bool) {
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
func parseCellRef[T string | []byte](ref T) (int, error) {
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
			return 0, fmt.Errorf("cell reference %q past the last column XFD", clip(string(ref)))
		}
		i++
	}
	if i == 0 || i == len(ref) {
		return 0, fmt.Errorf("bad cell reference %q", clip(string(ref)))
	}
	row, ok := parseRowNumber(ref[i:])
	if !ok {
		return 0, fmt.Errorf("bad cell reference %q", clip(string(ref)))
	}
	if row > maxRows {
		return 0, fmt.Errorf("cell reference %q past the last row %d", clip(string(ref)), maxRows)
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

// sizeText writes a size for a message, in KiB below a MiB.
func sizeText(n int64) string {
	if n < 1<<20 {
		return strconv.FormatInt(n>>10, 10) + " KiB"
	}
	return strconv.FormatInt(n>>20, 10) + " MiB"
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
