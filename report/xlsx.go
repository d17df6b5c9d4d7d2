package report

import (
	"errors"
	"fmt"
	"io"
	"os"
	"sort"
	"strconv"
	"strings"
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
	words    map[string]string
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

// sheet and column words, by language.
var xlsxWords = map[string]map[string]string{
	"id": {
		"ringkasan": "Ringkasan", "indikator": "Indikator", "counts_sheet": "Rincian Indikator", "dimensi": "Dimensi dan Lensa", "permasalahan": "Permasalahan",
		"rtl": "Rencana Tindak Lanjut", "rt": "Per RT", "keluarga": "Keluarga", "masalah": "Masalah Data", "metodologi": "Metodologi",
		"no": "No", "level": "Tingkat", "code": "Kode", "unit": "Wilayah", "kecamatan": "Kecamatan", "desa": "Desa/Kelurahan",
		"kk": "Jumlah KK", "ikk": "IKK", "category": "Kategori", "rank": "Peringkat desa", "kabupaten": "Kabupaten",
		"title": "Indeks Kualitas Keluarga (IKK)", "set": "Set indikator", "date": "Tanggal laporan",
		"legend": "Kategori dan batas nilai IKK", "min": "Nilai minimum", "chart_ikk": "IKK per desa (urut dari tertinggi) dan batas kategori",
		"chart_dim": "Profil lima dimensi", "chart_dim_note": "Grafik profil dimensi: %s; garis pembanding: %s.",
		"all_desa": "setiap desa", "weakest": "%d desa dengan IKK terendah (tabel memuat semua desa)",
		"counts": "Rincian jumlah keluarga per indikator", "indicator": "Indikator", "label": "Nama indikator",
		"pass": "Memenuhi", "fail": "Tidak memenuhi", "na": "Tidak berlaku", "missing": "Kosong", "invalid": "Tidak valid",
		"percent": "Capaian (%)", "target": "Target (%)", "affected": "KK terdampak", "sectors": "Instansi penanggung jawab",
		"sector": "Instansi", "kegiatan": "Kegiatan", "target_kegiatan": "Target kegiatan", "anggaran": "Sumber Anggaran", "waktu": "Waktu",
		"gender_l": "Gender (KK laki-laki)", "gender_p": "Gender (KK perempuan)", "kk_l": "KK laki-laki", "kk_p": "KK perempuan",
		"kk_no": "Nomor KK", "name": "Nama kepala keluarga", "sex": "Jenis kelamin KK", "score": "Skor keluarga", "complete": "Lengkap",
		"yes": "ya", "no_": "tidak", "incomplete": "Tidak lengkap", "mean": "Rata-rata skor keluarga",
		"file": "Berkas", "sheet": "Lembar", "header_row": "Baris judul kolom", "rows_read": "Baris dibaca", "scored": "Dinilai",
		"rejected": "Ditolak", "blank": "Kosong", "row": "Baris", "column": "Kolom", "cell": "Sel", "value": "Nilai",
		"issue_code": "Kode masalah", "reason": "Keterangan", "issues_total": "Jumlah masalah data", "issues_listed": "Dicantumkan",
		"question": "Pertanyaan", "rule": "Aturan", "applies": "Berlaku untuk", "weight": "Bobot", "provenance": "Asal",
		"source": "Sumber", "dimension": "Dimensi", "all": "semua keluarga", "tool": "Versi ikk", "share": "Keluarga lengkap bila menjawab minimal",
		"param": "Parameter", "method_note": "IKK dihitung indikator demi indikator: capaian indikator = 100 × memenuhi / (memenuhi + tidak memenuhi); indeks dimensi = rata-rata berbobot capaian indikatornya; IKK = rata-rata berbobot kelima indeks dimensi. Kategori ditentukan dari nilai yang dibulatkan dua desimal.",
		"input_files": "Berkas masukan", "rt_col": "RT", "rejected_note": "Ditolak: baris tanpa identitas desa atau dengan nomor KK ganda.",
		"desc_invalid_value": "nilai di luar pilihan jawaban kolom", "desc_no_village": "baris tanpa kode desa maupun kecamatan dan desa; tidak dinilai",
		"desc_duplicate_kk": "nomor KK sudah tercatat di desa yang sama; baris kemudian tidak dinilai", "desc_missing_column": "kolom tidak ada di lembar; indikator yang memerlukannya dihitung kosong",
		"desc_skipped_file": "berkas tidak dibaca", "desc_kk_as_number": "nomor KK tersimpan sebagai angka (Excel hanya menyimpan 15 digit); nomor KK ganda tidak dapat diperiksa",
		"accepted":        "yang diterima",
		"keluarga_sheets": "Lembar keluarga", "keluarga_cont": "%s keluarga, berlanjut di lembar %s (paling banyak %s keluarga per lembar, urut kolom No)",
	},
	"en": {
		"ringkasan": "Summary", "indikator": "Indicators", "counts_sheet": "Indicator counts", "dimensi": "Dimensions and lenses", "permasalahan": "Problems",
		"rtl": "Follow-up plan", "rt": "By RT", "keluarga": "Households", "masalah": "Data issues", "metodologi": "Methodology",
		"no": "No", "level": "Level", "code": "Code", "unit": "Unit", "kecamatan": "Kecamatan", "desa": "Desa/Kelurahan",
		"kk": "Families", "ikk": "IKK", "category": "Category", "rank": "Desa rank", "kabupaten": "Kabupaten",
		"title": "Family Quality Index (IKK)", "set": "Indicator set", "date": "Report date",
		"legend": "Categories and IKK cut-offs", "min": "Minimum value", "chart_ikk": "IKK per desa (highest first) and category cut-offs",
		"chart_dim": "Profile of the five dimensions", "chart_dim_note": "Dimension profiles: %s; reference line: %s.",
		"all_desa": "every desa", "weakest": "the %d desa with the lowest IKK (the table holds every desa)",
		"counts": "Families per indicator and outcome", "indicator": "Indicator", "label": "Indicator name",
		"pass": "Pass", "fail": "Fail", "na": "Not applicable", "missing": "Blank", "invalid": "Invalid",
		"percent": "Achievement (%)", "target": "Target (%)", "affected": "Families affected", "sectors": "Responsible offices",
		"sector": "Office", "kegiatan": "Activity", "target_kegiatan": "Activity target", "anggaran": "Budget source", "waktu": "Timing",
		"gender_l": "Gender (male head)", "gender_p": "Gender (female head)", "kk_l": "Male-headed", "kk_p": "Female-headed",
		"kk_no": "KK number", "name": "Head of family", "sex": "Sex of head", "score": "Household score", "complete": "Complete",
		"yes": "yes", "no_": "no", "incomplete": "Incomplete", "mean": "Mean household score",
		"file": "File", "sheet": "Sheet", "header_row": "Header row", "rows_read": "Rows read", "scored": "Scored",
		"rejected": "Rejected", "blank": "Blank", "row": "Row", "column": "Column", "cell": "Cell", "value": "Value",
		"issue_code": "Issue code", "reason": "Reason", "issues_total": "Data issues", "issues_listed": "Listed",
		"question": "Question", "rule": "Rule", "applies": "Applies to", "weight": "Weight", "provenance": "Provenance",
		"source": "Source", "dimension": "Dimension", "all": "all families", "tool": "ikk version", "share": "A household is complete when it answers at least",
		"param": "Parameter", "method_note": "The IKK is computed indicator first: indicator achievement = 100 × pass / (pass + fail); dimension index = weighted mean of its indicators' achievements; IKK = weighted mean of the five dimension indices. Categories are decided on the value rounded to two decimals.",
		"input_files": "Input files", "rt_col": "RT", "rejected_note": "Rejected: rows without a village, or with a KK number already seen in the desa.",
		"accepted":        "accepted",
		"keluarga_sheets": "Household sheets", "keluarga_cont": "%s households, continued on the sheets %s (at most %s a sheet, in the order of the No column)",
	},
}

// outcome words for the Keluarga sheet.
var outcomeWords = map[string][]string{
	"id": {"memenuhi", "tidak memenuhi", "tidak berlaku", "kosong", "tidak valid"},
	"en": {"pass", "fail", "n/a", "blank", "invalid"},
}

// category fills, by category position: weak to strong.
var categoryFills = []string{"F4B6B0", "FFE699", "C6E0B4", "9BC2E6", "D9D2E9"}

type styles struct {
	title, subtitle, header, text, textBold, num, numBold, int, intBold, note, wrap int
	cat                                                                             []int
}

// NewWorkbook starts a workbook. With personal set, the Keluarga sheet holds
// full KK numbers and names; otherwise KK numbers are masked and names left out.
func NewWorkbook(set *ikk.Set, m Meta, personal bool, opts ...WorkbookOption) (*Workbook, error) {
	var cfg workbookConfig
	for _, o := range opts {
		o(&cfg)
	}
	lang := m.Lang
	if _, ok := xlsxWords[lang]; !ok {
		lang = "id"
	}
	dir, err := os.MkdirTemp(cfg.tempParent, "ikk-xlsx-")
	if err != nil {
		return nil, fmt.Errorf("temporary folder for the workbook: %w", err)
	}
	b := &Workbook{set: set, meta: m, personal: personal, words: xlsxWords[lang], tmpDir: dir}
	b.meta.Lang = lang
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
	names := []string{"ringkasan", "indikator", "counts_sheet", "dimensi", "permasalahan", "rtl", "rt", "keluarga"}
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

func (b *Workbook) w(key string) string {
	if s, ok := b.words[key]; ok {
		return s
	}
	return xlsxWords["id"][key]
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
	for i := range b.set.Categories {
		b.st.cat = append(b.st.cat, mk(&excelize.Style{Border: border, Alignment: &excelize.Alignment{Vertical: "top"},
			Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{categoryFills[i%len(categoryFills)]}}}))
	}
	return b.err
}

// cell is a value with its style for the table writer.
type cell struct {
	v     any
	style int
}

// table writes a header row at row head and the rows under it, with widths,
// frozen header, filter and print titles.
func (b *Workbook) table(sheet string, head int, headers []string, widths []float64, rows [][]cell) {
	if b.err != nil {
		return
	}
	f := b.f
	for j, h := range headers {
		ref := ref(j+1, head)
		b.check(f.SetCellValue(sheet, ref, h))
		b.check(f.SetCellStyle(sheet, ref, ref, b.st.header))
	}
	for i, r := range rows {
		lines := 1
		for j, c := range r {
			ref := ref(j+1, head+1+i)
			if c.v != nil {
				b.check(f.SetCellValue(sheet, ref, c.v))
			}
			if c.style != 0 {
				b.check(f.SetCellStyle(sheet, ref, ref, c.style))
			}
			if c.style == b.st.wrap && j < len(widths) {
				lines = max(lines, wrappedLines(c.v, widths[j]))
			}
		}
		// Spreadsheet programs do not re-fit row heights when they open a
		// file: a row of wrapped text gets the height its lines need.
		if lines > 1 {
			b.check(f.SetRowHeight(sheet, head+1+i, 13.5*float64(lines)+2))
		}
	}
	for j, w := range widths {
		col := colName(j + 1)
		b.check(f.SetColWidth(sheet, col, col, w))
	}
	b.check(f.SetRowHeight(sheet, head, 32))
	b.check(f.SetPanes(sheet, &excelize.Panes{Freeze: true, YSplit: head, TopLeftCell: ref(1, head+1), ActivePane: "bottomLeft"}))
	last := head + len(rows)
	if len(rows) > 0 {
		b.check(f.AutoFilter(sheet, ref(1, head)+":"+ref(len(headers), last), nil))
	}
	b.printSetup(sheet, head)
}

// printSetup makes a sheet print on A4 landscape, fit to the page width, the
// header rows repeated on every page.
func (b *Workbook) printSetup(sheet string, headerRow int) {
	size, orient, one, zero, yes := 9, "landscape", 1, 0, true
	b.check(b.f.SetPageLayout(sheet, &excelize.PageLayoutOptions{Size: &size, Orientation: &orient, FitToWidth: &one, FitToHeight: &zero}))
	b.check(b.f.SetSheetProps(sheet, &excelize.SheetPropsOptions{FitToPage: &yes}))
	m := 0.4
	b.check(b.f.SetPageMargins(sheet, &excelize.PageLayoutMarginsOptions{Left: &m, Right: &m, Top: &m, Bottom: &m}))
	if headerRow > 0 {
		b.check(b.f.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Titles", RefersTo: fmt.Sprintf("'%s'!$%d:$%d", sheet, headerRow, headerRow), Scope: sheet}))
	}
}

func (b *Workbook) check(err error) {
	if err != nil && b.err == nil {
		b.err = err
	}
}

// wrappedLines estimates how many lines a text takes in a column of the
// given width (in characters), wrapping at spaces.
func wrappedLines(v any, width float64) int {
	t, ok := v.(string)
	if !ok || t == "" {
		return 1
	}
	perLine := max(1, int(width*1.1)-1)
	lines, used := 1, 0
	for _, word := range strings.Fields(t) {
		n := len([]rune(word))
		switch {
		case used == 0:
			used = n
		case used+1+n <= perLine:
			used += 1 + n
		default:
			lines++
			used = n
		}
		for used > perLine {
			lines++
			used -= perLine
		}
	}
	return lines
}

func ref(col, row int) string {
	s, _ := excelize.CoordinatesToCellName(col, row)
	return s
}

func colName(col int) string {
	s, _ := excelize.ColumnNumberToName(col)
	return s
}

// text keeps a survey value a plain string: excelize never turns a string
// into a formula, so "=HYPERLINK(...)" typed in a village name stays text.
func text(s string) any {
	if s == "" {
		return nil
	}
	return s
}

func numOrNil(v *float64) any {
	if v == nil {
		return nil
	}
	return *v
}

func (b *Workbook) catStyle(c *ikk.Category) int {
	for i := range b.set.Categories {
		if c != nil && &b.set.Categories[i] == c {
			return b.st.cat[i]
		}
	}
	return b.st.text
}

func (b *Workbook) catText(c *ikk.Category) any {
	if c == nil {
		return nil
	}
	return strconv.Itoa(c.ID) + " " + c.Label
}

func (b *Workbook) levelWord(level string) string {
	switch level {
	case ikk.LevelKabupaten:
		return b.w("kabupaten")
	case ikk.LevelKecamatan:
		return b.w("kecamatan")
	case ikk.LevelDesa:
		return "Desa"
	}
	return "RT"
}

// title writes the sheet title and the scope line above a table.
func (b *Workbook) title(sheet, title string, r *ikk.Result) {
	scope := b.scope(r)
	b.check(b.f.SetCellValue(sheet, "A1", title))
	b.check(b.f.SetCellStyle(sheet, "A1", "A1", b.st.title))
	b.check(b.f.SetCellValue(sheet, "A2", scope))
	b.check(b.f.SetCellStyle(sheet, "A2", "A2", b.st.subtitle))
}

// scope is the line under a sheet's title: kabupaten, indicator set, date.
func (b *Workbook) scope(r *ikk.Result) string {
	scope := fmt.Sprintf("%s %s %s", b.w("set"), b.set.ID, b.set.Version)
	if kab := kabupatenName(r); kab != "" {
		scope = b.w("kabupaten") + " " + kab + " · " + scope
	}
	if b.meta.Date != "" {
		scope += " · " + b.w("date") + " " + b.meta.Date
	}
	return scope
}

func kabupatenName(r *ikk.Result) string {
	var names []string
	for _, u := range r.Units {
		if u.Level == ikk.LevelKabupaten && u.Name != "" {
			names = append(names, u.Name)
		}
	}
	return strings.Join(names, ", ")
}

// --- Keluarga: streamed while scoring ---

func (b *Workbook) keluargaHeaders() []string {
	h := []string{b.w("no"), b.w("code"), b.w("kecamatan"), b.w("desa"), b.w("rt_col"), b.w("kk_no")}
	if b.personal {
		h = append(h, b.w("name"))
	}
	h = append(h, b.w("sex"), b.w("score"), b.w("category"), b.w("complete"))
	for _, ind := range b.set.Indicators {
		h = append(h, ind.ID)
	}
	return h
}

func (b *Workbook) keluargaWidths() []float64 {
	widths := []float64{7, 15, 16, 20, 6, 20}
	if b.personal {
		widths = append(widths, 24)
	}
	widths = append(widths, 9, 10, 28, 9)
	for len(widths) < len(b.keluargaHeaders()) {
		widths = append(widths, 9)
	}
	return widths
}

// startKeluarga starts the next Keluarga sheet: "Keluarga", then, past
// maxSheetRows, "Keluarga (2)" and so on, each with the header row and the
// same print setup.
func (b *Workbook) startKeluarga() error {
	sheet := b.w("keluarga")
	if n := len(b.kelSheets) + 1; n > 1 {
		sheet = fmt.Sprintf("%s (%d)", sheet, n)
		if err := b.kel.Flush(); err != nil {
			return err
		}
		if _, err := b.f.NewSheet(sheet); err != nil {
			return err
		}
	}
	sw := b.streamSheet(sheet, b.keluargaWidths(), 1)
	if b.err != nil {
		return b.err
	}
	b.kel, b.kelRow = sw, 1
	b.kelSheets = append(b.kelSheets, sheet)
	headers := b.keluargaHeaders()
	row := make([]any, len(headers))
	for j, h := range headers {
		row[j] = excelize.Cell{StyleID: b.st.header, Value: h}
	}
	b.check(sw.SetRow("A1", row, excelize.RowOpts{Height: 30}))
	return b.err
}

// Household writes one household to the Keluarga sheet: masked KK number
// unless personal data were asked for, its score, category and the outcome of
// each indicator. A full sheet continues on the next.
func (b *Workbook) Household(h *ikk.Household) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.err != nil {
		return
	}
	if b.kelRow >= maxSheetRows {
		if err := b.startKeluarga(); err != nil {
			b.check(err)
			return
		}
	}
	b.kelRow++
	b.households++
	kk := ikk.MaskKK(h.KK)
	if b.personal {
		kk = h.KK
	}
	row := []any{
		excelize.Cell{StyleID: b.st.int, Value: b.households}, text(h.DesaCode), text(h.Kecamatan), text(h.Desa), text(h.RT), text(kk),
	}
	if b.personal {
		row = append(row, text(h.Name))
	}
	var score, cat, complete any = nil, nil, b.w("no_")
	if h.Score != nil {
		score = excelize.Cell{StyleID: b.st.num, Value: *h.Score}
		cat = b.catText(h.Category)
	}
	if h.Complete {
		complete = b.w("yes")
	}
	row = append(row, text(h.Sex.String()), score, cat, complete)
	words := outcomeWords[b.meta.Lang]
	for _, o := range h.Outcomes {
		row = append(row, words[o])
	}
	b.check(b.kel.SetRow(ref(1, b.kelRow), row))
}

// --- the sheets made from the result ---

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

func (b *Workbook) unitRows(r *ikk.Result, desaRank map[*ikk.Unit]int) [][]cell {
	var rows [][]cell
	n := 0
	for _, u := range r.Units {
		if u.Level == ikk.LevelRT {
			continue
		}
		n++
		bold := u.Level != ikk.LevelDesa
		ts, ns, is := b.st.text, b.st.num, b.st.int
		if bold {
			ts, ns, is = b.st.textBold, b.st.numBold, b.st.intBold
		}
		row := []cell{{n, is}, {b.levelWord(u.Level), ts}, {text(u.Code), ts}, {text(unitName(u)), ts}, {text(u.Kecamatan), ts},
			{u.Households, is}, {numOrNil(u.IKK), ns}, {b.catText(u.Category), b.catStyle(u.Category)}}
		for _, d := range u.Dimensions {
			row = append(row, cell{numOrNil(d), ns})
		}
		var rank any
		if k := desaRank[u]; k > 0 {
			rank = k
		}
		row = append(row, cell{rank, is})
		rows = append(rows, row)
	}
	return rows
}

func (b *Workbook) ringkasan(r *ikk.Result) {
	sheet := b.w("ringkasan")
	b.title(sheet, b.w("title"), r)
	ranked := ikk.RankDesa(r)
	rank := map[*ikk.Unit]int{}
	for _, x := range ranked {
		rank[x.Unit] = x.Rank
	}
	headers := []string{b.w("no"), b.w("level"), b.w("code"), b.w("unit"), b.w("kecamatan"), b.w("kk"), b.w("ikk"), b.w("category")}
	widths := []float64{5, 11, 14, 24, 18, 10, 9, 34}
	for _, d := range b.set.Dimensions {
		headers = append(headers, d.ID+" "+shortDim(d.Label))
		widths = append(widths, 13)
	}
	headers = append(headers, b.w("rank"))
	widths = append(widths, 10)
	const head = 4
	rows := b.unitRows(r, rank)
	b.table(sheet, head, headers, widths, rows)

	b.check(b.f.SetRowHeight(sheet, head, 45))
	// Legend under the table: the cut-offs, coloured as the category cells.
	lr := head + len(rows) + 2
	b.check(b.f.SetCellValue(sheet, ref(2, lr), b.w("legend")))
	b.check(b.f.SetCellStyle(sheet, ref(2, lr), ref(2, lr), b.st.textBold))
	b.check(b.f.SetCellValue(sheet, ref(2, lr+1), b.w("category")))
	b.check(b.f.MergeCell(sheet, ref(2, lr+1), ref(4, lr+1)))
	b.check(b.f.SetCellValue(sheet, ref(5, lr+1), b.w("min")))
	b.check(b.f.SetCellStyle(sheet, ref(2, lr+1), ref(5, lr+1), b.st.header))
	for i, c := range b.set.Categories {
		row := lr + 2 + i
		b.check(b.f.MergeCell(sheet, ref(2, row), ref(4, row)))
		b.check(b.f.SetCellValue(sheet, ref(2, row), strconv.Itoa(c.ID)+" "+c.Label))
		b.check(b.f.SetCellStyle(sheet, ref(2, row), ref(4, row), b.st.cat[i]))
		b.check(b.f.SetCellValue(sheet, ref(5, row), c.Min))
		b.check(b.f.SetCellStyle(sheet, ref(5, row), ref(5, row), b.st.num))
	}
	lc := len(headers) + 2 // the chart's data block, right of the table

	// Chart data: the desa by rank, with a constant series per cut-off so the
	// chart draws each cut-off as a line across the columns.
	var withIKK []ikk.Ranked
	for _, x := range ranked {
		if x.Unit.IKK != nil {
			withIKK = append(withIKK, x)
		}
	}
	if len(withIKK) == 0 {
		return
	}
	dc := lc
	dataHead := head
	b.check(b.f.SetCellValue(sheet, ref(dc, dataHead), b.w("desa")))
	b.check(b.f.SetCellValue(sheet, ref(dc+1, dataHead), b.w("ikk")))
	for i, c := range b.set.Categories[1:] {
		b.check(b.f.SetCellValue(sheet, ref(dc+2+i, dataHead), fmt.Sprintf("%s %d (%s)", b.w("category"), c.ID, NumTrim(c.Min, b.meta.Lang))))
	}
	b.check(b.f.SetCellStyle(sheet, ref(dc, dataHead), ref(dc+len(b.set.Categories), dataHead), b.st.header))
	for i, x := range withIKK {
		row := dataHead + 1 + i
		b.check(b.f.SetCellValue(sheet, ref(dc, row), unitName(x.Unit)))
		b.check(b.f.SetCellValue(sheet, ref(dc+1, row), *x.Unit.IKK))
		b.check(b.f.SetCellStyle(sheet, ref(dc+1, row), ref(dc+1, row), b.st.num))
		for k, c := range b.set.Categories[1:] {
			b.check(b.f.SetCellValue(sheet, ref(dc+2+k, row), c.Min))
		}
	}
	b.check(b.f.SetColWidth(sheet, colName(dc), colName(dc), 22))
	last := dataHead + len(withIKK)
	rng := func(col int) string {
		return fmt.Sprintf("'%s'!$%s$%d:$%s$%d", sheet, colName(col), dataHead+1, colName(col), last)
	}
	cats := rng(dc)
	bar := &excelize.Chart{
		Type:   excelize.Col,
		Series: []excelize.ChartSeries{{Name: fmt.Sprintf("'%s'!$%s$%d", sheet, colName(dc+1), dataHead), Categories: cats, Values: rng(dc + 1), Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"4472C4"}}}},
		Title:  excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: b.w("chart_ikk")}}},
		Legend: excelize.ChartLegend{Position: "bottom"},
		XAxis:  excelize.ChartAxis{Font: excelize.Font{Size: 8}},
		YAxis:  excelize.ChartAxis{MajorGridLines: true, Minimum: ptrF(0), Maximum: ptrF(100)},
		// A column a desa: wide enough to read every name, for 12 desa or 300.
		Dimension: excelize.ChartDimension{Width: uint(max(720, 22*len(withIKK))), Height: 380},
	}
	lines := &excelize.Chart{Type: excelize.Line}
	lineColors := []string{"C00000", "548235", "7030A0", "ED7D31"}
	for k := range b.set.Categories[1:] {
		col := dc + 2 + k
		lines.Series = append(lines.Series, excelize.ChartSeries{
			Name: fmt.Sprintf("'%s'!$%s$%d", sheet, colName(col), dataHead), Categories: cats, Values: rng(col),
			Line: excelize.LineOptions{Width: 1.5}, Marker: excelize.ChartMarker{Symbol: "none"},
			Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{lineColors[k%len(lineColors)]}},
		})
	}
	chartRow := lr + len(b.set.Categories) + 3
	b.check(b.f.AddChart(sheet, ref(2, chartRow), bar, lines))
	// Print the table, the legend and, up to maxPrintedChartDesa, the chart;
	// a wider chart (a column a desa) stays on screen, where it scrolls,
	// rather than shrinking the printed table to nothing. The chart's data
	// block is never printed.
	lastPrinted := lr + 1 + len(b.set.Categories)
	if len(withIKK) <= maxPrintedChartDesa {
		lastPrinted = chartRow + 380/20 + 2
	}
	b.check(b.f.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Area", Scope: sheet,
		RefersTo: fmt.Sprintf("'%s'!$A$1:$%s$%d", sheet, colName(len(headers)), lastPrinted)}))
}

// maxPrintedChartDesa is the most desa whose IKK chart still prints legibly
// across an A4 landscape page with the table.
const maxPrintedChartDesa = 40

func ptrF(f float64) *float64 { return &f }

// shortDim drops the "Kualitas " every default dimension label starts with,
// so that headers fit in two lines.
func shortDim(label string) string { return strings.TrimPrefix(label, "Kualitas ") }

func (b *Workbook) desaPrefix(u *ikk.Unit, n int) []cell {
	return []cell{{n, b.st.int}, {text(u.Code), b.st.text}, {text(u.Kecamatan), b.st.text}, {text(unitName(u)), b.st.text}, {u.Households, b.st.int}}
}

func (b *Workbook) desaHeaders() ([]string, []float64) {
	return []string{b.w("no"), b.w("code"), b.w("kecamatan"), b.w("desa"), b.w("kk")}, []float64{5, 14, 18, 24, 10}
}

func (b *Workbook) indikator(r *ikk.Result) {
	sheet := b.w("indikator")
	b.title(sheet, b.w("indikator")+" · "+b.w("percent"), r)
	headers, widths := b.desaHeaders()
	// Indicator ids as headers keep 29 columns printable on A4 landscape;
	// the labels are on the Metodologi sheet and the counts sheet.
	for _, ind := range b.set.Indicators {
		headers = append(headers, ind.ID)
		widths = append(widths, 7.5)
	}
	var rows [][]cell
	desa := r.Desa()
	for i, u := range desa {
		row := b.desaPrefix(u, i+1)
		for _, ir := range u.Indicators {
			row = append(row, cell{numOrNil(ir.Percent), b.st.num})
		}
		rows = append(rows, row)
	}
	const head = 4
	b.table(sheet, head, headers, widths, rows)
	if len(desa) > 0 {
		// A colour scale from red (0) through yellow (the target) to green (100).
		target := strconv.FormatFloat(b.set.Target, 'f', -1, 64)
		b.check(b.f.SetConditionalFormat(sheet, ref(6, head+1)+":"+ref(len(headers), head+len(desa)), []excelize.ConditionalFormatOptions{{
			Type: "3_color_scale", Criteria: "=", MinType: "num", MinValue: "0", MidType: "num", MidValue: target, MaxType: "num", MaxValue: "100",
			MinColor: "#F8696B", MidColor: "#FFEB84", MaxColor: "#63BE7B"}}))
	}
	b.counts(r)
}

// counts writes the outcome counts behind every achievement, one row per
// desa and indicator, on a sheet of their own.
func (b *Workbook) counts(r *ikk.Result) {
	sheet := b.w("counts_sheet")
	b.title(sheet, b.w("counts"), r)
	headers := []string{b.w("no"), b.w("code"), b.w("kecamatan"), b.w("desa"), b.w("indicator"), b.w("label"), b.w("pass"), b.w("fail"), b.w("na"), b.w("missing"), b.w("invalid"), b.w("percent")}
	var rows [][]cell
	for _, u := range r.Desa() {
		for i, ind := range b.set.Indicators {
			ir := u.Indicators[i]
			rows = append(rows, []cell{{len(rows) + 1, b.st.int}, {text(u.Code), b.st.text}, {text(u.Kecamatan), b.st.text}, {text(unitName(u)), b.st.text},
				{ind.ID, b.st.text}, {ind.Label, b.st.text}, {ir.Pass(), b.st.int}, {ir.Fail(), b.st.int}, {ir.NA(), b.st.int},
				{ir.Missing(), b.st.int}, {ir.Invalid(), b.st.int}, {numOrNil(ir.Percent), b.st.num}})
		}
	}
	b.table(sheet, 4, headers, []float64{6, 14, 18, 24, 9, 44, 10, 11, 11, 9, 10, 11}, rows)
}

func (b *Workbook) writeRow(sheet string, row int, vals []cell) {
	for j, c := range vals {
		ref := ref(j+1, row)
		if c.v != nil {
			b.check(b.f.SetCellValue(sheet, ref, c.v))
		}
		if c.style != 0 {
			b.check(b.f.SetCellStyle(sheet, ref, ref, c.style))
		}
	}
}

// maxRadars bounds the radar charts: one a desa up to this many; beyond, the
// weakest desa get one, since those are the ones a team acts on.
const maxRadars = 30

func (b *Workbook) dimensi(r *ikk.Result) {
	sheet := b.w("dimensi")
	lang := b.meta.Lang
	b.title(sheet, b.w("dimensi"), r)
	headers := []string{b.w("no"), b.w("level"), b.w("code"), b.w("unit"), b.w("kk")}
	widths := []float64{5, 11, 14, 24, 10}
	for _, d := range b.set.Dimensions {
		headers = append(headers, d.ID+" "+shortDim(d.Label))
		widths = append(widths, 13)
	}
	for _, t := range b.set.Functions {
		headers = append(headers, t.Label)
		widths = append(widths, 12)
	}
	for _, t := range b.set.Lenses {
		headers = append(headers, t.Label)
		widths = append(widths, 12)
	}
	headers = append(headers, b.w("gender_l"), b.w("gender_p"), b.w("kk_l"), b.w("kk_p"))
	widths = append(widths, 12, 12, 10, 10)
	var rows [][]cell
	var units []*ikk.Unit
	for _, u := range r.Units {
		if u.Level == ikk.LevelRT {
			continue
		}
		units = append(units, u)
		ns, ts, is := b.st.num, b.st.text, b.st.int
		if u.Level != ikk.LevelDesa {
			ns, ts, is = b.st.numBold, b.st.textBold, b.st.intBold
		}
		row := []cell{{len(rows) + 1, is}, {b.levelWord(u.Level), ts}, {text(u.Code), ts}, {text(unitName(u)), ts}, {u.Households, is}}
		for _, d := range u.Dimensions {
			row = append(row, cell{numOrNil(d), ns})
		}
		for _, l := range u.Lenses {
			row = append(row, cell{numOrNil(l), ns})
		}
		row = append(row, cell{numOrNil(u.BySex[0].Gender), ns}, cell{numOrNil(u.BySex[1].Gender), ns},
			cell{u.BySex[0].Households, is}, cell{u.BySex[1].Households, is})
		rows = append(rows, row)
	}
	const head = 4
	b.table(sheet, head, headers, widths, rows)
	b.check(b.f.SetRowHeight(sheet, head, 45))

	// Radar charts: each desa's five dimensions against the kabupaten's.
	rowOf := map[*ikk.Unit]int{}
	var kab *ikk.Unit
	for i, u := range units {
		rowOf[u] = head + 1 + i
		if u.Level == ikk.LevelKabupaten && kab == nil {
			kab = u
		}
	}
	chosen := r.Desa()
	which := b.w("all_desa")
	if len(chosen) > maxRadars {
		ranked := ikk.RankDesa(r)
		var weak []*ikk.Unit
		for i := len(ranked) - 1; i >= 0 && len(weak) < maxRadars/2; i-- {
			if ranked[i].Unit.IKK != nil {
				weak = append(weak, ranked[i].Unit)
			}
		}
		chosen = weak
		which = fmt.Sprintf(b.w("weakest"), len(weak))
	}
	nd := len(b.set.Dimensions)
	dimCats := fmt.Sprintf("'%s'!$F$%d:$%s$%d", sheet, head, colName(5+nd), head)
	top := head + len(rows) + 3
	refName := ""
	if kab != nil {
		refName = b.w("kabupaten") + " " + unitName(kab)
	}
	b.check(b.f.SetCellValue(sheet, ref(1, top-1), fmt.Sprintf(b.w("chart_dim_note"), which, refName)))
	b.check(b.f.SetCellStyle(sheet, ref(1, top-1), ref(1, top-1), b.st.note))
	for i, u := range chosen {
		if u.IKK == nil && !anyDefined(u.Dimensions) {
			continue
		}
		row := rowOf[u]
		series := []excelize.ChartSeries{{Name: fmt.Sprintf("'%s'!$D$%d", sheet, row), Categories: dimCats,
			Values: fmt.Sprintf("'%s'!$F$%d:$%s$%d", sheet, row, colName(5+nd), row),
			Line:   excelize.LineOptions{Width: 2}, Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"4472C4"}}}}
		if kab != nil {
			series = append(series, excelize.ChartSeries{Name: fmt.Sprintf("'%s'!$D$%d", sheet, rowOf[kab]), Categories: dimCats,
				Values: fmt.Sprintf("'%s'!$F$%d:$%s$%d", sheet, rowOf[kab], colName(5+nd), rowOf[kab]),
				Line:   excelize.LineOptions{Width: 1}, Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"A5A5A5"}}})
		}
		title := fmt.Sprintf("%s: %s %s", unitName(u), b.w("ikk"), NumPtr(u.IKK, lang))
		chart := &excelize.Chart{Type: excelize.Radar, Series: series,
			Title:     excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: title, Font: &excelize.Font{Size: 10, Bold: true}}}},
			Legend:    excelize.ChartLegend{Position: "bottom"},
			YAxis:     excelize.ChartAxis{Minimum: ptrF(0), Maximum: ptrF(100), MajorUnit: 25},
			Dimension: excelize.ChartDimension{Width: 360, Height: 300}}
		col := 1 + (i%3)*5
		rowAt := top + (i/3)*16
		b.check(b.f.AddChart(sheet, ref(col, rowAt), chart))
	}
}

func anyDefined(v []*float64) bool {
	for _, x := range v {
		if x != nil {
			return true
		}
	}
	return false
}

func (b *Workbook) sectorLabels(keys []string) string {
	var labels []string
	for _, k := range keys {
		labels = append(labels, b.set.TagLabel(k))
	}
	return strings.Join(labels, "; ")
}

func (b *Workbook) permasalahan(r *ikk.Result) {
	sheet := b.w("permasalahan")
	b.title(sheet, b.w("permasalahan")+" · "+b.w("target")+" "+NumTrim(b.set.Target, b.meta.Lang), r)
	headers := []string{b.w("no"), b.w("code"), b.w("kecamatan"), b.w("desa"), b.w("indicator"), b.w("label"), b.w("percent"), b.w("target"), b.w("affected"), b.w("sectors")}
	widths := []float64{5, 14, 18, 24, 9, 44, 11, 10, 11, 60}
	var rows [][]cell
	for _, u := range r.Desa() {
		for _, p := range u.Permasalahan {
			rows = append(rows, []cell{{len(rows) + 1, b.st.int}, {text(u.Code), b.st.text}, {text(u.Kecamatan), b.st.text}, {text(unitName(u)), b.st.text},
				{p.Indicator.ID, b.st.text}, {p.Indicator.Label, b.st.text}, {p.Percent, b.st.num}, {b.set.Target, b.st.num},
				{p.Fail, b.st.int}, {b.sectorLabels(p.Indicator.Sectors), b.st.wrap}})
		}
	}
	b.table(sheet, 4, headers, widths, rows)
}

func (b *Workbook) rtl(r *ikk.Result) {
	sheet := b.w("rtl")
	b.title(sheet, b.w("rtl"), r)
	headers := []string{b.w("no"), b.w("sector"), b.w("indicator"), b.w("label"), b.w("code"), b.w("desa"), b.w("kecamatan"),
		b.w("affected"), b.w("percent"), b.w("target"), b.w("kegiatan"), b.w("target_kegiatan"), b.w("anggaran"), b.w("waktu")}
	widths := []float64{5, 36, 9, 30, 14, 22, 16, 11, 11, 9, 30, 16, 16, 12}
	var rows [][]cell
	for _, plan := range ikk.FollowUp(b.set, r.Desa()) {
		for _, a := range plan.Actions {
			rows = append(rows, []cell{{len(rows) + 1, b.st.int}, {plan.Sector.Label, b.st.wrap}, {a.Indicator.ID, b.st.text}, {a.Indicator.Label, b.st.wrap},
				{text(a.Desa.Code), b.st.text}, {text(unitName(a.Desa)), b.st.text}, {text(a.Desa.Kecamatan), b.st.text},
				{a.Fail, b.st.int}, {a.Percent, b.st.num}, {b.set.Target, b.st.num},
				{nil, b.st.text}, {nil, b.st.text}, {nil, b.st.text}, {nil, b.st.text}})
		}
	}
	b.table(sheet, 4, headers, widths, rows)
}

func (b *Workbook) perRT(r *ikk.Result) {
	sheet := b.w("rt")
	b.title(sheet, b.w("rt"), r)
	headers := []string{b.w("no"), b.w("code"), b.w("kecamatan"), b.w("desa"), b.w("rt_col"), b.w("kk"), b.w("ikk"), b.w("category")}
	widths := []float64{5, 14, 18, 24, 6, 10, 9, 34}
	for _, d := range b.set.Dimensions {
		headers = append(headers, d.ID)
		widths = append(widths, 9)
	}
	headers = append(headers, b.w("mean"), b.w("incomplete"))
	widths = append(widths, 12, 11)
	var rows [][]cell
	for _, u := range r.Units {
		if u.Level != ikk.LevelRT {
			continue
		}
		row := []cell{{len(rows) + 1, b.st.int}, {text(u.Code), b.st.text}, {text(u.Kecamatan), b.st.text}, {text(u.Desa), b.st.text},
			{text(u.RT), b.st.text}, {u.Households, b.st.int}, {numOrNil(u.IKK), b.st.num}, {b.catText(u.Category), b.catStyle(u.Category)}}
		for _, d := range u.Dimensions {
			row = append(row, cell{numOrNil(d), b.st.num})
		}
		row = append(row, cell{numOrNil(u.HouseholdMean), b.st.num}, cell{u.Incomplete, b.st.int})
		rows = append(rows, row)
	}
	b.table(sheet, 4, headers, widths, rows)
}

// masalah writes the accounting per input file and the data issues. Up to
// ikk.MaxIssues issues are kept, a row each, so the sheet is streamed: in
// excelize's cells, 30,000 issues took 65 MB.
func (b *Workbook) masalah(r *ikk.Result) {
	sheet := b.w("masalah")
	widths := []float64{6, 30, 12, 7, 20, 7, 16, 15, 70}
	// Title, scope, a blank row, the accounting header at row 4, a row per
	// input, the total, a note, a blank row, the issue count: then the
	// issue table's header.
	head := 4 + len(r.Inputs) + 5 // the row after the issue count
	sw := b.streamSheet(sheet, widths, head)
	if sw == nil {
		return
	}
	b.streamRow(sw, 1, []cell{{b.w("masalah"), b.st.title}})
	b.streamRow(sw, 2, []cell{{b.scope(r), b.st.subtitle}})
	// The accounting per input file: nothing lost.
	ah := []string{b.w("file"), b.w("sheet"), b.w("header_row"), b.w("rows_read"), b.w("scored"), b.w("rejected"), b.w("blank"), "SHA-256"}
	b.streamRow(sw, 4, b.headerCells(ah))
	row := 4
	for _, in := range r.Inputs {
		row++
		b.streamRow(sw, row, []cell{{in.Path, b.st.text}, {text(in.Sheet), b.st.text}, {in.HeaderRow, b.st.int}, {in.RowsRead, b.st.int},
			{in.Scored, b.st.int}, {in.Rejected, b.st.int}, {in.Blank, b.st.int}, {in.SHA256, b.st.text}})
	}
	row++
	s := r.Summary
	b.streamRow(sw, row, []cell{{"Total", b.st.textBold}, {nil, b.st.textBold}, {nil, b.st.textBold}, {s.RowsRead, b.st.intBold},
		{s.Scored, b.st.intBold}, {s.Rejected, b.st.intBold}, {s.Blank, b.st.intBold}, {nil, b.st.textBold}})
	row++
	b.streamRow(sw, row, []cell{{b.w("rejected_note"), b.st.note}})
	row += 2
	b.streamRow(sw, row, []cell{{fmt.Sprintf("%s: %s (%s %s)", b.w("issues_total"), Int(r.IssueTotal(), b.meta.Lang), b.w("issues_listed"), Int(len(r.Issues), b.meta.Lang)), b.st.textBold}})
	headers := []string{b.w("no"), b.w("file"), b.w("sheet"), b.w("row"), b.w("column"), b.w("cell"), b.w("value"), b.w("issue_code"), b.w("reason")}
	b.streamRow(sw, head, b.headerCells(headers), excelize.RowOpts{Height: 32})
	for i, is := range r.Issues {
		cells := []cell{{i + 1, b.st.int}, {is.File, b.st.text}, {text(is.Sheet), b.st.text}, {is.Row, b.st.int}, {text(is.Column), b.st.text},
			{text(is.Cell), b.st.text}, {text(is.Value), b.st.text}, {is.Code, b.st.text}, {b.reason(is), b.st.wrap}}
		var opts []excelize.RowOpts
		if h := b.wrappedHeight(cells, widths); h > 0 {
			opts = append(opts, excelize.RowOpts{Height: h})
		}
		b.streamRow(sw, head+1+i, cells, opts...)
	}
	if len(r.Issues) > 0 {
		// Set on the sheet before Flush, which writes it.
		b.check(b.f.AutoFilter(sheet, ref(1, head)+":"+ref(len(headers), head+len(r.Issues)), nil))
	}
	b.check(sw.Flush())
}

func (b *Workbook) headerCells(headers []string) []cell {
	cells := make([]cell, len(headers))
	for j, h := range headers {
		cells[j] = cell{h, b.st.header}
	}
	return cells
}

// reason says what an issue means in the report's language: the English
// message of the command line, or an Indonesian one built from the code and
// the column's vocabulary.
func (b *Workbook) reason(is ikk.Issue) string {
	if b.meta.Lang == "en" {
		return is.Message
	}
	desc := b.w("desc_" + is.Code)
	if desc == "" {
		return is.Message
	}
	if is.Code == ikk.IssueInvalidValue {
		if c := b.set.Column(is.Field); c != nil {
			desc += "; " + b.w("accepted") + ": " + acceptedID(c)
		}
	}
	if is.Code == ikk.IssueSkippedFile || is.Code == ikk.IssueDuplicateKK || is.Code == ikk.IssueKKAsNumber {
		// The details (which file, which earlier row) are in the message.
		desc += " (" + is.Message + ")"
	}
	return desc
}

// acceptedID says in Indonesian what a column accepts.
func acceptedID(c *ikk.Column) string {
	switch c.Type {
	case ikk.ColYesNo:
		return "ya/y/1/benar atau tidak/tdk/t/0/2/salah"
	case ikk.ColCode:
		var parts []string
		var codes []int
		for k := range c.Codes {
			codes = append(codes, k)
		}
		sort.Ints(codes)
		for _, k := range codes {
			parts = append(parts, fmt.Sprintf("%d %s", k, c.Codes[k]))
		}
		return "kode " + strings.Join(parts, ", ")
	case ikk.ColNumber:
		s := "angka, mis. 2.500.000 atau 36,5"
		if c.Min != nil {
			s += ", minimal " + NumTrim(*c.Min, "id")
		}
		return s
	case ikk.ColCount:
		s := "bilangan bulat"
		if c.Min != nil {
			s += ", minimal " + NumTrim(*c.Min, "id")
		}
		return s
	case ikk.ColSex:
		return "L/P, Laki-laki/Perempuan, 1 = L, 2 = P"
	case ikk.ColVillageCode:
		return "63.09.06.2004 atau 6309062004"
	}
	return "teks"
}

func (b *Workbook) metodologi(r *ikk.Result) {
	sheet := b.w("metodologi")
	lang := b.meta.Lang
	b.title(sheet, b.w("metodologi"), r)
	kv := [][2]string{
		{b.w("set"), fmt.Sprintf("%s %s (%s), %s", b.set.ID, b.set.Version, b.set.Name, b.set.Source)},
		{b.w("set") + " SHA-256", b.set.SHA256},
		{b.w("tool"), b.meta.ToolVersion},
		{b.w("target"), NumTrim(b.set.Target, lang)},
		{b.w("share"), NumTrim(100*b.set.MinAnsweredShare, lang) + "%"},
		{b.w("legend"), CutoffText(b.set, lang)},
	}
	if b.meta.Date != "" {
		kv = append(kv, [2]string{b.w("date"), b.meta.Date})
	}
	if len(b.kelSheets) > 1 {
		kv = append(kv, [2]string{b.w("keluarga_sheets"), fmt.Sprintf(b.w("keluarga_cont"),
			Int(b.households, lang), strings.Join(b.kelSheets, ", "), Int(maxSheetRows-1, lang))})
	}
	for _, p := range b.set.Parameters {
		label := p.Name
		if p.Label != "" {
			label += " (" + p.Label + ")"
		}
		v := NumTrim(p.Value, lang)
		if p.Source != "" {
			v += " · " + p.Source
		}
		kv = append(kv, [2]string{b.w("param") + ": " + label, v})
	}
	row := 4
	for _, x := range kv {
		b.check(b.f.SetCellValue(sheet, ref(1, row), x[0]))
		b.check(b.f.SetCellStyle(sheet, ref(1, row), ref(1, row), b.st.subtitle))
		b.check(b.f.SetCellValue(sheet, ref(4, row), x[1]))
		row++
	}
	b.check(b.f.MergeCell(sheet, ref(1, row), ref(6, row)))
	b.check(b.f.SetCellValue(sheet, ref(1, row), b.w("method_note")))
	b.check(b.f.SetCellStyle(sheet, ref(1, row), ref(6, row), b.st.note))
	b.check(b.f.SetRowHeight(sheet, row, 45))
	row += 2
	headers := []string{b.w("indicator"), b.w("dimension"), b.w("label"), b.w("question"), b.w("rule"), b.w("applies"), b.w("weight"), b.w("provenance"), b.w("source"), b.w("sectors")}
	var rows [][]cell
	for _, ind := range b.set.Indicators {
		applies := ind.Applies
		if applies == "" || applies == "all" {
			applies = b.w("all")
		}
		rows = append(rows, []cell{{ind.ID, b.st.text}, {ind.Dimension, b.st.text}, {ind.Label, b.st.wrap}, {ind.Question, b.st.wrap},
			{ind.Rule.Words(b.set, lang), b.st.wrap}, {applies, b.st.text}, {ind.Weight, b.st.num}, {ind.Status, b.st.text},
			{ind.SourceNote, b.st.wrap}, {b.sectorLabels(ind.Sectors), b.st.wrap}})
	}
	b.table(sheet, row, headers, []float64{9, 9, 24, 40, 30, 18, 7, 13, 36, 36}, rows)
	row += len(rows) + 2
	b.check(b.f.SetCellValue(sheet, ref(1, row), b.w("input_files")))
	b.check(b.f.SetCellStyle(sheet, ref(1, row), ref(1, row), b.st.textBold))
	for _, in := range r.Inputs {
		row++
		b.writeRow(sheet, row, []cell{{in.Path, b.st.text}, {in.SHA256, b.st.text}})
	}
}
