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
)

func FuzzParseNumber(f *testing.F) {
	for _, s := range []string{"2.500.000", "36,5", "36.5", "Rp 1.250.000,50", "1.5E-3", "-3", "1.125", "", "Rp", "1.2.3"} {
		f.Add(s, false)
	}
	f.Fuzz(func(t *testing.T, s string, numeric bool) {
		kind := KindText
		if numeric {
			kind = KindNumber
		}
		v, err := ParseNumber(s, kind)
		if err == nil && (math.IsNaN(v) || math.IsInf(v, 0)) {
			t.Fatalf("ParseNumber(%q) = %v", s, v)
		}
		v2, err2 := ParseNumber(s, kind)
		if (err == nil) != (err2 == nil) || (err == nil && v != v2) {
			t.Fatalf("ParseNumber(%q) is not deterministic", s)
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

func FuzzCSVSource(f *testing.F) {
	for _, s := range []string{"a,b\n1,2\n", "a;b\n\"x;y\";2\n", "\xEF\xBB\xBFa\tb\n", "a,\"b\n", "\"\"\"", "\xff\xfe;\n"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		src, err := NewCSVSource(bytes.NewReader(data))
		if err != nil {
			return
		}
		last := 0
		for src.Next() {
			r := src.Row()
			if r.Num <= last {
				t.Fatalf("row numbers not increasing: %d after %d", r.Num, last)
			}
			last = r.Num
		}
	})
}

// FuzzScoreCSV feeds arbitrary survey rows under the default header: whatever
// the cells hold, nothing panics and every row is scored, rejected or blank.
func FuzzScoreCSV(f *testing.F) {
	sample, err := os.ReadFile("../testdata/handworked/survey.csv")
	if err != nil {
		f.Fatal(err)
	}
	lines := strings.SplitN(string(sample), "\n", 2)
	f.Add(lines[1])
	f.Add("6309062004,,K,D,3,1,x,P,2,dua,-1,,,,ya\n,,,\n")
	set := defaultSet(f)
	dir := f.TempDir()
	f.Fuzz(func(t *testing.T, body string) {
		path := filepath.Join(dir, "s.csv")
		if err := os.WriteFile(path, []byte(lines[0]+"\n"+body), 0o644); err != nil {
			t.Fatal(err)
		}
		res, err := Score(context.Background(), set, []string{path}, Options{})
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
