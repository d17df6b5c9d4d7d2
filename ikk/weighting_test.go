package ikk

import (
	"math"
	"strings"
	"testing"
)

// withWeightings is the mini set (dimensions D1 weight 1, D2 weight 3)
// with a weightings list appended.
func withWeightings(list string) string { return miniSet + "weightings:\n" + list }

func TestWeightingsLoad(t *testing.T) {
	s, err := LoadSet("mini.yaml", []byte(withWeightings(
		"  - {key: sama_rata, label: Bobot sama, weights: {D1: 1, D2: 1}}\n"+
			"  - {key: tanpa_d1, label: Tanpa D1, weights: {D2: 2, D1: 0}}\n")))
	if err != nil {
		t.Fatal(err)
	}
	if len(s.Weightings) != 2 {
		t.Fatalf("%d weightings, want 2", len(s.Weightings))
	}
	w := s.Weightings[1]
	if w.Key != "tanpa_d1" || w.Label != "Tanpa D1" || w.Weights[0] != 0 || w.Weights[1] != 2 {
		t.Errorf("weights follow the set's dimensions, not the file's order: %+v", w)
	}
	// The index under each weighting, by hand: D1 = 40, D2 = 80.
	d1, d2 := 40.0, 80.0
	dims := []*float64{&d1, &d2}
	for _, tt := range []struct {
		weights []float64
		want    float64
	}{
		{nil, (40 + 3*80) / 4.0},
		{s.Weightings[0].Weights, 60},
		{s.Weightings[1].Weights, 80},
	} {
		v, undef := s.IndexWith(dims, tt.weights)
		if v == nil || math.Abs(*v-tt.want) > 1e-12 || undef != nil {
			t.Errorf("IndexWith %v = %v %v, want %v", tt.weights, v, undef, tt.want)
		}
		if got := s.IndexOf([]float64{d1, d2}, tt.weights); math.Abs(got-tt.want) > 1e-12 {
			t.Errorf("IndexOf %v = %v, want %v", tt.weights, got, tt.want)
		}
	}
	// An undefined dimension leaves the index undefined under every
	// weighting, even one that gives the dimension no weight.
	if v, undef := s.IndexWith([]*float64{nil, &d2}, s.Weightings[1].Weights); v != nil || strings.Join(undef, ",") != "D1" {
		t.Errorf("undefined D1: %v %v", v, undef)
	}
	if got := s.IndexOf([]float64{math.NaN(), d2}, s.Weightings[1].Weights); !math.IsNaN(got) {
		t.Errorf("IndexOf with a NaN dimension = %v", got)
	}
	// The set's own Index is IndexWith its own weights.
	own, _ := s.Index(dims)
	if *own != 70 {
		t.Errorf("Index = %v, want 70", *own)
	}
}

// TestWeightingsValidation: every mistake in a weighting is named with its
// line, the weighting it is in and what would be right.
func TestWeightingsValidation(t *testing.T) {
	tests := []struct {
		name, list string
		scope      string
		code       string
		params     []string
		atLine     string
	}{
		{"unknown dimension", "  - {key: a, label: A, weights: {D1: 1, D9: 2, D2: 1}}\n", "weighting a", MsgSetUndeclared, []string{"part", PartDimension, "name", "D9", "declared", "D1, D2"}, "D9"},
		{"dimension left out", "  - {key: a, label: A,\n     weights: {D1: 1}}\n", "weighting a", MsgSetWeightingMissing, []string{"missing", "D2"}, "weights: {D1: 1}"},
		{"negative weight", "  - key: a\n    label: A\n    weights:\n      D1: 1\n      D2: -2\n", "weighting a", MsgSetWeightingWeight, []string{"dimension", "D2", "found", "-2", "limit", "1000"}, "D2: -2"},
		{"huge weight", "  - {key: a, label: A, weights: {D1: 1, D2: 5000}}\n", "weighting a", MsgSetWeightingWeight, []string{"dimension", "D2", "found", "5000"}, ""},
		{"all zero", "  - {key: a, label: A, weights: {D1: 0, D2: 0}}\n", "weighting a", MsgSetWeightingZero, nil, ""},
		{"the set's own weights again", "  - {key: a, label: A, weights: {D1: 2, D2: 6}}\n", "weighting a", MsgSetWeightingSame, nil, ""},
		{"no label", "  - {key: a, weights: {D1: 1, D2: 1}}\n", "weighting a", MsgSetLabelRequired, nil, ""},
		{"bad key", "  - {key: 'sama rata', label: A, weights: {D1: 1, D2: 1}}\n", "weighting 1", MsgSetBadName, []string{"part", PartWeighting, "name", "sama rata"}, ""},
		{"no key", "  - {label: A, weights: {D1: 1, D2: 1}}\n", "weighting 1", MsgSetBadName, []string{"part", PartWeighting, "name", ""}, ""},
		{"key twice", "  - {key: a, label: A, weights: {D1: 1, D2: 1}}\n  - {key: a, label: B, weights: {D1: 1, D2: 2}}\n", "", MsgSetIDTwice, []string{"part", PartWeighting, "id", "a"}, "label: B"},
		{"unknown key", "  - {key: a, label: A, weight: {D1: 1, D2: 1}}\n", "", MsgSetUnknownKey, []string{"key", "weight", "keys", "key, label, weights"}, ""},
		{"weight not a number", "  - {key: a, label: A, weights: {D1: satu, D2: 1}}\n", "", MsgSetWrongKind, []string{"node", NodeText, "expect", NodeNumber}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := withWeightings(tt.list)
			_, err := LoadSet("mini.yaml", []byte(src))
			se, ok := err.(*SetError)
			if !ok {
				t.Fatalf("err = %v, want a *SetError", err)
			}
			line := 0
			if tt.atLine != "" {
				i := strings.Index(src, tt.atLine)
				line = strings.Count(src[:i], "\n") + 1
			}
			for _, p := range se.Problems {
				if (line == 0 || p.Line == line) && problemIs(p.Message, tt.scope, tt.code, tt.params) {
					return
				}
			}
			t.Errorf("no problem %s %v (scope %q) at line %d:\n%s", tt.code, tt.params, tt.scope, line, err)
		})
	}
}
