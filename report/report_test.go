package report

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ikk-tools/ikk/ikk"
)

var update = flag.Bool("update", false, "rewrite the golden files")

func TestNum(t *testing.T) {
	tests := []struct {
		v    float64
		lang string
		want string
	}{
		{73.98456, "id", "73,98"},
		{73.98456, "en", "73.98"},
		{2.675, "id", "2,68"},
		{74.995, "id", "75,00"},
		{0.125, "id", "0,13"},
		{1234.5, "id", "1.234,50"},
		{1234.5, "en", "1,234.50"},
		{582932, "id", "582.932,00"},
		{1234567.891, "id", "1.234.567,89"},
		{100, "id", "100,00"},
		{0, "id", "0,00"},
		{-1234.5, "id", "-1.234,50"},
	}
	for _, tt := range tests {
		if got := Num(tt.v, tt.lang); got != tt.want {
			t.Errorf("Num(%v, %s) = %q, want %q", tt.v, tt.lang, got, tt.want)
		}
	}
	for n, want := range map[int]string{0: "0", 999: "999", 1000: "1.000", 12345: "12.345", 1234567: "1.234.567", -5000: "-5.000"} {
		if got := Int(n, "id"); got != want {
			t.Errorf("Int(%d) = %q, want %q", n, got, want)
		}
	}
	for v, want := range map[float64]string{60: "60", 7.2: "7,2", 582932: "582.932", 0.8: "0,8", 74.995: "75", 1.005: "1,01"} {
		if got := NumTrim(v, "id"); got != want {
			t.Errorf("NumTrim(%v) = %q, want %q", v, got, want)
		}
	}
	if got := NumPtr(nil, "id"); got != "–" {
		t.Errorf("NumPtr(nil) = %q", got)
	}
}

func TestMarkdownEscaping(t *testing.T) {
	for in, want := range map[string]string{
		"Jati | Asih":    `Jati \| Asih`,
		"dua\nbaris":     "dua baris",
		`a\b`:            `a\\b`,
		"biasa":          "biasa",
		"|=SUM(A1)|\r\n": `\|=SUM(A1)\|`,
	} {
		if got := MarkdownCell(in); got != want {
			t.Errorf("MarkdownCell(%q) = %q, want %q", in, got, want)
		}
	}
	if got := MarkdownText("*tebal* _miring_ <b> < 60"); got != `\*tebal\* \_miring\_ &lt;b> < 60` {
		t.Errorf("MarkdownText = %q", got)
	}
}

func TestFormatForPath(t *testing.T) {
	for path, want := range map[string]string{"a.json": "json", "B.CSV": "csv", "c.md": "md", "d.markdown": "md"} {
		if got, err := FormatForPath(path); err != nil || got != want {
			t.Errorf("FormatForPath(%q) = %q, %v", path, got, err)
		}
	}
	if _, err := FormatForPath("e.pdf"); err == nil {
		t.Error("FormatForPath(e.pdf) accepted")
	}
}

// checkGolden compares output with testdata/golden/name, rewriting the file
// under -update (review the diff before committing).
func checkGolden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", "golden", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./report -update to create it)", err)
	}
	if !bytes.Equal(want, got) {
		t.Errorf("%s differs from the golden file; rerun with -update and review the diff\n got:\n%s", name, got)
	}
}

// defaultSet loads the project's default indicator file.
func defaultSet(t *testing.T) *ikk.Set {
	t.Helper()
	data, err := os.ReadFile("../indicators.yaml")
	if err != nil {
		t.Fatal(err)
	}
	set, err := ikk.LoadSet("builtin:ikk", data)
	if err != nil {
		t.Fatal(err)
	}
	return set
}

func handWorked(t *testing.T) *ikk.Result {
	t.Helper()
	set := defaultSet(t)
	// With the intervals, as `ikk score` computes them by default.
	res, err := ikk.Score(context.Background(), set, []string{"../testdata/handworked/survey.csv"}, ikk.Options{Resamples: 1000})
	if err != nil {
		t.Fatal(err)
	}
	return res
}

// TestGolden renders the hand-worked fixture in every format and language and
// compares with testdata/golden; `go test ./report -update` rewrites them, to
// be reviewed as a diff.
func TestGolden(t *testing.T) {
	res := handWorked(t)
	for _, tt := range []struct {
		file, format, lang string
	}{
		{"handworked.json", "json", "id"},
		{"handworked.csv", "csv", "id"},
		{"handworked.id.md", "md", "id"},
		{"handworked.en.md", "md", "en"},
		{"handworked.id.txt", "table", "id"},
		{"handworked.en.txt", "table", "en"},
	} {
		t.Run(tt.file, func(t *testing.T) {
			got := render(t, tt.format, res, Meta{Lang: tt.lang, ToolVersion: "test"})
			checkGolden(t, tt.file, got)
			// Rendering twice gives the same bytes.
			if again := render(t, tt.format, res, Meta{Lang: tt.lang, ToolVersion: "test"}); !bytes.Equal(again, got) {
				t.Error("two renderings differ")
			}
		})
	}
}

// TestJSONDontKnow: the sample's "tidak tahu" answers reach the JSON as
// dont_know, an optional field of v1 beside missing: a part of it, so that
// pass + fail + na + missing + invalid stays the unit's households, and
// none of them is listed as an issue.
func TestJSONDontKnow(t *testing.T) {
	res, err := ikk.Score(context.Background(), defaultSet(t), []string{"../testdata/sample/survei_kelua.csv"}, ikk.Options{})
	if err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Schema string
		Units  []struct {
			Level, Name string
			Households  int
			Indicators  map[string]map[string]any
		}
		Issues []struct{ Value string }
	}
	if err := json.Unmarshal(render(t, "json", res, Meta{Lang: "en", ToolVersion: "test"}), &doc); err != nil {
		t.Fatal(err)
	}
	if doc.Schema != SchemaJSON {
		t.Fatalf("schema %q", doc.Schema)
	}
	dontKnow := 0
	for _, u := range doc.Units {
		for id, c := range u.Indicators {
			n := func(k string) int {
				v, ok := c[k].(float64)
				if !ok {
					t.Fatalf("%s %s %s: %q is %v", u.Level, u.Name, id, k, c[k])
				}
				return int(v)
			}
			if got := n("pass") + n("fail") + n("na") + n("missing") + n("invalid"); got != u.Households {
				t.Errorf("%s %s %s: outcomes add up to %d of %d households", u.Level, u.Name, id, got, u.Households)
			}
			if n("dont_know") > n("missing") {
				t.Errorf("%s %s %s: dont_know %d above missing %d", u.Level, u.Name, id, n("dont_know"), n("missing"))
			}
			if u.Level == ikk.LevelKabupaten {
				dontKnow += n("dont_know")
			}
		}
	}
	if dontKnow == 0 {
		t.Error("the sample's tidak tahu answers are not counted")
	}
	for _, is := range doc.Issues {
		if strings.EqualFold(is.Value, "tidak tahu") {
			t.Errorf("issue on a don't-know answer: %+v", is)
		}
	}
}

// TestJSONNumbersAsEncodingJSON: the streaming writer formats numbers and
// strings exactly as encoding/json does, so the contract's bytes do not
// depend on which of the two wrote them.
func TestJSONNumbersAsEncodingJSON(t *testing.T) {
	for _, f := range []float64{0, 1, -1, 100.0 / 3, 78.16666666666667, 1e-7, 1.5e-6, 9.99e-7, 1e20, 1e21, 1.234e25, -2.5e-9, 582932, 7.2} {
		var buf bytes.Buffer
		j := &jsonWriter{w: bufio.NewWriter(&buf)}
		j.num(f)
		j.w.Flush()
		want, _ := json.Marshal(f)
		if buf.String() != string(want) {
			t.Errorf("num(%v) = %s, encoding/json %s", f, buf.String(), want)
		}
	}
	for _, s := range []string{"Sungai <Harapan> & co", "tab\there", `quote " and \ slash`, "ünïcode", "\u2028", "plain_key"} {
		var buf bytes.Buffer
		j := &jsonWriter{w: bufio.NewWriter(&buf)}
		j.str(s)
		j.w.Flush()
		want, _ := json.Marshal(s)
		if buf.String() != string(want) {
			t.Errorf("str(%q) = %s, encoding/json %s", s, buf.String(), want)
		}
	}
	// Nested, empty and filled containers indent as json.Indent does.
	var buf bytes.Buffer
	j := &jsonWriter{w: bufio.NewWriter(&buf)}
	j.beginObject()
	j.key("a").beginArray()
	j.endArray()
	j.key("b").beginObject()
	j.endObject()
	j.key("c").beginArray()
	j.int(1)
	j.beginObject()
	j.key("d").null()
	j.endObject()
	j.endArray()
	j.endObject()
	j.w.Flush()
	var want bytes.Buffer
	json.Indent(&want, []byte(`{"a":[],"b":{},"c":[1,{"d":null}]}`), "", "  ")
	if buf.String() != want.String() {
		t.Errorf("got\n%s\nwant\n%s", buf.String(), want.String())
	}
}
