package ikk

import (
	"bytes"
	"context"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/text/encoding/unicode"
)

func FuzzParseNumber(f *testing.F) {
	for _, s := range []string{"2.500.000", "36,5", "36.5", "Rp 1.250.000,50", "1.5E-3", "-3", "1.125", "", "Rp", "1.2.3",
		"Rp1.250.000,-", "IDR 750.000", "1,250,000", "1,250.50", "750rb", "2,5 juta", "1,2 jt", "1 miliar", "1,5 M", "36,5 m2", "36 m²"} {
		for u := range uint8(4) {
			f.Add(s, false, u)
		}
	}
	f.Fuzz(func(t *testing.T, s string, numeric bool, unit uint8) {
		kind := KindText
		if numeric {
			kind = KindNumber
		}
		u := NumberUnit(unit % 4) // none, rupiah, area, count
		v, err := parseNumber(s, kind, u)
		if err != nil {
			return
		}
		if math.IsNaN(v) || math.IsInf(v, 0) {
			t.Fatalf("parseNumber(%q, %v) = %v", s, u, v)
		}
		if v2, err2 := parseNumber(s, kind, u); err2 != nil || v2 != v {
			t.Fatalf("parseNumber(%q, %v) is not deterministic", s, u)
		}
		// The canonical forms read back to the same number: the shortest
		// digits with a decimal comma as text, as a spreadsheet stores it
		// in a numeric cell.
		canon := strings.Replace(strconv.FormatFloat(v, 'f', -1, 64), ".", ",", 1)
		if back, err := parseNumber(canon, KindText, u); err != nil || back != v {
			t.Fatalf("parseNumber(%q, %v) = %v, but its canonical form %q reads %v, %v", s, u, v, canon, back, err)
		}
		raw := strconv.FormatFloat(v, 'g', -1, 64)
		if back, err := parseNumber(raw, KindNumber, u); err != nil || back != v {
			t.Fatalf("parseNumber(%q, %v) = %v, but the numeric cell %q reads %v, %v", s, u, v, raw, back, err)
		}
	})
}

// FuzzNumberRoundTrip: a whole number written the Indonesian way reads back.
func FuzzNumberRoundTrip(f *testing.F) {
	f.Add(int64(2500000), true)
	f.Add(int64(7), false)
	f.Fuzz(func(t *testing.T, n int64, rp bool) {
		if n < 0 || n > 1e15 {
			return
		}
		s := strconv.FormatInt(n, 10)
		var b strings.Builder
		for i, c := range s {
			if i > 0 && (len(s)-i)%3 == 0 {
				b.WriteByte('.')
			}
			b.WriteRune(c)
		}
		text := b.String()
		if rp {
			text = "Rp " + text
		}
		v, err := ParseNumber(text, KindText)
		if err != nil || v != float64(n) {
			t.Fatalf("ParseNumber(%q) = %v, %v; want %d", text, v, err, n)
		}
	})
}

func FuzzParseCode(f *testing.F) {
	labels := map[string]int{"milik sendiri": 1, "kontrak/sewa": 2}
	for _, s := range []string{"1", "01", "1.0", "1. Milik sendiri", "1 - Milik sendiri", "Milik Sendiri", "1.5", "x"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n, err := ParseCode(s, labels)
		if err == nil && n < 0 {
			t.Fatalf("ParseCode(%q) = %d", s, n)
		}
		// Any string of digits is the code it spells (leading zeros aside).
		digits := strings.TrimSpace(s)
		if k, convErr := strconv.Atoi(digits); convErr == nil && allDigits(digits) && k < 1e9 && (err != nil || n != k) {
			t.Fatalf("ParseCode(%q) = %d, %v; want %d", s, n, err, k)
		}
	})
}

func FuzzParseYesNo(f *testing.F) {
	for _, s := range []string{"ya", "Tidak", "1", "0", "2", "true", "mungkin", " Y "} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		v, err := ParseYesNo(s)
		if err != nil {
			return
		}
		// Case and surrounding space never change the answer.
		if v2, err2 := ParseYesNo(" " + strings.ToUpper(s) + " "); err2 == nil && v2 != v && strings.ToUpper(s) == strings.ToUpper(strings.ToLower(s)) {
			t.Fatalf("ParseYesNo(%q) = %v but upper case gives %v", s, v, v2)
		}
	})
}

var dotted = regexp.MustCompile(`^\d{2}\.\d{2}\.\d{2}\.\d{4}$`)

func FuzzNormalizeVillageCode(f *testing.F) {
	for _, s := range []string{"63.09.06.2004", "6309062004", "6309062004.0", "63.09", "x"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		c, err := NormalizeVillageCode(s)
		if err != nil {
			return
		}
		if !dotted.MatchString(c) {
			t.Fatalf("NormalizeVillageCode(%q) = %q, not dotted", s, c)
		}
		if again, err := NormalizeVillageCode(c); err != nil || again != c {
			t.Fatalf("not idempotent: %q -> %q -> %q", s, c, again)
		}
	})
}

func FuzzRound2(f *testing.F) {
	for _, v := range []float64{2.675, 74.995, 0.125, 1e-9, 99.999, 123456.785} {
		f.Add(v)
	}
	f.Fuzz(func(t *testing.T, v float64) {
		if math.IsNaN(v) || math.IsInf(v, 0) || math.Abs(v) > 1e12 {
			return
		}
		s := Round2Text(v)
		if i := strings.IndexByte(s, '.'); i < 0 || len(s)-i != 3 {
			t.Fatalf("Round2Text(%v) = %q: not two decimals", v, s)
		}
		r, err := strconv.ParseFloat(s, 64)
		if err != nil || math.Abs(r-v) > 0.005+1e-9*math.Max(1, math.Abs(v)) {
			t.Fatalf("Round2Text(%v) = %q: further than half a cent", v, s)
		}
	})
}

// physicalLines counts the lines of text as a text editor does: each ends
// with "\n", "\r\n" or a lone "\r", the last one possibly with nothing.
func physicalLines(text []byte) int {
	n := 0
	for i, c := range text {
		if c == '\n' || c == '\r' && (i+1 == len(text) || text[i+1] != '\n') {
			n++
		}
	}
	if len(text) > 0 && !endsWithLineEnd(text) {
		n++
	}
	return n
}

func endsWithLineEnd(text []byte) bool {
	return len(text) > 0 && (text[len(text)-1] == '\n' || text[len(text)-1] == '\r')
}

// csvText is the text a CSV reader reads from data: UTF-16 decoded. The
// other encodings it reads keep the bytes of line ends as they are.
func csvText(data []byte) []byte {
	if bytes.HasPrefix(data, []byte{0xFF, 0xFE}) || bytes.HasPrefix(data, []byte{0xFE, 0xFF}) {
		out, err := unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM).NewDecoder().Bytes(data)
		if err == nil {
			return out
		}
	}
	return data
}

// csvRecordSeen is a record as the CSV source gave it, with its flaw.
type csvRecordSeen struct {
	num   int
	cells []string
	flaw  rowFlaw
}

// readCSVRecords reads data with the first row as the header.
func readCSVRecords(t *testing.T, data []byte) (head []string, recs []csvRecordSeen, comma rune, err error) {
	src, err := newCSVSource(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("newCSVSource on bytes: %v", err)
	}
	strs := func(cells []Cell) []string {
		out := make([]string, len(cells))
		for i, c := range cells {
			out[i] = c.Value
		}
		return out
	}
	if !src.Next() {
		return nil, nil, src.Comma, src.Err()
	}
	head = strs(src.Row().Cells)
	src.setHeader(src.Row().Cells)
	for src.Next() {
		recs = append(recs, csvRecordSeen{num: src.Row().Num, cells: strs(src.Row().Cells), flaw: src.rowFlaw()})
	}
	return head, recs, src.Comma, src.Err()
}

// newlines counts the line breaks inside a record's cells: the reader keeps
// each, whatever the file's line ends, as one "\n".
func newlines(cells []string) int {
	n := 0
	for _, c := range cells {
		n += strings.Count(c, "\n")
	}
	return n
}

// FuzzCSVSource checks the reader's accounting of lines on arbitrary bytes:
// the records cover every line of the text once, in order; row numbers go
// up by the rows each record counts for; every record whose cells differ
// from the header's width, or hold a multi-line cell with a separator, is
// reported.
func FuzzCSVSource(f *testing.F) {
	for _, s := range []string{"a,b\n1,2\n", "a;b\n\"x;y\";2\n", "\xEF\xBB\xBFa\tb\n", "a,\"b\n", "\"\"\"", "\xff\xfe;\n",
		"a,b,c\n1,\"2,3\n4,5,6\n7,8\",9\n", "a,b\r1\r2,3,4\r", "a,b\n1,\"x\ny\"\n\n5,6", "a,b\r\n\"p\r\nq\",2\r\n1"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		head, recs, comma, err := readCSVRecords(t, data)
		if err != nil || head == nil {
			return
		}
		text := csvText(data)
		width := len(head)
		for width > 0 && isBlank(head[width-1]) {
			width--
		}
		lines := 1 + newlines(head)
		num := 1
		for k, r := range recs {
			if r.num != num+1 {
				t.Fatalf("record %d numbered %d after row %d", k, r.num, num)
			}
			j := r.flaw.flags&flawJoined != 0
			span := 1 + newlines(r.cells)
			lines += span
			num = r.num
			if j {
				num += span - 1
				if int(r.flaw.span) != span {
					t.Fatalf("row %d: joined %d lines, its cells hold %d", r.num, r.flaw.span, span)
				}
			}
			checkCSVFlaw(t, r, width, comma, k == len(recs)-1 && !endsWithLineEnd(text))
		}
		if want := physicalLines(text); lines != want {
			t.Fatalf("the records cover %d lines, the text has %d", lines, want)
		}
	})
}

// checkCSVFlaw compares a record's flaw with what its cells show.
func checkCSVFlaw(t *testing.T, r csvRecordSeen, width int, comma rune, cut bool) {
	t.Helper()
	f := r.flaw
	if width == 0 {
		if f.flags != 0 {
			t.Fatalf("row %d: flaw %s without a header", r.num, flawText(f))
		}
		return
	}
	short := len(r.cells) < width
	long := len(r.cells) > width && !blankCells(toCells(r.cells[width:]))
	multi, delim := false, false
	for _, c := range r.cells {
		if strings.Contains(c, "\n") {
			multi = true
			delim = delim || strings.Count(c, string(comma)) >= rowSeparators(width)
		}
	}
	joined := f.flags&flawJoined != 0
	unclosed := joined && !f.quote.closed
	switch {
	case multi && (delim || short || long) && !joined:
		t.Fatalf("row %d %q: a multi-line cell with a separator or a wrong width, not reported as joined", r.num, r.cells)
	case joined && !unclosed && !(multi && (delim || short || long)):
		t.Fatalf("row %d %q: reported joined (%s)", r.num, r.cells, flawText(f))
	case !joined && (f.flags&flawShort != 0) != short:
		t.Fatalf("row %d: %d fields, header %d, flaw %s", r.num, len(r.cells), width, flawText(f))
	case !joined && (f.flags&flawLong != 0) != long:
		t.Fatalf("row %d %q: header %d, flaw %s", r.num, r.cells, width, flawText(f))
	case (f.flags&flawNoLineEnd != 0) != (cut && !unclosed):
		t.Fatalf("row %d: cut %v, flaw %s", r.num, cut, flawText(f))
	}
}

func toCells(vs []string) []Cell {
	cells := make([]Cell, len(vs))
	for i, v := range vs {
		cells[i] = Cell{Value: v}
	}
	return cells
}

// FuzzScoreCSV feeds arbitrary survey rows under the default header: whatever
// the cells hold, nothing panics, every row is scored, rejected or blank,
// every line of the body is a row or a line break inside a cell of one,
// rows go forward, and each record the reader found flawed is reported.
func FuzzScoreCSV(f *testing.F) {
	sample, err := os.ReadFile("../testdata/handworked/survey.csv")
	if err != nil {
		f.Fatal(err)
	}
	lines := strings.SplitN(string(sample), "\n", 2)
	f.Add(lines[1])
	f.Add("6309062004,,K,D,3,1,x,P,2,dua,-1,,,,ya\n,,,\n")
	rows := strings.Split(lines[1], "\n")
	f.Add(rows[0] + "\n" + strings.Replace(rows[1], ",Siti", ",\"Siti", 1) + "\n" + rows[2] + "\n" + rows[3])
	f.Add(rows[0] + "\r" + rows[1][:40])
	set := defaultSet(f)
	dir := f.TempDir()
	// With the register, as the command line scores: the names of units
	// are checked and found, and their issues take their rows' places.
	reg := builtinRegister(f)
	f.Fuzz(func(t *testing.T, body string) {
		path := filepath.Join(dir, "s.csv")
		data := []byte(lines[0] + "\n" + body)
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
		var hhRows []int
		res, err := Score(context.Background(), set, []string{path}, Options{Register: reg, OnHousehold: func(h *Household) {
			hhRows = append(hhRows, h.Row)
		}})
		if err != nil {
			return // no household, or a header that no longer matches
		}
		s := res.Summary
		if s.RowsRead != s.Scored+s.Rejected+s.Blank {
			t.Fatalf("accounting %+v", s)
		}
		for _, u := range res.Units {
			if u.IKK != nil && (*u.IKK < 0 || *u.IKK > 100) {
				t.Fatalf("IKK %v out of range", *u.IKK)
			}
		}
		for i := 1; i < len(hhRows); i++ {
			if hhRows[i] <= hhRows[i-1] {
				t.Fatalf("household rows %v do not go forward", hhRows)
			}
		}
		for i := 1; i < res.Issues.Len(); i++ {
			if res.Issues.At(i).Row < res.Issues.At(i-1).Row {
				t.Fatalf("issue at row %d after one at row %d", res.Issues.At(i).Row, res.Issues.At(i-1).Row)
			}
		}
		if res.Inputs[0].HeaderRow != 1 {
			return // the body changed the separator and holds a header of its own
		}
		// The reader on its own: every line of the body is a row, or a line
		// break inside a cell of a row read as one.
		_, recs, _, err := readCSVRecords(t, data)
		if err != nil {
			t.Fatalf("the reader fails where Score did not: %v", err)
		}
		width := len(strings.Split(lines[0], ","))
		absorbed, flawed, joined, joinedRows := 0, 0, 0, 0
		for _, r := range recs {
			short := len(r.cells) < width
			long := len(r.cells) > width && !blankCells(toCells(r.cells[width:]))
			if r.flaw.flags&flawJoined != 0 {
				joined++
				joinedRows += r.flaw.rows()
			} else {
				absorbed += newlines(r.cells)
			}
			if (short || long) && !blankCells(toCells(r.cells)) {
				flawed++
			}
		}
		if want := physicalLines([]byte(body)) - absorbed; s.RowsRead != want {
			t.Fatalf("rows_read %d; the body has %d lines, %d of them inside multi-line cells", s.RowsRead, physicalLines([]byte(body)), absorbed)
		}
		c := res.IssueCounts
		if c[IssueUnbalancedQuote] != joined || s.Rejected < joinedRows {
			t.Fatalf("%d joined records of %d rows; %d unbalanced_quote issues, %d rejected", joined, joinedRows, c[IssueUnbalancedQuote], s.Rejected)
		}
		if got := c[IssueShortRow] + c[IssueLongRow] + c[IssueUnbalancedQuote]; got < flawed {
			t.Fatalf("%d records of another width than the header's, %d reported", flawed, got)
		}
		// A cut last line is reported, unless a quote left open to the end
		// took it in, which is reported as that.
		last := recs[len(recs)-1].flaw
		open := last.flags&flawJoined != 0 && !last.quote.closed
		cut := !endsWithLineEnd([]byte(body)) && !open
		if want := map[bool]int{true: 1}[cut]; c[IssueNoLineEnd] != want {
			t.Fatalf("the last line cut %v; issues %v", cut, c)
		}
	})
}

// FuzzXLSX opens arbitrary bytes as a workbook: an error is fine, a panic or
// a hang is not. Each sheet's rows must come strictly in order; and when
// scoring succeeds, every row below the header of the sheet it read is
// counted once, as scored, rejected or blank: none disappears.
func FuzzXLSX(f *testing.F) {
	for _, p := range []string{
		"../testdata/handworked/survey_template_libreoffice.xlsx", "../testdata/bad/truncated.xlsx",
		"../testdata/corpus/hidden_sheet.xlsx", "../testdata/corpus/formula_no_value.xlsx", "../testdata/corpus/formula_cached.xlsx",
	} {
		data, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add([]byte("PK\x03\x04"))
	set := defaultSet(f)
	dir := f.TempDir()
	f.Fuzz(func(t *testing.T, data []byte) {
		path := filepath.Join(dir, "w.xlsx")
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
		rows := map[string][]int{} // row numbers by sheet
		wb, err := Open(path)
		if err != nil {
			return
		}
		for _, sh := range wb.Sheets() {
			src, err := wb.Rows(sh)
			if err != nil {
				continue
			}
			for n := 0; src.Next() && n < 100000; n++ {
				nums := rows[sh]
				if k := len(nums); k > 0 && src.Row().Num <= nums[k-1] {
					t.Fatalf("sheet %q: row %d after row %d", sh, src.Row().Num, nums[k-1])
				}
				rows[sh] = append(nums, src.Row().Num)
			}
			if src.Err() != nil {
				rows[sh] = nil // not read to its end: not comparable
			}
			src.Close()
		}
		wb.Close()
		res, err := Score(context.Background(), set, []string{path}, Options{})
		if err != nil {
			return
		}
		s := res.Summary
		if s.RowsRead != s.Scored+s.Rejected+s.Blank {
			t.Fatalf("accounting %+v", s)
		}
		in := res.Inputs[0]
		nums, ok := rows[in.Sheet]
		if !ok || len(nums) >= 100000 {
			return
		}
		below := 0
		for _, n := range nums {
			if n > in.HeaderRow {
				below++
			}
		}
		if nums == nil || below != s.RowsRead {
			t.Fatalf("sheet %q: %d rows below the header (row %d), %d read: %+v", in.Sheet, below, in.HeaderRow, s.RowsRead, s)
		}
	})
}

func FuzzLoadSet(f *testing.F) {
	def, err := os.ReadFile("../indicators.yaml")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(def)
	f.Add([]byte(miniSet))
	f.Add([]byte("schema: ikk.indicators/v1\nid: &a x\nname: *a\n"))
	f.Add([]byte("- a\n- b\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		s, err := LoadSet("f.yaml", data)
		if err != nil {
			if s != nil {
				t.Fatal("a set and an error")
			}
			if err.Error() == "" {
				t.Fatal("an empty error")
			}
			return
		}
		// A set that loads must be usable: every indicator compiles.
		for _, ind := range s.Indicators {
			compileIndicator(ind, s)
		}
	})
}
