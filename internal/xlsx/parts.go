package xlsx

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"path"
	"strconv"
	"strings"
	"unicode/utf8"
)

// rel is one relationship from a .rels part.
type rel struct {
	id       string
	target   string // resolved part name
	typ      string
	external bool
}

func findRel(rels []rel, id string) (rel, bool) {
	for _, r := range rels {
		if r.id == id {
			return r, true
		}
	}
	return rel{}, false
}

// partErr names the part in an error, unless the size guard already did.
func partErr(name string, err error) error {
	if errors.Is(err, ErrTooLarge) {
		return err
	}
	return fmt.Errorf("%s: %w", name, err)
}

// readRels reads a relationships part. A missing part is not an error here:
// it leaves every sheet unresolved, which Rows reports per sheet.
func (w *Workbook) readRels(name string) ([]rel, error) {
	if w.lookup(name) == nil {
		return nil, nil
	}
	rc, err := w.openPart(name)
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	// Targets are relative to the folder of the part that owns the .rels,
	// which is the folder above "_rels".
	baseDir := path.Dir(path.Dir(name))
	var rels []rel
	z := newTokenizer(rc)
	for {
		t, err := z.next()
		if err == io.EOF {
			return rels, nil
		}
		if err != nil {
			return nil, partErr(name, err)
		}
		if t.kind != tokStart || t.name != "Relationship" || z.depth() != 2 {
			continue
		}
		var r rel
		r.id, _ = t.attr("Id")
		r.typ, _ = t.attr("Type")
		mode, _ := t.attr("TargetMode")
		r.external = strings.EqualFold(mode, "External")
		target, _ := t.attr("Target")
		if !r.external {
			r.target = resolveTarget(baseDir, target)
		}
		rels = append(rels, r)
	}
}

// readWorkbook lists the sheets in tab order. Each sheetRef.part holds the
// relationship id until load resolves it.
func (w *Workbook) readWorkbook(name string) ([]sheetRef, error) {
	rc, err := w.openPart(name)
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	var sheets []sheetRef
	z := newTokenizer(rc)
	for {
		t, err := z.next()
		if err == io.EOF {
			return sheets, nil
		}
		if err != nil {
			return nil, partErr(name, err)
		}
		if t.kind != tokStart || t.name != "sheet" || z.depth() != 3 || z.parent(1) != "sheets" {
			continue
		}
		var s sheetRef
		s.name, _ = t.attr("name")
		state, _ := t.attr("state")
		s.hidden = strings.EqualFold(state, "hidden") || strings.EqualFold(state, "veryHidden")
		// r:id; the prefix and its namespace differ between transitional
		// and Strict files, the local name does not. "sheetId" is a
		// different local name and is not matched.
		id, ok := t.attr("id")
		switch {
		case !ok || id == "":
			s.problem = "no r:id in " + name
		default:
			s.part = id
		}
		sheets = append(sheets, s)
	}
}

// readSharedStrings loads the whole shared-string table: cells refer to it by
// index in any order, so streaming it would mean seeking.
func (w *Workbook) readSharedStrings(name string) ([]string, error) {
	rc, err := w.openPart(name)
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	var (
		sst []string
		buf []byte
	)
	z := newTokenizer(rc)
	for {
		t, err := z.next()
		if err == io.EOF {
			return sst, nil
		}
		if err != nil {
			return nil, partErr(name, err)
		}
		switch t.kind {
		case tokStart:
			if t.name == "sst" && z.depth() == 1 && sst == nil {
				// Preallocate from the writer's count, capped because the
				// count is only a claim.
				if n, err := strconv.Atoi(attrOr(t, "uniqueCount", "0")); err == nil && n > 0 {
					sst = make([]string, 0, min(n, 1<<16))
				}
			}
			if t.name == "si" && z.depth() == 2 {
				buf = buf[:0]
			}
		case tokText:
			if isStringText(z, "si", 2) {
				buf = append(buf, t.text...)
			}
		case tokEnd:
			if t.name == "si" && z.depth() == 1 {
				sst = append(sst, unescapeXstring(string(buf)))
			}
		}
	}
}

func attrOr(t *token, local, def string) string {
	if v, ok := t.attr(local); ok {
		return v
	}
	return def
}

// isStringText reports whether the text being read belongs to a string item
// (<si> or <is>, named by container, at containerDepth): text of its own <t>
// or of the <t> of a rich-text run <r>. The <t> inside a phonetic run <rPh>
// is a reading aid for East Asian text, not part of the value.
func isStringText(z *tokenizer, container string, containerDepth int) bool {
	if z.parent(0) != "t" {
		return false
	}
	switch z.depth() {
	case containerDepth + 1:
		return z.parent(1) == container
	case containerDepth + 2:
		return z.parent(1) == "r" && z.parent(2) == container
	}
	return false
}

// unescapeXstring decodes the _xHHHH_ escapes OOXML uses for characters XML
// 1.0 cannot carry (Excel writes a carriage return as _x000D_, and a literal
// "_x" sequence with its underscore escaped as _x005F_). excelize decodes
// them in shared and inline strings too, so values agree with it.
func unescapeXstring(s string) string {
	i := strings.Index(s, "_x")
	if i < 0 {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for i >= 0 {
		b.WriteString(s[:i])
		s = s[i:]
		if r, ok := xstringEscape(s); ok {
			b.WriteRune(r)
			s = s[7:]
		} else {
			b.WriteString("_x")
			s = s[2:]
		}
		i = strings.Index(s, "_x")
	}
	b.WriteString(s)
	return b.String()
}

// appendUnescapeXstring is unescapeXstring appending to dst, for the sheet
// reader, which gathers a row's values in one buffer.
func appendUnescapeXstring(dst, s []byte) []byte {
	if bytes.IndexByte(s, '_') < 0 {
		return append(dst, s...)
	}
	for {
		i := bytes.Index(s, []byte("_x"))
		if i < 0 {
			return append(dst, s...)
		}
		dst = append(dst, s[:i]...)
		s = s[i:]
		if r, ok := xstringEscape(s); ok {
			dst = utf8.AppendRune(dst, r)
			s = s[7:]
		} else {
			dst = append(dst, "_x"...)
			s = s[2:]
		}
	}
}

// xstringEscape decodes "_xHHHH_" at the start of s. Surrogate halves are
// left as they are, since they cannot be written as UTF-8.
func xstringEscape[T string | []byte](s T) (rune, bool) {
	if len(s) < 7 || s[6] != '_' {
		return 0, false
	}
	var r rune
	for i := 2; i < 6; i++ {
		c := s[i]
		var d byte
		switch {
		case '0' <= c && c <= '9':
			d = c - '0'
		case 'a' <= c && c <= 'f':
			d = c - 'a' + 10
		case 'A' <= c && c <= 'F':
			d = c - 'A' + 10
		default:
			return 0, false
		}
		r = r<<4 | rune(d)
	}
	if !utf8.ValidRune(r) {
		return 0, false
	}
	return r, true
}
