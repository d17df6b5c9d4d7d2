package ikk

import (
	"errors"
	"reflect"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unsafe"
)

// TestIssueListRoundTrip: what goes into the list comes out unchanged,
// whatever its cell reference, value, parameters or cause, across blocks
// of records and of text.
func TestIssueListRoundTrip(t *testing.T) {
	// A column's accepted values: long, shared by its issues, kept once.
	shared := []string{"accepted", "codes", "codes", strings.Repeat("1 Milik sendiri, ", 10)}
	cause := errors.New("tidak dapat dibuka")
	long := strings.Repeat("é", textBlock) // longer than an arena block
	cases := []Issue{
		{},
		{File: "a.csv", Row: 12, Column: "jk_kk", Field: "jk_kk", Cell: "E12", Value: "x", Code: IssueInvalidValue, Detail: MsgNotCode, Params: shared},
		{File: "a.csv", Row: 12, Cell: "E13", Value: "cell of another row"},
		{File: "a.csv", Row: 7, Cell: "E07"},
		{File: "a.csv", Row: 0, Cell: "E0"},
		{File: "a.csv", Row: 5, Cell: "5"},
		{File: "a.csv", Row: 5, Cell: "AB"},
		{File: "b.xlsx", Sheet: "Data", Row: 1048576, Cell: "XFD1048576", Params: []string{"row", "2"}},
		{File: "c.csv", Code: IssueSkippedFile, Cause: cause},
		{File: "d.csv", Row: -1, Cell: "A-1", Value: long},
		// A duplicate family: parameters of its own, made for each issue.
		{File: "a.csv", Row: 9, Cell: "F9", Value: "630906******0001", Code: IssueDuplicateKK, Detail: MsgDuplicateKK},
		{File: "a.csv", Row: 9, Code: IssueNameConflict, Params: []string{"first", ""}},
	}
	var l IssueList
	var want []Issue
	for i := range 3 * issueBlock {
		is := cases[i%len(cases)]
		switch i % len(cases) {
		case 1:
			is.Row, is.Cell = i+2, "E"+strconv.Itoa(i+2)
		case len(cases) - 2:
			is.Params = []string{"first_row", strconv.Itoa(i), "first_file", "b" + strconv.Itoa(i) + ".csv"}
		}
		l.Append(is)
		want = append(want, is)
	}
	if l.Len() != len(want) {
		t.Fatalf("Len %d, want %d", l.Len(), len(want))
	}
	for i, is := range l.All() {
		if !reflect.DeepEqual(is, want[i]) {
			t.Fatalf("issue %d: %+v, want %+v", i, is, want[i])
		}
	}
	if a, b := l.At(1).Params, l.At(1+len(cases)).Params; &a[0] != &b[0] {
		t.Error("shared parameters are kept with each issue")
	}
	// What issues share is kept once: 3 x 4,096 issues, a kind each of the
	// cases at most (the zero one included), and one more for each small
	// list the cases share ("row", "first"): its first issue keeps it
	// inline, before the list is known to come back.
	if len(l.kinds) > len(cases)+2 || len(l.places) > 5 {
		t.Errorf("%d kinds and %d places kept for %d issues of %d cases", len(l.kinds), len(l.places), l.Len(), len(cases))
	}
}

// TestIssueListSharedSmallParams: a small parameter list that many issues
// share (a yes/no column's accepted answers) is kept once, not copied into
// the arena with each issue, while lists made for each issue (a duplicate's
// first row) are kept with it; both come back unchanged.
func TestIssueListSharedSmallParams(t *testing.T) {
	yesno := []string{"accepted", AcceptedYesNo, "yes", "ya/y/yes/1", "no", "tidak/t/no/0"}
	var l IssueList
	var want []Issue
	for i := range 10000 {
		is := Issue{File: "a.csv", Row: i + 2, Column: "buku_nikah", Cell: "O" + strconv.Itoa(i+2), Value: "?", Code: IssueInvalidValue, Detail: MsgNotYesNo, Params: yesno}
		if i%10 == 0 {
			is = Issue{File: "a.csv", Row: i + 2, Cell: "F" + strconv.Itoa(i+2), Value: "630906******0001", Code: IssueDuplicateKK, Detail: MsgDuplicateKK,
				Params: []string{"first_row", strconv.Itoa(i)}}
		}
		l.Append(is)
		want = append(want, is)
	}
	for i, is := range l.All() {
		if !reflect.DeepEqual(is, want[i]) {
			t.Fatalf("issue %d: %+v, want %+v", i, is, want[i])
		}
	}
	arena := 0
	for _, b := range l.text {
		arena += len(b)
	}
	// The values ("?", 16 bytes a duplicate) and the duplicates' rows: no
	// copy of the yes/no answers, some 40 bytes an issue.
	if most := 9000*1 + 1000*(16+6) + 64; arena > most {
		t.Errorf("the arena holds %d bytes for 10,000 issues: want at most %d", arena, most)
	}
	// Kept once: every issue of the column shares one array (a copy of the
	// caller's, so that a change of the caller's array is seen).
	if a, b := l.At(9999).Params, l.At(9998).Params; &a[0] != &b[0] {
		t.Error("the shared yes/no list is kept with each issue")
	}
	if len(l.kinds) > 4 {
		t.Errorf("%d kinds for two kinds of issue", len(l.kinds))
	}
}

// TestIssueListKeepsNoRow: a value or header that is a slice of a row's
// text is copied, so that the row can be collected. The row here is a
// buffer seen as a string and then overwritten: a kept slice would change.
func TestIssueListKeepsNoRow(t *testing.T) {
	row := []byte("63.09.06.2004,Kelua,Ampukung,ZZ,rest of the row")
	text := unsafe.String(&row[0], len(row))
	var l IssueList
	l.Append(Issue{Value: text[29:31], Column: text[14:19]})
	copy(row, strings.Repeat("-", len(row)))
	if is := l.At(0); is.Value != "ZZ" || is.Column != "Kelua" {
		t.Errorf("%+v", is)
	}
}

// TestIssueListEveryField: an issue with every field set comes back whole,
// so that a field added to Issue and forgotten here fails this test.
func TestIssueListEveryField(t *testing.T) {
	var is Issue
	v := reflect.ValueOf(&is).Elem()
	for i := range v.NumField() {
		f := v.Field(i)
		switch f.Kind() {
		case reflect.String:
			f.SetString("x" + strconv.Itoa(i))
		case reflect.Int:
			f.SetInt(int64(40 + i))
		case reflect.Slice:
			f.Set(reflect.MakeSlice(f.Type(), 1, 1))
			if e := f.Index(0); e.Kind() == reflect.String {
				e.SetString("p")
			} else if e.Kind() == reflect.Struct {
				e.Field(0).SetString("s")
			}
		case reflect.Interface:
			f.Set(reflect.ValueOf(errors.New("cause")))
		default:
			t.Fatalf("field %s of kind %s: teach this test and IssueList about it", v.Type().Field(i).Name, f.Kind())
		}
	}
	is.Cell = "E" + strconv.Itoa(is.Row)
	var l IssueList
	l.Append(is)
	if got := l.At(0); !reflect.DeepEqual(got, is) {
		t.Errorf("%+v\nwant %+v", got, is)
	}
}

// TestIssueListInsert places issues among a list's records in order, and
// the records come out as they went in.
func TestIssueListInsert(t *testing.T) {
	var l IssueList
	var want []Issue
	for i := range issueBlock + 10 {
		is := Issue{File: "a.csv", Row: 2 * (i + 1), Cell: "B" + strconv.Itoa(2*(i+1)), Value: strconv.Itoa(i), Code: IssueInvalidValue,
			Params: []string{"first_row", strconv.Itoa(i)}}
		l.Append(is)
		want = append(want, is)
	}
	extra := []Issue{
		{File: "a.csv", Row: 1, Code: IssueNameDiffers, Value: "first"},
		{File: "a.csv", Row: 5, Code: IssueNameDiffers, Value: "between 4 and 6"},
		{File: "b.csv", Row: 1, Code: IssueNameDiffers, Value: "another file: last"},
	}
	before := func(e *Issue, file string, row int) bool { return e.File < file || e.File == file && e.Row < row }
	n := l.Len() - 1 // the last record is left out
	got := l.Insert(n, extra, before)
	if l.Len() != 0 {
		t.Errorf("the list holds %d issues after Insert", l.Len())
	}
	exp := append([]Issue{extra[0], want[0], want[1], extra[1]}, want[2:n]...)
	exp = append(exp, extra[2])
	if got.Len() != len(exp) {
		t.Fatalf("%d issues, want %d", got.Len(), len(exp))
	}
	for i, is := range got.All() {
		if !reflect.DeepEqual(is, exp[i]) {
			t.Fatalf("issue %d: %+v, want %+v", i, is, exp[i])
		}
	}
}

// TestIssueListParamsArrays: each issue comes back with the parameters it
// was appended with, whatever the caller does with the arrays: one array
// refilled issue after issue (small and large), a shared list and slices
// of it of other lengths, lists made for each issue and collected, a name
// that is empty or holds a NUL byte, and a list inserted later.
func TestIssueListParamsArrays(t *testing.T) {
	var l IssueList
	var want []Issue
	add := func(is Issue) {
		l.Append(is)
		if is.Params != nil {
			is.Params = slices.Clone(is.Params) // as appended
		}
		want = append(want, is)
	}
	shared := []string{"accepted", AcceptedYesNo, "yes", "y", "no", "n"}
	small := make([]string, 2)
	large := make([]string, 2)
	for i := range 30000 {
		row := i + 2
		is := Issue{File: "a.csv", Row: row, Column: "c", Cell: "O" + strconv.Itoa(row), Value: "?", Code: IssueInvalidValue, Detail: MsgNotYesNo}
		switch i % 9 {
		case 0:
			is.Params = shared
		case 1:
			is.Params = shared[:2]
		case 2:
			is.Params = shared[2:4]
		case 3:
			small[0], small[1] = "first_row", strconv.Itoa(i)
			is.Params = small
		case 4:
			large[0], large[1] = "codes", strings.Repeat("1 Milik sendiri, ", 8)+strconv.Itoa(i)
			is.Params = large
		case 5:
			is.Params = []string{"", strconv.Itoa(i)}
		case 6:
			is.Params = []string{"a\x00b", "1"}
		case 7:
			is.Params = []string{"a", "1", "b", "2"}
		default:
			is.Params = say(MsgDuplicateKK, "first_row", strconv.Itoa(i)).Params
		}
		add(is)
		if i%5000 == 0 {
			runtime.GC()
		}
	}
	extra := []Issue{{File: "a.csv", Row: 3, Code: IssueNameDiffers, Params: shared}, {File: "a.csv", Row: 9, Code: IssueNameDiffers, Params: []string{"kind", "desa"}}}
	out := l.Insert(l.Len(), extra, func(e *Issue, _ string, row int) bool { return e.Row < row })
	// Each extra issue goes before the first issue of a later row.
	for _, e := range extra {
		at := slices.IndexFunc(want, func(is Issue) bool { return e.Row < is.Row })
		want = slices.Insert(want, at, e)
	}
	for i, is := range out.All() {
		if !reflect.DeepEqual(is.Params, want[i].Params) {
			t.Fatalf("issue %d (row %d): parameters %q, want %q", i, is.Row, is.Params, want[i].Params)
		}
	}
	if out.Len() != len(want) {
		t.Fatalf("%d issues, want %d", out.Len(), len(want))
	}
}
