package ikk

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// Source is a stream of spreadsheet rows. Row numbers are those a spreadsheet
// program shows (the first row is 1); cells are raw values, not formatted ones.
// Implementations must not keep more than a row in memory.
type Source interface {
	// Next advances to the next row; it returns false at the end or on error.
	Next() bool
	// Row returns the current row. The slice is reused by the next call.
	Row() Row
	// Err returns the error that stopped Next, if any.
	Err() error
	// Sheet names the worksheet ("" for CSV).
	Sheet() string
	Close() error
}

// Row is one spreadsheet row.
type Row struct {
	Num   int
	Cells []Cell
}

// Cell is a raw cell value with what the reader knows of its type.
type Cell struct {
	Value string
	Kind  CellKind
}

// InputError is a problem with an input file as a whole: it cannot be opened,
// is not a spreadsheet, has no usable sheet.
type InputError struct {
	Path  string
	Sheet string
	Err   error
	// Partial is set when households of the file were already scored: such
	// a file cannot be skipped without leaving part of it in the results.
	Partial bool
}

func (e *InputError) Error() string {
	if e.Sheet != "" {
		return fmt.Sprintf("%s: sheet %q: %v", e.Path, e.Sheet, e.Err)
	}
	return fmt.Sprintf("%s: %v", e.Path, e.Err)
}

func (e *InputError) Unwrap() error { return e.Err }

// Format of an input file, decided from its bytes and its name.
type Format int

const (
	FormatUnknown Format = iota
	FormatCSV
	FormatXLSX
)

// Inputs are the files of a run.
type Inputs struct {
	Files []string
	// InFolder marks files found by walking a folder: one that turns out not
	// to be a readable survey (a results CSV, a damaged workbook) is skipped
	// with an issue instead of failing the whole batch. A file named on the
	// command line is read or fails the run.
	InFolder map[string]bool
	// Unsupported lists spreadsheets found in folders in formats ikk does not
	// read (.xls, .ods), so that no village is left out silently.
	Unsupported []string
}

// ExpandInputs turns the command-line inputs into a sorted list of files:
// a folder stands for every .xlsx, .xlsm and .csv below it. A file named
// twice is refused, since its households would be counted twice. Files in
// exclude (the run's own outputs) are left out of folders.
func ExpandInputs(args []string, exclude ...string) (*Inputs, error) {
	in := &Inputs{InFolder: map[string]bool{}}
	seen := map[string]string{}
	excluded := map[string]bool{}
	for _, e := range exclude {
		if abs, err := filepath.Abs(e); err == nil {
			excluded[abs] = true
		}
	}
	addFile := func(p string, inFolder bool) error {
		abs, err := filepath.Abs(p)
		if err != nil {
			return &InputError{Path: p, Err: err}
		}
		if inFolder && excluded[abs] {
			return nil
		}
		if first, dup := seen[abs]; dup {
			return &InputError{Path: p, Err: fmt.Errorf("named twice (also as %s); each file may be read once", first)}
		}
		seen[abs] = p
		in.Files = append(in.Files, p)
		if inFolder {
			in.InFolder[p] = true
		}
		return nil
	}
	for _, a := range args {
		st, err := os.Stat(a)
		if err != nil {
			if errors.Is(err, os.ErrNotExist) {
				return nil, &InputError{Path: a, Err: errors.New("no such file or folder")}
			}
			return nil, &InputError{Path: a, Err: err}
		}
		if !st.IsDir() {
			if err := addFile(a, false); err != nil {
				return nil, err
			}
			continue
		}
		var found, unsupported []string
		// A trailing separator makes WalkDir follow a folder given as a
		// symbolic link, as os.Stat above did.
		root := a
		if !strings.HasSuffix(root, string(os.PathSeparator)) {
			root += string(os.PathSeparator)
		}
		err = filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
			if err != nil {
				return err
			}
			name := d.Name()
			if d.IsDir() {
				if p != root && strings.HasPrefix(name, ".") {
					return filepath.SkipDir
				}
				return nil
			}
			// Excel leaves "~$name.xlsx" lock files beside open workbooks;
			// ikk's own temporary outputs start with a dot.
			if strings.HasPrefix(name, "~$") || strings.HasPrefix(name, ".") {
				return nil
			}
			switch strings.ToLower(filepath.Ext(name)) {
			case ".xlsx", ".xlsm", ".csv":
				found = append(found, p)
			case ".xls", ".ods", ".xlsb", ".numbers":
				unsupported = append(unsupported, p)
			}
			return nil
		})
		if err != nil {
			return nil, &InputError{Path: a, Err: err}
		}
		if len(found) == 0 {
			return nil, &InputError{Path: a, Err: errors.New("folder holds no .xlsx or .csv file")}
		}
		sort.Strings(found)
		sort.Strings(unsupported)
		for _, f := range found {
			if err := addFile(f, true); err != nil {
				return nil, err
			}
		}
		in.Unsupported = append(in.Unsupported, unsupported...)
	}
	return in, nil
}

// sniff decides a file's format from its first bytes, so that a renamed file
// is read for what it is and an old .xls gets advice instead of garbage.
func sniff(path string) (Format, error) {
	f, err := os.Open(path)
	if err != nil {
		return FormatUnknown, err
	}
	defer f.Close()
	head := make([]byte, 512)
	n, err := io.ReadFull(f, head)
	if err != nil && !errors.Is(err, io.ErrUnexpectedEOF) && !errors.Is(err, io.EOF) {
		return FormatUnknown, err
	}
	head = head[:n]
	ext := strings.ToLower(filepath.Ext(path))
	switch {
	case n == 0:
		return FormatUnknown, errors.New("the file is empty")
	case bytes.HasPrefix(head, []byte{0xD0, 0xCF, 0x11, 0xE0}):
		return FormatUnknown, errors.New("this is an old Excel 97-2003 workbook (.xls) or an encrypted one; open it in Excel or LibreOffice and save it as .xlsx (Excel Workbook) or CSV UTF-8")
	case bytes.HasPrefix(head, []byte("PK\x03\x04")):
		return FormatXLSX, nil
	case bytes.HasPrefix(head, []byte("%PDF")):
		return FormatUnknown, errors.New("this is a PDF, not a spreadsheet; ikk reads .xlsx and .csv")
	case ext == ".xlsx":
		return FormatUnknown, errors.New("the file is named .xlsx but is not an Excel workbook (no ZIP signature); it may be damaged, or another format renamed")
	case ext == ".csv" || ext == ".txt" || ext == ".tsv":
		// UTF-16 text (Excel's "Unicode Text") is full of NUL bytes; its
		// byte-order mark tells it from binary data.
		utf16 := bytes.HasPrefix(head, []byte{0xFF, 0xFE}) || bytes.HasPrefix(head, []byte{0xFE, 0xFF})
		if bytes.IndexByte(head, 0) >= 0 && !utf16 {
			return FormatUnknown, errors.New("the file holds binary data, not CSV text")
		}
		return FormatCSV, nil
	case ext == ".xls":
		return FormatUnknown, errors.New("old Excel workbooks (.xls) are not read; save it as .xlsx or CSV UTF-8")
	}
	return FormatUnknown, fmt.Errorf("not a spreadsheet ikk reads (accepted: .xlsx, .csv)")
}

// Open opens a survey file. sheet selects a worksheet of a workbook; "" means
// every sheet is offered in order, so the caller can pick the first whose
// header matches.
func Open(path string) (Workbook, error) {
	format, err := sniff(path)
	if err != nil {
		return nil, &InputError{Path: path, Err: err}
	}
	switch format {
	case FormatCSV:
		return openCSV(path)
	default:
		return openXLSX(path)
	}
}

// Workbook is an opened input file: one or more sheets.
type Workbook interface {
	Sheets() []string
	// Rows streams one sheet ("" for a CSV file).
	Rows(sheet string) (Source, error)
	Close() error
}
