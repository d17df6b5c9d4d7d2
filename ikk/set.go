package ikk

import (
	"fmt"
	"math"
	"sort"
	"strings"
)

// Set is a validated indicator set: what to read from a survey, how to turn
// each household's answers into outcomes, and how to aggregate them.
type Set struct {
	ID, Name, Version, Description string
	Target                         float64
	MinAnsweredShare               float64
	Categories                     []Category // ascending by Min
	Parameters                     []Parameter
	Dimensions                     []Dimension
	Functions                      []Tag // family functions (PP 87/2014)
	Lenses                         []Tag // gender, child_rights
	Sectors                        []Tag
	Columns                        []*Column
	// DontKnow are the answers that say "don't know" in any column, as
	// the indicator file writes them (dont_know); a cell holding one
	// counts as missing, not invalid, and as a don't-know answer.
	DontKnow   []string
	Conditions map[string]*Rule
	Indicators []*Indicator

	// SHA256 of the YAML bytes the set was loaded from, hex.
	SHA256 string
	// Source names where the set came from (a file path or "builtin:ikk").
	Source string

	columnByName map[string]*Column
}

// Category is one band of the index: values v with round2(v) >= Min belong to
// the category with the largest such Min.
type Category struct {
	ID    int
	Label string
	// Short names the category where a column is narrow (a decree's
	// table), beside its number and with the full label in a legend; it is
	// the label when the set declares none.
	Short string
	Min   float64
}

// Parameter is a named number a rule can use (a poverty line, a floor area).
type Parameter struct {
	Name, Label, Source string
	Value               float64
	// Min and Max, when set, bound the values the parameter may take: a
	// poverty line is never negative.
	Min, Max *float64
}

// check says whether v is a value the parameter may take.
func (p Parameter) check(v float64) error {
	switch {
	case math.IsNaN(v) || math.IsInf(v, 0):
		return say(MsgParamNotFinite, "name", p.Name, "value", fmt.Sprint(v))
	case p.Min != nil && v < *p.Min:
		return say(MsgParamBelowMin, "name", p.Name, "value", fmtNum(v), "min", fmtNum(*p.Min))
	case p.Max != nil && v > *p.Max:
		return say(MsgParamAboveMax, "name", p.Name, "value", fmtNum(v), "max", fmtNum(*p.Max))
	}
	return nil
}

// Dimension groups indicators; its index is their weighted mean.
type Dimension struct {
	ID, Label string
	Weight    float64
}

// Tag is a key with a label: a family function, a lens or a sector. A
// sector's label is the office's formal name and Short its short name
// (empty when the set declares none).
type Tag struct{ Key, Label, Short string }

// ColumnType says how a survey cell is read.
type ColumnType string

const (
	ColYesNo       ColumnType = "yesno"
	ColCode        ColumnType = "code"
	ColNumber      ColumnType = "number"
	ColCount       ColumnType = "count"
	ColSex         ColumnType = "sex"
	ColText        ColumnType = "text"
	ColVillageCode ColumnType = "village_code"
	ColKKNumber    ColumnType = "kk_number"
)

var columnTypes = []ColumnType{ColYesNo, ColCode, ColNumber, ColCount, ColSex, ColText, ColVillageCode, ColKKNumber}

// Column is a survey column the set reads.
type Column struct {
	Name    string
	Type    ColumnType
	Label   string
	Aliases []string
	Codes   map[int]string // for code columns; empty means any integer code
	Min     *float64       // for number and count columns
	Max     *float64
	// Unit is what a number column measures (indicator file: unit), and
	// so which spellings beyond digits its cells may take.
	Unit NumberUnit
	// DontKnow are the codes that say "don't know" in a code, count or
	// yes/no column (98 in jml_anak is no number of children).
	DontKnow []int

	slot      int            // index into a row's parsed values
	codeLabel map[string]int // folded label -> code
	accepted  []string       // acceptedParams, built once when the set is loaded
	// dontKnowWords are the set's don't-know answers, shared by its
	// valued columns.
	dontKnowWords dontKnowWords
}

// valued reports whether cells of the column are parsed into values that
// rules and conditions can use.
func (c *Column) valued() bool {
	switch c.Type {
	case ColText, ColVillageCode, ColKKNumber:
		return false
	}
	return true
}

// identifies says the column names the family or its village (codes,
// names, the KK number) rather than holding an answer an indicator reads.
func (c *Column) identifies() bool { return !c.valued() }

// acceptedParams names what the column accepts, as the parameters of an
// invalid value: "accepted" is a kind of vocabulary (Accepted*), with the
// column's codes ("1 Islam, 2 Kristen"), min and max where it has them. The
// slice is built once per column and shared by its issues.
func (c *Column) acceptedParams() []string {
	if c.accepted != nil {
		return c.accepted
	}
	return c.buildAccepted()
}

func (c *Column) buildAccepted() []string {
	switch c.Type {
	case ColYesNo:
		return []string{"accepted", AcceptedYesNo, "yes", acceptedYes, "no", acceptedNo}
	case ColCode:
		if len(c.Codes) == 0 {
			return []string{"accepted", AcceptedAnyCode}
		}
		var parts []string
		for _, k := range sortedCodes(c.Codes) {
			parts = append(parts, fmt.Sprintf("%d %s", k, c.Codes[k]))
		}
		return []string{"accepted", AcceptedCodes, "codes", strings.Join(parts, ", ")}
	case ColNumber, ColCount:
		kind := AcceptedNumber
		var forms []string // the spellings of a unit, after the bounds
		switch {
		case c.Type == ColCount:
			kind = AcceptedCount
		case c.Unit == UnitRupiah:
			kind, forms = AcceptedAmount, []string{"forms", formsRupiah}
		case c.Unit == UnitArea:
			kind, forms = AcceptedArea, []string{"forms", formsArea}
		}
		var p []string
		switch {
		case c.Min != nil && c.Max != nil:
			p = []string{"accepted", kind + "_range", "min", fmtNum(*c.Min), "max", fmtNum(*c.Max)}
		case c.Min != nil:
			p = []string{"accepted", kind + "_min", "min", fmtNum(*c.Min)}
		case c.Max != nil:
			p = []string{"accepted", kind + "_max", "max", fmtNum(*c.Max)}
		default:
			p = []string{"accepted", kind}
		}
		return append(p, forms...)
	case ColSex:
		return []string{"accepted", AcceptedSex}
	case ColVillageCode:
		return []string{"accepted", AcceptedVillageCode}
	}
	return []string{"accepted", AcceptedText}
}

func sortedCodes(m map[int]string) []int {
	keys := make([]int, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Ints(keys)
	return keys
}

// Indicator is one of the set's binary household indicators.
type Indicator struct {
	ID, Dimension, Label, Question string
	Rule                           *Rule
	Applies                        string // condition name; "" or "all" always applies
	Weight                         float64
	Functions, Lenses, Sectors     []string
	Status, SourceNote             string // provenance

	dim       int   // index into Set.Dimensions
	condition *Rule // nil when it always applies
	facts     []int // column slots the condition reads
	answers   []int // column slots the rule reads (facts excluded)
}

// Column returns the column declared under name, or nil.
func (s *Set) Column(name string) *Column { return s.columnByName[name] }

// Parameter returns the value of a parameter and whether it exists.
func (s *Set) Parameter(name string) (float64, bool) {
	for _, p := range s.Parameters {
		if p.Name == name {
			return p.Value, true
		}
	}
	return 0, false
}

// Category returns the category of v, decided on Round2(v), or nil when v
// lies below every cut-off.
func (s *Set) Category(v float64) *Category {
	var best *Category
	for i := range s.Categories {
		m := s.Categories[i].Min
		// Rounding to two decimals moves a value by at most 0.005: only
		// near a cut-off does the rounded value need computing, once per
		// household otherwise.
		if v >= m+0.01 || (v > m-0.01 && Round2(v) >= m) {
			best = &s.Categories[i]
		}
	}
	return best
}

// LensKeys returns the keys of every lens sub-index: the family functions
// first, then the other lenses, in the set's order.
func (s *Set) LensKeys() []string {
	var keys []string
	for _, t := range s.Functions {
		keys = append(keys, t.Key)
	}
	for _, t := range s.Lenses {
		keys = append(keys, t.Key)
	}
	return keys
}

// TagLabel returns the label of a function, lens or sector key.
func (s *Set) TagLabel(key string) string {
	for _, list := range [][]Tag{s.Functions, s.Lenses, s.Sectors} {
		for _, t := range list {
			if t.Key == key {
				return t.Label
			}
		}
	}
	return key
}

// WithParameter returns a copy of the set with one parameter changed.
func (s *Set) WithParameter(name string, value float64) (*Set, error) {
	for i, p := range s.Parameters {
		if p.Name == name {
			if err := p.check(value); err != nil {
				return nil, err
			}
			c := *s
			c.Parameters = append([]Parameter(nil), s.Parameters...)
			c.Parameters[i].Value = value
			return &c, nil
		}
	}
	var names []string
	for _, p := range s.Parameters {
		names = append(names, p.Name)
	}
	return nil, say(MsgUnknownParam, "name", name, "set", s.ID, "names", strings.Join(names, ", "))
}

func fmtNum(f float64) string {
	return strings.TrimSuffix(strings.TrimRight(fmt.Sprintf("%.6f", f), "0"), ".")
}
