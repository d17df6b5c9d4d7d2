package form

import (
	"bytes"
	"fmt"
	"io"
	"sort"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// TestGolden: the three forms of the default set, as files to review: the
// XForm as written, the workbooks as a dump of their sheets, cells, merges,
// checks and names. Writing a form twice gives the same bytes.
func TestGolden(t *testing.T) {
	s := defaultSet(t)
	for _, tc := range []struct {
		file  string
		lang  string
		write func(io.Writer, *Form) error
		dump  bool
	}{
		{"xform.xml", "id", XForm, false},
		{"xlsform.txt", "id", XLSForm, true},
		{"template.id.txt", "id", Template, true},
		{"template.en.txt", "en", Template, true},
	} {
		f := Build(s, Options{Lang: tc.lang})
		var a, b bytes.Buffer
		if err := tc.write(&a, f); err != nil {
			t.Fatal(err)
		}
		if err := tc.write(&b, Build(s, Options{Lang: tc.lang})); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(a.Bytes(), b.Bytes()) {
			t.Errorf("%s: two writes of the same form differ", tc.file)
		}
		got := a.Bytes()
		if tc.dump {
			got = dumpWorkbook(t, got)
		}
		checkGolden(t, tc.file, got)
	}
}

// dumpWorkbook writes a workbook as text: each sheet with its visibility,
// panes and merges, every non-empty cell, every data validation; then the
// defined names.
func dumpWorkbook(t *testing.T, data []byte) []byte {
	t.Helper()
	x, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	var b strings.Builder
	for _, name := range x.GetSheetList() {
		visible, _ := x.GetSheetVisible(name)
		panes, _ := x.GetPanes(name)
		fmt.Fprintf(&b, "== sheet %q visible=%v frozen=%v@%s\n", name, visible, panes.Freeze, panes.TopLeftCell)
		merges, _ := x.GetMergeCells(name)
		for _, m := range merges {
			fmt.Fprintf(&b, "merge %s:%s\n", m.GetStartAxis(), m.GetEndAxis())
		}
		rows, err := x.GetRows(name)
		if err != nil {
			t.Fatal(err)
		}
		for i, r := range rows {
			for j, v := range r {
				if v != "" {
					fmt.Fprintf(&b, "%s %q\n", cell(j+1, i+1), v)
				}
			}
		}
		dvs, _ := x.GetDataValidations(name)
		for _, dv := range dvs {
			fmt.Fprintf(&b, "check %s %s %s %q %q error=%s input=%q %q\n", dv.Sqref, dv.Type, dv.Operator, dv.Formula1, dv.Formula2,
				deref(dv.ErrorStyle), deref(dv.PromptTitle), deref(dv.Prompt))
		}
	}
	names := x.GetDefinedName()
	sort.Slice(names, func(i, j int) bool { return names[i].Scope+names[i].Name < names[j].Scope+names[j].Name })
	for _, n := range names {
		fmt.Fprintf(&b, "name %s %s = %s\n", n.Scope, n.Name, n.RefersTo)
	}
	return []byte(b.String())
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}
