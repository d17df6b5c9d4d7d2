package main

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/ikk-tools/ikk/cmd"
	"github.com/ikk-tools/ikk/ikk"
)

// TestWorkbookInLibreOffice opens the Excel report with LibreOffice headless,
// converts every sheet to CSV as displayed, and checks the numbers read back
// against the JSON of the same run: what an office sees is what ikk computed.
func TestWorkbookInLibreOffice(t *testing.T) {
	soffice, err := exec.LookPath("soffice")
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("soffice not found: .ci/run installs libreoffice-calc-nogui")
		}
		t.Skip("LibreOffice (soffice) not installed")
	}
	dir := t.TempDir()
	book, js := filepath.Join(dir, "laporan.xlsx"), filepath.Join(dir, "hasil.json")
	var stdout, stderr bytes.Buffer
	code := cmd.Main([]string{"score", "testdata/sample/survei_kelua.csv", "-o", book, "-o", js, "--date", "2026-03-23"},
		cmd.Env{Builtins: map[string][]byte{"ikk": defaultSet}, Stdout: &stdout, Stderr: &stderr})
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	out := filepath.Join(dir, "csv")
	// All sheets (-1), values as displayed (the 9th token): the two-decimal
	// formats are part of what is checked.
	conv := exec.Command(soffice, "-env:UserInstallation=file://"+filepath.Join(dir, "profile"), "--headless",
		"--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1", "--outdir", out, book)
	if b, err := conv.CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v\n%s", err, b)
	}
	sheets := []string{"Ringkasan", "Indikator", "Rincian Indikator", "Dimensi dan Lensa", "Permasalahan", "Rencana Tindak Lanjut", "Per RT", "Keluarga", "Masalah Data", "Metodologi"}
	read := func(sheet string) [][]string {
		f, err := os.Open(filepath.Join(out, "laporan-"+sheet+".csv"))
		if err != nil {
			t.Fatalf("sheet %s did not convert: %v", sheet, err)
		}
		defer f.Close()
		r := csv.NewReader(f)
		r.FieldsPerRecord = -1
		rows, err := r.ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		return rows
	}
	for _, s := range sheets {
		if rows := read(s); len(rows) < 2 {
			t.Errorf("sheet %s converted empty", s)
		}
	}
	var res struct {
		Units []struct {
			Level, Code string
			RT          *string
			Households  int
			IKK         *float64
			Dimensions  map[string]*float64
			Indicators  map[string]struct{ Percent *float64 }
			Interval    *struct {
				IKK           []float64
				OtherCategory float64 `json:"other_category"`
			}
		}
		Summary struct{ RowsRead, Scored, Rejected, Blank int }
	}
	data, _ := os.ReadFile(js)
	if err := json.Unmarshal(bytes.ReplaceAll(data, []byte("rows_read"), []byte("rowsread")), &res); err != nil {
		t.Fatal(err)
	}
	shown := func(v *float64) string {
		if v == nil {
			return ""
		}
		return ikk.Round2Text(*v)
	}
	byCode := map[string]int{}
	for i, u := range res.Units {
		if u.RT == nil {
			byCode[u.Level+" "+u.Code] = i
		}
	}
	levels := map[string]string{"Kabupaten": "kabupaten", "Kecamatan": "kecamatan", "Desa": "desa", "Kelurahan": "desa"}
	checked := 0
	for _, row := range read("Ringkasan")[4:] {
		if len(row) < 17 || levels[row[1]] == "" {
			continue
		}
		i, ok := byCode[levels[row[1]]+" "+row[2]]
		if !ok {
			t.Errorf("Ringkasan row %v: no such unit in the JSON", row[:4])
			continue
		}
		u := res.Units[i]
		if got, want := strings.ReplaceAll(row[5], ",", ""), strconv.Itoa(u.Households); got != want {
			t.Errorf("%s %s: Jumlah KK %s, JSON %s", row[1], row[2], got, want)
		}
		if row[6] != shown(u.IKK) {
			t.Errorf("%s %s: IKK shown %q, JSON %q", row[1], row[2], row[6], shown(u.IKK))
		}
		// The 95% interval's bounds and the share in another category
		// (in percent), then the dimensions.
		if u.Interval == nil || len(u.Interval.IKK) != 2 {
			t.Errorf("%s %s: no interval in the JSON", row[1], row[2])
		} else {
			other := 100 * u.Interval.OtherCategory
			for k, v := range []*float64{&u.Interval.IKK[0], &u.Interval.IKK[1], &other} {
				if row[8+k] != shown(v) {
					t.Errorf("%s %s: interval column %d shown %q, JSON %q", row[1], row[2], k, row[8+k], shown(v))
				}
			}
		}
		for k, d := range []string{"LS", "KF", "KE", "SP", "SB"} {
			if row[12+k] != shown(u.Dimensions[d]) {
				t.Errorf("%s %s: %s shown %q, JSON %q", row[1], row[2], d, row[12+k], shown(u.Dimensions[d]))
			}
		}
		checked++
	}
	if checked != 9 { // 1 kabupaten, 2 kecamatan, 6 desa
		t.Errorf("checked %d Ringkasan rows, want 9", checked)
	}
	ind := read("Indikator")
	head := ind[3]
	for _, row := range ind[4:] {
		if len(row) < 6 || row[1] == "" {
			continue
		}
		u := res.Units[byCode["desa "+row[1]]]
		for j := 5; j < len(head) && j < len(row); j++ {
			if row[j] != shown(u.Indicators[head[j]].Percent) {
				t.Errorf("Indikator %s %s: %q, JSON %q", row[1], head[j], row[j], shown(u.Indicators[head[j]].Percent))
			}
		}
	}
	if got := len(read("Keluarga")) - 1; got != res.Summary.Scored {
		t.Errorf("Keluarga has %d households, JSON scored %d", got, res.Summary.Scored)
	}
	for _, row := range read("Masalah Data") {
		if len(row) > 7 && row[1] == "Total" {
			if row[4] != strconv.Itoa(res.Summary.RowsRead) || row[5] != strconv.Itoa(res.Summary.Scored) {
				t.Errorf("Masalah Data total %v, JSON %+v", row[:8], res.Summary)
			}
		}
	}
}
