package ikk

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"sync/atomic"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
)

type csvBook struct {
	path string
}

func openCSV(path string) (Workbook, error) { return &csvBook{path: path}, nil }

func (b *csvBook) Sheets() []string { return []string{""} }
func (b *csvBook) Close() error     { return nil }

func (b *csvBook) Rows(sheet string) (Source, error) {
	f, err := os.Open(b.path)
	if err != nil {
		return nil, &InputError{Path: b.path, Err: err}
	}
	cr := &countingReader{r: f}
	src, err := newCSVSource(cr)
	if err != nil {
		f.Close()
		return nil, &InputError{Path: b.path, Err: err}
	}
	src.closer = f
	src.counter = cr
	if st, err := f.Stat(); err == nil {
		src.size = st.Size()
	}
	return src, nil
}

type csvSource struct {
	r      *csv.Reader
	closer io.Closer
	row    Row
	err    error
	// extraLines counts the lines that quoted line breaks added so far.
	extraLines int
	// Comma is the detected separator, kept for messages and tests.
	Comma rune
	// counter and size give the progress through a file.
	counter *countingReader
	size    int64
}

// countingReader counts the bytes read through it, for another goroutine.
type countingReader struct {
	r io.Reader
	n atomic.Int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n.Add(int64(n))
	return n, err
}

// Position is how far the file has been read, for the progress line.
func (s *csvSource) Position() (done, total int64) {
	if s.counter == nil {
		return 0, 0
	}
	return s.counter.n.Load(), s.size
}

// NewCSVSource reads CSV from r: the separator (";", "," or tab) is detected
// from the first lines, a UTF-8 byte-order mark is dropped, and text that is
// not UTF-8 is read as Windows-1252, the usual encoding of CSV saved by an
// older Excel.
func NewCSVSource(r io.Reader) (Source, error) { return newCSVSource(r) }

func newCSVSource(r io.Reader) (*csvSource, error) {
	br := bufio.NewReaderSize(r, 64<<10)
	head, err := br.Peek(64 << 10)
	if err != nil && !errors.Is(err, io.EOF) && !errors.Is(err, bufio.ErrBufferFull) {
		return nil, err
	}
	var in io.Reader = br
	if bytes.HasPrefix(head, []byte("\xEF\xBB\xBF")) {
		br.Discard(3)
		head = head[3:]
	} else if !validUTF8Prefix(head) {
		in = charmap.Windows1252.NewDecoder().Reader(br)
	}
	comma := detectComma(head)
	cr := csv.NewReader(in)
	cr.Comma = comma
	cr.FieldsPerRecord = -1
	cr.LazyQuotes = true
	cr.ReuseRecord = true
	return &csvSource{r: cr, Comma: comma}, nil
}

// validUTF8Prefix reports whether b is UTF-8, allowing a rune cut at the end.
func validUTF8Prefix(b []byte) bool {
	for len(b) > 0 {
		r, size := utf8.DecodeRune(b)
		if r == utf8.RuneError && size <= 1 {
			return len(b) < utf8.UTFMax && !utf8.FullRune(b)
		}
		b = b[size:]
	}
	return true
}

// detectComma picks the separator that occurs most often outside quotes in
// the first lines.
func detectComma(head []byte) rune {
	counts := map[byte]int{}
	inQuote, lines := false, 0
	for _, c := range head {
		switch {
		case c == '"':
			inQuote = !inQuote
		case inQuote:
		case c == '\n':
			lines++
		case c == ';' || c == ',' || c == '\t':
			counts[c]++
		}
		if lines >= 20 {
			break
		}
	}
	best := byte(',')
	for _, c := range []byte{';', '\t'} {
		if counts[c] > counts[best] {
			best = c
		}
	}
	return rune(best)
}

func (s *csvSource) Next() bool {
	var ok bool
	s.row.Cells, s.row.Num, ok = s.appendNext(s.row.Cells[:0])
	return ok
}

// appendNext reads the next row, appending its cells to dst: the pipeline
// reads rows straight into its batches, without a copy in between.
func (s *csvSource) appendNext(dst []Cell) ([]Cell, int, bool) {
	if s.err != nil {
		return dst, 0, false
	}
	rec, err := s.r.Read()
	if err != nil {
		if !errors.Is(err, io.EOF) {
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				s.err = fmt.Errorf("row %d: %v", pe.StartLine, pe.Err)
			} else {
				s.err = err
			}
		}
		return dst, 0, false
	}
	// A spreadsheet shows a quoted field with line breaks as one row, so the
	// row number is the line number less the extra lines of earlier records.
	line, _ := s.r.FieldPos(0)
	num := line - s.extraLines
	last := rec[len(rec)-1]
	lastLine, _ := s.r.FieldPos(len(rec) - 1)
	s.extraLines += lastLine - line
	if strings.IndexByte(last, '\n') >= 0 {
		s.extraLines += strings.Count(last, "\n")
	}
	for _, v := range rec {
		dst = append(dst, Cell{Value: v})
	}
	return dst, num, true
}

func (s *csvSource) Row() Row      { return s.row }
func (s *csvSource) Err() error    { return s.err }
func (s *csvSource) Sheet() string { return "" }
func (s *csvSource) Close() error {
	if s.closer != nil {
		return s.closer.Close()
	}
	return nil
}
