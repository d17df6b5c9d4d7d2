package ikk

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/ikk-tools/ikk/internal/surveygen"
)

// sasaranText scores a survey and writes every office's list as text, one
// family a line, with the lists' counts.
func sasaranText(t *testing.T, set *Set, path string, jobs int, personal bool) string {
	t.Helper()
	col := NewSasaran(set, personal)
	defer col.Close()
	res, err := Score(context.Background(), set, []string{path}, Options{Jobs: jobs, OnHousehold: col.Add})
	if err != nil {
		t.Fatal(err)
	}
	plans := FollowUp(set, res.Desa())
	lists, err := col.Lists(res, plans)
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	fmt.Fprintf(&b, "listed %d\n", lists.Listed())
	for k, p := range plans {
		fmt.Fprintf(&b, "office %q: %d families\n", p.Sector.Key, lists.Families(k))
		// The list is the plan's families affected, desa by desa.
		if lists.Families(k) != p.Families {
			t.Errorf("%s: %d families listed, the plan counts %d", p.Sector.Key, lists.Families(k), p.Families)
		}
		for _, n := range p.Desa {
			if got := lists.DesaFamilies(k, n.Desa); got != n.Families {
				t.Errorf("%s in %s: %d families listed, the plan counts %d", p.Sector.Key, n.Desa.Name, got, n.Families)
			}
		}
		rows := 0
		err := lists.Each(k, func(r *SasaranRow) error {
			rows++
			var ids []string
			for _, ind := range r.Fails {
				ids = append(ids, ind.ID)
			}
			fmt.Fprintf(&b, "%s|%s|%s|%s|%s\n", r.Desa.Code, r.RT, r.KK, r.Name, strings.Join(ids, ","))
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		if rows != lists.Families(k) {
			t.Errorf("%s: %d rows, %d families counted", p.Sector.Key, rows, lists.Families(k))
		}
	}
	return b.String()
}

// TestSasaranExternalSort: lists sorted in runs of three families, merged
// two at a time (several levels of merging), are those sorted in memory,
// whatever --jobs; and no temporary file is left.
func TestSasaranExternalSort(t *testing.T) {
	set := defaultSet(t)
	dir := t.TempDir()
	var gen bytes.Buffer
	if err := surveygen.Generate(&gen, surveygen.Config{Seed: 5, Households: 600, Desa: 6, Kecamatan: 2}); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, "s.csv")
	if err := os.WriteFile(path, gen.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp)
	t.Setenv("TMP", tmp)
	want := sasaranText(t, set, path, 1, true)
	if !strings.Contains(want, "|") {
		t.Fatalf("no family listed:\n%s", want)
	}
	defer func(r, f int) { sasaranRunSize, sasaranFanIn = r, f }(sasaranRunSize, sasaranFanIn)
	sasaranRunSize, sasaranFanIn = 3, 2
	for _, jobs := range []int{1, 2} {
		if got := sasaranText(t, set, path, jobs, true); got != want {
			t.Errorf("--jobs %d, external sort: lists differ from the in-memory sort", jobs)
		}
	}
	if left, _ := os.ReadDir(tmp); len(left) > 0 {
		t.Errorf("temporary files left: %v", left)
	}
}

// TestSasaranOrder: the order of a round, on records made by hand: desa by
// the result's units, RT numerically (2 before 10, names after numbers),
// then input order.
func TestSasaranOrder(t *testing.T) {
	recs := []sasaranRec{
		{pos: 5, rt: "1", seq: 1},
		{pos: 2, rt: "10", seq: 2},
		{pos: 2, rt: "2", seq: 9},
		{pos: 2, rt: "Dusun", seq: 3},
		{pos: 2, rt: "2", seq: 4},
	}
	slices.SortFunc(recs, recCmp)
	var got []string
	for _, r := range recs {
		got = append(got, fmt.Sprintf("%d/%s/%d", r.pos, r.rt, r.seq))
	}
	want := []string{"2/2/4", "2/2/9", "2/10/2", "2/Dusun/3", "5/1/1"}
	if !slices.Equal(got, want) {
		t.Errorf("order %v, want %v", got, want)
	}
}

// TestSasaranMasked: without personal data the records hold the masked KK
// number and no name, on disk too.
func TestSasaranMasked(t *testing.T) {
	set := defaultSet(t)
	path := filepath.Join("..", "testdata", "sasaran", "survey.csv")
	text := sasaranText(t, set, path, 1, false)
	if strings.Contains(text, "6309010000000001") || strings.Contains(text, "Anisa") {
		t.Errorf("a full KK number or a name without personal data:\n%s", text)
	}
	if !strings.Contains(text, "630901******0001") {
		t.Errorf("masked KK number missing:\n%s", text)
	}
	if personal := sasaranText(t, set, path, 1, true); !strings.Contains(personal, "6309010000000001|Anisa Satu|") {
		t.Errorf("with personal data, the full KK number and name are missing:\n%s", personal)
	}
}

func TestFindSector(t *testing.T) {
	set := defaultSet(t)
	for _, s := range []string{"dinkes", "DINKES", "Dinas Kesehatan", " dinas  kesehatan "} {
		if tag, err := FindSector(set, s); err != nil || tag.Key != "dinkes" {
			t.Errorf("%q: %v %v", s, tag, err)
		}
	}
	_, err := FindSector(set, "dinas rahasia")
	m, ok := err.(*Message)
	if !ok || m.Code != MsgNoSector || !strings.Contains(m.Param("keys"), "disdukcapil") {
		t.Errorf("unknown office: %v", err)
	}
}
