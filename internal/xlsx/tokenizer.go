package xlsx

import (
	"bufio"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
)

// This file turns the small parts (workbook.xml, the relationships and the
// shared strings) into events with encoding/xml; the readers built on it
// consume the small token type below and never see encoding/xml. Sheets,
// which can be gigabytes of XML, go through the hand-written scanner in
// scanner.go instead, which gives the same events faster.

// tokKind says what a token is. There is deliberately no kind for comments,
// processing instructions or directives: no reader here has a use for them.
type tokKind uint8

const (
	tokStart tokKind = iota + 1
	tokEnd
	tokText
)

// attr is an attribute by local name. The prefix is kept only so that a
// caller can tell r:id from a plain id if it ever has to; namespaces are not
// resolved because Strict OOXML and transitional OOXML use different URIs
// for the same elements, and the readers match on local names alone.
type attr struct {
	prefix string
	local  string
	value  string
}

// token is reused by every call to next, so that streaming a sheet does not
// allocate a token per element. Its fields, text in particular, are valid
// only until the following call.
type token struct {
	kind  tokKind
	name  string // local name, for tokStart and tokEnd
	attrs []attr // for tokStart
	text  []byte // for tokText; entities and character references decoded
}

// attr returns the value of the attribute with the given local name, so that
// callers do not care whether a writer prefixed it.
func (t *token) attr(local string) (string, bool) {
	for i := range t.attrs {
		if t.attrs[i].local == local {
			return t.attrs[i].value, true
		}
	}
	return "", false
}

// maxDepth bounds element nesting. Worksheets nest about seven deep; the
// bound exists so that a hostile part cannot make the open-element stack
// grow without limit.
const maxDepth = 512

// tokenizer streams one XML part. It uses encoding/xml's RawToken, which
// neither resolves namespaces nor checks that elements nest, because the
// resolution is wasted work here and allocates; the nesting check that
// RawToken skips is done here, with a stack of local names, because without
// it a part cut short between two tags would end without any error and a
// truncated sheet would look like a short one.
type tokenizer struct {
	dec   *xml.Decoder
	stack []string
	// rootSeen and done let next tell an empty or truncated part (an error)
	// from one whose root element has closed (the normal end).
	rootSeen bool
	done     bool
	tok      token
}

func newTokenizer(r io.Reader) *tokenizer {
	// The decoder wraps a reader that is not an io.ByteReader in a small
	// bufio.Reader; a larger one reads the inflating zip stream in fewer,
	// bigger calls.
	br := bufio.NewReaderSize(r, 64<<10)
	d := xml.NewDecoder(br)
	return &tokenizer{dec: d, stack: make([]string, 0, 16)}
}

// depth is the number of open elements, counting the one a tokStart has just
// opened and not counting the one a tokEnd has just closed.
func (z *tokenizer) depth() int { return len(z.stack) }

// parent returns the local name of the open element n levels above the
// innermost one (0 is the innermost), or "" if there is none. It lets the
// readers recognise <t> inside <si> or <r> without keeping their own stack.
func (z *tokenizer) parent(n int) string {
	i := len(z.stack) - 1 - n
	if i < 0 {
		return ""
	}
	return z.stack[i]
}

// unexpectedEOF wraps io.ErrUnexpectedEOF with the innermost open element so
// that the message says where the part was cut.
func (z *tokenizer) unexpectedEOF() error {
	if len(z.stack) == 0 {
		return fmt.Errorf("%w: no root element", io.ErrUnexpectedEOF)
	}
	return fmt.Errorf("%w inside <%s>", io.ErrUnexpectedEOF, clip(z.stack[len(z.stack)-1]))
}

// next returns the next start, end or text token. It returns io.EOF once the
// root element has closed (anything after it is not read), and an error
// wrapping io.ErrUnexpectedEOF if the input ends while elements are open.
func (z *tokenizer) next() (*token, error) {
	if z.done {
		return nil, io.EOF
	}
	for {
		t, err := z.dec.RawToken()
		if err != nil {
			if errors.Is(err, io.EOF) && t == nil {
				return nil, z.unexpectedEOF()
			}
			return nil, err
		}
		switch t := t.(type) {
		case xml.StartElement:
			if len(z.stack) == 0 && z.rootSeen {
				return nil, fmt.Errorf("second root element <%s>", clip(t.Name.Local))
			}
			if len(z.stack) >= maxDepth {
				return nil, fmt.Errorf("elements nested deeper than %d", maxDepth)
			}
			z.rootSeen = true
			z.stack = append(z.stack, t.Name.Local)
			z.tok.kind = tokStart
			z.tok.name = t.Name.Local
			z.tok.attrs = z.tok.attrs[:0]
			for _, a := range t.Attr {
				z.tok.attrs = append(z.tok.attrs, attr{prefix: a.Name.Space, local: a.Name.Local, value: a.Value})
			}
			z.tok.text = nil
			return &z.tok, nil
		case xml.EndElement:
			if len(z.stack) == 0 {
				return nil, fmt.Errorf("unexpected end element </%s>", clip(t.Name.Local))
			}
			if top := z.stack[len(z.stack)-1]; top != t.Name.Local {
				return nil, fmt.Errorf("element <%s> closed by </%s>", clip(top), clip(t.Name.Local))
			}
			z.stack = z.stack[:len(z.stack)-1]
			if len(z.stack) == 0 {
				z.done = true
			}
			z.tok.kind = tokEnd
			z.tok.name = t.Name.Local
			z.tok.attrs = z.tok.attrs[:0]
			z.tok.text = nil
			return &z.tok, nil
		case xml.CharData:
			if len(z.stack) == 0 {
				continue // whitespace around the root element
			}
			z.tok.kind = tokText
			z.tok.name = ""
			z.tok.attrs = z.tok.attrs[:0]
			z.tok.text = t
			return &z.tok, nil
		default:
			// Comments, processing instructions and directives carry
			// nothing a reader here needs.
		}
	}
}
