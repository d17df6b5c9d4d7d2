package report

import (
	"strconv"
	"strings"

	"github.com/ikk-tools/ikk/ikk"
)

// RuleText describes a rule for people, in lang: columns by their names,
// codes and thresholds as numbers, a named condition by its name.
func RuleText(lang string, set *ikk.Set, r *ikk.Rule) string {
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
		return joinText(lang, set, r)
	case ikk.RuleCondition:
		return r.Condition
	}
	return "?"
}

// joinText writes the parts of an all or any rule with "and" or "or",
// bracketing a part that joins the other way.
func joinText(lang string, set *ikk.Set, r *ikk.Rule) string {
	sep := " " + Say(lang, "rule.and") + " "
	if r.Kind == ikk.RuleAny {
		sep = " " + Say(lang, "rule.or") + " "
	}
	parts := make([]string, len(r.Children))
	for i, c := range r.Children {
		parts[i] = RuleText(lang, set, c)
		if (c.Kind == ikk.RuleAll || c.Kind == ikk.RuleAny) && c.Kind != r.Kind {
			parts[i] = "(" + parts[i] + ")"
		}
	}
	return strings.Join(parts, sep)
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
