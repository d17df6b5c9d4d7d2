package form

import (
	"io"
	"strings"

	"github.com/xuri/excelize/v2"
)

// The XLSForm of a form, as the XLSForm standard (xlsform.org) defines it:
// a survey sheet (one row per question, groups as begin_group/end_group,
// labels, hints and constraint messages per language in "column::Language
// (code)" columns), a choices sheet (list_name, name, labels), and a
// settings sheet (form_title, form_id, version, default_language).

// surveyColumns are the columns of the survey sheet, in order.
func surveyColumns() []string {
	cols := []string{"type", "name"}
	for _, part := range []string{"label", "hint"} {
		for _, l := range Languages {
			cols = append(cols, part+"::"+l.Name)
		}
	}
	cols = append(cols, "required", "relevant", "constraint")
	for _, l := range Languages {
		cols = append(cols, "constraint_message::"+l.Name)
	}
	return append(cols, "calculation", "appearance")
}

// XLSForm writes the form as an XLSForm workbook.
func XLSForm(w io.Writer, f *Form) error {
	x, err := newBook()
	if err != nil {
		return err
	}
	defer x.Close()
	s := &sheetWriter{x: x}
	s.sheet("survey", true)
	s.header(surveyColumns())
	for _, g := range f.Groups {
		s.row(xlsRow{"type": "begin_group", "name": g.Name}.labels("label", g.Label))
		for _, q := range g.Questions {
			s.row(f.surveyRow(q))
		}
		s.row(xlsRow{"type": "end_group", "name": g.Name})
	}
	s.widths(map[string]float64{"type": 24, "name": 24, "label": 60, "hint": 40, "relevant": 40, "constraint": 28, "constraint_message": 30, "calculation": 40})
	f.choicesSheet(s)
	s.sheet("settings", false)
	s.header([]string{"form_title", "form_id", "version", "default_language"})
	lang := f.langsDefaultFirst()[0].Name
	s.row(xlsRow{"form_title": f.Title, "form_id": f.ID, "version": f.Version, "default_language": lang})
	s.widths(map[string]float64{"form_title": 40, "form_id": 16, "version": 24, "default_language": 18})
	if s.err != nil {
		return s.err
	}
	return finish(x, w, 0)
}

func (f *Form) surveyRow(q *Question) xlsRow {
	ref := func(name string) string { return "${" + name + "}" }
	r := xlsRow{"name": q.Name}
	if f.calculated(q) {
		r["type"] = "calculate"
		r["calculation"] = f.calculation(q, ref)
		return r
	}
	switch q.Kind {
	case KindSelect:
		r["type"] = "select_one " + q.List.Name
		if q.List.Name == villageList {
			r["appearance"] = "autocomplete"
		}
	case KindInteger:
		r["type"] = "integer"
	case KindDecimal:
		r["type"] = "decimal"
	default:
		r["type"] = "text"
	}
	r.labels("label", q.Label).labels("hint", q.Hint).labels("constraint_message", q.ConstraintMessage())
	if q.Required {
		r["required"] = "yes"
	}
	r["relevant"] = f.Relevant(q, ref)
	r["constraint"] = q.Constraint()
	return r
}

func (f *Form) choicesSheet(s *sheetWriter) {
	s.sheet("choices", false)
	cols := []string{"list_name", "name"}
	for _, l := range Languages {
		cols = append(cols, "label::"+l.Name)
	}
	if f.Area != nil {
		// Extra columns of the village list, which the calculations of
		// kecamatan and desa read.
		cols = append(cols, "kecamatan", "nama")
	}
	s.header(cols)
	for _, l := range f.Lists {
		for _, c := range l.Choices {
			r := xlsRow{"list_name": l.Name, "name": c.Value}.labels("label", c.Label)
			if l.Name == villageList {
				r["kecamatan"], r["nama"] = c.Kecamatan, c.Name
			}
			s.row(r)
		}
	}
	s.widths(map[string]float64{"list_name": 20, "name": 16, "label": 40, "kecamatan": 20, "nama": 24})
}

// xlsRow is a row of an XLSForm sheet by column name.
type xlsRow map[string]string

// labels sets the columns part::Language of every language.
func (r xlsRow) labels(part string, w Words) xlsRow {
	if w.ID == "" {
		return r
	}
	for _, l := range Languages {
		r[part+"::"+l.Name] = w.In(l.Code)
	}
	return r
}

// sheetWriter writes rows of named columns on one sheet after another,
// keeping the first error.
type sheetWriter struct {
	x    *excelize.File
	name string
	cols []string
	n    int
	err  error
}

// sheet starts a sheet; first renames the workbook's initial one.
func (s *sheetWriter) sheet(name string, first bool) {
	if s.err != nil {
		return
	}
	s.name, s.n = name, 0
	if first {
		s.err = s.x.SetSheetName(s.x.GetSheetName(0), name)
		return
	}
	_, s.err = s.x.NewSheet(name)
}

func (s *sheetWriter) header(cols []string) {
	s.cols = cols
	r := xlsRow{}
	for _, c := range cols {
		r[c] = c
	}
	s.row(r)
	if s.err == nil {
		s.err = s.x.SetPanes(s.name, &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"})
	}
	if s.err == nil {
		var style int
		style, s.err = s.x.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}})
		if s.err == nil {
			s.err = s.x.SetRowStyle(s.name, 1, 1, style)
		}
	}
}

func (s *sheetWriter) row(r xlsRow) {
	if s.err != nil {
		return
	}
	s.n++
	vals := make([]any, len(s.cols))
	for i, c := range s.cols {
		vals[i] = r[c]
	}
	cell, _ := excelize.CoordinatesToCellName(1, s.n)
	s.err = s.x.SetSheetRow(s.name, cell, &vals)
}

// widths sets column widths by column name; a name without "::" also sets
// its per-language columns.
func (s *sheetWriter) widths(w map[string]float64) {
	for i, c := range s.cols {
		base := c
		if j := strings.Index(c, "::"); j >= 0 {
			base = c[:j]
		}
		width, ok := w[base]
		if !ok || s.err != nil {
			continue
		}
		col, _ := excelize.ColumnNumberToName(i + 1)
		s.err = s.x.SetColWidth(s.name, col, col, width)
	}
}
