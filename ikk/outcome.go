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
	// DontKnow is missing for the method (a household with it is neither
	// passed nor failed), told apart because a cell the indicator needs
	// holds a don't-know answer rather than nothing. A unit counts it in
	// IndicatorResult.Missing and on its own; Household.Outcomes says
	// Missing, so that readers of the five outcomes of method section 1
	// see only those.
	DontKnow
	numOutcomes
)

var outcomeNames = [numOutcomes]string{"pass", "fail", "na", "missing", "invalid", "dont_know"}

func (o Outcome) String() string { return outcomeNames[o] }

// householdOutcomes copies a household's outcomes for Household.Outcomes:
// those of method section 1, a don't-know answer being missing.
func householdOutcomes(dst, src []Outcome) {
	for i, o := range src {
		if o == DontKnow {
			o = Missing
		}
		dst[i] = o
	}
}

type cellState uint8

const (
	stBlank cellState = iota
	stInvalid
	stOK
	// stDontKnow is a cell holding a don't-know answer: absent like a
	// blank, and no data issue.
	stDontKnow
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
		if err == nil && c.dontKnowCode(v.code) {
			return value{st: stDontKnow}, nil
		}
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
		if err == nil && c.dontKnowCode(n) {
			// Before the bounds: 98 children is no count but a code.
			return value{st: stDontKnow}, nil
		}
		v.n = float64(n)
	case ColSex:
		var s Sex
		s, err = ParseSex(raw)
		v.code = int(s)
	}
	// Don't-know answers are looked for only where the column's own
	// vocabulary fails: the loader keeps them apart from its answers, and
	// a valid cell pays nothing for them.
	if err != nil && c.dontKnow(raw) {
		return value{st: stDontKnow}, nil
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

// dontKnowCode reports whether code is one of the column's don't-know
// codes.
func (c *Column) dontKnowCode(code int) bool {
	for _, k := range c.DontKnow {
		if k == code {
			return true
		}
	}
	return false
}

// dontKnow reports whether a cell the column cannot read is one of the
// set's don't-know answers or, in a yes/no column, one of the column's
// don't-know codes ("8", "8. Tidak tahu").
func (c *Column) dontKnow(raw string) bool {
	if c.dontKnowWords.has(raw) {
		return true
	}
	if c.Type == ColYesNo && len(c.DontKnow) > 0 {
		if n, err := ParseCode(raw, nil); err == nil {
			return c.dontKnowCode(n)
		}
	}
	return false
}

// dontKnowWords are a set's don't-know answers, folded as answers are.
type dontKnowWords map[string]struct{}

func (w dontKnowWords) has(s string) bool {
	if len(w) == 0 {
		return false
	}
	var buf [64]byte
	if b, ok := foldASCII(buf[:0], s); ok {
		_, found := w[string(b)] // a look-up by string(b) does not allocate
		return found
	}
	_, found := w[normText(s)]
	return found
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
	// The slots of facts and of facts and answers as bits, when every
	// slot of the set is below 64 (compiled.masked).
	factBits, cellBits uint64
}

func compileIndicator(ind *Indicator, s *Set) compiledIndicator {
	ci := compiledIndicator{facts: ind.facts, answers: ind.answers, rule: compileRule(ind.Rule, s)}
	if ind.condition != nil {
		ci.cond = compileRule(ind.condition, s)
	}
	for _, f := range ind.facts {
		ci.factBits |= slotBit(f)
	}
	ci.cellBits = ci.factBits
	for _, a := range ind.answers {
		ci.cellBits |= slotBit(a)
	}
	return ci
}

// slotBit is slot's bit in a row's cellStates, 0 past the 64th slot.
func slotBit(slot int) uint64 {
	if slot >= 64 {
		return 0
	}
	return 1 << uint(slot)
}

// cellStates are a row's parsed cells by state, one bit per slot: an
// indicator's outcome is then decided from its bits in three tests, where
// looking at each of its cells cost a branch per cell.
type cellStates struct {
	invalid, absent, dontKnow uint64 // absent: blank or don't know
}

func (m *cellStates) set(slot int, st cellState) {
	bit := slotBit(slot)
	switch st {
	case stInvalid:
		m.invalid |= bit
	case stBlank:
		m.absent |= bit
	case stDontKnow:
		m.absent |= bit
		m.dontKnow |= bit
	}
}

// outcomeOf is outcome for a row of at most 64 slots, from its cellStates.
func (ci *compiledIndicator) outcomeOf(m *cellStates, v []value) Outcome {
	if ci.factBits&m.invalid != 0 {
		return Invalid
	}
	if ci.factBits&m.absent == 0 && ci.cond != nil && !ci.cond(v) {
		return NA
	}
	switch {
	case ci.cellBits&m.invalid != 0:
		return Invalid
	case ci.cellBits&m.dontKnow != 0:
		return DontKnow
	case ci.cellBits&m.absent != 0:
		return Missing
	}
	if ci.rule(v) {
		return Pass
	}
	return Fail
}

// outcome applies the precedence of method section 1 over the cells the
// indicator needs. A don't-know answer is absent like a blank cell; the
// outcome is DontKnow, not Missing, when one of the absent cells holds one.
func (ci *compiledIndicator) outcome(v []value) Outcome {
	absent, dontKnow := false, false
	for _, f := range ci.facts {
		switch v[f].st {
		case stInvalid:
			return Invalid
		case stBlank:
			absent = true
		case stDontKnow:
			absent, dontKnow = true, true
		}
	}
	if !absent && ci.cond != nil && !ci.cond(v) {
		return NA
	}
	for _, a := range ci.answers {
		switch v[a].st {
		case stInvalid:
			return Invalid
		case stBlank:
			absent = true
		case stDontKnow:
			absent, dontKnow = true, true
		}
	}
	switch {
	case dontKnow:
		return DontKnow
	case absent:
		return Missing
	}
	if ci.rule(v) {
		return Pass
	}
	return Fail
}
