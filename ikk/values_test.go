package ikk

import (
	"bytes"
	"context"
	"errors"
	"math"
	"strings"
	"testing"

	"github.com/ikk-tools/ikk/internal/surveygen"
)

func TestRound2(t *testing.T) {
	tests := []struct {
		in   float64
		want string
	}{
		{2.675, "2.68"}, // stored as 2.67499999..., printed as 2.675: a person rounds up
		{74.995, "75.00"},
		{0.125, "0.13"},
		{73.98456, "73.98"},
		{73.985, "73.99"},
		{0, "0.00"},
		{100, "100.00"},
		{99.995, "100.00"},
		{9.995, "10.00"},
		{0.005, "0.01"},
		{0.004999, "0.00"},
		{1.1, "1.10"},
		{1e-7, "0.00"},
		{123456.789, "123456.79"},
		{-2.675, "-2.68"},
		{-0.001, "0.00"},
		{200.0 / 3, "66.67"},
		{469.0 / 6, "78.17"},
	}
	for _, tt := range tests {
		if got := Round2Text(tt.in); got != tt.want {
			t.Errorf("Round2Text(%v) = %q, want %q", tt.in, got, tt.want)
		}
	}
	if got := Round2(74.995); got != 75 {
		t.Errorf("Round2(74.995) = %v, want 75", got)
	}
}

func TestCategoryOnRoundedValue(t *testing.T) {
	s := &Set{Categories: []Category{{ID: 1, Label: "Kurang", Min: 0}, {ID: 2, Label: "Cukup", Min: 60}, {ID: 3, Label: "Responsif", Min: 75}}}
	tests := []struct {
		v    float64
		want int
	}{
		{74.995, 3}, // prints as 75,00: never shown under category 2
		{74.994999, 2},
		{74.99, 2},
		{75.01, 3},
		{59.9999999, 2},
		{59.9949, 1},
		{59.995, 2},
		{59.99, 1},
		{60, 2},
		{75, 3},
		{73.98, 2}, // Desa Pondok Labu
		{81.78, 3}, // Desa Sangsang
		{84.29, 3}, // Desa Ampukung
		{0, 1},
		{100, 3},
	}
	for _, tt := range tests {
		c := s.Category(tt.v)
		if c == nil || c.ID != tt.want {
			t.Errorf("Category(%v) = %v, want %d", tt.v, c, tt.want)
		}
	}
	if c := s.Category(-1); c != nil {
		t.Errorf("Category(-1) = %v, want none", c)
	}
}

func TestParseYesNo(t *testing.T) {
	yes := []string{"ya", "Ya", " YA ", "y", "Y", "yes", "1", "1.0", "01", "true", "TRUE", "benar", "Benar"}
	no := []string{"tidak", "Tidak", "TIDAK", "tdk", "t", "no", "n", "0", "2", "2.0", "false", "FALSE", "salah"}
	bad := []string{"mungkin", "kadang", "3", "-1", "ya tidak", "yaa", "1.5", "?", "-"}
	for _, s := range yes {
		if v, err := ParseYesNo(s); err != nil || !v {
			t.Errorf("ParseYesNo(%q) = %v, %v; want yes", s, v, err)
		}
	}
	for _, s := range no {
		if v, err := ParseYesNo(s); err != nil || v {
			t.Errorf("ParseYesNo(%q) = %v, %v; want no", s, v, err)
		}
	}
	for _, s := range bad {
		if _, err := ParseYesNo(s); err == nil {
			t.Errorf("ParseYesNo(%q) accepted, want an error", s)
		}
	}
}

func TestParseCode(t *testing.T) {
	labels := map[string]int{"milik sendiri": 1, "kontrak/sewa": 2, "air hujan": 6}
	tests := []struct {
		in   string
		want int
		ok   bool
	}{
		{"1", 1, true},
		{"01", 1, true},
		{"1.0", 1, true},
		{"1,0", 1, true},
		{" 2 ", 2, true},
		{"1. Milik sendiri", 1, true},
		{"1 - Milik sendiri", 1, true},
		{"2) Kontrak/sewa", 2, true},
		{"10: Lainnya", 10, true},
		{"Milik Sendiri", 1, true},
		{"  milik   sendiri ", 1, true},
		{"AIR HUJAN", 6, true},
		{"1.5", 0, false},
		{"sendiri", 0, false},
		{"x1", 0, false},
		{"", 0, false},
		{"12abc", 0, false},
	}
	for _, tt := range tests {
		got, err := ParseCode(tt.in, labels)
		if (err == nil) != tt.ok || got != tt.want {
			t.Errorf("ParseCode(%q) = %d, %v; want %d, ok=%v", tt.in, got, err, tt.want, tt.ok)
		}
	}
}

func TestParseNumber(t *testing.T) {
	tests := []struct {
		in   string
		kind CellKind
		want float64
		ok   bool
	}{
		{"2.500.000", KindText, 2500000, true},
		{"36,5", KindText, 36.5, true},
		{"36.5", KindText, 36.5, true},
		{"Rp 1.250.000", KindText, 1250000, true},
		{"Rp1.250.000,50", KindText, 1250000.5, true},
		{"rp. 750.000", KindText, 750000, true},
		{"Rp.2.500.000", KindText, 2500000, true},
		{"0.125", KindText, 0.125, true}, // a lone 0 before the dot: a decimal point
		{"0.125.000", KindText, 0, false},
		{"012.500", KindText, 0, false},
		{"rupiah", KindText, 0, false},
		{"750.000", KindText, 750000, true},
		{"1.125", KindText, 1125, true},    // text: Indonesian thousands
		{"1.125", KindNumber, 1.125, true}, // a numeric cell: a decimal point
		{"1 250 000", KindText, 1250000, true},
		{"1\u00a0250\u00a0000", KindText, 1250000, true},
		{"2500000", KindText, 2500000, true},
		{"0", KindText, 0, true},
		{"-3", KindText, -3, true},
		{"1.5E-3", KindText, 0.0015, true},
		{"6.3E+15", KindNumber, 6.3e15, true},
		{"12,5.0", KindText, 0, false},
		{"1.2.3", KindText, 0, false},
		{"1.25.000", KindText, 0, false},
		{"1234.567.000", KindText, 0, false},
		{"dua", KindText, 0, false},
		{"", KindText, 0, false},
		{"Rp", KindText, 0, false},
		{"36,", KindText, 0, false},
		{",5", KindText, 0, false},
		{"NaN", KindNumber, 0, false},
		{"Inf", KindText, 0, false},
		{"1e999", KindText, 0, false},
	}
	for _, tt := range tests {
		got, err := ParseNumber(tt.in, tt.kind)
		if (err == nil) != tt.ok || (tt.ok && math.Abs(got-tt.want) > 1e-9) {
			t.Errorf("ParseNumber(%q, %v) = %v, %v; want %v, ok=%v", tt.in, tt.kind, got, err, tt.want, tt.ok)
		}
	}
}

// TestParseNumberUnits: what cadres type in amount and area columns, read
// where the spelling fits the column and refused where it does not.
func TestParseNumberUnits(t *testing.T) {
	const bad = math.MaxFloat64 // refused
	tests := []struct {
		in                 string
		none, rupiah, area float64
	}{
		// Plain numbers read alike in every column.
		{"1.250.000", 1250000, 1250000, 1250000},
		{"1.250.000,00", 1250000, 1250000, 1250000},
		{"1.250", 1250, 1250, 1250}, // a dot before exactly three digits: thousands
		{"12.500.000", 12500000, 12500000, 12500000},
		{"1,5", 1.5, 1.5, 1.5},      // the decimal comma
		{"1,250", 1.25, 1.25, 1.25}, // a single comma is always the decimal comma
		{"1.5", 1.5, 1.5, 1.5},      // a dot before one digit: a decimal point
		{"0.125", 0.125, 0.125, 0.125},
		{"1,250,000", 1250000, 1250000, 1250000}, // two commas cannot be decimal commas
		{"1,250.50", 1250.5, 1250.5, 1250.5},     // nor one before a point
		{"1,250,000.75", 1250000.75, 1250000.75, 1250000.75},
		{"1.250.000,5", 1250000.5, 1250000.5, 1250000.5},
		{"1 250 000", 1250000, 1250000, 1250000},
		{"36,5", 36.5, 36.5, 36.5},
		{"-3", -3, -3, -3},
		{"1.5E-3", 0.0015, 0.0015, 0.0015},
		// Currency: in amount columns, and "Rp" in columns without a unit
		// as before units existed.
		{"Rp1.250.000,-", bad, 1250000, bad},
		{"Rp. 750.000", 750000, 750000, bad},
		{"Rp 750.000,00", 750000, 750000, bad},
		{"Rp 750.000,-", bad, 750000, bad},
		{"Rp 50.000.-", bad, 50000, bad},
		{"rp.2.500.000", 2500000, 2500000, bad},
		{"RP 1,250,000", 1250000, 1250000, bad},
		{"IDR 750.000", bad, 750000, bad},
		{"idr750000", bad, 750000, bad},
		{"Rp 1.250.000", 1250000, 1250000, bad},
		{"750.000 rupiah", bad, 750000, bad},
		{"-Rp 5.000", -5000, -5000, bad},
		{"Rp -5.000", -5000, -5000, bad},
		// Multipliers, in amount columns only.
		{"750rb", bad, 750000, bad},
		{"750 rb", bad, 750000, bad},
		{"750 rb.", bad, 750000, bad},
		{"750 ribu", bad, 750000, bad},
		{"750RIBU", bad, 750000, bad},
		{"750k", bad, 750000, bad},
		{"750 K", bad, 750000, bad},
		{"2,5 juta", bad, 2500000, bad},
		{"2.5 juta", bad, 2500000, bad},
		{"1,2 jt", bad, 1200000, bad},
		{"1,2jt.", bad, 1200000, bad},
		{"2jt", bad, 2000000, bad},
		{"Rp 2,5 juta", bad, 2500000, bad},
		{"2 juta rupiah", bad, 2000000, bad},
		{"1 miliar", bad, 1e9, bad},
		{"1,5 milyar", bad, 1.5e9, bad},
		{"1.250 rb", bad, 1250000, bad},
		{"1,5 M", bad, bad, bad}, // M is miliar to some, juta to others
		{"1,5M", bad, bad, bad},
		{"2 jt rb", bad, bad, bad},
		{"rb", bad, bad, bad},
		{"Rp", bad, bad, bad},
		{"Rp ,-", bad, bad, bad},
		{"750.000 dolar", bad, bad, bad},
		{"$750", bad, bad, bad},
		{"1e6 rb", bad, bad, bad},
		// Areas, in area columns only.
		{"36,5 m2", bad, bad, 36.5},
		{"36 m²", bad, bad, 36},
		{"36,5m2", bad, bad, 36.5},
		{"36.5 M2", bad, bad, 36.5},
		{"36 meter persegi", bad, bad, 36},
		{"36 m2", bad, bad, 36},
		{"36 m", bad, bad, bad},
		{"36 meter", bad, bad, bad},
		{"m2", bad, bad, bad},
		{"36 m2 m2", bad, bad, bad},
		{"36 ha", bad, bad, bad},
		// Ambiguous or malformed separators stay refused.
		{"1,25,000", bad, bad, bad},
		{"1,250,5", bad, bad, bad},
		{"1.250,000.5", bad, bad, bad},
		{"1,2.3,4", bad, bad, bad},
		{"12,5.0", bad, bad, bad},
		{"0,250,000", bad, bad, bad},
		{"1..250", bad, bad, bad},
		{"1.", bad, bad, bad},
		{".5", bad, bad, bad},
		{"0x1p-2", bad, bad, bad},
		{"1e", bad, bad, bad},
		{"--5", bad, bad, bad},
		{"tidak tahu", bad, bad, bad},
	}
	for _, tt := range tests {
		for _, c := range []struct {
			unit NumberUnit
			want float64
		}{{UnitNone, tt.none}, {UnitRupiah, tt.rupiah}, {UnitArea, tt.area}} {
			got, err := parseNumber(tt.in, KindText, c.unit)
			switch {
			case c.want == bad && err == nil:
				t.Errorf("%v column: %q read as %v, want refused", c.unit, tt.in, got)
			case c.want != bad && (err != nil || math.Abs(got-c.want) > 1e-9*math.Max(1, math.Abs(c.want))):
				t.Errorf("%v column: %q = %v, %v; want %v", c.unit, tt.in, got, err, c.want)
			}
		}
	}
	// Multipliers are exact: 1,2 jt is 1200000, not 1199999.9999999998.
	if got, _ := parseNumber("1,2 jt", KindText, UnitRupiah); got != 1200000 {
		t.Errorf("1,2 jt = %v", got)
	}
	// A count takes no currency.
	if _, err := ParseCount("Rp 3", KindText); err == nil {
		t.Error("a count read Rp 3")
	}
}

// TestParseNumberAllocates: the reader of number cells runs for every cell
// of a million-row survey, and allocates nothing.
func TestParseNumberAllocates(t *testing.T) {
	for _, s := range []string{"2500000", "5.350.000", "Rp 1.800.000", "Rp1.250.000,-", "2,5 juta", "36,5 m2", "1 250 000", "tidak tahu"} {
		for _, u := range []NumberUnit{UnitNone, UnitRupiah, UnitArea} {
			if n := testing.AllocsPerRun(100, func() { parseNumber(s, KindText, u) }); n != 0 {
				t.Errorf("parseNumber(%q, %v) allocates %v times", s, u, n)
			}
		}
	}
}

func BenchmarkParseNumber(b *testing.B) {
	cells := []struct {
		s string
		u NumberUnit
	}{{"2500000", UnitRupiah}, {"5.350.000", UnitRupiah}, {"Rp 1.800.000", UnitRupiah}, {"2,5 juta", UnitRupiah}, {"36,5", UnitArea}, {"36,5 m2", UnitArea}}
	for _, c := range cells {
		b.Run(c.s, func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				parseNumber(c.s, KindText, c.u)
			}
		})
	}
}

func TestParseCount(t *testing.T) {
	tests := []struct {
		in   string
		want int
		ok   bool
	}{
		{"3", 3, true}, {"3.0", 3, true}, {"03", 3, true}, {"0", 0, true}, {"-1", -1, true},
		{"2,5", 0, false}, {"dua", 0, false}, {"1.5", 0, false},
	}
	for _, tt := range tests {
		got, err := ParseCount(tt.in, KindText)
		if (err == nil) != tt.ok || got != tt.want {
			t.Errorf("ParseCount(%q) = %d, %v; want %d, ok=%v", tt.in, got, err, tt.want, tt.ok)
		}
	}
}

func TestParseSex(t *testing.T) {
	tests := map[string]Sex{
		"L": SexMale, "l": SexMale, "Laki-laki": SexMale, "LAKI-LAKI": SexMale, "laki laki": SexMale, "1": SexMale, "1.0": SexMale,
		"P": SexFemale, "Perempuan": SexFemale, "perempuan": SexFemale, "2": SexFemale, "wanita": SexFemale,
	}
	for in, want := range tests {
		if got, err := ParseSex(in); err != nil || got != want {
			t.Errorf("ParseSex(%q) = %v, %v; want %v", in, got, err, want)
		}
	}
	for _, in := range []string{"X", "3", "lelaki perempuan", ""} {
		if _, err := ParseSex(in); err == nil {
			t.Errorf("ParseSex(%q) accepted", in)
		}
	}
}

func TestNormalizeVillageCode(t *testing.T) {
	tests := []struct {
		in, want string
		ok       bool
	}{
		{"63.09.06.2004", "63.09.06.2004", true},
		{"6309062004", "63.09.06.2004", true},
		{" 6309062004 ", "63.09.06.2004", true},
		{"6309062004.0", "63.09.06.2004", true}, // a numeric cell read back
		{"63 09 06 2004", "63.09.06.2004", true},
		{"63.09.06.1001", "63.09.06.1001", true}, // a kelurahan
		{"63.09.06", "", false},
		{"630906200", "", false},
		{"63.090.6.2004", "", false},
		{"63.09.06.2004.1", "", false},
		{"6309O62004", "", false},
		{"", "", false},
	}
	for _, tt := range tests {
		got, err := NormalizeVillageCode(tt.in)
		if (err == nil) != tt.ok || got != tt.want {
			t.Errorf("NormalizeVillageCode(%q) = %q, %v; want %q, ok=%v", tt.in, got, err, tt.want, tt.ok)
		}
	}
}

func TestNormalizeRT(t *testing.T) {
	for in, want := range map[string]string{"003": "3", "3": "3", "RT 03": "3", "rt.3": "3", "RT 003/RW 02": "003/rw 02", "0": "0", "000": "0", " 12 ": "12", "": ""} {
		if got := NormalizeRT(in); got != want {
			t.Errorf("NormalizeRT(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestNormalizeHeader(t *testing.T) {
	for in, want := range map[string]string{
		"buku_nikah": "buku nikah", " Buku Nikah ": "buku nikah", "BUKU-NIKAH": "buku nikah", "buku.nikah": "buku nikah",
		"buku__nikah": "buku nikah", "\ufeffkode_desa": "kode desa", "grp_a/buku_nikah": "grp a/buku nikah",
	} {
		if got := NormalizeHeader(in); got != want {
			t.Errorf("NormalizeHeader(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestHeaderMatch(t *testing.T) {
	set := defaultSet(t)
	m := newHeaderMatcher(set)
	tests := []struct {
		header, col string
		how         int
	}{
		{"buku_nikah", "buku_nikah", 3},
		{"Buku Nikah", "buku_nikah", 3},
		{"grp_ikk/buku_nikah", "buku_nikah", 2},
		{"grp_ikk-buku_nikah", "buku_nikah", 1},
		{"identitas.kode_desa", "kode_desa", 1},
		{"Nama Desa", "desa", 3},
		{"kode desa/kelurahan", "kode_desa", 3},
		{"Apakah ada anggota keluarga yang menderita penyakit kronis atau disabilitas?", "ada_sakit_kronis", 3},
		{"alamat", "", 0},
		{"", "", 0},
	}
	for _, tt := range tests {
		col, how := m.match(tt.header)
		if col != tt.col || how != tt.how {
			t.Errorf("match(%q) = %q, %d; want %q, %d", tt.header, col, how, tt.col, tt.how)
		}
	}
}

func TestMaskKK(t *testing.T) {
	for in, want := range map[string]string{
		"6309062004000123":   "630906******0123",
		" 6309062004000123 ": "630906******0123",
		"12345":              "*****",
		"":                   "",
	} {
		if got := MaskKK(in); got != want {
			t.Errorf("MaskKK(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestKKKey(t *testing.T) {
	if kkKey("6309062004000123") != kkKey("'6309062004000123") || kkKey("6309 0620 0400 0123") != kkKey("6309062004000123") {
		t.Error("the same KK number written differently gives different keys")
	}
	if kkKey("6309062004000123") == kkKey("6309062004000124") {
		t.Error("different KK numbers share a key")
	}
	if kkKey("KK-ABC") == kkKey("KK-ABD") {
		t.Error("different texts share a key")
	}
}

func TestColumnLetter(t *testing.T) {
	for i, want := range map[int]string{0: "A", 25: "Z", 26: "AA", 27: "AB", 51: "AZ", 52: "BA", 701: "ZZ", 702: "AAA"} {
		if got := ColumnLetter(i); got != want {
			t.Errorf("ColumnLetter(%d) = %q, want %q", i, got, want)
		}
	}
}

// TestSetUnits: a number column may declare what it measures, and reads
// the spellings of that unit; the loader refuses a unit it does not know
// or on a column that holds no number.
func TestSetUnits(t *testing.T) {
	src := strings.Replace(miniSet, "n: {type: number}", "n: {type: number, unit: rupiah}", 1)
	set, err := LoadSet("mini.yaml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	c := set.Column("n")
	if c.Unit != UnitRupiah {
		t.Fatalf("unit %v", c.Unit)
	}
	if v, err := c.parse(Cell{Value: "2,5 juta"}); err != nil || v.n != 2500000 {
		t.Errorf("2,5 juta = %v, %v", v.n, err)
	}
	_, err = c.parse(Cell{Value: "1,5 M"})
	if m := asMessage(err); m.Code != MsgNotNumber || m.Param("accepted") != AcceptedAmount || m.Param("forms") != formsRupiah {
		t.Errorf("1,5 M: %v %v", m.Code, m.Params)
	}
	for _, tt := range []struct{ old, new, scope, code string }{
		{"n: {type: number}", "n: {type: number, unit: dollar}", "column n", MsgSetUnitUnknown},
		{"a: {type: yesno}", "a: {type: yesno, unit: m2}", "column a", MsgSetUnitNotNumber},
		{"m: {type: count, min: 1}", "m: {type: count, min: 1, unit: m2}", "column m", MsgSetUnitNotNumber},
	} {
		_, err := LoadSet("mini.yaml", []byte(strings.Replace(miniSet, tt.old, tt.new, 1)))
		var se *SetError
		if !errors.As(err, &se) || len(se.Problems) != 1 || !problemIs(se.Problems[0].Message, tt.scope, tt.code, nil) {
			t.Errorf("%s: %v, want %s", tt.new, err, tt.code)
		}
	}
	def := defaultSet(t)
	if def.Column("pendapatan_bulan").Unit != UnitRupiah || def.Column("luas_lantai").Unit != UnitArea {
		t.Error("the default set declares no units")
	}
}

// dontKnowSet is the mini set with don't-know answers: two words for the
// whole set, and codes on a code, a count and a yes/no column.
var dontKnowSet = strings.NewReplacer(
	"status: {type: code, codes: {1: Belum kawin, 2: Kawin, 3: Cerai hidup, 4: Cerai mati}}",
	"status: {type: code, codes: {1: Belum kawin, 2: Kawin, 3: Cerai hidup, 4: Cerai mati}, dont_know: [8]}",
	"anak: {type: count}", "anak: {type: count, dont_know: [98]}",
	"a: {type: yesno}", "a: {type: yesno, dont_know: [8]}",
	"conditions:", "dont_know: [tidak tahu, tt]\nconditions:",
).Replace(miniSet)

// unitOutcomes gives the outcome of each indicator in a unit of one
// household, DontKnow told apart from Missing.
func unitOutcomes(t *testing.T, u *Unit) string {
	t.Helper()
	var parts []string
	for _, r := range u.Indicators {
		found := ""
		for o, n := range r.Counts {
			if n == 1 {
				found = Outcome(o).String()
			}
		}
		parts = append(parts, found)
	}
	return strings.Join(parts, " ")
}

// TestDontKnowOutcomes: a don't-know answer is absent like a blank cell
// (method section 1, step 4), told apart as dont_know, never a data issue;
// an invalid cell and a false condition still come first.
func TestDontKnowOutcomes(t *testing.T) {
	if strings.Count(dontKnowSet, "dont_know") != 4 {
		t.Fatal("the don't-know set lost a replacement")
	}
	tests := []struct {
		name, row string
		want      string // I1 I2 I3 I4
		issues    int
	}{
		{"a column's code as a fact", "8,1,ya,tidak,30,3", "dont_know dont_know pass dont_know", 0},
		{"a set word in a code column", "Tidak Tahu,1,ya,tidak,30,3", "dont_know dont_know pass dont_know", 0},
		{"98 children is a code", "2,98,ya,tidak,30,3", "pass dont_know pass pass", 0},
		{"98 in a count without codes is a number", "2,1,ya,tidak,30,98", "pass pass fail pass", 0},
		{"a set word in a yes/no column", "2,1,tt,tidak,30,3", "dont_know pass dont_know pass", 0},
		{"folded as answers are", "2,1,  TIDAK   TAHU ,tidak,30,3", "dont_know pass dont_know pass", 0},
		{"no-break spaces fold too", "2,1,tidak\u00a0tahu,tidak,30,3", "dont_know pass dont_know pass", 0},
		{"a yes/no column's code", "2,1,8,tidak,30,3", "dont_know pass dont_know pass", 0},
		{"a yes/no column's code with a label", "2,1,8. Tidak tahu,tidak,30,3", "dont_know pass dont_know pass", 0},
		{"a code of another column is invalid", "2,1,ya,8,30,3", "pass invalid pass pass", 1},
		{"a set word in a number column", "2,1,ya,tidak,tidak tahu,3", "pass pass dont_know pass", 0},
		{"condition false: na, answers unread", "1,1,tt,tidak,30,3", "na na dont_know fail", 0},
		{"an invalid answer beats a don't-know one", "2,1,tt,tidak,abc,3", "dont_know pass invalid pass", 1},
		{"an invalid fact beats a don't-know answer", "x,1,tt,tidak,30,3", "invalid invalid dont_know invalid", 1},
		{"don't know and blank together", "2,1,tt,tidak,,3", "dont_know pass dont_know pass", 0},
		{"a word near one is invalid", "2,1,tidak tahu.,tidak,30,3", "invalid pass invalid pass", 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := scoreCSV(t, dontKnowSet, miniHead+"63.09.06.2004,K,D,1,,L,"+tt.row+"\n")
			if got := unitOutcomes(t, unit(t, s.res, LevelDesa, "63.09.06.2004")); got != tt.want {
				t.Errorf("outcomes %q, want %q", got, tt.want)
			}
			if s.res.Issues.Len() != tt.issues {
				t.Errorf("issues %v, want %d", s.res.Issues.Slice(), tt.issues)
			}
			// A household's outcomes are the five of the method.
			want := strings.ReplaceAll(tt.want, "dont_know", "missing")
			if got := outcomes(s.households[0]); got != want {
				t.Errorf("household outcomes %q, want %q", got, want)
			}
		})
	}
	// The sex of the head, not known, is no issue either.
	s := scoreCSV(t, dontKnowSet, miniHead+"63.09.06.2004,K,D,1,,tidak tahu,2,1,ya,tidak,30,3\n")
	if s.res.Issues.Len() != 0 || s.households[0].Sex != SexUnknown {
		t.Errorf("sex tidak tahu: issues %v, sex %v", s.res.Issues.Slice(), s.households[0].Sex)
	}
}

// TestDontKnowAccounting scores a generated survey whose defects include
// "tidak tahu" and "99": in every unit, each household is one outcome of
// each indicator (pass + fail + na + missing + invalid = households), the
// don't-know answers are among the missing, and none is an issue.
func TestDontKnowAccounting(t *testing.T) {
	var buf bytes.Buffer
	cfg := surveygen.Config{Seed: 7, Households: 3000, Desa: 6, Kecamatan: 2, BlankRate: 0.02, InvalidRate: 0.03}
	if err := surveygen.Generate(&buf, cfg); err != nil {
		t.Fatal(err)
	}
	// Codes of the columns too: 98 members, 8 for marital status.
	text := strings.Replace(buf.String(), ",2,4,", ",8,98,", 40)
	path := writeFile(t, "survey.csv", text)
	set := defaultSet(t)
	res, err := Score(context.Background(), set, []string{path}, Options{OnHousehold: func(h *Household) {
		for _, o := range h.Outcomes {
			if o == DontKnow {
				t.Fatalf("row %d: a household outcome is dont_know", h.Row)
			}
		}
	}})
	if err != nil {
		t.Fatal(err)
	}
	dontKnow := 0
	for _, u := range res.Units {
		for i, r := range u.Indicators {
			sum := 0
			for _, n := range r.Counts {
				sum += n
			}
			if got := r.Pass() + r.Fail() + r.NA() + r.Missing() + r.Invalid(); got != u.Households || sum != u.Households {
				t.Fatalf("%s %s %s: pass+fail+na+missing+invalid = %d, counts %d, households %d", u.Level, u.Name, set.Indicators[i].ID, got, sum, u.Households)
			}
			if r.DontKnow() > r.Missing() || r.DontKnow() < 0 {
				t.Fatalf("%s %s %s: dont_know %d, missing %d", u.Level, u.Name, set.Indicators[i].ID, r.DontKnow(), r.Missing())
			}
			if u.Level == LevelKabupaten {
				dontKnow += r.DontKnow()
			}
		}
	}
	if dontKnow == 0 {
		t.Error("no don't-know answer counted: the test does not test")
	}
	for _, is := range res.Issues.All() {
		if v := normText(is.Value); v == "tidak tahu" || v == "98" && strings.HasPrefix(is.Field, "jml_") || v == "8" && is.Field == "status_kawin_kk" {
			t.Fatalf("a don't-know answer is an issue: %+v", is)
		}
	}
}

// TestDontKnowValidation: the loader refuses don't-know answers that would
// hide an answer, with the line and what is wrong.
func TestDontKnowValidation(t *testing.T) {
	tests := []struct {
		name, old, new string
		scope, code    string
		params         []string
	}{
		{"empty word", "conditions:", "dont_know: ['  ']\nconditions:", "", MsgSetDontKnowEmpty, nil},
		{"word twice", "conditions:", "dont_know: [tt, TT]\nconditions:", "", MsgSetListedTwice, []string{"part", PartDontKnow, "name", "TT"}},
		{"a yes/no answer", "conditions:", "dont_know: [t]\nconditions:", "", MsgSetDontKnowAnswer, []string{"text", "t", "column", "a"}},
		{"a code label", "conditions:", "dont_know: [cerai hidup]\nconditions:", "", MsgSetDontKnowAnswer, []string{"text", "cerai hidup", "column", "status"}},
		{"a number", "conditions:", "dont_know: ['98']\nconditions:", "", MsgSetDontKnowAnswer, []string{"text", "98", "column", "anak"}},
		{"codes on a number column", "n: {type: number}", "n: {type: number, dont_know: [98]}", "column n", MsgSetDontKnowType, []string{"type", "number"}},
		{"codes on a sex column", "jk_kk: {type: sex}", "jk_kk: {type: sex, dont_know: [9]}", "column jk_kk", MsgSetDontKnowType, []string{"type", "sex"}},
		{"a word as a code", "anak: {type: count}", "anak: {type: count, dont_know: [tidak tahu]}", "column anak", MsgSetDontKnowCode, []string{"code", "tidak tahu"}},
		{"a fraction as a code", "anak: {type: count}", "anak: {type: count, dont_know: [9.5]}", "column anak", MsgSetDontKnowCode, []string{"code", "9.5"}},
		{"a declared code", "Cerai mati}}", "Cerai mati}, dont_know: [2]}", "column status", MsgSetDontKnowDeclared, []string{"code", "2", "label", "Kawin"}},
		{"a yes/no code", "a: {type: yesno}", "a: {type: yesno, dont_know: [2]}", "column a", MsgSetDontKnowYesNo, []string{"code", "2"}},
		{"a count within bounds", "m: {type: count, min: 1}", "m: {type: count, min: 1, max: 20, dont_know: [9]}", "column m", MsgSetDontKnowInRange, []string{"code", "9", "min", "1", "max", "20"}},
		{"a code twice", "anak: {type: count}", "anak: {type: count, dont_know: [98, 98]}", "column anak", MsgSetListedTwice, []string{"part", PartDontKnow, "name", "98"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if !strings.Contains(miniSet, tt.old) {
				t.Fatalf("mini set lacks %q", tt.old)
			}
			src := strings.Replace(miniSet, tt.old, tt.new, 1)
			_, err := LoadSet("mini.yaml", []byte(src))
			var se *SetError
			if !errors.As(err, &se) || len(se.Problems) != 1 {
				t.Fatalf("err = %v, want one problem", err)
			}
			p := se.Problems[0]
			if !problemIs(p.Message, tt.scope, tt.code, tt.params) {
				t.Errorf("problem %s, want %s %v in %q", p.Message, tt.code, tt.params, tt.scope)
			}
			if p.Line == 0 || !strings.Contains(strings.Split(src, "\n")[p.Line-1], "dont_know") {
				t.Errorf("problem on line %d, not the dont_know line", p.Line)
			}
		})
	}
	// Sound ones load: a code outside the bounds, codes on an any-code
	// column, negative codes.
	for _, ok := range []struct{ old, new string }{
		{"m: {type: count, min: 1}", "m: {type: count, min: 1, max: 20, dont_know: [98, -1]}"},
		{"anak: {type: count}", "anak: {type: count, dont_know: [98]}"},
		{"a: {type: yesno}", "a: {type: yesno, dont_know: [8, 9]}"},
	} {
		if _, err := LoadSet("mini.yaml", []byte(strings.Replace(miniSet, ok.old, ok.new, 1))); err != nil {
			t.Errorf("%s: %v", ok.new, err)
		}
	}
	def := defaultSet(t)
	if len(def.DontKnow) == 0 || len(def.Column("jml_anak").DontKnow) == 0 || slicesContains(def.Column("sumber_air_minum").DontKnow, 8) {
		t.Errorf("default set: dont_know %v, jml_anak %v, sumber_air_minum %v", def.DontKnow, def.Column("jml_anak").DontKnow, def.Column("sumber_air_minum").DontKnow)
	}
}

// TestDontKnowAllocates: looking a cell up among the don't-know answers,
// which happens for every cell a column cannot read, allocates nothing.
func TestDontKnowAllocates(t *testing.T) {
	w := dontKnowWords{"tidak tahu": {}}
	for _, s := range []string{"Tidak Tahu", "  tidak   tahu ", "mungkin"} {
		if n := testing.AllocsPerRun(100, func() { w.has(s) }); n != 0 {
			t.Errorf("has(%q) allocates %v times", s, n)
		}
	}
	if !w.has(" TIDAK TAHU") || w.has("tidak") {
		t.Error("has reads wrongly")
	}
}
