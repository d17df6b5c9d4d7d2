package ikk

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
)

// RuleKind names the forms of the rule language of an indicator file.
type RuleKind string

const (
	RuleYes       RuleKind = "yes"       // {yes: COL}: COL is yes
	RuleNo        RuleKind = "no"        // {no: COL}: COL is no (reverse-coded question)
	RuleIn        RuleKind = "in"        // {column: COL, in: [codes]}
	RuleRange     RuleKind = "range"     // {column: COL, min: X, max: X}
	RuleRatio     RuleKind = "ratio"     // {ratio: [A, B], min: X, max: X}: A / B within bounds
	RuleAll       RuleKind = "all"       // {all: [rules]}
	RuleAny       RuleKind = "any"       // {any: [rules]}
	RuleCondition RuleKind = "condition" // {condition: NAME}: a named condition
)

// Rule is a node of a rule or condition. Bounds are a literal number or the
// name of a parameter, resolved when a scorer is built so that --param works.
type Rule struct {
	Kind      RuleKind
	Column    string  // yes, no, in, range
	Codes     []int   // in
	Num, Den  string  // ratio
	Min, Max  *Bound  // range, ratio
	Children  []*Rule // all, any
	Condition string  // condition
	Line      int     // where it stands in the indicator file
}

// Bound is a threshold: a literal or a parameter.
type Bound struct {
	Value float64
	Param string
}

// Columns appends, once each, the columns the rule reads, following named
// conditions through conds.
func (r *Rule) Columns(conds map[string]*Rule, into []string) []string {
	add := func(c string) {
		for _, x := range into {
			if x == c {
				return
			}
		}
		into = append(into, c)
	}
	switch r.Kind {
	case RuleYes, RuleNo, RuleIn, RuleRange:
		add(r.Column)
	case RuleRatio:
		add(r.Num)
		add(r.Den)
	case RuleAll, RuleAny:
		for _, c := range r.Children {
			into = c.Columns(conds, into)
		}
	case RuleCondition:
		if c := conds[r.Condition]; c != nil {
			into = c.Columns(conds, into)
		}
	}
	return into
}

// CodeRanges writes codes 1,2,3,4,6 as "1-4, 6": the same in every
// language, so that a problem's parameter and a rule's description share it.
func CodeRanges(codes []int) string {
	c := append([]int(nil), codes...)
	sort.Ints(c)
	var parts []string
	for i := 0; i < len(c); {
		j := i
		for j+1 < len(c) && c[j+1] == c[j]+1 {
			j++
		}
		switch {
		case j == i:
			parts = append(parts, strconv.Itoa(c[i]))
		case j == i+1:
			parts = append(parts, strconv.Itoa(c[i]), strconv.Itoa(c[j]))
		default:
			parts = append(parts, fmt.Sprintf("%d-%d", c[i], c[j]))
		}
		i = j + 1
	}
	return strings.Join(parts, ", ")
}
