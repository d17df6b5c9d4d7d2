package report

import (
	"bytes"
	"context"
	"os"
	"strings"
	"testing"

	"github.com/ikk-tools/ikk/ikk"
	"github.com/xuri/excelize/v2"
)

// sasaranLists scores the hand-counted fixture into lists for every office
// of its plan.
func sasaranLists(t *testing.T, personal bool) (*ikk.Result, *ikk.SasaranLists) {
	t.Helper()
	set := defaultSet(t)
	col := ikk.NewSasaran(set, personal)
	t.Cleanup(func() { col.Close() })
	res, err := ikk.Score(context.Background(), set, []string{"../testdata/sasaran/survey.csv"}, ikk.Options{OnHousehold: col.Add})
	if err != nil {
		t.Fatal(err)
	}
	l, err := col.Lists(res, ikk.FollowUp(set, res.Desa()))
	if err != nil {
		t.Fatal(err)
	}
	return res, l
}

// TestSasaranWorkbook: the same lists give the same bytes; the English
// workbook speaks English; the temporary files go.
func TestSasaranWorkbook(t *testing.T) {
	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp)
	// Last, once the collector is closed too.
	t.Cleanup(func() {
		if left, _ := os.ReadDir(tmp); len(left) > 0 {
			t.Errorf("temporary files left: %v", left)
		}
	})
	res, l := sasaranLists(t, false)
	var a, b, en bytes.Buffer
	for _, w := range []*bytes.Buffer{&a, &b} {
		if err := Sasaran(w, res, l, SasaranMeta{Lang: "id"}); err != nil {
			t.Fatal(err)
		}
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Error("two writes of the same lists differ")
	}
	if err := Sasaran(&en, res, l, SasaranMeta{Lang: "en"}); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&en)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if got := f.GetSheetList(); strings.Join(got, ",") != "Cover,Disdukcapil,Kemenag,Kesbangpol" {
		t.Errorf("sheets %v", got)
	}
	rows, _ := f.GetRows("Kesbangpol")
	var text strings.Builder
	for _, r := range rows {
		text.WriteString(strings.Join(r, "|") + "\n")
	}
	for _, w := range []string{"FAMILIES TO VISIT IN THE FOLLOW-UP", "KK number", "Indicators failed", "Visit notes",
		"Desa Ampukung (63.09.02.2002), Kecamatan Kelua: 2 families; indicators below target: SP03"} {
		if !strings.Contains(text.String(), w) {
			t.Errorf("English sheet lacks %q:\n%s", w, text.String())
		}
	}
}

// TestSasaranTooLong: a list longer than a sheet holds is found before
// anything is written.
func TestSasaranTooLong(t *testing.T) {
	_, l := sasaranLists(t, false)
	if _, _, ok := SasaranTooLong(l, "id"); ok {
		t.Fatal("the fixture's lists fit a sheet")
	}
	defer func(n int) { maxSheetRows = n }(maxSheetRows)
	maxSheetRows = 22
	office, n, ok := SasaranTooLong(l, "id")
	if !ok || office != "Dinas Kependudukan dan Pencatatan Sipil" || n != 5 {
		t.Errorf("too long: %q %d %v", office, n, ok)
	}
}
