package report

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"sort"
	"strconv"

	"github.com/ikk-tools/ikk/ikk"
)

// SchemaJSON identifies the JSON contract; a breaking change gets a new one.
const SchemaJSON = "ikk.result/v1"

// obj is a JSON object that keeps its keys in the order they were added, so
// that dimensions come as LS, KF, KE, SP, SB rather than alphabetically.
type obj []kv

type kv struct {
	k string
	v any
}

func (o obj) MarshalJSON() ([]byte, error) {
	var b bytes.Buffer
	b.WriteByte('{')
	for i, p := range o {
		if i > 0 {
			b.WriteByte(',')
		}
		k, _ := json.Marshal(p.k)
		b.Write(k)
		b.WriteByte(':')
		v, err := json.Marshal(p.v)
		if err != nil {
			return nil, err
		}
		b.Write(v)
	}
	b.WriteByte('}')
	return b.Bytes(), nil
}

func nullable(s string) any {
	if s == "" {
		return nil
	}
	return s
}

// JSON writes the machine contract ikk.result/v1: unrounded values, dot
// decimals, null for undefined values.
func JSON(w io.Writer, r *ikk.Result, m Meta) error {
	set := r.Set
	params := obj{}
	for _, p := range set.Parameters {
		params = append(params, kv{p.Name, p.Value})
	}
	inputs := []obj{}
	for _, in := range r.Inputs {
		inputs = append(inputs, obj{{"path", in.Path}, {"sha256", in.SHA256}, {"sheet", in.Sheet}, {"header_row", in.HeaderRow},
			{"rows_read", in.RowsRead}, {"scored", in.Scored}, {"rejected", in.Rejected}, {"blank", in.Blank}})
	}
	units := []obj{}
	for _, u := range r.Units {
		units = append(units, unitJSON(set, u))
	}
	head := obj{
		{"schema", SchemaJSON},
		{"tool", obj{{"name", "ikk"}, {"version", m.ToolVersion}}},
		{"indicator_set", obj{{"id", set.ID}, {"name", set.Name}, {"version", set.Version}, {"source", set.Source}, {"sha256", set.SHA256}}},
		{"parameters", params},
		{"categories", categoriesJSON(set)},
		{"target", set.Target},
		{"inputs", inputs},
	}
	tail := obj{
		{"summary", obj{{"rows_read", r.Summary.RowsRead}, {"scored", r.Summary.Scored}, {"rejected", r.Summary.Rejected},
			{"blank", r.Summary.Blank}, {"issues", r.IssueTotal()}, {"issues_listed", len(r.Issues)}, {"issues_by_code", issueCountsJSON(r)}}},
	}
	// Units and issues are written one at a time: a province has thousands of
	// units and a messy survey thousands of issues, and the document is never
	// held whole in memory.
	bw := bufio.NewWriter(w)
	bw.WriteString("{")
	if err := writeMembers(bw, head); err != nil {
		return err
	}
	err := writeArray(bw, "units", len(r.Units), func(i int) any { return unitJSON(set, r.Units[i]) })
	if err != nil {
		return err
	}
	err = writeArray(bw, "issues", len(r.Issues), func(i int) any {
		is := r.Issues[i]
		return obj{{"file", is.File}, {"sheet", is.Sheet}, {"row", is.Row}, {"column", is.Column},
			{"cell", nullable(is.Cell)}, {"value", is.Value}, {"code", is.Code}, {"message", is.Message}}
	})
	if err != nil {
		return err
	}
	bw.WriteString(",")
	if err := writeMembers(bw, tail); err != nil {
		return err
	}
	bw.WriteString("\n}\n")
	return bw.Flush()
}

// writeArray writes `,"key": [...]` at the top level, one element at a time.
func writeArray(w *bufio.Writer, key string, n int, elem func(int) any) error {
	fmt.Fprintf(w, ",\n  %q: [", key)
	for i := 0; i < n; i++ {
		if i > 0 {
			w.WriteString(",")
		}
		w.WriteString("\n    ")
		if err := writeIndented(w, elem(i), "    "); err != nil {
			return err
		}
	}
	if n > 0 {
		w.WriteString("\n  ")
	}
	w.WriteString("]")
	return nil
}

// writeMembers writes the members of o at the top level of the document,
// indented as json.Indent would, without the braces.
func writeMembers(w *bufio.Writer, o obj) error {
	for i, p := range o {
		if i > 0 {
			w.WriteString(",")
		}
		w.WriteString("\n  ")
		k, _ := json.Marshal(p.k)
		w.Write(k)
		w.WriteString(": ")
		if err := writeIndented(w, p.v, "  "); err != nil {
			return err
		}
	}
	return nil
}

func writeIndented(w *bufio.Writer, v any, prefix string) error {
	raw, err := json.Marshal(v)
	if err != nil {
		return err
	}
	var out bytes.Buffer
	if err := json.Indent(&out, raw, prefix, "  "); err != nil {
		return err
	}
	_, err = w.Write(out.Bytes())
	return err
}

func categoriesJSON(set *ikk.Set) []obj {
	var out []obj
	for _, c := range set.Categories {
		out = append(out, obj{{"id", c.ID}, {"label", c.Label}, {"min", c.Min}})
	}
	return out
}

func unitJSON(set *ikk.Set, u *ikk.Unit) obj {
	var cat any
	if u.Category != nil {
		cat = obj{{"id", u.Category.ID}, {"label", u.Category.Label}}
	}
	var reason any
	if len(u.UndefinedDimensions) > 0 {
		reason = UndefinedReason(u, "en")
	}
	dims := obj{}
	for j, d := range set.Dimensions {
		dims = append(dims, kv{d.ID, u.Dimensions[j]})
	}
	inds := obj{}
	for i, ind := range set.Indicators {
		ir := u.Indicators[i]
		inds = append(inds, kv{ind.ID, obj{{"pass", ir.Pass()}, {"fail", ir.Fail()}, {"na", ir.NA()},
			{"missing", ir.Missing()}, {"invalid", ir.Invalid()}, {"percent", ir.Percent}}})
	}
	lenses := obj{}
	for i, k := range set.LensKeys() {
		lenses = append(lenses, kv{k, u.Lenses[i]})
	}
	hc := obj{}
	for i, c := range set.Categories {
		hc = append(hc, kv{strconv.Itoa(c.ID), u.HouseholdCategories[i]})
	}
	hc = append(hc, kv{"incomplete", u.Incomplete})
	perm := []obj{}
	for _, p := range u.Permasalahan {
		sectors := p.Indicator.Sectors
		if sectors == nil {
			sectors = []string{}
		}
		perm = append(perm, obj{{"indicator", p.Indicator.ID}, {"percent", p.Percent}, {"fail", p.Fail}, {"sectors", sectors}})
	}
	bySex := obj{}
	for i, s := range []string{"L", "P"} {
		bySex = append(bySex, kv{s, obj{{"households", u.BySex[i].Households}, {"gender", u.BySex[i].Gender}}})
	}
	kec, kab := u.Kecamatan, u.Kabupaten
	return obj{
		{"level", u.Level}, {"code", nullable(u.Code)}, {"name", nullable(u.Name)},
		{"kecamatan", nullable(kec)}, {"kabupaten", nullable(kab)}, {"rt", nullable(u.RT)},
		{"households", u.Households}, {"ikk", u.IKK}, {"ikk_undefined_reason", reason}, {"category", cat},
		{"dimensions", dims}, {"indicators", inds}, {"lenses", lenses}, {"by_sex", bySex},
		{"household_categories", hc}, {"household_mean", u.HouseholdMean}, {"permasalahan", perm},
	}
}

func issueCountsJSON(r *ikk.Result) obj {
	codes := make([]string, 0, len(r.IssueCounts))
	for c := range r.IssueCounts {
		codes = append(codes, c)
	}
	sort.Strings(codes)
	o := obj{}
	for _, c := range codes {
		o = append(o, kv{c, r.IssueCounts[c]})
	}
	return o
}
