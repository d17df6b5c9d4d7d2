package ikk

import (
	"math"
	"sort"
	"strconv"
	"strings"
)

// A desa lokus is chosen by the kabupaten, by Keputusan Bupati, among the
// desa that meet the rules it states (enough families surveyed, a
// category, some kecamatan), either the best one or the one most in need.
// This file ranks the candidates, measures how stable the first place is
// over the bootstrap's resamples and the set's alternative weightings, and
// gathers the facts a justification rests on. The words are package
// report's.

// Directions of a ranking of candidates.
const (
	// LokusHighest ranks the highest index first: the best desa.
	LokusHighest = "highest"
	// LokusLowest ranks the lowest index first: the desa most in need.
	LokusLowest = "lowest"
)

// LokusClearShare is the share of resamples in which a desa must rank
// first, under the set's own weights and under each alternative weighting,
// for its first place to be called clear. Below it, the first place may be
// an accident of which families were surveyed (or of the weights), and a
// justification must not claim the desa is clearly first. Four resamples
// in five is a convention, not a test: docs/method.md says why.
const LokusClearShare = 0.8

// LokusTop is how many of the first candidates a document shows with their
// rank stability under every weighting, unless told otherwise.
const LokusTop = 5

// LokusWeakIndicators is how many of its weakest indicators a
// justification names for the desa most in need.
const LokusWeakIndicators = 3

// Reasons a desa is not a candidate, the first rule it fails in this order.
const (
	LokusOtherKecamatan = "kecamatan" // outside the kecamatan named
	LokusNoIndex        = "no_index"  // its index is undefined
	LokusFewKK          = "few_kk"    // fewer scored families than the minimum
	LokusOtherCategory  = "category"  // in a category not named
)

// LokusReasons are the reasons, in the order they are checked.
var LokusReasons = []string{LokusOtherKecamatan, LokusNoIndex, LokusFewKK, LokusOtherCategory}

// LokusRules are the eligibility rules the kabupaten states, and the
// direction of the ranking.
type LokusRules struct {
	// MinKK is the least number of scored families; 0 for any.
	MinKK int
	// Categories are the ids of the categories a candidate must be in;
	// empty for any.
	Categories []int
	// Kecamatan are the kecamatan units a candidate must lie in (see
	// FindKecamatan); empty for any.
	Kecamatan []*Unit
	// Direction is LokusHighest or LokusLowest ("" is highest).
	Direction string
}

// Candidate is a desa that meets the rules, with its place.
type Candidate struct {
	Unit *Unit
	// Rank is 1 for the first in the direction of the ranking.
	Rank int
	// Index is the desa's index under each of Lokus.Weightings, the set's
	// own first (the desa's IKK); NaN where undefined.
	Index []float64
	// PointRank is the desa's rank by Index under each weighting (0 where
	// its index is undefined).
	PointRank []int
	// FirstShare is, under each weighting, the share of the resamples in
	// which the desa ranks first among the candidates; nil when the
	// resamples were not kept.
	FirstShare []float64
}

// Interval is the 95% interval of the desa's index, nil when not computed.
func (c *Candidate) Interval() *Interval {
	if c.Unit.Uncertainty == nil {
		return nil
	}
	return c.Unit.Uncertainty.IKK
}

// LokusExcluded is a desa that is no candidate, and the first rule it fails.
type LokusExcluded struct {
	Unit   *Unit
	Reason string
}

// Lokus is the ranking of the candidates for desa lokus.
type Lokus struct {
	Set   *Set
	Rules LokusRules
	// Weightings are the set's own weights (Key "") and then its
	// alternative weightings, in the set's order.
	Weightings []Weighting
	// Assessed is the number of desa in the result: every one is a
	// candidate or excluded.
	Assessed   int
	Candidates []Candidate
	Excluded   []LokusExcluded
	// Resamples is the number of resamples the shares are computed from;
	// 0 when the desa were scored without keeping them.
	Resamples int
}

// Lowest says the ranking puts the lowest index first.
func (l *Lokus) Lowest() bool { return l.Rules.Direction == LokusLowest }

// ExcludedBy counts the excluded desa by reason.
func (l *Lokus) ExcludedBy(reason string) int {
	n := 0
	for _, e := range l.Excluded {
		if e.Reason == reason {
			n++
		}
	}
	return n
}

// Candidate returns the candidate of a desa, or nil.
func (l *Lokus) Candidate(u *Unit) *Candidate {
	for i := range l.Candidates {
		if l.Candidates[i].Unit == u {
			return &l.Candidates[i]
		}
	}
	return nil
}

// RankLokus ranks the desa of a result that meet the rules. Ties go to the
// desa with more families, then to the lower code (or name), as RankDesa
// does. When the desa were scored with Options.KeepReplicates, each
// candidate's share of first places is computed over the resamples.
func RankLokus(r *Result, rules LokusRules) *Lokus {
	l := &Lokus{Set: r.Set, Rules: rules}
	own := Weighting{Weights: make([]float64, len(r.Set.Dimensions))}
	for j, d := range r.Set.Dimensions {
		own.Weights[j] = d.Weight
	}
	l.Weightings = append([]Weighting{own}, r.Set.Weightings...)
	var kec *Unit
	for _, u := range r.Units {
		switch u.Level {
		case LevelKecamatan:
			kec = u
		case LevelDesa:
			l.Assessed++
			if reason := l.fails(u, kec); reason != "" {
				l.Excluded = append(l.Excluded, LokusExcluded{Unit: u, Reason: reason})
				continue
			}
			c := Candidate{Unit: u}
			for _, w := range l.Weightings {
				v, _ := r.Set.IndexWith(u.Dimensions, w.Weights)
				if v == nil {
					c.Index = append(c.Index, math.NaN())
				} else {
					c.Index = append(c.Index, *v)
				}
			}
			// The set's own index is the desa's IKK, whatever arithmetic
			// order a weighting takes.
			c.Index[0] = *u.IKK
			l.Candidates = append(l.Candidates, c)
		}
	}
	order := l.order(0)
	sorted := make([]Candidate, len(order))
	for i, k := range order {
		sorted[i] = l.Candidates[k]
		sorted[i].Rank = i + 1
	}
	l.Candidates = sorted
	for k := range l.Weightings {
		for i := range l.Candidates {
			l.Candidates[i].PointRank = append(l.Candidates[i].PointRank, 0)
		}
		for i, c := range l.order(k) {
			if !math.IsNaN(l.Candidates[c].Index[k]) {
				l.Candidates[c].PointRank[k] = i + 1
			}
		}
	}
	l.shares()
	return l
}

// fails names the first rule a desa fails, "" when it meets them all.
func (l *Lokus) fails(u, kec *Unit) string {
	switch {
	case len(l.Rules.Kecamatan) > 0 && !slicesContains(l.Rules.Kecamatan, kec):
		return LokusOtherKecamatan
	case u.IKK == nil:
		return LokusNoIndex
	case u.Households < l.Rules.MinKK:
		return LokusFewKK
	case len(l.Rules.Categories) > 0 && (u.Category == nil || !slicesContains(l.Rules.Categories, u.Category.ID)):
		return LokusOtherCategory
	}
	return ""
}

// before says whether value a comes before value b in the direction of the
// ranking; an undefined value comes after every defined one.
func (l *Lokus) before(a, b float64) bool {
	switch {
	case math.IsNaN(a) || math.IsNaN(b):
		return !math.IsNaN(a) && math.IsNaN(b)
	case l.Lowest():
		return a < b
	}
	return a > b
}

// order returns the candidates' positions ranked by their index under
// weighting k: ties to more families, then to the lower code or name.
func (l *Lokus) order(k int) []int {
	idx := make([]int, len(l.Candidates))
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(i, j int) bool {
		a, b := &l.Candidates[idx[i]], &l.Candidates[idx[j]]
		va, vb := a.Index[k], b.Index[k]
		switch {
		case l.before(va, vb):
			return true
		case l.before(vb, va):
			return false
		case a.Unit.Households != b.Unit.Households:
			return a.Unit.Households > b.Unit.Households
		}
		return unitLess(a.Unit.Code, a.Unit.Name, b.Unit.Code, b.Unit.Name)
	})
	return idx
}

// shares computes, under every weighting, each candidate's share of the
// resamples in which it ranks first. Resample b of one desa and resample b
// of another are independent draws, so that taking them together is one
// draw of the whole ranking. A desa whose index is undefined in a resample
// is not first in it; equal values in a resample go to the desa ranked
// first by the values themselves. The shares need every candidate's
// resamples, and as many of them.
func (l *Lokus) shares() {
	if len(l.Candidates) == 0 {
		return
	}
	reps := make([][][]float64, len(l.Candidates))
	for i, c := range l.Candidates {
		reps[i] = c.Unit.Replicates()
		if reps[i] == nil || len(reps[i]) != len(reps[0]) {
			return
		}
	}
	l.Resamples = len(reps[0])
	if l.Resamples == 0 {
		return
	}
	for i := range l.Candidates {
		l.Candidates[i].FirstShare = make([]float64, len(l.Weightings))
	}
	first := make([]int, len(l.Candidates))
	for k, w := range l.Weightings {
		clear(first)
		for b := 0; b < l.Resamples; b++ {
			best, bestV := -1, math.NaN()
			for i := range l.Candidates {
				v := l.Set.IndexOf(reps[i][b], w.Weights)
				if !math.IsNaN(v) && (best < 0 || l.before(v, bestV)) {
					best, bestV = i, v
				}
			}
			if best >= 0 {
				first[best]++
			}
		}
		for i, n := range first {
			l.Candidates[i].FirstShare[k] = float64(n) / float64(l.Resamples)
		}
	}
}

// Verdicts of a justification: what the figures allow it to say.
const (
	// JustifyClear: the desa ranks first, and first in at least
	// LokusClearShare of the resamples under every weighting, and first
	// at its point value under every weighting.
	JustifyClear = "clear"
	// JustifyClose: the desa ranks first, but its first place is within
	// the noise of the survey or depends on the weights: the figures do
	// not show it is clearly first.
	JustifyClose = "close"
	// JustifyNotFirst: the desa chosen is a candidate, not the first.
	JustifyNotFirst = "not_first"
	// JustifyOnly: the desa is the one candidate.
	JustifyOnly = "only"
	// JustifyUnmeasured: the desa ranks first, but without resamples no
	// one can say how sure that is.
	JustifyUnmeasured = "unmeasured"
)

// Justification is what a decree's consideration of a desa lokus rests on.
type Justification struct {
	Lokus  *Lokus
	Chosen *Candidate
	// First is the candidate ranked first (Chosen, unless not_first).
	First *Candidate
	// Rival is the candidate the chosen one is weighed against: the
	// second when the chosen desa is first, else the first; nil when it is
	// the only candidate.
	Rival   *Candidate
	Verdict string
	// Noise says the chosen desa ranks first in fewer than LokusClearShare
	// of the resamples under the set's own weights.
	Noise bool
	// Overlap says the 95% intervals of the chosen desa and its rival
	// overlap.
	Overlap bool
	// Sensitive are the alternative weightings (positions in
	// Lokus.Weightings) under which the chosen desa is not first at its
	// point value, or first in fewer than LokusClearShare of the resamples.
	Sensitive []int
	// FirstUnder is, per weighting, the candidate first at its point
	// value under it.
	FirstUnder []*Candidate
	// WeakDimension is, for the desa most in need, its lowest dimension
	// (a position in Set.Dimensions); -1 otherwise.
	WeakDimension int
	// WeakIndicators are, for the desa most in need, its weakest
	// indicators below target (at most LokusWeakIndicators).
	WeakIndicators []Problem
}

// Justify gathers the facts for choosing desa u. A desa that is no
// candidate is refused, saying which rule it fails.
func (l *Lokus) Justify(u *Unit) (*Justification, error) {
	c := l.Candidate(u)
	if c == nil {
		return nil, l.notCandidate(u)
	}
	j := &Justification{Lokus: l, Chosen: c, First: &l.Candidates[0], WeakDimension: -1}
	for k := range l.Weightings {
		for i := range l.Candidates {
			if l.Candidates[i].PointRank[k] == 1 {
				j.FirstUnder = append(j.FirstUnder, &l.Candidates[i])
				break
			}
		}
		if len(j.FirstUnder) <= k {
			j.FirstUnder = append(j.FirstUnder, nil)
		}
	}
	switch {
	case len(l.Candidates) == 1:
	case c.Rank == 1:
		j.Rival = &l.Candidates[1]
	default:
		j.Rival = j.First
	}
	if j.Rival != nil {
		a, b := c.Interval(), j.Rival.Interval()
		j.Overlap = a != nil && b != nil && a.Low <= b.High && b.Low <= a.High
	}
	if l.Resamples > 0 && c.FirstShare[0] < LokusClearShare {
		j.Noise = true
	}
	for k := 1; k < len(l.Weightings); k++ {
		if c.PointRank[k] != 1 || l.Resamples > 0 && c.FirstShare[k] < LokusClearShare {
			j.Sensitive = append(j.Sensitive, k)
		}
	}
	switch {
	case len(l.Candidates) == 1:
		j.Verdict = JustifyOnly
	case c.Rank > 1:
		j.Verdict = JustifyNotFirst
	case l.Resamples == 0:
		j.Verdict = JustifyUnmeasured
		if len(j.Sensitive) > 0 {
			j.Verdict = JustifyClose
		}
	case j.Noise || len(j.Sensitive) > 0:
		j.Verdict = JustifyClose
	default:
		j.Verdict = JustifyClear
	}
	if l.Lowest() {
		j.weakest(l.Set)
	}
	return j, nil
}

// Clear says the figures show the chosen desa is clearly first.
func (j *Justification) Clear() bool {
	return j.Verdict == JustifyClear || j.Verdict == JustifyOnly
}

// weakest finds the chosen desa's lowest dimension and weakest indicators.
func (j *Justification) weakest(set *Set) {
	u := j.Chosen.Unit
	for d, v := range u.Dimensions {
		if v != nil && (j.WeakDimension < 0 || *v < *u.Dimensions[j.WeakDimension]) {
			j.WeakDimension = d
		}
	}
	n := min(len(u.Permasalahan), LokusWeakIndicators)
	j.WeakIndicators = u.Permasalahan[:n:n]
}

// notCandidate says which rule keeps desa u from being a candidate.
func (l *Lokus) notCandidate(u *Unit) error {
	reason := ""
	for _, e := range l.Excluded {
		if e.Unit == u {
			reason = e.Reason
		}
	}
	kv := []string{"desa", u.Name, "kecamatan", u.Kecamatan}
	switch reason {
	case LokusOtherKecamatan:
		return say(MsgLokusPilotKecamatan, kv...)
	case LokusNoIndex:
		return say(MsgLokusPilotNoIndex, append(kv, "dimensions", strings.Join(u.UndefinedDimensions, ", "))...)
	case LokusFewKK:
		return say(MsgLokusPilotFewKK, append(kv, "families", strconv.Itoa(u.Households), "min", strconv.Itoa(l.Rules.MinKK))...)
	case LokusOtherCategory:
		return say(MsgLokusPilotCategory, append(kv, "category", u.Category.Short)...)
	}
	return say(MsgLokusPilotKecamatan, kv...)
}

// NoCandidateError says that no desa meets the rules, with how many fail
// each.
func (l *Lokus) NoCandidateError() error {
	return say(MsgLokusNoCandidate, "count", strconv.Itoa(l.Assessed),
		"kecamatan", strconv.Itoa(l.ExcludedBy(LokusOtherKecamatan)), "no_index", strconv.Itoa(l.ExcludedBy(LokusNoIndex)),
		"few_kk", strconv.Itoa(l.ExcludedBy(LokusFewKK)), "min", strconv.Itoa(l.Rules.MinKK),
		"category", strconv.Itoa(l.ExcludedBy(LokusOtherCategory)))
}

// FindCategory finds a category of the set by its id ("3"), its short
// name or its label, in any case.
func FindCategory(set *Set, key string) (int, error) {
	want := NormalizeName(key)
	var names []string
	for _, c := range set.Categories {
		if want == strconv.Itoa(c.ID) || want == NormalizeName(c.Short) || want == NormalizeName(c.Label) {
			return c.ID, nil
		}
		names = append(names, strconv.Itoa(c.ID)+" "+c.Short)
	}
	return 0, say(MsgLokusNoCategory, "key", strconv.Quote(strings.TrimSpace(key)), "categories", strings.Join(names, ", "))
}

// FindKecamatan finds a kecamatan of a result by its code (63.09.01 or
// 630901) or its name, in any case.
func FindKecamatan(r *Result, s string) (*Unit, error) {
	want := strings.TrimSpace(s)
	digits := strings.NewReplacer(".", "", " ", "", "-", "").Replace(want)
	var names []string
	for _, u := range r.Units {
		if u.Level != LevelKecamatan {
			continue
		}
		if u.Code != "" && strings.ReplaceAll(u.Code, ".", "") == digits || NormalizeName(u.Name) == NormalizeName(want) {
			return u, nil
		}
		names = append(names, u.Name)
	}
	return nil, say(MsgLokusNoKecamatan, "name", strconv.Quote(want), "names", listOf(names))
}
