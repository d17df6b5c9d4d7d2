package ikk

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
)

// A Snapshot is one year's results as ikk compare reads them: from a result
// JSON (ikk.result/v1) written last year, or from a survey scored now. It
// holds what a comparison needs and nothing of the families.
type Snapshot struct {
	// Source is the file or folder the snapshot came from; FromJSON says
	// it was a result JSON rather than a survey.
	Source   string
	FromJSON bool
	Set      SnapshotSet
	// Parameters of the set as the run used them, in the set's order.
	Parameters []Parameter
	Categories []SnapshotCategory
	Dimensions []string // dimension IDs, in the set's order
	Indicators []string // indicator IDs, in the set's order
	// Names of dimensions and indicators by ID, where known: a survey's
	// set has them; a result JSON does not, and the caller may fill them
	// from the same set (SetNames).
	Names map[string]string
	Units []SnapshotUnit // kabupaten, kecamatan and desa; RT units left out
}

// SnapshotSet identifies the indicator set a snapshot was scored with.
type SnapshotSet struct {
	ID, Name, Version, SHA256, ShortName, Source string
}

// SnapshotCategory is a category of the set.
type SnapshotCategory struct {
	ID    int
	Label string
	Min   float64
	Open  bool
}

// SnapshotUnit is a desa, kecamatan or kabupaten of a snapshot.
type SnapshotUnit struct {
	Level, Code, Name, Kecamatan, Kabupaten string
	Households                              int
	Index                                   *float64
	Category                                int        // category ID; 0 when undefined
	Dimensions                              []*float64 // per Snapshot.Dimensions
	Indicators                              []Counted  // per Snapshot.Indicators
}

// Counted is an indicator's achievement in a unit with the families it
// rests on: those that passed or failed it.
type Counted struct {
	Pass, Fail int
	Percent    *float64
}

// Families is pass + fail: the families an achievement rests on.
func (c Counted) Families() int { return c.Pass + c.Fail }

// Message codes of reading a result JSON for a comparison.
const (
	MsgCompareBadJSON   = "compare_bad_json"
	MsgCompareNotResult = "compare_not_result"
)

// SnapshotOf takes a scored result as a snapshot.
func SnapshotOf(r *Result, source string) *Snapshot {
	set := r.Set
	s := &Snapshot{Source: source, Names: map[string]string{},
		Set:        SnapshotSet{ID: set.ID, Name: set.Name, Version: set.Version, SHA256: set.SHA256, ShortName: set.ShortName, Source: set.Source},
		Parameters: append([]Parameter(nil), set.Parameters...)}
	for _, c := range set.Categories {
		s.Categories = append(s.Categories, SnapshotCategory{ID: c.ID, Label: c.Label, Min: c.Min, Open: c.Open})
	}
	s.SetNames(set)
	for _, d := range set.Dimensions {
		s.Dimensions = append(s.Dimensions, d.ID)
	}
	for _, ind := range set.Indicators {
		s.Indicators = append(s.Indicators, ind.ID)
	}
	for _, u := range r.Units {
		if u.Level == LevelRT {
			continue
		}
		su := SnapshotUnit{Level: u.Level, Code: u.Code, Name: u.Name, Kecamatan: u.Kecamatan, Kabupaten: u.Kabupaten,
			Households: u.Households, Index: u.IKK, Dimensions: append([]*float64(nil), u.Dimensions...)}
		if u.Category != nil {
			su.Category = u.Category.ID
		}
		for _, ir := range u.Indicators {
			su.Indicators = append(su.Indicators, Counted{Pass: ir.Pass(), Fail: ir.Fail(), Percent: ir.Percent})
		}
		s.Units = append(s.Units, su)
	}
	return s
}

// SetNames fills the names of dimensions and indicators from a set: the
// set the snapshot was scored with, or one with the same ID and version.
func (s *Snapshot) SetNames(set *Set) {
	if s.Names == nil {
		s.Names = map[string]string{}
	}
	for _, d := range set.Dimensions {
		s.Names[d.ID] = d.Label
	}
	for _, ind := range set.Indicators {
		s.Names[ind.ID] = ind.Label
	}
}

// resultDoc is the part of ikk.result/v1 a comparison reads. Objects whose
// key order carries the set's order are kept raw and read in order.
type resultDoc struct {
	Schema       string `json:"schema"`
	IndicatorSet struct {
		ID        string `json:"id"`
		Name      string `json:"name"`
		Version   string `json:"version"`
		Source    string `json:"source"`
		SHA256    string `json:"sha256"`
		ShortName string `json:"short_name"`
	} `json:"indicator_set"`
	Parameters json.RawMessage `json:"parameters"`
	Categories []struct {
		ID      int     `json:"id"`
		Label   string  `json:"label"`
		Min     float64 `json:"min"`
		MinOpen bool    `json:"min_open"`
	} `json:"categories"`
	Units []struct {
		Level      string   `json:"level"`
		Code       *string  `json:"code"`
		Name       *string  `json:"name"`
		Kecamatan  *string  `json:"kecamatan"`
		Kabupaten  *string  `json:"kabupaten"`
		Households int      `json:"households"`
		IKK        *float64 `json:"ikk"`
		Category   *struct {
			ID int `json:"id"`
		} `json:"category"`
		Dimensions json.RawMessage `json:"dimensions"`
		Indicators json.RawMessage `json:"indicators"`
	} `json:"units"`
}

// ResultSchema is the schema a result JSON must declare to be compared.
const ResultSchema = "ikk.result/v1"

// ReadSnapshot reads a result JSON written by ikk score --format json.
func ReadSnapshot(r io.Reader, source string) (*Snapshot, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, sayErr(MsgCompareBadJSON, err, "path", source)
	}
	var doc resultDoc
	if err := json.Unmarshal(data, &doc); err != nil {
		return nil, sayErr(MsgCompareBadJSON, err, "path", source)
	}
	if doc.Schema != ResultSchema {
		return nil, say(MsgCompareNotResult, "path", source, "schema", doc.Schema, "want", ResultSchema)
	}
	is := doc.IndicatorSet
	s := &Snapshot{Source: source, FromJSON: true, Names: map[string]string{},
		Set: SnapshotSet{ID: is.ID, Name: is.Name, Version: is.Version, SHA256: is.SHA256, ShortName: is.ShortName, Source: is.Source}}
	if s.Set.ShortName == "" {
		s.Set.ShortName = DefaultShortName
	}
	bad := func(err error) error { return sayErr(MsgCompareBadJSON, err, "path", source) }
	if err := eachKey(doc.Parameters, func(k string, v json.RawMessage) error {
		var f float64
		if err := json.Unmarshal(v, &f); err != nil {
			return err
		}
		s.Parameters = append(s.Parameters, Parameter{Name: k, Value: f})
		return nil
	}); err != nil {
		return nil, bad(err)
	}
	for _, c := range doc.Categories {
		s.Categories = append(s.Categories, SnapshotCategory{ID: c.ID, Label: c.Label, Min: c.Min, Open: c.MinOpen})
	}
	str := func(p *string) string {
		if p == nil {
			return ""
		}
		return *p
	}
	for i, u := range doc.Units {
		if u.Level == LevelRT {
			continue
		}
		su := SnapshotUnit{Level: u.Level, Code: str(u.Code), Name: str(u.Name), Kecamatan: str(u.Kecamatan),
			Kabupaten: str(u.Kabupaten), Households: u.Households, Index: u.IKK}
		if u.Category != nil {
			su.Category = u.Category.ID
		}
		var dims, inds []string
		err := eachKey(u.Dimensions, func(k string, v json.RawMessage) error {
			var f *float64
			dims = append(dims, k)
			su.Dimensions = append(su.Dimensions, f)
			return json.Unmarshal(v, &su.Dimensions[len(su.Dimensions)-1])
		})
		if err == nil {
			err = eachKey(u.Indicators, func(k string, v json.RawMessage) error {
				var c struct {
					Pass    int      `json:"pass"`
					Fail    int      `json:"fail"`
					Percent *float64 `json:"percent"`
				}
				inds = append(inds, k)
				if err := json.Unmarshal(v, &c); err != nil {
					return err
				}
				su.Indicators = append(su.Indicators, Counted{Pass: c.Pass, Fail: c.Fail, Percent: c.Percent})
				return nil
			})
		}
		if err != nil {
			return nil, bad(err)
		}
		// Every unit lists the set's dimensions and indicators in the
		// same order; the first unit says which they are.
		if s.Dimensions == nil && s.Indicators == nil {
			s.Dimensions, s.Indicators = dims, inds
		} else if !sameList(dims, s.Dimensions) || !sameList(inds, s.Indicators) {
			return nil, bad(fmt.Errorf("unit %d lists other dimensions or indicators than the first", i+1))
		}
		s.Units = append(s.Units, su)
	}
	return s, nil
}

// eachKey calls f for each member of a JSON object, in the order written;
// an absent or null object has none.
func eachKey(raw json.RawMessage, f func(key string, val json.RawMessage) error) error {
	if len(raw) == 0 || string(raw) == "null" {
		return nil
	}
	dec := json.NewDecoder(bytes.NewReader(raw))
	tok, err := dec.Token()
	if err != nil {
		return err
	}
	if d, ok := tok.(json.Delim); !ok || d != '{' {
		return fmt.Errorf("expected an object")
	}
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return err
		}
		key, _ := tok.(string)
		var val json.RawMessage
		if err := dec.Decode(&val); err != nil {
			return err
		}
		if err := f(key, val); err != nil {
			return err
		}
	}
	return nil
}

func sameList(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
