package report

import (
	"bytes"
	"encoding/csv"
	"strings"
	"testing"

	"github.com/ikk-tools/ikk/wilayah"
	"github.com/xuri/excelize/v2"
)

// TestWilayahList: a kabupaten's desa and kelurahan as CSV and as a
// workbook, the survey's columns first, the kind from the code; the
// workbook lists the kecamatan with their counts and names the source.
func TestWilayahList(t *testing.T) {
	reg, err := wilayah.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	tab, _ := reg.Lookup("63.09")
	var b bytes.Buffer
	if err := WilayahList(&b, reg, tab, "the source", "csv", "id"); err != nil {
		t.Fatal(err)
	}
	recs, err := csv.NewReader(&b).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) != 132 || strings.Join(recs[0], ",") != "kode_desa,kabupaten,kecamatan,desa,jenis" {
		t.Fatalf("%d records, header %q; want the header and 131 desa", len(recs), recs[0])
	}
	want := map[string]string{
		"63.09.02.2002": "63.09.02.2002,Tabalong,Kelua,Ampukung,Desa",
		"63.09.02.1001": "63.09.02.1001,Tabalong,Kelua,Pulau,Kelurahan",
	}
	for _, r := range recs[1:] {
		if w, ok := want[r[0]]; ok {
			if got := strings.Join(r, ","); got != w {
				t.Errorf("row %q, want %q", got, w)
			}
			delete(want, r[0])
		}
	}
	if len(want) > 0 {
		t.Errorf("not listed: %v", want)
	}

	b.Reset()
	if err := WilayahList(&b, reg, tab, "the source", "xlsx", "en"); err != nil {
		t.Fatal(err)
	}
	var again bytes.Buffer
	WilayahList(&again, reg, tab, "the source", "xlsx", "en")
	if !bytes.Equal(b.Bytes(), again.Bytes()) {
		t.Error("two workbooks of the same list differ")
	}
	f, err := excelize.OpenReader(&b)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if got := strings.Join(f.GetSheetList(), ","); got != "Desa,Kecamatan,Source" {
		t.Errorf("sheets %s", got)
	}
	desa, _ := f.GetRows("Desa")
	kec, _ := f.GetRows("Kecamatan")
	src, _ := f.GetRows("Source")
	if len(desa) != 132 || desa[0][4] != "kind" || len(kec) != 13 || strings.Join(kec[2], ",") != "63.09.02,Kelua,11,1" || src[1][0] != "the source" {
		t.Errorf("desa %d rows (%q), kecamatan %d rows (%q), source %q", len(desa), desa[0], len(kec), kec[2], src)
	}
}
