package ikk

import (
	"fmt"
	"testing"
)

func TestRankAndFollowUp(t *testing.T) {
	// Three desa: D1 and D2 tie on IKK (all pass), D2 has more households;
	// D3 fails I3 in both households.
	s := scoreCSV(t, miniSet, miniHead+
		"63.09.06.2001,K,A,1,1,L,2,1,ya,tidak,40,2\n"+
		"63.09.06.2002,K,B,1,2,L,2,1,ya,tidak,40,2\n"+
		"63.09.06.2002,K,B,1,3,L,2,1,ya,tidak,40,2\n"+
		"63.09.06.2003,K,C,1,4,L,2,1,tidak,tidak,40,2\n"+
		"63.09.06.2003,K,C,1,5,L,3,1,ya,tidak,1,2\n")
	var ranks []string
	for _, r := range RankDesa(s.res) {
		ranks = append(ranks, fmt.Sprintf("%d %s", r.Rank, r.Unit.Name))
	}
	if fmt.Sprint(ranks) != "[1 B 2 A 3 C]" {
		t.Errorf("ranks %v, want [1 B 2 A 3 C]", ranks)
	}
	// C: I1 0/1 (household 5 is not married: na) (s1), I3 0/2 (s1, s2). Target 66.67.
	var plan []string
	for _, p := range FollowUp(s.res.Set, s.res.Desa()) {
		fails := 0 // family-indicators: what a sum over the actions counts
		for _, a := range p.Actions {
			plan = append(plan, fmt.Sprintf("%s:%s:%s:%.0f:%d", p.Sector.Key, a.Indicator.ID, a.Desa.Name, a.Percent, a.Fail))
			fails += a.Fail
		}
		plan = append(plan, fmt.Sprintf("%s=%d/%d", p.Sector.Key, p.Families, fails))
	}
	// s1: household 4 fails I1 and I3, household 5 fails I3: two families,
	// three family-indicators.
	want := "[s1:I1:C:0:1 s1:I3:C:0:2 s1=2/3 s2:I3:C:0:2 s2=2/2]"
	if fmt.Sprint(plan) != want {
		t.Errorf("plan %v, want %s", plan, want)
	}
}
