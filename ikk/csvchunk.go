package ikk

import (
	"math/bits"
	"strconv"
	"strings"
)

// A CSV file after its header is read in chunks that begin and end where
// records do (csvsplit.go cuts them), and each chunk is parsed by a worker:
// the cutting is a quick pass over the quotes, the parsing is the costly
// part and runs on every core. The parse below gives, record for record,
// what csvScanner and csvSource give reading the file alone: the same
// cells, physical lines, flaws and errors. csvScanner stays the reference
// (fuzz_test.go compares them on arbitrary input).
//
// What a chunk cannot know is how many quoted line breaks the chunks before
// it held: row numbers count them out (a multi-line cell is one row in a
// spreadsheet). A chunk's rows are numbered as if none came before, and the
// merger, which takes the chunks in order, shifts them (batch.shift).

// csvChunk is the raw text of a run of whole records.
type csvChunk struct {
	text  string
	buf   []byte // text's bytes, for the next chunk once the batch is merged
	line  int    // the physical line of its first byte
	final bool   // it ends the file: its last record may lack a line end
	comma byte
	width int // the header's width, for the row checks
}

// parseChunk parses the batch's chunk into its rows. It stops at the first
// record that breaks a budget, keeping the error in b.err, as the
// sequential reader stops there.
func (b *batch) parseChunk() {
	c := b.chunk
	p := newChunkParser(c)
	// Cells are slices of the text, or copies of quoted fields no longer
	// than their text.
	b.held = 2 * len(c.text)
	b.text = c.buf
	extra := 0
	for p.pos < len(p.text) {
		b.reserve(b.n + 1)
		cells, rec, err := p.record(b.cells[b.n][:0])
		if err != nil {
			b.err = err
			break
		}
		num := rec.line - extra
		flaw := checkRecord(c.width, &rec, cells, num)
		if flaw.flags&flawJoined == 0 {
			extra += rec.endLine - rec.line
		}
		b.nums[b.n], b.cells[b.n], b.flaws[b.n] = num, cells, flaw
		b.n++
	}
	b.extra = extra
}

// chunkParser reads records from a chunk's text.
type chunkParser struct {
	text  string
	pos   int
	line  int
	final bool
	comma byte
	// stopQuoted marks the bytes that end a run inside quotes.
	stopQuoted [256]bool
	// buf gathers a quoted field: its quotes undoubled, its line ends "\n".
	// Unquoted fields are slices of the text.
	buf []byte
}

func newChunkParser(c *csvChunk) *chunkParser {
	p := &chunkParser{text: c.text, line: c.line, final: c.final, comma: c.comma}
	for _, b := range []byte{c.comma, '\n', '\r', csvQuoteByte} {
		p.stopQuoted[b] = true
	}
	return p
}

// record reads the record at p.pos, appending its cells to dst.
func (p *chunkParser) record(dst []Cell) ([]Cell, csvRecord, error) {
	rec := csvRecord{line: p.line, quote: quotedSpan{field: noField}}
	first := len(dst)
	// Most records hold no quote and no carriage return: their fields are
	// the text between separators, found with IndexByte.
	if end := strings.IndexByte(p.text[p.pos:], '\n'); end >= 0 || p.final {
		if end < 0 {
			end = len(p.text) - p.pos
		}
		line := p.text[p.pos : p.pos+end]
		// A line within a field's budget keeps every budget: its fields
		// and the record are shorter still.
		if len(line) <= maxCSVField {
			if cells, ok := splitPlain(dst, line, p.comma); ok {
				p.pos += end
				rec.endLine = p.line
				if p.pos < len(p.text) {
					p.pos++ // the "\n"
					rec.lineEnd = true
					p.line++
				}
				return cells, rec, nil
			}
		}
	}
	dst = dst[:first]
	return p.slowRecord(dst, rec)
}

// splitPlain appends the fields of a line split at comma, when the line
// holds no quote, no carriage return and at most maxCSVFields fields; else
// it reports false, and the record is read byte by byte. Fields are short
// (a code, "Ya"), so separators are looked for eight bytes at a time: the
// bytes of a word equal to a separator, a quote or a carriage return are
// found with a few operations on the whole word.
func splitPlain(dst []Cell, line string, comma byte) ([]Cell, bool) {
	first, from, i := len(dst), 0, 0
	commas, quotes, crs := everyByte(comma), everyByte('"'), everyByte('\r')
	for ; i+8 <= len(line); i += 8 {
		w := load64(line[i:])
		if bytesEqual(w, quotes)|bytesEqual(w, crs) != 0 {
			return dst[:first], false
		}
		for m := bytesEqual(w, commas); m != 0; m &= m - 1 {
			at := i + bits.TrailingZeros64(m)>>3
			dst = append(dst, Cell{Value: line[from:at]})
			from = at + 1
		}
		if len(dst)-first >= maxCSVFields {
			return dst[:first], false
		}
	}
	for ; i < len(line); i++ {
		switch line[i] {
		case comma:
			dst = append(dst, Cell{Value: line[from:i]})
			from = i + 1
		case '"', '\r':
			return dst[:first], false
		}
	}
	dst = append(dst, Cell{Value: line[from:]})
	if len(dst)-first > maxCSVFields {
		return dst[:first], false
	}
	return dst, true
}

// everyByte repeats c in every byte of a word.
func everyByte(c byte) uint64 { return 0x0101010101010101 * uint64(c) }

// bytesEqual has the top bit set in each byte of w equal to that byte of
// rep, and no other bit: exact, as no byte's sum carries into the next.
func bytesEqual(w, rep uint64) uint64 {
	const low7 = 0x7f7f7f7f7f7f7f7f
	x := w ^ rep
	return ^((x&low7 + low7) | x | low7)
}

// load64 reads the first eight bytes of s as a little-endian word.
func load64(s string) uint64 {
	_ = s[7]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}

// slowRecord reads a record byte by byte, as csvScanner does.
func (p *chunkParser) slowRecord(dst []Cell, rec csvRecord) ([]Cell, csvRecord, error) {
	size := 0 // the record's field bytes so far
	for {
		var (
			v    string
			peak int // the most bytes the field held while it was read
			term csvTerm
		)
		fieldLine := p.line
		if p.pos < len(p.text) && p.text[p.pos] == csvQuoteByte {
			p.pos++
			v, peak, term = p.quoted(&rec, len(dst))
		} else {
			v, term = p.unquoted()
			peak = len(v)
		}
		if err := fieldBudget(peak, size, fieldLine, rec.line); err != nil {
			return dst, rec, err
		}
		size += len(v)
		dst = append(dst, Cell{Value: v})
		if len(dst) > maxCSVFields {
			return dst, rec, say(MsgCSVTooManyFields, "line", strconv.Itoa(rec.line), "max", strconv.Itoa(maxCSVFields))
		}
		switch term {
		case csvTermLine:
			rec.endLine, rec.lineEnd = p.line, true
			p.line++
			return dst, rec, nil
		case csvTermEOF:
			rec.endLine = p.line
			return dst, rec, nil
		}
	}
}

// unquoted reads a field that does not start with a quote.
func (p *chunkParser) unquoted() (string, csvTerm) {
	start := p.pos
	for p.pos < len(p.text) {
		c := p.text[p.pos]
		if c == p.comma {
			p.pos++
			return p.text[start : p.pos-1], csvTermField
		}
		if c == '\n' || c == '\r' {
			v := p.text[start:p.pos]
			p.pos++
			p.lineEnd(c)
			return v, csvTermLine
		}
		p.pos++
	}
	return p.text[start:], csvTermEOF
}

// lineEnd consumes the "\n" of a "\r\n" whose "\r" was c.
func (p *chunkParser) lineEnd(c byte) {
	if c == '\r' && p.pos < len(p.text) && p.text[p.pos] == '\n' {
		p.pos++
	}
}

// quoted reads quoted field number field of rec, its opening quote
// consumed, noting it in rec when it spans lines or stays open, as
// csvScanner.quoted does. Line breaks inside it are kept as "\n".
func (p *chunkParser) quoted(rec *csvRecord, field int) (string, int, csvTerm) {
	line := p.line
	q := quotedSpan{field: field, line: line}
	note := func(closed bool) {
		q.endLine, q.closed = p.line, closed
		if (p.line > line || !closed) && q.suspicion() > rec.quote.suspicion() {
			rec.quote = q
		}
	}
	p.buf = p.buf[:0]
	broke := false // the field's last byte so far is a line break
	// keep appends to the field as csvScanner.quoted grows it: a field
	// spanning lines stops being kept at the field budget (skimmed).
	keep := func(b string) {
		if q.skimmed {
			return
		}
		if len(p.buf)+len(b) > maxCSVField && p.line > line {
			b, q.skimmed = b[:maxCSVField-len(p.buf)], true
		}
		p.buf = append(p.buf, b...)
	}
	for {
		i := p.pos
		for i < len(p.text) && !p.stopQuoted[p.text[i]] {
			i++
		}
		if i > p.pos {
			keep(p.text[p.pos:i])
			p.pos, broke = i, false
		}
		if p.pos >= len(p.text) {
			if broke {
				// The line break ended the file's last line, not the
				// field (a skimmed field did not keep it).
				peak := len(p.buf)
				p.line--
				note(false)
				if q.skimmed {
					return string(p.buf), peak, csvTermLine
				}
				return string(p.buf[:len(p.buf)-1]), peak, csvTermLine
			}
			note(false)
			return string(p.buf), len(p.buf), csvTermEOF
		}
		c := p.text[p.pos]
		p.pos++
		broke = false
		switch c {
		case p.comma:
			q.delims++
		case '\n', '\r':
			p.lineEnd(c)
			p.line++
			c, broke = '\n', true
		case csvQuoteByte:
			if p.pos >= len(p.text) {
				note(true)
				return string(p.buf), len(p.buf), csvTermEOF
			}
			switch nx := p.text[p.pos]; {
			case nx == csvQuoteByte:
				p.pos++ // "" is one quote
			case nx == p.comma:
				p.pos++
				note(true)
				return string(p.buf), len(p.buf), csvTermField
			case nx == '\n' || nx == '\r':
				p.pos++
				p.lineEnd(nx)
				note(true)
				return string(p.buf), len(p.buf), csvTermLine
			}
			// A lone quote inside the field is text, as Excel reads it.
		}
		switch {
		case q.skimmed:
		case len(p.buf) >= maxCSVField && p.line > line:
			q.skimmed = true
		default:
			p.buf = append(p.buf, c)
		}
	}
}

// fieldBudget checks a field of n bytes that follows size bytes of its
// record against the budgets, as csvScanner.grow does: of the two, the one
// the field's bytes pass first is reported.
func fieldBudget(n, size, fieldLine, recLine int) error {
	field, record := fieldOver(0, size, n)
	switch {
	case field:
		return say(MsgCSVFieldTooLong, "line", strconv.Itoa(fieldLine), "mib", strconv.Itoa(maxCSVField>>20))
	case record:
		return say(MsgCSVRowTooLong, "line", strconv.Itoa(recLine), "mib", strconv.Itoa(maxCSVRecord>>20))
	}
	return nil
}

// fieldOver says which budget a field of f bytes, in a record of r bytes,
// passes when add more bytes join it: the one passed at the earlier byte,
// the field's when both are passed at the same one.
func fieldOver(f, r, add int) (field, record bool) {
	toField, toRecord := maxCSVField-f+1, maxCSVRecord-r+1
	field, record = add >= toField, add >= toRecord
	if field && record {
		record = toRecord < toField
		field = !record
	}
	return field, record
}
