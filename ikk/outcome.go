package ikk

import (
	"math"
)

// Outcome of one indicator for one household (method section 1).
type Outcome uint8

const (
	Pass Outcome = iota
	Fail
	NA
	Missing
	Invalid
	numOutcomes
)

var outcomeNames = [numOutcomes]string{"pass", "fail", "na", "missing", "invalid"}

func (o Outcome) String() string { return outcomeNames[o] }

type cellState uint8

const (
	stBlank cellState = iota
	stInvalid
	stOK
)

// value is a parsed cell: the state, and the reading that its column's type
// gives (b for yes/no, n for numbers and counts, code for codes and sex).
type value struct {
	st   cellState
	b    bool
	n    float64
	code int
}

// parse reads a cell of the column. A blank cell is stBlank; an error says
// why the value is outside the column's vocabulary.
func (c *Column) parse(cell Cell) (value, error) {
	if cell.Kind == KindFormula {
		return value{st: stInvalid}, errFormulaNoValue
	}
	raw := cell.Value
	if isBlank(raw) {
		return value{st: stBlank}, nil
	}
	var v value
	var err error
	switch c.Type {
	case ColYesNo:
		v.b, err = ParseYesNo(raw)
	case ColCode:
		v.code, err = ParseCode(raw, c.codeLabel)
		if err == nil && len(c.Codes) > 0 {
			if _, ok := c.Codes[v.code]; !ok {
				err = say(MsgNotCodeOf)
			}
		}
	case ColNumber:
		v.n, err = parseNumber(raw, cell.Kind, c.Unit)
	case ColCount:
		var n int
		n, err = ParseCount(raw, cell.Kind)
		v.n = float64(n)
	case ColSex:
		var s Sex
		s, err = ParseSex(raw)
		v.code = int(s)
	}
	if err == nil && (c.Type == ColNumber || c.Type == ColCount) {
		if c.Min != nil && v.n < *c.Min {
			err = say(MsgBelowMin)
		} else if c.Max != nil && v.n > *c.Max {
			err = say(MsgAboveMax)
		}
	}
	if err != nil {
		// The parameters are the column's, the same for every cell: the
		// issue carries them without a copy.
		return value{st: stInvalid}, &Message{Code: asMessage(err).Code, Params: c.acceptedParams()}
	}
	v.st = stOK
	return v, nil
}

// errFormulaNoValue is parse's error for a formula saved without its
// result; scoring reports it under its own issue code, since the fix is not
// in the cell but in how the file was saved.
var errFormulaNoValue = say(MsgFormulaNoValue)

func isBlank(s string) bool {
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case ' ', '\t', '\r', '\n':
		default:
			return false
		}
	}
	return true
}

// evalFn decides a rule on cells that are all present and valid.
type evalFn func(v []value) bool

// compileRule turns a rule into a function, resolving parameters now so that
// a --param override reaches every rule.
func compileRule(r *Rule, s *Set) evalFn {
	bound := func(b *Bound) float64 {
		if b == nil {
			return math.NaN()
		}
		if b.Param != "" {
			v, _ := s.Parameter(b.Param)
			return v
		}
		return b.Value
	}
	within := func(x, lo, hi float64) bool {
		return (math.IsNaN(lo) || x >= lo) && (math.IsNaN(hi) || x <= hi)
	}
	switch r.Kind {
	case RuleYes:
		slot := s.columnByName[r.Column].slot
		return func(v []value) bool { return v[slot].b }
	case RuleNo:
		slot := s.columnByName[r.Column].slot
		return func(v []value) bool { return !v[slot].b }
	case RuleIn:
		slot := s.columnByName[r.Column].slot
		codes := append([]int(nil), r.Codes...)
		return func(v []value) bool {
			for _, c := range codes {
				if v[slot].code == c {
					return true
				}
			}
			return false
		}
	case RuleRange:
		slot := s.columnByName[r.Column].slot
		lo, hi := bound(r.Min), bound(r.Max)
		return func(v []value) bool { return within(v[slot].n, lo, hi) }
	case RuleRatio:
		num, den := s.columnByName[r.Num].slot, s.columnByName[r.Den].slot
		lo, hi := bound(r.Min), bound(r.Max)
		return func(v []value) bool { return within(v[num].n/v[den].n, lo, hi) }
	case RuleAll, RuleAny:
		kids := make([]evalFn, len(r.Children))
		for i, c := range r.Children {
			kids[i] = compileRule(c, s)
		}
		want := r.Kind == RuleAny
		return func(v []value) bool {
			for _, k := range kids {
				if k(v) == want {
					return want
				}
			}
			return !want
		}
	case RuleCondition:
		return compileRule(s.Conditions[r.Condition], s)
	}
	panic("ikk: rule kind not compiled: " + string(r.Kind))
}

// compiledIndicator holds what scoring one indicator needs, resolved.
type compiledIndicator struct {
	facts, answers []int
	cond, rule     evalFn
}

func compileIndicator(ind *Indicator, s *Set) compiledIndicator {
	ci := compiledIndicator{facts: ind.facts, answers: ind.answers, rule: compileRule(ind.Rule, s)}
	if ind.condition != nil {
		ci.cond = compileRule(ind.condition, s)
	}
	return ci
}

// outcome applies the precedence of method section 1 over the cells the
// indicator needs.
func (ci *compiledIndicator) outcome(v []value) Outcome {
	factsPresent := true
	for _, f := range ci.facts {
		switch v[f].st {
		case stInvalid:
			return Invalid
		case stBlank:
			factsPresent = false
		}
	}
	if factsPresent && ci.cond != nil && !ci.cond(v) {
		return NA
	}
	for _, a := range ci.answers {
		if v[a].st == stInvalid {
			return Invalid
		}
	}
	if !factsPresent {
		return Missing
	}
	for _, a := range ci.answers {
		if v[a].st == stBlank {
			return Missing
		}
	}
	if ci.rule(v) {
		return Pass
	}
	return Fail
}
