package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/ikk-tools/ikk/cmd"
)

// corpusCase is what a .want file beside a corpus file expects of it.
type corpusCase struct {
	about  []string // the comment lines: what the file is
	args   []string // the command line, {file} standing for the input
	exit   int
	issues []string         // the issue codes the run reports, exactly; nil: not checked
	counts map[string]int   // accounting fields of the JSON summary
	stderr []*regexp.Regexp // patterns stderr must match
	noerr  []*regexp.Regexp // patterns stderr must not match
}

// parseWant reads a .want file: "# ..." lines say what the case is; then
// "args:", "exit:", "issues:", "accounting:", "stderr:" and "!stderr:" lines.
func parseWant(t *testing.T, path string) corpusCase {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	c := corpusCase{args: []string{"score", "{file}", "--format", "json"}, counts: map[string]int{}}
	sc := bufio.NewScanner(bytes.NewReader(data))
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" {
			continue
		}
		if strings.HasPrefix(line, "#") {
			c.about = append(c.about, line)
			continue
		}
		key, val, ok := strings.Cut(line, ":")
		if !ok {
			t.Fatalf("%s:%d: want KEY: VALUE", path, n)
		}
		val = strings.TrimSpace(val)
		switch key {
		case "args":
			c.args = strings.Fields(val)
		case "exit":
			if c.exit, err = strconv.Atoi(val); err != nil {
				t.Fatalf("%s:%d: exit: %v", path, n, err)
			}
		case "issues":
			c.issues = []string{}
			if val != "none" {
				c.issues = strings.Fields(val)
				slices.Sort(c.issues)
			}
		case "accounting":
			for _, kv := range strings.Fields(val) {
				k, v, ok := strings.Cut(kv, "=")
				num, err := strconv.Atoi(v)
				if !ok || err != nil {
					t.Fatalf("%s:%d: accounting: write name=number", path, n)
				}
				c.counts[k] = num
			}
		case "stderr", "!stderr":
			re, err := regexp.Compile(val)
			if err != nil {
				t.Fatalf("%s:%d: %v", path, n, err)
			}
			if key == "stderr" {
				c.stderr = append(c.stderr, re)
			} else {
				c.noerr = append(c.noerr, re)
			}
		default:
			t.Fatalf("%s:%d: unknown key %q", path, n, key)
		}
	}
	if len(c.about) == 0 {
		t.Fatalf("%s: say in a # line what the file is", path)
	}
	return c
}

// TestCorpus runs every file of testdata/corpus as its .want file says and
// checks the exit code, the issue codes and the accounting of each.
func TestCorpus(t *testing.T) {
	entries, err := os.ReadDir("testdata/corpus")
	if err != nil {
		t.Fatal(err)
	}
	ran := 0
	for _, e := range entries {
		name := e.Name()
		if e.IsDir() || strings.HasSuffix(name, ".want") || name == "README.md" {
			continue
		}
		file := filepath.Join("testdata/corpus", name)
		wantPath := strings.TrimSuffix(file, filepath.Ext(file)) + ".want"
		if _, err := os.Stat(wantPath); err != nil {
			t.Errorf("%s has no %s", file, filepath.Base(wantPath))
			continue
		}
		ran++
		t.Run(name, func(t *testing.T) {
			runCorpusCase(t, file, parseWant(t, wantPath))
		})
	}
	if ran == 0 {
		t.Fatal("the corpus is empty")
	}
}

func runCorpusCase(t *testing.T, file string, c corpusCase) {
	args := make([]string, len(c.args))
	for i, a := range c.args {
		args[i] = strings.ReplaceAll(a, "{file}", file)
	}
	var stdout, stderr bytes.Buffer
	// The cases match the English summary.
	code := cmd.Main(append([]string{"--lang", "en"}, args...), cmd.Env{
		Builtins: map[string][]byte{"ikk": defaultSet},
		Stdin:    strings.NewReader(""), Stdout: &stdout, Stderr: &stderr,
	})
	if code != c.exit {
		t.Fatalf("exit %d, want %d\nstderr:\n%s", code, c.exit, stderr.String())
	}
	for _, re := range c.stderr {
		if !re.Match(stderr.Bytes()) {
			t.Errorf("stderr does not match %q:\n%s", re, stderr.String())
		}
	}
	for _, re := range c.noerr {
		if re.Match(stderr.Bytes()) {
			t.Errorf("stderr matches %q:\n%s", re, stderr.String())
		}
	}
	if c.issues == nil && len(c.counts) == 0 {
		return
	}
	var doc struct {
		Summary map[string]json.RawMessage `json:"summary"`
	}
	if err := json.Unmarshal(stdout.Bytes(), &doc); err != nil || doc.Summary == nil {
		t.Fatalf("no JSON result to check issues and accounting (%v); stderr:\n%s", err, stderr.String())
	}
	if c.issues != nil {
		var byCode map[string]int
		if raw, ok := doc.Summary["issues_by_code"]; ok {
			if err := json.Unmarshal(raw, &byCode); err != nil {
				t.Fatal(err)
			}
		}
		got := []string{}
		for k := range byCode {
			got = append(got, k)
		}
		slices.Sort(got)
		if !slices.Equal(got, c.issues) {
			t.Errorf("issue codes %v, want %v", got, c.issues)
		}
	}
	for k, want := range c.counts {
		raw, ok := doc.Summary[k]
		if !ok {
			t.Errorf("summary has no %q", k)
			continue
		}
		var got int
		if err := json.Unmarshal(raw, &got); err != nil || got != want {
			t.Errorf("summary %s = %s, want %d", k, raw, want)
		}
	}
	// Every row read ends as one of the three fates.
	var rows, scored, rejected, blank int
	for k, p := range map[string]*int{"rows_read": &rows, "scored": &scored, "rejected": &rejected, "blank": &blank} {
		json.Unmarshal(doc.Summary[k], p)
	}
	if rows != scored+rejected+blank {
		t.Errorf("rows_read %d != scored %d + rejected %d + blank %d", rows, scored, rejected, blank)
	}
}
