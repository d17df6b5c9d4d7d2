package form

import (
	"io"

	"github.com/xuri/excelize/v2"
)

func newBook() (*excelize.File, error) { return excelize.NewFile(), nil }

// finish sets the document properties without a wall-clock time, so that
// the same set gives the same bytes, makes sheet active the one shown on
// opening, and writes the workbook.
func finish(x *excelize.File, w io.Writer, active int) error {
	if err := x.SetDocProps(&excelize.DocProperties{Creator: "ikk", Created: "2000-01-01T00:00:00Z", Modified: "2000-01-01T00:00:00Z"}); err != nil {
		return err
	}
	x.SetActiveSheet(active)
	_, err := x.WriteTo(w)
	return err
}
