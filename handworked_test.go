package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"os"
	"sort"
	"testing"

	"github.com/ikk-tools/ikk/cmd"
)

// TestHandWorked runs `ikk score --format json` on the hand-worked fixture
// and compares every number with testdata/handworked/expected.json, which
// was worked out by hand from the method (see WORKINGS.md there), never by
// this code.
func TestHandWorked(t *testing.T) {
	var stdout, stderr bytes.Buffer
	code := cmd.Main([]string{"score", "--format", "json", "testdata/handworked/survey.csv"}, cmd.Env{
		Builtins: map[string][]byte{"ikk": defaultSet}, Stdout: &stdout, Stderr: &stderr,
	})
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	var got map[string]any
	if err := json.Unmarshal(stdout.Bytes(), &got); err != nil {
		t.Fatal(err)
	}
	raw, err := os.ReadFile("testdata/handworked/expected.json")
	if err != nil {
		t.Fatal(err)
	}
	var want map[string]any
	if err := json.Unmarshal(raw, &want); err != nil {
		t.Fatal(err)
	}

	compare(t, "summary", want["summary"], got["summary"])

	// Issues: the same cells with the same codes.
	issueKeys := func(list any) []string {
		var keys []string
		for _, x := range list.([]any) {
			m := x.(map[string]any)
			keys = append(keys, fmt.Sprintf("row %v column %v: %v", m["row"], m["column"], m["code"]))
		}
		sort.Strings(keys)
		return keys
	}
	wi, gi := issueKeys(want["issues"]), issueKeys(got["issues"])
	if fmt.Sprint(wi) != fmt.Sprint(gi) {
		t.Errorf("issues:\nwant %q\n got %q", wi, gi)
	}

	// Units: matched by level, code and RT; every expected key compared.
	unitKey := func(u map[string]any) string { return fmt.Sprintf("%v %v %v", u["level"], u["code"], u["rt"]) }
	gotUnits := map[string]map[string]any{}
	var gotOrder []string
	for _, x := range got["units"].([]any) {
		u := x.(map[string]any)
		gotUnits[unitKey(u)] = u
		gotOrder = append(gotOrder, unitKey(u))
	}
	var wantOrder []string
	for _, x := range want["units"].([]any) {
		wu := x.(map[string]any)
		k := unitKey(wu)
		wantOrder = append(wantOrder, k)
		gu, ok := gotUnits[k]
		if !ok {
			t.Errorf("unit %s missing from the output", k)
			continue
		}
		for key, wv := range wu {
			gv := gu[key]
			if key == "category" {
				// expected.json gives the category id alone.
				if m, ok := gv.(map[string]any); ok {
					gv = m["id"]
				}
			}
			if key == "permasalahan" {
				// Compare the hand-worked fields only.
				gv = pick(gv, "indicator", "percent", "fail")
			}
			compare(t, k+"."+key, wv, gv)
		}
	}
	if fmt.Sprint(wantOrder) != fmt.Sprint(gotOrder) {
		t.Errorf("unit order:\nwant %v\n got %v", wantOrder, gotOrder)
	}
}

func pick(v any, keys ...string) any {
	list, ok := v.([]any)
	if !ok {
		return v
	}
	out := make([]any, len(list))
	for i, x := range list {
		m := x.(map[string]any)
		p := map[string]any{}
		for _, k := range keys {
			p[k] = m[k]
		}
		out[i] = p
	}
	return out
}

// compare checks that got holds everything want holds: numbers within 1e-9,
// nulls as nulls, maps key by key, lists element by element.
func compare(t *testing.T, path string, want, got any) {
	t.Helper()
	switch w := want.(type) {
	case nil:
		if got != nil {
			t.Errorf("%s: want null, got %v", path, got)
		}
	case float64:
		g, ok := got.(float64)
		if !ok || math.Abs(g-w) > 1e-9*math.Max(1, math.Abs(w)) {
			t.Errorf("%s: want %v, got %v", path, w, got)
		}
	case map[string]any:
		g, ok := got.(map[string]any)
		if !ok {
			t.Errorf("%s: want an object, got %v", path, got)
			return
		}
		for k, wv := range w {
			gv, present := g[k]
			if !present {
				t.Errorf("%s.%s: missing", path, k)
				continue
			}
			compare(t, path+"."+k, wv, gv)
		}
	case []any:
		g, ok := got.([]any)
		if !ok || len(g) != len(w) {
			t.Errorf("%s: want %d elements %v, got %v", path, len(w), w, got)
			return
		}
		for i := range w {
			compare(t, fmt.Sprintf("%s[%d]", path, i), w[i], g[i])
		}
	default:
		if fmt.Sprint(want) != fmt.Sprint(got) {
			t.Errorf("%s: want %v, got %v", path, want, got)
		}
	}
}
