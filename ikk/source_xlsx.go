package ikk

import (
	"errors"
	"fmt"
	"os"
	"strings"

	"github.com/xuri/excelize/v2"
)

// Limits on what an untrusted workbook may inflate to. Worksheet XML
// compresses 10 to 15 times (a million families with inline strings: 180 MB
// zipped, 2.3 GB inflated); a zip bomb compresses hundreds or thousands of
// times. So a workbook may inflate to 40 times its size, and never less
// than 1 GiB.
const (
	xlsxMaxRatio      = 40
	xlsxMinUnzipLimit = 1 << 30
	xlsxUnzipXMLLimit = 64 << 20 // sheets larger than this stream through a temporary file
)

func xlsxUnzipLimit(path string) int64 {
	limit := int64(xlsxMinUnzipLimit)
	if st, err := os.Stat(path); err == nil && st.Size()*xlsxMaxRatio > limit {
		limit = st.Size() * xlsxMaxRatio
	}
	return limit
}

type xlsxBook struct {
	path string
	f    *excelize.File
}

func openXLSX(path string) (wb Workbook, err error) {
	defer func() {
		if r := recover(); r != nil {
			wb, err = nil, &InputError{Path: path, Err: fmt.Errorf("the workbook is damaged and cannot be read (%v)", r)}
		}
	}()
	limit := xlsxUnzipLimit(path)
	f, err := excelize.OpenFile(path, excelize.Options{UnzipSizeLimit: limit, UnzipXMLSizeLimit: xlsxUnzipXMLLimit})
	if err != nil {
		return nil, &InputError{Path: path, Err: xlsxOpenError(err, limit)}
	}
	return &xlsxBook{path: path, f: f}, nil
}

func xlsxOpenError(err error, limit int64) error {
	msg := err.Error()
	switch {
	case errors.Is(err, excelize.ErrWorkbookFileFormat):
		return errors.New("not a readable Excel workbook; save it as .xlsx (Excel Workbook) or CSV UTF-8")
	case strings.Contains(msg, "zip: not a valid zip file"), strings.Contains(msg, "unexpected EOF"), strings.Contains(msg, "zip:"):
		return fmt.Errorf("the workbook is damaged or truncated (%v); open it in Excel or LibreOffice and save it again", err)
	case strings.Contains(msg, "unzip size"):
		return fmt.Errorf("the workbook inflates beyond %d MiB (%d times its size); it is refused as a possible zip bomb", limit>>20, xlsxMaxRatio)
	}
	return fmt.Errorf("cannot read the workbook: %v", err)
}

func (b *xlsxBook) Sheets() []string { return b.f.GetSheetList() }
func (b *xlsxBook) Close() error     { return b.f.Close() }

func (b *xlsxBook) Rows(sheet string) (src Source, err error) {
	defer func() {
		if r := recover(); r != nil {
			src, err = nil, &InputError{Path: b.path, Sheet: sheet, Err: fmt.Errorf("the sheet is damaged and cannot be read (%v)", r)}
		}
	}()
	rows, err := b.f.Rows(sheet)
	if err != nil {
		return nil, &InputError{Path: b.path, Sheet: sheet, Err: xlsxOpenError(err, xlsxUnzipLimit(b.path))}
	}
	return &xlsxSource{rows: rows, sheet: sheet}, nil
}

// xlsxSource streams a worksheet with excelize's row iterator, reading raw
// cell values (never the formatted text, which loses precision and follows
// US number formats).
type xlsxSource struct {
	rows  *excelize.Rows
	sheet string
	num   int
	row   Row
	err   error
}

var rawValues = excelize.Options{RawCellValue: true}

func (s *xlsxSource) Next() (ok bool) {
	if s.err != nil {
		return false
	}
	defer func() {
		if r := recover(); r != nil {
			s.err, ok = fmt.Errorf("row %d: the sheet is damaged and cannot be read (%v)", s.num+1, r), false
		}
	}()
	if !s.rows.Next() {
		if err := s.rows.Error(); err != nil {
			s.err = fmt.Errorf("after row %d: %v", s.num, err)
		}
		return false
	}
	// The iterator yields every row number, an empty slice for a gap.
	s.num++
	cols, err := s.rows.Columns(rawValues)
	if err != nil {
		s.err = fmt.Errorf("row %d: %v", s.num, err)
		return false
	}
	s.row.Num = s.num
	s.row.Cells = s.row.Cells[:0]
	for _, v := range cols {
		s.row.Cells = append(s.row.Cells, Cell{Value: v})
	}
	return true
}

func (s *xlsxSource) Row() Row      { return s.row }
func (s *xlsxSource) Err() error    { return s.err }
func (s *xlsxSource) Sheet() string { return s.sheet }
func (s *xlsxSource) Close() error  { return s.rows.Close() }
