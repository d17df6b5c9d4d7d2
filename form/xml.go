package form

import (
	"bufio"
	"io"
	"strings"
)

// The escapes of XML: in text, & and <, and > for symmetry; in an
// attribute also its quote and the white space that attribute
// normalisation would turn into spaces.
var (
	textEscaper = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;")
	attrEscaper = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;", "\n", "&#10;", "\r", "&#13;", "\t", "&#9;")
)

// elem is an XML element built in memory and written indented, attributes
// in the order given, so that the same form gives the same bytes.
type elem struct {
	name  string
	attrs [][2]string
	text  string
	kids  []*elem
}

func el(name string, attrs ...string) *elem {
	e := &elem{name: name}
	for i := 0; i+1 < len(attrs); i += 2 {
		e.attrs = append(e.attrs, [2]string{attrs[i], attrs[i+1]})
	}
	return e
}

// add appends children and returns e.
func (e *elem) add(kids ...*elem) *elem {
	e.kids = append(e.kids, kids...)
	return e
}

// with sets the text and returns e.
func (e *elem) with(text string) *elem {
	e.text = text
	return e
}

// attr appends an attribute when its value is not empty.
func (e *elem) attr(name, value string) *elem {
	if value != "" {
		e.attrs = append(e.attrs, [2]string{name, value})
	}
	return e
}

func writeXML(w io.Writer, root *elem) error {
	bw := bufio.NewWriter(w)
	bw.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n")
	root.write(bw, 0)
	return bw.Flush()
}

func (e *elem) write(w *bufio.Writer, depth int) {
	indent := strings.Repeat("  ", depth)
	w.WriteString(indent + "<" + e.name)
	for _, a := range e.attrs {
		w.WriteString(" " + a[0] + `="` + attrEscaper.Replace(a[1]) + `"`)
	}
	switch {
	case len(e.kids) == 0 && e.text == "":
		w.WriteString("/>\n")
	case len(e.kids) == 0:
		w.WriteString(">" + textEscaper.Replace(e.text) + "</" + e.name + ">\n")
	default:
		w.WriteString(">\n")
		for _, k := range e.kids {
			k.write(w, depth+1)
		}
		w.WriteString(indent + "</" + e.name + ">\n")
	}
}
