package report

import (
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
	"sync"
	"sync/atomic"

	"github.com/ikk-tools/ikk/ikk"
	"github.com/xuri/excelize/v2"
)

// Workbook builds the Excel report. Households stream into the Keluarga
// sheet while the surveys are scored (Household), so a kabupaten of
// 300,000 families never sits in memory; the other sheets follow from the
// result (Finish). Numbers are stored as numbers with formats, so an
// Indonesian Excel shows 73,98 and an English one 73.98.
//
// The streamed sheets live in temporary files in a folder of the workbook's
// own, which Close removes: call it on every path, also after a failure or
// on a signal.
type Workbook struct {
	f        *excelize.File
	set      *ikk.Set
	meta     Meta
	personal bool
	outcomes []string // the Keluarga sheet's word for each ikk.Outcome
	st       styles
	err      error

	// The Keluarga sheets: kel streams the current one, whose last row
	// written is kelRow; households counts the households on all of them.
	kel        *excelize.StreamWriter
	kelSheets  []string
	kelRow     int
	households int
	streamed   []string // the parts of the streamed sheets, in sheet order

	tmpDir string // excelize's temporary files, and nothing else
	// mu lets Close come from another goroutine (a signal handler) while a
	// household is added or the workbook written; closing tells a WriteTo in
	// progress to stop at its next write rather than make Close wait for it.
	mu      sync.Mutex
	closing atomic.Bool
	closed  bool
}

// maxSheetRows is the most rows a sheet holds, its header row included:
// Excel's limit. A variable so that tests can continue the Keluarga sheet
// without a million households.
var maxSheetRows = excelize.TotalRows

// errClosed is the error of a workbook used after Close.
var errClosed = errors.New("workbook closed")

// WorkbookOption configures NewWorkbook.
type WorkbookOption func(*workbookConfig)

type workbookConfig struct{ tempParent string }

// WithTempDir makes the workbook keep its temporary files in a folder it
// creates inside parent (by default the system's temporary folder), for
// example on a disk with room for a Keluarga sheet of a million families
// (over 2 GB). The workbook owns only the folder it creates, never parent.
func WithTempDir(parent string) WorkbookOption {
	return func(c *workbookConfig) { c.tempParent = parent }
}

// category fills, by category position: weak to strong.
var categoryFills = []string{"F4B6B0", "FFE699", "C6E0B4", "9BC2E6", "D9D2E9"}

type styles struct {
	title, subtitle, header, text, textBold, num, numBold, int, intBold, note, wrap int
	cat                                                                             []int
	// above shows a cut-off its category excludes, "> 70,00"; made only
	// for a set that has one.
	above int
}

// NewWorkbook starts a workbook. With personal set, the Keluarga sheet holds
// full KK numbers and names; otherwise KK numbers are masked and names left out.
func NewWorkbook(set *ikk.Set, m Meta, personal bool, opts ...WorkbookOption) (*Workbook, error) {
	var cfg workbookConfig
	for _, o := range opts {
		o(&cfg)
	}
	lang := m.Lang
	if !slices.Contains(Languages, lang) {
		lang = Languages[0]
	}
	dir, err := os.MkdirTemp(cfg.tempParent, "ikk-xlsx-")
	if err != nil {
		return nil, fmt.Errorf("temporary folder for the workbook: %w", err)
	}
	b := &Workbook{set: set, meta: m, personal: personal, tmpDir: dir}
	b.meta.Lang = lang
	for _, k := range outcomeKeys {
		b.outcomes = append(b.outcomes, b.w("outcome."+k))
	}
	if err := b.start(); err != nil {
		b.Close()
		return nil, err
	}
	return b, nil
}

// start makes the sheets that come before Keluarga and starts Keluarga;
// the sheets after it are made by Finish, once the households are in and
// the Keluarga sheets that continue it are there.
func (b *Workbook) start() error {
	f, err := newDeterministicFile(excelize.Options{TmpDir: b.tmpDir})
	if err != nil {
		return err
	}
	b.f = f
	if err := b.makeStyles(); err != nil {
		return err
	}
	names := []string{"ringkasan", "indikator", "counts_sheet", b.dimensiKey(), "permasalahan", "rtl", "rt", "keluarga"}
	if err := b.f.SetSheetName("Sheet1", b.w(names[0])); err != nil {
		return err
	}
	for _, n := range names[1:] {
		if _, err := b.f.NewSheet(b.w(n)); err != nil {
			return err
		}
	}
	// Now, before any sheet is streamed: SetActiveSheet reads every sheet,
	// and would parse a streamed sheet's buffered rows into excelize's
	// cells (100 MB for 20,000 data issues). Sheets added later are not
	// selected.
	b.f.SetActiveSheet(0)
	return b.startKeluarga()
}

// w is a word of the workbook in its language, from the catalogue, naming
// the set's index where it names one; "" for a key it does not have, so
// that reason can ask for a description that may not exist.
func (b *Workbook) w(key string) string {
	if _, ok := LookupText("xlsx." + key); !ok {
		return ""
	}
	return b.say(key)
}

// say is a text of the workbook with its parameters filled in.
func (b *Workbook) say(key string, kv ...string) string {
	return Say(b.meta.Lang, "xlsx."+key, withIndex(b.set, b.meta.Lang, kv...)...)
}

func (b *Workbook) makeStyles() error {
	border := []excelize.Border{{Type: "left", Color: "BFBFBF", Style: 1}, {Type: "right", Color: "BFBFBF", Style: 1},
		{Type: "top", Color: "BFBFBF", Style: 1}, {Type: "bottom", Color: "BFBFBF", Style: 1}}
	two := "0.00"
	mk := func(s *excelize.Style) int {
		if b.err != nil {
			return 0
		}
		id, err := b.f.NewStyle(s)
		if err != nil {
			b.err = err
		}
		return id
	}
	b.st.title = mk(&excelize.Style{Font: &excelize.Font{Bold: true, Size: 14}})
	b.st.subtitle = mk(&excelize.Style{Font: &excelize.Font{Italic: true, Size: 10, Color: "595959"}})
	b.st.note = mk(&excelize.Style{Font: &excelize.Font{Size: 9, Color: "595959"}, Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}})
	b.st.header = mk(&excelize.Style{Font: &excelize.Font{Bold: true}, Border: border,
		Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"D9E1F2"}},
		Alignment: &excelize.Alignment{WrapText: true, Vertical: "center", Horizontal: "center"}})
	// Data cells do not wrap: spreadsheet programs do not re-fit row heights
	// when they open a file, and wrapped text would spill over the next row.
	b.st.text = mk(&excelize.Style{Border: border, Alignment: &excelize.Alignment{Vertical: "top"}})
	b.st.wrap = mk(&excelize.Style{Border: border, Alignment: &excelize.Alignment{Vertical: "top", WrapText: true}})
	b.st.textBold = mk(&excelize.Style{Border: border, Font: &excelize.Font{Bold: true}, Alignment: &excelize.Alignment{Vertical: "top"}})
	top := &excelize.Alignment{Vertical: "top"}
	b.st.num = mk(&excelize.Style{Border: border, CustomNumFmt: &two, Alignment: top})
	b.st.numBold = mk(&excelize.Style{Border: border, CustomNumFmt: &two, Font: &excelize.Font{Bold: true}, Alignment: top})
	b.st.int = mk(&excelize.Style{Border: border, NumFmt: 3, Alignment: top})
	b.st.intBold = mk(&excelize.Style{Border: border, NumFmt: 3, Font: &excelize.Font{Bold: true}, Alignment: top})
	if slices.ContainsFunc(b.set.Categories, func(c ikk.Category) bool { return c.Open }) {
		above := `"> "0.00`
		b.st.above = mk(&excelize.Style{Border: border, CustomNumFmt: &above, Alignment: top})
	}
	for i := range b.set.Categories {
		b.st.cat = append(b.st.cat, mk(&excelize.Style{Border: border, Alignment: &excelize.Alignment{Vertical: "top"},
			Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{categoryFills[i%len(categoryFills)]}}}))
	}
	return b.err
}

// Finish writes every sheet but Keluarga from the result. The workbook can
// then be written with WriteTo.
func (b *Workbook) Finish(r *ikk.Result) error {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.err != nil {
		return b.err
	}
	b.check(b.kel.Flush())
	for _, n := range []string{"masalah", "metodologi"} {
		if _, err := b.f.NewSheet(b.w(n)); err != nil {
			return err
		}
	}
	b.ringkasan(r)
	b.indikator(r)
	b.dimensi(r)
	b.permasalahan(r)
	b.rtl(r)
	b.perRT(r)
	b.masalah(r)
	b.metodologi(r)
	title := b.w("title")
	if kab := kabupatenName(r); kab != "" {
		title += " " + b.w("kabupaten") + " " + kab
	}
	// No wall-clock time: the same inputs give the same bytes. The report
	// date, when given, is the document's date.
	props := &excelize.DocProperties{Title: title, Subject: b.w("title"), Creator: "ikk " + b.meta.ToolVersion,
		Description: fmt.Sprintf("%s %s %s (sha256 %s)", b.w("set"), b.set.ID, b.set.Version, b.set.SHA256),
		Language:    map[string]string{"id": "id-ID", "en": "en"}[b.meta.Lang], Version: b.meta.ToolVersion,
		Created: "2000-01-01T00:00:00Z", Modified: "2000-01-01T00:00:00Z"}
	if len(b.meta.ISODate) == 10 {
		props.Created = b.meta.ISODate + "T00:00:00Z"
		props.Modified = props.Created
	}
	b.check(b.f.SetDocProps(props))
	return b.err
}

// WriteTo writes the workbook. excelize would assemble the whole zip in
// memory first; its zip-writer hook sends it straight to w instead, so a
// Keluarga sheet of 300,000 families is not held twice.
func (b *Workbook) WriteTo(w io.Writer) (int64, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.err != nil {
		return 0, b.err
	}
	cw := &countingWriter{w: w, stop: &b.closing}
	zw := newOrderedZip(cw, b.tmpDir, b.streamed)
	b.f.SetZipWriter(func(io.Writer) excelize.ZipWriter { return zw })
	if _, err := b.f.WriteTo(io.Discard); err != nil {
		return cw.n, err
	}
	return cw.n, cw.err
}

// countingWriter counts what it passes on, keeps the first error, and with
// stop set, fails once stop is: a workbook being closed is not written on.
type countingWriter struct {
	w    io.Writer
	n    int64
	err  error
	stop *atomic.Bool
}

func (c *countingWriter) Write(p []byte) (int, error) {
	if c.stop != nil && c.stop.Load() {
		if c.err == nil {
			c.err = errClosed
		}
		return 0, errClosed
	}
	n, err := c.w.Write(p)
	c.n += int64(n)
	if err != nil && c.err == nil {
		c.err = err
	}
	return n, err
}

// Close removes the workbook's temporary folder, with every file excelize
// kept in it, and releases the workbook. It may be called more than once,
// after any failure, and from another goroutine while households are being
// added or the workbook written: the folder goes at once (a file still open
// is unlinked with it), a WriteTo in progress stops at its next write, and
// the workbook is unusable afterwards.
func (b *Workbook) Close() error {
	b.closing.Store(true)
	os.RemoveAll(b.tmpDir)
	b.mu.Lock()
	defer b.mu.Unlock()
	var err error
	if !b.closed {
		b.closed = true
		b.check(errClosed)
		if b.f != nil {
			err = b.f.Close()
		}
	}
	// Again now that nothing writes: a temporary file created while the
	// folder was being removed goes too, and on systems that cannot remove
	// open files, the files excelize just closed.
	if rmErr := os.RemoveAll(b.tmpDir); rmErr != nil && err == nil {
		err = rmErr
	}
	return err
}
