// Package xlsx streams the rows of .xlsx worksheets and keeps each cell's
// type.
//
// It exists because survey workbooks carry numbers in two shapes that must
// not be confused: a numeric cell whose stored text is "37.125" is 37.125,
// while a text cell typed by a cadre as "37.125" is, in Indonesian notation,
// 37125.
// excelize's row iterator returns both as the same string. This reader also
// reports a worksheet cut short inside an intact zip as an error instead of
// ending quietly, tells a formula saved without its result from a blank
// cell, and keeps memory flat however many rows a sheet has: only the
// shared-string table is held whole, compactly. Because a file of a few
// megabytes can inflate to gigabytes, what it may make the reader hold or do
// is bounded at every level, each bound far above any real survey: the bytes
// a zip part inflates to (ErrTooLarge), and one string or value, a row's
// cells and text, the table, a tag (ErrLimit).
package xlsx

import (
	"archive/zip"
	"errors"
	"fmt"
	"io"
	"net/url"
	"path"
	"strings"
	"sync/atomic"
)

// Options tunes Open. The zero value is ready to use.
type Options struct {
	// MaxPartBytes bounds the bytes inflated from any one zip part, whatever the zip headers claim (zip-bomb guard). 0 means a default of 1 GiB.
	MaxPartBytes int64
	// MaxSharedStringBytes bounds the shared-string table held in memory,
	// its text and 4 bytes a string. 0 means a default of 256 MiB.
	MaxSharedStringBytes int64
}

// defaultMaxPartBytes is far above any survey sheet (a 100,000-household
// sheet of 46 columns is around 150 MB of XML) yet small enough that a
// crafted part cannot exhaust memory or time.
const defaultMaxPartBytes = 1 << 30

// ErrTooLarge is wrapped in the error returned when a part inflates past
// Options.MaxPartBytes, so callers can tell a hostile or absurd file from a
// merely malformed one with errors.Is.
var ErrTooLarge = errors.New("xlsx: part too large")

// ErrLimit is wrapped in the error returned for content beyond what any real
// workbook holds: a string longer than Excel allows, a row of more cells
// than a sheet has columns, a shared-string table of hundreds of MiB. Such
// content is refused before it is held, because a file small on disk can
// carry it (a zip bomb), and holding it would exhaust memory or time.
var ErrLimit = errors.New("beyond the limits of a real workbook")

// limitError is an ErrLimit with what was found.
type limitError struct{ msg string }

func (e *limitError) Error() string        { return e.msg }
func (e *limitError) Is(target error) bool { return target == ErrLimit }

func limitErrorf(format string, args ...any) error {
	return &limitError{fmt.Sprintf(format, args...)}
}

// Workbook is an open .xlsx file. It holds the zip directory and the shared
// strings, and hands out independent row iterators; close it when done,
// after the Rows taken from it.
type Workbook struct {
	zr       *zip.ReadCloser
	max      int64
	maxTable int64
	parts    map[string]*zip.File // by normalised name
	folded   map[string]*zip.File // by lower-cased normalised name
	sheets   []sheetRef
	sst      *sstTable
	sstPart  string // for tests
}

// sheetRef remembers where a sheet's XML lives; problem is kept instead of
// failing Open so that one broken or foreign sheet entry does not make the
// other sheets unreadable.
type sheetRef struct {
	name    string
	part    string
	problem string
	// hidden is a sheet Excel does not show (state "hidden" or
	// "veryHidden"): instructions, lookup lists, a copy kept aside. Its
	// rows are not what a user sees as the workbook's data.
	hidden bool
}

// Open reads the workbook's directory, sheet list and shared strings; the
// sheets themselves are read only when asked for, row by row.
func Open(path string, opt Options) (*Workbook, error) {
	zr, err := zip.OpenReader(path)
	if err != nil && !errors.Is(err, zip.ErrInsecurePath) {
		// ErrInsecurePath only warns about names like "../x"; nothing is
		// extracted to disk here, so such a zip is still readable.
		return nil, fmt.Errorf("xlsx: %s: %w", path, err)
	}
	w := &Workbook{zr: zr, max: opt.MaxPartBytes, maxTable: opt.MaxSharedStringBytes}
	if w.max <= 0 {
		w.max = defaultMaxPartBytes
	}
	if w.maxTable <= 0 {
		w.maxTable = defaultMaxTableBytes
	}
	// The table addresses at most sstMaxChunks chunks of 1 MiB.
	w.maxTable = min(w.maxTable, 768<<20)
	if err := w.load(); err != nil {
		zr.Close()
		return nil, fmt.Errorf("xlsx: %s: %w", path, err)
	}
	return w, nil
}

func (w *Workbook) load() error {
	w.parts = make(map[string]*zip.File, len(w.zr.File))
	w.folded = make(map[string]*zip.File, len(w.zr.File))
	for _, f := range w.zr.File {
		name := normalisePartName(f.Name)
		// The first entry wins when a name repeats, so that which copy is
		// read does not depend on map order.
		if _, ok := w.parts[name]; !ok {
			w.parts[name] = f
		}
		if _, ok := w.folded[strings.ToLower(name)]; !ok {
			w.folded[strings.ToLower(name)] = f
		}
	}
	if w.lookup(workbookPart) == nil {
		return errors.New("not an xlsx workbook: no " + workbookPart)
	}
	rels, err := w.readRels(workbookRelsPart)
	if err != nil {
		return err
	}
	sheets, err := w.readWorkbook(workbookPart)
	if err != nil {
		return err
	}
	sstPart := "xl/sharedStrings.xml"
	for _, rel := range rels {
		if strings.HasSuffix(rel.typ, "/sharedStrings") {
			sstPart = rel.target
			break
		}
	}
	for i := range sheets {
		s := &sheets[i]
		if s.problem != "" {
			continue
		}
		rel, ok := findRel(rels, s.part)
		switch {
		case !ok:
			s.problem = fmt.Sprintf("no relationship %q in %s", s.part, workbookRelsPart)
		case rel.external:
			s.problem = fmt.Sprintf("relationship %q points outside the file", s.part)
		default:
			s.part = rel.target
		}
	}
	w.sheets = sheets
	w.sstPart = sstPart
	if w.lookup(sstPart) != nil {
		if w.sst, err = w.readSharedStrings(sstPart); err != nil {
			return err
		}
	}
	return nil
}

const (
	workbookPart     = "xl/workbook.xml"
	workbookRelsPart = "xl/_rels/workbook.xml.rels"
)

// normalisePartName maps zip entry names to OPC part names without the
// leading slash: some writers store backslashes or a leading "/".
func normalisePartName(name string) string {
	name = strings.ReplaceAll(name, "\\", "/")
	return strings.TrimPrefix(name, "/")
}

// lookup finds a part by name, falling back to a case-insensitive match
// because OPC part names are case-insensitive and some writers capitalise.
func (w *Workbook) lookup(name string) *zip.File {
	if f, ok := w.parts[name]; ok {
		return f
	}
	return w.folded[strings.ToLower(name)]
}

// resolveTarget turns a relationship target, relative to the folder of the
// part that owns the relationships or absolute from the package root, into
// a part name.
func resolveTarget(baseDir, target string) string {
	target = strings.ReplaceAll(target, "\\", "/")
	if strings.Contains(target, "%") {
		if u, err := url.PathUnescape(target); err == nil {
			target = u
		}
	}
	if strings.HasPrefix(target, "/") {
		return strings.TrimPrefix(path.Clean(target), "/")
	}
	return path.Join(baseDir, target)
}

// openPart opens a part for streaming behind the size bound; the bound is
// enforced on the bytes actually inflated because the sizes in the zip
// headers are written by whoever made the file.
func (w *Workbook) openPart(name string) (io.ReadCloser, error) {
	return w.openPartMax(name, w.max)
}

// maxSmallPartBytes bounds the workbook and relationship parts, which
// encoding/xml reads and which hold one line per sheet: a few kilobytes in
// a real file, where a crafted one could make a single token of the whole
// part.
const maxSmallPartBytes = 16 << 20

// openSmallPart is openPart for the workbook and relationship parts.
func (w *Workbook) openSmallPart(name string) (io.ReadCloser, error) {
	return w.openPartMax(name, min(w.max, maxSmallPartBytes))
}

func (w *Workbook) openPartMax(name string, max int64) (io.ReadCloser, error) {
	f := w.lookup(name)
	if f == nil {
		return nil, fmt.Errorf("missing part %s", name)
	}
	rc, err := f.Open()
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return &boundedPart{rc: rc, name: name, max: max, size: int64(min(f.UncompressedSize64, 1<<62))}, nil
}

// boundedPart counts the bytes read from one inflating part and fails with
// ErrTooLarge once they pass max, before an oversized part can be consumed
// whole.
type boundedPart struct {
	rc   io.ReadCloser
	name string
	n    int64
	max  int64
	err  error
	// size is what the zip header claims, for progress only; read is n,
	// published for another goroutine.
	size int64
	read atomic.Int64
}

func (b *boundedPart) Read(p []byte) (int, error) {
	if b.err != nil {
		return 0, b.err
	}
	// Ask for at most one byte past the bound: enough to see it crossed.
	if room := b.max - b.n + 1; int64(len(p)) > room {
		p = p[:room]
	}
	n, err := b.rc.Read(p)
	b.n += int64(n)
	b.read.Store(b.n)
	if b.n > b.max {
		b.err = fmt.Errorf("%w: %s inflated past %d bytes", ErrTooLarge, b.name, b.max)
		return n - int(b.n-b.max), b.err
	}
	return n, err
}

func (b *boundedPart) Close() error { return b.rc.Close() }

// Sheets lists the sheet names in workbook order, which is the order a user
// sees the tabs in and so the order in which "the first sheet" is meant.
func (w *Workbook) Sheets() []string {
	names := make([]string, len(w.sheets))
	for i, s := range w.sheets {
		names[i] = s.name
	}
	return names
}

// Rows starts streaming one sheet. Several Rows may be open at once; each
// reads its own copy of the part, inflating it in a goroutine of its own
// that reading to the end, an error or Close stops. The name is found as
// Hidden finds it.
func (w *Workbook) Rows(sheet string) (*Rows, error) {
	ref := w.sheet(sheet)
	if ref == nil {
		return nil, fmt.Errorf("xlsx: no sheet named %q", sheet)
	}
	if ref.problem != "" {
		return nil, fmt.Errorf("xlsx: sheet %q: %s", ref.name, ref.problem)
	}
	rc, err := w.openPart(ref.part)
	if err != nil {
		return nil, fmt.Errorf("xlsx: sheet %q: %w", ref.name, err)
	}
	r := newRows(ref.name, ref.part, rc, w.sst)
	r.bounded = rc.(*boundedPart)
	return r, nil
}

// Hidden reports whether the sheet is hidden in Excel (state "hidden" or
// "veryHidden"); false for a sheet the workbook does not have.
func (w *Workbook) Hidden(sheet string) bool {
	ref := w.sheet(sheet)
	return ref != nil && ref.hidden
}

// sheet finds a sheet by name: an exact name is preferred, then a
// case-insensitive one, because Excel treats sheet names case-insensitively.
func (w *Workbook) sheet(name string) *sheetRef {
	for i := range w.sheets {
		if w.sheets[i].name == name {
			return &w.sheets[i]
		}
	}
	for i := range w.sheets {
		if strings.EqualFold(w.sheets[i].name, name) {
			return &w.sheets[i]
		}
	}
	return nil
}

// Close releases the file. Rows still open on it fail on their next read.
func (w *Workbook) Close() error {
	w.sst.close()
	if w.zr == nil {
		return nil
	}
	err := w.zr.Close()
	w.zr = nil
	return err
}
