package ikk

import (
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/ikk-tools/ikk/wilayah"
)

// Comparison is the change from a baseline year to a current one: units
// matched by code (by names where a code is missing), the change of the
// index, of every dimension and indicator they share, the transitions of
// categories, and what differs between the two sets. It holds codes and
// numbers only; package report writes it.
type Comparison struct {
	Baseline, Current *Snapshot
	// MinFamilies is the threshold of the few-families flag: an indicator
	// change whose pass + fail is below it in either year is flagged.
	MinFamilies int
	// Differences between the two sets, as codes with parameters; none
	// when both used the same set file.
	Differences []Difference
	// Dimensions and Indicators are the IDs both sets have, in the
	// baseline's order: the ones compared.
	Dimensions, Indicators []string
	// Categories are the baseline's categories (the matrix rows) and
	// CurrentCategories the current set's (its columns).
	Categories, CurrentCategories []SnapshotCategory
	Kabupaten, Kecamatan, Desa    []UnitChange
	// OnlyBaseline and OnlyCurrent are the kecamatan and desa found in one
	// year only.
	OnlyBaseline, OnlyCurrent []SnapshotUnit
	// Transitions[i][j] counts the matched desa in baseline category i and
	// current category j; the last row and column are "no category" (an
	// undefined index).
	Transitions [][]int
}

// TopChanges is how many improved and worsened indicators a desa lists.
const TopChanges = 3

// DefaultMinFamilies is the default few-families threshold.
const DefaultMinFamilies = 30

// Difference is one way the two sets differ.
type Difference struct {
	Code   string
	Params []string
}

// Difference codes.
const (
	DiffSetID      = "set_id"
	DiffSetName    = "set_name"
	DiffSetVersion = "set_version"
	// DiffSetFile: same set and version, other bytes: rules, labels or
	// parameters were changed without a new version.
	DiffSetFile            = "set_file"
	DiffParameter          = "parameter"
	DiffCategories         = "categories"
	DiffIndicatorsBaseline = "indicators_only_baseline"
	DiffIndicatorsCurrent  = "indicators_only_current"
	DiffDimensionsBaseline = "dimensions_only_baseline"
	DiffDimensionsCurrent  = "dimensions_only_current"
)

// UnitChange is a matched unit's change.
type UnitChange struct {
	Level, Code, Name, Kecamatan string
	// ByName says the unit was matched by its names, a code missing.
	ByName    bool
	Then, Now *SnapshotUnit
	Index     Delta
	// Dimensions per Comparison.Dimensions, Indicators per
	// Comparison.Indicators.
	Dimensions []Delta
	Indicators []IndicatorDelta
	// Few counts the unit's indicators flagged as resting on few families.
	Few int
	// Improved and Worsened index Comparison.Indicators: the indicators
	// whose achievement rose (fell) most, not flagged, at most TopChanges,
	// largest change first (desa only).
	Improved, Worsened []int
}

// Delta is a value then and now, and the change (nil when either is).
type Delta struct{ Then, Now, Change *float64 }

// IndicatorDelta is an indicator's change in achievement, in percentage
// points, with the families each year rests on.
type IndicatorDelta struct {
	Delta
	FamiliesThen, FamiliesNow int
	// Few: pass + fail below Comparison.MinFamilies in either year.
	Few bool
}

func delta(then, now *float64) Delta {
	d := Delta{Then: then, Now: now}
	if then != nil && now != nil {
		c := *now - *then
		d.Change = &c
	}
	return d
}

// Compare compares two snapshots.
func Compare(base, cur *Snapshot, minFamilies int) *Comparison {
	c := &Comparison{Baseline: base, Current: cur, MinFamilies: minFamilies,
		Categories: base.Categories, CurrentCategories: cur.Categories}
	c.Differences = setDifferences(base, cur)
	c.Dimensions = common(base.Dimensions, cur.Dimensions)
	c.Indicators = common(base.Indicators, cur.Indicators)
	bi, ci := positions(base.Indicators, c.Indicators), positions(cur.Indicators, c.Indicators)
	bd, cd := positions(base.Dimensions, c.Dimensions), positions(cur.Dimensions, c.Dimensions)
	for _, level := range []string{LevelKabupaten, LevelKecamatan, LevelDesa} {
		pairs, onlyB, onlyC := match(units(base, level), units(cur, level), level)
		for _, p := range pairs {
			ch := c.change(p, bd, cd, bi, ci)
			switch level {
			case LevelKabupaten:
				c.Kabupaten = append(c.Kabupaten, ch)
			case LevelKecamatan:
				c.Kecamatan = append(c.Kecamatan, ch)
			default:
				ch.Improved, ch.Worsened = topChanges(ch.Indicators)
				c.Desa = append(c.Desa, ch)
			}
		}
		if level != LevelKabupaten {
			c.OnlyBaseline = append(c.OnlyBaseline, onlyB...)
			c.OnlyCurrent = append(c.OnlyCurrent, onlyC...)
		}
	}
	c.Transitions = transitions(c.Desa, c.Categories, c.CurrentCategories)
	return c
}

func (c *Comparison) change(p pair, bd, cd, bi, ci []int) UnitChange {
	t, n := p.then, p.now
	ch := UnitChange{Level: t.Level, Code: n.Code, Name: n.Name, Kecamatan: n.Kecamatan, ByName: p.byName,
		Then: t, Now: n, Index: delta(t.Index, n.Index)}
	if ch.Code == "" {
		ch.Code = t.Code
	}
	for k := range bd {
		ch.Dimensions = append(ch.Dimensions, delta(at(t.Dimensions, bd[k]), at(n.Dimensions, cd[k])))
	}
	for k := range bi {
		a, b := t.Indicators[bi[k]], n.Indicators[ci[k]]
		d := IndicatorDelta{Delta: delta(a.Percent, b.Percent), FamiliesThen: a.Families(), FamiliesNow: b.Families()}
		d.Few = d.FamiliesThen < c.MinFamilies || d.FamiliesNow < c.MinFamilies
		if d.Few {
			ch.Few++
		}
		ch.Indicators = append(ch.Indicators, d)
	}
	return ch
}

func at(v []*float64, i int) *float64 {
	if i < len(v) {
		return v[i]
	}
	return nil
}

// topChanges picks the indicators that rose and fell most, leaving out
// those flagged as resting on few families: noise is not news.
func topChanges(inds []IndicatorDelta) (up, down []int) {
	for i, d := range inds {
		if d.Few || d.Change == nil || *d.Change == 0 {
			continue
		}
		if *d.Change > 0 {
			up = append(up, i)
		} else {
			down = append(down, i)
		}
	}
	by := func(list []int, sign float64) {
		sort.SliceStable(list, func(a, b int) bool { return sign**inds[list[a]].Change > sign**inds[list[b]].Change })
	}
	by(up, 1)
	by(down, -1)
	return up[:min(len(up), TopChanges)], down[:min(len(down), TopChanges)]
}

// transitions counts matched desa by category then and now.
func transitions(desa []UnitChange, then, now []SnapshotCategory) [][]int {
	m := make([][]int, len(then)+1)
	for i := range m {
		m[i] = make([]int, len(now)+1)
	}
	pos := func(cats []SnapshotCategory, id int) int {
		for i, c := range cats {
			if c.ID == id && id != 0 {
				return i
			}
		}
		return len(cats)
	}
	for _, d := range desa {
		m[pos(then, d.Then.Category)][pos(now, d.Now.Category)]++
	}
	return m
}

func units(s *Snapshot, level string) []*SnapshotUnit {
	var out []*SnapshotUnit
	for i := range s.Units {
		if s.Units[i].Level == level {
			out = append(out, &s.Units[i])
		}
	}
	return out
}

type pair struct {
	then, now *SnapshotUnit
	byName    bool
}

// match pairs the units of one level: by code where both have one, then by
// names where either lacks a code. Units with two different codes are two
// units, whatever their names.
func match(then, now []*SnapshotUnit, level string) (pairs []pair, onlyThen, onlyNow []SnapshotUnit) {
	used := make([]bool, len(now))
	byCode := map[string]int{}
	byName := map[string][]int{}
	for j, u := range now {
		if u.Code != "" {
			byCode[codeKey(u.Code)] = j
		}
		k := nameKey(u, level)
		byName[k] = append(byName[k], j)
	}
	for _, t := range then {
		j, ok := -1, false
		if t.Code != "" {
			if j, ok = byCode[codeKey(t.Code)]; ok && used[j] {
				ok = false
			}
		}
		named := false
		if !ok {
			for _, k := range byName[nameKey(t, level)] {
				if !used[k] && (t.Code == "" || now[k].Code == "") {
					j, ok, named = k, true, true
					break
				}
			}
		}
		if !ok {
			onlyThen = append(onlyThen, *t)
			continue
		}
		used[j] = true
		pairs = append(pairs, pair{then: t, now: now[j], byName: named})
	}
	for j, u := range now {
		if !used[j] {
			onlyNow = append(onlyNow, *u)
		}
	}
	return pairs, onlyThen, onlyNow
}

// codeKey folds the ways a Kemendagri code is written: "63.09.06.2004" and
// "6309062004" are the same desa.
func codeKey(code string) string { return strings.ReplaceAll(code, ".", "") }

// nameKey is a unit's identity by names: a desa within its kecamatan.
func nameKey(u *SnapshotUnit, level string) string {
	switch level {
	case LevelDesa:
		return wilayah.NameKey(u.Kecamatan) + "/" + wilayah.NameKey(u.Name)
	case LevelKecamatan:
		return wilayah.NameKey(u.Name)
	}
	return wilayah.NameKey(u.Name)
}

// common lists the members of a that b has too, in a's order.
func common(a, b []string) []string {
	var out []string
	for _, x := range a {
		if slices.Contains(b, x) {
			out = append(out, x)
		}
	}
	return out
}

func without(a, b []string) []string {
	var out []string
	for _, x := range a {
		if !slices.Contains(b, x) {
			out = append(out, x)
		}
	}
	return out
}

// positions gives the index in all of each of ids.
func positions(all, ids []string) []int {
	out := make([]int, len(ids))
	for i, id := range ids {
		out[i] = slices.Index(all, id)
	}
	return out
}

// setDifferences says how the two sets differ, from what both snapshots
// record: identity, file hash, parameters, categories, dimensions and
// indicators. Rules are not in a result JSON; a changed rule shows as a
// changed file under the same version.
func setDifferences(b, c *Snapshot) []Difference {
	var out []Difference
	add := func(code string, kv ...string) { out = append(out, Difference{Code: code, Params: kv}) }
	if b.Set.ID != c.Set.ID {
		add(DiffSetID, "then", b.Set.ID, "now", c.Set.ID)
	}
	if b.Set.Name != c.Set.Name {
		add(DiffSetName, "then", b.Set.Name, "now", c.Set.Name)
	}
	if b.Set.Version != c.Set.Version {
		add(DiffSetVersion, "then", b.Set.Version, "now", c.Set.Version)
	} else if b.Set.ID == c.Set.ID && b.Set.SHA256 != c.Set.SHA256 {
		add(DiffSetFile, "version", b.Set.Version, "then", short(b.Set.SHA256), "now", short(c.Set.SHA256))
	}
	for _, p := range b.Parameters {
		for _, q := range c.Parameters {
			if p.Name == q.Name && p.Value != q.Value {
				add(DiffParameter, "name", p.Name, "then", num(p.Value), "now", num(q.Value))
			}
		}
	}
	if !sameCategories(b.Categories, c.Categories) {
		add(DiffCategories)
	}
	lists := []struct {
		code   string
		ids    []string
		others []string
	}{
		{DiffDimensionsBaseline, b.Dimensions, c.Dimensions},
		{DiffDimensionsCurrent, c.Dimensions, b.Dimensions},
		{DiffIndicatorsBaseline, b.Indicators, c.Indicators},
		{DiffIndicatorsCurrent, c.Indicators, b.Indicators},
	}
	for _, l := range lists {
		if only := without(l.ids, l.others); len(only) > 0 {
			add(l.code, "count", strconv.Itoa(len(only)), "ids", strings.Join(only, ", "))
		}
	}
	return out
}

func sameCategories(a, b []SnapshotCategory) bool {
	return slices.Equal(a, b)
}

func short(sha string) string { return sha[:min(len(sha), 12)] }

func num(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }

// SameSet says whether both years used the same set file.
func (c *Comparison) SameSet() bool { return len(c.Differences) == 0 }

// MatchedByName counts the desa matched by names.
func (c *Comparison) MatchedByName() int {
	n := 0
	for _, d := range c.Desa {
		if d.ByName {
			n++
		}
	}
	return n
}
