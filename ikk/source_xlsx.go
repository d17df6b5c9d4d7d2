package ikk

import (
	"errors"
	"fmt"
	"os"
	"slices"
	"strconv"
	"strings"

	"github.com/ikk-tools/ikk/internal/xlsx"
)

// Limits on what an untrusted workbook may inflate to. Worksheet XML
// compresses 10 to 15 times (a million families with inline strings: 180 MB
// zipped, 2.3 GB inflated); a zip bomb compresses hundreds or thousands of
// times. So a part may inflate to 40 times the file's size, and never less
// than 1 GiB.
const (
	xlsxMaxRatio      = 40
	xlsxMinUnzipLimit = 1 << 30
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
	wb   *xlsx.Workbook
}

func openXLSX(path string) (wb Workbook, err error) {
	// The reader is built not to panic; this is the last line of defence for
	// a file crafted to find a way.
	defer func() {
		if r := recover(); r != nil {
			wb, err = nil, &InputError{Path: path, Err: say(MsgWorkbookPanic, "detail", fmt.Sprint(r))}
		}
	}()
	limit := xlsxUnzipLimit(path)
	w, err := xlsx.Open(path, xlsx.Options{MaxPartBytes: limit})
	if err != nil {
		return nil, &InputError{Path: path, Err: xlsxError(err, path, limit)}
	}
	return &xlsxBook{path: path, wb: w}, nil
}

// xlsxError says what went wrong in words for the user. The InputError it
// goes into names the file, so the reader's own prefix and the path are
// left out of the reader's message where it is quoted.
func xlsxError(err error, path string, limit int64) error {
	msg := err.Error()
	detail := strings.TrimPrefix(strings.TrimPrefix(msg, "xlsx: "), path+": ")
	switch {
	case errors.Is(err, xlsx.ErrTooLarge):
		return say(MsgWorkbookBomb, "mib", strconv.FormatInt(limit>>20, 10), "ratio", strconv.Itoa(xlsxMaxRatio))
	case errors.Is(err, xlsx.ErrLimit):
		// The message names the part or the sheet and row.
		return say(MsgWorkbookLimit, "detail", detail)
	case strings.Contains(msg, "zip:"), strings.Contains(msg, "unexpected EOF"), strings.Contains(msg, "flate"):
		return say(MsgWorkbookDamaged, "detail", err.Error())
	}
	return say(MsgWorkbookUnreadable, "detail", err.Error())
}

func (b *xlsxBook) Sheets() []string { return b.wb.Sheets() }

// Hidden reports a sheet Excel does not show, which findSheet reads only
// when it is named.
func (b *xlsxBook) Hidden(sheet string) bool { return b.wb.Hidden(sheet) }
func (b *xlsxBook) Close() error             { return b.wb.Close() }

func (b *xlsxBook) Rows(sheet string) (src Source, err error) {
	defer func() {
		if r := recover(); r != nil {
			src, err = nil, &InputError{Path: b.path, Sheet: sheet, Err: say(MsgSheetPanic, "detail", fmt.Sprint(r))}
		}
	}()
	rows, err := b.wb.Rows(sheet)
	if err != nil {
		return nil, &InputError{Path: b.path, Sheet: sheet, Err: xlsxError(err, b.path, xlsxUnzipLimit(b.path))}
	}
	return &xlsxSource{rows: rows, path: b.path, sheet: sheet, limit: xlsxUnzipLimit(b.path)}, nil
}

// xlsxSource streams a worksheet, keeping each cell's type: a numeric cell
// holding 37.125 is read as a number, while text "37.125" is read the
// Indonesian way, as 37125.
type xlsxSource struct {
	rows    *xlsx.Rows
	path    string
	sheet   string
	limit   int64
	num     int  // the row number last yielded
	pending bool // rows holds a row not yet yielded
	row     Row
	err     error
}

func (s *xlsxSource) Next() bool {
	var ok bool
	s.row.Cells, s.row.Num, ok = s.appendNext(s.row.Cells[:0])
	return ok
}

// appendNext reads the next row, appending its cells to dst.
func (s *xlsxSource) appendNext(dst []Cell) (cells []Cell, num int, ok bool) {
	if s.err != nil {
		return dst, 0, false
	}
	defer func() {
		if r := recover(); r != nil {
			s.err, ok = say(MsgRowPanic, "row", strconv.Itoa(s.num+1), "detail", fmt.Sprint(r)), false
		}
	}()
	if !s.pending {
		if !s.rows.Next() {
			if err := s.rows.Err(); err != nil {
				s.err = xlsxError(err, s.path, s.limit)
			}
			return dst, 0, false
		}
		s.pending = true
	}
	// A row the sheet does not mention, between two it does, is a blank row
	// of the sheet: yield it so that it is counted as a CSV's empty line is.
	if next := s.rows.Num(); next > s.num+1 && s.num > 0 {
		s.num++
		return dst, s.num, true
	}
	s.num = s.rows.Num()
	dst = slices.Grow(dst, len(s.rows.Cells())) // one allocation, not a doubling series
	for _, c := range s.rows.Cells() {
		cell := Cell{Value: c.Value}
		switch c.Type {
		case xlsx.TypeNumber:
			cell.Kind = KindNumber
		case xlsx.TypeBool:
			cell.Kind = KindBool
		case xlsx.TypeFormula:
			cell.Kind = KindFormula
		}
		dst = append(dst, cell)
	}
	s.pending = false
	return dst, s.num, true
}

func (s *xlsxSource) Row() Row      { return s.row }
func (s *xlsxSource) Err() error    { return s.err }
func (s *xlsxSource) Sheet() string { return s.sheet }
func (s *xlsxSource) Close() error  { return s.rows.Close() }

// Position is how far the worksheet has been read, for the progress line.
func (s *xlsxSource) Position() (done, total int64) { return s.rows.Position() }
