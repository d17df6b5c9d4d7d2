package ikk

import (
	"os"
	"path/filepath"
	"testing"
)

// defaultSet loads the project's default indicator file.
func defaultSet(t testing.TB) *Set {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "indicators.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	s, err := LoadSet("indicators.yaml", data)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// writeFile writes content into a temporary folder and returns its path.
func writeFile(t testing.TB, name, content string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// The tests run with chunk texts overwritten once merged: a string that
// still points into one shows as bytes 0xFF, and the comparisons with the
// sequential reader fail.
func init() { poisonTexts = true }
