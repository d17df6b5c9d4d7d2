package report

import (
	"archive/zip"
	"bufio"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/ikk-tools/ikk/ikk"
	"github.com/xuri/excelize/v2"
)

// SasaranMeta is what the lists' workbook prints beside the families.
type SasaranMeta struct {
	Lang      string
	Kabupaten string    // "" takes the result's
	Date      time.Time // the lists' date; zero prints none
	// Personal says the lists hold names and full KK numbers: the cover
	// then states the rule of UU No. 27 Tahun 2022, and every printed page
	// says it holds personal data.
	Personal bool
}

// Sasaran writes the lists of families each office visits: a cover sheet
// first, then a sheet per office of the lists, each printing on A4
// landscape with its header row on every page.
//
// An office's sheet is as long as its list, so it is streamed from the
// sorted list. excelize's stream writer keeps up to 16 MB of a sheet in
// memory until the workbook is written, and a workbook of twenty offices'
// sheets would hold them all at once. So each office's sheet is streamed
// in a scratch workbook of its own, with the same styles in the same
// order, and its part, taken out as it is written, waits in a temporary
// file; the workbook written has an empty sheet in its place, whose part is
// replaced by the file when the zip is written. One office's sheet is in
// memory at a time. The temporary files go to a folder removed on return.
func Sasaran(w io.Writer, r *ikk.Result, l *ikk.SasaranLists, m SasaranMeta) error {
	dir, err := os.MkdirTemp("", "ikk-sasaran-xlsx-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	f, err := newDeterministicFile()
	if err != nil {
		return err
	}
	defer f.Close()
	b := &sasaranBook{x: &docSheet{f: f, size: docTableSize}, r: r, l: l, m: m, lang: m.Lang, dir: dir, parts: map[string]string{}}
	if b.m.Kabupaten == "" {
		b.m.Kabupaten = KabupatenName(r)
	}
	if err := b.build(); err != nil {
		return err
	}
	cw := &countingWriter{w: w}
	zw := &splicedZip{zw: zip.NewWriter(cw), parts: b.parts}
	f.SetZipWriter(func(io.Writer) excelize.ZipWriter { return zw })
	if _, err := f.WriteTo(io.Discard); err != nil {
		return err
	}
	return cw.err
}

type sasaranBook struct {
	x      *docSheet // the workbook written, and the styles of every sheet
	r      *ikk.Result
	l      *ikk.SasaranLists
	m      SasaranMeta
	lang   string
	group  int               // the style of a desa's heading row
	sheets []string          // the office sheets' names, by plan
	dir    string            // temporary files
	parts  map[string]string // office sheets' parts: the file holding each
}

func (b *sasaranBook) w(key string, kv ...string) string {
	return dw(b.lang, "sasaran."+key, withIndex(b.r.Set, b.lang, kv...)...)
}

// styles makes the styles of the lists in a workbook, always in the same
// order, so that the scratch workbooks' style numbers are the final one's.
func (b *sasaranBook) styles(x *docSheet) int {
	x.styles()
	return x.style(&excelize.Style{Font: &excelize.Font{Family: "Arial", Size: x.size, Bold: true},
		Border:    []excelize.Border{{Type: "left", Style: 1, Color: "000000"}, {Type: "right", Style: 1, Color: "000000"}, {Type: "top", Style: 1, Color: "000000"}, {Type: "bottom", Style: 1, Color: "000000"}},
		Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"F2F2F2"}},
		Alignment: &excelize.Alignment{Horizontal: "left", Vertical: "top", WrapText: true, Indent: 1}})
}

func (b *sasaranBook) build() error {
	x, f := b.x, b.x.f
	b.group = b.styles(x)
	cover := b.w("cover")
	used := map[string]bool{strings.ToLower(cover): true}
	x.check(f.SetSheetName("Sheet1", cover))
	for _, p := range b.l.Plans() {
		name := p.Sector.Short
		switch {
		case p.Sector.Key == "":
			name = dw(b.lang, "plan.unassigned_sheet")
		case name == "":
			name = p.Sector.Label
		}
		name = sheetName(name, used)
		b.sheets = append(b.sheets, name)
		if _, err := f.NewSheet(name); err != nil {
			return err
		}
	}
	ids := map[string]int{}
	for id, name := range f.GetSheetMap() {
		ids[name] = id
	}
	for k := range b.l.Plans() {
		part, err := b.office(k)
		if err != nil {
			return err
		}
		// A sheet made by NewSheet is the part of its sheet ID.
		b.parts["xl/worksheets/sheet"+strconv.Itoa(ids[b.sheets[k]])+".xml"] = part
		// The print titles are the workbook's, not the sheet's.
		x.check(f.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Titles",
			RefersTo: fmt.Sprintf("'%s'!$%d:$%d", b.sheets[k], b.headerRow(), b.headerRow()), Scope: b.sheets[k]}))
	}
	x.section(cover, b.coverSection(cover), false)
	title := b.w("props_title")
	if b.m.Kabupaten != "" {
		title += " – " + dw(b.lang, "plan.kab", "kabupaten", b.m.Kabupaten)
	}
	props := &excelize.DocProperties{Title: title, Subject: title, Creator: "ikk",
		Language: map[string]string{"id": "id-ID", "en": "en"}[b.lang],
		Created:  "2000-01-01T00:00:00Z", Modified: "2000-01-01T00:00:00Z"}
	if !b.m.Date.IsZero() {
		props.Created = b.m.Date.Format("2006-01-02") + "T00:00:00Z"
		props.Modified = props.Created
	}
	x.check(f.SetDocProps(props))
	return x.err
}

// splicedZip writes a workbook's zip, the parts of parts taken from their
// files instead of from excelize's (empty) sheets.
type splicedZip struct {
	zw    *zip.Writer
	parts map[string]string
}

func (s *splicedZip) Create(name string) (io.Writer, error) {
	w, err := s.zw.Create(name)
	path, ok := s.parts[name]
	if err != nil || !ok {
		return w, err
	}
	src, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer src.Close()
	if _, err := io.Copy(w, src); err != nil {
		return nil, err
	}
	return io.Discard, nil
}

func (s *splicedZip) AddFS(fsys fs.FS) error { return s.zw.AddFS(fsys) }
func (s *splicedZip) Close() error           { return s.zw.Close() }

// partCapture is the zip writer of a scratch workbook: it keeps one part,
// written to dst, and drops the rest.
type partCapture struct {
	name  string
	dst   io.Writer
	found bool
}

func (c *partCapture) Create(name string) (io.Writer, error) {
	if name == c.name {
		c.found = true
		return c.dst, nil
	}
	return io.Discard, nil
}

func (c *partCapture) AddFS(fs.FS) error { return nil }
func (c *partCapture) Close() error      { return nil }

// heading is the title block of the cover and of every office sheet.
func (b *sasaranBook) heading(office string) []string {
	lines := []string{b.w("title"), b.w("subtitle")}
	if office != "" {
		lines = append(lines, strings.ToUpper(office))
	}
	if b.m.Kabupaten != "" {
		lines = append(lines, dw(b.lang, "plan.kab", "kabupaten", strings.ToUpper(b.m.Kabupaten)))
	}
	return lines
}

func (b *sasaranBook) dateLine() string {
	if b.m.Date.IsZero() {
		return ""
	}
	return b.w("date", "date", LongDate(b.m.Date, b.lang))
}

func (b *sasaranBook) target() string { return NumTrim(b.r.Set.Target, b.lang) + "%" }

// coverSection says what the lists are, how they were drawn up, the rule
// of personal data when they name families, and each office's counts.
func (b *sasaranBook) coverSection(name string) docSection {
	plans := b.l.Plans()
	office := ""
	if len(plans) == 1 {
		office = officeName(plans[0].Sector, b.lang)
	}
	blocks := []docBlock{{kind: blockTitle, lines: b.heading(office)}}
	if d := b.dateLine(); d != "" {
		blocks = append(blocks, docBlock{kind: blockPara, lines: []string{d}})
	}
	blocks = append(blocks, docBlock{kind: blockPara, lines: []string{b.w("what"), b.w("how", "target", b.target())}})
	if b.m.Personal {
		blocks = append(blocks,
			docBlock{kind: blockTitle, lines: []string{b.w("personal_head")}},
			docBlock{kind: blockPara, lines: []string{b.w("personal_law"), b.w("personal_purpose"), b.w("personal_holders"), b.w("personal_destroy")}})
	} else {
		blocks = append(blocks, docBlock{kind: blockPara, lines: []string{b.w("masked")}})
	}
	if len(plans) == 0 {
		blocks = append(blocks, docBlock{kind: blockPara, lines: []string{b.w("none")}})
	} else {
		t := &docTable{head: []string{b.w("no"), b.w("office"), b.w("sheet"), b.w("indicators"), b.w("desa_count"), b.w("families")}}
		for k, p := range plans {
			var ids []string
			for _, pi := range planIndicators(p) {
				ids = append(ids, pi.ind.ID)
			}
			t.rows = append(t.rows, docRow{cells: []docCell{intCell(k+1, b.lang), textCell(officeName(p.Sector, b.lang)),
				textCell(b.sheets[k]), textCell(orDash(strings.Join(ids, ", "))), intCell(len(p.Desa), b.lang), intCell(b.l.Families(k), b.lang)}})
		}
		blocks = append(blocks, docBlock{kind: blockPara, lines: []string{b.w("offices_head")}},
			docBlock{kind: blockTable, table: t},
			docBlock{kind: blockNote, lines: []string{b.w("listed", "listed", Int(b.l.Listed(), b.lang), "scored", Int(b.r.Summary.Scored, b.lang))}})
	}
	blocks = append(blocks, docBlock{kind: blockSmall, lines: []string{dw(b.lang, "provenance", "set", b.r.Set.ID, "version", b.r.Set.Version)}})
	return docSection{name: name, blocks: blocks}
}

// The columns of an office's sheet.
const (
	sColNo = iota
	sColKec
	sColDesa
	sColCode
	sColRT
	sColKK
	sColName // only with personal data
	sColFails
	sColCount
	sColVisit
)

func (b *sasaranBook) columns() []int {
	cols := []int{sColNo, sColKec, sColDesa, sColCode, sColRT, sColKK}
	if b.m.Personal {
		cols = append(cols, sColName)
	}
	return append(cols, sColFails, sColCount, sColVisit)
}

func (b *sasaranBook) header(col int) string {
	return b.w([]string{"no", "kecamatan", "desa", "code", "rt", "kk", "name", "fails", "count", "visit"}[col])
}

// failLine is how a failed indicator is written in its cell, one a line.
func failLine(ind *ikk.Indicator) string { return ind.ID + " " + ind.Label }

// layout lays the office's columns out across a landscape line, from
// what they will hold: every desa and indicator of the plan, and the
// widest RT, KK number and name of the list (one pass over it).
func (b *sasaranBook) layout(k int, p ikk.SectorPlan, cols []int) ([]float64, error) {
	t := &docTable{}
	for _, c := range cols {
		t.head = append(t.head, b.header(c))
	}
	// The visit notes get the room left, and at least some to write in.
	t.widths = make([]float64, len(cols))
	t.fill = make([]float64, len(cols))
	t.widths[len(cols)-1], t.fill[len(cols)-1] = 1, 14
	row := func(vals map[int]string) {
		cells := make([]docCell, len(cols))
		for j, c := range cols {
			cells[j] = textCell(vals[c])
		}
		t.rows = append(t.rows, docRow{cells: cells})
	}
	// The widest number, and a digit of room: a number set right
	// touches its cell's border sooner than text.
	row(map[int]string{sColNo: Int(max(1, b.l.Families(k)), b.lang) + "0", sColCount: Int(len(planIndicators(p)), b.lang)})
	for _, n := range p.Desa {
		row(map[int]string{sColKec: n.Desa.Kecamatan, sColDesa: unitName(n.Desa), sColCode: orDash(n.Desa.Code)})
		for _, ind := range n.Indicators {
			row(map[int]string{sColFails: failLine(ind)})
		}
	}
	widest := map[int]string{}
	wordiest := map[int]string{}
	keep := func(c int, s string) {
		if printedWidth(s, t.fontSize(), false) > printedWidth(widest[c], t.fontSize(), false) {
			widest[c] = s
		}
		if longestWord(s, t.fontSize(), false) > longestWord(wordiest[c], t.fontSize(), false) {
			wordiest[c] = s
		}
	}
	err := b.l.Each(k, func(r *ikk.SasaranRow) error {
		keep(sColRT, r.RT)
		keep(sColKK, r.KK)
		keep(sColName, r.Name)
		return nil
	})
	row(widest)
	row(wordiest)
	return layoutColumns(t, xlsxLandscapeWidth*xlsxStretch), err
}

// office streams office k's sheet: its title, the summary, the header row
// (repeated on every printed page), and the families desa by desa, each
// desa under a heading row that names it with its count.
func (b *sasaranBook) office(k int) (string, error) {
	// The scratch workbook: its first sheet stays empty (and selected),
	// the office's is its second.
	f, err := newDeterministicFile(excelize.Options{TmpDir: b.dir})
	if err != nil {
		return "", err
	}
	defer f.Close()
	x := &docSheet{f: f, size: b.x.size}
	if b.styles(x) != b.group {
		return "", errors.New("report: the scratch workbook's styles differ")
	}
	sheet := b.sheets[k]
	if _, err := f.NewSheet(sheet); err != nil {
		return "", err
	}
	if err := b.officeSheet(x, k, sheet); err != nil {
		return "", err
	}
	out, err := os.CreateTemp(b.dir, "office-")
	if err != nil {
		return "", err
	}
	defer out.Close()
	bw := bufio.NewWriterSize(out, 256<<10)
	capture := &partCapture{name: "xl/worksheets/sheet2.xml", dst: bw}
	f.SetZipWriter(func(io.Writer) excelize.ZipWriter { return capture })
	if _, err := f.WriteTo(io.Discard); err != nil {
		return "", err
	}
	if err := bw.Flush(); err != nil {
		return "", err
	}
	if !capture.found {
		return "", errors.New("report: the office sheet's part was not written")
	}
	return out.Name(), out.Close()
}

// headerRow is the row of an office sheet's header: the title lines, a
// blank row, the summary, a blank row.
func (b *sasaranBook) headerRow() int {
	n := len(b.heading("-"))
	if b.dateLine() != "" {
		n++
	}
	return n + 4
}

// officeSheet streams office k's sheet into a scratch workbook.
func (b *sasaranBook) officeSheet(x *docSheet, k int, sheet string) error {
	f := x.f
	p := b.l.Plans()[k]
	label := officeName(p.Sector, b.lang)
	cols := b.columns()
	widths, err := b.layout(k, p, cols)
	if err != nil {
		return err
	}
	ncol := len(cols)
	lines := b.heading(label)
	if d := b.dateLine(); d != "" {
		lines = append(lines, d)
	}
	families := b.l.Families(k)
	summary := b.w("summary", "office", label, "families", Int(families, b.lang), "desa", Int(len(p.Desa), b.lang), "target", b.target())
	if len(p.Actions) == 0 {
		summary = b.w("summary_none", "office", label, "target", b.target())
	}
	headerRow := b.headerRow()
	// The print setup before the stream starts: the stream writer writes
	// the sheet's properties first and the page setup when flushed, from
	// the sheet as set up by then.
	size, orient, one, zero, yes := 9, "landscape", 1, 0, true
	x.check(f.SetPageLayout(sheet, &excelize.PageLayoutOptions{Size: &size, Orientation: &orient, FitToWidth: &one, FitToHeight: &zero}))
	x.check(f.SetSheetProps(sheet, &excelize.SheetPropsOptions{FitToPage: &yes}))
	// Inches: the plan's side margins; the page's header and footer lines
	// stand well clear of the table.
	mg, top, hf := 0.79, 0.9, 0.4
	x.check(f.SetPageMargins(sheet, &excelize.PageLayoutMarginsOptions{Left: &mg, Right: &mg, Top: &top, Bottom: &top, Header: &hf, Footer: &hf}))
	x.check(f.SetHeaderFooter(sheet, b.headerFooter(sheet)))
	if x.err != nil {
		return x.err
	}
	sw, err := f.NewStreamWriter(sheet)
	if err != nil {
		return err
	}
	for j := ncol - 1; j >= 0; j-- {
		x.check(sw.SetColWidth(j+1, j+1, xlsxColumnWidth(widths[j]+4)))
	}
	x.check(sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: headerRow, TopLeftCell: ref(1, headerRow+1), ActivePane: "bottomLeft"}))
	total := sum(widths)
	rowNo := 0
	// span writes a text across the whole line, as high as it wraps.
	span := func(text string, style int, size float64, bold bool) {
		rowNo++
		vals := make([]any, ncol)
		vals[0] = excelize.Cell{StyleID: style, Value: text}
		for j := 1; j < ncol; j++ {
			vals[j] = excelize.Cell{StyleID: style}
		}
		x.check(sw.SetRow(ref(1, rowNo), vals, excelize.RowOpts{Height: lineHeight(wrapLines(text, total-docCellPad, size, bold), size)}))
		x.check(sw.MergeCell(ref(1, rowNo), ref(ncol, rowNo)))
	}
	for _, l := range lines {
		span(l, x.title, 11, true)
	}
	rowNo++
	span(summary, x.corner, 11, false)
	rowNo++
	head := make([]any, ncol)
	hl := 1
	for j, c := range cols {
		h := slashBreaks(b.header(c))
		head[j] = excelize.Cell{StyleID: x.head, Value: h}
		hl = max(hl, wrapLines(h, widths[j]-docCellPad, x.size, true))
	}
	rowNo++
	if rowNo != headerRow {
		return fmt.Errorf("report: the header row of %s is %d, its print titles %d", sheet, rowNo, headerRow)
	}
	x.check(sw.SetRow(ref(1, rowNo), head, excelize.RowOpts{Height: lineHeight(hl, x.size)}))
	needs := map[*ikk.Unit]ikk.DesaNeed{}
	for _, n := range p.Desa {
		needs[n.Desa] = n
	}
	var desa *ikk.Unit
	n := 0
	err = b.l.Each(k, func(r *ikk.SasaranRow) error {
		if r.Desa != desa {
			desa = r.Desa
			var ids []string
			for _, ind := range needs[desa].Indicators {
				ids = append(ids, ind.ID)
			}
			span(b.w("group", "kind", DesaKind(desa, b.lang), "desa", unitName(desa), "code", orDash(desa.Code),
				"kecamatan", orDash(desa.Kecamatan), "families", Int(b.l.DesaFamilies(k, desa), b.lang),
				"indicators", strings.Join(ids, ", ")), b.group, x.size, true)
		}
		n++
		rowNo++
		fails := make([]string, len(r.Fails))
		for i, ind := range r.Fails {
			fails[i] = failLine(ind)
		}
		texts := map[int]string{sColKec: desa.Kecamatan, sColDesa: unitName(desa), sColCode: orDash(desa.Code),
			sColRT: orDash(r.RT), sColKK: orDash(r.KK), sColName: r.Name, sColFails: strings.Join(fails, "\n")}
		vals := make([]any, ncol)
		lines := 1
		for j, c := range cols {
			switch c {
			case sColNo:
				vals[j] = excelize.Cell{StyleID: x.int0, Value: n}
			case sColCount:
				vals[j] = excelize.Cell{StyleID: x.int0, Value: len(r.Fails)}
			default:
				// A string cell, never a formula, whatever the text.
				var v any
				if s := texts[c]; s != "" {
					v = s
				}
				vals[j] = excelize.Cell{StyleID: x.cell, Value: v}
				lines = max(lines, cellLines(texts[c], widths[j], x.size))
			}
		}
		return sw.SetRow(ref(1, rowNo), vals, excelize.RowOpts{Height: lineHeight(lines, x.size)})
	})
	if err != nil {
		return err
	}
	rowNo++
	span(b.w("fill"), x.wrap, 9, false)
	if x.err != nil {
		return x.err
	}
	return sw.Flush()
}

// cellLines is how many lines a text takes in a column of width points.
// A point of slack: the column of the longest text is exactly its width,
// which the sum of its words' widths may pass by a rounding.
func cellLines(s string, width, size float64) int {
	return wrapLines(s, width-docCellPad+1, size, false)
}

// headerFooter prints the office and the page number at the foot of every
// page and, on lists naming families, that they hold personal data at its
// head.
func (b *sasaranBook) headerFooter(sheet string) *excelize.HeaderFooterOptions {
	esc := func(s string) string { return strings.ReplaceAll(s, "&", "&&") }
	right := esc(dw(b.lang, "plan.kab", "kabupaten", strings.ToUpper(b.m.Kabupaten)))
	if b.m.Kabupaten == "" {
		right = ""
	}
	if d := b.dateLine(); d != "" {
		right = strings.TrimPrefix(right+" · "+esc(LongDate(b.m.Date, b.lang)), " · ")
	}
	hf := &excelize.HeaderFooterOptions{OddFooter: "&L&8" + esc(sheet) + "&C&8" + b.w("page") + "&R&8" + right}
	if b.m.Personal {
		hf.OddHeader = "&C&8&B" + esc(b.w("header_personal"))
	}
	return hf
}

// SasaranTooLong finds an office whose list would not fit on one sheet
// (Excel's 1,048,576 rows, with the title rows and a heading a desa): a
// province's list, not a kabupaten's. ok is false when every list fits.
func SasaranTooLong(l *ikk.SasaranLists, lang string) (office string, families int, ok bool) {
	for k, p := range l.Plans() {
		if l.Families(k)+len(p.Desa)+sasaranHeadRows > maxSheetRows {
			return officeName(p.Sector, lang), l.Families(k), true
		}
	}
	return "", 0, false
}

// sasaranHeadRows bounds the rows of an office sheet besides its families
// and desa headings.
const sasaranHeadRows = 16
