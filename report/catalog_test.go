package report

import (
	"slices"
	"strings"
	"testing"
)

// TestCatalogComplete: every text has both languages, they take the same
// parameters, and neither is left as the other's copy where words differ.
func TestCatalogComplete(t *testing.T) {
	for _, k := range Keys() {
		tx, _ := LookupText(k)
		if strings.TrimSpace(tx.ID) == "" || strings.TrimSpace(tx.EN) == "" {
			t.Errorf("%s: a language is empty (id %q, en %q)", k, tx.ID, tx.EN)
		}
		if a, b := Params(tx.ID), Params(tx.EN); !slices.Equal(a, b) {
			t.Errorf("%s: parameters differ: id %v, en %v", k, a, b)
		}
	}
}

func TestSay(t *testing.T) {
	register(map[string]Text{"test.say": {ID: "{rows} baris: {ok} dinilai", EN: "{ok} scored of {rows} rows"}})
	defer delete(catalog, "test.say")
	if got := Say("id", "test.say", "rows", "1.200", "ok", "1.000"); got != "1.200 baris: 1.000 dinilai" {
		t.Errorf("id: %q", got)
	}
	if got := Say("en", "test.say", "rows", "1,200", "ok", "1,000"); got != "1,000 scored of 1,200 rows" {
		t.Errorf("en: %q", got)
	}
	if got := Say("id", "test.missing"); got != "!test.missing!" {
		t.Errorf("missing key: %q", got)
	}
}
