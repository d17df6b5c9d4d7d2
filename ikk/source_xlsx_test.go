package ikk

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// testSheet is one sheet of a workbook built by testBook.
type testSheet struct {
	name   string
	hidden string // "", "hidden" or "veryHidden"
	rows   [][]any
}

// testBook writes the sheets with excelize, in order, and returns the path.
func testBook(t *testing.T, sheets ...testSheet) string {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	for i, s := range sheets {
		if i == 0 {
			if err := f.SetSheetName("Sheet1", s.name); err != nil {
				t.Fatal(err)
			}
		} else if _, err := f.NewSheet(s.name); err != nil {
			t.Fatal(err)
		}
		for r, row := range s.rows {
			cell, _ := excelize.CoordinatesToCellName(1, r+1)
			if err := f.SetSheetRow(s.name, cell, &row); err != nil {
				t.Fatal(err)
			}
		}
	}
	// Hidden last: excelize refuses to hide the active sheet, so the first
	// visible one is made active first.
	for i, s := range sheets {
		if s.hidden == "" {
			f.SetActiveSheet(i)
			break
		}
	}
	for _, s := range sheets {
		if s.hidden != "" {
			if err := f.SetSheetVisible(s.name, false, s.hidden == "veryHidden"); err != nil {
				t.Fatal(err)
			}
		}
	}
	path := filepath.Join(t.TempDir(), "book.xlsx")
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	return path
}

// surveyRows is a header and n families of one desa, each with a buku_nikah
// answer, so that every row is scored.
func surveyRows(n int) [][]any {
	rows := [][]any{{"kode_desa", "kecamatan", "desa", "no_kk", "status_kawin_kk", "buku_nikah"}}
	for i := range n {
		rows = append(rows, []any{"63.09.06.2004", "Kelua", "Sungai Harapan", fmt.Sprintf("63090601011%05d", i+1), 2, "Ya"})
	}
	return rows
}

// TestHiddenSheet: a hidden sheet whose header matches (instructions with an
// example row) is passed over for the visible data sheet, and said so; it is
// read only when named.
func TestHiddenSheet(t *testing.T) {
	for _, state := range []string{"hidden", "veryHidden"} {
		t.Run(state, func(t *testing.T) {
			path := testBook(t,
				testSheet{name: "Petunjuk", hidden: state, rows: surveyRows(1)},
				testSheet{name: "Data", rows: surveyRows(20)})
			res, err := Score(context.Background(), defaultSet(t), []string{path}, Options{})
			if err != nil {
				t.Fatal(err)
			}
			in := res.Inputs[0]
			if in.Sheet != "Data" || in.Scored != 20 || in.SheetHidden || !slices.Equal(in.HiddenSkipped, []string{"Petunjuk"}) {
				t.Errorf("read sheet %q (hidden %v), %d scored, hidden skipped %q; want Data, 20, [Petunjuk]", in.Sheet, in.SheetHidden, in.Scored, in.HiddenSkipped)
			}

			res, err = Score(context.Background(), defaultSet(t), []string{path}, Options{Sheet: "Petunjuk"})
			if err != nil {
				t.Fatal(err)
			}
			in = res.Inputs[0]
			if in.Sheet != "Petunjuk" || in.Scored != 1 || !in.SheetHidden || len(in.HiddenSkipped) != 0 {
				t.Errorf("--sheet Petunjuk: read %q (hidden %v), %d scored, skipped %q", in.Sheet, in.SheetHidden, in.Scored, in.HiddenSkipped)
			}
		})
	}
	t.Run("only a hidden sheet matches", func(t *testing.T) {
		path := testBook(t,
			testSheet{name: "Sampul", rows: [][]any{{"Survei keluarga 2024"}}},
			testSheet{name: "Data", hidden: "hidden", rows: surveyRows(3)})
		_, err := Score(context.Background(), defaultSet(t), []string{path}, Options{})
		var ie *InputError
		if !errors.As(err, &ie) || !strings.Contains(err.Error(), `hidden sheet "Data"`) || !strings.Contains(err.Error(), `--sheet "Data"`) {
			t.Fatalf("err = %v; want an InputError naming the hidden sheet and --sheet", err)
		}
	})
	t.Run("hidden sheet after the data is not mentioned", func(t *testing.T) {
		path := testBook(t,
			testSheet{name: "Data", rows: surveyRows(2)},
			testSheet{name: "Cadangan", hidden: "hidden", rows: surveyRows(2)})
		res, err := Score(context.Background(), defaultSet(t), []string{path}, Options{})
		if err != nil {
			t.Fatal(err)
		}
		if in := res.Inputs[0]; in.Sheet != "Data" || in.SheetHidden || len(in.HiddenSkipped) != 0 {
			t.Errorf("read %q (hidden %v), skipped %q", in.Sheet, in.SheetHidden, in.HiddenSkipped)
		}
	})
}
