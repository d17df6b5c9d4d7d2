package report

import (
	"bytes"
	"encoding/json"
	"io"

	"github.com/ikk-tools/ikk/ikk"
)

// SchemaCompare identifies the JSON contract of ikk compare; a breaking
// change gets a new one. It is documented in docs/compare.md.
const SchemaCompare = "ikk.compare/v1"

// CompareDoc is the ikk.compare/v1 document: unrounded values, dot
// decimals, null for undefined values, lists in the sets' order. Changes are
// current minus baseline; indicator values are achievements in percent and
// their changes percentage points.
type CompareDoc struct {
	Schema      string          `json:"schema"`
	Tool        CompareTool     `json:"tool"`
	MinFamilies int             `json:"min_families"`
	Baseline    CompareYear     `json:"baseline"`
	Current     CompareYear     `json:"current"`
	SameSet     bool            `json:"same_set"`
	Differences []CompareDiff   `json:"differences"`
	Dimensions  []string        `json:"dimensions"`
	Indicators  []string        `json:"indicators"`
	Transitions []CompareMove   `json:"transitions"`
	Units       []CompareUnit   `json:"units"`
	OnlyBase    []CompareSingle `json:"only_baseline"`
	OnlyCurrent []CompareSingle `json:"only_current"`
}

// CompareTool names the program that wrote the document.
type CompareTool struct {
	Name    string `json:"name"`
	Version string `json:"version"`
}

// CompareYear is one year's source, set and categories.
type CompareYear struct {
	Source       string            `json:"source"`
	From         string            `json:"from"` // "json" or "survey"
	IndicatorSet CompareSet        `json:"indicator_set"`
	Categories   []CompareCategory `json:"categories"`
}

// CompareSet identifies an indicator set.
type CompareSet struct {
	ID        string `json:"id"`
	Name      string `json:"name"`
	Version   string `json:"version"`
	SHA256    string `json:"sha256"`
	ShortName string `json:"short_name"`
}

// CompareCategory is a category of a year's set.
type CompareCategory struct {
	ID      int     `json:"id"`
	Label   string  `json:"label"`
	Min     float64 `json:"min"`
	MinOpen bool    `json:"min_open"`
}

// CompareDiff is a difference between the sets: a code and its parameters.
type CompareDiff struct {
	Code   string            `json:"code"`
	Params map[string]string `json:"params"`
}

// CompareMove is a cell of the transition matrix: the matched desa in
// category From (baseline) and To (current); null is no category.
type CompareMove struct {
	From *int `json:"from"`
	To   *int `json:"to"`
	Desa int  `json:"desa"`
}

// CompareValue is a value then and now and its change.
type CompareValue struct {
	Then   *float64 `json:"then"`
	Now    *float64 `json:"now"`
	Change *float64 `json:"change"`
}

// CompareDimension is a dimension's change in a unit.
type CompareDimension struct {
	ID string `json:"id"`
	CompareValue
}

// CompareIndicator is an indicator's change in a unit, with the families
// (pass + fail) each year rests on and the few-families flag.
type CompareIndicator struct {
	ID string `json:"id"`
	CompareValue
	FamiliesThen int  `json:"families_then"`
	FamiliesNow  int  `json:"families_now"`
	FewFamilies  bool `json:"few_families"`
}

// CompareUnit is a matched kabupaten, kecamatan or desa.
type CompareUnit struct {
	Level          string             `json:"level"`
	Code           *string            `json:"code"`
	Name           string             `json:"name"`
	Kecamatan      *string            `json:"kecamatan"`
	MatchedByName  bool               `json:"matched_by_name"`
	HouseholdsThen int                `json:"households_then"`
	HouseholdsNow  int                `json:"households_now"`
	Index          CompareValue       `json:"index"`
	CategoryThen   *int               `json:"category_then"`
	CategoryNow    *int               `json:"category_now"`
	FewFamilies    int                `json:"few_families"`
	Dimensions     []CompareDimension `json:"dimensions"`
	Indicators     []CompareIndicator `json:"indicators"`
	// Improved and Worsened: desa only, the indicators that rose (fell)
	// most, not flagged, largest change first.
	Improved []string `json:"improved,omitempty"`
	Worsened []string `json:"worsened,omitempty"`
}

// CompareSingle is a unit found in one year only.
type CompareSingle struct {
	Level      string   `json:"level"`
	Code       *string  `json:"code"`
	Name       string   `json:"name"`
	Kecamatan  *string  `json:"kecamatan"`
	Households int      `json:"households"`
	Index      *float64 `json:"index"`
	Category   *int     `json:"category"`
}

// CompareJSON writes the comparison as ikk.compare/v1.
func CompareJSON(w io.Writer, c *ikk.Comparison, m CompareMeta) error {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", "  ")
	if err := enc.Encode(CompareDocOf(c, m.ToolVersion)); err != nil {
		return err
	}
	_, err := w.Write(buf.Bytes())
	return err
}

// CompareDocOf builds the document of a comparison.
func CompareDocOf(c *ikk.Comparison, version string) *CompareDoc {
	d := &CompareDoc{Schema: SchemaCompare, Tool: CompareTool{Name: "ikk", Version: version}, MinFamilies: c.MinFamilies,
		Baseline: yearDoc(c.Baseline), Current: yearDoc(c.Current), SameSet: c.SameSet(),
		Differences: []CompareDiff{}, Dimensions: nonNil(c.Dimensions), Indicators: nonNil(c.Indicators),
		Transitions: []CompareMove{}, Units: []CompareUnit{}, OnlyBase: singles(c.OnlyBaseline), OnlyCurrent: singles(c.OnlyCurrent)}
	for _, x := range c.Differences {
		p := map[string]string{}
		for i := 0; i+1 < len(x.Params); i += 2 {
			p[x.Params[i]] = x.Params[i+1]
		}
		d.Differences = append(d.Differences, CompareDiff{Code: x.Code, Params: p})
	}
	for i, row := range c.Transitions {
		for j, n := range row {
			d.Transitions = append(d.Transitions, CompareMove{From: catAt(c.Categories, i), To: catAt(c.CurrentCategories, j), Desa: n})
		}
	}
	for _, list := range [][]ikk.UnitChange{c.Kabupaten, c.Kecamatan, c.Desa} {
		for _, u := range list {
			d.Units = append(d.Units, unitDoc(c, u))
		}
	}
	return d
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

func catAt(cats []ikk.SnapshotCategory, i int) *int {
	if i >= len(cats) {
		return nil
	}
	id := cats[i].ID
	return &id
}

func catID(id int) *int {
	if id == 0 {
		return nil
	}
	return &id
}

func strPtr(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

func yearDoc(s *ikk.Snapshot) CompareYear {
	from := "survey"
	if s.FromJSON {
		from = "json"
	}
	y := CompareYear{Source: s.Source, From: from, Categories: []CompareCategory{},
		IndicatorSet: CompareSet{ID: s.Set.ID, Name: s.Set.Name, Version: s.Set.Version, SHA256: s.Set.SHA256, ShortName: s.Set.ShortName}}
	for _, c := range s.Categories {
		y.Categories = append(y.Categories, CompareCategory{ID: c.ID, Label: c.Label, Min: c.Min, MinOpen: c.Open})
	}
	return y
}

func value(d ikk.Delta) CompareValue { return CompareValue{Then: d.Then, Now: d.Now, Change: d.Change} }

func unitDoc(c *ikk.Comparison, u ikk.UnitChange) CompareUnit {
	out := CompareUnit{Level: u.Level, Code: strPtr(u.Code), Name: u.Name, Kecamatan: strPtr(u.Kecamatan), MatchedByName: u.ByName,
		HouseholdsThen: u.Then.Households, HouseholdsNow: u.Now.Households, Index: value(u.Index),
		CategoryThen: catID(u.Then.Category), CategoryNow: catID(u.Now.Category), FewFamilies: u.Few,
		Dimensions: []CompareDimension{}, Indicators: []CompareIndicator{}}
	for i, id := range c.Dimensions {
		out.Dimensions = append(out.Dimensions, CompareDimension{ID: id, CompareValue: value(u.Dimensions[i])})
	}
	for i, id := range c.Indicators {
		x := u.Indicators[i]
		out.Indicators = append(out.Indicators, CompareIndicator{ID: id, CompareValue: value(x.Delta),
			FamiliesThen: x.FamiliesThen, FamiliesNow: x.FamiliesNow, FewFamilies: x.Few})
	}
	for _, k := range u.Improved {
		out.Improved = append(out.Improved, c.Indicators[k])
	}
	for _, k := range u.Worsened {
		out.Worsened = append(out.Worsened, c.Indicators[k])
	}
	return out
}

func singles(list []ikk.SnapshotUnit) []CompareSingle {
	out := []CompareSingle{}
	for _, u := range list {
		out = append(out, CompareSingle{Level: u.Level, Code: strPtr(u.Code), Name: u.Name, Kecamatan: strPtr(u.Kecamatan),
			Households: u.Households, Index: u.Index, Category: catID(u.Category)})
	}
	return out
}
