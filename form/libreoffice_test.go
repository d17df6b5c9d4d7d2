package form

import (
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// soffice finds LibreOffice, skipping the test when it is absent and
// failing it on CI, which installs it.
func soffice(t *testing.T) string {
	t.Helper()
	for _, name := range []string{"soffice", "libreoffice"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	if os.Getenv("CI") != "" {
		t.Fatal("soffice not found: .ci/run installs libreoffice-calc-nogui")
	}
	t.Skip("LibreOffice (soffice) not installed")
	return ""
}

// TestTemplateThroughLibreOffice: the filled template saved again by
// LibreOffice Calc, as an office that opens it in LibreOffice sends it
// back, scores the same with no issue; and LibreOffice kept every check of
// the data sheet, the drop-downs still reading the Kode sheet's entries.
func TestTemplateThroughLibreOffice(t *testing.T) {
	lo := soffice(t)
	s := defaultSet(t)
	dir := t.TempDir()
	f := Build(s, Options{Lang: "id", Area: tabalong(t)})
	blank, filled := filepath.Join(dir, "templat.xlsx"), filepath.Join(dir, "terisi.xlsx")
	writeForm(t, blank, Template, f)
	hh := generate(f, 15, 11)
	fillTemplate(t, f, blank, filled, hh)
	before := score(t, s, filled)
	out := filepath.Join(dir, "lo")
	cmd := exec.Command(lo, "-env:UserInstallation=file://"+filepath.Join(dir, "profile"), "--headless",
		"--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", out, filled)
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v\n%s", err, b)
	}
	saved := filepath.Join(out, "terisi.xlsx")
	after := score(t, s, saved)
	checkScored(t, s, after, hh)
	for kk, o := range before.outcomes {
		if !slices.Equal(after.outcomes[kk], o) {
			t.Errorf("family %s: %v before LibreOffice, %v after", kk, o, after.outcomes[kk])
		}
	}
	if in := after.res.Inputs[0]; in.Sheet != "Data" || in.HeaderRow != headerRow {
		t.Errorf("LibreOffice's file read from %q row %d", in.Sheet, in.HeaderRow)
	}

	x, err := excelize.OpenFile(saved)
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	dvs, err := x.GetDataValidations("Data")
	if err != nil {
		t.Fatal(err)
	}
	names := map[string]string{}
	for _, d := range x.GetDefinedName() {
		names[d.Name] = d.RefersTo
	}
	lists := 0
	for _, dv := range dvs {
		// LibreOffice keeps a check on every row while the file is open
		// (its .ods holds them all), but its .xlsx export writes the
		// checks of the first thousand rows below the data only.
		c := strings.TrimRight(strings.SplitN(dv.Sqref, ":", 2)[0], "0123456789")
		if !strings.HasPrefix(dv.Sqref, c+"3:"+c) {
			t.Errorf("after LibreOffice a check is on %s", dv.Sqref)
		}
		if dv.Type != "list" {
			continue
		}
		col, _ := excelize.ColumnNameToNumber(c)
		q := f.Questions()[col-1]
		ref := dv.Formula1
		if r, ok := names[ref]; ok {
			ref = r
		}
		if got := rangeValues(t, x, ref); !slices.Equal(got, wantEntries(f, q)) {
			t.Errorf("%s: after LibreOffice the list %s holds %q", q.Name, dv.Formula1, got)
		}
		lists++
	}
	if len(dvs) != len(f.Questions()) || lists != 36 {
		t.Errorf("after LibreOffice: %d checks, %d lists; want %d and 36", len(dvs), lists, len(f.Questions()))
	}
}
