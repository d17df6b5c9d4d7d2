// Package wilayah is the Kemendagri register of Indonesia's administrative
// units: every province, kabupaten/kota, kecamatan and desa/kelurahan with
// its code and official name, embedded so that ikk names villages as the
// state names them, offline in a district office.
//
// The register is built from the npm package idn-area-data (data under the
// Open Database License 1.0; see NOTICE) by scripts/wilayah-update, which
// records the package version and checksum in SOURCE.
package wilayah

import (
	"bufio"
	"bytes"
	"compress/gzip"
	_ "embed"
	"encoding/binary"
	"fmt"
	"io"
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
	"unsafe"
)

//go:embed register.tsv.gz
var embedded []byte

//go:embed SOURCE
var source string

// Level is how deep a unit stands: a code's number of parts.
type Level int

const (
	Province  Level = 1 // "63"
	Kabupaten Level = 2 // "63.09": kabupaten or kota
	Kecamatan Level = 3 // "63.09.02"
	Desa      Level = 4 // "63.09.02.2002": desa or kelurahan
)

// Unit is one entry of the register.
type Unit struct {
	Code string // dotted: "63.09.02.2002"
	Name string // as the register writes it: "Ampukung", "Kabupaten Tabalong"
}

// Level is the unit's depth, from its code.
func (u Unit) Level() Level { return Level(strings.Count(u.Code, ".") + 1) }

// Kelurahan says a desa-level unit is a kelurahan: its number within the
// kecamatan starts with 1 (kelurahan 1xxx, desa 2xxx).
func (u Unit) Kelurahan() bool {
	return u.Level() == Desa && strings.HasPrefix(u.Code[strings.LastIndexByte(u.Code, '.')+1:], "1")
}

// Parent is the code of the unit above, "" for a province.
func (u Unit) Parent() string {
	if i := strings.LastIndexByte(u.Code, '.'); i > 0 {
		return u.Code[:i]
	}
	return ""
}

// Register is a set of units by code.
type Register struct {
	units []Unit // sorted by code
	// byKey indexes the units by NameKey, built on the first look-up by
	// name: a survey's names are resolved without a scan of 90,000 units
	// each.
	keyOnce sync.Once
	byKey   map[string][]int32
}

var (
	loadOnce sync.Once
	builtin  *Register
	loadErr  error
)

// Builtin is the embedded register, read on first use (about 90,000 units).
func Builtin() (*Register, error) {
	loadOnce.Do(func() { builtin, loadErr = readEmbedded() })
	return builtin, loadErr
}

// maxEmbeddedText bounds the buffer the gzip trailer's size asks for.
const maxEmbeddedText = 64 << 20

// readEmbedded reads the embedded register without Read's checks, which
// scripts/wilayahgen made when it wrote it (sorted, dotted, unique codes):
// every scoring run loads it, and the names are slices of one text.
func readEmbedded() (*Register, error) {
	zr, err := gzip.NewReader(bytes.NewReader(embedded))
	if err != nil {
		return nil, err
	}
	// The gzip trailer gives the text's size: the text is read into one
	// buffer of that size, not one grown again and again, and made a
	// string in place, not copied (both were most of a scoring run's
	// start). The read past it checks that the text ends there and that
	// its checksum holds.
	var size uint32
	if n := len(embedded); n >= 4 {
		size = min(binary.LittleEndian.Uint32(embedded[n-4:]), maxEmbeddedText)
	}
	data := make([]byte, size)
	if _, err := io.ReadFull(zr, data); err != nil {
		return nil, fmt.Errorf("the embedded register is damaged: %w", err)
	}
	if n, err := zr.Read(make([]byte, 1)); n != 0 || err != io.EOF {
		return nil, fmt.Errorf("the embedded register is damaged: its text does not end where its trailer says (%v)", err)
	}
	text := unsafe.String(unsafe.SliceData(data), len(data))
	reg := &Register{units: make([]Unit, 0, strings.Count(text, "\n"))}
	for line := range strings.Lines(text) {
		code, name, ok := strings.Cut(strings.TrimSuffix(line, "\n"), "\t")
		if !ok {
			return nil, fmt.Errorf("the embedded register is damaged near %q", clip(line))
		}
		reg.units = append(reg.units, Unit{Code: code, Name: name})
	}
	return reg, nil
}

// Source says where the embedded register comes from: the package, its
// version and checksum.
func Source() string { return strings.TrimSpace(source) }

// Read reads a register of "code<TAB>name" lines, or of CSV lines
// "code,name" or "code;name" (a user's newer or corrected register, as a
// spreadsheet saves it): codes dotted or as digits only, any order, a
// header line and a byte-order mark allowed. Its problems are *ReadError.
func Read(r io.Reader) (*Register, error) {
	reg := &Register{}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 1<<20)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if n == 1 {
			line = strings.TrimPrefix(line, "\ufeff")
			if strings.HasPrefix(line, "PK\x03\x04") {
				// A zip archive: an .xlsx (or .ods) given for the CSV.
				return nil, &ReadError{Line: n, Problem: ProblemWorkbook}
			}
		}
		if line == "" {
			continue
		}
		code, name, sep, ok := cutField(line)
		c, valid := Normalize(strings.Trim(code, `"`))
		if n == 1 && !valid && isHeader(code) {
			if cols := columns(name, sep); cols > 2 {
				// A header of many columns: a survey or another table
				// given for the register, told as such at once rather
				// than by the code its rows repeat.
				return nil, &ReadError{Line: n, Text: clip(line), Columns: cols, Problem: ProblemColumns}
			}
			continue
		}
		if cols := columns(name, sep); ok && cols > 2 {
			return nil, &ReadError{Line: n, Text: clip(line), Columns: cols, Problem: ProblemColumns}
		}
		name = strings.TrimSpace(strings.Trim(strings.TrimSpace(name), `"`))
		if !ok || !valid || name == "" {
			return nil, &ReadError{Line: n, Text: clip(line), Problem: ProblemNotCodeName}
		}
		reg.units = append(reg.units, Unit{Code: c, Name: name})
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	if len(reg.units) == 0 {
		return nil, &ReadError{Problem: ProblemEmpty}
	}
	sort.SliceStable(reg.units, func(i, j int) bool { return reg.units[i].Code < reg.units[j].Code })
	for i := 1; i < len(reg.units); i++ {
		if reg.units[i].Code == reg.units[i-1].Code {
			return nil, &ReadError{Code: reg.units[i].Code, Problem: ProblemCodeTwice}
		}
	}
	return reg, nil
}

// cutField splits a line at its first tab, else its first comma or
// semicolon (a spreadsheet in an Indonesian locale saves CSV with ";").
func cutField(line string) (code, name string, sep byte, ok bool) {
	if code, name, ok = strings.Cut(line, "\t"); ok {
		return code, name, '\t', ok
	}
	i := strings.IndexAny(line, ",;")
	if i < 0 {
		return line, "", 0, false
	}
	return line[:i], line[i+1:], line[i], true
}

// columns counts the columns of a line whose first one is cut off and
// whose rest is name: 2 for a name alone. A quoted name may hold the
// separator.
func columns(name string, sep byte) int {
	if sep == 0 {
		return 1
	}
	if t := strings.TrimSpace(name); strings.HasPrefix(t, `"`) && strings.Count(t, `"`) == 2 && strings.HasSuffix(t, `"`) {
		return 2
	}
	return 2 + strings.Count(name, string(sep))
}

// isHeader says a first field is a header's word ("code", "kode"), not a
// mistyped code.
func isHeader(field string) bool {
	for _, r := range strings.Trim(field, `" `) {
		if !unicode.IsLetter(r) && r != '_' && r != ' ' {
			return false
		}
	}
	return field != ""
}

func clip(s string) string {
	if len(s) > 80 {
		i := 80
		for i > 0 && !utf8.RuneStart(s[i]) {
			i--
		}
		return s[:i] + "…"
	}
	return s
}

// ReadError is a problem of a register file: a line that is not a code and
// a name, a code given twice, or no unit at all.
type ReadError struct {
	Line    int    // the line, for ProblemNotCodeName
	Text    string // the line as read, cut to 80 bytes
	Code    string // the code, for ProblemCodeTwice
	Columns int    // the line's columns, for ProblemColumns
	Problem string
}

// The problems of a register file, for a writer to say in its words.
const (
	ProblemNotCodeName = "not_code_name"
	ProblemCodeTwice   = "code_twice"
	ProblemEmpty       = "empty"
	// ProblemColumns is a line of more than two columns: most often a
	// survey given where the register was meant.
	ProblemColumns = "columns"
	// ProblemWorkbook is a spreadsheet workbook (a zip archive) where a
	// text file was meant.
	ProblemWorkbook = "workbook"
)

func (e *ReadError) Error() string {
	switch e.Problem {
	case ProblemNotCodeName:
		return fmt.Sprintf("line %d: %q is not a code and a name", e.Line, e.Text)
	case ProblemCodeTwice:
		return fmt.Sprintf("code %s is given twice", e.Code)
	case ProblemWorkbook:
		return "the register is a workbook, not a CSV text file"
	case ProblemColumns:
		return fmt.Sprintf("line %d has %d columns, a register two (code, name)", e.Line, e.Columns)
	}
	return "the register holds no unit"
}

// Len is the number of units.
func (r *Register) Len() int { return len(r.units) }

// Lookup finds a unit by its code, dotted or as digits.
func (r *Register) Lookup(code string) (Unit, bool) {
	c, ok := Normalize(code)
	if !ok {
		return Unit{}, false
	}
	i := sort.Search(len(r.units), func(i int) bool { return r.units[i].Code >= c })
	if i < len(r.units) && r.units[i].Code == c {
		return r.units[i], true
	}
	return Unit{}, false
}

// Children lists the units directly below code, in code order.
func (r *Register) Children(code string) []Unit {
	c, ok := Normalize(code)
	if !ok {
		return nil
	}
	return r.Below(c, Unit{Code: c}.Level()+1)
}

// Named lists the units whose name is name by NameKey, in code order; level
// 0 takes every level, another only that one.
func (r *Register) Named(name string, level Level) []Unit {
	r.keyOnce.Do(func() {
		r.byKey = make(map[string][]int32, len(r.units))
		for i, u := range r.units {
			k := NameKey(u.Name)
			r.byKey[k] = append(r.byKey[k], int32(i))
		}
	})
	var out []Unit
	for _, i := range r.byKey[NameKey(name)] {
		if u := r.units[i]; level == 0 || u.Level() == level {
			out = append(out, u)
		}
	}
	return out
}

// Kabupaten finds the kabupaten or kota that s names: a code ("63.09"), or
// a name as the data writes it ("Tabalong", "Kab. Tabalong", "Kota
// Banjarbaru", or "Banjarbaru" for the city when no kabupaten has that
// name). More than one unit means the name is shared.
func (r *Register) Kabupaten(s string) []Unit {
	if c, ok := Normalize(s); ok {
		if u, found := r.Lookup(c); found && u.Level() == Kabupaten {
			return []Unit{u}
		}
		return nil
	}
	if out := r.Named(s, Kabupaten); len(out) > 0 {
		return out
	}
	return r.Named("Kota "+s, Kabupaten)
}

// All lists the units of a level, in code order.
func (r *Register) All(level Level) []Unit {
	var out []Unit
	for _, u := range r.units {
		if u.Level() == level {
			out = append(out, u)
		}
	}
	return out
}

// Below lists the units of a level under code (the desa of a kabupaten),
// in code order.
func (r *Register) Below(code string, level Level) []Unit {
	c, ok := Normalize(code)
	if !ok {
		return nil
	}
	prefix := c + "."
	i := sort.Search(len(r.units), func(i int) bool { return r.units[i].Code >= prefix })
	var out []Unit
	for ; i < len(r.units) && strings.HasPrefix(r.units[i].Code, prefix); i++ {
		if r.units[i].Level() == level {
			out = append(out, r.units[i])
		}
	}
	return out
}

// Normalize writes a code dotted: "6309022002" and "63.09.02.2002" are the
// same desa. The parts are 2, 2, 2 and 4 digits; ok is false for anything
// else.
func Normalize(code string) (string, bool) {
	code = strings.TrimSpace(code)
	if code == "" {
		return "", false
	}
	if strings.Contains(code, ".") {
		parts := strings.Split(code, ".")
		if len(parts) > 4 {
			return "", false
		}
		for i, p := range parts {
			if len(p) != partLen(i) || !digits(p) {
				return "", false
			}
		}
		return code, true
	}
	if !digits(code) {
		return "", false
	}
	var parts []string
	for i := 0; len(code) > 0; i++ {
		n := partLen(i)
		if i > 3 || len(code) < n {
			return "", false
		}
		parts = append(parts, code[:n])
		code = code[n:]
	}
	return strings.Join(parts, "."), true
}

func partLen(i int) int {
	if i == 3 {
		return 4
	}
	return 2
}

func digits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// Search finds units for a person's query: a code (the unit and the units
// directly below it), or a name, optionally followed by the names of units
// above it after commas ("kelua, tabalong"). Names are compared by NameKey:
// whole names first, and parts of names when no whole name matches. At most
// limit units, in code order.
func (r *Register) Search(query string, limit int) []Unit {
	if u, ok := r.Lookup(query); ok {
		out := append([]Unit{u}, r.Children(u.Code)...)
		return out[:min(limit, len(out))]
	}
	parts := strings.Split(query, ",")
	want := NameKey(parts[0])
	if want == "" {
		return nil
	}
	var above []string
	for _, p := range parts[1:] {
		if k := NameKey(p); k != "" {
			above = append(above, k)
		}
	}
	for _, whole := range []bool{true, false} {
		var out []Unit
		for _, u := range r.units {
			k := NameKey(u.Name)
			if (whole && k != want) || (!whole && !strings.Contains(k, want)) || !r.under(u, above) {
				continue
			}
			out = append(out, u)
			if len(out) == limit {
				break
			}
		}
		if len(out) > 0 {
			return out
		}
	}
	return nil
}

// under says every name of above is the name of a unit above u.
func (r *Register) under(u Unit, above []string) bool {
	if len(above) == 0 {
		return true
	}
	path := r.Path(u)
	for _, a := range above {
		if !slices.ContainsFunc(path, func(name string) bool { return NameKey(name) == a }) {
			return false
		}
	}
	return true
}

// Path is the names of the units above u, nearest first: its kecamatan,
// kabupaten and province for a desa.
func (r *Register) Path(u Unit) []string {
	var out []string
	for p := u.Parent(); p != ""; {
		pu, ok := r.Lookup(p)
		if !ok {
			break
		}
		out = append(out, pu.Name)
		p = pu.Parent()
	}
	return out
}
