package cmd

import (
	"context"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestOutputSetAllOrNone: when one output fails, none is replaced and no
// temporary file is left.
func TestOutputSetAllOrNone(t *testing.T) {
	dir := t.TempDir()
	a, b := filepath.Join(dir, "a.json"), filepath.Join(dir, "b.md")
	for _, p := range []string{a, b} {
		if err := os.WriteFile(p, []byte("old"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, tc := range []struct {
		name string
		ctx  func() context.Context
		b    func(io.Writer) error
	}{
		{"second writer fails", context.Background, func(io.Writer) error { return errors.New("disk full") }},
		{"interrupted", func() context.Context {
			ctx, cancel := context.WithCancel(context.Background())
			cancel()
			return ctx
		}, func(w io.Writer) error { _, err := w.Write(make([]byte, 1<<20)); return err }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := &outputSet{ctx: tc.ctx()}
			err := s.write(a, func(w io.Writer) error { _, err := io.WriteString(w, "new"); return err })
			if err == nil {
				err = s.write(b, tc.b)
			}
			if err == nil {
				err = s.commit()
			}
			s.discard()
			if err == nil {
				t.Fatal("no error")
			}
			for _, p := range []string{a, b} {
				if got, _ := os.ReadFile(p); string(got) != "old" {
					t.Errorf("%s = %q, want it untouched", filepath.Base(p), got)
				}
			}
			entries, _ := os.ReadDir(dir)
			if len(entries) != 2 {
				t.Errorf("%d files left in the folder, want the 2 outputs only", len(entries))
			}
		})
	}
}

// TestStdoutErrors: a closed or full standard output ends the run with
// exit 1 and a message, never silently.
func TestStdoutErrors(t *testing.T) {
	var stderr strings.Builder
	code := Main([]string{"indicators", "init", "--lang", "en"}, Env{
		Builtins: map[string][]byte{"ikk": []byte("schema: x\n")},
		Stdout:   failingWriter{}, Stderr: &stderr,
	})
	if code != exitRuntime {
		t.Fatalf("exit %d, want %d; stderr %q", code, exitRuntime, stderr.String())
	}
	if want := "cannot write to standard output"; !strings.Contains(stderr.String(), want) {
		t.Errorf("stderr %q lacks %q", stderr.String(), want)
	}
}

type failingWriter struct{}

func (failingWriter) Write([]byte) (int, error) { return 0, errors.New("no space left on device") }
