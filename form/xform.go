package form

import (
	"io"
	"strconv"
	"strings"
)

// The ODK XForm of a form, as the ODK XForms specification defines it
// (getodk.github.io/xforms-spec), shaped as pyxform shapes the XForm of an
// XLSForm: a primary instance <data> with a node per group and question and
// meta/instanceID, itext translations in both languages, binds with type,
// required, relevant and constraint, and a body of groups and controls.

// Namespaces of an ODK XForm.
const (
	nsXForms = "http://www.w3.org/2002/xforms"
	nsXHTML  = "http://www.w3.org/1999/xhtml"
	nsJR     = "http://openrosa.org/javarosa"
	nsODK    = "http://www.opendatakit.org/xforms"
	nsORX    = "http://openrosa.org/xforms"
	nsXSD    = "http://www.w3.org/2001/XMLSchema"
)

// Languages are the languages of the ODK forms, as XLSForm columns and
// XForm translations name them.
var Languages = []struct{ Code, Name string }{{"id", "Indonesian (id)"}, {"en", "English (en)"}}

// langsDefaultFirst orders the languages with f.Lang first.
func (f *Form) langsDefaultFirst() []struct{ Code, Name string } {
	out := append(Languages[:0:0], Languages...)
	for i, l := range out {
		if l.Code == f.Lang && i > 0 {
			out[0], out[i] = out[i], out[0]
		}
	}
	return out
}

// Path is a question's node in the XForm's primary instance.
func (f *Form) Path(name string) string {
	for _, g := range f.Groups {
		for _, q := range g.Questions {
			if q.Name == name {
				return "/data/" + g.Name + "/" + q.Name
			}
		}
	}
	return "/data/" + name
}

// XForm writes the form as an ODK XForm.
func XForm(w io.Writer, f *Form) error {
	model := el("model", "odk:xforms-version", "1.0.0")
	model.add(f.itext())
	model.add(el("instance").add(f.primaryInstance()))
	for _, l := range f.Lists {
		if l.Name == villageList {
			model.add(villageInstance(l))
		}
	}
	model.add(f.binds()...)
	html := el("h:html", "xmlns", nsXForms, "xmlns:h", nsXHTML, "xmlns:jr", nsJR, "xmlns:odk", nsODK, "xmlns:orx", nsORX, "xmlns:xsd", nsXSD)
	html.add(el("h:head").add(el("h:title").with(f.Title), model))
	html.add(f.body())
	return writeXML(w, html)
}

const villageList = "desa_kelurahan"

func (f *Form) primaryInstance() *elem {
	data := el("data", "id", f.ID, "version", f.Version)
	for _, g := range f.Groups {
		ge := el(g.Name)
		for _, q := range g.Questions {
			ge.add(el(q.Name))
		}
		data.add(ge)
	}
	return data.add(el("meta").add(el("instanceID")))
}

// villageInstance is the area's villages as a secondary instance, each
// with its kecamatan and name, for the choice and the names that follow.
func villageInstance(l *List) *elem {
	root := el("root")
	for _, c := range l.Choices {
		root.add(el("item").add(el("name").with(c.Value), el("label").with(c.Label.ID),
			el("kecamatan").with(c.Kecamatan), el("nama").with(c.Name)))
	}
	return el("instance", "id", l.Name).add(root)
}

// itext holds every label, hint and message in both languages.
func (f *Form) itext() *elem {
	it := el("itext")
	for i, lang := range f.langsDefaultFirst() {
		tr := el("translation", "lang", lang.Name)
		if i == 0 {
			tr.attr("default", "true()")
		}
		text := func(id, value string) {
			if value != "" {
				tr.add(el("text", "id", id).add(el("value").with(value)))
			}
		}
		for _, g := range f.Groups {
			gp := "/data/" + g.Name
			text(gp+":label", g.Label.In(lang.Code))
			for _, q := range g.Questions {
				if f.calculated(q) {
					continue
				}
				p := gp + "/" + q.Name
				text(p+":label", q.Label.In(lang.Code))
				text(p+":hint", q.Hint.In(lang.Code))
				text(p+":jr:constraintMsg", q.ConstraintMessage().In(lang.Code))
			}
		}
		for _, l := range f.Lists {
			if l.Name == villageList {
				continue
			}
			for j, c := range l.Choices {
				text(choiceID(l, j), c.Label.In(lang.Code))
			}
		}
		it.add(tr)
	}
	return it
}

func choiceID(l *List, i int) string { return l.Name + "-" + strconv.Itoa(i) }

func itextRef(id string) string { return "jr:itext('" + id + "')" }

// calculated says a question is answered by the form from the chosen
// village, not asked.
func (f *Form) calculated(q *Question) bool {
	return q.Role == RoleKabupaten || q.Role == RoleKecamatan || q.Role == RoleDesa
}

// calculation is what the form computes for a calculated question.
func (f *Form) calculation(q *Question, ref func(string) string) string {
	item := "instance('" + villageList + "')/root/item[name = " + ref("kode_desa") + "]/"
	switch q.Role {
	case RoleKabupaten:
		return xpathString(f.Area.Name)
	case RoleKecamatan:
		return item + "kecamatan"
	case RoleDesa:
		return item + "nama"
	}
	return ""
}

// xpathString quotes s as an XPath literal; XPath 1.0 has no escape, so a
// name holding both quotes is joined with concat.
func xpathString(s string) string {
	switch {
	case !strings.Contains(s, "'"):
		return "'" + s + "'"
	case !strings.Contains(s, `"`):
		return `"` + s + `"`
	}
	parts := strings.Split(s, "'")
	for i, p := range parts {
		parts[i] = "'" + p + "'"
	}
	return "concat(" + strings.Join(parts, `, "'", `) + ")"
}

func (f *Form) binds() []*elem {
	var out []*elem
	for _, g := range f.Groups {
		for _, q := range g.Questions {
			p := "/data/" + g.Name + "/" + q.Name
			b := el("bind", "nodeset", p, "type", xformType(q))
			if f.calculated(q) {
				out = append(out, b.attr("calculate", f.calculation(q, f.Path)))
				continue
			}
			if q.Required {
				b.attr("required", "true()")
			}
			b.attr("relevant", f.Relevant(q, f.Path))
			if c := q.Constraint(); c != "" {
				b.attr("constraint", c)
				b.attr("jr:constraintMsg", itextRef(p+":jr:constraintMsg"))
			}
			out = append(out, b)
		}
	}
	return append(out, el("bind", "nodeset", "/data/meta/instanceID", "type", "string", "readonly", "true()", "jr:preload", "uid"))
}

func xformType(q *Question) string {
	switch q.Kind {
	case KindInteger:
		return "int"
	case KindDecimal:
		return "decimal"
	}
	return "string"
}

func (f *Form) body() *elem {
	body := el("h:body")
	for _, g := range f.Groups {
		gp := "/data/" + g.Name
		ge := el("group", "ref", gp).add(el("label", "ref", itextRef(gp+":label")))
		for _, q := range g.Questions {
			if f.calculated(q) {
				continue
			}
			ge.add(f.control(q, gp+"/"+q.Name))
		}
		body.add(ge)
	}
	return body
}

func (f *Form) control(q *Question, p string) *elem {
	name := "input"
	if q.Kind == KindSelect {
		name = "select1"
	}
	c := el(name, "ref", p).add(el("label", "ref", itextRef(p+":label")))
	if q.Hint.ID != "" {
		c.add(el("hint", "ref", itextRef(p+":hint")))
	}
	if q.Kind != KindSelect {
		return c
	}
	if q.List.Name == villageList {
		c.attr("appearance", "autocomplete")
		return c.add(el("itemset", "nodeset", "instance('"+villageList+"')/root/item").
			add(el("value", "ref", "name"), el("label", "ref", "label")))
	}
	for i, ch := range q.List.Choices {
		c.add(el("item").add(el("label", "ref", itextRef(choiceID(q.List, i))), el("value").with(ch.Value)))
	}
	return c
}
