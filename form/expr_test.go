package form

import (
	"strings"
	"testing"
)

// TestRelevant: the relevance of a question is its indicators' conditions
// in XPath, joined with or; a range leaves out the don't-know codes it
// would admit; codes of a coded select are compared as its choice values,
// of a free code as numbers.
func TestRelevant(t *testing.T) {
	f := Build(oddSet(t), Options{Lang: "id"})
	ref := func(name string) string { return "${" + name + "}" }
	tests := []struct{ name, want string }{
		{"a", ""}, // I3 reads a and always applies
		{"b", "(${status} = '2' and ${anak} >= 1 and ${anak} != 98) or ${golongan} = 2"},
		{"ya_tidak", "${n} div ${m} >= 2"},
		{"status", ""},
		{"sisa", ""},
	}
	for _, tt := range tests {
		if got := f.Relevant(q0(f, tt.name), ref); got != tt.want {
			t.Errorf("%s: relevant %q, want %q", tt.name, got, tt.want)
		}
	}
	cond := f.condition("ever_married_or_child", ref, nil)
	if want := "(${status} = '2' or ${status} = '3' or ${status} = '4') or (${anak} >= 1 and ${anak} <= 3)"; cond != want {
		t.Errorf("ever_married_or_child: %q, want %q", cond, want)
	}
}

// TestOddNames: the form's own names give way to the set's: a group
// beside a column "identitas", a yes/no list beside a code list
// "ya_tidak"; an unread column still has its question, in a last group.
func TestOddNames(t *testing.T) {
	f := Build(oddSet(t), Options{Lang: "en"})
	var groups []string
	for _, g := range f.Groups {
		groups = append(groups, g.Name)
	}
	if want := "identitas_grup keluarga dimensi_d1 dimensi_d2 lainnya"; strings.Join(groups, " ") != want {
		t.Errorf("groups %q, want %q", strings.Join(groups, " "), want)
	}
	if l := q0(f, "a").List; l.Name == "ya_tidak" || l.Choices[0].Value != ValueYes {
		t.Errorf("yes/no list %s %+v", l.Name, l.Choices)
	}
	if l := q0(f, "ya_tidak").List; l.Name != "ya_tidak" || l.Choices[1].Entry != "2 - Dua" {
		t.Errorf("code list %s %+v", l.Name, l.Choices)
	}
	if q := q0(f, "golongan"); q.Kind != KindInteger || q.List != nil {
		t.Errorf("golongan: kind %v", q.Kind)
	}
	if q := q0(f, "anak"); q.Hint.EN != "Enter 98 for don't know." || q.Constraint() != ". >= 0 and . <= 20" {
		t.Errorf("anak: hint %q, constraint %q", q.Hint.EN, q.Constraint())
	}
}
