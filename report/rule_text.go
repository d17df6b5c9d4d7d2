package report

import (
	"slices"
	"strconv"
	"strings"

	"github.com/ikk-tools/ikk/ikk"
)

// RuleText describes a rule for people, in lang: columns by their names,
// codes and thresholds as numbers, and a named condition by what it means,
// so that a reader need not look the condition up.
func RuleText(lang string, set *ikk.Set, r *ikk.Rule) string {
	return ruleText(lang, set, r, nil)
}

// AppliesText says which families an indicator is assessed for: all of
// them, or those meeting its condition, in words.
func AppliesText(lang string, set *ikk.Set, ind *ikk.Indicator) string {
	if ind.Applies == "" || ind.Applies == "all" {
		return Say(lang, "rule.all")
	}
	return conditionText(lang, set, ind.Applies, nil)
}

// ruleText describes r; seen holds the conditions being described, so that
// a condition that named itself would be written by name, not forever.
func ruleText(lang string, set *ikk.Set, r *ikk.Rule, seen []string) string {
	switch r.Kind {
	case ikk.RuleYes:
		return r.Column + " = " + Say(lang, "rule.yes")
	case ikk.RuleNo:
		return r.Column + " = " + Say(lang, "rule.no")
	case ikk.RuleIn:
		return r.Column + " ∈ {" + ikk.CodeRanges(r.Codes) + "}"
	case ikk.RuleRange:
		return boundText(lang, set, r.Column, r.Min, r.Max)
	case ikk.RuleRatio:
		return boundText(lang, set, r.Num+" / "+r.Den, r.Min, r.Max)
	case ikk.RuleAll, ikk.RuleAny:
		return joinText(lang, set, r, seen)
	case ikk.RuleCondition:
		return conditionText(lang, set, r.Condition, seen)
	}
	return "?"
}

// conditionText describes a named condition by its rule; an unknown one
// (or one already being described) by its name.
func conditionText(lang string, set *ikk.Set, name string, seen []string) string {
	c := set.Conditions[name]
	if c == nil || slices.Contains(seen, name) {
		return name
	}
	return ruleText(lang, set, c, append(seen, name))
}

// joinText writes the parts of an all or any rule with "and" or "or",
// bracketing a part that joins the other way.
func joinText(lang string, set *ikk.Set, r *ikk.Rule, seen []string) string {
	sep := " " + Say(lang, "rule.and") + " "
	if r.Kind == ikk.RuleAny {
		sep = " " + Say(lang, "rule.or") + " "
	}
	parts := make([]string, len(r.Children))
	for i, c := range r.Children {
		parts[i] = ruleText(lang, set, c, seen)
		if k := joinKind(set, c, seen); (k == ikk.RuleAll || k == ikk.RuleAny) && k != r.Kind {
			parts[i] = "(" + parts[i] + ")"
		}
	}
	return strings.Join(parts, sep)
}

// joinKind is the kind a rule is written as: a named condition is written
// as its own rule.
func joinKind(set *ikk.Set, r *ikk.Rule, seen []string) ikk.RuleKind {
	for r.Kind == ikk.RuleCondition {
		c := set.Conditions[r.Condition]
		if c == nil || slices.Contains(seen, r.Condition) {
			return r.Kind
		}
		seen = append(seen, r.Condition)
		r = c
	}
	return r.Kind
}

// boundText writes the bounds of a range or a ratio, each threshold exactly
// (a poverty line is not rounded), a parameter with its value.
func boundText(lang string, set *ikk.Set, left string, lo, hi *ikk.Bound) string {
	var parts []string
	if lo != nil {
		parts = append(parts, left+" ≥ "+boundValue(lang, set, lo))
	}
	if hi != nil {
		parts = append(parts, left+" ≤ "+boundValue(lang, set, hi))
	}
	return strings.Join(parts, " "+Say(lang, "rule.and")+" ")
}

func boundValue(lang string, set *ikk.Set, b *ikk.Bound) string {
	if b.Param == "" {
		return numExact(b.Value, lang)
	}
	v, _ := set.Parameter(b.Param)
	return b.Param + " (" + numExact(v, lang) + ")"
}

// numExact writes every digit of v with the separators of lang.
func numExact(v float64, lang string) string {
	return localize(strconv.FormatFloat(v, 'f', -1, 64), lang)
}
