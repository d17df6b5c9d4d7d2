package ikk

import (
	"context"
	"errors"
	"fmt"
	"math"
	"strings"
	"testing"
)

// miniSet is a small set whose every number a test can work out by hand.
const miniSet = `
schema: ikk.indicators/v1
id: mini
name: Mini
version: "1"
target: 66.67
min_answered_share: 0.8
categories:
  - {id: 1, label: Rendah, min: 0}
  - {id: 2, label: Sedang, min: 50}
  - {id: 3, label: Tinggi, min: 75}
parameters:
  p: {value: 10}
dimensions:
  - {id: D1, label: Satu}
  - {id: D2, label: Dua, weight: 3}
functions: {cinta: Cinta kasih}
lenses: {gender: Gender}
sectors: {s1: Sektor satu, s2: Sektor dua}
columns:
  kode_desa: {type: village_code}
  kabupaten: {type: text}
  kecamatan: {type: text}
  desa: {type: text}
  rt: {type: text}
  no_kk: {type: kk_number}
  jk_kk: {type: sex}
  status: {type: code, codes: {1: Belum kawin, 2: Kawin, 3: Cerai hidup, 4: Cerai mati}}
  anak: {type: count}
  a: {type: yesno}
  b: {type: yesno}
  n: {type: number}
  m: {type: count, min: 1}
conditions:
  married: {column: status, in: [2]}
  has_child: {column: anak, min: 1}
  both: {all: [{condition: married}, {condition: has_child}]}
indicators:
  - {id: I1, dimension: D1, label: Satu, rule: {yes: a}, applies: married, functions: [cinta], lenses: [gender], sectors: [s1], provenance: {status: proposed, source: test}}
  - {id: I2, dimension: D1, label: Dua, rule: {no: b}, applies: both, weight: 2, lenses: [gender], sectors: [s2], provenance: {status: proposed, source: test}}
  - {id: I3, dimension: D2, label: Tiga, rule: {all: [{yes: a}, {ratio: [n, m], min: p}]}, functions: [cinta], sectors: [s1, s2], provenance: {status: proposed, source: test}}
  - {id: I4, dimension: D2, label: Empat, rule: {column: status, in: [2, 3]}, provenance: {status: proposed, source: test}}
`

const miniHead = "kode_desa,kecamatan,desa,rt,no_kk,jk_kk,status,anak,a,b,n,m\n"

type scored struct {
	res        *Result
	households []Household
}

func scoreCSV(t *testing.T, setYAML, csv string) scored {
	t.Helper()
	set, err := LoadSet("mini.yaml", []byte(setYAML))
	if err != nil {
		t.Fatal(err)
	}
	path := writeFile(t, "survey.csv", csv)
	var out scored
	res, err := Score(context.Background(), set, []string{path}, Options{OnHousehold: func(h *Household) {
		out.households = append(out.households, h.Clone())
	}})
	if err != nil {
		t.Fatal(err)
	}
	out.res = res
	return out
}

func outcomes(h Household) string {
	var parts []string
	for _, o := range h.Outcomes {
		parts = append(parts, o.String())
	}
	return strings.Join(parts, " ")
}

// TestOutcomePrecedence walks the five steps of method section 1 for each
// rule kind: invalid fact, false condition (na), invalid answer, blank, rule.
func TestOutcomePrecedence(t *testing.T) {
	tests := []struct {
		name, row string
		want      string // I1 I2 I3 I4
	}{
		{"all pass", "2,1,ya,tidak,30,3", "pass pass pass pass"},
		{"all fail", "2,1,tidak,ya,10,2", "fail fail fail pass"},
		{"condition false gives na, answers unread", "1,1,mungkin,mungkin,30,3", "na na invalid fail"},
		{"invalid fact beats everything", "x,1,ya,tidak,30,3", "invalid invalid pass invalid"},
		{"invalid fact of a compound condition", "2,dua,ya,tidak,30,3", "pass invalid pass pass"},
		{"false part of a compound condition with the other fact blank: missing, not na", "1,,ya,tidak,30,3", "na missing pass fail"},
		{"blank fact: applicability undecided is missing", ",1,ya,tidak,30,3", "missing missing pass missing"},
		{"invalid answer", "2,1,kadang,tidak,30,3", "invalid pass invalid pass"},
		{"blank answer", "2,1,,tidak,30,3", "missing pass missing pass"},
		{"no short-circuit: a failing cell and a blank cell is missing", "2,1,tidak,tidak,,3", "fail pass missing pass"},
		{"invalid beats blank among answers", "2,1,,tidak,abc,3", "missing pass invalid pass"},
		{"ratio at the bound passes", "2,1,ya,tidak,30,3", "pass pass pass pass"},
		{"ratio just under the bound fails", "2,1,ya,tidak,29.99,3", "pass pass fail pass"},
		{"denominator below its min is invalid", "2,1,ya,tidak,30,0", "pass pass invalid pass"},
		{"code out of the declared codes", "7,1,ya,tidak,30,3", "invalid invalid pass invalid"},
		{"code with its label", "2. Kawin,1,ya,tidak,30,3", "pass pass pass pass"},
		{"code by label alone", "Cerai hidup,0,ya,tidak,30,3", "na na pass pass"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := scoreCSV(t, miniSet, miniHead+"63.09.06.2004,K,D,1,,L,"+tt.row+"\n")
			if len(s.households) != 1 {
				t.Fatalf("%d households scored", len(s.households))
			}
			if got := outcomes(s.households[0]); got != tt.want {
				t.Errorf("outcomes %q, want %q", got, tt.want)
			}
		})
	}
}

// TestInvalidCellsReportedOnce: one issue per invalid cell, even when several
// indicators read it or its indicator is na.
func TestInvalidCellsReportedOnce(t *testing.T) {
	s := scoreCSV(t, miniSet, miniHead+"63.09.06.2004,K,D,1,,L,1,1,mungkin,ya,30,3\n")
	var got []string
	for _, is := range s.res.Issues.All() {
		got = append(got, fmt.Sprintf("%d %s %s %s %s", is.Row, is.Column, is.Cell, is.Code, is.Value))
	}
	want := []string{"2 a I2 invalid_value mungkin"}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("issues %q, want %q", got, want)
	}
}

func approx(t *testing.T, what string, got *float64, want float64) {
	t.Helper()
	if got == nil {
		t.Errorf("%s = undefined, want %v", what, want)
		return
	}
	if math.Abs(*got-want) > 1e-9 {
		t.Errorf("%s = %v, want %v", what, *got, want)
	}
}

func unit(t *testing.T, r *Result, level, code string) *Unit {
	t.Helper()
	for _, u := range r.Units {
		if u.Level == level && (u.Code == code || u.Name == code) && u.RT == "" {
			return u
		}
	}
	t.Fatalf("no %s unit %s", level, code)
	return nil
}

// TestAggregation works a desa of four households through sections 3-7, with
// unequal indicator and dimension weights.
func TestAggregation(t *testing.T) {
	// I1 (married): h1 pass, h2 fail, h3 na, h4 pass  -> 2/3 = 66.666...%
	// I2 (married with child, weight 2): h1 pass, h2 na (no child), h3 na, h4 fail -> 1/2 = 50%
	// I3: h1 pass (a=ya, 40/2=20>=10), h2 fail (a=tidak), h3 pass (ya, 10/1), h4 fail (ya, 5/1 < 10) -> 50%
	// I4 (status in 2,3): h1 pass, h2 pass, h3 pass (3), h4 pass -> 100%
	// D1 = (1*66.666... + 2*50) / 3 = 55.555...; D2 = (50 + 100) / 2 = 75
	// IKK = (1*55.555... + 3*75) / 4 = 70.138888...
	csv := miniHead +
		"63.09.06.2004,K,D,001,1,L,2,2,ya,tidak,40,2\n" +
		"63.09.06.2004,K,D,1,2,P,2,0,tidak,ya,40,2\n" +
		"63.09.06.2004,K,D,2,3,P,3,1,ya,ya,10,1\n" +
		"63.09.06.2004,K,D,2,4,L,2,1,ya,ya,5,1\n"
	s := scoreCSV(t, miniSet, csv)
	d := unit(t, s.res, LevelDesa, "63.09.06.2004")
	approx(t, "P(I1)", d.Indicators[0].Percent, 200.0/3)
	approx(t, "P(I2)", d.Indicators[1].Percent, 50)
	approx(t, "P(I3)", d.Indicators[2].Percent, 50)
	approx(t, "P(I4)", d.Indicators[3].Percent, 100)
	if got := d.Indicators[1].Counts; got != [numOutcomes]int{1, 1, 2, 0, 0} {
		t.Errorf("I2 counts %v, want pass 1 fail 1 na 2", got)
	}
	approx(t, "D1", d.Dimensions[0], (200.0/3+100)/3)
	approx(t, "D2", d.Dimensions[1], 75)
	approx(t, "IKK", d.IKK, ((200.0/3+100)/3+225)/4)
	if d.Category == nil || d.Category.ID != 2 {
		t.Errorf("category %v, want 2 (70.14)", d.Category)
	}
	// Lenses: equal weights. cinta = mean(P(I1), P(I3)); gender = mean(P(I1), P(I2)).
	approx(t, "lens cinta", d.Lenses[0], (200.0/3+50)/2)
	approx(t, "lens gender", d.Lenses[1], (200.0/3+50)/2)
	// Gender by sex of the head: L = h1, h4: I1 2/2, I2 1/2 -> (100 + 50)/2;
	// P = h2, h3: I1 0/1, I2 none -> 0.
	if d.BySex[0].Households != 2 || d.BySex[1].Households != 2 {
		t.Errorf("by sex households %d/%d, want 2/2", d.BySex[0].Households, d.BySex[1].Households)
	}
	approx(t, "gender L", d.BySex[0].Gender, 75)
	approx(t, "gender P", d.BySex[1].Gender, 0)
	// Household scores: h1 all pass -> 100; h2: D1 = 0 (I1 fail), D2 = (0+1)/2 = 50 -> (0 + 3*50)/4 = 37.5;
	// h3: D1 none, D2 = 100 -> 100; h4: D1 = (1*1 + 2*0)/3 = 33.33, D2 = 50 -> (33.33 + 150)/4 = 45.83.
	wantH := []float64{100, 37.5, 100, (100.0/3 + 150) / 4}
	for i, h := range s.households {
		approx(t, fmt.Sprintf("H(h%d)", i+1), h.Score, wantH[i])
	}
	if got := d.HouseholdCategories; fmt.Sprint(got) != "[2 0 2]" || d.Incomplete != 0 {
		t.Errorf("household categories %v incomplete %d, want [2 0 2] 0", got, d.Incomplete)
	}
	approx(t, "household mean", d.HouseholdMean, (100+37.5+100+(100.0/3+150)/4)/4)
	// Permasalahan below 66.67, as printed: I2 50 and I3 50 (tie: by id).
	// I1 is 66.666... and prints as 66,67: not below the target.
	var perm []string
	for _, p := range d.Permasalahan {
		perm = append(perm, fmt.Sprintf("%s %.2f %d", p.Indicator.ID, p.Percent, p.Fail))
	}
	if want := []string{"I2 50.00 1", "I3 50.00 2"}; fmt.Sprint(perm) != fmt.Sprint(want) {
		t.Errorf("permasalahan %q, want %q", perm, want)
	}
	// RT "001" and "1" are one RT; RT 2 holds h3 and h4.
	var rts []string
	for _, u := range s.res.Units {
		if u.Level == LevelRT {
			rts = append(rts, fmt.Sprintf("%s:%d", u.RT, u.Households))
		}
	}
	if fmt.Sprint(rts) != "[1:2 2:2]" {
		t.Errorf("RT units %v, want [1:2 2:2]", rts)
	}
}

// TestUndefined: an indicator nobody passed or failed has no achievement and
// drops out of its dimension; a dimension with none makes the IKK undefined,
// with the reason.
func TestUndefined(t *testing.T) {
	// Nobody married: I1, I2 na for all -> D1 undefined -> IKK undefined.
	s := scoreCSV(t, miniSet, miniHead+"63.09.06.2004,K,D,1,1,L,1,0,ya,ya,40,2\n63.09.06.2004,K,D,1,2,L,4,0,ya,ya,40,2\n")
	d := unit(t, s.res, LevelDesa, "63.09.06.2004")
	if d.Indicators[0].Percent != nil || d.Dimensions[0] != nil {
		t.Errorf("P(I1) %v, D1 %v; want undefined", d.Indicators[0].Percent, d.Dimensions[0])
	}
	if d.IKK != nil || d.Category != nil || fmt.Sprint(d.UndefinedDimensions) != "[D1]" {
		t.Errorf("IKK %v category %v undefined %v; want undefined because of D1", d.IKK, d.Category, d.UndefinedDimensions)
	}
	// D2 is still defined: I3 passes twice (100), I4 fails twice (status 1, 4).
	approx(t, "D2", d.Dimensions[1], 50)
}

// TestHouseholdCompleteness pins the 0.8 boundary of section 5.
func TestHouseholdCompleteness(t *testing.T) {
	// Married with a child: 4 indicators apply. 4 answered of 4 and 3 of 4
	// (a blank n makes I3 missing): 3 >= 0.8*4 = 3.2 is false -> incomplete.
	s := scoreCSV(t, miniSet, miniHead+
		"63.09.06.2004,K,D,1,1,L,2,1,ya,tidak,40,2\n"+
		"63.09.06.2004,K,D,1,2,L,2,1,ya,tidak,,2\n"+
		// Unmarried: I1, I2 na; I3 missing, I4 fail: 1 answered of 2 -> incomplete.
		"63.09.06.2004,K,D,1,3,L,1,0,ya,tidak,,2\n")
	want := []bool{true, false, false}
	for i, h := range s.households {
		if h.Complete != want[i] || (h.Score == nil) == want[i] {
			t.Errorf("household %d complete=%v score=%v, want complete=%v", i+1, h.Complete, h.Score, want[i])
		}
	}
	d := unit(t, s.res, LevelDesa, "63.09.06.2004")
	if d.Incomplete != 2 || d.HouseholdCategories[2] != 1 {
		t.Errorf("incomplete %d, category 3: %d; want 2 and 1", d.Incomplete, d.HouseholdCategories[2])
	}
	// Exactly 0.8: five applicable indicators, four answered.
	five := strings.Replace(miniSet, "indicators:\n", "indicators:\n  - {id: I5, dimension: D2, label: Lima, rule: {yes: b}, provenance: {status: proposed, source: test}}\n", 1)
	s = scoreCSV(t, five, miniHead+"63.09.06.2004,K,D,1,1,L,2,1,ya,tidak,,2\n")
	if h := s.households[0]; !h.Complete || h.Score == nil {
		t.Errorf("4 of 5 answered: complete=%v, want complete (4 >= 0.8*5)", h.Complete)
	}
}

// TestAccounting: every row is scored, rejected or blank, and duplicates of a
// KK number are rejected within a desa only.
func TestAccounting(t *testing.T) {
	csv := miniHead +
		"63.09.06.2004,K,D,1,6309060000000001,L,2,1,ya,tidak,40,2\n" +
		",,,,,,,,,,,\n" +
		"63.09.06.2004,K,D,1,6309060000000001,L,2,1,ya,tidak,40,2\n" + // duplicate: rejected
		"63.09.06.2005,K,E,1,6309060000000001,L,2,1,ya,tidak,40,2\n" + // another desa: scored
		",,,1,9,L,2,1,ya,tidak,40,2\n" + // no village: rejected
		",K,Desa Nama,1,10,L,2,1,ya,tidak,40,2\n" + // by names: scored
		",k ,desa   nama,1,11,L,2,1,ya,tidak,40,2\n" // the same desa, written differently
	s := scoreCSV(t, miniSet, csv)
	sum := s.res.Summary
	if sum.RowsRead != 7 || sum.Scored != 4 || sum.Rejected != 2 || sum.Blank != 1 {
		t.Errorf("accounting %+v, want 7 read, 4 scored, 2 rejected, 1 blank", sum)
	}
	if sum.RowsRead != sum.Scored+sum.Rejected+sum.Blank {
		t.Error("rows_read != scored + rejected + blank")
	}
	var codes []string
	for _, is := range s.res.Issues.All() {
		codes = append(codes, fmt.Sprintf("%d:%s", is.Row, is.Code))
	}
	if fmt.Sprint(codes) != "[4:duplicate_kk 6:no_village]" {
		t.Errorf("issues %v", codes)
	}
	var units []string
	for _, u := range s.res.Units {
		units = append(units, fmt.Sprintf("%s %s %s %d", u.Level, u.Code, u.Name, u.Households))
	}
	// One kabupaten of all households (method section 2); the desa known by
	// name is in a kecamatan known by name.
	want := []string{
		"kabupaten 63.09  4", "kecamatan 63.09.06 K 2", "desa 63.09.06.2004 D 1", "rt 63.09.06.2004 D 1", "desa 63.09.06.2005 E 1", "rt 63.09.06.2005 E 1",
		"kecamatan  K 2", "desa  Desa Nama 2", "rt  Desa Nama 2",
	}
	if fmt.Sprint(units) != fmt.Sprint(want) {
		t.Errorf("units\n got %q\nwant %q", units, want)
	}
}

func TestNoHouseholds(t *testing.T) {
	set, _ := LoadSet("mini.yaml", []byte(miniSet))
	path := writeFile(t, "s.csv", miniHead+",,,,,,,,,,,\n,,,1,1,L,2,1,ya,ya,1,1\n")
	_, err := Score(context.Background(), set, []string{path}, Options{})
	var nh *NoHouseholdsError
	if !errors.As(err, &nh) || nh.RowsRead != 2 || nh.Rejected != 1 || nh.Blank != 1 {
		t.Errorf("err = %v, want NoHouseholdsError with 2 read, 1 rejected, 1 blank", err)
	}
}

// TestParamOverride: --param reaches the rules.
func TestParamOverride(t *testing.T) {
	set, err := LoadSet("mini.yaml", []byte(miniSet))
	if err != nil {
		t.Fatal(err)
	}
	path := writeFile(t, "s.csv", miniHead+"63.09.06.2004,K,D,1,1,L,2,1,ya,tidak,40,2\n")
	for _, tt := range []struct {
		p    float64
		want Outcome
	}{{20, Pass}, {20.01, Fail}} {
		s2, err := set.WithParameter("p", tt.p)
		if err != nil {
			t.Fatal(err)
		}
		var got Outcome
		if _, err := Score(context.Background(), s2, []string{path}, Options{OnHousehold: func(h *Household) { got = h.Outcomes[2] }}); err != nil {
			t.Fatal(err)
		}
		if got != tt.want {
			t.Errorf("p=%v: I3 %v, want %v", tt.p, got, tt.want)
		}
	}
	if v, _ := set.Parameter("p"); v != 10 {
		t.Errorf("WithParameter changed the original set: p = %v", v)
	}
}

// TestVillagesByName: a village known by (kecamatan, desa) stays one village
// whatever its kabupaten cells say; codes of two kabupaten give two units.
func TestVillagesByName(t *testing.T) {
	head := "kabupaten," + miniHead
	s := scoreCSV(t, miniSet, head+
		"Tabalong,,Kelua,Ampukung,1,1,L,2,1,ya,tidak,40,2\n"+
		",,kelua, ampukung,1,2,L,2,1,ya,tidak,40,2\n"+
		"Kab. Tabalong,,KELUA,Ampukung,1,3,L,2,1,ya,tidak,40,2\n")
	var units []string
	for _, u := range s.res.Units {
		units = append(units, fmt.Sprintf("%s %s %s %d", u.Level, u.Name, u.Kabupaten, u.Households))
	}
	want := []string{"kabupaten Tabalong Tabalong 3", "kecamatan Kelua Tabalong 3", "desa Ampukung Tabalong 3", "rt Ampukung Tabalong 3"}
	if fmt.Sprint(units) != fmt.Sprint(want) {
		t.Errorf("units\n got %q\nwant %q", units, want)
	}
	// A province's run: two kabupaten codes, a desa by name joins its kabupaten by name.
	s = scoreCSV(t, miniSet, head+
		"Tabalong,63.09.06.2004,Kelua,A,1,1,L,2,1,ya,tidak,40,2\n"+
		"Balangan,63.08.01.2001,Paringin,B,1,2,L,2,1,ya,tidak,40,2\n"+
		"balangan,,Paringin,C,1,3,L,2,1,ya,tidak,40,2\n")
	units = nil
	for _, u := range s.res.Units {
		if u.Level == LevelKabupaten {
			units = append(units, fmt.Sprintf("%s %s %d", u.Code, u.Name, u.Households))
		}
	}
	if want := []string{"63.08 Balangan 2", "63.09 Tabalong 1"}; fmt.Sprint(units) != fmt.Sprint(want) {
		t.Errorf("kabupaten units %q, want %q", units, want)
	}
}

// TestIssueCap: past MaxIssues, issues are counted but not kept, so memory
// stays bounded; the accounting is untouched.
func TestIssueCap(t *testing.T) {
	var b strings.Builder
	b.WriteString(miniHead)
	const rows = 60000
	for i := 0; i < rows; i++ {
		fmt.Fprintf(&b, "63.09.06.2004,K,D,1,%d,L,2,1,x,x,40,2\n", i+1)
	}
	s := scoreCSV(t, miniSet, b.String())
	if s.res.Issues.Len() != MaxIssues || s.res.IssueTotal() != 2*rows || s.res.IssueCounts[IssueInvalidValue] != 2*rows {
		t.Errorf("%d issues kept, %d counted; want %d kept, %d counted", s.res.Issues.Len(), s.res.IssueTotal(), MaxIssues, 2*rows)
	}
	if s.res.Summary.Scored != rows {
		t.Errorf("%d scored", s.res.Summary.Scored)
	}
}
