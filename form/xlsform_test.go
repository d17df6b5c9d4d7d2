package form

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// The XLSForm is checked against the rules a converter (pyxform, which
// KoboToolbox and ODK Central's XLSForm upload run) enforces, written out
// here since no converter runs in the tests:
//
//	sheets     survey and choices exist; settings holds form_id and version
//	columns    survey has type, name and label columns, choices list_name,
//	           name and label; no sheet repeats a column
//	types      every type is one pyxform knows (of those a form of ikk uses)
//	names      every row but end_group has a name that is an XML name, and
//	           no two survey rows share one
//	groups     begin_group and end_group nest
//	lists      every select_one names a list of the choices sheet; a
//	           list's choice names are unique, without spaces, and labelled
//	labels     every question and group has a label in every language of
//	           the sheet (pyxform warns and ODK shows "-" otherwise)
//	calculate  a calculate row has a calculation
//	refs       every ${name} in relevant, constraint, calculation,
//	           choice_filter and labels names a question defined on an
//	           earlier row (pyxform requires it defined; earlier is what a
//	           form filled in order needs) and not the row itself
//	required   is yes, no, true, false or blank
//	language   default_language is a language of the label columns
//	syntax     an expression's parentheses and quotes balance; instance()
//	           names a choice list and reads its columns
//
// and against the XForm: every question is a node there, with the same
// relevance once ${name} is written as the node's path.

// sheetRows is a sheet read as rows by column name.
type sheetRows struct {
	cols []string
	rows []map[string]string
}

type xlsForm map[string]*sheetRows

func readXLSForm(t *testing.T, data []byte) xlsForm {
	t.Helper()
	x, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	out := xlsForm{}
	for _, name := range x.GetSheetList() {
		rows, err := x.GetRows(name)
		if err != nil {
			t.Fatal(err)
		}
		s := &sheetRows{}
		if len(rows) > 0 {
			s.cols = rows[0]
		}
		for _, r := range rows[1:] {
			m := map[string]string{}
			for i, v := range r {
				if i < len(s.cols) && v != "" {
					m[s.cols[i]] = v
				}
			}
			s.rows = append(s.rows, m)
		}
		out[name] = s
	}
	return out
}

var (
	xmlNameRe = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_.-]*$`)
	refRe     = regexp.MustCompile(`\$\{([^}]*)\}`)
	langRe    = regexp.MustCompile(`^label::(.+)$`)
	instRe    = regexp.MustCompile(`instance\('([^']*)'\)/root/item\[[^\]]*\]/([A-Za-z_][A-Za-z0-9_]*)`)
)

// checkXLSForm returns every rule a form breaks, "rule: what".
func checkXLSForm(x xlsForm) []string {
	var bad []string
	add := func(rule, format string, a ...any) { bad = append(bad, rule+": "+fmt.Sprintf(format, a...)) }
	survey, choices, settings := x["survey"], x["choices"], x["settings"]
	if survey == nil || choices == nil {
		add("sheets", "survey and choices are required")
		return bad
	}
	var langs []string
	for _, s := range []struct {
		name string
		rows *sheetRows
		need []string
	}{{"survey", survey, []string{"type", "name"}}, {"choices", choices, []string{"list_name", "name"}}} {
		seen := map[string]bool{}
		for _, c := range s.rows.cols {
			if seen[c] {
				add("columns", "%s repeats column %s", s.name, c)
			}
			seen[c] = true
			if m := langRe.FindStringSubmatch(c); m != nil && s.name == "survey" {
				langs = append(langs, m[1])
			}
		}
		for _, c := range s.need {
			if !seen[c] {
				add("columns", "%s has no %s column", s.name, c)
			}
		}
	}
	if len(langs) == 0 {
		add("columns", "survey has no label column")
	}
	lists := map[string]map[string]bool{}
	for i, r := range choices.rows {
		l, n := r["list_name"], r["name"]
		if lists[l] == nil {
			lists[l] = map[string]bool{}
		}
		switch {
		case n == "":
			add("lists", "choices row %d has no name", i+2)
		case strings.ContainsAny(n, " \t"):
			add("lists", "choice %q of %s has a space", n, l)
		case lists[l][n]:
			add("lists", "list %s repeats choice %q", l, n)
		}
		lists[l][n] = true
		for _, lang := range langs {
			if r["label::"+lang] == "" {
				add("lists", "choice %q of %s has no label in %s", n, l, lang)
			}
		}
	}
	defined := map[string]int{}
	var open []string
	for i, r := range survey.rows {
		row := i + 2
		typ, name := r["type"], r["name"]
		switch {
		case typ == "end_group":
			if len(open) == 0 {
				add("groups", "row %d ends a group none began", row)
			} else {
				open = open[:len(open)-1]
			}
			continue
		case typ == "begin_group":
			open = append(open, name)
		case strings.HasPrefix(typ, "select_one "):
			if l := strings.TrimPrefix(typ, "select_one "); lists[l] == nil {
				add("lists", "row %d (%s) selects from list %s, which choices lacks", row, name, l)
			}
		case typ == "calculate":
			if r["calculation"] == "" {
				add("calculate", "row %d (%s) has no calculation", row, name)
			}
		case typ == "integer" || typ == "decimal" || typ == "text":
		default:
			add("types", "row %d has type %q", row, typ)
		}
		switch {
		case !xmlNameRe.MatchString(name):
			add("names", "row %d has name %q", row, name)
		case defined[name] > 0:
			add("names", "rows %d and %d are both named %s", defined[name], row, name)
		}
		if typ != "calculate" {
			for _, lang := range langs {
				if r["label::"+lang] == "" {
					add("labels", "row %d (%s) has no label in %s", row, name, lang)
				}
			}
		}
		switch r["required"] {
		case "", "yes", "no", "true", "false":
		default:
			add("required", "row %d: %q", row, r["required"])
		}
		for col, v := range r {
			if !slices.Contains([]string{"relevant", "constraint", "calculation", "choice_filter"}, col) && !strings.HasPrefix(col, "label") {
				continue
			}
			for _, m := range refRe.FindAllStringSubmatch(v, -1) {
				switch {
				case m[1] == name:
					add("refs", "row %d (%s) refers to itself in %s", row, name, col)
				case defined[m[1]] == 0:
					add("refs", "row %d (%s) uses ${%s} in %s before any row defines it", row, name, m[1], col)
				}
			}
			if col == "label" || strings.HasPrefix(col, "label") {
				continue
			}
			if !balanced(v) {
				add("syntax", "row %d (%s): %s %q does not balance", row, name, col, v)
			}
			for _, m := range instRe.FindAllStringSubmatch(v, -1) {
				if lists[m[1]] == nil || !slices.Contains(choices.cols, m[2]) {
					add("syntax", "row %d (%s) reads %s of list %s, which choices lacks", row, name, m[2], m[1])
				}
			}
		}
		defined[name] = row
	}
	if len(open) > 0 {
		add("groups", "groups %v are not ended", open)
	}
	if settings == nil || len(settings.rows) == 0 {
		add("sheets", "no settings")
		return bad
	}
	st := settings.rows[0]
	if !xmlNameRe.MatchString(st["form_id"]) || st["version"] == "" {
		add("sheets", "settings form_id %q version %q", st["form_id"], st["version"])
	}
	if d := st["default_language"]; d != "" && !slices.Contains(langs, d) {
		add("language", "default_language %q is none of %v", d, langs)
	}
	return bad
}

// balanced reports whether an expression's parentheses and brackets nest
// and its quotes close.
func balanced(s string) bool {
	var stack []rune
	var quote rune
	for _, r := range s {
		switch {
		case quote != 0:
			if r == quote {
				quote = 0
			}
		case r == '\'' || r == '"':
			quote = r
		case r == '(' || r == '[':
			stack = append(stack, r)
		case r == ')' || r == ']':
			if len(stack) == 0 || (r == ')') != (stack[len(stack)-1] == '(') {
				return false
			}
			stack = stack[:len(stack)-1]
		}
	}
	return quote == 0 && len(stack) == 0
}

// TestXLSFormRules: the XLSForm of the default set, with villages typed and
// with Tabalong's, breaks none of the rules; and each rule catches the
// mistake it is for, so that the check itself can fail.
func TestXLSFormRules(t *testing.T) {
	s := defaultSet(t)
	forms := map[string]*Form{"typed": Build(s, Options{Lang: "id"}), "tabalong": Build(s, Options{Lang: "en", Area: tabalong(t)}),
		"odd": Build(oddSet(t), Options{Lang: "id"})}
	for name, f := range forms {
		var buf bytes.Buffer
		if err := XLSForm(&buf, f); err != nil {
			t.Fatal(err)
		}
		x := readXLSForm(t, buf.Bytes())
		if bad := checkXLSForm(x); len(bad) > 0 {
			t.Errorf("%s: %d rules broken:\n%s", name, len(bad), strings.Join(bad, "\n"))
		}
		checkAgainstXForm(t, f, x)
	}

	base := forms["tabalong"]
	var buf bytes.Buffer
	if err := XLSForm(&buf, base); err != nil {
		t.Fatal(err)
	}
	row := func(x xlsForm, name string) map[string]string {
		for _, r := range x["survey"].rows {
			if r["name"] == name {
				return r
			}
		}
		t.Fatalf("no row %s", name)
		return nil
	}
	tests := []struct {
		rule  string
		spoil func(x xlsForm)
	}{
		{"names", func(x xlsForm) { row(x, "rt")["name"] = "no_kk" }},
		{"names", func(x xlsForm) { row(x, "rt")["name"] = "rt baru" }},
		{"lists", func(x xlsForm) { row(x, "status_rumah")["type"] = "select_one status_rumah_lama" }},
		{"lists", func(x xlsForm) { x["choices"].rows[1]["name"] = x["choices"].rows[0]["name"] }},
		{"lists", func(x xlsForm) { x["choices"].rows[0]["name"] = "laki laki" }},
		{"lists", func(x xlsForm) { delete(x["choices"].rows[0], "label::English (en)") }},
		{"groups", func(x xlsForm) {
			rows := x["survey"].rows
			x["survey"].rows = rows[:len(rows)-1]
		}},
		{"groups", func(x xlsForm) { x["survey"].rows = append(x["survey"].rows, map[string]string{"type": "end_group"}) }},
		{"refs", func(x xlsForm) { row(x, "buku_nikah")["relevant"] = "${status_kawin} = '2'" }},
		{"refs", func(x xlsForm) { row(x, "jml_art")["relevant"] = "${jml_anak} >= 1" }},
		{"refs", func(x xlsForm) { row(x, "kecamatan")["calculation"] = "${kecamatan}" }},
		{"labels", func(x xlsForm) { delete(row(x, "buku_nikah"), "label::Indonesian (id)") }},
		{"calculate", func(x xlsForm) { delete(row(x, "desa"), "calculation") }},
		{"types", func(x xlsForm) { row(x, "jml_art")["type"] = "integr" }},
		{"required", func(x xlsForm) { row(x, "jml_art")["required"] = "ya" }},
		{"language", func(x xlsForm) { x["settings"].rows[0]["default_language"] = "Indonesian" }},
		{"sheets", func(x xlsForm) { x["settings"].rows[0]["form_id"] = "form ikk" }},
		{"syntax", func(x xlsForm) { row(x, "buku_nikah")["relevant"] = "(${status_kawin_kk} = '2'" }},
		{"syntax", func(x xlsForm) {
			row(x, "desa")["calculation"] = "instance('desa_kelurahan')/root/item[name = ${kode_desa}]/nama_desa"
		}},
		{"columns", func(x xlsForm) { x["choices"].cols = append(x["choices"].cols, "name") }},
	}
	for _, tt := range tests {
		x := readXLSForm(t, buf.Bytes())
		tt.spoil(x)
		bad := checkXLSForm(x)
		if len(bad) == 0 || !slices.ContainsFunc(bad, func(b string) bool { return strings.HasPrefix(b, tt.rule+": ") }) {
			t.Errorf("rule %s did not catch its mistake; found %q", tt.rule, bad)
		}
	}
}

// checkAgainstXForm: every question of the XLSForm is a node of the XForm
// with the same type of answer and the same relevance and constraint.
func checkAgainstXForm(t *testing.T, f *Form, x xlsForm) {
	t.Helper()
	var buf bytes.Buffer
	if err := XForm(&buf, f); err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Binds []struct {
			Nodeset    string `xml:"nodeset,attr"`
			Type       string `xml:"type,attr"`
			Relevant   string `xml:"relevant,attr"`
			Constraint string `xml:"constraint,attr"`
			Calculate  string `xml:"calculate,attr"`
			Required   string `xml:"required,attr"`
		} `xml:"head>model>bind"`
	}
	if err := xml.Unmarshal(buf.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	binds := map[string]int{}
	for i, b := range doc.Binds {
		binds[b.Nodeset] = i
	}
	toPath := func(s string) string {
		return refRe.ReplaceAllStringFunc(s, func(m string) string { return f.Path(m[2 : len(m)-1]) })
	}
	types := map[string]string{"integer": "int", "decimal": "decimal", "text": "string", "calculate": "string"}
	n := 0
	for _, r := range x["survey"].rows {
		if r["type"] == "begin_group" || r["type"] == "end_group" {
			continue
		}
		n++
		i, ok := binds[f.Path(r["name"])]
		if !ok {
			t.Errorf("%s: no node %s in the XForm", r["name"], f.Path(r["name"]))
			continue
		}
		b := doc.Binds[i]
		typ := types[r["type"]]
		if strings.HasPrefix(r["type"], "select_one ") {
			typ = "string"
		}
		if b.Type != typ || b.Relevant != toPath(r["relevant"]) || b.Constraint != r["constraint"] ||
			b.Calculate != toPath(r["calculation"]) || (b.Required == "true()") != (r["required"] == "yes") {
			t.Errorf("%s: XForm bind %+v, XLSForm row %v", r["name"], b, r)
		}
	}
	if n != len(f.Questions()) || len(doc.Binds) != n+1 {
		t.Errorf("%d XLSForm questions, %d XForm binds, %d questions in the form", n, len(doc.Binds), len(f.Questions()))
	}
}
