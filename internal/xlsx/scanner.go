package xlsx

import (
	"bytes"
	"fmt"
	"io"
	"strings"
	"unicode"
	"unicode/utf8"
)

// This file is the worksheet hot path: a hand-written scanner that turns the
// bytes of a sheet part into the same start, end and text events the
// encoding/xml tokenizer gives the other parts, without allocating per
// element. A million-row sheet is gigabytes of XML, and encoding/xml spent
// most of the reading time on it; the small parts (workbook, relationships,
// shared strings) still go through tokenizer.go.
//
// It accepts and rejects what encoding/xml's RawToken does, with the nesting
// check of tokenizer.go added: names, attributes quoted either way, the five
// predefined entities and character references (decoded, and refused with a
// syntax error when invalid), CDATA sections, comments, processing
// instructions and directives (skipped), \r\n folded to \n, and every
// character checked to be one XML allows. The differences: a character
// reference to a surrogate (&#xD800;) is refused, where encoding/xml turns
// it into U+FFFD; names with non-ASCII letters are checked with Unicode's
// letter classes rather than XML 1.0's tables; and syntax errors give the
// byte offset in the part rather than the line.
//
// Nearly every cell of a real sheet has one plain shape, which simpleCell
// reads in a single step; anything else goes token by token, with the same
// result (FuzzScanner checks both against encoding/xml).

// elemID names the elements the sheet reader looks for, so that it compares
// small integers instead of strings; every other element is idOther and its
// name is kept in the scanner's name stack.
type elemID uint8

const (
	idOther elemID = iota
	idSheetData
	idRow
	idC
	idV
	idIS
	idT
	idR
	idF
	idSI
)

var idNames = [...]string{"", "sheetData", "row", "c", "v", "is", "t", "r", "f", "si"}

func lookupID(local []byte) elemID {
	switch string(local) { // compiled without converting, so no allocation
	case "c":
		return idC
	case "v":
		return idV
	case "row":
		return idRow
	case "is":
		return idIS
	case "t":
		return idT
	case "r":
		return idR
	case "f":
		return idF
	case "si":
		return idSI
	case "sheetData":
		return idSheetData
	}
	return idOther
}

// frame is one open element: its id, and for idOther where its local name
// lies in scanner.names.
type frame struct {
	id  elemID
	off int
	n   int
}

// xtok is the scanner's token. Its byte slices point into the scanner's
// buffers and are valid only until the next call to next or cellTail.
type xtok struct {
	kind  tokKind
	id    elemID // for tokStart and tokEnd
	local []byte // local name, for tokStart and tokEnd
	text  []byte // for tokText; entities and character references decoded
	// The attributes with local names r and t of a start tag, the only
	// ones the sheet reader uses (the first of each, as token.attr finds).
	r, t       []byte
	hasR, hasT bool
}

// source hands the scanner the bytes of a part piece by piece.
type source interface {
	// next returns the next piece: its bytes are buf[off:] (never empty),
	// and buf[:off] is free room where the scanner may move the unread
	// tail of the previous piece, so that a tag cut by the boundary is
	// joined without copying the piece. At the end err is io.EOF, or the
	// error that stopped reading.
	next() (buf []byte, off int, err error)
	// release gives back a buffer from next that the scanner no longer
	// reads.
	release(buf []byte)
	// close stops reading and releases the part.
	close() error
}

// Bounds on what the scanner holds for a hostile part: the window grows to
// hold the token being read, and the names of the open elements are kept.
const (
	maxTokenBytes = 16 << 20
	maxNameBytes  = 64 << 10
)

// status says what a scanning step produced.
type status uint8

const (
	stReady status = iota // s.tok holds a token
	stSkip                // something consumed that yields no token
	stMore                // the window ends inside the token: fill and retry
)

// scanner streams one sheet part. It reads through a window over the
// source's pieces; a token is always scanned from its first byte, and when
// the window ends inside it the window is refilled keeping that token's bytes
// and the token is scanned again. A token longer than the room in front of a
// piece is gathered in spill, which at least doubles each time, so that even
// a hostile megabyte-long tag costs linear time.
type scanner struct {
	src    source
	buf    []byte // the window
	pos    int    // next unread byte of buf
	owner  []byte // the source buffer buf lies in, or nil when buf is spill
	spill  []byte
	base   int64 // offset in the part of buf[0], for messages
	srcErr error // why the source has no more: io.EOF or a read error

	stack []frame
	names []byte // local names of the idOther frames, end to end
	done  bool   // the root element has closed
	close bool   // the last start tag was self-closing: its end is due
	err   error  // sticky

	tok  xtok
	tbuf []byte // decoded text
	abuf []byte // decoded attribute values of the current start tag
}

func newScanner(src source) *scanner {
	return &scanner{src: src, stack: make([]frame, 0, 16)}
}

// depth is the number of open elements, as tokenizer.depth.
func (s *scanner) depth() int { return len(s.stack) }

// parent returns the id of the open element n levels above the innermost
// one (0 is the innermost), or idOther if there is none.
func (s *scanner) parent(n int) elemID {
	i := len(s.stack) - 1 - n
	if i < 0 {
		return idOther
	}
	return s.stack[i].id
}

// inStringText reports whether the text being read belongs to a string
// item (<si> or <is>, named by container, at containerDepth): text of its
// own <t> or of the <t> of a rich-text run <r>. The <t> inside a phonetic
// run <rPh> is a reading aid for East Asian text, not part of the value.
func (s *scanner) inStringText(container elemID, containerDepth int) bool {
	if s.parent(0) != idT {
		return false
	}
	switch len(s.stack) {
	case containerDepth + 1:
		return s.parent(1) == container
	case containerDepth + 2:
		return s.parent(1) == idR && s.parent(2) == container
	}
	return false
}

func (s *scanner) frameName(f frame) string {
	if f.id != idOther {
		return idNames[f.id]
	}
	return string(s.names[f.off : f.off+f.n])
}

// offset is how many bytes of the part have been scanned.
func (s *scanner) offset() int64 { return s.base + int64(s.pos) }

// shut stops the source and drops the window.
func (s *scanner) shut() error {
	err := s.src.close()
	s.owner, s.buf, s.pos, s.spill = nil, nil, 0, nil
	if s.err == nil {
		s.err = io.EOF
	}
	return err
}

func (s *scanner) releaseOwner() {
	if s.owner != nil {
		s.src.release(s.owner)
		s.owner = nil
	}
}

// fill keeps buf[mark:], the start of an unfinished token, and adds more of
// the part after it; the kept bytes then start at buf[0] and pos is 0. It
// returns false, changing nothing, when the part has no more bytes.
func (s *scanner) fill(mark int) bool {
	if s.srcErr != nil {
		return false
	}
	if len(s.buf)-mark > maxTokenBytes {
		// Only a tag, comment, CDATA section or entity is gathered
		// whole (text is handed over in pieces); none is this long in a
		// real workbook.
		s.srcErr = limitErrorf("a single tag, comment, CDATA section or entity passes %d MiB", maxTokenBytes>>20)
		return false
	}
	nb, off, err := s.src.next()
	if err != nil {
		s.srcErr = err
		return false
	}
	left := s.buf[mark:]
	s.base += int64(mark)
	s.pos = 0
	if len(left) <= off {
		start := off - len(left)
		copy(nb[start:off], left)
		s.releaseOwner() // only now: left may lie in it
		s.owner = nb
		s.buf = nb[start:]
		if cap(s.spill) > 4*pieceSize {
			s.spill = nil // a huge token's buffer is not kept for the rest of the part
		}
		return true
	}
	var sp []byte
	if s.owner == nil {
		// left is the tail of spill itself; copy moves it to the front.
		sp = s.spill[:copy(s.spill, left)]
	} else {
		sp = append(s.spill[:0], left...)
		s.releaseOwner()
	}
	sp = append(sp, nb[off:]...)
	s.src.release(nb)
	// Doubling keeps a long token's cost linear; the cap makes the token
	// past maxTokenBytes come back here, to be refused, rather than be
	// gathered to twice the bound.
	for len(sp) < min(2*len(left), maxTokenBytes+1) {
		nb, off, err := s.src.next()
		if err != nil {
			s.srcErr = err
			break
		}
		sp = append(sp, nb[off:]...)
		s.src.release(nb)
	}
	s.spill, s.buf = sp, sp
	return true
}

// eofErr is the error for a part that ends inside a token or element.
func (s *scanner) eofErr() error {
	if s.srcErr != nil && s.srcErr != io.EOF {
		return s.srcErr
	}
	if len(s.stack) == 0 {
		return fmt.Errorf("%w: no root element", io.ErrUnexpectedEOF)
	}
	return fmt.Errorf("%w inside <%s>", io.ErrUnexpectedEOF, clip(s.frameName(s.stack[len(s.stack)-1])))
}

// syntaxError is the counterpart of encoding/xml's, with the byte offset in
// the part instead of a line number (counting lines would cost a pass over
// gigabytes).
type syntaxError struct {
	msg    string
	offset int64
}

func (e *syntaxError) Error() string {
	return fmt.Sprintf("XML syntax error at byte %d: %s", e.offset, e.msg)
}

func (s *scanner) syntax(at int, msg string) error {
	return &syntaxError{msg: msg, offset: s.base + int64(at)}
}

// next returns the next start, end or text token, io.EOF once the root
// element has closed, or an error (sticky) wrapping io.ErrUnexpectedEOF if
// the part ends while elements are open.
func (s *scanner) next() (*xtok, error) {
	if s.err != nil {
		return nil, s.err
	}
	if s.done {
		return nil, io.EOF
	}
	if s.close {
		s.close = false
		s.popTop()
		return &s.tok, nil
	}
	for {
		if s.pos >= len(s.buf) {
			if !s.fill(s.pos) {
				s.err = s.eofErr()
				return nil, s.err
			}
			continue
		}
		var st status
		var err error
		if s.buf[s.pos] != '<' {
			st, err = s.text()
			if st == stReady && len(s.stack) == 0 {
				st = stSkip // text around the root element
			}
		} else {
			st, err = s.markup()
		}
		if err != nil {
			s.err = err
			return nil, err
		}
		switch st {
		case stReady:
			return &s.tok, nil
		case stMore:
			if !s.fill(s.pos) {
				s.err = s.eofErr()
				return nil, s.err
			}
		}
	}
}

// popTop closes the innermost element for a self-closing tag.
func (s *scanner) popTop() {
	f := s.stack[len(s.stack)-1]
	s.stack = s.stack[:len(s.stack)-1]
	s.tok.kind = tokEnd
	s.tok.id = f.id
	s.tok.text = nil
	if f.id == idOther {
		s.names = s.names[:f.off]
	}
	// local stays the start tag's name, which the window still holds.
	if len(s.stack) == 0 {
		s.done = true
	}
}

func (s *scanner) markup() (status, error) {
	b, p := s.buf, s.pos
	if p+1 >= len(b) {
		return stMore, nil
	}
	switch b[p+1] {
	case '/':
		return s.endTag()
	case '?':
		return s.procInst()
	case '!':
		return s.bang()
	}
	return s.startTag()
}

// Byte classes.
var (
	nameByte  [256]bool // may continue a name (bytes from 0x80 are checked as UTF-8 later)
	nameFirst [256]bool // may start a name
	special   [256]bool // text bytes that need decoding or checking
)

func init() {
	for c := 0; c < 256; c++ {
		b := byte(c)
		letter := 'A' <= b && b <= 'Z' || 'a' <= b && b <= 'z'
		nameByte[c] = letter || '0' <= b && b <= '9' || b == '_' || b == ':' || b == '.' || b == '-' || c >= utf8.RuneSelf
		nameFirst[c] = letter || b == '_' || b == ':' || c >= utf8.RuneSelf
		special[c] = c < 0x20 && b != '\t' && b != '\n' || b == '&' || b == '<' || b == '>' || c >= utf8.RuneSelf
	}
}

func isSpace(c byte) bool { return c == ' ' || c == '\n' || c == '\t' || c == '\r' }

func skipSpace(b []byte, i int) int {
	for i < len(b) && isSpace(b[i]) {
		i++
	}
	return i
}

// nameEnd returns the end of the run of name bytes starting at i, or -1 if
// the window ends first.
func nameEnd(b []byte, i int) int {
	for ; i < len(b); i++ {
		if !nameByte[b[i]] {
			return i
		}
	}
	return -1
}

// isName checks a run of name bytes as encoding/xml's isName does, exactly
// for ASCII names and by Unicode letter and digit classes otherwise.
func isName(n []byte) bool {
	if len(n) == 0 || !nameFirst[n[0]] {
		return false
	}
	ascii := true
	for _, c := range n {
		if c >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	if ascii {
		return true
	}
	for i, first := 0, true; i < len(n); first = false {
		r, size := utf8.DecodeRune(n[i:])
		if r == utf8.RuneError && size == 1 {
			return false
		}
		i += size
		switch {
		case r < utf8.RuneSelf, r == '_', unicode.IsLetter(r):
		case first:
			return false
		case unicode.IsDigit(r), unicode.Is(unicode.Mn, r), unicode.Is(unicode.Mc, r), r == 0xB7:
		default:
			return false
		}
	}
	return true
}

// qname scans the qualified name starting at b[i]. It returns where the
// name ends (-1 if the window ends first), where its local part starts
// (after its colon, if it has one with text on both sides), and whether it
// is a valid name; more than one colon is refused, as encoding/xml does.
func qname(b []byte, i int) (end, local int, ok bool) {
	start, colon, ascii := i, -1, true
	for ; i < len(b); i++ {
		c := b[i]
		if !nameByte[c] {
			break
		}
		if c == ':' {
			if colon >= 0 {
				colon = -2 // more than one
			} else if colon == -1 {
				colon = i
			}
		} else if c >= utf8.RuneSelf {
			ascii = false
		}
	}
	if i >= len(b) {
		return -1, 0, false
	}
	n := b[start:i]
	if len(n) == 0 || !nameFirst[n[0]] || !ascii && !isName(n) || colon == -2 {
		return i, start, false
	}
	if colon > start && colon < i-1 {
		return i, colon + 1, true
	}
	return i, start, true
}

func (s *scanner) startTag() (status, error) {
	b, p := s.buf, s.pos
	e, lo, ok := qname(b, p+1)
	if e < 0 {
		return stMore, nil
	}
	if !ok {
		return 0, s.syntax(p, "expected element name after <")
	}
	local := b[lo:e]
	s.abuf = s.abuf[:0]
	var r, t []byte
	hasR, hasT, self := false, false, false
	i := e
	for {
		if i >= len(b) {
			return stMore, nil
		}
		c := b[i]
		if isSpace(c) {
			i++
			continue
		}
		if c == '>' {
			i++
			break
		}
		if c == '/' {
			if i+1 >= len(b) {
				return stMore, nil
			}
			if b[i+1] != '>' {
				return 0, s.syntax(i, "expected /> in element")
			}
			self = true
			i += 2
			break
		}
		ae, alo, ok := qname(b, i)
		if ae < 0 {
			return stMore, nil
		}
		if !ok {
			return 0, s.syntax(i, "expected attribute name in element")
		}
		k := skipSpace(b, ae)
		if k >= len(b) {
			return stMore, nil
		}
		if b[k] != '=' {
			return 0, s.syntax(k, "attribute name without = in element")
		}
		if k = skipSpace(b, k+1); k >= len(b) {
			return stMore, nil
		}
		q := b[k]
		if q != '"' && q != '\'' {
			return 0, s.syntax(k, "unquoted or missing attribute value in element")
		}
		// Values are short: a plain loop finds the quote sooner than a
		// call, and notes on the way whether the value needs decoding.
		v, dirty := k+1, false
		for v < len(b) && b[v] != q {
			dirty = dirty || special[b[v]]
			v++
		}
		if v >= len(b) {
			if bytes.IndexByte(b[k+1:], '<') >= 0 {
				return 0, s.syntax(k, "unescaped < inside quoted string")
			}
			return stMore, nil
		}
		val := b[k+1 : v]
		if dirty {
			start := len(s.abuf)
			var err error
			if s.abuf, err = s.decode(s.abuf, val, modeAttr, k+1); err != nil {
				return 0, err
			}
			val = s.abuf[start:]
		}
		// The sheet reader needs only r and t; the first of each counts.
		if ae-alo == 1 {
			switch b[alo] {
			case 'r':
				if !hasR {
					r, hasR = val, true
				}
			case 't':
				if !hasT {
					t, hasT = val, true
				}
			}
		}
		i = v + 1
	}
	if len(s.stack) >= maxDepth {
		return 0, fmt.Errorf("elements nested deeper than %d", maxDepth)
	}
	id := lookupID(local)
	f := frame{id: id}
	if id == idOther && len(s.names)+len(local) > maxNameBytes {
		return 0, limitErrorf("the names of the open elements pass %d KiB", maxNameBytes>>10)
	}
	if id == idOther {
		f.off, f.n = len(s.names), len(local)
		s.names = append(s.names, local...)
	}
	s.stack = append(s.stack, f)
	tok := &s.tok
	tok.kind, tok.id, tok.local = tokStart, id, local
	tok.r, tok.hasR, tok.t, tok.hasT = r, hasR, t, hasT
	s.pos = i
	s.close = self
	return stReady, nil
}

func (s *scanner) endTag() (status, error) {
	b, p := s.buf, s.pos
	e, lo, ok := qname(b, p+2)
	if e < 0 {
		return stMore, nil
	}
	if !ok {
		return 0, s.syntax(p, "expected element name after </")
	}
	local := b[lo:e]
	i := skipSpace(b, e)
	if i >= len(b) {
		return stMore, nil
	}
	if b[i] != '>' {
		return 0, s.syntax(i, "invalid characters between </"+clip(string(local))+" and >")
	}
	if len(s.stack) == 0 {
		return 0, fmt.Errorf("unexpected end element </%s>", clip(string(local)))
	}
	f := s.stack[len(s.stack)-1]
	id := lookupID(local)
	if id != f.id || id == idOther && !bytes.Equal(s.names[f.off:f.off+f.n], local) {
		return 0, fmt.Errorf("element <%s> closed by </%s>", clip(s.frameName(f)), clip(string(local)))
	}
	s.pos = i + 1
	s.popTop()
	s.tok.local = local
	return stReady, nil
}

// text reads character data up to the next '<'. When the window ends first
// it returns what it has, short of an entity, character or \r\n pair cut by
// the window's end, so that long text never has to be held whole.
func (s *scanner) text() (status, error) {
	b, p := s.buf, s.pos
	end := len(b)
	if j := bytes.IndexByte(b[p:], '<'); j >= 0 {
		end = p + j
	} else if end = safeTextEnd(b, p); end == p {
		return stMore, nil
	}
	t := b[p:end]
	if !clean(t) {
		var err error
		if s.tbuf, err = s.decode(s.tbuf[:0], t, modeText, p); err != nil {
			return 0, err
		}
		t = s.tbuf
	}
	s.pos = end
	s.tok.kind = tokText
	s.tok.text = t
	return stReady, nil
}

// safeTextEnd is where text cut by the window's end may be split: before an
// entity without its ';', an incomplete UTF-8 sequence, a '\r' that a '\n'
// may follow, or a ']' that may begin "]]>".
func safeTextEnd(b []byte, p int) int {
	e := len(b)
	if k := bytes.LastIndexByte(b[p:e], '&'); k >= 0 && bytes.IndexByte(b[p+k:e], ';') < 0 {
		e = p + k
	}
	for k := e - 1; k >= p && k >= e-utf8.UTFMax; k-- {
		if utf8.RuneStart(b[k]) {
			if !utf8.FullRune(b[k:e]) {
				e = k
			}
			break
		}
	}
	if e > p && b[e-1] == '\r' {
		e--
	}
	for i := 0; i < 2 && e > p && b[e-1] == ']'; i++ {
		e--
	}
	return e
}

// clean reports whether text can be used as it is: no entity, no \r, nothing
// to check beyond printable ASCII.
func clean(t []byte) bool {
	for _, c := range t {
		if special[c] {
			return false
		}
	}
	return true
}

const (
	modeText = iota
	modeAttr
	modeCDATA
)

// decode appends raw, decoded, to dst, the way encoding/xml's text does:
// entities and character references replaced (not in CDATA), \r and \r\n
// folded to \n, and then every character checked. at is raw's position in
// the window, for messages.
func (s *scanner) decode(dst, raw []byte, mode, at int) ([]byte, error) {
	start := len(dst)
	var b0, b1 byte
	for i := 0; i < len(raw); i++ {
		c := raw[i]
		switch {
		case c == '>' && mode == modeText && b0 == ']' && b1 == ']':
			return nil, s.syntax(at+i, "unescaped ]]> not in CDATA section")
		case c == '<' && mode == modeAttr:
			return nil, s.syntax(at+i, "unescaped < inside quoted string")
		case c == '&' && mode != modeCDATA:
			r, n, ok, semi := entity(raw[i:])
			if !ok {
				msg := "invalid character entity " + clip(string(raw[i:i+n]))
				if !semi {
					msg += " (no semicolon)"
				}
				return nil, s.syntax(at+i, msg)
			}
			dst = utf8.AppendRune(dst, r)
			i += n - 1
			b0, b1 = 0, 0
			continue
		case c == '\r':
			dst = append(dst, '\n')
		case c == '\n' && b1 == '\r':
		default:
			dst = append(dst, c)
		}
		b0, b1 = b1, c
	}
	for t := dst[start:]; len(t) > 0; {
		c := t[0]
		if c < utf8.RuneSelf {
			if c < 0x20 && c != '\t' && c != '\n' && c != '\r' {
				return nil, s.syntax(at, fmt.Sprintf("illegal character code %U", rune(c)))
			}
			t = t[1:]
			continue
		}
		r, size := utf8.DecodeRune(t)
		if r == utf8.RuneError && size == 1 {
			return nil, s.syntax(at, "invalid UTF-8")
		}
		if !isInCharacterRange(r) {
			return nil, s.syntax(at, fmt.Sprintf("illegal character code %U", r))
		}
		t = t[size:]
	}
	return dst, nil
}

func isInCharacterRange(r rune) bool {
	return r == 0x09 || r == 0x0A || r == 0x0D ||
		r >= 0x20 && r <= 0xD7FF ||
		r >= 0xE000 && r <= 0xFFFD ||
		r >= 0x10000 && r <= 0x10FFFF
}

// entity decodes the entity or character reference at the start of b
// (b[0] is '&') and returns the character and how many bytes it took. For
// one that is not valid it returns ok false, with n the bytes to quote, and
// semi whether it ended with a ';'.
func entity(b []byte) (r rune, n int, ok, semi bool) {
	i := 1
	if i < len(b) && b[i] == '#' {
		i++
		base := rune(10)
		if i < len(b) && b[i] == 'x' {
			base = 16
			i++
		}
		digits := i
		var v rune
	digitLoop:
		for ; i < len(b); i++ {
			c := b[i]
			var d rune
			switch {
			case '0' <= c && c <= '9':
				d = rune(c - '0')
			case base == 16 && 'a' <= c && c <= 'f':
				d = rune(c-'a') + 10
			case base == 16 && 'A' <= c && c <= 'F':
				d = rune(c-'A') + 10
			default:
				break digitLoop
			}
			if v = v*base + d; v > unicode.MaxRune {
				v = unicode.MaxRune + 1 // stays invalid without overflowing
			}
		}
		if i >= len(b) || b[i] != ';' {
			return 0, i, false, false
		}
		if i == digits || v > unicode.MaxRune || 0xD800 <= v && v <= 0xDFFF {
			return 0, i + 1, false, true
		}
		return v, i + 1, true, true
	}
	for i < len(b) && nameByte[b[i]] {
		i++
	}
	if i >= len(b) || b[i] != ';' {
		return 0, i, false, false
	}
	switch string(b[1:i]) {
	case "lt":
		r = '<'
	case "gt":
		r = '>'
	case "amp":
		r = '&'
	case "apos":
		r = '\''
	case "quot":
		r = '"'
	default:
		return 0, i + 1, false, true
	}
	return r, i + 1, true, true
}

// procInst skips a processing instruction, checking the XML declaration as
// encoding/xml does.
func (s *scanner) procInst() (status, error) {
	b, p := s.buf, s.pos
	e := nameEnd(b, p+2)
	if e < 0 {
		return stMore, nil
	}
	target := b[p+2 : e]
	if !isName(target) {
		return 0, s.syntax(p, "expected target name after <?")
	}
	i := skipSpace(b, e)
	k := bytes.Index(b[i:], []byte("?>"))
	if k < 0 {
		return stMore, nil
	}
	if string(target) == "xml" {
		content := string(b[i : i+k])
		if ver := procInstParam("version", content); ver != "" && ver != "1.0" {
			return 0, fmt.Errorf("xml: unsupported version %q; only version 1.0 is supported", ver)
		}
		if enc := procInstParam("encoding", content); enc != "" && !strings.EqualFold(enc, "utf-8") {
			return 0, fmt.Errorf("xml: encoding %q declared but Decoder.CharsetReader is nil", enc)
		}
	}
	s.pos = i + k + 2
	return stSkip, nil
}

// procInstParam is encoding/xml's procInst: the value of param="..." in a
// processing instruction's content.
func procInstParam(param, s string) string {
	param += "="
	lenp := len(param)
	i := 0
	var sep byte
	for i < len(s) {
		sub := s[i:]
		k := strings.Index(sub, param)
		if k < 0 || lenp+k >= len(sub) {
			return ""
		}
		i += lenp + k + 1
		if c := sub[lenp+k]; c == '\'' || c == '"' {
			sep = c
			break
		}
	}
	if sep == 0 {
		return ""
	}
	j := strings.IndexByte(s[i:], sep)
	if j < 0 {
		return ""
	}
	return s[i : i+j]
}

// bang reads what starts with "<!": a comment or a directive (skipped) or a
// CDATA section (text).
func (s *scanner) bang() (status, error) {
	b, p := s.buf, s.pos
	if p+2 >= len(b) {
		return stMore, nil
	}
	switch b[p+2] {
	case '-':
		if p+3 >= len(b) {
			return stMore, nil
		}
		if b[p+3] != '-' {
			return 0, s.syntax(p, "invalid sequence <!- not part of <!--")
		}
		k := bytes.Index(b[p+4:], []byte("--"))
		if k < 0 || p+4+k+2 >= len(b) {
			return stMore, nil
		}
		if b[p+4+k+2] != '>' {
			return 0, s.syntax(p+4+k, `invalid sequence "--" not allowed in comments`)
		}
		s.pos = p + 4 + k + 3
		return stSkip, nil
	case '[':
		const open = "<![CDATA["
		for i := 3; i < len(open); i++ {
			if p+i >= len(b) {
				return stMore, nil
			}
			if b[p+i] != open[i] {
				return 0, s.syntax(p, "invalid <![ sequence")
			}
		}
		k := bytes.Index(b[p+len(open):], []byte("]]>"))
		if k < 0 {
			return stMore, nil
		}
		raw := b[p+len(open) : p+len(open)+k]
		var err error
		if s.tbuf, err = s.decode(s.tbuf[:0], raw, modeCDATA, p); err != nil {
			return 0, err
		}
		s.pos = p + len(open) + k + 3
		if len(s.stack) == 0 {
			return stSkip, nil
		}
		s.tok.kind = tokText
		s.tok.text = s.tbuf
		return stReady, nil
	}
	// A directive such as <!DOCTYPE ...>, skipped the way encoding/xml
	// reads it: quoted '>' do not end it, nested <...> and comments do not
	// either.
	var inquote byte
	depth := 0
	i := p + 3
	for {
		if i >= len(b) {
			return stMore, nil
		}
		c := b[i]
		i++
		if inquote == 0 && c == '>' && depth == 0 {
			break
		}
	handle:
		switch {
		case c == inquote:
			inquote = 0
		case inquote != 0:
		case c == '\'' || c == '"':
			inquote = c
		case c == '>':
			depth--
		case c == '<':
			for j := 0; j < 3; j++ {
				if i >= len(b) {
					return stMore, nil
				}
				c = b[i]
				i++
				if c != "!--"[j] {
					depth++
					goto handle
				}
			}
			k := bytes.Index(b[i:], []byte("-->"))
			if k < 0 {
				return stMore, nil
			}
			i += k + 3
		}
	}
	s.pos = i
	return stSkip, nil
}

// Shapes cellTail recognises.
const (
	tailNone = iota
	tailV
	tailIS
)

// cellTail reads the rest of a <c> whose start tag next has just returned,
// if it has one of the two shapes writers nearly always give a cell:
// <v>text</v></c> or <is><t>text</t></is></c>, all in the window. It then
// returns the shape and the decoded text, and the cell is closed; otherwise
// it returns tailNone and consumes nothing, and the cell is read token by
// token. Both ways give the same result.
func (s *scanner) cellTail() (int, []byte, error) {
	if s.close {
		return tailNone, nil, nil
	}
	b := s.buf[s.pos:]
	var kind, open int
	var closer string
	switch {
	case len(b) > 3 && b[0] == '<' && b[1] == 'v' && b[2] == '>':
		kind, open, closer = tailV, 3, "</v></c>"
	case len(b) > 7 && string(b[:7]) == "<is><t>":
		kind, open, closer = tailIS, 7, "</t></is></c>"
	default:
		return tailNone, nil, nil
	}
	j := bytes.IndexByte(b[open:], '<')
	if j < 0 || !bytes.HasPrefix(b[open+j:], []byte(closer)) {
		return tailNone, nil, nil
	}
	t := b[open : open+j]
	if !clean(t) {
		var err error
		if s.tbuf, err = s.decode(s.tbuf[:0], t, modeText, s.pos+open); err != nil {
			s.err = err
			return tailNone, nil, err
		}
		t = s.tbuf
	}
	s.pos += open + j + len(closer)
	s.stack = s.stack[:len(s.stack)-1] // the <c>
	return kind, t, nil
}

// simpleCell reads a whole <c> element at the current position in one step,
// without going through tokens, when the window holds all of it and it has
// the plain shape writers give nearly every cell: an unprefixed <c> with
// plain attributes (ASCII names, values with nothing to decode), and as
// content nothing, <v>text</v> or <is><t>text</t></is>. It returns ok false,
// consuming nothing, for anything else, which the caller then reads token
// by token with the same result. The slices are valid until the next read.
func (s *scanner) simpleCell() (shape int, ref, typ, text []byte, ok bool, err error) {
	b, p := s.buf, s.pos
	if s.close || p+3 >= len(b) || b[p] != '<' || b[p+1] != 'c' {
		return
	}
	if c := b[p+2]; c != ' ' && c != '>' && c != '/' {
		return
	}
	hasR, hasT := false, false
	i := p + 2
	for {
		if i >= len(b) {
			return
		}
		c := b[i]
		if c == ' ' {
			i++
			continue
		}
		if c == '>' {
			i++
			break
		}
		if c == '/' {
			if i+1 < len(b) && b[i+1] == '>' {
				s.pos = i + 2
				return tailNone, ref, typ, nil, true, nil
			}
			return
		}
		n := i
		for n < len(b) && ('a' <= b[n] && b[n] <= 'z' || 'A' <= b[n] && b[n] <= 'Z') {
			n++
		}
		if n == i || n+1 >= len(b) || b[n] != '=' {
			return
		}
		q := b[n+1]
		if q != '"' && q != '\'' {
			return
		}
		v := n + 2
		for v < len(b) && b[v] != q {
			if special[b[v]] {
				return
			}
			v++
		}
		if v >= len(b) {
			return
		}
		if n-i == 1 {
			switch b[i] {
			case 'r':
				if !hasR {
					ref, hasR = b[n+2:v], true
				}
			case 't':
				if !hasT {
					typ, hasT = b[n+2:v], true
				}
			}
		}
		i = v + 1
	}
	rest := b[i:]
	var open, j int
	switch {
	case len(rest) >= 4 && string(rest[:4]) == "</c>":
		s.pos = i + 4
		return tailNone, ref, typ, nil, true, nil
	case len(rest) > 3 && string(rest[:3]) == "<v>":
		shape, open = tailV, 3
		if j = bytes.IndexByte(rest[open:], '<'); j < 0 || len(rest) < open+j+8 || string(rest[open+j:open+j+8]) != "</v></c>" {
			return
		}
		s.pos = i + open + j + 8
	case len(rest) > 7 && string(rest[:7]) == "<is><t>":
		shape, open = tailIS, 7
		if j = bytes.IndexByte(rest[open:], '<'); j < 0 || len(rest) < open+j+13 || string(rest[open+j:open+j+13]) != "</t></is></c>" {
			return
		}
		s.pos = i + open + j + 13
	default:
		return
	}
	text = rest[open : open+j]
	if !clean(text) {
		if s.tbuf, err = s.decode(s.tbuf[:0], text, modeText, i+open); err != nil {
			s.pos = p
			s.err = err
			return tailNone, nil, nil, nil, false, err
		}
		text = s.tbuf
	}
	return shape, ref, typ, text, true, nil
}
