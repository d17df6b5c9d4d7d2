package form

import (
	"io"
	"math"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/ikk-tools/ikk/ikk"
	"github.com/ikk-tools/ikk/report"
	"github.com/xuri/excelize/v2"
)

// The Excel entry template: a data sheet whose header row holds exactly
// the names ikk score reads, with a drop-down or a number check on every
// column and the question as the input message; a sheet of instructions
// that also prints, on A4, as a blank paper form of one family; and a sheet
// of every code list, which the drop-downs read.
//
// The data sheet comes first: ikk score reads the first visible sheet whose
// header it knows, and so never reaches the other two. Their rows are
// written so that none could pass for a header either (no row holds two
// cells naming one column equally surely), which a test checks.

// Rows of the data sheet: the groups' band, the header, then the families.
const (
	bandRow   = 1
	headerRow = 2
	firstRow  = 3
	lastRow   = 1048576 // validations reach the sheet's end
)

// Template writes the Excel entry template of a form.
func Template(w io.Writer, f *Form) error {
	x, err := newBook()
	if err != nil {
		return err
	}
	defer x.Close()
	t := &template{f: f, x: x, lang: f.Lang, lists: map[string]string{}}
	t.data = t.say("form.sheet_data")
	t.guide = t.say("form.sheet_guide")
	t.codes = t.say("form.sheet_codes")
	t.check(x.SetSheetName(x.GetSheetName(0), t.data))
	for _, s := range []string{t.guide, t.codes} {
		_, err := x.NewSheet(s)
		t.check(err)
	}
	t.styles()
	t.codeSheet()
	t.dataSheet()
	t.guideSheet()
	if t.err != nil {
		return t.err
	}
	// The instructions are what a first reader needs; the data sheet stays
	// first in the tab order for ikk score.
	return finish(x, w, 1)
}

type template struct {
	f                   *Form
	x                   *excelize.File
	lang                string
	data, guide, codes  string
	lists               map[string]string // list key -> defined name of its entries
	err                 error
	bold, head, band    int
	wrap, cellText, num int
	title, text, boxed  int
}

func (t *template) check(err error) {
	if t.err == nil && err != nil {
		t.err = err
	}
}

func (t *template) say(key string, kv ...string) string { return report.Say(t.lang, key, kv...) }

func (t *template) style(s *excelize.Style) int {
	id, err := t.x.NewStyle(s)
	t.check(err)
	return id
}

func (t *template) styles() {
	border := []excelize.Border{{Type: "left", Color: "A6A6A6", Style: 1}, {Type: "right", Color: "A6A6A6", Style: 1},
		{Type: "top", Color: "A6A6A6", Style: 1}, {Type: "bottom", Color: "A6A6A6", Style: 1}}
	top := &excelize.Alignment{Vertical: "top", WrapText: true}
	t.bold = t.style(&excelize.Style{Font: &excelize.Font{Bold: true}})
	t.title = t.style(&excelize.Style{Font: &excelize.Font{Bold: true, Size: 14}})
	t.head = t.style(&excelize.Style{Font: &excelize.Font{Bold: true}, Border: border, Alignment: top,
		Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"DDEBF7"}}})
	t.band = t.style(&excelize.Style{Font: &excelize.Font{Bold: true, Color: "FFFFFF"}, Border: border,
		Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"2F5597"}}})
	t.wrap = t.style(&excelize.Style{Border: border, Alignment: top})
	t.boxed = t.style(&excelize.Style{Border: border, Alignment: top})
	t.text = t.style(&excelize.Style{Alignment: top})
	// Identifiers as text: a KK number typed as a number loses its last
	// digits, a code its leading zero.
	t.cellText = t.style(&excelize.Style{NumFmt: 49})
	t.num = t.style(&excelize.Style{NumFmt: 3})
}

func cell(col, row int) string {
	c, _ := excelize.CoordinatesToCellName(col, row)
	return c
}

func colName(col int) string {
	c, _ := excelize.ColumnNumberToName(col)
	return c
}

// absRange is a column's range on a sheet as a formula writes it.
func absRange(sheet string, col, from, to int) string {
	c := colName(col)
	return "'" + strings.ReplaceAll(sheet, "'", "''") + "'!$" + c + "$" + strconv.Itoa(from) + ":$" + c + "$" + strconv.Itoa(to)
}

// codeSheet writes every list as a block: a title, a header, the rows; the
// drop-downs read a block's entries through a defined name.
func (t *template) codeSheet() {
	s := t.codes
	row := 1
	t.check(t.x.SetCellValue(s, "A1", t.say("form.codes_title")))
	t.check(t.x.SetCellStyle(s, "A1", "A1", t.title))
	row = 3
	block := func(key, title string, head []string, rows [][]string, entryCol int) {
		t.check(t.x.SetCellValue(s, cell(1, row), title))
		t.check(t.x.SetCellStyle(s, cell(1, row), cell(1, row), t.bold))
		row++
		for i, h := range head {
			t.check(t.x.SetCellValue(s, cell(i+1, row), h))
		}
		t.check(t.x.SetCellStyle(s, cell(1, row), cell(len(head), row), t.head))
		row++
		first := row
		for _, r := range rows {
			for i, v := range r {
				t.check(t.x.SetCellStr(s, cell(i+1, row), v))
			}
			t.check(t.x.SetCellStyle(s, cell(1, row), cell(len(r), row), t.wrap))
			row++
		}
		name := "daftar_" + key
		t.check(t.x.SetDefinedName(&excelize.DefinedName{Name: name, RefersTo: absRange(s, entryCol, first, row-1)}))
		t.lists[key] = name
		row++
	}
	head := []string{t.say("form.codes_code"), t.say("form.codes_label"), t.say("form.codes_entry")}
	for _, l := range t.f.Lists {
		if l.Name == villageList {
			continue
		}
		var rows [][]string
		for _, c := range l.Choices {
			rows = append(rows, []string{c.Value, c.Label.In(t.lang), c.Entry})
		}
		block(l.Name, t.listTitle(l), head, rows, 3)
	}
	if a := t.f.Area; a != nil {
		block("kabupaten", t.say("form.codes_kabupaten"), []string{t.say("form.codes_code"), t.say("form.codes_name")},
			[][]string{{a.Code, a.Name}}, 2)
		var kec, villages [][]string
		for _, k := range a.Kecamatan {
			kec = append(kec, []string{k.Code, k.Name})
			for _, d := range k.Desa {
				villages = append(villages, []string{d.Code, d.Name, k.Name})
			}
		}
		block("kecamatan", t.say("form.codes_kecamatan", "area", a.Name), []string{t.say("form.codes_code"), t.say("form.codes_name")}, kec, 2)
		block(villageList, t.say("form.codes_villages", "area", a.Name, "source", t.say("form.codes_register")),
			[]string{t.say("form.codes_village_code"), t.say("form.codes_village_name"), t.say("form.codes_village_kecamatan")}, villages, 1)
		// The village names for the desa column: the same block's second
		// column.
		t.check(t.x.SetDefinedName(&excelize.DefinedName{Name: "daftar_nama_desa",
			RefersTo: absRange(s, 2, row-1-len(villages), row-2)}))
		t.lists["nama_desa"] = "daftar_nama_desa"
	}
	// Column A is as wide as its widest header ("Kode desa (isian
	// kode_desa)"): a header wrapped to two lines in a row of one line
	// prints over the first code.
	t.check(t.x.SetColWidth(s, "A", "A", 30))
	t.check(t.x.SetColWidth(s, "B", "C", 38))
	t.fitToWidth(s)
}

// listTitle names a list by the columns it answers.
func (t *template) listTitle(l *List) string {
	var cols []string
	for _, q := range t.f.Questions() {
		if q.List == l && q.Role == RoleNone {
			cols = append(cols, q.Name)
		}
	}
	if len(cols) == 1 {
		return cols[0] + ": " + t.f.Set.Column(cols[0]).Label
	}
	return t.say("form.codes_shared", "list", l.Name, "count", report.Int(len(cols), t.lang))
}

// dataSheet writes the band of groups, the header and every column's check.
func (t *template) dataSheet() {
	s := t.data
	col := 1
	for _, g := range t.f.Groups {
		first := col
		for _, q := range g.Questions {
			t.column(q, col)
			col++
		}
		t.check(t.x.SetCellValue(s, cell(first, bandRow), g.Label.In(t.lang)))
		if col-1 > first {
			t.check(t.x.MergeCell(s, cell(first, bandRow), cell(col-1, bandRow)))
		}
		t.check(t.x.SetCellStyle(s, cell(first, bandRow), cell(col-1, bandRow), t.band))
	}
	t.check(t.x.SetCellStyle(s, cell(1, headerRow), cell(col-1, headerRow), t.head))
	t.check(t.x.SetPanes(s, &excelize.Panes{Freeze: true, YSplit: headerRow, TopLeftCell: cell(1, firstRow), ActivePane: "bottomLeft"}))
	t.check(t.x.SetPageLayout(s, &excelize.PageLayoutOptions{Size: intPtr(9), Orientation: strPtr("landscape")}))
	t.check(t.x.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Titles", Scope: s,
		RefersTo: "'" + s + "'!$" + strconv.Itoa(bandRow) + ":$" + strconv.Itoa(headerRow)}))
	t.check(t.x.SetSheetView(s, 0, &excelize.ViewOptions{ShowGridLines: boolPtr(true)}))
}

// column writes one column of the data sheet: its header, width, format
// and check.
func (t *template) column(q *Question, col int) {
	s := t.data
	c := colName(col)
	t.check(t.x.SetCellStr(s, cell(col, headerRow), q.Name))
	width := float64(max(utf8.RuneCountInString(q.Name)+3, 12))
	if q.List != nil {
		for _, ch := range q.List.Choices {
			width = max(width, float64(utf8.RuneCountInString(ch.Entry)+3))
		}
	}
	t.check(t.x.SetColWidth(s, c, c, min(width, 40)))
	switch {
	case q.Kind == KindText || q.Kind == KindVillageCode || q.Kind == KindKKNumber:
		t.check(t.x.SetColStyle(s, c, t.cellText))
	case q.Column.Unit == ikk.UnitRupiah:
		t.check(t.x.SetColStyle(s, c, t.num))
	}
	dv := excelize.NewDataValidation(true)
	dv.Sqref = c + strconv.Itoa(firstRow) + ":" + c + strconv.Itoa(lastRow)
	t.rule(dv, q)
	msg := q.Label.In(t.lang) + "\n" + t.answers(q)
	if dk := dontKnowCodes(q.Column); dk != "" && q.Kind != KindSelect {
		msg += " " + t.say("form.hint_dont_know", "codes", dk)
	}
	dv.SetInput(cut(q.Name, 32), cut(msg, 255))
	t.check(t.x.AddDataValidation(s, dv))
}

// rule sets what a column's cells may hold. A value outside it is warned
// about, not refused: ikk reads more than a spreadsheet check can say (a
// code alone or its label, 750rb, a don't-know answer), and reports what it
// cannot read.
func (t *template) rule(dv *excelize.DataValidation, q *Question) {
	list := ""
	switch {
	case q.Role == RoleKabupaten:
		list = t.lists["kabupaten"]
	case q.Role == RoleKecamatan:
		list = t.lists["kecamatan"]
	case q.Role == RoleDesa:
		list = t.lists["nama_desa"]
	case q.List != nil:
		list = t.lists[q.List.Name]
	}
	switch {
	case list != "":
		dv.SetSqrefDropList(list)
		example := ""
		if q.List != nil && q.Role == RoleNone && len(q.List.Choices) > 0 {
			example = q.List.Choices[0].Value
		}
		if example != "" && q.Column.Type == ikk.ColCode {
			dv.SetError(excelize.DataValidationErrorStyleWarning, cut(t.say("form.error_title"), 32),
				cut(t.say("form.error_code", "example", example, "label", q.List.Choices[0].Label.In(t.lang)), 255))
		} else {
			dv.SetError(excelize.DataValidationErrorStyleWarning, cut(t.say("form.error_title"), 32), cut(t.say("form.error_list"), 255))
		}
	case q.Kind == KindInteger || q.Kind == KindDecimal:
		typ := excelize.DataValidationTypeWhole
		if q.Kind == KindDecimal {
			typ = excelize.DataValidationTypeDecimal
		}
		switch {
		case q.Min != nil && q.Max != nil:
			t.check(dv.SetRange(*q.Min, *q.Max, typ, excelize.DataValidationOperatorBetween))
		case q.Min != nil:
			t.check(dv.SetRange(*q.Min, 0, typ, excelize.DataValidationOperatorGreaterThanOrEqual))
		case q.Max != nil:
			t.check(dv.SetRange(*q.Max, 0, typ, excelize.DataValidationOperatorLessThanOrEqual))
		default:
			t.check(dv.SetRange(-1e15, 1e15, typ, excelize.DataValidationOperatorBetween))
		}
		if dv.Operator != "between" {
			dv.Formula2 = ""
		}
		dv.SetError(excelize.DataValidationErrorStyleWarning, cut(t.say("form.error_title"), 32),
			cut(q.ConstraintMessage().In(t.lang)+" "+t.say("form.error_number"), 255))
	case q.Kind == KindVillageCode:
		t.check(dv.SetRange(10, 13, excelize.DataValidationTypeTextLength, excelize.DataValidationOperatorBetween))
		dv.SetError(excelize.DataValidationErrorStyleWarning, cut(t.say("form.error_title"), 32), cut(t.say("form.constraint_village_code"), 255))
	case q.Kind == KindKKNumber:
		t.check(dv.SetRange(16, 16, excelize.DataValidationTypeTextLength, excelize.DataValidationOperatorBetween))
		dv.SetError(excelize.DataValidationErrorStyleWarning, cut(t.say("form.error_title"), 32), cut(t.say("form.constraint_kk"), 255))
	}
}

// answers says what a column accepts, for its input message and the
// instructions.
func (t *template) answers(q *Question) string {
	switch {
	case q.Role == RoleVillage || q.Role == RoleDesa || q.Role == RoleKecamatan || q.Role == RoleKabupaten:
		return t.say("form.answer_area", "area", t.f.Area.Name)
	case q.List != nil && q.Column.Type == ikk.ColYesNo:
		return t.say("form.answer_yesno", "yes", q.List.Choices[0].Entry, "no", q.List.Choices[1].Entry)
	case q.List != nil && q.Column.Type == ikk.ColSex:
		return t.say("form.answer_sex")
	case q.List != nil:
		codes := make([]int, 0, len(q.List.Choices))
		for _, c := range q.List.Choices {
			n, _ := strconv.Atoi(c.Value)
			codes = append(codes, n)
		}
		return t.say("form.answer_code", "codes", codeRanges(codes), "sheet", t.codes)
	case q.Kind == KindInteger || q.Kind == KindDecimal:
		a := q.ConstraintMessage().In(t.lang)
		switch q.Column.Unit.String() {
		case "rupiah":
			a += " " + t.say("form.answer_rupiah")
		case "m2":
			a += " " + t.say("form.answer_m2")
		}
		return a
	case q.Kind == KindVillageCode:
		return t.say("form.answer_village_code")
	case q.Kind == KindKKNumber:
		return t.say("form.constraint_kk")
	}
	return t.say("form.answer_text")
}

// codeRanges writes codes 1,2,3,5 as 1-3, 5.
func codeRanges(codes []int) string {
	var parts []string
	for i := 0; i < len(codes); {
		j := i
		for j+1 < len(codes) && codes[j+1] == codes[j]+1 {
			j++
		}
		if j > i {
			parts = append(parts, strconv.Itoa(codes[i])+"-"+strconv.Itoa(codes[j]))
		} else {
			parts = append(parts, strconv.Itoa(codes[i]))
		}
		i = j + 1
	}
	return strings.Join(parts, ", ")
}

// guideSheet writes the instructions and the table of questions, which
// prints as the paper form of one family.
func (t *template) guideSheet() {
	s := t.guide
	set := t.f.Set
	widths := []float64{5, 24, 48, 30, 28, 9, 22}
	for i, w := range widths {
		c := colName(i + 1)
		t.check(t.x.SetColWidth(s, c, c, w))
	}
	total := 0.0
	for _, w := range widths {
		total += w
	}
	line := func(row int, text string, style int) {
		t.check(t.x.SetCellStr(s, cell(1, row), text))
		t.check(t.x.MergeCell(s, cell(1, row), cell(len(widths), row)))
		t.check(t.x.SetCellStyle(s, cell(1, row), cell(1, row), style))
		t.check(t.x.SetRowHeight(s, row, height(text, total)))
	}
	line(1, t.say("form.guide_title", "name", set.Name), t.title)
	line(2, t.say("form.guide_set", "id", set.ID, "version", set.Version, "count", report.Int(len(set.Indicators), t.lang),
		"sha", shortSHA(set.SHA256)), t.text)
	steps := []string{
		t.say("form.guide_step_rows", "sheet", t.data),
		t.say("form.guide_step_lists", "sheet", t.codes),
		t.say("form.guide_step_applies"),
		t.say("form.guide_step_numbers"),
		t.say("form.guide_step_score"),
	}
	if t.f.Area != nil {
		steps = append(steps[:2], append([]string{t.say("form.guide_step_area", "area", t.f.Area.Name, "sheet", t.codes)}, steps[2:]...)...)
	}
	row := 4
	for i, st := range steps {
		line(row, strconv.Itoa(i+1)+". "+st, t.text)
		row++
	}
	row++
	line(row, t.say("form.guide_paper"), t.bold)
	row++
	head := []string{t.say("form.guide_no"), t.say("form.guide_column"), t.say("form.guide_question"),
		t.say("form.guide_answers"), t.say("form.guide_applies"), t.say("form.guide_required"), t.say("form.guide_answer")}
	for i, h := range head {
		t.check(t.x.SetCellStr(s, cell(i+1, row), h))
	}
	t.check(t.x.SetCellStyle(s, cell(1, row), cell(len(head), row), t.head))
	t.check(t.x.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Titles", Scope: s,
		RefersTo: "'" + s + "'!$" + strconv.Itoa(row) + ":$" + strconv.Itoa(row)}))
	row++
	n, col := 0, 0
	for _, g := range t.f.Groups {
		t.check(t.x.SetCellStr(s, cell(1, row), g.Label.In(t.lang)))
		t.check(t.x.MergeCell(s, cell(1, row), cell(len(head), row)))
		t.check(t.x.SetCellStyle(s, cell(1, row), cell(len(head), row), t.band))
		row++
		for _, q := range g.Questions {
			n++
			col++
			required := ""
			if q.Required {
				required = t.say("form.yes")
			}
			question := q.Label.In(t.lang)
			if q.Hint.ID != "" {
				question += "\n" + q.Hint.In(t.lang)
			}
			// The column's letter beside its name: where to find it on
			// the data sheet, and a cell that cannot pass for a header.
			cells := []string{strconv.Itoa(n), colName(col) + " · " + q.Name, question, t.answers(q), t.appliesText(q), required, ""}
			h := 15.0
			for i, v := range cells {
				t.check(t.x.SetCellStr(s, cell(i+1, row), v))
				h = max(h, height(v, widths[i]))
			}
			t.check(t.x.SetCellStyle(s, cell(1, row), cell(len(head), row), t.boxed))
			t.check(t.x.SetRowHeight(s, row, h))
			row++
		}
	}
	t.fitToWidth(s)
}

// fitToWidth prints a sheet on A4 portrait, as many pages down as needed
// and one across.
func (t *template) fitToWidth(s string) {
	t.check(t.x.SetPageLayout(s, &excelize.PageLayoutOptions{Size: intPtr(9), Orientation: strPtr("portrait"),
		FitToWidth: intPtr(1), FitToHeight: intPtr(0)}))
	t.check(t.x.SetSheetProps(s, &excelize.SheetPropsOptions{FitToPage: boolPtr(true)}))
}

// appliesText says when a question is asked, in words of the rules.
func (t *template) appliesText(q *Question) string {
	if len(q.Applies) == 0 {
		return t.say("rule.all")
	}
	var parts []string
	for _, name := range q.Applies {
		for _, ind := range q.Readers {
			if ind.Applies == name {
				parts = append(parts, report.AppliesText(t.lang, t.f.Set, ind))
				break
			}
		}
	}
	return strings.Join(parts, " "+t.say("rule.or")+" ")
}

// height is the row height that shows text wrapped in a column of width
// characters: 15 points a line.
func height(text string, width float64) float64 {
	lines := 0
	for _, l := range strings.Split(text, "\n") {
		n := utf8.RuneCountInString(l)
		lines += max(1, int(math.Ceil(float64(n)/(width*0.95))))
	}
	return 15 * float64(max(1, lines))
}

func shortSHA(s string) string {
	if len(s) > 12 {
		return s[:12]
	}
	return s
}

// cut shortens s to n characters, the limit Excel puts on a validation's
// title and message.
func cut(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n-1]) + "…"
}

func intPtr(v int) *int       { return &v }
func strPtr(v string) *string { return &v }
func boolPtr(v bool) *bool    { return &v }
