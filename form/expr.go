package form

import (
	"strconv"
	"strings"

	"github.com/ikk-tools/ikk/ikk"
	"github.com/ikk-tools/ikk/report"
)

// The expressions of the ODK forms are XPath 1.0, as the ODK XForms
// specification defines them; ref writes a reference to a question: ${name}
// in an XLSForm, the node's absolute path in an XForm.

// Relevant is the expression under which q is asked, "" when always: one of
// the conditions of the indicators reading it holds. A condition whose
// facts are not known (blank, or a don't-know code) does not hold, since
// ikk cannot assess the indicator then and the answer would not count.
func (f *Form) Relevant(q *Question, ref func(string) string) string {
	var parts []string
	for _, name := range q.Applies {
		parts = append(parts, f.condition(name, ref, nil))
	}
	return joinExpr(parts, "or")
}

// joinExpr joins expressions with and or or, bracketing a part that joins
// its own parts with an operator of the other kind, and, for the reader,
// each part of an or that joins its own.
func joinExpr(parts []string, op string) string {
	if len(parts) == 1 {
		return parts[0]
	}
	other := "and"
	if op == "and" {
		other = "or"
	}
	out := make([]string, len(parts))
	for i, p := range parts {
		out[i] = p
		if topLevel(p, other) || op == "or" && topLevel(p, op) {
			out[i] = "(" + p + ")"
		}
	}
	return strings.Join(out, " "+op+" ")
}

// topLevel reports whether s joins parts with op outside any brackets and
// quotes.
func topLevel(s, op string) bool {
	depth, quote := 0, byte(0)
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '\'' || c == '"':
			quote = c
		case c == '(' || c == '[':
			depth++
		case c == ')' || c == ']':
			depth--
		case depth == 0 && strings.HasPrefix(s[i:], " "+op+" "):
			return true
		}
	}
	return false
}

// condition writes a named condition; one that names itself again is
// written false, as ikk's loader refuses such a set anyway.
func (f *Form) condition(name string, ref func(string) string, seen []string) string {
	r := f.Set.Conditions[name]
	if r == nil || contains(seen, name) {
		return "false()"
	}
	return f.expr(r, ref, append(seen, name))
}

func (f *Form) expr(r *ikk.Rule, ref func(string) string, seen []string) string {
	switch r.Kind {
	case ikk.RuleYes:
		return ref(r.Column) + " = '" + ValueYes + "'"
	case ikk.RuleNo:
		return ref(r.Column) + " = '" + ValueNo + "'"
	case ikk.RuleIn:
		return f.in(r, ref)
	case ikk.RuleRange:
		c := f.Set.Column(r.Column)
		lo, hi := f.bound(r.Min), f.bound(r.Max)
		parts := bounds(ref(r.Column), lo, hi)
		// A don't-know code is no count: 98 children is "don't know".
		for _, dk := range c.DontKnow {
			if within(float64(dk), lo, hi) {
				parts = append(parts, ref(r.Column)+" != "+strconv.Itoa(dk))
			}
		}
		return strings.Join(parts, " and ")
	case ikk.RuleRatio:
		return strings.Join(bounds(ref(r.Num)+" div "+ref(r.Den), f.bound(r.Min), f.bound(r.Max)), " and ")
	case ikk.RuleAll, ikk.RuleAny:
		op := "and"
		if r.Kind == ikk.RuleAny {
			op = "or"
		}
		parts := make([]string, len(r.Children))
		for i, c := range r.Children {
			parts[i] = f.expr(c, ref, seen)
		}
		return joinExpr(parts, op)
	case ikk.RuleCondition:
		return f.condition(r.Condition, ref, seen)
	}
	return "false()"
}

// in compares a code with the codes listed: as the choice values of a
// select, as numbers otherwise.
func (f *Form) in(r *ikk.Rule, ref func(string) string) string {
	c := f.Set.Column(r.Column)
	var parts []string
	for _, code := range r.Codes {
		v := strconv.Itoa(code)
		switch {
		case c.Type == ikk.ColSex && code == int(ikk.SexMale):
			v = "'L'"
		case c.Type == ikk.ColSex && code == int(ikk.SexFemale):
			v = "'P'"
		case c.Type == ikk.ColCode && len(c.Codes) > 0:
			v = "'" + v + "'"
		}
		parts = append(parts, ref(r.Column)+" = "+v)
	}
	return strings.Join(parts, " or ")
}

// bound is a threshold's value, a parameter's as the set gives it; nil
// when absent.
func (f *Form) bound(b *ikk.Bound) *float64 {
	if b == nil {
		return nil
	}
	v := b.Value
	if b.Param != "" {
		v, _ = f.Set.Parameter(b.Param)
	}
	return &v
}

func bounds(left string, lo, hi *float64) []string {
	var parts []string
	if lo != nil {
		parts = append(parts, left+" >= "+number(*lo))
	}
	if hi != nil {
		parts = append(parts, left+" <= "+number(*hi))
	}
	return parts
}

func within(x float64, lo, hi *float64) bool {
	return (lo == nil || x >= *lo) && (hi == nil || x <= *hi)
}

// number writes a number as XPath reads it: a dot, every digit.
func number(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }

// Patterns of the typed identifiers, as ikk reads them: a village code
// dotted or as ten digits, a family card number of sixteen digits.
const (
	villageCodePattern = `^([0-9]{2}\.[0-9]{2}\.[0-9]{2}\.[0-9]{4}|[0-9]{10})$`
	kkPattern          = `^[0-9]{16}$`
)

// Constraint is the expression a typed answer must meet ("." is the
// answer), "" when none; Message says it to the user.
func (q *Question) Constraint() string {
	switch q.Kind {
	case KindInteger:
		return strings.Join(bounds(".", q.Min, q.Max), " and ")
	case KindDecimal:
		// At most two decimals: an export writes 36.125 with a point,
		// which ikk, like an Indonesian reader, takes for 36125.
		return strings.Join(append(bounds(".", q.Min, q.Max), "round(., 2) = ."), " and ")
	case KindVillageCode:
		return "regex(., '" + villageCodePattern + "')"
	case KindKKNumber:
		return "regex(., '" + kkPattern + "')"
	}
	return ""
}

// ConstraintMessage says what Constraint asks for, in both languages.
func (q *Question) ConstraintMessage() Words {
	say := func(lang string) string {
		kind := "number"
		if q.Kind == KindInteger {
			kind = "whole"
		}
		switch {
		case q.Kind == KindVillageCode:
			return report.Say(lang, "form.constraint_village_code")
		case q.Kind == KindKKNumber:
			return report.Say(lang, "form.constraint_kk")
		case q.Kind == KindDecimal:
			return numberMessage(lang, q, kind) + " " + report.Say(lang, "form.constraint_decimals")
		}
		return numberMessage(lang, q, kind)
	}
	if q.Constraint() == "" {
		return Words{}
	}
	return Words{ID: say("id"), EN: say("en")}
}

// numberMessage says the bounds of a number question.
func numberMessage(lang string, q *Question, kind string) string {
	num := func(v float64) string { return report.NumTrim(v, lang) }
	switch {
	case q.Min != nil && q.Max != nil:
		return report.Say(lang, "form.constraint_"+kind+"_range", "min", num(*q.Min), "max", num(*q.Max))
	case q.Min != nil:
		return report.Say(lang, "form.constraint_"+kind+"_min", "min", num(*q.Min))
	case q.Max != nil:
		return report.Say(lang, "form.constraint_"+kind+"_max", "max", num(*q.Max))
	}
	return report.Say(lang, "form.constraint_"+kind)
}
