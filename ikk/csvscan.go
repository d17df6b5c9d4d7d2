package ikk

import (
	"bufio"
	"errors"
	"io"
	"math"
	"strconv"
)

// Budgets of one CSV record. Real surveys stay far below them (a cell is a
// few dozen bytes, a row a few hundred, Excel stops at 16,384 columns); a
// file that exceeds one is damaged or hostile, and is refused before it can
// make ikk hold gigabytes.
const (
	maxCSVField  = 1 << 20 // bytes of one field
	maxCSVFields = 16384   // fields of one record: Excel's column limit
	maxCSVRecord = 8 << 20 // bytes of one record's fields
)

// csvTerm is what ended a field.
type csvTerm int

const (
	csvTermField csvTerm = iota // a separator: another field follows
	csvTermLine                 // a line end: the record ends
	csvTermEOF                  // the end of the input: the record ends
)

const (
	csvQuoteByte = byte('"')
	noField      = -1 // quotedSpan.field when no field is noted
)

// csvScanner is a quote-aware byte scanner for CSV text in UTF-8. It reads
// one record at a time from a bufio.Reader and counts physical lines: a line
// ends with "\n", "\r\n" or a lone "\r" (old Mac exports), inside quotes as
// well as outside. Because it keeps no state between records but the line
// number, a scanner can start at any offset where a record begins, given
// that offset's line number: a file can be cut into record-aligned chunks
// read in parallel.
//
// Quotes follow RFC 4180, leniently as Excel reads them: a field that starts
// with '"' is quoted, "" inside it is one quote, and a quote that is not
// followed by a separator or a line end is kept as text; a quote inside an
// unquoted field is text.
type csvScanner struct {
	br    *bufio.Reader
	comma byte
	line  int   // the physical line of the next byte
	off   int64 // the offset of the next byte, from where the scanner began
	// stopField and stopQuoted mark the bytes that end a run of ordinary
	// bytes outside and inside quotes.
	stopField, stopQuoted [256]bool

	// The record read last: its fields, one after the other in buf, field k
	// ending at ends[k].
	buf  []byte
	ends []int
	rec  csvRecord
	err  error
}

// csvRecord is what the scanner saw of the record it read last.
type csvRecord struct {
	line, endLine int   // the physical lines where it begins and ends
	off           int64 // the offset where it begins
	lineEnd       bool  // ended by a line end, not by the end of the input
	// quote is the quoted field that most looks like rows swallowed by an
	// unbalanced quote: one never closed, or spanning lines with a
	// separator inside, else the first spanning lines. field is noField
	// when no quoted field spans lines or stays open.
	quote quotedSpan
}

// quotedSpan is a quoted field that spans lines or is never closed.
type quotedSpan struct {
	field         int // 0-based index in the record
	line, endLine int // physical lines where its quote opens and closes
	delims        int // separators inside the field
	closed        bool
	// skimmed says the field spanned lines past maxCSVField bytes: rows
	// swallowed by a quote, of which only the first bytes are kept while
	// the rest is read for its lines and its closing quote.
	skimmed bool
}

// suspicion ranks quoted fields: a quote still open at the end, or many
// separators inside a field spanning lines, is the mark of swallowed rows.
func (q quotedSpan) suspicion() int {
	switch {
	case q.field == noField:
		return 0
	case !q.closed || q.skimmed:
		return math.MaxInt
	}
	return 1 + q.delims
}

// newCSVScanner reads records from br, whose first byte is on line line.
// Offsets are counted from that byte.
func newCSVScanner(br *bufio.Reader, comma byte, line int) *csvScanner {
	s := &csvScanner{br: br, comma: comma, line: line}
	for _, c := range []byte{comma, '\n', '\r'} {
		s.stopField[c] = true
		s.stopQuoted[c] = true
	}
	s.stopQuoted[csvQuoteByte] = true
	return s
}

// next reads the next record. It returns false at the end of the input or
// on an error, kept in s.err.
func (s *csvScanner) next() bool {
	if s.err != nil {
		return false
	}
	s.buf, s.ends = s.buf[:0], s.ends[:0]
	s.rec = csvRecord{line: s.line, off: s.off, quote: quotedSpan{field: noField}}
	first, err := s.br.Peek(1)
	if len(first) == 0 {
		if !errors.Is(err, io.EOF) {
			s.err = err
		}
		return false
	}
	for {
		var term csvTerm
		if c, _ := s.br.Peek(1); len(c) == 1 && c[0] == csvQuoteByte {
			s.discard(1)
			term, err = s.quoted()
		} else {
			term, err = s.unquoted()
		}
		if err != nil {
			s.err = err
			return false
		}
		s.ends = append(s.ends, len(s.buf))
		if len(s.ends) > maxCSVFields {
			s.err = say(MsgCSVTooManyFields, "line", strconv.Itoa(s.rec.line), "max", strconv.Itoa(maxCSVFields))
			return false
		}
		switch term {
		case csvTermLine:
			s.rec.endLine, s.rec.lineEnd = s.line, true
			s.line++
			return true
		case csvTermEOF:
			s.rec.endLine = s.line
			return true
		}
	}
}

// discard consumes n bytes already peeked.
func (s *csvScanner) discard(n int) {
	s.br.Discard(n)
	s.off += int64(n)
}

// window returns the buffered bytes, filling the buffer when it is empty;
// an empty window is the end of the input.
func (s *csvScanner) window() ([]byte, error) {
	if s.br.Buffered() == 0 {
		if _, err := s.br.Peek(1); err != nil {
			if errors.Is(err, io.EOF) {
				return nil, nil
			}
			return nil, err
		}
	}
	w, _ := s.br.Peek(s.br.Buffered())
	return w, nil
}

// grow appends p to the field that began at offset start of the record,
// within the budgets; line is where the field began, for the error.
func (s *csvScanner) grow(p []byte, start, line int) error {
	// Of the two budgets, the one passed at the earlier byte is reported,
	// whatever the buffer's size: a parser of chunks says the same.
	switch field, record := fieldOver(len(s.buf)-start, len(s.buf), len(p)); {
	case field:
		return say(MsgCSVFieldTooLong, "line", strconv.Itoa(line), "mib", strconv.Itoa(maxCSVField>>20))
	case record:
		return say(MsgCSVRowTooLong, "line", strconv.Itoa(s.rec.line), "mib", strconv.Itoa(maxCSVRecord>>20))
	}
	s.buf = append(s.buf, p...)
	return nil
}

// unquoted reads a field that does not start with a quote.
func (s *csvScanner) unquoted() (csvTerm, error) {
	start := len(s.buf)
	for {
		w, err := s.window()
		if err != nil {
			return 0, err
		}
		if len(w) == 0 {
			return csvTermEOF, nil
		}
		i := 0
		for i < len(w) && !s.stopField[w[i]] {
			i++
		}
		if err := s.grow(w[:i], start, s.line); err != nil {
			return 0, err
		}
		if i == len(w) {
			s.discard(i)
			continue
		}
		c := w[i]
		s.discard(i + 1)
		if c == s.comma {
			return csvTermField, nil
		}
		s.lineEnd(c)
		return csvTermLine, nil
	}
}

// lineEnd consumes the "\n" of a "\r\n" whose "\r" was c.
func (s *csvScanner) lineEnd(c byte) {
	if c == '\r' {
		if nx, _ := s.br.Peek(1); len(nx) == 1 && nx[0] == '\n' {
			s.discard(1)
		}
	}
}

// quoted reads a quoted field, its opening quote already consumed. Line
// breaks inside it are kept as "\n", whatever the file's line ends.
func (s *csvScanner) quoted() (csvTerm, error) {
	start, line := len(s.buf), s.line
	q := quotedSpan{field: len(s.ends), line: line}
	note := func(closed bool) {
		q.endLine, q.closed = s.line, closed
		if (s.line > line || !closed) && q.suspicion() > s.rec.quote.suspicion() {
			s.rec.quote = q
		}
	}
	broke := false // the field's last byte so far is a line break
	grow := func(p []byte) error {
		if q.skimmed {
			return nil
		}
		// A field that already spans lines and reaches the field budget
		// is rows swallowed by a quote: the rest of it is read, not kept,
		// so that the rows before and after it are read, and it is
		// reported as the quote it is rather than as a damaged file.
		if field, _ := fieldOver(len(s.buf)-start, len(s.buf), len(p)); field && s.line > line {
			s.buf = append(s.buf, p[:maxCSVField-(len(s.buf)-start)]...)
			q.skimmed = true
			return nil
		}
		return s.grow(p, start, line)
	}
	for {
		w, err := s.window()
		if err != nil {
			return 0, err
		}
		if len(w) == 0 {
			if broke {
				// The line break ended the file's last line, not the
				// field: no line follows it (a skimmed field did not
				// keep it).
				if !q.skimmed {
					s.buf = s.buf[:len(s.buf)-1]
				}
				s.line--
				note(false)
				return csvTermLine, nil
			}
			note(false)
			return csvTermEOF, nil
		}
		i := 0
		for i < len(w) && !s.stopQuoted[w[i]] {
			i++
		}
		if err := grow(w[:i]); err != nil {
			return 0, err
		}
		if i == len(w) {
			s.discard(i)
			broke = false
			continue
		}
		c := w[i]
		s.discard(i + 1)
		broke = false
		switch c {
		case s.comma:
			q.delims++
		case '\n', '\r':
			s.lineEnd(c)
			s.line++
			c = '\n'
			broke = true
		case csvQuoteByte:
			nx, err := s.br.Peek(1)
			switch {
			case len(nx) == 0 && !errors.Is(err, io.EOF):
				return 0, err
			case len(nx) == 0:
				note(true)
				return csvTermEOF, nil
			case nx[0] == csvQuoteByte:
				s.discard(1)
			case nx[0] == s.comma:
				s.discard(1)
				note(true)
				return csvTermField, nil
			case nx[0] == '\n' || nx[0] == '\r':
				s.discard(1)
				s.lineEnd(nx[0])
				note(true)
				return csvTermLine, nil
			}
			// A lone quote inside the field is text, as Excel reads it.
		}
		if err := grow([]byte{c}); err != nil {
			return 0, err
		}
	}
}
