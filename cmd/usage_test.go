package cmd

import (
	"bytes"
	"regexp"
	"strings"
	"testing"

	"github.com/ikk-tools/ikk/report"
)

// run runs ikk in-process and returns its exit code and standard error.
func run(t *testing.T, args ...string) (int, string) {
	t.Helper()
	var stdout, stderr bytes.Buffer
	code := Main(args, Env{Builtins: map[string][]byte{"ikk": nil}, Stdin: strings.NewReader(""), Stdout: &stdout, Stderr: &stderr})
	return code, stderr.String()
}

// TestUsageErrorsInCatalogueWords: every mistake cobra and pflag find is
// said in the catalogue's words, in both languages, with the hint line,
// and exits 2; none of cobra's or pflag's own English reaches the user.
func TestUsageErrorsInCatalogueWords(t *testing.T) {
	raw := []string{"flag needs an argument", "invalid argument", "unknown flag", "unknown shorthand",
		"requires at least", "arg(s)", "accepts ", "Did you mean this", "bad flag syntax", "for \"ikk", "!cli."}
	if otherLanguage("id", "ikk: kesalahan: give at least one survey file or folder") == "" {
		t.Fatal("otherLanguage finds no English in an English text")
	}
	for _, tc := range []struct {
		args   []string
		en, id string
	}{
		{[]string{"score"}, "give at least one survey file or folder (.xlsx or .csv)", "sebutkan sedikitnya satu berkas atau folder survei"},
		{[]string{"annex"}, "give at least one survey file or folder", "sebutkan sedikitnya satu berkas"},
		{[]string{"score", "a.csv", "--jobs", "x"}, `--jobs "x": give a number of cores from 1 to `, `--jobs "x": berikan jumlah inti prosesor dari 1 sampai dengan `},
		{[]string{"score", "a.csv", "--jobs"}, "--jobs needs a value: give a number of cores", "opsi --jobs memerlukan nilai: berikan jumlah inti"},
		{[]string{"score", "a.csv", "--top", "x"}, `--top "x": give a number of desa, 1 or more`, `--top "x": berikan jumlah desa, 1 atau lebih`},
		{[]string{"score", "a.csv", "--strict=maybe"}, `--strict "maybe": it takes no value: write --strict alone`, `--strict "maybe": opsi ini tidak memerlukan nilai`},
		{[]string{"score", "a.csv", "--format", "--desa", "x"}, "--format needs a value: one of csv, json, md, table; --desa is the next option, not a value", "opsi --format memerlukan nilai: salah satu dari csv, json, md, table; --desa adalah opsi berikutnya, bukan nilai"},
		{[]string{"score", "a.csv", "--jobs", "--strict"}, "--jobs needs a value: give a number of cores", "opsi --jobs memerlukan nilai"},
		{[]string{"score", "a.csv", "-o"}, "-o needs a value: a file name with one of the extensions .xlsx, .json, .csv, .md", "opsi -o memerlukan nilai: nama berkas dengan salah satu ekstensi"},
		{[]string{"annex", "a.csv", "-o", "l.md", "--tanggal"}, "--date needs a value: write the date as YYYY-MM-DD", "opsi --date memerlukan nilai: tulis tanggal sebagai YYYY-MM-DD"},
		{[]string{"score", "a.csv", "--frmat", "json"}, "unknown option --frmat; did you mean --format?", "opsi --frmat tidak dikenal; apakah yang dimaksud --format?"},
		{[]string{"annex", "a.csv", "--tangal", "x"}, "unknown option --tangal; did you mean --tanggal?", "opsi --tangal tidak dikenal; apakah yang dimaksud --tanggal?"},
		{[]string{"annex", "a.csv", "--pilott", "x"}, "unknown option --pilott; did you mean --pilot?", "apakah yang dimaksud --pilot?"},
		{[]string{"score", "a.csv", "--frobnicate"}, "unknown option --frobnicate\n", "opsi --frobnicate tidak dikenal\n"},
		{[]string{"score", "a.csv", "-z"}, "unknown option -z\n", "opsi -z tidak dikenal\n"},
		{[]string{"score", "a.csv", "-zq"}, "unknown option -z (in -zq)", "opsi -z tidak dikenal (dalam -zq)"},
		{[]string{"score", "a.csv", "-format", "json"}, "unknown option -format; did you mean --format?", "opsi -format tidak dikenal; apakah yang dimaksud --format?"},
		{[]string{"score", "a.csv", "---format", "json"}, "unknown option ---format; did you mean --format?", "apakah yang dimaksud --format?"},
		{[]string{"score", "a.csv", "--=x"}, "--=x is not a well-formed option: write --NAME or --NAME=VALUE", "--=x bukan penulisan opsi yang benar"},
		{[]string{"nosuch"}, `unknown command "nosuch"; the commands of ikk are annex, areas, compare, completion, form, indicators, lokus, plan, score`, `perintah "nosuch" tidak dikenal; perintah ikk: annex, areas, compare, completion, form, indicators, lokus, plan, score`},
		{[]string{"scor", "a.csv"}, `unknown command "scor"; did you mean score?`, `perintah "scor" tidak dikenal; apakah yang dimaksud score?`},
		{[]string{"version"}, `unknown command "version"; did you mean --version?`, `perintah "version" tidak dikenal; apakah yang dimaksud --version?`},
		{[]string{"lampran"}, `unknown command "lampran"; did you mean lampiran?`, `apakah yang dimaksud lampiran?`},
		{[]string{"indicators", "a", "b", "c"}, `ikk indicators takes no arguments ("a" given); its commands are init, validate`, `ikk indicators tidak menerima argumen ("a" diberikan); perintahnya: init, validate`},
		{[]string{"indicators", "valdate", "x.yaml"}, `unknown command "valdate"; did you mean validate?`, `perintah "valdate" tidak dikenal; apakah yang dimaksud validate?`},
		{[]string{"indicators", "validate"}, "give the indicator file to check, e.g. ikk indicators validate my.yaml", "sebutkan berkas indikator yang diperiksa"},
		{[]string{"indicators", "validate", "a", "b"}, `ikk indicators validate takes one file, not 2: "a" "b"`, `ikk indicators validate menerima satu berkas, bukan 2`},
		{[]string{"indicators", "init", "a", "b"}, `ikk indicators init takes at most one file, not 2`, `menerima paling banyak satu berkas, bukan 2`},
		{[]string{"help", "nosuch"}, `unknown command "nosuch"; the commands of ikk are`, `perintah "nosuch" tidak dikenal`},
		{[]string{"completion", "bsh"}, `unknown command "bsh"; did you mean bash?`, `apakah yang dimaksud bash?`},
		{[]string{"completion", "bash", "x"}, `ikk completion bash takes no arguments ("x" given)`, `ikk completion bash tidak menerima argumen ("x" diberikan)`},
		{[]string{"annex", "a.csv", "-o", "l.md", "--urutan", "x"}, `--order "x": kecamatan (by kecamatan, then desa) or rank`, `--order "x": kecamatan (menurut kecamatan, lalu desa) atau rank`},
		{[]string{"annex", "a.csv", "-o", "l.md", "--tanggal", "1/2"}, `--date "1/2": write the date as YYYY-MM-DD`, `--date "1/2": tulis tanggal sebagai YYYY-MM-DD`},
	} {
		for _, lang := range []string{"en", "id"} {
			want := tc.en
			if lang == "id" {
				want = tc.id
			}
			t.Setenv("IKK_LANG", lang)
			code, stderr := run(t, tc.args...)
			if code != exitUsage {
				t.Errorf("%s %q: exit %d, want %d\n%s", lang, tc.args, code, exitUsage, stderr)
			}
			if !strings.Contains(stderr, want) {
				t.Errorf("%s %q: stderr lacks %q:\n%s", lang, tc.args, want, stderr)
			}
			hint := "hint: run '"
			if lang == "id" {
				hint = "petunjuk: jalankan '"
			}
			if !strings.Contains(stderr, hint) {
				t.Errorf("%s %q: no hint line:\n%s", lang, tc.args, stderr)
			}
			for _, r := range raw {
				if strings.Contains(stderr, r) {
					t.Errorf("%s %q: cobra's own words %q:\n%s", lang, tc.args, r, stderr)
				}
			}
			if r := otherLanguage(lang, stderr); r != "" {
				t.Errorf("%s %q: words of the other language %q:\n%s", lang, tc.args, r, stderr)
			}
		}
	}
}

func TestClosest(t *testing.T) {
	words := []string{"format", "desa", "date", "tanggal", "pilot", "desa-lokus", "jobs", "top"}
	for typed, want := range map[string]string{
		"frmat":      "format",
		"fromat":     "format",
		"tangal":     "tanggal",
		"desa-lokas": "desa-lokus",
		"dat":        "date",
		"jbs":        "jobs",
		"xyz":        "",
		"frobnicate": "",
		"pil":        "pilot",
		"FORMAT":     "format",
	} {
		if got := closest(typed, words); got != want {
			t.Errorf("closest(%q) = %q, want %q", typed, got, want)
		}
	}
}

func TestArgLang(t *testing.T) {
	t.Setenv("IKK_LANG", "")
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"score", "--lang", "en"}, "en"},
		{[]string{"score", "--lang=en"}, "en"},
		{[]string{"score", "--bahasa", "en"}, "en"},
		{[]string{"score", "--bahasa=en"}, "en"},
		{[]string{"score", "--", "--lang", "en"}, "id"},
		{[]string{"score", "--lang"}, "id"},
	} {
		if got := argLang(tc.args); got != tc.want {
			t.Errorf("argLang(%q) = %q, want %q", tc.args, got, tc.want)
		}
	}
}

var wordRun = regexp.MustCompile(`[\p{L}][\p{L}'-]*(?: [\p{L}][\p{L}'-]*){2,}`)

// otherLanguage returns a run of three words or more of a cli.* text in
// the other language found in out, or "".
func otherLanguage(lang, out string) string {
	for _, k := range report.Keys() {
		if !strings.HasPrefix(k, "cli.") {
			continue
		}
		tx, _ := report.LookupText(k)
		other, own := tx.EN, tx.ID
		if lang == "en" {
			other, own = tx.ID, tx.EN
		}
		for _, r := range wordRun.FindAllString(regexp.MustCompile(`\{[a-z_]+\}`).ReplaceAllString(other, "|"), -1) {
			if !strings.Contains(own, r) && strings.Contains(out, r) {
				return r
			}
		}
	}
	return ""
}
