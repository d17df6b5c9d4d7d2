package report

import (
	"context"
	"strings"
	"testing"

	"github.com/ikk-tools/ikk/ikk"
	"github.com/ikk-tools/ikk/internal/surveygen"
)

// TestIssueSayerSaysAsIssueText: the sayer's remembered texts are those
// IssueText writes, issue by issue, on a realistic survey's issues (invalid
// cells of every kind, duplicates, rows without a village), a hostile
// result's and the hand-worked one's, in both languages.
func TestIssueSayerSaysAsIssueText(t *testing.T) {
	path := generatedSurvey(t, surveygen.Config{Seed: 7, Households: 4000, Kecamatan: 2, Desa: 6, Realistic: true})
	res, err := ikk.Score(context.Background(), defaultSet(t), []string{path}, ikk.Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range []*ikk.Result{res, hostileResult(t), handWorked(t)} {
		for _, lang := range []string{"id", "en"} {
			say := newIssueSayer(lang)
			for i := range r.Issues.Len() {
				is := r.Issues.At(i)
				// Twice: once made, once remembered.
				for range 2 {
					if got, want := say.text(is), IssueText(lang, is); got != want {
						t.Fatalf("%s: issue %d (%s/%s): the sayer says %q, IssueText %q", lang, i, is.Code, is.Detail, got, want)
					}
				}
			}
		}
	}
	if n := newIssueSayerAfter(res); n == 0 || n >= res.Issues.Len()/10 {
		t.Errorf("the sayer kept %d texts for %d issues: the realistic survey's should mostly share theirs", n, res.Issues.Len())
	}
}

func newIssueSayerAfter(r *ikk.Result) int {
	say := newIssueSayer("id")
	for i := range r.Issues.Len() {
		say.text(r.Issues.At(i))
	}
	return len(say.said)
}

// TestIssueSayerFields: issues whose sentence names a field of their own
// are each said anew, and issues differing only in a parameter do not
// share a text.
func TestIssueSayerFields(t *testing.T) {
	say := newIssueSayer("en")
	field := ""
	for _, f := range issueFields {
		for d, free := range fieldFreeDetails() {
			if !free && field == "" && strings.Contains(catalog["msg."+d].EN, "{"+f+"}") {
				field = d
			}
		}
	}
	if field == "" {
		t.Fatal("no detail names an issue's field: the test needs one")
	}
	a := ikk.Issue{File: "a.csv", Row: 2, Column: "x", Field: "x", Cell: "A2", Value: "one", Code: ikk.IssueInvalidValue, Detail: field}
	b := a
	b.File, b.Row, b.Column, b.Field, b.Cell, b.Value = "b.csv", 3, "y", "y", "B3", "two"
	if say.text(a) == say.text(b) {
		t.Errorf("detail %s names an issue's field, yet two issues got one text: %q", field, say.text(a))
	}
	c := ikk.Issue{Code: ikk.IssueInvalidValue, Detail: "below_min", Params: []string{"accepted", ikk.AcceptedNumberRange, "min", "1", "max", "9"}}
	d := c
	d.Params = []string{"accepted", ikk.AcceptedNumberRange, "min", "2", "max", "9"}
	if !fieldFreeDetails()["below_min"] {
		t.Fatal("below_min names an issue's field: choose another detail for the test")
	}
	if say.text(c) == say.text(d) {
		t.Errorf("issues with other parameters got one text: %q", say.text(c))
	}
	// Parameters holding the bytes a key might join parts with.
	e := ikk.Issue{Code: "x", Detail: "below_min", Params: []string{"accepted", ikk.AcceptedNumberRange, "min", "1\x00max\x002", "max", "9"}}
	f := ikk.Issue{Code: "x", Detail: "below_min", Params: []string{"accepted", ikk.AcceptedNumberRange, "min", "1", "max\x002\x00max", "9"}}
	say.text(e)
	if got, want := say.text(f), IssueText("en", f); got != want {
		t.Errorf("issues whose parameters join alike got one text: %q, want %q", got, want)
	}
}
