package ikk

import (
	"bytes"
	"errors"
	"io"
	"unsafe"
)

// Sizes of the chunks a CSV file is cut into: a chunk ends at the first
// record end after chunkBytes bytes or chunkLines lines, so that its batch
// holds about batchRows rows. A record that makes a chunk pass maxChunk
// (a quote that never closes, a file without line ends) ends the cutting:
// the sequential reader takes the rest of the file. Variables, so that
// tests can cut every few bytes.
var (
	chunkBytes = 64 << 10
	chunkLines = batchRows
	maxChunk   = 2 * maxCSVRecord
	readBlock  = 256 << 10
)

// errNoCut says that no record ends within maxChunk bytes.
var errNoCut = errors.New("csv: no record end within a chunk's budget")

// csvSplitter cuts CSV text into chunks of whole records. It reads every
// byte once and looks only at quotes and line ends, jumping between them
// with IndexByte: a line end outside quotes ends a record, and a quote opens
// a quoted field only where a field starts, as csvScanner decides.
type csvSplitter struct {
	r     io.Reader
	comma byte
	buf   []byte // buf[begin:] is read and not yet cut; it starts a record
	begin int
	scan  int // buf[begin:scan] has been looked at
	lines int // line ends seen in buf[begin:scan]
	quote bool
	eof   bool
	cr    bool  // a carriage return was seen: line ends may be a lone "\r"
	line  int   // the physical line of buf[begin]
	read  int64 // bytes read from r, for the progress line
	// text gives a buffer of at least n bytes for a chunk's text.
	text func(n int) []byte
}

func newCSVSplitter(r io.Reader, comma byte, line int, text func(n int) []byte) *csvSplitter {
	return &csvSplitter{r: r, comma: comma, line: line, buf: make([]byte, 0, 2*readBlock), text: text}
}

// next returns the next chunk, nil at the end of the text.
func (s *csvSplitter) next() (*csvChunk, error) {
	for {
		if cut, ok := s.cut(); ok {
			return s.emit(cut, false), nil
		}
		if s.eof {
			if s.begin == len(s.buf) {
				return nil, nil
			}
			return s.emit(len(s.buf), true), nil
		}
		if len(s.buf)-s.begin >= maxChunk {
			return nil, errNoCut
		}
		if err := s.fill(); err != nil {
			return nil, err
		}
	}
}

// rest is what was read and not cut, with the reader after it: where the
// sequential reader goes on when no cut is found.
func (s *csvSplitter) rest() io.Reader {
	return io.MultiReader(bytes.NewReader(s.buf[s.begin:]), s.r)
}

// emit cuts buf[begin:end] as a chunk. Its text is a copy in a buffer of
// its own, which the chunk's batch gives back once merged (recycle): the
// cells are slices of it, so it must not change while they are read.
func (s *csvSplitter) emit(end int, final bool) *csvChunk {
	text := s.buf[s.begin:end]
	buf := append(s.text(len(text))[:0], text...)
	c := &csvChunk{text: unsafe.String(unsafe.SliceData(buf), len(buf)), buf: buf, line: s.line, final: final, comma: s.comma}
	s.line += countLines(text)
	s.begin, s.scan, s.lines = end, end, 0
	return c
}

// fill reads more text, first moving what is left to the buffer's start.
func (s *csvSplitter) fill() error {
	if s.begin > 0 {
		n := copy(s.buf, s.buf[s.begin:])
		s.buf, s.scan, s.begin = s.buf[:n], s.scan-s.begin, 0
	}
	if cap(s.buf)-len(s.buf) < readBlock {
		s.buf = append(make([]byte, 0, 2*cap(s.buf)), s.buf...)
	}
	n, err := io.ReadFull(s.r, s.buf[len(s.buf):len(s.buf)+readBlock])
	if bytes.IndexByte(s.buf[len(s.buf):len(s.buf)+n], '\r') >= 0 {
		s.cr = true
	}
	s.buf = s.buf[:len(s.buf)+n]
	s.read += int64(n)
	switch {
	case errors.Is(err, io.EOF), errors.Is(err, io.ErrUnexpectedEOF):
		s.eof = true
	case err != nil:
		return err
	}
	return nil
}

// cut walks the text from s.scan and returns the end of the chunk: the
// first record end after the chunk's budget. It returns false when it needs
// more text.
func (s *csvSplitter) cut() (int, bool) {
	for {
		if s.quote {
			if !s.inQuote() {
				return 0, false
			}
			continue
		}
		rest := s.buf[s.scan:]
		nl := s.lineEnd(rest)
		qt := bytes.IndexByte(rest, csvQuoteByte)
		if qt >= 0 && (nl < 0 || qt < nl) {
			at := s.scan + qt
			if at == s.begin || s.fieldStart(s.buf[at-1]) {
				s.quote = true
			}
			s.scan = at + 1
			continue
		}
		if nl < 0 {
			s.scan = len(s.buf)
			return 0, false
		}
		at := s.scan + nl
		end := at + 1
		if s.buf[at] == '\r' {
			if end == len(s.buf) && !s.eof {
				s.scan = at // whether "\n" follows is not known yet
				return 0, false
			}
			if end < len(s.buf) && s.buf[end] == '\n' {
				end++
			}
		}
		s.scan = end
		s.lines++
		if s.lines >= chunkLines || end-s.begin >= chunkBytes {
			return end, true
		}
	}
}

// inQuote walks a quoted field to its closing quote; it returns false when
// it needs more text.
func (s *csvSplitter) inQuote() bool {
	rest := s.buf[s.scan:]
	qt := bytes.IndexByte(rest, csvQuoteByte)
	if qt < 0 {
		s.lines += bytes.Count(rest, []byte{'\n'})
		s.scan = len(s.buf)
		return false
	}
	s.lines += bytes.Count(rest[:qt], []byte{'\n'})
	at := s.scan + qt
	if at+1 == len(s.buf) && !s.eof {
		s.scan = at // what follows the quote is not known yet
		return false
	}
	s.scan = at + 1
	if at+1 == len(s.buf) {
		s.quote = false
		return true
	}
	switch c := s.buf[at+1]; {
	case c == csvQuoteByte:
		s.scan++ // "" is a quote inside the field
	case c == s.comma || c == '\n' || c == '\r':
		s.quote = false
	}
	return true
}

// fieldStart reports whether a field starts after byte c.
func (s *csvSplitter) fieldStart(c byte) bool { return c == s.comma || c == '\n' || c == '\r' }

// lineEnd is the index of the first line end in b, -1 when none.
func (s *csvSplitter) lineEnd(b []byte) int {
	nl := bytes.IndexByte(b, '\n')
	if !s.cr {
		return nl
	}
	if nl >= 0 {
		b = b[:nl]
	}
	if cr := bytes.IndexByte(b, '\r'); cr >= 0 {
		return cr
	}
	return nl
}

// countLines counts the physical lines that text ends: "\n", "\r\n" and a
// lone "\r" each end one, as csvScanner counts them.
func countLines(text []byte) int {
	n := bytes.Count(text, []byte{'\n'})
	for i := bytes.IndexByte(text, '\r'); i >= 0; {
		if i+1 == len(text) || text[i+1] != '\n' {
			n++
		}
		j := bytes.IndexByte(text[i+1:], '\r')
		if j < 0 {
			break
		}
		i += 1 + j
	}
	return n
}
