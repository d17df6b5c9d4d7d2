package surveygen_test

import (
	"bytes"
	"crypto/sha256"
	"encoding/csv"
	"encoding/hex"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"testing"

	"github.com/ikk-tools/ikk/cmd"
	"github.com/ikk-tools/ikk/internal/surveygen"
)

// The clean output is pinned (the hashes are those of the generator before
// the realistic mode existed): tests elsewhere and the bench's caches rely on
// the same seed giving the same bytes, and the realistic mode must not
// move them.
func TestCleanOutputPinned(t *testing.T) {
	for _, c := range []struct {
		cfg  surveygen.Config
		want string
	}{
		{surveygen.Config{Seed: 1, Households: 500, Desa: 5, Kecamatan: 2}, "6e892550718b8946344354b015de55192074cbefacf1b8ca9ff2964849ffc8e5"},
		{surveygen.Config{Seed: 7, Households: 300, Desa: 3, Kecamatan: 1, Kobo: true, Comma: ';', BlankRate: 0.02, InvalidRate: 0.03}, "748ea4279be78710910d461b359427f4845a982e7bf4ce87ac1914c9e7e55ecc"},
	} {
		var buf bytes.Buffer
		if err := surveygen.Generate(&buf, c.cfg); err != nil {
			t.Fatal(err)
		}
		sum := sha256.Sum256(buf.Bytes())
		if got := hex.EncodeToString(sum[:]); got != c.want {
			t.Errorf("%+v: sha256 %s, want %s", c.cfg, got, c.want)
		}
	}
}

func generate(t *testing.T, cfg surveygen.Config) ([]byte, [][]string) {
	t.Helper()
	var buf bytes.Buffer
	if err := surveygen.Generate(&buf, cfg); err != nil {
		t.Fatal(err)
	}
	recs, err := csv.NewReader(bytes.NewReader(buf.Bytes())).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	return buf.Bytes(), recs
}

func TestRealisticDeterministic(t *testing.T) {
	cfg := surveygen.Config{Seed: 4, Households: 300, Desa: 4, Kecamatan: 2, Realistic: true}
	a, _ := generate(t, cfg)
	b, _ := generate(t, cfg)
	if !bytes.Equal(a, b) {
		t.Fatal("the same seed gave two files")
	}
	cfg.Seed = 5
	if c, _ := generate(t, cfg); bytes.Equal(a, c) {
		t.Fatal("two seeds gave the same file")
	}
}

// The realistic survey holds what it says, and ikk accounts for every row
// of it as the survey's makeup predicts.
func TestRealisticShape(t *testing.T) {
	// Raised shares, so that a few hundred rows hold enough of each.
	const families = 600
	cfg := surveygen.Config{Seed: 11, Households: families, Desa: 6, Kecamatan: 2, Realistic: true, DuplicateRate: 0.02, NoVillageRate: 0.02}
	data, recs := generate(t, cfg)
	col := map[string]int{}
	for i, c := range recs[0] {
		col[c] = i
	}
	kk16 := regexp.MustCompile(`^\d{16}$`)
	first := map[string][]string{} // KK number -> its first row
	invalid := map[string]bool{}
	for _, v := range surveygen.InvalidValues {
		invalid[v] = true
	}
	var dups, noVillage, badRows, badScored int
	for _, rec := range recs[1:] {
		kk := rec[col["no_kk"]]
		if !kk16.MatchString(kk) {
			t.Fatalf("no_kk %q is not 16 digits", kk)
		}
		bad := slices.ContainsFunc(rec[col["jk_kk"]:], func(v string) bool { return invalid[v] })
		if prev, ok := first[kk]; ok {
			// A second entry: the same family, in the same desa.
			dups++
			if !slices.Equal(prev, rec) {
				t.Errorf("KK %s entered twice with different rows:\n%q\n%q", kk, prev, rec)
			}
			continue
		}
		first[kk] = rec
		if bad {
			badRows++
		}
		if rec[col["kode_desa"]] == "" {
			if rec[col["kecamatan"]] != "" || rec[col["desa"]] != "" {
				t.Errorf("row without kode_desa keeps its kecamatan or desa: %q", rec)
			}
			noVillage++
			continue
		}
		if bad {
			badScored++
		}
	}
	if rows := len(recs) - 1; rows != families+dups {
		t.Errorf("%d rows for %d families and %d second entries", rows, families, dups)
	}
	t.Logf("%d families: %d second entries, %d without a village, %d with an invalid value", families, dups, noVillage, badRows)
	if dups == 0 || noVillage == 0 {
		t.Fatalf("%d second entries and %d rows without a village: want some of each", dups, noVillage)
	}
	// About one family in six with an invalid value (600 rows: 100 +- 27
	// at three standard deviations).
	if badRows < 73 || badRows > 127 {
		t.Errorf("%d of %d families hold an invalid value, want about one in six", badRows, families)
	}

	dir := t.TempDir()
	path := filepath.Join(dir, "survey.csv")
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	set, err := os.ReadFile("../../indicators.yaml")
	if err != nil {
		t.Fatal(err)
	}
	var stdout, stderr bytes.Buffer
	if code := cmd.Main([]string{"score", "--format", "json", path}, cmd.Env{
		Builtins: map[string][]byte{"ikk": set}, Stdin: bytes.NewReader(nil), Stdout: &stdout, Stderr: &stderr,
	}); code != 0 {
		t.Fatalf("ikk score: exit %d\n%s", code, stderr.String())
	}
	var res struct {
		Summary struct {
			RowsRead     int            `json:"rows_read"`
			Scored       int            `json:"scored"`
			Rejected     int            `json:"rejected"`
			Blank        int            `json:"blank"`
			IssuesByCode map[string]int `json:"issues_by_code"`
		} `json:"summary"`
	}
	if err := json.Unmarshal(stdout.Bytes(), &res); err != nil {
		t.Fatal(err)
	}
	s := res.Summary
	if s.RowsRead != len(recs)-1 || s.RowsRead != s.Scored+s.Rejected+s.Blank {
		t.Errorf("rows read %d (file: %d) != scored %d + rejected %d + blank %d", s.RowsRead, len(recs)-1, s.Scored, s.Rejected, s.Blank)
	}
	if s.Rejected != dups+noVillage || s.IssuesByCode["duplicate_kk"] != dups || s.IssuesByCode["no_village"] != noVillage {
		t.Errorf("rejected %d (duplicate_kk %d, no_village %d), want %d second entries and %d rows without a village",
			s.Rejected, s.IssuesByCode["duplicate_kk"], s.IssuesByCode["no_village"], dups, noVillage)
	}
	// Every invalid value is one issue, and nothing else is: the
	// realistic mode's only bad cells are its own.
	if got := s.IssuesByCode["invalid_value"]; got != badScored {
		t.Errorf("%d invalid_value issues, want %d (one per scored row with an invalid value)", got, badScored)
	}
}

// The PK21 survey has the iBangga set's columns, and the set reads all of
// them: a clean one scores without an issue, each of its invalid cells is
// one invalid_value issue, and every desa has an index.
func TestPK21Survey(t *testing.T) {
	set, err := os.ReadFile("../../ibangga.yaml")
	if err != nil {
		t.Fatal(err)
	}
	for _, clean := range []bool{true, false} {
		cfg := surveygen.Config{Seed: 9, Households: 600, Desa: 4, Kecamatan: 2, PK21: true, NoDefects: clean, InvalidRate: 0.01, BlankRate: 0.02}
		data, recs := generate(t, cfg)
		if !slices.Equal(recs[0], surveygen.PK21Columns) {
			t.Fatalf("header %v", recs[0])
		}
		invalid := 0
		for _, rec := range recs[1:] {
			for _, v := range rec {
				if v == "-" || v == "?" || v == "99" {
					invalid++
				}
			}
		}
		if clean != (invalid == 0) {
			t.Errorf("clean %v: %d invalid cells", clean, invalid)
		}
		path := filepath.Join(t.TempDir(), "pk21.csv")
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
		var stdout, stderr bytes.Buffer
		if code := cmd.Main([]string{"score", "--indicators", "ibangga", "--format", "json", path}, cmd.Env{
			Builtins: map[string][]byte{"ibangga": set}, Stdin: bytes.NewReader(nil), Stdout: &stdout, Stderr: &stderr,
		}); code != 0 {
			t.Fatalf("ikk score: exit %d\n%s", code, stderr.String())
		}
		var res struct {
			Units []struct {
				Level string   `json:"level"`
				IKK   *float64 `json:"ikk"`
			} `json:"units"`
			Summary struct {
				Scored       int            `json:"scored"`
				Issues       int            `json:"issues"`
				IssuesByCode map[string]int `json:"issues_by_code"`
			} `json:"summary"`
		}
		if err := json.Unmarshal(stdout.Bytes(), &res); err != nil {
			t.Fatal(err)
		}
		if res.Summary.Scored != 600 || res.Summary.Issues != invalid || res.Summary.IssuesByCode["invalid_value"] != invalid {
			t.Errorf("clean %v: %d scored, issues %v; want 600 and %d invalid values", clean, res.Summary.Scored, res.Summary.IssuesByCode, invalid)
		}
		for _, u := range res.Units {
			if u.Level != "rt" && (u.IKK == nil || *u.IKK < 20 || *u.IKK > 95) {
				t.Errorf("clean %v: %s index %v", clean, u.Level, u.IKK)
			}
		}
	}
	if err := surveygen.Generate(io.Discard, surveygen.Config{Households: 10, Desa: 1, Kecamatan: 1, PK21: true, Realistic: true}); err == nil {
		t.Error("PK21 with the realistic mode: no error")
	}
}
