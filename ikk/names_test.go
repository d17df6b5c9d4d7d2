package ikk

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/ikk-tools/ikk/wilayah"
)

func builtinRegister(t testing.TB) *wilayah.Register {
	t.Helper()
	reg, err := wilayah.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	return reg
}

// TestResolve: villages given by name only, against real entries of the
// register, spelled as the data spells them.
func TestResolve(t *testing.T) {
	reg := builtinRegister(t)
	codes := func(us []wilayah.Unit) string {
		var s []string
		for _, u := range us {
			s = append(s, u.Code)
		}
		return strings.Join(s, " ")
	}
	tests := []struct {
		name                 string
		kab, kec, desa       string
		scope                string // Options.Kabupaten
		code, kecCode, cands string
		several              bool
	}{
		{name: "as registered", kab: "Tabalong", kec: "Kelua", desa: "Ampukung", code: "63.09.02.2002"},
		{name: "with the kinds written", kab: "Kab. Tabalong", kec: "Kec. Kelua", desa: "Ds. Ampukung", code: "63.09.02.2002"},
		{name: "capitals", kab: "KABUPATEN TABALONG", kec: "KELUA", desa: "DESA AMPUKUNG", code: "63.09.02.2002"},
		{name: "no kabupaten: the pair is unique", kec: "Kelua", desa: "Ampukung", code: "63.09.02.2002"},
		{name: "the kabupaten of --kabupaten", kec: "Kelua", desa: "Ampukung", scope: "63.09", code: "63.09.02.2002"},
		{name: "Pondok Labu of Kotabaru", kab: "Kotabaru", kec: "Pamukan Selatan", desa: "Pondok Labu", code: "63.02.11.2009"},
		{name: "Pondok Labu of Jakarta", kec: "Cilandak", desa: "Pondok Labu", code: "31.74.06.1003"},
		// A kecamatan the kabupaten lacks is passed over when the desa name
		// is the kabupaten's only one (name_differs then says so).
		{name: "Pondok Labu with Jakarta's kecamatan", kab: "Kotabaru", kec: "Cilandak", desa: "Pondok Labu", code: "63.02.11.2009"},
		{name: "Sangsang is Sang-Sang", kab: "Kotabaru", kec: "Kelumpang Tengah", desa: "Sangsang", code: "63.02.09.2007"},
		{name: "a kelurahan", kab: "Barito Selatan", kec: "Jenamas", desa: "Kelurahan Rantau Kujang", code: "62.04.01.1003"},
		{name: "a kelurahan, Kel.", kab: "Kab. Barito Selatan", kec: "Jenamas", desa: "Kel. Rantau Kujang", code: "62.04.01.1003"},
		{name: "kecamatan misspelt, desa unique", kab: "Tabalong", kec: "Kelwa", desa: "Ampukung", code: "63.09.02.2002"},
		{name: "desa misspelt", kab: "Tabalong", kec: "Kelua", desa: "Ampukong", kecCode: "63.09.02", cands: "63.09.02.2002"},
		{name: "desa of another kecamatan", kab: "Tabalong", kec: "Banua Lawas", desa: "Ampukung", kecCode: "63.09.01", cands: "63.09.02.2002"},
		{name: "two desa of that name in the kabupaten", kab: "Kotabaru", kec: "Entah", desa: "Betung", cands: "63.02.04.2009 63.02.13.2004", several: true},
		{name: "a kabupaten the register lacks: the whole register", kab: "Tabalong Raya", kec: "Kelua", desa: "Ampukung", code: "63.09.02.2002"},
		{name: "nowhere", kab: "Tabalong", kec: "Kelua", desa: "Xyzzy", kecCode: "63.09.02"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			nb := newNameBook(reg, tt.scope)
			res := nb.resolve(tt.kab, tt.kec, tt.desa)
			if res.code != tt.code || res.kecCode != tt.kecCode || codes(res.cands) != tt.cands || res.several != tt.several {
				t.Errorf("resolve(%q, %q, %q) = code %q, kecamatan %q, candidates %q, several %v; want %q, %q, %q, %v",
					tt.kab, tt.kec, tt.desa, res.code, res.kecCode, codes(res.cands), res.several, tt.code, tt.kecCode, tt.cands, tt.several)
			}
		})
	}
}

// scoreWith scores a survey of miniSet with the register.
func scoreWith(t *testing.T, csv string, opt Options) *Result {
	t.Helper()
	set, err := LoadSet("mini.yaml", []byte(miniSet))
	if err != nil {
		t.Fatal(err)
	}
	if opt.Register == nil {
		opt.Register = builtinRegister(t)
	}
	res, err := Score(context.Background(), set, []string{writeFile(t, "survey.csv", csv)}, opt)
	if err != nil {
		t.Fatal(err)
	}
	return res
}

func unitLines(res *Result, levels ...string) []string {
	var out []string
	for _, u := range res.Units {
		if slices.Contains(levels, u.Level) {
			out = append(out, fmt.Sprintf("%s %s %s|%s %d", u.Level, u.Code, u.Name, u.NameInData, u.Households))
		}
	}
	return out
}

func issuesOf(res *Result, code string) []Issue {
	var out []Issue
	for _, is := range res.Issues.All() {
		if is.Code == code {
			out = append(out, is)
		}
	}
	return out
}

// TestRegisterNames: three spellings of a kecamatan make one kecamatan
// named as the register names it, and one name_differs for the spelling
// that is not the register's name; the others are the same name.
func TestRegisterNames(t *testing.T) {
	head := "kabupaten," + miniHead
	res := scoreWith(t, head+
		"Tabalong,63.09.01.2001,Banua Lawas,Hapalah,1,1,L,2,1,ya,tidak,40,2\n"+
		"TABALONG,63.09.01.2001,BANUA LAWAS,HAPALAH,1,2,L,2,1,ya,tidak,40,2\n"+
		"Tabalong,63.09.01.2002,Kec. Banua Lawas,Ds. Bangkiling,1,3,L,2,1,ya,tidak,40,2\n"+
		"Tabalong,63.09.01.2002,Benua Lawas,Bangkiling,1,4,L,2,1,ya,tidak,40,2\n"+
		"Tabalong,63.09.01.2002,Benua Lawas,Bangkiling,1,5,L,2,1,ya,tidak,40,2\n", Options{})
	want := []string{"kabupaten 63.09 Tabalong| 5", "kecamatan 63.09.01 Banua Lawas| 5",
		"desa 63.09.01.2001 Hapalah| 2", "desa 63.09.01.2002 Bangkiling|Ds. Bangkiling 3"}
	if got := unitLines(res, LevelKabupaten, LevelKecamatan, LevelDesa); !slices.Equal(got, want) {
		t.Errorf("units\n got %q\nwant %q", got, want)
	}
	nd := issuesOf(res, IssueNameDiffers)
	if len(nd) != 1 || res.IssueCounts[IssueNameDiffers] != 1 {
		t.Fatalf("name_differs: %+v; want one", nd)
	}
	is := nd[0]
	if is.Row != 5 || is.Field != "kecamatan" || is.Value != "Benua Lawas" || is.Param("code") != "63.09.01" ||
		is.Param("name") != "Banua Lawas" || is.Param("kind") != KindKecamatan || fmt.Sprint(is.Spellings) != "[{Benua Lawas 2}]" {
		t.Errorf("name_differs = %+v", is)
	}
	if n := res.IssueTotal(); n != 1 {
		t.Errorf("%d issues, want the one name_differs: %+v", n, res.Issues)
	}
	// Without the register, today's names: the first spelling of each.
	set, _ := LoadSet("mini.yaml", []byte(miniSet))
	plain, err := Score(context.Background(), set, []string{writeFile(t, "s.csv", head+
		"Tabalong,63.09.01.2002,Kec. Banua Lawas,Ds. Bangkiling,1,3,L,2,1,ya,tidak,40,2\n")}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if got := unitLines(plain, LevelDesa, LevelKecamatan); !slices.Equal(got, []string{"kecamatan 63.09.01 Kec. Banua Lawas| 1", "desa 63.09.01.2002 Ds. Bangkiling| 1"}) {
		t.Errorf("without the register: %q", got)
	}
}

// TestRegisterCodes: a code the register lacks, a code whose name is
// another desa's, and a code with two desa names: each said once, with the
// register's words for the unit; the rows stay under their codes.
func TestRegisterCodes(t *testing.T) {
	res := scoreWith(t, miniHead+
		"63.09.02.2099,Kelua,Ampukung,1,1,L,2,1,ya,tidak,40,2\n"+ // no such desa; the name is 63.09.02.2002's
		"63.09.02.2099,Kelua,Ampukung,1,2,L,2,1,ya,tidak,40,2\n"+
		"63.09.02.1001,Kelua,Telaga Itar,1,3,L,2,1,ya,tidak,40,2\n"+ // 1001 is Pulau; Telaga Itar is 2003
		"63.09.02.1001,Kelua,Pulau,1,4,L,2,1,ya,tidak,40,2\n"+
		"63.09.02.2003,Kelua,Telaga Itar,1,5,L,2,1,ya,tidak,40,2\n"+
		"63.09.02.2003,Kelua,Telaga Itar Baru,1,6,L,2,1,ya,tidak,40,2\n", Options{})
	unk := issuesOf(res, IssueUnknownCode)
	if len(unk) != 1 || unk[0].Value != "63.09.02.2099" || unk[0].Detail != MsgUnknownCodeNear || len(unk[0].Candidates) != 1 ||
		unk[0].Candidates[0].Code != "63.09.02.2002" || unk[0].Param("name") != "Ampukung" {
		t.Errorf("unknown_code: %+v", unk)
	}
	sus := issuesOf(res, IssueCodeSuspect)
	if len(sus) != 1 || sus[0].Row != 4 || sus[0].Param("code") != "63.09.02.1001" || sus[0].Param("kind") != KindKelurahan ||
		sus[0].Detail != MsgCodeSuspect || len(sus[0].Candidates) != 1 || sus[0].Candidates[0].Code != "63.09.02.2003" ||
		fmt.Sprint(sus[0].Spellings) != "[{Telaga Itar 1}]" || fmt.Sprint(sus[0].Candidates[0].Above) != "[Kelua Kabupaten Tabalong]" {
		t.Errorf("code_suspect: %+v", sus)
	}
	nd := issuesOf(res, IssueNameDiffers)
	if len(nd) != 1 || nd[0].Param("code") != "63.09.02.2003" || fmt.Sprint(nd[0].Spellings) != "[{Telaga Itar Baru 1}]" {
		t.Errorf("name_differs: %+v", nd)
	}
	// The register, not the first row, names a desa: no name_conflict.
	if n := res.IssueCounts[IssueNameConflict]; n != 0 {
		t.Errorf("%d name_conflict with the register", n)
	}
	want := []string{"desa 63.09.02.1001 Pulau|Telaga Itar 2", "desa 63.09.02.2003 Telaga Itar| 2", "desa 63.09.02.2099 Ampukung| 2"}
	if got := unitLines(res, LevelDesa); !slices.Equal(got, want) {
		t.Errorf("units\n got %q\nwant %q", got, want)
	}
	// The issues of names come in the order of the rows they were first
	// read on.
	var order []string
	for _, is := range res.Issues.All() {
		order = append(order, fmt.Sprintf("%s@%d", is.Code, is.Row))
	}
	if want := []string{"unknown_code@2", "code_suspect@4", "name_differs@7"}; !slices.Equal(order, want) {
		t.Errorf("issues in order %q, want %q", order, want)
	}
}

// TestRegisterByName: a survey without codes resolves to codes; two
// spellings of one village meet in one unit (and one KK number in it is
// a duplicate); a village the register lacks is said with the nearest names
// and keeps today's grouping, in its kecamatan when that was found.
func TestRegisterByName(t *testing.T) {
	head := "kabupaten," + miniHead
	res := scoreWith(t, head+
		"Tabalong,,Kelua,Ampukung,1,6309020000000001,L,2,1,ya,tidak,40,2\n"+
		",,Kec. Kelua,Ds. Ampukung,1,6309020000000002,L,2,1,ya,tidak,40,2\n"+
		"Tabalong,,KELUA,AMPUKUNG,1,6309020000000001,L,2,1,ya,tidak,40,2\n"+ // the first family again
		"Tabalong,,Kelua,Ampukong,1,6309020000000003,L,2,1,ya,tidak,40,2\n"+
		"Tabalong,,Kelua,Pulau,1,6309020000000004,L,2,1,ya,tidak,40,2\n", Options{Kabupaten: "Tabalong"})
	want := []string{"kecamatan 63.09.02 Kelua| 4", "desa 63.09.02.1001 Pulau| 1", "desa 63.09.02.2002 Ampukung| 2", "desa  Ampukong| 1"}
	if got := unitLines(res, LevelKecamatan, LevelDesa); !slices.Equal(got, want) {
		t.Errorf("units\n got %q\nwant %q", got, want)
	}
	if n := res.IssueCounts[IssueDuplicateKK]; n != 1 {
		t.Errorf("%d duplicate_kk, want 1: spellings of one village are one village", n)
	}
	un := issuesOf(res, IssueNameUnresolved)
	if len(un) != 1 || un[0].Value != "Ampukong" || un[0].Detail != MsgNameNotFoundNear || un[0].Param("rows") != "1" ||
		un[0].Param("kabupaten") != "Kabupaten Tabalong" || len(un[0].Candidates) != 1 || un[0].Candidates[0].Name != "Ampukung" {
		t.Errorf("name_unresolved: %+v", un)
	}
	if n := res.IssueCounts[IssueNameDiffers]; n != 0 {
		t.Errorf("%d name_differs: the spellings are the register's names", n)
	}
}

// TestRegisterOff: without a register the names are as written and the
// codes unchecked, as before.
func TestRegisterOff(t *testing.T) {
	set, _ := LoadSet("mini.yaml", []byte(miniSet))
	res, err := Score(context.Background(), set, []string{writeFile(t, "s.csv", miniHead+
		"63.09.02.2099,Kelua,Ampukung,1,1,L,2,1,ya,tidak,40,2\n"+
		"63.09.02.2099,Kelua,Ampukung Baru,1,2,L,2,1,ya,tidak,40,2\n"+
		",Kelua,Ampukung,1,3,L,2,1,ya,tidak,40,2\n")}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []string{IssueNameDiffers, IssueUnknownCode, IssueCodeSuspect, IssueNameUnresolved} {
		if res.IssueCounts[c] != 0 {
			t.Errorf("%s without a register", c)
		}
	}
	if res.IssueCounts[IssueNameConflict] != 1 {
		t.Errorf("name_conflict %d, want 1", res.IssueCounts[IssueNameConflict])
	}
	if got := unitLines(res, LevelDesa); !slices.Equal(got, []string{"desa 63.09.02.2099 Ampukung| 2", "desa  Ampukung| 1"}) {
		t.Errorf("units %q", got)
	}
}

// TestRegisterJobs: the issues of names and the units do not depend on
// the number of jobs.
func TestRegisterJobs(t *testing.T) {
	var b strings.Builder
	b.WriteString("kabupaten," + miniHead)
	names := []string{"Kelua,Ampukung", "Kec. Kelua,Pulau", "KELUA,Telaga Itaar", "Kelua,Sungai Buluh", "Banua Lawas,Hapalah"}
	for i := range 3000 {
		fmt.Fprintf(&b, "Tabalong,,%s,%d,%d,L,2,1,ya,tidak,40,2\n", names[i%len(names)], i%7, int64(6309000000000000)+int64(i))
	}
	var first string
	for _, jobs := range []int{1, 2, 4} {
		res := scoreWith(t, b.String(), Options{Jobs: jobs})
		issues := res.Issues.Slice()
		for i := range issues {
			issues[i].File = "" // a file of its own each run
		}
		got := fmt.Sprint(unitLines(res, LevelKecamatan, LevelDesa), issues)
		if first == "" {
			first = got
		} else if got != first {
			t.Errorf("jobs %d gives another result", jobs)
		}
	}
}

// TestRTLess orders RT as a desa's list prints them: numbers by value,
// then names.
func TestRTLess(t *testing.T) {
	tests := []struct {
		a, b string
		want bool
	}{
		{"2", "10", true},
		{"10", "2", false},
		{"3", "3", false},
		{"9", "Dusun I", true},
		{"Dusun I", "9", false},
		{"Dusun I", "Dusun II", true},
		{"", "1", false},
		{"1", "", true},
		{"1234567890", "5", false}, // too long to be read as a number: a name
	}
	for _, tc := range tests {
		if got := rtLess(tc.a, tc.b); got != tc.want {
			t.Errorf("rtLess(%q, %q) = %v, want %v", tc.a, tc.b, got, tc.want)
		}
	}
}
