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
	// ShortName names the index where reports show it ("IKK",
	// "iBangga"): short_name in the file, DefaultShortName when it
	// declares none.
	ShortName string
	// Aggregation says how a unit's dimension indices are built from its
	// households (method sections 4 and 12).
	Aggregation      Aggregation
	Target           float64
	MinAnsweredShare float64
	Categories       []Category // ascending by Min
	Parameters       []Parameter
	Dimensions       []Dimension
	Functions        []Tag // family functions (PP 87/2014)
	Lenses           []Tag // gender, child_rights
	Sectors          []Tag
	Columns          []*Column
	// DontKnow are the answers that say "don't know" in any column, as
	// the indicator file writes them (dont_know); a cell holding one
	// counts as missing, not invalid, and as a don't-know answer.
	DontKnow   []string
	Conditions map[string]*Rule
	Indicators []*Indicator
	// Weightings are the alternative dimension weights the set declares
	// (weightings in the file), under which a ranking is checked: how
	// much a desa lokus owes to the choice of weights. Empty when the set
	// declares none.
	Weightings []Weighting

	// SHA256 of the YAML bytes the set was loaded from, hex.
	SHA256 string
	// Source names where the set came from (a file path or "builtin:ikk").
	Source string

	columnByName map[string]*Column
}

// DefaultShortName is the index a set names when it declares no short_name:
// ikk's own, so that indicator files written before sets named their index
// read as they always did.
const DefaultShortName = "IKK"

// Aggregation is how a set builds a unit's dimension indices.
type Aggregation string

const (
	// AggregateIndicators is indicator first (IKK): a dimension index is
	// the weighted mean of the unit's indicator achievements.
	AggregateIndicators Aggregation = "indicator"
	// AggregateFamilies is family first (iBangga): a dimension index is
	// the mean, over the unit's families, of each family's weighted share
	// of the dimension's criteria it meets.
	AggregateFamilies Aggregation = "family"
)

// Aggregations are the aggregations a set may declare, the default first.
var Aggregations = []Aggregation{AggregateIndicators, AggregateFamilies}

// Category is one band of the index: values v whose round2(v) reaches Min
// (>= Min, or > Min when Open) belong to the last category they reach.
type Category struct {
	ID    int
	Label string
	// Short names the category where a column is narrow (a decree's
	// table), beside its number and with the full label in a legend; it is
	// the label when the set declares none.
	Short string
	Min   float64
	// Open says that Min itself belongs to the category below (above: in
	// the file): iBangga's 70 is berkembang, tangguh starts above it.
	Open bool
}

// admits reports whether v, rounded to two decimals, reaches the
// category's lower bound. Rounding moves a value by at most 0.005: only
// near a bound does the rounded value need computing.
func (c *Category) admits(v float64) bool {
	m := c.Min
	switch {
	case v >= m+0.01:
		return true
	case v <= m-0.01:
		return false
	case c.Open:
		return Round2(v) > m
	}
	return Round2(v) >= m
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

// Weighting is a set of dimension weights other than the set's own, under
// which the index of a unit can be recomputed from its dimension indices:
// an official weighting not yet confirmed, or equal weights where the set
// weighs its dimensions unequally.
type Weighting struct {
	Key, Label string
	// Weights are per Set.Dimensions, each 0 or more (0 leaves a dimension
	// out of the mean), not all 0.
	Weights []float64
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
	// Item is the questionnaire item the indicator is read from, as the
	// set names it ("PK21 Blok III P.01"); "" when it names none.
	Item string

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
		if s.Categories[i].admits(v) {
			best = &s.Categories[i]
		}
	}
	return best
}

// IndexWith is the index of dimension values (method section 4) under
// other weights, one per dimension; nil weights are the set's own. It is
// nil when any dimension is undefined, with the dimensions that are, or
// when the weights of the dimensions sum to 0.
func (s *Set) IndexWith(dims []*float64, weights []float64) (*float64, []string) {
	vals := make([]float64, len(s.Dimensions))
	var undefined []string
	for j, dim := range s.Dimensions {
		if dims[j] == nil {
			undefined = append(undefined, dim.ID)
			vals[j] = math.NaN()
			continue
		}
		vals[j] = *dims[j]
	}
	v := s.IndexOf(vals, weights)
	if len(undefined) > 0 || math.IsNaN(v) {
		return nil, undefined
	}
	return ptr(v), nil
}

// IndexOf is IndexWith on values where NaN stands for an undefined
// dimension (a resample's dimensions): the weighted mean, or NaN when any
// dimension is undefined or the weights sum to 0. It is the one place the
// index is computed from dimensions.
func (s *Set) IndexOf(dims []float64, weights []float64) float64 {
	var num, den float64
	for j := range s.Dimensions {
		w := s.Dimensions[j].Weight
		if weights != nil {
			w = weights[j]
		}
		if math.IsNaN(dims[j]) {
			return math.NaN()
		}
		num += w * dims[j]
		den += w
	}
	if den == 0 {
		return math.NaN()
	}
	return num / den
}

// FamilyFirst reports whether the set aggregates family first.
func (s *Set) FamilyFirst() bool { return s.Aggregation == AggregateFamilies }

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
