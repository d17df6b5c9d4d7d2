package ikk

import (
	"encoding/binary"
	"iter"
	"slices"
	"strconv"
	"strings"
)

// IssueList holds a run's issues compactly. A survey with a bad cell in one
// row in six lists MaxIssues of them: as Issue values (eight strings, a
// slice and an error each) in one growing slice they cost some 40 MB with
// the copies of its growth, and the collector scanned them on every cycle.
// Here an issue is a record of small numbers: the strings it shares with
// thousands of others (file, sheet, column, code, message) are kept once,
// its cell reference is rebuilt from its row, and its value is copied into
// a byte arena, so that the list is pointer-free, grows by blocks that are
// never copied, and keeps no row of the input alive. An Issue is built
// again, unchanged, only when a writer asks for it.
//
// The zero value is an empty list. A list is filled by one goroutine and,
// once filled, may be read by many.
type IssueList struct {
	blocks [][]issueRec
	n      int
	places []issuePlace // places[0] is the zero place
	pindex map[issuePlace]uint32
	kinds  []issueKind // kinds[0] is the zero kind
	kindex map[issueKind]uint32
	params [][]string   // each kind's parameters
	extras []issueExtra // extras[0] is none
	text   [][]byte
	// recent are the last parameter lists kept with their issues.
	recent     [recentParams]paramsKey
	nextRecent int
}

const (
	issueBlock = 4096     // records per block
	textBlock  = 64 << 10 // bytes per arena block
)

// issueRec is one issue: 32 bytes, no pointer.
type issueRec struct {
	row                    int64
	place, kind, extra     uint32
	text, textOff, textLen uint32 // the value: arena block, offset, length
}

// issueExtra is what few issues carry: a skipped file's cause, the
// spellings and candidates of an issue of a unit's name.
type issueExtra struct {
	cause      error
	spellings  []Spelling
	candidates []Place
}

// issuePlace is where issues are: thousands share one.
type issuePlace struct{ file, sheet string }

// issueKind is what an issue is, but for its row and value: the invalid
// values of a column share one. cell is the cell reference's letters when
// cellRow says its number is the issue's row, as it nearly always is, else
// the whole reference.
type issueKind struct {
	column, field, code, detail, cell string
	cellRow                           bool
	params                            paramsKey
	// inline names the parameters whose values are the issue's own (the
	// first row of a duplicate family): small values kept in the arena
	// after the issue's value, so that a hundred thousand duplicates are
	// one kind and not a hundred thousand. "" for none.
	inline string
}

// inlineParams bounds the bytes of parameter values kept with each issue.
const inlineParams = 96

// paramsKey identifies a parameter list by its backing array: lists are
// shared between the issues of a column, and never changed once made.
type paramsKey struct {
	first *string
	n     int
}

// NewIssueList returns a list of the given issues.
func NewIssueList(issues ...Issue) IssueList {
	var l IssueList
	for _, is := range issues {
		l.Append(is)
	}
	return l
}

// Len is the number of issues in the list.
func (l *IssueList) Len() int { return l.n }

// Append adds an issue at the end of the list.
func (l *IssueList) Append(is Issue) {
	if l.pindex == nil {
		l.pindex, l.kindex = map[issuePlace]uint32{}, map[issueKind]uint32{}
		l.places, l.kinds, l.params, l.extras = []issuePlace{{}}, []issueKind{{}}, [][]string{nil}, []issueExtra{{}}
	}
	kind, inline := l.kind(is)
	r := issueRec{row: int64(is.Row), place: l.place(is), kind: kind, extra: l.extra(is)}
	if inline {
		r.text, r.textOff, r.textLen = l.keepWithParams(is.Value, is.Params)
	} else {
		r.text, r.textOff, r.textLen = l.keep(is.Value)
	}
	l.appendRec(r)
}

// At rebuilds the i-th issue.
func (l *IssueList) At(i int) Issue {
	r := &l.blocks[i/issueBlock][i%issueBlock]
	p, k := &l.places[r.place], &l.kinds[r.kind]
	is := Issue{
		File: p.file, Sheet: p.sheet, Row: int(r.row), Column: k.column, Field: k.field,
		Code: k.code, Detail: k.detail, Cell: k.cell, Params: l.params[r.kind],
	}
	if k.inline != "" {
		is.Params = l.inlineValues(r, l.params[r.kind])
	}
	if r.extra != 0 {
		x := &l.extras[r.extra]
		is.Cause, is.Spellings, is.Candidates = x.cause, x.spellings, x.candidates
	}
	if k.cellRow {
		is.Cell += strconv.FormatInt(r.row, 10)
	}
	if r.textLen > 0 {
		is.Value = string(l.text[r.text][r.textOff : r.textOff+r.textLen])
	}
	return is
}

// Code is the code of issue i, read without building the issue: a look
// for one kind among a hundred thousand issues builds only those.
func (l *IssueList) Code(i int) string {
	return l.kinds[l.blocks[i/issueBlock][i%issueBlock].kind].code
}

// All yields the issues in order, with their index.
func (l *IssueList) All() iter.Seq2[int, Issue] {
	return func(yield func(int, Issue) bool) {
		for i := range l.n {
			if !yield(i, l.At(i)) {
				return
			}
		}
	}
}

// Slice returns the issues as a slice, for the few that need one.
func (l *IssueList) Slice() []Issue {
	out := make([]Issue, 0, l.n)
	for _, is := range l.All() {
		out = append(out, is)
	}
	return out
}

// place interns an issue's file and sheet. What is interned is cloned: a
// slice of a row's text would keep the row alive.
func (l *IssueList) place(is Issue) uint32 {
	p := issuePlace{is.File, is.Sheet}
	if p == (issuePlace{}) {
		return 0
	}
	if k, ok := l.pindex[p]; ok {
		return k
	}
	p = issuePlace{strings.Clone(p.file), strings.Clone(p.sheet)}
	k := uint32(len(l.places))
	l.places = append(l.places, p)
	l.pindex[p] = k
	return k
}

// kind interns what an issue is: its column, codes, parameters and the
// letters of its cell.
func (l *IssueList) kind(is Issue) (uint32, bool) {
	k := issueKind{column: is.Column, field: is.Field, code: is.Code, detail: is.Detail, cell: is.Cell}
	if letters, ok := cellLetters(is.Cell, is.Row); ok {
		k.cell, k.cellRow = letters, true
	}
	inline := false
	keep := is.Params // the list a new shared kind keeps
	if len(is.Params) > 0 {
		// A list met again (a column's accepted answers, shared by its
		// invalid cells) is kept once, however small; a list of the issue's
		// own (a duplicate's first row) is kept with the issue. A kind found
		// by the list's array serves only while the array holds what the
		// kind kept: a caller that refills one array issue after issue gets
		// each issue's own values back.
		k.params = paramsKey{&is.Params[0], len(is.Params)}
		i, known := l.kindex[k]
		if known && slices.Equal(l.params[i], is.Params) {
			return i, false
		}
		names, small := inlineNames(is.Params)
		switch {
		case small && (known || !l.metBefore(k.params)):
			k.params, k.inline, inline = paramsKey{}, names, true
		case small:
			// A copy, so that the check above sees a change of the
			// caller's array, and no string of the caller's is kept.
			keep = cloneStrings(is.Params)
		case known:
			// A large list changed since its array was kept: kept again,
			// under the array of its copy, which no caller holds.
			keep = slices.Clone(is.Params)
			k.params = paramsKey{&keep[0], len(keep)}
		default:
			// The array copied for the same check; its strings, a
			// column's vocabulary, are shared.
			keep = slices.Clone(is.Params)
		}
	}
	if k == (issueKind{}) {
		return 0, false
	}
	if i, ok := l.kindex[k]; ok {
		return i, inline
	}
	k.column, k.field, k.code, k.detail, k.cell = strings.Clone(k.column), strings.Clone(k.field), strings.Clone(k.code), strings.Clone(k.detail), strings.Clone(k.cell)
	k.inline = strings.Clone(k.inline)
	i := uint32(len(l.kinds))
	l.kinds = append(l.kinds, k)
	if inline {
		var list []string // the names alone: the values are each issue's
		for j := 0; j < len(is.Params); j += 2 {
			list = append(list, strings.Clone(is.Params[j]))
		}
		l.params = append(l.params, list)
	} else {
		l.params = append(l.params, keep)
	}
	l.kindex[k] = i
	return i, inline
}

// cloneStrings copies a list and its strings.
func cloneStrings(list []string) []string {
	out := make([]string, len(list))
	for i, v := range list {
		out[i] = strings.Clone(v)
	}
	return out
}

// metBefore reports whether the parameter list p was among the last
// recentParams lists that were kept with their issues, and notes it. A
// column's list comes back within a few issues; an issue's own list, made
// for it, never does. The keys hold their lists' arrays, so no other list
// can take one's address while it is remembered.
func (l *IssueList) metBefore(p paramsKey) bool {
	for _, r := range l.recent {
		if r == p {
			return true
		}
	}
	l.recent[l.nextRecent] = p
	l.nextRecent = (l.nextRecent + 1) % len(l.recent)
	return false
}

// recentParams is how many parameter lists kept with their issues are
// remembered for metBefore.
const recentParams = 64

// inlineNames says whether parameters are small enough to be kept with
// each issue, and then their names, each after its length: the key of the
// kind they share. Large lists (the accepted codes of a column) are shared
// between issues and kept once by their backing array.
func inlineNames(params []string) (string, bool) {
	if len(params) == 0 || len(params)%2 != 0 || len(params) > 8 {
		return "", false
	}
	size := 0
	for i := 1; i < len(params); i += 2 {
		size += len(params[i])
	}
	if size > inlineParams {
		return "", false
	}
	// Each name after its length: no two lists of names share a key, and
	// a list of one empty name is not the empty key (no inline values).
	var b []byte
	for i := 0; i < len(params); i += 2 {
		b = binary.AppendUvarint(b, uint64(len(params[i])))
		b = append(b, params[i]...)
	}
	return string(b), true
}

// cellLetters splits a cell reference such as "E12" whose number is row.
func cellLetters(ref string, row int) (string, bool) {
	i := len(ref)
	for i > 0 && ref[i-1] >= '0' && ref[i-1] <= '9' {
		i--
	}
	if i > 0 && i < len(ref) && ref[i] != '0' && ref[i:] == strconv.Itoa(row) {
		return ref[:i], true
	}
	return "", false
}

func (l *IssueList) extra(is Issue) uint32 {
	if is.Cause == nil && is.Spellings == nil && is.Candidates == nil {
		return 0
	}
	l.extras = append(l.extras, issueExtra{is.Cause, is.Spellings, is.Candidates})
	return uint32(len(l.extras) - 1)
}

// Insert returns the first n issues of the list with others placed among
// them in order: extra[k] goes before the first issue for which
// before(&extra[k], file, row) holds, the rest at the end. The issues of
// the list are moved as records, not rebuilt (a hundred thousand of them
// cost nothing to move); the result takes over the list's tables, and the
// list is left empty.
func (l *IssueList) Insert(n int, extra []Issue, before func(e *Issue, file string, row int) bool) IssueList {
	blocks := l.blocks
	out := *l
	out.blocks, out.n = nil, 0
	*l = IssueList{}
	k := 0
	for j := range n {
		r := blocks[j/issueBlock][j%issueBlock]
		for k < len(extra) && before(&extra[k], out.places[r.place].file, int(r.row)) {
			out.Append(extra[k])
			k++
		}
		out.appendRec(r)
	}
	for ; k < len(extra); k++ {
		out.Append(extra[k])
	}
	return out
}

func (l *IssueList) appendRec(r issueRec) {
	if l.n%issueBlock == 0 {
		l.blocks = append(l.blocks, make([]issueRec, 0, issueBlock))
	}
	b := &l.blocks[len(l.blocks)-1]
	*b = append(*b, r)
	l.n++
}

// keepWithParams copies a value into the arena followed by the values of
// its parameters, each after its length; the length returned is the
// value's.
func (l *IssueList) keepWithParams(v string, params []string) (block, off, n uint32) {
	buf := make([]byte, 0, len(v)+inlineParams+2*len(params))
	buf = append(buf, v...)
	for i := 1; i < len(params); i += 2 {
		buf = binary.AppendUvarint(buf, uint64(len(params[i])))
		buf = append(buf, params[i]...)
	}
	block, off, _ = l.keep(string(buf))
	return block, off, uint32(len(v))
}

// inlineValues rebuilds the parameters kept after a record's value.
func (l *IssueList) inlineValues(r *issueRec, names []string) []string {
	b := l.text[r.text][r.textOff+r.textLen:]
	out := make([]string, 0, 2*len(names))
	for _, name := range names {
		n, k := binary.Uvarint(b)
		out = append(out, name, string(b[k:k+int(n)]))
		b = b[k+int(n):]
	}
	return out
}

// keep copies a value into the arena.
func (l *IssueList) keep(v string) (block, off, n uint32) {
	if v == "" {
		return 0, 0, 0
	}
	last := len(l.text) - 1
	if last < 0 || len(l.text[last])+len(v) > cap(l.text[last]) {
		l.text = append(l.text, make([]byte, 0, max(textBlock, len(v))))
		last++
	}
	b := &l.text[last]
	off = uint32(len(*b))
	*b = append(*b, v...)
	return uint32(last), off, uint32(len(v))
}
