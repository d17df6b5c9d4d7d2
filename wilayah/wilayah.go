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
	"errors"
	"fmt"
	"io"
	"slices"
	"sort"
	"strings"
	"sync"
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
}

var (
	loadOnce sync.Once
	builtin  *Register
	loadErr  error
)

// Builtin is the embedded register, read on first use (about 90,000 units).
func Builtin() (*Register, error) {
	loadOnce.Do(func() {
		zr, err := gzip.NewReader(bytes.NewReader(embedded))
		if err != nil {
			loadErr = err
			return
		}
		builtin, loadErr = Read(zr)
	})
	return builtin, loadErr
}

// Source says where the embedded register comes from: the package, its
// version and checksum.
func Source() string { return strings.TrimSpace(source) }

// Read reads a register of "code<TAB>name" lines, or of CSV lines
// "code,name" (a user's newer or corrected register): codes dotted or as
// digits only, any order.
func Read(r io.Reader) (*Register, error) {
	reg := &Register{}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 1<<20)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || (n == 1 && strings.HasPrefix(strings.ToLower(line), "code")) {
			continue
		}
		code, name, ok := strings.Cut(line, "\t")
		if !ok {
			code, name, ok = strings.Cut(line, ",")
		}
		c, valid := Normalize(code)
		name = strings.Trim(strings.TrimSpace(name), `"`)
		if !ok || !valid || name == "" {
			return nil, fmt.Errorf("line %d: %q is not a code and a name", n, line)
		}
		reg.units = append(reg.units, Unit{Code: c, Name: name})
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	if len(reg.units) == 0 {
		return nil, errors.New("the register holds no unit")
	}
	sort.SliceStable(reg.units, func(i, j int) bool { return reg.units[i].Code < reg.units[j].Code })
	for i := 1; i < len(reg.units); i++ {
		if reg.units[i].Code == reg.units[i-1].Code {
			return nil, fmt.Errorf("code %s is given twice", reg.units[i].Code)
		}
	}
	return reg, nil
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
	prefix := c + "."
	i := sort.Search(len(r.units), func(i int) bool { return r.units[i].Code >= prefix })
	var out []Unit
	for ; i < len(r.units) && strings.HasPrefix(r.units[i].Code, prefix); i++ {
		if r.units[i].Parent() == c {
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
