package xlsx

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"path"
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
	rc, err := w.openSmallPart(name)
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
	rc, err := w.openSmallPart(name)
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

// appendUnescapeXstring decodes the _xHHHH_ escapes OOXML uses for
// characters XML 1.0 cannot carry (Excel writes a carriage return as
// _x000D_, and a literal "_x" sequence with its underscore escaped as
// _x005F_), appending to dst. excelize decodes them in shared and inline
// strings too, so values agree with it. The result is never longer than s.
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
