package ikk

import (
	"iter"
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
}

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
	if l.n%issueBlock == 0 {
		l.blocks = append(l.blocks, make([]issueRec, 0, issueBlock))
	}
	r := issueRec{row: int64(is.Row), place: l.place(is), kind: l.kind(is), extra: l.extra(is)}
	r.text, r.textOff, r.textLen = l.keep(is.Value)
	b := &l.blocks[len(l.blocks)-1]
	*b = append(*b, r)
	l.n++
}

// At rebuilds the i-th issue.
func (l *IssueList) At(i int) Issue {
	r := &l.blocks[i/issueBlock][i%issueBlock]
	p, k := &l.places[r.place], &l.kinds[r.kind]
	is := Issue{
		File: p.file, Sheet: p.sheet, Row: int(r.row), Column: k.column, Field: k.field,
		Code: k.code, Detail: k.detail, Cell: k.cell, Params: l.params[r.kind],
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
func (l *IssueList) kind(is Issue) uint32 {
	k := issueKind{column: is.Column, field: is.Field, code: is.Code, detail: is.Detail, cell: is.Cell}
	if len(is.Params) > 0 {
		k.params = paramsKey{&is.Params[0], len(is.Params)}
	}
	if letters, ok := cellLetters(is.Cell, is.Row); ok {
		k.cell, k.cellRow = letters, true
	}
	if k == (issueKind{}) {
		return 0
	}
	if i, ok := l.kindex[k]; ok {
		return i
	}
	k.column, k.field, k.code, k.detail, k.cell = strings.Clone(k.column), strings.Clone(k.field), strings.Clone(k.code), strings.Clone(k.detail), strings.Clone(k.cell)
	i := uint32(len(l.kinds))
	l.kinds = append(l.kinds, k)
	l.params = append(l.params, is.Params)
	l.kindex[k] = i
	return i
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
