// Package form derives the data-collection forms from an indicator set: the
// Excel entry template, the XLSForm for KoboToolbox and ODK, and the ODK
// XForm. One file then drives both the questionnaire and the score, so that
// the two cannot disagree: every question is named after the column ikk
// reads, asks what the set's question says, offers the answers the set's
// vocabulary accepts, and is asked only when an indicator reading it can
// apply.
//
// Build makes a neutral model of the form (groups, questions, choice
// lists, relevance and constraints); Template, XLSForm and XForm write it.
package form

import (
	"maps"
	"slices"
	"strconv"
	"strings"

	"github.com/ikk-tools/ikk/ikk"
	"github.com/ikk-tools/ikk/report"
	"github.com/ikk-tools/ikk/wilayah"
)

// Form is the questionnaire of an indicator set.
type Form struct {
	Set *ikk.Set
	// Lang is the language of the template's words and the default
	// language of the ODK forms, which carry both.
	Lang string
	// ID names the form for ODK (form_id) and Version tells its versions
	// apart: ODK Central refuses a changed form under an old version.
	ID, Title, Version string
	Groups             []*Group
	Lists              []*List
	// Area is the kabupaten whose villages the form offers, nil when the
	// villages are typed.
	Area *Area
}

// Words is a text in both languages of the catalogue. Texts of the set are
// written in one language only and stand in both.
type Words struct{ ID, EN string }

// In returns the text in lang.
func (w Words) In(lang string) string {
	if lang == "en" {
		return w.EN
	}
	return w.ID
}

func same(s string) Words { return Words{ID: s, EN: s} }

func catalogue(key string, kv ...string) Words {
	return Words{ID: report.Say("id", key, kv...), EN: report.Say("en", key, kv...)}
}

// Group is a part of the questionnaire: the identification of the family,
// its composition, then one group per dimension.
type Group struct {
	Name      string // an XML name, unique in the form
	Label     Words
	Questions []*Question
}

// Kind says how a question is answered.
type Kind int

const (
	KindSelect      Kind = iota // one of a choice list
	KindInteger                 // a whole number
	KindDecimal                 // a number
	KindText                    // free text
	KindVillageCode             // a Kemendagri village code, typed
	KindKKNumber                // a family card number, typed
)

// Role marks the village questions that a pre-filled area answers from the
// register instead of by typing.
type Role int

const (
	RoleNone      Role = iota
	RoleVillage        // kode_desa: chosen from the area's villages
	RoleKabupaten      // the area's name
	RoleKecamatan      // the chosen village's kecamatan
	RoleDesa           // the chosen village's name
)

// Question is one column of the survey.
type Question struct {
	// Name is the column's name: the header ikk score reads, and the
	// field name in XLSForm and XForm.
	Name   string
	Column *ikk.Column
	Kind   Kind
	Role   Role
	Label  Words
	Hint   Words
	List   *List    // for KindSelect
	Min    *float64 // for numbers
	Max    *float64
	// Required says a form engine must not let the question pass blank.
	Required bool
	// Applies names the conditions of the set under which the question
	// is asked, any of them; empty means always.
	Applies []string
	// Readers are the indicators whose rule reads the column.
	Readers []*ikk.Indicator
}

// List is a choice list.
type List struct {
	Name    string
	Choices []Choice
}

// Choice is one answer of a list.
type Choice struct {
	// Value is what an ODK export writes: a code, "ya" or "tidak".
	Value string
	Label Words
	// Entry is what the template's drop-down puts in a cell, words ikk
	// score reads as this answer ("2 - Kawin", "Ya").
	Entry string
	// Kecamatan is the kecamatan of a village choice.
	Kecamatan string
	// Name is the name of a village choice, without its kecamatan.
	Name string
}

// Area is a kabupaten of the register with its villages.
type Area struct {
	Code, Name string
	Kecamatan  []Kecamatan
}

// Kecamatan is a kecamatan of an Area.
type Kecamatan struct {
	Code, Name string
	Desa       []Desa
}

// Desa is a village (desa or kelurahan).
type Desa struct{ Code, Name string }

// Options are the choices of a form beyond its set.
type Options struct {
	Lang string
	Area *Area
}

// The answers of a yes/no question: values ikk score reads, the same in
// both languages so that exports of either read alike.
const (
	ValueYes = "ya"
	ValueNo  = "tidak"
)

// Build derives the form of a set.
func Build(set *ikk.Set, opt Options) *Form {
	b := &builder{
		set:    set,
		f:      &Form{Set: set, Lang: opt.Lang, Area: opt.Area, ID: xmlName(set.ID, "ikk"), Title: set.Name},
		placed: map[string]bool{},
		lists:  map[string]*List{},
	}
	b.f.Version = set.Version
	if len(set.SHA256) >= 8 {
		// The set's own bytes: a corrected file is a new form.
		b.f.Version += "-" + set.SHA256[:8]
	}
	if opt.Area != nil {
		b.f.Title += " - " + opt.Area.Name
		b.f.Version += "-" + strings.ReplaceAll(opt.Area.Code, ".", "")
	}
	b.readers()
	b.identity()
	b.facts()
	for _, d := range set.Dimensions {
		b.dimension(d)
	}
	b.rest()
	b.uniqueGroupNames()
	return b.f
}

type builder struct {
	set    *ikk.Set
	f      *Form
	placed map[string]bool
	lists  map[string]*List
	read   map[string][]*ikk.Indicator // column -> indicators whose rule reads it
	isFact map[string]bool             // columns a condition reads
}

func (b *builder) readers() {
	b.read = map[string][]*ikk.Indicator{}
	b.isFact = map[string]bool{}
	for _, ind := range b.set.Indicators {
		for _, c := range ind.Rule.Columns(b.set.Conditions, nil) {
			b.read[c] = append(b.read[c], ind)
		}
	}
	for _, r := range b.set.Conditions {
		for _, c := range r.Columns(b.set.Conditions, nil) {
			b.isFact[c] = true
		}
	}
}

// identity: the columns that name the family and its village, and the
// head's sex, in the set's order.
func (b *builder) identity() {
	g := &Group{Name: "identitas", Label: catalogue("form.group_identity")}
	for _, c := range b.set.Columns {
		switch c.Type {
		case ikk.ColText, ikk.ColVillageCode, ikk.ColKKNumber, ikk.ColSex:
			g.Questions = append(g.Questions, b.question(c))
		}
	}
	b.add(g)
}

// facts: what the conditions read (marital status, numbers of members),
// asked first because the later questions depend on them.
func (b *builder) facts() {
	g := &Group{Name: "keluarga", Label: catalogue("form.group_family")}
	for _, c := range b.set.Columns {
		if !b.placed[c.Name] && b.isFact[c.Name] {
			g.Questions = append(g.Questions, b.question(c))
		}
	}
	b.add(g)
}

// dimension: the columns its indicators read, in the indicators' order.
func (b *builder) dimension(d ikk.Dimension) {
	g := &Group{Name: "dimensi_" + strings.ToLower(xmlName(d.ID, "x")), Label: catalogue("form.group_dimension", "id", d.ID, "label", d.Label)}
	for _, ind := range b.set.Indicators {
		if ind.Dimension != d.ID {
			continue
		}
		for _, name := range ind.Rule.Columns(b.set.Conditions, nil) {
			if c := b.set.Column(name); c != nil && !b.placed[name] {
				g.Questions = append(g.Questions, b.question(c))
			}
		}
	}
	b.add(g)
}

// rest: columns the set declares and nothing reads, so that the survey
// still carries every header the set knows.
func (b *builder) rest() {
	g := &Group{Name: "lainnya", Label: catalogue("form.group_other")}
	for _, c := range b.set.Columns {
		if !b.placed[c.Name] {
			g.Questions = append(g.Questions, b.question(c))
		}
	}
	b.add(g)
}

func (b *builder) add(g *Group) {
	if len(g.Questions) > 0 {
		b.f.Groups = append(b.f.Groups, g)
	}
}

// uniqueGroupNames keeps a group's name apart from every column's: ODK
// names nodes by both.
func (b *builder) uniqueGroupNames() {
	taken := map[string]bool{}
	for _, c := range b.set.Columns {
		taken[c.Name] = true
	}
	for _, g := range b.f.Groups {
		for taken[g.Name] {
			g.Name += "_grup"
		}
		taken[g.Name] = true
	}
}

func (b *builder) question(c *ikk.Column) *Question {
	b.placed[c.Name] = true
	q := &Question{Name: c.Name, Column: c, Readers: b.read[c.Name], Min: c.Min, Max: c.Max}
	q.Label, q.Hint = b.texts(c)
	q.Applies = b.applies(c)
	switch c.Type {
	case ikk.ColYesNo:
		q.Kind, q.List = KindSelect, b.yesNo()
	case ikk.ColSex:
		q.Kind, q.List = KindSelect, b.sex()
	case ikk.ColCode:
		q.Kind = KindInteger
		if len(c.Codes) > 0 {
			q.Kind, q.List = KindSelect, b.codes(c)
		}
	case ikk.ColCount:
		q.Kind = KindInteger
		if q.Min == nil {
			zero := 0.0 // no family has fewer than no members
			q.Min = &zero
		}
	case ikk.ColNumber:
		q.Kind = KindDecimal
	case ikk.ColVillageCode:
		q.Kind = KindVillageCode
		q.Hint = catalogue("form.hint_village_code")
	case ikk.ColKKNumber:
		q.Kind = KindKKNumber
	default:
		q.Kind = KindText
	}
	if dk := dontKnowCodes(c); dk != "" && q.Kind != KindSelect {
		q.Hint = join(q.Hint, catalogue("form.hint_dont_know", "codes", dk))
	}
	q.Required = c.Type != ikk.ColText && c.Type != ikk.ColVillageCode && c.Type != ikk.ColKKNumber ||
		c.Name == "kecamatan" || c.Name == "desa"
	if b.f.Area != nil {
		b.village(q)
	}
	return q
}

// village turns the village questions into a choice of the area's villages
// and the names that follow from it.
func (b *builder) village(q *Question) {
	switch q.Name {
	case "kode_desa":
		q.Role, q.Kind, q.List, q.Required = RoleVillage, KindSelect, b.villages(), true
		q.Hint = catalogue("form.hint_village_pick")
	case "kabupaten":
		q.Role, q.Required = RoleKabupaten, true
	case "kecamatan":
		q.Role, q.Required = RoleKecamatan, true
	case "desa":
		q.Role, q.Required = RoleDesa, true
	}
}

// texts are the label and hint of a column's question: the question of
// the indicator that reads the column alone, else the column's label; the
// hint names what else is known (the column's label, the indicator that
// reads it with other columns).
func (b *builder) texts(c *ikk.Column) (label, hint Words) {
	for _, ind := range b.read[c.Name] {
		if cols := ind.Rule.Columns(b.set.Conditions, nil); len(cols) == 1 && ind.Question != "" {
			label = same(ind.Question)
			break
		}
	}
	switch {
	case label.ID == "" && c.Label != "":
		label = same(c.Label)
	case label.ID == "":
		label = same(c.Name)
	case c.Label != "" && c.Label != label.ID:
		hint = same(c.Label)
	}
	var parts []string
	for _, ind := range b.read[c.Name] {
		cols := ind.Rule.Columns(b.set.Conditions, nil)
		if len(cols) > 1 && ind.Question != "" && ind.Question != label.ID {
			parts = append(parts, ind.ID+": "+ind.Question)
		}
	}
	if len(parts) > 0 {
		hint = join(hint, catalogue("form.hint_part", "questions", strings.Join(parts, "; ")))
	}
	return label, hint
}

// join writes two hints one after the other, as sentences.
func join(a, b Words) Words {
	if a.ID == "" {
		return b
	}
	return Words{ID: sentence(a.ID) + " " + b.ID, EN: sentence(a.EN) + " " + b.EN}
}

func sentence(s string) string {
	if strings.HasSuffix(s, ".") || strings.HasSuffix(s, "?") || strings.HasSuffix(s, "!") {
		return s
	}
	return s + "."
}

// applies lists the conditions under which some indicator reading the
// column applies; none when one always applies or when the column is read
// by a condition itself.
func (b *builder) applies(c *ikk.Column) []string {
	if b.isFact[c.Name] || len(b.read[c.Name]) == 0 {
		return nil
	}
	var conds []string
	for _, ind := range b.read[c.Name] {
		if ind.Applies == "" || ind.Applies == "all" {
			return nil
		}
		if !contains(conds, ind.Applies) {
			conds = append(conds, ind.Applies)
		}
	}
	return conds
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// list returns the list of a key, made once by fill and named name, or
// name with a suffix when a code column of the set takes the name.
func (b *builder) list(key, name string, fill func(l *List)) *List {
	if l, ok := b.lists[key]; ok {
		return l
	}
	for key != "code:"+name && b.codeList(name) {
		name += "_2"
	}
	l := &List{Name: name}
	fill(l)
	b.lists[key] = l
	b.f.Lists = append(b.f.Lists, l)
	return l
}

// codeList reports whether a coded column of the set has the name, which
// its list is given.
func (b *builder) codeList(name string) bool {
	c := b.set.Column(name)
	return c != nil && c.Type == ikk.ColCode && len(c.Codes) > 0
}

func (b *builder) yesNo() *List {
	return b.list("yesno", "ya_tidak", func(l *List) {
		yes, no := catalogue("form.yes"), catalogue("form.no")
		l.Choices = []Choice{
			{Value: ValueYes, Label: yes, Entry: yes.In(b.f.Lang)},
			{Value: ValueNo, Label: no, Entry: no.In(b.f.Lang)},
		}
	})
}

// sex: the entries are Indonesian in both languages, since they are the
// words ikk reads (L/P, Laki-laki/Perempuan).
func (b *builder) sex() *List {
	return b.list("sex", "jenis_kelamin", func(l *List) {
		l.Choices = []Choice{
			{Value: "L", Label: catalogue("form.male"), Entry: report.Say("id", "form.male")},
			{Value: "P", Label: catalogue("form.female"), Entry: report.Say("id", "form.female")},
		}
	})
}

// codes: a list per code column, named after it; an entry is the code
// and its label, which ikk reads as the code.
func (b *builder) codes(c *ikk.Column) *List {
	return b.list("code:"+c.Name, c.Name, func(l *List) {
		for _, k := range slices.Sorted(maps.Keys(c.Codes)) {
			v := strconv.Itoa(k)
			l.Choices = append(l.Choices, Choice{Value: v, Label: same(c.Codes[k]), Entry: v + " - " + c.Codes[k]})
		}
	})
}

// villages: every desa and kelurahan of the area, by code.
func (b *builder) villages() *List {
	return b.list("villages", villageList, func(l *List) {
		for _, k := range b.f.Area.Kecamatan {
			for _, d := range k.Desa {
				l.Choices = append(l.Choices, Choice{Value: d.Code, Label: same(d.Name + " (" + k.Name + ")"),
					Entry: d.Code, Kecamatan: k.Name, Name: d.Name})
			}
		}
	})
}

// dontKnowCodes writes a column's don't-know codes ("98"), for a hint.
func dontKnowCodes(c *ikk.Column) string {
	var parts []string
	for _, k := range c.DontKnow {
		parts = append(parts, strconv.Itoa(k))
	}
	return strings.Join(parts, ", ")
}

// xmlName makes s an XML name: letters, digits and _ kept, anything else
// written as _, a leading digit prefixed; fallback when nothing is left.
func xmlName(s, fallback string) string {
	var b strings.Builder
	for i, r := range s {
		switch {
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r == '_':
		case r >= '0' && r <= '9':
			if i == 0 {
				b.WriteByte('_')
			}
		default:
			r = '_'
		}
		b.WriteRune(r)
	}
	if b.Len() == 0 {
		return fallback
	}
	return b.String()
}

// Questions lists every question in form order.
func (f *Form) Questions() []*Question {
	var out []*Question
	for _, g := range f.Groups {
		out = append(out, g.Questions...)
	}
	return out
}

// RegisterArea is a kabupaten of a register with its kecamatan and
// villages; ok is false when code names no kabupaten or kota there.
func RegisterArea(reg *wilayah.Register, code string) (a *Area, ok bool) {
	u, found := reg.Lookup(code)
	if !found || u.Level() != wilayah.Kabupaten {
		return nil, false
	}
	a = &Area{Code: u.Code, Name: u.Name}
	for _, k := range reg.Children(u.Code) {
		kec := Kecamatan{Code: k.Code, Name: k.Name}
		for _, d := range reg.Children(k.Code) {
			kec.Desa = append(kec.Desa, Desa{Code: d.Code, Name: d.Name})
		}
		a.Kecamatan = append(a.Kecamatan, kec)
	}
	return a, true
}

// Villages counts the area's desa and kelurahan.
func (a *Area) Villages() int {
	n := 0
	for _, k := range a.Kecamatan {
		n += len(k.Desa)
	}
	return n
}
