package form

import (
	"bytes"
	"context"
	"errors"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/ikk-tools/ikk/ikk"
	"github.com/xuri/excelize/v2"
)

// fillTemplate writes families into a template's data sheet as a cadre
// would, through excelize, and saves the workbook as out: the asked
// questions only; the drop-down's entry, or (every second and third
// family) the bare code or the label, which the template says ikk reads
// too; numbers as numbers.
func fillTemplate(t *testing.T, f *Form, template, out string, hh []household) {
	t.Helper()
	x, err := excelize.OpenFile(template)
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	sheet := x.GetSheetName(0)
	rows, err := x.GetRows(sheet)
	if err != nil || len(rows) < headerRow {
		t.Fatalf("data sheet %q: %v", sheet, err)
	}
	col := map[string]int{}
	for i, h := range rows[headerRow-1] {
		col[h] = i + 1
	}
	for i, h := range hh {
		row := firstRow + i
		for _, q := range f.Questions() {
			if !asked(f, q, h) {
				continue
			}
			c, ok := col[q.Name]
			if !ok {
				t.Fatalf("no column %s in the header", q.Name)
			}
			at := cell(c, row)
			v := h[q.Name]
			switch {
			case q.Kind == KindSelect && q.Role == RoleNone:
				ch := choice(t, q.List, v)
				entry := ch.Entry
				switch {
				case i%3 == 1 && q.Column.Type != ikk.ColYesNo:
					entry = ch.Value
				case i%3 == 2 && q.Column.Type == ikk.ColCode:
					entry = ch.Label.In(f.Lang)
				}
				err = x.SetCellStr(sheet, at, entry)
			case q.Kind == KindInteger:
				n, _ := strconv.Atoi(v)
				err = x.SetCellInt(sheet, at, int64(n))
			case q.Kind == KindDecimal:
				n, _ := strconv.ParseFloat(v, 64)
				err = x.SetCellFloat(sheet, at, n, -1, 64)
			default:
				err = x.SetCellStr(sheet, at, v)
			}
			if err != nil {
				t.Fatal(err)
			}
		}
	}
	if err := x.SaveAs(out); err != nil {
		t.Fatal(err)
	}
}

func choice(t *testing.T, l *List, value string) Choice {
	t.Helper()
	for _, c := range l.Choices {
		if c.Value == value {
			return c
		}
	}
	t.Fatalf("list %s has no choice %q", l.Name, value)
	return Choice{}
}

// TestTemplateFilledScores: the template, filled in through excelize and
// saved, is read by ikk score from its data sheet (header row 2) with no
// issue, no unknown header and every family's outcomes as its answers
// imply; with typed villages and with the villages of Tabalong, in both
// languages.
func TestTemplateFilledScores(t *testing.T) {
	ikkSet, odd := defaultSet(t), oddSet(t)
	for _, tc := range []struct {
		name, lang string
		area       *Area
		set        *ikk.Set
	}{
		{"typed villages", "id", nil, ikkSet},
		{"Tabalong", "id", tabalong(t), ikkSet},
		{"English", "en", nil, ikkSet},
		{"a set of odd shapes", "id", nil, odd},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := tc.set
			dir := t.TempDir()
			f := Build(s, Options{Lang: tc.lang, Area: tc.area})
			blank, filled := filepath.Join(dir, "templat.xlsx"), filepath.Join(dir, "terisi.xlsx")
			writeForm(t, blank, Template, f)
			hh := generate(f, 15, 7)
			fillTemplate(t, f, blank, filled, hh)
			got := score(t, s, filled)
			checkScored(t, s, got, hh)
			in := got.res.Inputs[0]
			if want := map[string]string{"id": "Data", "en": "Data"}[tc.lang]; in.Sheet != want || in.HeaderRow != headerRow {
				t.Errorf("read sheet %q header row %d, want %q row %d", in.Sheet, in.HeaderRow, want, headerRow)
			}
		})
	}
}

// TestTemplateHelperSheetsNeverRead: ikk score passes over the template's
// other sheets even when they stand before the data sheet, and named with
// --sheet they are said to hold no header, not read and not a clash of
// two headers.
func TestTemplateHelperSheetsNeverRead(t *testing.T) {
	s := defaultSet(t)
	for _, area := range []*Area{nil, tabalong(t)} {
		dir := t.TempDir()
		f := Build(s, Options{Lang: "id", Area: area})
		blank, filled, moved := filepath.Join(dir, "t.xlsx"), filepath.Join(dir, "f.xlsx"), filepath.Join(dir, "m.xlsx")
		writeForm(t, blank, Template, f)
		hh := generate(f, 6, 3)
		fillTemplate(t, f, blank, filled, hh)
		x, err := excelize.OpenFile(filled)
		if err != nil {
			t.Fatal(err)
		}
		sheets := x.GetSheetList()
		if !slices.Equal(sheets, []string{"Data", "Petunjuk", "Kode"}) {
			t.Errorf("sheets %q", sheets)
		}
		for _, name := range sheets {
			if v, _ := x.GetSheetVisible(name); !v {
				t.Errorf("sheet %s is hidden", name)
			}
		}
		// The data sheet last: the helper sheets are read first.
		if err := x.MoveSheet("Data", "Kode"); err != nil {
			t.Fatal(err)
		}
		if err := x.SaveAs(moved); err != nil {
			t.Fatal(err)
		}
		x.Close()
		got := score(t, s, moved)
		checkScored(t, s, got, hh)
		if in := got.res.Inputs[0]; in.Sheet != "Data" {
			t.Errorf("read sheet %q, want Data", in.Sheet)
		}
		for _, name := range []string{"Petunjuk", "Kode"} {
			_, err := ikk.Score(context.Background(), s, []string{filled}, ikk.Options{Sheet: name})
			var ie *ikk.InputError
			var m *ikk.Message
			if !errors.As(err, &ie) || !errors.As(ie.Err, &m) || m.Code != ikk.MsgSheetNoHeader {
				t.Errorf("--sheet %s: %v, want no header", name, err)
			}
		}
	}
}

// TestTemplateValidations: the checks of the data sheet read back from the
// workbook: a drop-down on every coded and yes/no column whose list is the
// Kode sheet's entries, whole numbers from the set's minimum on counts,
// numbers on amounts, lengths on codes; every one from row 3 to the
// sheet's end, warning (not refusing) with the question as its message.
func TestTemplateValidations(t *testing.T) {
	s := defaultSet(t)
	for _, area := range []*Area{nil, tabalong(t)} {
		f := Build(s, Options{Lang: "id", Area: area})
		var buf bytes.Buffer
		if err := Template(&buf, f); err != nil {
			t.Fatal(err)
		}
		x, err := excelize.OpenReader(&buf)
		if err != nil {
			t.Fatal(err)
		}
		dvs, err := x.GetDataValidations("Data")
		if err != nil {
			t.Fatal(err)
		}
		byCol := map[string]*excelize.DataValidation{}
		for _, dv := range dvs {
			c := strings.TrimRight(strings.SplitN(dv.Sqref, ":", 2)[0], "0123456789")
			if want := c + "3:" + c + "1048576"; dv.Sqref != want {
				t.Errorf("validation on %s, want %s", dv.Sqref, want)
			}
			byCol[c] = dv
		}
		names := map[string]string{}
		for _, d := range x.GetDefinedName() {
			names[d.Name] = d.RefersTo
		}
		lists, checked := 0, 0
		for i, q := range f.Questions() {
			c := colName(i + 1)
			dv := byCol[c]
			if dv == nil {
				t.Errorf("%s (%s): no validation", q.Name, c)
				continue
			}
			if head, _ := x.GetCellValue("Data", c+"2"); head != q.Name {
				t.Errorf("%s2 = %q, want %s", c, head, q.Name)
			}
			if !dv.ShowInputMessage || dv.Prompt == nil || !strings.HasPrefix(*dv.Prompt, firstRunes(q.Label.ID, 20)) {
				t.Errorf("%s: input message %v", q.Name, dv.Prompt)
			}
			if dv.Type != "" && dv.Type != "none" && (dv.ErrorStyle == nil || *dv.ErrorStyle != "warning") {
				t.Errorf("%s: error style %v, want warning", q.Name, dv.ErrorStyle)
			}
			want := wantEntries(f, q)
			switch {
			case want != nil:
				lists++
				ref, ok := names[dv.Formula1]
				if dv.Type != "list" || !ok {
					t.Errorf("%s: %s validation of %q, want a list by name", q.Name, dv.Type, dv.Formula1)
					continue
				}
				if got := rangeValues(t, x, ref); !slices.Equal(got, want) {
					t.Errorf("%s: list %s = %q, want %q", q.Name, ref, got, want)
				}
			case q.Kind == KindInteger:
				checked++
				if dv.Type != "whole" || dv.Operator != "greaterThanOrEqual" || dv.Formula1 != number(*q.Min) {
					t.Errorf("%s: %s %s %s, want whole >= %v", q.Name, dv.Type, dv.Operator, dv.Formula1, *q.Min)
				}
			case q.Kind == KindDecimal:
				checked++
				if dv.Type != "decimal" || dv.Operator != "greaterThanOrEqual" || dv.Formula1 != "0" {
					t.Errorf("%s: %s %s %s, want decimal >= 0", q.Name, dv.Type, dv.Operator, dv.Formula1)
				}
			case q.Kind == KindKKNumber:
				checked++
				if dv.Type != "textLength" || dv.Formula1 != "16" || dv.Formula2 != "16" {
					t.Errorf("%s: %s %s-%s, want 16 characters", q.Name, dv.Type, dv.Formula1, dv.Formula2)
				}
			}
		}
		wantLists := 32 // 27 yes/no, 4 code lists, sex
		if area != nil {
			wantLists += 4 // kode_desa, kabupaten, kecamatan, desa
		}
		if lists != wantLists || checked != 8 {
			t.Errorf("%d drop-downs and %d number checks, want %d and 8", lists, checked, wantLists)
		}
		x.Close()
	}
}

// wantEntries are the entries a question's drop-down must offer, nil when
// it has none.
func wantEntries(f *Form, q *Question) []string {
	var out []string
	a := f.Area
	switch q.Role {
	case RoleKabupaten:
		return []string{a.Name}
	case RoleKecamatan:
		for _, k := range a.Kecamatan {
			out = append(out, k.Name)
		}
		return out
	case RoleDesa, RoleVillage:
		for _, k := range a.Kecamatan {
			for _, d := range k.Desa {
				if q.Role == RoleDesa {
					out = append(out, d.Name)
				} else {
					out = append(out, d.Code)
				}
			}
		}
		return out
	}
	if q.List == nil {
		return nil
	}
	for _, c := range q.List.Choices {
		out = append(out, c.Entry)
	}
	return out
}

// rangeValues reads the cells of a one-column range like 'Kode'!$C$5:$C$8.
func rangeValues(t *testing.T, x *excelize.File, ref string) []string {
	t.Helper()
	sheet, cells, ok := strings.Cut(ref, "!")
	if !ok {
		t.Fatalf("range %q", ref)
	}
	sheet = strings.ReplaceAll(strings.Trim(sheet, "'"), "''", "'")
	from, to, _ := strings.Cut(strings.ReplaceAll(cells, "$", ""), ":")
	c1, r1, err1 := excelize.CellNameToCoordinates(from)
	c2, r2, err2 := excelize.CellNameToCoordinates(to)
	if err1 != nil || err2 != nil || c1 != c2 {
		t.Fatalf("range %q", ref)
	}
	var out []string
	for r := r1; r <= r2; r++ {
		v, err := x.GetCellValue(sheet, cell(c1, r))
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, v)
	}
	return out
}

func firstRunes(s string, n int) string {
	r := []rune(s)
	return string(r[:min(n, len(r))])
}
