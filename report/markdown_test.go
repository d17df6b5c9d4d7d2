package report

import (
	"bytes"
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/ikk-tools/ikk/ikk"
)

// TestMarkdownReportGolden renders the full report of the hand-worked
// fixture in both languages and compares with testdata/golden;
// `go test ./report -update` rewrites them, to be reviewed as a diff.
func TestMarkdownReportGolden(t *testing.T) {
	res := handWorked(t)
	for _, tt := range []struct{ file, lang string }{
		{"report.id.md", "id"},
		{"report.en.md", "en"},
	} {
		t.Run(tt.file, func(t *testing.T) {
			m := Meta{Lang: tt.lang, ToolVersion: "test", Date: "23 Maret 2026"}
			var buf bytes.Buffer
			if err := MarkdownReport(&buf, res, m); err != nil {
				t.Fatal(err)
			}
			checkGolden(t, tt.file, buf.Bytes())
			checkMarkdownTables(t, buf.String())
		})
	}
}

// TestMarkdownReportDeterministic: two renderings give the same bytes.
func TestMarkdownReportDeterministic(t *testing.T) {
	res := handWorked(t)
	for _, lang := range []string{"id", "en"} {
		var a, b bytes.Buffer
		if err := MarkdownReport(&a, res, Meta{Lang: lang, ToolVersion: "test"}); err != nil {
			t.Fatal(err)
		}
		if err := MarkdownReport(&b, res, Meta{Lang: lang, ToolVersion: "test"}); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(a.Bytes(), b.Bytes()) {
			t.Errorf("%s: two renderings differ", lang)
		}
	}
}

// TestMarkdownReportHostileNames: survey-provided names with Markdown
// markup keep every table row intact and stay literal text.
func TestMarkdownReportHostileNames(t *testing.T) {
	res := handWorked(t)
	const name = "Jati | Asih *x*"
	for _, u := range res.Units {
		if u.Level == ikk.LevelDesa && u.Name == "Maburai" {
			u.Name = name
		}
		if u.Level == ikk.LevelRT && u.Desa == "Maburai" {
			u.Desa = name
		}
	}
	res.Issues.Append(ikk.Issue{File: "a|b.csv", Row: 99, Column: "desa", Value: "x | <b>y</b> [z](u)", Code: ikk.IssueInvalidValue})
	for _, lang := range []string{"id", "en"} {
		var buf bytes.Buffer
		if err := MarkdownReport(&buf, res, Meta{Lang: lang}); err != nil {
			t.Fatal(err)
		}
		out := buf.String()
		rows := checkMarkdownTables(t, out)
		if rows == 0 {
			t.Fatal("no table rows found")
		}
		if !strings.Contains(out, `| Jati \| Asih \*x\* `) {
			t.Errorf("%s: the desa name is not escaped in the tables:\n%s", lang, out)
		}
		if !strings.Contains(out, `### Desa Jati \| Asih \*x\*, Kecamatan Murung Pudak`) {
			t.Errorf("%s: the desa heading is not escaped:\n%s", lang, out)
		}
		if strings.Contains(out, "<b>") {
			t.Errorf("%s: an HTML tag from the survey came through", lang)
		}
	}
}

// checkMarkdownTables checks that every row of every table has as many
// cell separators (unescaped pipes) as the table's header, and returns the
// number of rows checked.
func checkMarkdownTables(t *testing.T, doc string) int {
	t.Helper()
	n, want := 0, -1
	for i, line := range strings.Split(doc, "\n") {
		if !strings.HasPrefix(line, "|") {
			want = -1
			continue
		}
		got := mdPipes(line)
		if want < 0 {
			want = got
			continue
		}
		n++
		if got != want {
			t.Errorf("line %d has %d separators, its header %d: %s", i+1, got, want, line)
		}
	}
	return n
}

// mdPipes counts the pipes of a line that are not escaped by a backslash.
func mdPipes(line string) int {
	n := 0
	for i := 0; i < len(line); i++ {
		switch line[i] {
		case '\\':
			i++ // the next byte is escaped
		case '|':
			n++
		}
	}
	return n
}

func TestMDCell(t *testing.T) {
	for in, want := range map[string]string{
		"Jati | Asih *x*":    `Jati \| Asih \*x\*`,
		"buku_nikah = ya":    "buku_nikah = ya",
		"_miring_":           `\_miring\_`,
		"<b>tebal</b> < 60":  "&lt;b>tebal&lt;/b> < 60",
		"[tautan](x) `kode`": "\\[tautan\\](x) \\`kode\\`",
		`a\*b`:               `a\\\*b`,
		"dua\nbaris":         "dua baris",
	} {
		if got := mdCell(in); got != want {
			t.Errorf("mdCell(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestMarkdownKeysInCatalogue: every key markdown.go says is in the
// catalogue, also those of branches the golden files do not reach (no
// permasalahan anywhere, a desa without a code), where a missing key would
// show as !key! in a report.
func TestMarkdownKeysInCatalogue(t *testing.T) {
	src, err := os.ReadFile("markdown.go")
	if err != nil {
		t.Fatal(err)
	}
	keys := regexp.MustCompile(`d\.say\("([^"]+)"`).FindAllSubmatch(src, -1)
	if len(keys) < 50 {
		t.Fatalf("only %d d.say keys found in markdown.go: is the pattern right?", len(keys))
	}
	for _, k := range keys {
		if _, ok := LookupText(string(k[1])); !ok {
			t.Errorf("markdown.go says %q, which the catalogue does not hold", k[1])
		}
	}
}
