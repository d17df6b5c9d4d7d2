package ikk

import (
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"
)

// A CSV file says more about a row than its cells: a record of fewer fields
// than the header lost cells, one of more has shifted cells, a quote left
// open joins the rows after it into one record, a last line without its
// line end was cut. A workbook's rows legitimately omit their empty last
// cells, so only the CSV reader checks records: it hands the pipeline a
// rowFlaw with each row, and the worker turns it into row issues.

// flawSource is a Source that checks its records against the header.
type flawSource interface {
	// setHeader gives the header row: the records after it are checked.
	setHeader(cells []Cell)
	// rowFlaw is what was found wrong with the row read last.
	rowFlaw() rowFlaw
}

type flawFlags uint8

const (
	flawShort     flawFlags = 1 << iota // fewer fields than the header
	flawLong                            // more fields, the extra ones not empty
	flawNoLineEnd                       // the last line, without its line end
	flawJoined                          // a quote spanning lines joined rows
)

// rowFlaw is what the reader found wrong with a row; the zero value is a
// sound row.
type rowFlaw struct {
	flags         flawFlags
	fields, width int32
	// span is the physical lines of a joined record: each counts as a
	// rejected row, so that swallowed families are counted.
	span  int32
	quote *quoteFlaw // for flawJoined
}

// quoteFlaw locates the quote that joined rows.
type quoteFlaw struct {
	col           int // 0-based field where the quote opened
	row           int // the row number of the line where it opened
	line, endLine int // physical lines where it opened and closed
	closed        bool
	excerpt       string // the start of the field, up to its first line break or separator
}

// rows is the number of rows the record counts for.
func (f *rowFlaw) rows() int {
	if f.span > 1 {
		return int(f.span)
	}
	return 1
}

func (s *csvSource) rowFlaw() rowFlaw { return s.flaw }

// setHeader takes the header's width. Empty headers at its end are not
// counted: a row that stops before them has lost nothing.
func (s *csvSource) setHeader(cells []Cell) {
	w := len(cells)
	for w > 0 && isBlank(cells[w-1].Value) {
		w--
	}
	s.width = w
}

// check compares a record, row num of the sheet, with the header.
func (s *csvSource) check(rec *csvRecord, cells []Cell, num int) rowFlaw {
	return checkRecord(s.width, rec, cells, num)
}

// checkRecord compares a record, row num of the sheet, with a header of
// width fields (0: no header yet, nothing checked).
func checkRecord(width int, rec *csvRecord, cells []Cell, num int) rowFlaw {
	if width == 0 {
		return rowFlaw{}
	}
	f := rowFlaw{fields: int32(len(cells)), width: int32(width)}
	short := len(cells) < width
	long := len(cells) > width && !blankCells(cells[width:])
	// A quoted field spanning lines is a legitimate multi-line cell (a note,
	// an address) in a record of the header's width. Rows swallowed by a
	// quote opened by mistake show otherwise: the record is short or long,
	// the quote never closes, or, when the quote that closes it stands in
	// the same column of a later row (the only way the record keeps the
	// header's width), the field holds a whole row's worth of separators:
	// the rest of the first row's fields and the start of the last's.
	if q := rec.quote; q.field != noField && (q.delims >= rowSeparators(width) || !q.closed || q.skimmed || short || long) {
		f.flags = flawJoined
		f.span = int32(rec.endLine - rec.line + 1)
		f.quote = &quoteFlaw{col: q.field, row: num + q.line - rec.line, line: q.line, endLine: q.endLine,
			closed: q.closed, excerpt: fieldExcerpt(cells[q.field].Value)}
		if q.closed && !rec.lineEnd {
			f.flags |= flawNoLineEnd
		}
		return f
	}
	if short {
		f.flags |= flawShort
	}
	if long {
		f.flags |= flawLong
	}
	if !rec.lineEnd {
		f.flags |= flawNoLineEnd
	}
	return f
}

// rowSeparators is how many separators a quoted field must hold to be
// rows swallowed whole in a record of the header's width: those of one row.
func rowSeparators(width int) int { return max(1, width-1) }

// excerptRunes bounds the start of a field an issue shows: enough to find
// the quote, not the other families' names and KK numbers it swallowed.
const excerptRunes = 40

// fieldExcerpt is the start of a quoted field an issue quotes: up to its
// first line break or separator, which is what the cell where the quote
// opened holds. What follows is the rest of the row and the rows the quote
// swallowed: other cells, among them family names, which an issue list
// never shows.
func fieldExcerpt(v string) string {
	if i := strings.IndexAny(v, "\n,;\t"); i >= 0 {
		v = v[:i]
	}
	n := 0
	for i := range v {
		if n == excerptRunes {
			v = v[:i]
			break
		}
		n++
	}
	if !utf8.ValidString(v) {
		v = strings.ToValidUTF8(v, "\uFFFD")
	}
	return strings.Clone(v)
}

// flawIssues turns the reader's findings about row i into issues, after the
// row was scored. A joined record is rejected, whatever its cells said: they
// mix families. The other issues go first among the row's issues, so that
// they stay even when the row is dropped as a duplicate.
func (b *batch) flawIssues(set *Set, i int) {
	f, r := &b.flaws[i], &b.recs[i]
	if f.flags&flawJoined != 0 {
		b.issues = append(b.issues[:r.iss0], b.joinedIssue(set, i))
		if f.flags&flawNoLineEnd != 0 {
			// On the last of the record's rows, the one cut.
			is := b.rowIssue(i, IssueNoLineEnd, problemNoLineEnd)
			is.Row += f.rows() - 1
			b.issues = append(b.issues, is)
		}
		r.fate = rowRejected
		r.issKK, r.iss1 = int32(len(b.issues)), int32(len(b.issues))
		return
	}
	var add [3]Issue
	n := 0
	if r.fate != rowBlank {
		if f.flags&flawShort != 0 {
			add[n] = b.rowIssue(i, IssueShortRow, say(MsgShortRow, "fields", strconv.Itoa(int(f.fields)), "width", strconv.Itoa(int(f.width))))
			n++
		}
		if f.flags&flawLong != 0 {
			add[n] = b.rowIssue(i, IssueLongRow, say(MsgLongRow, "fields", strconv.Itoa(int(f.fields)), "width", strconv.Itoa(int(f.width))))
			n++
		}
	}
	// A cut last line may look blank: its family's cells are the ones lost.
	if f.flags&flawNoLineEnd != 0 {
		add[n] = b.rowIssue(i, IssueNoLineEnd, problemNoLineEnd)
		n++
	}
	if n == 0 {
		return
	}
	b.issues = slices.Insert(b.issues, int(r.iss0), add[:n]...)
	r.issKK += int32(n)
	r.iss1 += int32(n)
}

func (b *batch) rowIssue(i int, code string, msg *Message) Issue {
	return Issue{File: b.job.path, Sheet: b.sheet, Row: b.nums[i], Code: code, Detail: msg.Code, Params: msg.Params}
}

// joinedIssue names the quote that joined rows: where it opened and closed
// and how many lines it took, so that it can be found in a text editor.
// Its value is the start of the field where the quote opened, never the
// record: that holds other families' names and KK numbers.
func (b *batch) joinedIssue(set *Set, i int) Issue {
	f := &b.flaws[i]
	q := f.quote
	col := ColumnLetter(q.col)
	detail := MsgQuoteNeverCloses
	if q.closed {
		detail = MsgQuoteClosesLate
	}
	params := []string{"col", col, "line", strconv.Itoa(q.line), "end", strconv.Itoa(q.endLine),
		"span", strconv.Itoa(int(f.span)), "fields", strconv.Itoa(int(f.fields)), "width", strconv.Itoa(int(f.width))}
	is := Issue{File: b.job.path, Sheet: b.sheet, Row: q.row, Code: IssueUnbalancedQuote, Value: q.excerpt, Detail: detail, Params: params,
		Cell: col + strconv.Itoa(q.row)}
	for c, j := range b.lay.index {
		if j == q.col {
			is.Column, is.Field = b.lay.headers[c], set.Columns[c].Name
		}
	}
	return is
}
