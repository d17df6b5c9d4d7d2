package ikk

import (
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
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
	// Changed is set when the file changed while it was read: never
	// skipped, since what was read of it is neither the old nor the new file.
	Changed bool
}

func (e *InputError) Error() string { return e.Msg().Error() }

// Msg says the error as a message: the file, the sheet, and the cause.
func (e *InputError) Msg() *Message {
	if e.Sheet != "" {
		return sayErr(MsgInputSheet, e.Err, "path", e.Path, "sheet", e.Sheet)
	}
	return sayErr(MsgInput, e.Err, "path", e.Path)
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
	// Repeats lists the files reached a second time (through a link, a hard
	// link, or named and also found in a folder): each is read once only.
	Repeats []RepeatedInput
	// Replaced lists the files of folders that an output of this run will
	// replace and that hold no survey (the report of an earlier run): they
	// are left out. Guard fills it.
	Replaced []string
	// info is each file's identity, size and time when the run began, to
	// tell a file that changes while it is read.
	info map[string]os.FileInfo
}

// RepeatedInput is a file reached again under another name.
type RepeatedInput struct {
	Path   string // the name it was reached under again
	SameAs string // the name it is read under
}

// ExpandInputs turns the command-line inputs into a sorted list of files:
// a folder stands for every .xlsx, .xlsm and .csv below it. Files are told
// apart by identity, not by name: a file reached twice, by a link or by being
// named and found in a folder, is read once and listed in Repeats, since its
// households would otherwise count twice.
func ExpandInputs(args []string) (*Inputs, error) {
	in := &Inputs{InFolder: map[string]bool{}, info: map[string]os.FileInfo{}}
	ids := identities{}
	addFile := func(p string, inFolder bool) error {
		st, err := os.Stat(p)
		if err != nil {
			return &InputError{Path: p, Err: err}
		}
		if first, dup := ids.add(p, st); dup {
			in.Repeats = append(in.Repeats, RepeatedInput{Path: p, SameAs: first})
			return nil
		}
		in.Files = append(in.Files, p)
		in.info[p] = st
		if inFolder {
			in.InFolder[p] = true
		}
		return nil
	}
	for _, a := range args {
		st, err := os.Stat(a)
		if err != nil {
			if errors.Is(err, os.ErrNotExist) {
				return nil, &InputError{Path: a, Err: say(MsgNoSuchPath)}
			}
			return nil, &InputError{Path: a, Err: err}
		}
		if !st.IsDir() {
			if err := addFile(a, false); err != nil {
				return nil, err
			}
			continue
		}
		found, unsupported, err := walkFolder(a)
		if err != nil {
			return nil, err
		}
		for _, f := range found {
			if err := addFile(f, true); err != nil {
				return nil, err
			}
		}
		in.Unsupported = append(in.Unsupported, unsupported...)
	}
	return in, nil
}

// walkFolder lists the surveys below a folder, and the spreadsheets in
// formats ikk does not read, each sorted.
func walkFolder(a string) (found, unsupported []string, err error) {
	// A trailing separator makes WalkDir follow a folder given as a
	// symbolic link, as os.Stat did.
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
		return nil, nil, &InputError{Path: a, Err: err}
	}
	if len(found) == 0 {
		return nil, nil, &InputError{Path: a, Err: say(MsgFolderEmpty)}
	}
	sort.Strings(found)
	sort.Strings(unsupported)
	return found, unsupported, nil
}

// identities finds a file already seen by its identity (device and inode,
// or the volume and file index on Windows), through os.SameFile. Files are
// bucketed by size so that a folder of thousands stays cheap.
type identities map[int64][]namedInfo

type namedInfo struct {
	name string
	info os.FileInfo
}

func (ids identities) add(name string, st os.FileInfo) (first string, dup bool) {
	for _, seen := range ids[st.Size()] {
		if os.SameFile(seen.info, st) {
			return seen.name, true
		}
	}
	ids[st.Size()] = append(ids[st.Size()], namedInfo{name, st})
	return "", false
}

// OutputClashError refuses an output that would replace an input.
type OutputClashError struct {
	Output, Input string
	// InFolder is set when the input is a survey found in a folder, not
	// named on the command line.
	InFolder bool
}

func (e *OutputClashError) Error() string { return e.Msg().Error() }

// Msg says the error as a message.
func (e *OutputClashError) Msg() *Message {
	if e.InFolder {
		return say(MsgOutputClashFolder, "output", e.Output, "input", e.Input)
	}
	return say(MsgOutputClash, "output", e.Output, "input", e.Input)
}

// Guard refuses outputs that would replace an input file, compared by
// identity, so that also a link or a hard link to an input is refused. A
// file found in a folder that an output replaces and that holds no survey of
// set (an earlier run's report) is left out of the inputs and listed in
// Replaced; one that holds a survey is refused.
func (in *Inputs) Guard(set *Set, outputs []string) error {
	cfg := newCompiled(set, Options{})
	for _, out := range outputs {
		st, err := os.Stat(out)
		if err != nil {
			continue // nothing there yet: nothing to replace
		}
		for i, p := range in.Files {
			if !os.SameFile(st, in.info[p]) {
				continue
			}
			if !in.InFolder[p] || cfg.holdsSurvey(p) {
				return &OutputClashError{Output: out, Input: p, InFolder: in.InFolder[p]}
			}
			in.Files = slices.Delete(in.Files, i, i+1)
			delete(in.InFolder, p)
			in.Replaced = append(in.Replaced, p)
			break
		}
	}
	return nil
}

// holdsSurvey reports whether a file has a sheet whose header names the
// set's columns.
func (c *compiled) holdsSurvey(path string) bool {
	wb, err := Open(path)
	if err != nil {
		return false
	}
	defer wb.Close()
	src, _, err := c.findSheet(wb, path)
	if err != nil {
		return false
	}
	src.Close()
	return true
}

// checkUnchanged fails a file whose size or modification time differ from
// what they were when the run began: its rows may be half old, half new.
func (in *Inputs) checkUnchanged(path string) error {
	before, ok := in.info[path]
	if !ok {
		return nil
	}
	now, err := os.Stat(path)
	if err != nil {
		return &InputError{Path: path, Err: err, Changed: true}
	}
	if now.Size() != before.Size() || !now.ModTime().Equal(before.ModTime()) {
		return &InputError{Path: path, Changed: true, Err: say(MsgFileChanged,
			"size", strconv.FormatInt(before.Size(), 10), "now_size", strconv.FormatInt(now.Size(), 10),
			"modified", before.ModTime().Format("2006-01-02 15:04:05"), "now_modified", now.ModTime().Format("2006-01-02 15:04:05"))}
	}
	return nil
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
		return FormatUnknown, say(MsgFileEmpty)
	case bytes.HasPrefix(head, []byte{0xD0, 0xCF, 0x11, 0xE0}):
		return FormatUnknown, say(MsgOldExcel)
	case bytes.HasPrefix(head, []byte("PK\x03\x04")):
		return FormatXLSX, nil
	case bytes.HasPrefix(head, []byte("%PDF")):
		return FormatUnknown, say(MsgPDF)
	case ext == ".xlsx":
		return FormatUnknown, say(MsgNotZip)
	case ext == ".csv" || ext == ".txt" || ext == ".tsv":
		// UTF-16 text (Excel's "Unicode Text") is full of NUL bytes; its
		// byte-order mark tells it from binary data.
		utf16 := bytes.HasPrefix(head, []byte{0xFF, 0xFE}) || bytes.HasPrefix(head, []byte{0xFE, 0xFF})
		if bytes.IndexByte(head, 0) >= 0 && !utf16 {
			return FormatUnknown, say(MsgBinaryCSV)
		}
		return FormatCSV, nil
	case ext == ".xls":
		return FormatUnknown, say(MsgOldExcelName)
	}
	return FormatUnknown, say(MsgNotSpreadsheet)
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
