package ikk

import (
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"
)

// Ranked is a desa with its rank among the desa of a result.
type Ranked struct {
	Unit *Unit
	Rank int // 1 for the highest IKK; desa without an IKK have rank 0
}

// RankDesa ranks the desa by IKK, highest first; ties go to the desa with
// more households, then to the lower code (or name). Desa whose IKK is
// undefined come last, unranked.
func RankDesa(r *Result) []Ranked {
	var desa []*Unit
	for _, u := range r.Units {
		if u.Level == LevelDesa {
			desa = append(desa, u)
		}
	}
	sort.SliceStable(desa, func(i, j int) bool {
		a, b := desa[i], desa[j]
		switch {
		case a.IKK == nil || b.IKK == nil:
			return a.IKK != nil && b.IKK == nil
		case *a.IKK != *b.IKK:
			return *a.IKK > *b.IKK
		case a.Households != b.Households:
			return a.Households > b.Households
		}
		return unitLess(a.Code, a.Name, b.Code, b.Name)
	})
	out := make([]Ranked, len(desa))
	for i, u := range desa {
		out[i] = Ranked{Unit: u}
		if u.IKK != nil {
			out[i].Rank = i + 1
		}
	}
	return out
}

// Action is one line of a rencana tindak lanjut: an indicator below target
// in a desa, for one responsible office.
type Action struct {
	Indicator *Indicator
	Desa      *Unit
	Percent   float64
	Fail      int // households affected: those failing the indicator
}

// SectorPlan is the part of the rencana tindak lanjut one office receives.
type SectorPlan struct {
	Sector Tag
	// Actions in the order the office would work through them: by
	// indicator (set order), then the weakest desa first.
	Actions []Action
	// Desa are the desa with an action, in the order of the desa given,
	// each with its families affected counted once.
	Desa []DesaNeed
	// Families is the office's families affected, each family once: those
	// failing at least one of the office's indicators below target in
	// their desa. It is the sum over Desa, since a family lives in one desa.
	// There is no sum of the actions' Fail: a family failing three of the
	// office's indicators would count three times.
	Families int
}

// DesaNeed is what an office has to follow up in one desa.
type DesaNeed struct {
	Desa       *Unit
	Indicators []*Indicator // the office's indicators below target there, in set order
	Families   int          // families failing at least one of them, each once
}

// FollowUp groups the permasalahan of the given desa by responsible office
// (method section 9): an indicator with several sectors appears under each.
// Offices come in the set's order; those with no action are left out. The
// indicators for which the set names no office (a set may name none) come
// last, under a plan whose Sector is empty, so that no permasalahan is left
// out of the plan.
func FollowUp(set *Set, desa []*Unit) []SectorPlan {
	plans := make([]SectorPlan, len(set.Sectors)+1)
	unassigned := []int{len(set.Sectors)}
	index := map[string]int{}
	for i, s := range set.Sectors {
		plans[i].Sector = s
		index[s.Key] = i
	}
	indOrder := map[*Indicator]int{}
	for i, ind := range set.Indicators {
		indOrder[ind] = i
	}
	for _, u := range desa {
		needs := map[int]*DesaNeed{}
		for _, p := range u.Permasalahan {
			offices := unassigned
			if len(p.Indicator.Sectors) > 0 {
				offices = make([]int, len(p.Indicator.Sectors))
				for k, s := range p.Indicator.Sectors {
					offices[k] = index[s]
				}
			}
			for _, i := range offices {
				plans[i].Actions = append(plans[i].Actions, Action{Indicator: p.Indicator, Desa: u, Percent: p.Percent, Fail: p.Fail})
				if needs[i] == nil {
					plans[i].Desa = append(plans[i].Desa, DesaNeed{Desa: u})
					needs[i] = &plans[i].Desa[len(plans[i].Desa)-1]
				}
				needs[i].Indicators = append(needs[i].Indicators, p.Indicator)
			}
		}
		for i, n := range needs {
			sort.SliceStable(n.Indicators, func(a, b int) bool { return indOrder[n.Indicators[a]] < indOrder[n.Indicators[b]] })
			n.Families = familiesAffected(set, u, n.Indicators)
			plans[i].Families += n.Families
		}
	}
	var out []SectorPlan
	for _, p := range plans {
		if len(p.Actions) == 0 {
			continue
		}
		sort.SliceStable(p.Actions, func(i, j int) bool {
			a, b := p.Actions[i], p.Actions[j]
			if a.Indicator != b.Indicator {
				return indOrder[a.Indicator] < indOrder[b.Indicator]
			}
			if a.Percent != b.Percent {
				return a.Percent < b.Percent
			}
			return unitLess(a.Desa.Code, a.Desa.Name, b.Desa.Code, b.Desa.Name)
		})
		out = append(out, p)
	}
	return out
}

// familiesAffected counts a desa's families failing any of inds, each once.
// A unit scored without its fail patterns (built by hand) gives the largest
// single indicator's count: a floor, never a family counted twice.
func familiesAffected(set *Set, u *Unit, inds []*Indicator) int {
	if n, ok := u.FamiliesFailingAny(set, inds); ok {
		return n
	}
	n := 0
	for _, ind := range inds {
		if i := slices.Index(set.Indicators, ind); i >= 0 && i < len(u.Indicators) {
			n = max(n, u.Indicators[i].Fail())
		}
	}
	return n
}

// Desa returns the desa units of a result, in unit order.
func (r *Result) Desa() []*Unit {
	var out []*Unit
	for _, u := range r.Units {
		if u.Level == LevelDesa {
			out = append(out, u)
		}
	}
	return out
}

// FindDesa finds a desa of a result by its code (written either way,
// 63.09.06.2004 or 6309062004) or by its name, in any case. A name that
// several desa share is refused, naming them, so that a decree never marks
// the wrong village.
func FindDesa(r *Result, s string) (*Unit, error) {
	want := strings.TrimSpace(s)
	if code, err := NormalizeVillageCode(want); err == nil {
		for _, u := range r.Desa() {
			if u.Code == code {
				return u, nil
			}
		}
		return nil, say(MsgNoDesaCode, "code", code)
	}
	var found []*Unit
	for _, u := range r.Desa() {
		if NormalizeName(u.Name) == NormalizeName(want) {
			found = append(found, u)
		}
	}
	switch len(found) {
	case 0:
		return nil, say(MsgNoDesaName, "name", strconv.Quote(want))
	case 1:
		return found[0], nil
	}
	var names []string
	for _, u := range found {
		names = append(names, fmt.Sprintf("%s (Kecamatan %s, %s)", u.Name, u.Kecamatan, u.Code))
	}
	return nil, say(MsgDesaNameShared, "count", strconv.Itoa(len(found)), "name", strconv.Quote(want), "desa", strings.Join(names, ", "))
}
