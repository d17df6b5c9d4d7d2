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
	words  []string // interned strings; words[0] is ""
	index  map[string]uint32
	params [][]string // interned parameter lists; params[0] is nil
	pindex map[paramsKey]uint32
	causes []error // causes[0] is nil
	text   [][]byte
}

const (
	issueBlock = 4096     // records per block
	textBlock  = 64 << 10 // bytes per arena block
	// cellRowFlag marks a cell kept as its column letters, its row
	// appended when the issue is rebuilt.
	cellRowFlag = 1 << 31
)

type issueRec struct {
	row                                      int64
	file, sheet, column, field, code, detail uint32
	cell                                     uint32 // a word, or letters | cellRowFlag
	params, cause                            uint32
	text, textOff, textLen                   uint32 // the value: arena block, offset, length
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
	if l.index == nil {
		l.index, l.pindex = map[string]uint32{}, map[paramsKey]uint32{}
		l.words, l.params, l.causes = []string{""}, [][]string{nil}, []error{nil}
	}
	if l.n%issueBlock == 0 {
		l.blocks = append(l.blocks, make([]issueRec, 0, issueBlock))
	}
	r := issueRec{
		row: int64(is.Row), file: l.word(is.File), sheet: l.word(is.Sheet), column: l.word(is.Column),
		field: l.word(is.Field), code: l.word(is.Code), detail: l.word(is.Detail), cell: l.cell(is.Cell, is.Row),
		params: l.paramList(is.Params), cause: l.cause(is.Cause),
	}
	r.text, r.textOff, r.textLen = l.keep(is.Value)
	b := &l.blocks[len(l.blocks)-1]
	*b = append(*b, r)
	l.n++
}

// At rebuilds the i-th issue.
func (l *IssueList) At(i int) Issue {
	r := &l.blocks[i/issueBlock][i%issueBlock]
	is := Issue{
		File: l.words[r.file], Sheet: l.words[r.sheet], Row: int(r.row), Column: l.words[r.column],
		Field: l.words[r.field], Code: l.words[r.code], Detail: l.words[r.detail],
		Params: l.params[r.params], Cause: l.causes[r.cause],
	}
	if r.cell&cellRowFlag != 0 {
		is.Cell = l.words[r.cell&^cellRowFlag] + strconv.FormatInt(r.row, 10)
	} else {
		is.Cell = l.words[r.cell]
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

// word interns s. The strings interned are few (files, sheets, headers,
// codes) but for cell references, which cell keeps out.
func (l *IssueList) word(s string) uint32 {
	if s == "" {
		return 0
	}
	if k, ok := l.index[s]; ok {
		return k
	}
	k := uint32(len(l.words))
	s = strings.Clone(s) // a slice of a row's text would keep the row alive
	l.words = append(l.words, s)
	l.index[s] = k
	return k
}

// cell keeps a cell reference such as "E12" as its letters when its number
// is the issue's row, as it nearly always is.
func (l *IssueList) cell(ref string, row int) uint32 {
	if ref == "" {
		return 0
	}
	i := len(ref)
	for i > 0 && ref[i-1] >= '0' && ref[i-1] <= '9' {
		i--
	}
	if i > 0 && i < len(ref) && ref[i] != '0' && ref[i:] == strconv.Itoa(row) {
		return l.word(ref[:i]) | cellRowFlag
	}
	return l.word(ref)
}

func (l *IssueList) paramList(kv []string) uint32 {
	if len(kv) == 0 {
		return 0
	}
	key := paramsKey{&kv[0], len(kv)}
	if k, ok := l.pindex[key]; ok {
		return k
	}
	k := uint32(len(l.params))
	l.params = append(l.params, kv)
	l.pindex[key] = k
	return k
}

func (l *IssueList) cause(err error) uint32 {
	if err == nil {
		return 0
	}
	l.causes = append(l.causes, err)
	return uint32(len(l.causes) - 1)
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
