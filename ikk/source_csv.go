package ikk

import (
	"bufio"
	"bytes"
	"errors"
	"io"
	"os"
	"sync/atomic"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
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
	src.path = b.path
	if st, err := f.Stat(); err == nil {
		src.size = st.Size()
	}
	return src, nil
}

type csvSource struct {
	sc     *csvScanner
	closer io.Closer
	row    Row
	err    error
	// flaw is what the reader found wrong with the record read last.
	flaw rowFlaw
	// width is the header's field count, empty trailing headers aside;
	// 0 until the header is known, and with it no record is checked.
	width int
	// extraLines counts the lines that records read as one row (quoted line
	// breaks) added so far: a spreadsheet shows such a record as one row.
	extraLines int
	// Comma is the detected separator, kept for messages and tests.
	Comma rune
	// counter and size give the progress through a file.
	counter *countingReader
	size    int64
	// path is the file read, and bom the bytes of its byte-order mark;
	// decoded says the text is not the file's bytes (UTF-16 or
	// Windows-1252): such a file cannot be cut into chunks of its bytes.
	path    string
	bom     int64
	decoded bool
}

// chunkable reports whether the rest of the file can be read in chunks of
// its bytes, and from which offset.
func (s *csvSource) chunkable() (int64, bool) {
	if s.path == "" || s.decoded || s.sc.err != nil {
		return 0, false
	}
	return s.bom + s.sc.off, true
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
// from the first lines, a UTF-8 byte-order mark is dropped, UTF-16 with a
// byte-order mark (Excel's "Unicode Text") is decoded, and text that is not
// UTF-8 is read as Windows-1252, the usual encoding of CSV saved by an older
// Excel.
func NewCSVSource(r io.Reader) (Source, error) { return newCSVSource(r) }

const csvBufSize = 64 << 10

func newCSVSource(r io.Reader) (*csvSource, error) {
	br := bufio.NewReaderSize(r, csvBufSize)
	head, err := peekHead(br)
	if err != nil {
		return nil, err
	}
	in := br
	var bom int64
	switch {
	case bytes.HasPrefix(head, []byte("\xEF\xBB\xBF")):
		br.Discard(3)
		head = head[3:]
		bom = 3
	case bytes.HasPrefix(head, []byte("\xFF\xFE")), bytes.HasPrefix(head, []byte("\xFE\xFF")):
		// The decoder reads the byte-order mark, drops it and follows it.
		in = bufio.NewReaderSize(unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM).NewDecoder().Reader(br), csvBufSize)
	case !validUTF8Prefix(head):
		in = bufio.NewReaderSize(charmap.Windows1252.NewDecoder().Reader(br), csvBufSize)
	}
	if in != br {
		if head, err = peekHead(in); err != nil {
			return nil, err
		}
	}
	comma := detectComma(head)
	return &csvSource{sc: newCSVScanner(in, comma, 1), Comma: rune(comma), bom: bom, decoded: in != br}, nil
}

// peekHead returns the first bytes of br, for the sniffing of the encoding
// and the separator.
func peekHead(br *bufio.Reader) ([]byte, error) {
	head, err := br.Peek(csvBufSize)
	if err != nil && !errors.Is(err, io.EOF) && !errors.Is(err, bufio.ErrBufferFull) {
		return nil, err
	}
	return head, nil
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
func detectComma(head []byte) byte {
	counts := map[byte]int{}
	inQuote, lines := false, 0
	for i, c := range head {
		switch {
		case c == '"':
			inQuote = !inQuote
		case inQuote:
		case c == '\n' || c == '\r' && (i+1 == len(head) || head[i+1] != '\n'):
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
	return best
}

func (s *csvSource) Next() bool {
	var ok bool
	s.row.Cells, s.row.Num, ok = s.appendNext(s.row.Cells[:0])
	return ok
}

// appendNext reads the next row, appending its cells to dst: the pipeline
// reads rows straight into its batches, without a copy in between.
func (s *csvSource) appendNext(dst []Cell) ([]Cell, int, bool) {
	if !s.sc.next() {
		s.err = s.sc.err
		return dst, 0, false
	}
	rec := &s.sc.rec
	// One string per record, its cells slices of it, as encoding/csv does.
	line := string(s.sc.buf)
	first, start := len(dst), 0
	for _, end := range s.sc.ends {
		dst = append(dst, Cell{Value: line[start:end]})
		start = end
	}
	num := rec.line - s.extraLines
	s.flaw = s.check(rec, dst[first:], num)
	// A record read as one row adds its extra lines to the shift between
	// lines and rows; a record of joined rows counts a row per line.
	if s.flaw.flags&flawJoined == 0 {
		s.extraLines += rec.endLine - rec.line
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
