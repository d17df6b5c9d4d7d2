package report

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"runtime"
	"testing"

	"github.com/ikk-tools/ikk/ikk"
	"github.com/ikk-tools/ikk/internal/surveygen"
)

// generatedSurvey writes a CSV survey of the generator in a temporary
// folder and returns its path.
func generatedSurvey(t *testing.T, cfg surveygen.Config) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "survey.csv")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := surveygen.Generate(f, cfg); err != nil {
		t.Fatal(err)
	}
	return path
}

// TestJSONIssuesInParallel writes a result of thousands of issues, which
// the JSON writer renders in blocks on several cores, and compares it with
// the document one core writes, for both languages.
func TestJSONIssuesInParallel(t *testing.T) {
	path := generatedSurvey(t, surveygen.Config{Seed: 5, Households: 3000, Kecamatan: 2, Desa: 6, InvalidRate: 0.15})
	res, err := ikk.Score(context.Background(), defaultSet(t), []string{path}, ikk.Options{})
	if err != nil {
		t.Fatal(err)
	}
	// Several blocks, the last one partial.
	if n := res.Issues.Len(); n < 3*issueBlockJSON || n%issueBlockJSON == 0 {
		t.Fatalf("%d issues: the test needs more than three blocks and a partial one", n)
	}
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(0))
	for _, lang := range []string{"id", "en"} {
		var docs [][]byte
		for _, procs := range []int{1, 2, 5} {
			runtime.GOMAXPROCS(procs)
			var buf bytes.Buffer
			if err := JSON(&buf, res, Meta{Lang: lang, ToolVersion: "test"}); err != nil {
				t.Fatal(err)
			}
			docs = append(docs, buf.Bytes())
		}
		for i := 1; i < len(docs); i++ {
			if !bytes.Equal(docs[0], docs[i]) {
				t.Errorf("%s: the document written on several cores differs from the one of one core", lang)
			}
		}
		if !bytes.Contains(docs[0], []byte(`"issues": [`)) || bytes.Count(docs[0], []byte(`"detail": `)) != res.Issues.Len() {
			t.Errorf("%s: the issues array does not hold the %d issues", lang, res.Issues.Len())
		}
	}
}
