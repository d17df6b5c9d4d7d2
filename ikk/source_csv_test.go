package ikk

import (
	"bufio"
	"bytes"
	"context"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"reflect"
	"runtime"
	"slices"
	"strings"
	"testing"
)

// flawText describes a row's flaw for the tables: "short 3/5", "joined
// 4 lines, quote in C on line 3 to 6", ...
func flawText(f rowFlaw) string {
	var parts []string
	if f.flags&flawShort != 0 {
		parts = append(parts, fmt.Sprintf("short %d/%d", f.fields, f.width))
	}
	if f.flags&flawLong != 0 {
		parts = append(parts, fmt.Sprintf("long %d/%d", f.fields, f.width))
	}
	if f.flags&flawJoined != 0 {
		q := f.quote
		closed := ""
		if !q.closed {
			closed = " unclosed"
		}
		parts = append(parts, fmt.Sprintf("joined %d lines, quote in %s on line %d (row %d) to %d%s %q",
			f.span, ColumnLetter(q.col), q.line, q.row, q.endLine, closed, q.excerpt))
	}
	if f.flags&flawNoLineEnd != 0 {
		parts = append(parts, "no line end")
	}
	return strings.Join(parts, ", ")
}

// TestCSVRecordFlaws reads CSV whose first row is the header and lists, for
// each row after it, its number and what the reader found wrong with it.
func TestCSVRecordFlaws(t *testing.T) {
	tests := []struct {
		name, in string
		want     []string
	}{
		{"sound rows", "a,b,c\n1,2,3\n4,5,6\n", []string{"2:", "3:"}},
		{"a short row", "a,b,c\n1,2\n4,5,6\n", []string{"2:short 2/3", "3:"}},
		{"a long row with a value in the extra field", "a,b,c\n1,2,3,4\n", []string{"2:long 4/3"}},
		{"a long row whose extra fields are empty is sound", "a,b,c\n1,2,3,,\n", []string{"2:"}},
		{"empty headers at the end are not counted", "a,b,c,,\n1,2,3\n", []string{"2:"}},
		{"an empty line is short; the worker sees it blank", "a,b,c\n\n1,2,3\n", []string{"2:short 1/3", "3:"}},
		{"the last line without its line end", "a,b,c\n1,2,3\n4,5,6", []string{"2:", "3:no line end"}},
		{"a file cut mid-row", "a,b,c\n1,2,3\n4,5", []string{"2:", "3:short 2/3, no line end"}},
		{"a legit multi-line cell is one row", "a,b,c\n1,\"two\nlines\",3\n4,5,6\n", []string{"2:", "3:"}},
		{"CRLF and CR inside a legit cell", "a,b,c\r\n1,\"x\r\ny\rz\",3\r\n4,5,6\r\n", []string{"2:", "3:"}},
		{"a multi-line cell holding a separator is a cell", "a,b,c,d\n1,\"Jl. A,\nRT 3\",3,4\n4,5,6,7\n",
			[]string{"2:", "3:"}},
		{"a quote closed in the same column of a later row joins rows", "a,b,c\n1,\"2,3\n4,5\",6\n",
			[]string{`2:joined 2 lines, quote in B on line 2 (row 2) to 3 "2"`}},
		{"a quote opened and closed rows later", "a,b,c\n1,\"2,3\n4,5,6\n7,8\",9\n10,11,12\n",
			[]string{`2:joined 3 lines, quote in B on line 2 (row 2) to 4 "2"`, "5:"}},
		{"a multi-line cell in a short record", "a,b,c\n1,\"x\ny\"\n4,5,6\n",
			[]string{`2:joined 2 lines, quote in B on line 2 (row 2) to 3 "x"`, "4:"}},
		{"a quote never closed", "a,b,c\n1,2,3\n4,\"5,6\n7,8,9\n",
			[]string{"2:", `3:joined 2 lines, quote in B on line 3 (row 3) to 4 unclosed "5"`}},
		{"a quote never closed on the last line", "a,b,c\n1,2,\"3",
			[]string{`2:joined 1 lines, quote in C on line 2 (row 2) to 2 unclosed "3"`}},
		{"rows after a legit multi-line cell keep spreadsheet numbers", "a,b,c\n\"x\ny\",2,3\n1,\"p,\nq,r\",3\n4,5,6\n",
			[]string{"2:", `3:joined 2 lines, quote in B on line 4 (row 3) to 5 "p"`, "5:"}},
		{"the separator in a one-line quoted field is fine", "a;b;c\n1;\"2;x\";3\n", []string{"2:"}},
		{"the excerpt stops at 40 characters", "a,b,c\n1,\"" + strings.Repeat("é", 50) + ",\nx,y\",3\n",
			[]string{`2:joined 2 lines, quote in B on line 2 (row 2) to 3 "` + strings.Repeat("é", 40) + `"`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src, err := newCSVSource(strings.NewReader(tt.in))
			if err != nil {
				t.Fatal(err)
			}
			if !src.Next() {
				t.Fatal("no header")
			}
			src.setHeader(src.Row().Cells)
			var got []string
			for src.Next() {
				got = append(got, fmt.Sprintf("%d:%s", src.Row().Num, flawText(src.rowFlaw())))
			}
			if err := src.Err(); err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got  %q\nwant %q", got, tt.want)
			}
		})
	}
}

// surveyLines returns the header and the data lines of the hand-worked
// survey, without their line ends.
func surveyLines(t *testing.T) (string, []string) {
	t.Helper()
	lines := strings.Split(strings.TrimRight(mustRead(t, "../testdata/handworked/survey.csv"), "\n"), "\n")
	return lines[0], lines[1:]
}

// csvRun is what a scored CSV file gave: the accounting, the issues by code
// and the rows of the households scored.
type csvRun struct {
	acc    Accounting
	codes  map[string]int
	issues []Issue
	rows   []int
}

func runCSV(t *testing.T, name, content string) csvRun {
	t.Helper()
	path := writeFile(t, name, content)
	var run csvRun
	res, err := Score(context.Background(), defaultSet(t), []string{path}, Options{OnHousehold: func(h *Household) {
		run.rows = append(run.rows, h.Row)
	}})
	if err != nil {
		t.Fatal(err)
	}
	run.acc, run.codes, run.issues = res.Summary, res.IssueCounts, res.Issues.Slice()
	return run
}

func (r csvRun) issue(code string) *Issue {
	for i := range r.issues {
		if r.issues[i].Code == code {
			return &r.issues[i]
		}
	}
	return nil
}

// TestCSVUnbalancedQuote: a quote opened in one family's row and closed in
// the next joined the two rows. Both lines are rejected with one issue at
// the line where the quote opened; nothing of the second family leaks into
// the issue; the rows after it keep their numbers.
func TestCSVUnbalancedQuote(t *testing.T) {
	head, rows := surveyLines(t)
	// rows[1] is Siti's: a quote before her name; rows[2], Budi's, holds
	// "36,5", whose closing quote ends the field opened in Siti's row.
	siti := strings.Replace(rows[1], ",Siti Contoh,", `,"Siti Contoh,`, 1)
	run := runCSV(t, "q.csv", strings.Join([]string{head, rows[0], siti, rows[2], rows[3]}, "\n")+"\n")
	if want := (Accounting{RowsRead: 4, Scored: 2, Rejected: 2}); run.acc != want {
		t.Errorf("accounting %+v, want %+v", run.acc, want)
	}
	if run.codes[IssueUnbalancedQuote] != 1 {
		t.Fatalf("issues %v, want one unbalanced_quote", run.codes)
	}
	is := run.issue(IssueUnbalancedQuote)
	if is.Row != 3 || is.Column != "nama_kk" || is.Cell != "G3" {
		t.Errorf("issue at row %d, column %q, cell %q; want row 3, nama_kk, G3", is.Row, is.Column, is.Cell)
	}
	if is.Detail != MsgQuoteClosesLate || is.Param("line") != "3" || is.Param("end") != "4" || is.Param("span") != "2" {
		t.Errorf("message %s %v, want %s with lines 3 to 4, 2 lines", is.Detail, is.Params, MsgQuoteClosesLate)
	}
	// The quote opened in the name column: the cell is named, the name is
	// not quoted (and what follows the quote, other cells, never is).
	if is.Value != "" || is.Field != "nama_kk" {
		t.Errorf("value %q of field %q, want none: a family's name is not listed", is.Value, is.Field)
	}
	for _, is := range run.issues {
		if strings.Contains(is.Value+strings.Join(is.Params, " "), "6309060101100003") || strings.Contains(is.Value+strings.Join(is.Params, " "), "Budi") {
			t.Errorf("issue %+v shows the swallowed family", is)
		}
	}
	if !reflect.DeepEqual(run.rows, []int{2, 5}) {
		t.Errorf("households scored at rows %v, want [2 5]", run.rows)
	}
}

// TestCSVRowIssues: short, long and cut rows are scored and reported; a
// legit multi-line cell stays one row; CR-only and UTF-16 files read as
// their UTF-8 LF twin does.
func TestCSVRowIssues(t *testing.T) {
	head, rows := surveyLines(t)
	lf := func(lines ...string) string { return strings.Join(lines, "\n") + "\n" }
	base := runCSV(t, "base.csv", lf(head, rows[0], rows[1], rows[3]))
	tests := []struct {
		name, content string
		acc           Accounting
		want          map[string]int // the reader's issue codes
		at            map[string]int // their rows
		rows          []int
	}{
		{"short row", lf(head, rows[0], "63.09.06.2004,Tabalong,Kelua", rows[3]),
			Accounting{3, 3, 0, 0}, map[string]int{IssueShortRow: 1}, map[string]int{IssueShortRow: 3}, []int{2, 3, 4}},
		{"long row", lf(head, rows[0], strings.Replace(rows[2], `"36,5"`, "36,5", 1), rows[3]),
			Accounting{3, 3, 0, 0}, map[string]int{IssueLongRow: 1}, map[string]int{IssueLongRow: 3}, []int{2, 3, 4}},
		{"cut mid-row", head + "\n" + rows[0] + "\n" + rows[1][:60],
			Accounting{2, 2, 0, 0}, map[string]int{IssueShortRow: 1, IssueNoLineEnd: 1}, map[string]int{IssueShortRow: 3, IssueNoLineEnd: 3}, []int{2, 3}},
		{"no line end after a whole row", head + "\n" + rows[0] + "\n" + rows[1],
			Accounting{2, 2, 0, 0}, map[string]int{IssueNoLineEnd: 1}, map[string]int{IssueNoLineEnd: 3}, []int{2, 3}},
		{"a quote closed on the cut last line", head + "\n" + rows[0] + "\n" + strings.Replace(rows[1], ",Siti", `,"Siti`, 1) + "\n" + `x",1`,
			Accounting{3, 1, 2, 0}, map[string]int{IssueUnbalancedQuote: 1, IssueNoLineEnd: 1}, map[string]int{IssueUnbalancedQuote: 3, IssueNoLineEnd: 4}, []int{2}},
		{"cut in a blank-looking row", head + "\n" + rows[0] + "\n,,,,",
			Accounting{2, 1, 0, 1}, map[string]int{IssueNoLineEnd: 1}, map[string]int{IssueNoLineEnd: 3}, []int{2}},
		{"blank lines stay blank rows", lf(head, rows[0], "", rows[4], rows[1]),
			Accounting{4, 2, 0, 2}, map[string]int{}, nil, []int{2, 5}},
		{"legit multi-line address", lf(head+",alamat", rows[0]+`,"Jl. Merdeka 5`, `RT 3"`, rows[1]+",Jl. Pasar"),
			Accounting{2, 2, 0, 0}, map[string]int{}, nil, []int{2, 3}},
		// An address with a comma and a line break is one cell: the row
		// keeps the header's width, and the field holds far fewer than a
		// row's separators.
		{"multi-line address with a comma", lf(head+",alamat", rows[0]+`,"Jl. Merdeka 5,`, `RT 3"`, rows[1]+",Jl. Pasar"),
			Accounting{2, 2, 0, 0}, map[string]int{}, nil, []int{2, 3}},
		{"CR-only", strings.Join([]string{head, rows[0], rows[1], rows[3]}, "\r") + "\r",
			base.acc, map[string]int{}, nil, base.rows},
		{"UTF-16 LE, tab-separated", utf16Text(false, tabs(lf(head, rows[0], rows[1], rows[3]))),
			base.acc, map[string]int{}, nil, base.rows},
		{"UTF-16 BE, tab-separated", utf16Text(true, tabs(lf(head, rows[0], rows[1], rows[3]))),
			base.acc, map[string]int{}, nil, base.rows},
	}
	readerCodes := []string{IssueShortRow, IssueLongRow, IssueNoLineEnd, IssueUnbalancedQuote}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			name := "s.csv"
			if strings.HasPrefix(tt.name, "UTF-16") {
				name = "s.txt"
			}
			run := runCSV(t, name, tt.content)
			if run.acc != tt.acc {
				t.Errorf("accounting %+v, want %+v", run.acc, tt.acc)
			}
			for _, c := range readerCodes {
				if run.codes[c] != tt.want[c] {
					t.Errorf("%d %s, want %d (issues %v)", run.codes[c], c, tt.want[c], run.codes)
				}
				if row, ok := tt.at[c]; ok && run.issue(c) != nil && run.issue(c).Row != row {
					t.Errorf("%s at row %d, want %d", c, run.issue(c).Row, row)
				}
			}
			if !reflect.DeepEqual(run.rows, tt.rows) {
				t.Errorf("households at rows %v, want %v", run.rows, tt.rows)
			}
			if strings.Contains(tt.name, "-only") || strings.HasPrefix(tt.name, "UTF-16") {
				if !reflect.DeepEqual(run.codes, base.codes) {
					t.Errorf("issues %v, want those of the UTF-8 LF file %v", run.codes, base.codes)
				}
			}
		})
	}
}

// tabs turns comma-separated survey lines into tab-separated ones; the
// quoted decimal commas of the survey stay inside their quotes.
func tabs(s string) string {
	var b strings.Builder
	in := false
	for _, r := range s {
		switch {
		case r == '"':
			in = !in
		case r == ',' && !in:
			r = '\t'
		}
		b.WriteRune(r)
	}
	return b.String()
}

// endless yields prefix, then n copies of fill, counting what was read.
type endless struct {
	prefix []byte
	fill   []byte
	n      int64
	at     int // the offset in fill of the next byte
	read   int64
}

func (e *endless) Read(p []byte) (int, error) {
	k := copy(p, e.prefix)
	e.prefix = e.prefix[k:]
	for k < len(p) && e.n > 0 {
		c := copy(p[k:], e.fill[e.at:])
		k += c
		if e.at += c; e.at == len(e.fill) {
			e.at = 0
			e.n--
		}
	}
	e.read += int64(k)
	if k == 0 {
		return 0, io.EOF
	}
	return k, nil
}

// TestCSVHostileInputs: a field, a row or a record beyond what any survey
// holds stops the reader with an error naming the line, having read and
// kept little more than the budget, however large the input.
func TestCSVHostileInputs(t *testing.T) {
	const gb = 1 << 30
	tests := []struct {
		name string
		in   *endless
		want string
	}{
		{"a 1 GiB cell", &endless{prefix: []byte("a,b\n1,"), fill: bytes.Repeat([]byte("x"), 4096), n: gb / 4096}, "line 2: a field longer than 1 MiB"},
		{"a 1 GiB quoted cell", &endless{prefix: []byte("a,b\n1,\""), fill: bytes.Repeat([]byte("x"), 4096), n: gb / 4096}, "line 2: a field longer than 1 MiB"},
		{"a row of 100 million empty fields", &endless{prefix: []byte("a,b\n"), fill: []byte(","), n: 1e8}, "line 2: a row of more than 16,384 fields"},
		{"a row of 1 GiB in fields under 1 MiB", &endless{prefix: []byte("a,b\n"), fill: append(bytes.Repeat([]byte("x"), 512<<10), ','), n: 2048}, "line 2: a row longer than 8 MiB"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var before, after runtime.MemStats
			runtime.ReadMemStats(&before)
			src, err := NewCSVSource(tt.in)
			if err != nil {
				t.Fatal(err)
			}
			for src.Next() {
			}
			runtime.ReadMemStats(&after)
			if err := src.Err(); err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("err %v, want %q", err, tt.want)
			}
			if tt.in.read > 16<<20 {
				t.Errorf("read %d MiB before refusing", tt.in.read>>20)
			}
			if alloc := after.TotalAlloc - before.TotalAlloc; alloc > 64<<20 {
				t.Errorf("allocated %d MiB", alloc>>20)
			}
		})
	}
}

// TestCSVQuoteOverManyLines: a quote opened by mistake early in a big file
// swallows the rows after it, far past the field budget. The rows before it
// are scored, the rows it swallowed are rejected as one unbalanced quote
// naming where it opened, the rows after its closing quote are scored
// again, and the reader keeps no more than the budget of the field.
func TestCSVQuoteOverManyLines(t *testing.T) {
	head, rows := surveyLines(t)
	const swallowed = 40000                           // lines of some 60 bytes: well past 1 MiB
	filler := strings.Repeat(rows[0]+"\n", swallowed) // a row without quotes
	cut := strings.Index(rows[1], ",")
	opened := rows[1][:cut+1] + `"` + rows[1][cut+1:]             // the second field opens a quote
	closing := rows[3][:strings.LastIndex(rows[3], ",")+1] + `x"` // a row ending in a stray quote closes it
	tests := []struct {
		name     string
		tail     string
		scored   []int // rows scored
		rejected int
		closed   bool
	}{
		{"never closed", "", []int{2}, 1 + swallowed, false},
		{"closed rows later", closing + "\n" + rows[3] + "\n", []int{2, swallowed + 5}, 2 + swallowed, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			text := head + "\n" + rows[0] + "\n" + opened + "\n" + filler + tt.tail
			if len(text) < 2*maxCSVField {
				t.Fatalf("the test file has %d bytes: too few to pass the field budget", len(text))
			}
			path := writeFile(t, "big.csv", text)
			var got []int
			var before, after runtime.MemStats
			runtime.ReadMemStats(&before)
			res, err := Score(context.Background(), defaultSet(t), []string{path}, Options{
				OnHousehold: func(h *Household) { got = append(got, h.Row) },
			})
			runtime.ReadMemStats(&after)
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(got, tt.scored) {
				t.Errorf("scored rows %v, want %v", got, tt.scored)
			}
			if res.Summary.Rejected != tt.rejected || res.Summary.RowsRead != res.Summary.Scored+res.Summary.Rejected+res.Summary.Blank {
				t.Errorf("accounting %+v, want %d rejected", res.Summary, tt.rejected)
			}
			if n := res.IssueCounts[IssueUnbalancedQuote]; n != 1 {
				t.Fatalf("%d unbalanced_quote issues, want 1 (%v)", n, res.IssueCounts)
			}
			for _, is := range res.Issues.All() {
				if is.Code != IssueUnbalancedQuote {
					continue
				}
				if is.Row != 3 || is.Cell != "B3" {
					t.Errorf("the quote is reported at row %d, cell %s; want row 3, B3", is.Row, is.Cell)
				}
				if want := map[bool]string{true: MsgQuoteClosesLate, false: MsgQuoteNeverCloses}[tt.closed]; is.Detail != want {
					t.Errorf("detail %s, want %s", is.Detail, want)
				}
				if len(is.Value) > 100 {
					t.Errorf("the issue shows %d bytes of the swallowed rows", len(is.Value))
				}
			}
			if alloc := after.TotalAlloc - before.TotalAlloc; alloc > 64<<20 {
				t.Errorf("allocated %d MiB for a file of %d MiB", alloc>>20, len(text)>>20)
			}
		})
	}
}

// TestCSVHostileFile: Score refuses such a file with an *InputError naming
// the file and the line.
func TestCSVHostileFile(t *testing.T) {
	head, rows := surveyLines(t)
	path := writeFile(t, "big.csv", head+"\n"+rows[0]+"\n"+rows[1]+strings.Repeat("x", 2<<20)+"\n")
	_, err := Score(context.Background(), defaultSet(t), []string{path}, Options{})
	var ie *InputError
	if !errors.As(err, &ie) || ie.Path != path || !strings.Contains(err.Error(), "line 3: a field longer than 1 MiB") {
		t.Fatalf("err %v, want an InputError for %s naming line 3", err, path)
	}
}

// randomCSV writes well-formed CSV as encoding/csv would read it: quotes,
// separators and line breaks inside quoted fields, LF or CRLF line ends,
// every line ended, no empty line (encoding/csv skips those).
func randomCSV(r *rand.Rand) string {
	comma := []string{",", ";", "\t"}[r.IntN(3)]
	eol := []string{"\n", "\r\n"}[r.IntN(2)]
	alphabet := []string{"a", "b", "7", " ", ",", ";", "\t", `"`, "\n", "\r\n", "é", "'"}
	var b strings.Builder
	for range r.IntN(8) + 1 {
		nf := r.IntN(5) + 2
		for f := range nf {
			if f > 0 {
				b.WriteString(comma)
			}
			var v strings.Builder
			for range r.IntN(6) {
				v.WriteString(alphabet[r.IntN(len(alphabet))])
			}
			s := v.String()
			if strings.ContainsAny(s, ",;\t\"\r\n") || r.IntN(4) == 0 {
				s = `"` + strings.ReplaceAll(s, `"`, `""`) + `"`
			}
			b.WriteString(s)
		}
		b.WriteString(eol)
	}
	return b.String()
}

// TestCSVMatchesEncodingCSV: on well-formed CSV the reader gives the rows
// and cells encoding/csv gives.
func TestCSVMatchesEncodingCSV(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for i := range 3000 {
		in := randomCSV(r)
		src, err := newCSVSource(strings.NewReader(in))
		if err != nil {
			t.Fatal(err)
		}
		var got [][]string
		for n := 1; src.Next(); n++ {
			row := src.Row()
			if row.Num != n {
				t.Fatalf("case %d %q: row %d numbered %d", i, in, n, row.Num)
			}
			var rec []string
			for _, c := range row.Cells {
				rec = append(rec, c.Value)
			}
			got = append(got, rec)
		}
		if err := src.Err(); err != nil {
			t.Fatal(err)
		}
		cr := csv.NewReader(strings.NewReader(in))
		cr.Comma, cr.FieldsPerRecord = src.Comma, -1
		want, err := cr.ReadAll()
		if err != nil {
			t.Fatalf("case %d %q: encoding/csv: %v", i, in, err)
		}
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("case %d %q:\ngot  %q\nwant %q", i, in, got, want)
		}
	}
}

// TestCSVScannerFromOffset: a scanner started where a record begins, given
// that record's line, reads the records after it as the whole-file scanner
// does: a file can be read in record-aligned chunks.
func TestCSVScannerFromOffset(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	for range 200 {
		in := randomCSV(r)
		type rec struct {
			line, endLine int
			off           int64
			fields        string
		}
		read := func(data string, comma byte, line int, base int64) []rec {
			sc := newCSVScanner(bufio.NewReader(strings.NewReader(data)), comma, line)
			var out []rec
			for sc.next() {
				out = append(out, rec{sc.rec.line, sc.rec.endLine, base + sc.rec.off, fmt.Sprint(sc.ends, string(sc.buf))})
			}
			if sc.err != nil {
				t.Fatal(sc.err)
			}
			return out
		}
		comma := detectComma([]byte(in))
		all := read(in, comma, 1, 0)
		k := r.IntN(len(all))
		if tail := read(in[all[k].off:], comma, all[k].line, all[k].off); !reflect.DeepEqual(tail, all[k:]) {
			t.Fatalf("%q from record %d:\ngot  %v\nwant %v", in, k, tail, all[k:])
		}
	}
}

// TestCSVQuoteKeepsNamesOut: a quote opened in the RT cell swallows the
// rest of the row, the family's name among it; the issue quotes the RT
// cell's own start, never the name or the swallowed cells.
func TestCSVQuoteKeepsNamesOut(t *testing.T) {
	head, rows := surveyLines(t)
	opened := strings.Replace(rows[1], ",Maburai,1,", `,Maburai,"1,`, 1)
	if opened == rows[1] {
		t.Fatal("the fixture's second row changed: no RT cell to open a quote in")
	}
	run := runCSV(t, "q.csv", strings.Join([]string{head, rows[0], opened, rows[2], rows[3]}, "\n")+"\n")
	is := run.issue(IssueUnbalancedQuote)
	if is.Value != "1" || is.Field != "rt" {
		t.Errorf("value %q of field %q, want the RT cell's \"1\"", is.Value, is.Field)
	}
	for _, is := range run.issues {
		if text := is.Value + strings.Join(is.Params, " "); strings.Contains(text, "Siti") || strings.Contains(text, "6309060101100002") {
			t.Errorf("issue %+v shows the swallowed family", is)
		}
	}
}
