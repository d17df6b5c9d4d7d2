package ikk

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"math"
	"reflect"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// SchemaV1 is the schema identifier an indicator file declares.
const SchemaV1 = "ikk.indicators/v1"

// SetError lists every problem found in an indicator file, each with the line
// it stands on.
type SetError struct {
	File     string
	Problems []SetProblem
}

// SetProblem is one problem of an indicator file, said as a code with
// parameters: package report writes its words. Line is 0 for a problem of
// the file as a whole.
type SetProblem struct {
	Line    int
	Message *Message
}

// Error writes the problems through Words, so in English when package
// report is linked, each on its line after the file and line it is about.
func (e *SetError) Error() string {
	head := MsgSetError
	if len(e.Problems) == 1 {
		head = MsgSetErrorOne
	}
	var b strings.Builder
	b.WriteString(say(head, "file", e.File, "count", strconv.Itoa(len(e.Problems))).Error())
	for _, p := range e.Problems {
		b.WriteString("\n  " + e.File)
		if p.Line > 0 {
			b.WriteString(":" + strconv.Itoa(p.Line))
		}
		b.WriteString(": " + p.Message.Error())
	}
	return b.String()
}

// lineError is a problem an unmarshaler finds, with its line: the YAML
// library hands such an error back unchanged, so that yamlError can place
// it.
type lineError struct {
	line int
	msg  *Message
}

func (e *lineError) Error() string { return e.msg.Error() }

type rawSet struct {
	Schema      string                  `yaml:"schema"`
	ID          string                  `yaml:"id"`
	Name        string                  `yaml:"name"`
	Version     string                  `yaml:"version"`
	Description string                  `yaml:"description"`
	Target      *float64                `yaml:"target"`
	MinAnswered *float64                `yaml:"min_answered_share"`
	Categories  []rawCategory           `yaml:"categories"`
	Parameters  map[string]rawParameter `yaml:"parameters"`
	Dimensions  []rawDimension          `yaml:"dimensions"`
	Functions   map[string]string       `yaml:"functions"`
	Lenses      map[string]string       `yaml:"lenses"`
	Sectors     map[string]rawSector    `yaml:"sectors"`
	Columns     map[string]rawColumn    `yaml:"columns"`
	DontKnow    []string                `yaml:"dont_know"`
	Conditions  map[string]yaml.Node    `yaml:"conditions"`
	Indicators  []rawIndicator          `yaml:"indicators"`
	// Keys added after the first sets were written, listed last among
	// the accepted keys.
	ShortName   string         `yaml:"short_name"`
	Aggregation string         `yaml:"aggregation"`
	Weightings  []rawWeighting `yaml:"weightings"`
}

// rawWeighting is an alternative weighting of the dimensions.
type rawWeighting struct {
	Key     string             `yaml:"key"`
	Label   string             `yaml:"label"`
	Weights map[string]float64 `yaml:"weights"`
}

type rawCategory struct {
	ID    *int     `yaml:"id"`
	Label string   `yaml:"label"`
	Short string   `yaml:"short"`
	Min   *float64 `yaml:"min"`
	// Above is a lower bound the category excludes: {above: 70} starts
	// just above 70, which belongs to the category before.
	Above *float64 `yaml:"above"`
}

type rawParameter struct {
	Value  *float64 `yaml:"value"`
	Min    *float64 `yaml:"min"`
	Max    *float64 `yaml:"max"`
	Label  string   `yaml:"label"`
	Source string   `yaml:"source"`
}

type rawDimension struct {
	ID     string   `yaml:"id"`
	Label  string   `yaml:"label"`
	Weight *float64 `yaml:"weight"`
}

type rawColumn struct {
	Type    string         `yaml:"type"`
	Label   string         `yaml:"label"`
	Aliases []string       `yaml:"aliases"`
	Codes   map[int]string `yaml:"codes"`
	Min     *float64       `yaml:"min"`
	Max     *float64       `yaml:"max"`
	Unit    string         `yaml:"unit"`
	// DontKnow are nodes, not ints, so that a code that is no whole
	// number is named with its own line.
	DontKnow []yaml.Node `yaml:"dont_know"`
}

// rawSector is an office: its formal name, alone or with the short name
// that names its part of a plan (an Excel sheet holds at most 31
// characters, and a formal name is longer).
type rawSector struct {
	Name  string `yaml:"name"`
	Short string `yaml:"short"`
}

// UnmarshalYAML takes "key: Formal name" as well as "key: {name, short}".
func (r *rawSector) UnmarshalYAML(n *yaml.Node) error {
	if n.Kind == yaml.ScalarNode {
		r.Name = n.Value
		return nil
	}
	if n.Kind == yaml.MappingNode {
		// Decode in a custom unmarshaler does not refuse unknown keys;
		// a name with an unquoted comma would otherwise lose its end.
		for i := 0; i+1 < len(n.Content); i += 2 {
			if k := n.Content[i].Value; k != "name" && k != "short" {
				return &lineError{n.Content[i].Line, say(MsgSetSectorKey, "key", k)}
			}
		}
	}
	type plain rawSector
	return n.Decode((*plain)(r))
}

type rawIndicator struct {
	ID         string        `yaml:"id"`
	Dimension  string        `yaml:"dimension"`
	Label      string        `yaml:"label"`
	Question   string        `yaml:"question"`
	Rule       yaml.Node     `yaml:"rule"`
	Applies    string        `yaml:"applies"`
	Weight     *float64      `yaml:"weight"`
	Functions  []string      `yaml:"functions"`
	Lenses     []string      `yaml:"lenses"`
	Sectors    []string      `yaml:"sectors"`
	Provenance rawProvenance `yaml:"provenance"`
}

type rawProvenance struct {
	Status string `yaml:"status"`
	Source string `yaml:"source"`
	// Item is the questionnaire item the indicator reads (PK21 Blok III
	// P.01).
	Item string `yaml:"item"`
}

// Provenance statuses an indicator may declare: confirmed by an official
// source, or reconstructed where the source is silent.
var provenanceStatuses = []string{"official", "official-2016", "confirmed", "proposed", "reconstructed"}

// identification columns the scorer looks up by name, with the type each
// must have when declared; required ones must be declared.
var identColumns = []struct {
	name     string
	typ      ColumnType
	required bool
}{
	{"kode_desa", ColVillageCode, true},
	{"kabupaten", ColText, false},
	{"kecamatan", ColText, true},
	{"desa", ColText, true},
	{"rt", ColText, false},
	{"no_kk", ColKKNumber, false},
	{"nama_kk", ColText, false},
	{"jk_kk", ColSex, false},
}

var idPattern = regexp.MustCompile(`^[A-Za-z][A-Za-z0-9_]*$`)

// LoadSet parses and validates an indicator file. name is used in messages
// (a path, or "builtin:ikk"). Every problem found is returned at once in a
// *SetError.
func LoadSet(name string, data []byte) (set *Set, err error) {
	// The YAML library is trusted, but an indicator file is user input: a
	// panic in it must become an error, not a stack trace.
	defer func() {
		if r := recover(); r != nil {
			set, err = nil, &SetError{File: name, Problems: []SetProblem{{Message: say(MsgSetPanic, "detail", fmt.Sprint(r))}}}
		}
	}()
	l := &loader{file: name}
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		l.yamlError(err)
		return nil, l.err()
	}
	if len(doc.Content) == 0 {
		l.add(0, say(MsgSetEmpty))
		return nil, l.err()
	}
	l.root = doc.Content[0]
	if l.root.Kind != yaml.MappingNode {
		l.add(l.root.Line, say(MsgSetNotMapping, "node", kindName(l.root)))
		return nil, l.err()
	}
	l.checkFinite(l.root)
	var raw rawSet
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(&raw); err != nil {
		l.yamlError(err)
		return nil, l.err()
	}
	sum := sha256.Sum256(data)
	s := l.build(&raw)
	if len(l.problems) > 0 {
		return nil, l.err()
	}
	s.SHA256 = hex.EncodeToString(sum[:])
	s.Source = name
	return s, nil
}

// maxWeight bounds a weight: weights are relative, and one of 1e308 would
// overflow the weighted sums to infinity.
const maxWeight = 1000

// indexMax is the highest value an index takes; a category starting at or
// above it could never be given.
const indexMax = 100

type loader struct {
	file     string
	root     *yaml.Node
	problems []SetProblem
}

func (l *loader) add(line int, m *Message) {
	l.problems = append(l.problems, SetProblem{Line: line, Message: m})
}

// scope names the part of the set a problem is about, before the problem.
type scope func(*Message) *Message

// in says a problem of the part named name ("indicator LS01: ...").
func in(part, name string, m *Message) *Message {
	return &Message{Code: MsgSetIn, Params: []string{"part", part, "name", name}, Err: m}
}

// nth says a problem of the n-th part of its kind, for a part whose name
// cannot be used ("indicator 3: ...").
func nth(part string, n int, m *Message) *Message {
	return &Message{Code: MsgSetInNth, Params: []string{"part", part, "n", strconv.Itoa(n)}, Err: m}
}

// within is the scope of the part named name.
func within(part, name string) scope { return func(m *Message) *Message { return in(part, name, m) } }

// undeclared says that a part names something the set does not declare,
// listing what it does declare.
func undeclared(part, name string, declared []string) *Message {
	return say(MsgSetUndeclared, "part", part, "name", name, "declared", listOf(declared))
}

// listOf joins names for a parameter; an empty list is a dash, so that the
// sentence still shows that nothing is declared.
func listOf(names []string) string {
	if len(names) == 0 {
		return "–"
	}
	return strings.Join(names, ", ")
}

// checkFinite refuses .nan, .inf and numbers beyond float64 anywhere in the
// file: no setting of an index means "not a number" or "infinite", and one
// that slipped through would turn every figure it touches into NaN.
func (l *loader) checkFinite(n *yaml.Node) {
	if n.Kind == yaml.ScalarNode && n.ShortTag() == "!!float" {
		var f float64
		if err := n.Decode(&f); err != nil || math.IsNaN(f) || math.IsInf(f, 0) {
			l.add(n.Line, say(MsgSetNotFinite, "text", n.Value))
		}
		return
	}
	for _, c := range n.Content {
		l.checkFinite(c)
	}
}

func (l *loader) err() error {
	sort.SliceStable(l.problems, func(i, j int) bool { return l.problems[i].Line < l.problems[j].Line })
	return &SetError{File: l.file, Problems: l.problems}
}

var (
	yamlLineRe      = regexp.MustCompile(`^(?:yaml: )?line (\d+): (.*)$`)
	yamlUnknownRe   = regexp.MustCompile(`^field (\S+) not found in type ikk\.(\w+)$`)
	yamlUnmarshalRe = regexp.MustCompile(`^cannot unmarshal !!(\w+) .*into (\S+)$`)
	yamlDuplicateRe = regexp.MustCompile(`^mapping key ("(?:[^"\\]|\\.)*") already defined at line (\d+)$`)
)

// yamlSyntax are the YAML library's syntax messages a person most often
// meets, each with a code whose words say what to change. The library
// words others in its own English, passed on as the detail of MsgSetYAML.
var yamlSyntax = []struct{ text, code string }{
	{"found a tab character", MsgSetYAMLTab},
	{"found character that cannot start any token", MsgSetYAMLBadStart},
	{"mapping values are not allowed in this context", MsgSetYAMLColon},
	{"did not find expected key", MsgSetYAMLIndent},
	{"did not find expected '-' indicator", MsgSetYAMLDash},
	{"did not find expected ',' or ']'", MsgSetYAMLList},
	{"did not find expected ',' or '}'", MsgSetYAMLMapping},
	{"found unexpected end of stream", MsgSetYAMLEnd},
}

// yamlError turns the YAML library's messages into lines of the file and
// codes whose words say what would be right.
func (l *loader) yamlError(err error) {
	var le *lineError
	if errors.As(err, &le) {
		l.add(le.line, le.msg)
		return
	}
	msgs := []string{err.Error()}
	var te *yaml.TypeError
	if errors.As(err, &te) {
		msgs = te.Errors
	}
	for _, m := range msgs {
		line := 0
		if g := yamlLineRe.FindStringSubmatch(m); g != nil {
			line, _ = strconv.Atoi(g[1])
			m = g[2]
		}
		l.add(line, yamlProblem(strings.TrimPrefix(m, "yaml: ")))
	}
}

// yamlProblem says one message of the YAML library as a code.
func yamlProblem(m string) *Message {
	if g := yamlUnknownRe.FindStringSubmatch(m); g != nil {
		if part, ok := rawTypeParts[g[2]]; ok {
			return say(MsgSetUnknownKey, "key", g[1], "within", part, "keys", strings.Join(rawTypeKeys(g[2]), ", "))
		}
	}
	if g := yamlUnmarshalRe.FindStringSubmatch(m); g != nil {
		return say(MsgSetWrongKind, "node", yamlKind(g[1]), "expect", goTypeKind(g[2]))
	}
	if g := yamlDuplicateRe.FindStringSubmatch(m); g != nil {
		key, err := strconv.Unquote(g[1])
		if err != nil {
			key = g[1]
		}
		return say(MsgSetDuplicateKey, "key", key, "first_line", g[2])
	}
	for _, p := range yamlSyntax {
		if strings.HasPrefix(m, p.text) {
			return say(p.code)
		}
	}
	return say(MsgSetYAML, "detail", m)
}

// rawTypeParts names the part of the set each decoded type stands for.
var rawTypeParts = map[string]string{
	"rawSet": PartSet, "rawCategory": PartCategory, "rawParameter": PartParameter,
	"rawDimension": PartDimension, "rawColumn": PartColumn, "rawIndicator": PartIndicator,
	"rawProvenance": PartProvenance, "rawWeighting": PartWeighting,
}

var rawTypes = map[string]reflect.Type{
	"rawSet": reflect.TypeFor[rawSet](), "rawCategory": reflect.TypeFor[rawCategory](),
	"rawParameter": reflect.TypeFor[rawParameter](), "rawDimension": reflect.TypeFor[rawDimension](),
	"rawColumn": reflect.TypeFor[rawColumn](), "rawIndicator": reflect.TypeFor[rawIndicator](),
	"rawProvenance": reflect.TypeFor[rawProvenance](), "rawWeighting": reflect.TypeFor[rawWeighting](),
}

func rawTypeKeys(name string) []string {
	t, ok := rawTypes[name]
	if !ok {
		return nil
	}
	var keys []string
	for i := 0; i < t.NumField(); i++ {
		if tag, _, _ := strings.Cut(t.Field(i).Tag.Get("yaml"), ","); tag != "" {
			keys = append(keys, tag)
		}
	}
	return keys
}

// yamlKind is the kind of value a YAML tag stands for.
func yamlKind(tag string) string {
	switch tag {
	case "seq":
		return NodeList
	case "map":
		return NodeMapping
	case "str":
		return NodeText
	case "int", "float":
		return NodeNumber
	case "bool":
		return NodeBool
	}
	return NodeValue
}

// goTypeKind is the kind of YAML value a decoded Go type takes; a struct
// of this package is read from a mapping.
func goTypeKind(t string) string {
	switch {
	case strings.Contains(t, "float"):
		return NodeNumber
	case t == "int" || t == "*int":
		return NodeWhole
	case strings.HasPrefix(t, "[]"):
		return NodeList
	case strings.HasPrefix(t, "map["), strings.HasPrefix(t, "ikk."), strings.HasPrefix(t, "*ikk."):
		return NodeMapping
	case t == "string":
		return NodeText
	}
	return NodeValue
}

func kindName(n *yaml.Node) string {
	switch n.Kind {
	case yaml.SequenceNode:
		return NodeList
	case yaml.MappingNode:
		return NodeMapping
	case yaml.ScalarNode:
		return NodeSingle
	}
	return NodeValue
}

// node returns the node at a path of mapping keys (string) and list indexes
// (int) below the document root, or nil.
func (l *loader) node(path ...any) *yaml.Node {
	n := l.root
	for _, p := range path {
		if n == nil {
			return nil
		}
		switch k := p.(type) {
		case string:
			n = mapValue(n, k)
		case int:
			if n.Kind != yaml.SequenceNode || k >= len(n.Content) {
				return nil
			}
			n = n.Content[k]
		}
	}
	return n
}

// line returns the line of the node at path, or of its nearest existing
// ancestor.
func (l *loader) line(path ...any) int {
	for len(path) > 0 {
		if n := l.node(path...); n != nil {
			return n.Line
		}
		path = path[:len(path)-1]
	}
	return 0
}

func mapValue(n *yaml.Node, key string) *yaml.Node {
	if n.Kind != yaml.MappingNode {
		return nil
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		if n.Content[i].Value == key {
			return n.Content[i+1]
		}
	}
	return nil
}

// keys returns the keys of the mapping at path in file order, with lines.
func (l *loader) keys(path ...any) []keyLine {
	n := l.node(path...)
	if n == nil || n.Kind != yaml.MappingNode {
		return nil
	}
	var out []keyLine
	for i := 0; i+1 < len(n.Content); i += 2 {
		out = append(out, keyLine{n.Content[i].Value, n.Content[i].Line})
	}
	return out
}

type keyLine struct {
	key  string
	line int
}

func (l *loader) build(raw *rawSet) *Set {
	s := &Set{
		ID: raw.ID, Name: raw.Name, Version: raw.Version, Description: strings.TrimSpace(raw.Description),
		Target: 75, MinAnsweredShare: 0.8,
		Conditions:   map[string]*Rule{},
		columnByName: map[string]*Column{},
	}
	if raw.Schema != SchemaV1 {
		l.add(l.line("schema"), say(MsgSetSchema, "schema", SchemaV1, "text", raw.Schema))
	}
	for _, f := range []struct{ key, val, example string }{
		{"id", raw.ID, "id: ikk"}, {"name", raw.Name, "name: Indeks Kualitas Keluarga"}, {"version", raw.Version, `version: "2026.1"`},
	} {
		if strings.TrimSpace(f.val) == "" {
			l.add(l.line(f.key), say(MsgSetRequired, "key", f.key, "example", f.example))
		}
	}
	l.buildIndex(s, raw)
	if raw.Target != nil {
		s.Target = *raw.Target
		if s.Target < 0 || s.Target > 100 {
			l.add(l.line("target"), say(MsgSetTarget, "found", fmtNum(s.Target)))
		}
	}
	if raw.MinAnswered != nil {
		s.MinAnsweredShare = *raw.MinAnswered
		if s.MinAnsweredShare <= 0 || s.MinAnsweredShare > 1 {
			l.add(l.line("min_answered_share"), say(MsgSetShare, "found", fmtNum(s.MinAnsweredShare)))
		}
	}
	l.buildCategories(s, raw)
	l.buildParameters(s, raw)
	l.buildDimensions(s, raw)
	l.buildWeightings(s, raw)
	s.Functions = l.buildTags("functions", PartFunction, raw.Functions)
	s.Lenses = l.buildTags("lenses", PartLens, raw.Lenses)
	s.Sectors = l.buildSectors(raw.Sectors)
	for _, f := range s.Functions {
		for _, g := range s.Lenses {
			if f.Key == g.Key {
				l.add(l.line("lenses", g.Key), say(MsgSetLensIsFunction, "key", g.Key))
			}
		}
	}
	l.buildColumns(s, raw)
	l.buildDontKnow(s, raw)
	l.buildConditions(s, raw)
	l.buildIndicators(s, raw)
	return s
}

// maxShortName bounds the index's short name: it heads a column.
const maxShortName = 20

// buildIndex reads how the set names its index and how it aggregates.
func (l *loader) buildIndex(s *Set, raw *rawSet) {
	s.ShortName = strings.TrimSpace(raw.ShortName)
	switch n := utf8.RuneCountInString(s.ShortName); {
	case n == 0:
		s.ShortName = DefaultShortName
	case n > maxShortName || strings.ContainsAny(s.ShortName, "\r\n\t"):
		l.add(l.line("short_name"), say(MsgSetShortName, "short", s.ShortName, "count", strconv.Itoa(n), "limit", strconv.Itoa(maxShortName)))
	}
	s.Aggregation = AggregateIndicators
	if raw.Aggregation != "" {
		s.Aggregation = Aggregation(raw.Aggregation)
		if !slicesContains(Aggregations, s.Aggregation) {
			names := make([]string, len(Aggregations))
			for i, a := range Aggregations {
				names[i] = string(a)
			}
			l.add(l.line("aggregation"), say(MsgSetAggregation, "found", raw.Aggregation, "accepted", strings.Join(names, ", ")))
		}
	}
}

func (l *loader) buildCategories(s *Set, raw *rawSet) {
	if len(raw.Categories) == 0 {
		l.add(l.line("categories"), say(MsgSetNoCategories))
	}
	seen := map[int]bool{}
	for i, c := range raw.Categories {
		line := l.line("categories", i)
		if c.ID == nil {
			l.add(line, nth(PartCategory, i+1, say(MsgSetCategoryID)))
			continue
		}
		id := strconv.Itoa(*c.ID)
		switch {
		case c.Min == nil && c.Above == nil:
			l.add(line, in(PartCategory, id, say(MsgSetCategoryMin)))
			continue
		case c.Min != nil && c.Above != nil:
			l.add(line, in(PartCategory, id, say(MsgSetCategoryBoth)))
			continue
		case strings.TrimSpace(c.Label) == "":
			l.add(line, in(PartCategory, id, say(MsgSetLabelRequired)))
		}
		low, open := c.Min, false
		if c.Above != nil {
			low, open = c.Above, true
		}
		if seen[*c.ID] {
			l.add(line, say(MsgSetIDTwice, "part", PartCategory, "id", id))
		}
		seen[*c.ID] = true
		switch {
		case len(s.Categories) == 0 && open:
			// 0 itself needs a category.
			l.add(line, say(MsgSetFirstAbove, "found", fmtNum(*low)))
		case len(s.Categories) == 0 && *low > 0:
			l.add(line, say(MsgSetFirstCategory, "found", fmtNum(*low)))
		}
		if n := len(s.Categories); n > 0 && *low <= s.Categories[n-1].Min {
			l.add(line, say(MsgSetCategoryOrder, "found", fmtNum(*low), "id", id, "before", fmtNum(s.Categories[n-1].Min)))
		}
		if *low >= indexMax {
			l.add(line, say(MsgSetCategoryNever, "id", id, "found", fmtNum(*low), "limit", fmtNum(indexMax)))
		}
		short := strings.TrimSpace(c.Short)
		if short == "" {
			short = c.Label
		}
		s.Categories = append(s.Categories, Category{ID: *c.ID, Label: c.Label, Short: short, Min: *low, Open: open})
	}
}

func (l *loader) buildParameters(s *Set, raw *rawSet) {
	for _, k := range l.keys("parameters") {
		p := raw.Parameters[k.key]
		if !idPattern.MatchString(k.key) {
			l.add(k.line, say(MsgSetBadName, "part", PartParameter, "name", k.key))
		}
		if p.Value == nil {
			l.add(k.line, in(PartParameter, k.key, say(MsgSetParamValue)))
			continue
		}
		par := Parameter{Name: k.key, Label: p.Label, Source: p.Source, Value: *p.Value, Min: p.Min, Max: p.Max}
		if par.Min != nil && par.Max != nil && *par.Min > *par.Max {
			l.add(k.line, in(PartParameter, k.key, say(MsgSetMinAboveMax, "low", fmtNum(*par.Min), "high", fmtNum(*par.Max))))
		} else if err := par.check(par.Value); err != nil {
			l.add(k.line, asMessage(err))
		}
		s.Parameters = append(s.Parameters, par)
	}
}

func (l *loader) buildDimensions(s *Set, raw *rawSet) {
	if len(raw.Dimensions) == 0 {
		l.add(l.line("dimensions"), say(MsgSetNoDimensions))
	}
	seen := map[string]bool{}
	for i, d := range raw.Dimensions {
		line := l.line("dimensions", i)
		if !idPattern.MatchString(d.ID) {
			l.add(line, say(MsgSetBadID, "part", PartDimension, "id", d.ID, "example", "LS"))
		}
		if seen[d.ID] {
			l.add(line, say(MsgSetIDTwice, "part", PartDimension, "id", d.ID))
		}
		seen[d.ID] = true
		w := 1.0
		if d.Weight != nil {
			w = *d.Weight
			if w <= 0 || w > maxWeight {
				l.add(l.line("dimensions", i, "weight"), in(PartDimension, d.ID, weightProblem(w)))
			}
		}
		s.Dimensions = append(s.Dimensions, Dimension{ID: d.ID, Label: d.Label, Weight: w})
	}
}

// buildTags reads the mapping at key, whose entries are parts of kind part.
func (l *loader) buildTags(key, part string, m map[string]string) []Tag {
	var tags []Tag
	for _, k := range l.keys(key) {
		if !idPattern.MatchString(k.key) {
			l.add(k.line, say(MsgSetBadName, "part", part, "name", k.key))
		}
		tags = append(tags, Tag{Key: k.key, Label: m[k.key]})
	}
	return tags
}

// maxShort is the longest short name of an office: an Excel sheet name.
const maxShort = 31

// buildSectors reads the offices: a formal name each, and a short name
// that must fit a sheet name and tell the offices apart.
func (l *loader) buildSectors(m map[string]rawSector) []Tag {
	plain := map[string]string{}
	for k, v := range m {
		plain[k] = v.Name
	}
	tags := l.buildTags("sectors", PartSector, plain)
	seen := map[string]string{}
	for i := range tags {
		t := &tags[i]
		short := strings.TrimSpace(m[t.Key].Short)
		line := l.line("sectors", t.Key)
		switch {
		case strings.TrimSpace(t.Label) == "":
			l.add(line, in(PartSector, t.Key, say(MsgSetSectorName)))
		case utf8.RuneCountInString(short) > maxShort:
			l.add(line, in(PartSector, t.Key, say(MsgSetShortLong, "short", short,
				"count", strconv.Itoa(utf8.RuneCountInString(short)), "limit", strconv.Itoa(maxShort))))
		case strings.ContainsAny(short, `:\/?*[]`):
			l.add(line, in(PartSector, t.Key, say(MsgSetShortChars, "short", short)))
		}
		if short == "" {
			continue
		}
		if other, dup := seen[strings.ToLower(short)]; dup {
			l.add(line, in(PartSector, t.Key, say(MsgSetShortShared, "short", short, "other", other)))
		}
		seen[strings.ToLower(short)] = t.Key
		t.Short = short
	}
	return tags
}

func (l *loader) buildColumns(s *Set, raw *rawSet) {
	headers := map[string]string{} // normalised header -> column
	for _, k := range l.keys("columns") {
		rc := raw.Columns[k.key]
		c := &Column{Name: k.key, Type: ColumnType(rc.Type), Label: rc.Label, Aliases: rc.Aliases, Codes: rc.Codes, Min: rc.Min, Max: rc.Max}
		if !idPattern.MatchString(k.key) {
			l.add(k.line, say(MsgSetBadName, "part", PartColumn, "name", k.key))
		}
		what := within(PartColumn, k.key)
		if !slicesContains(columnTypes, c.Type) {
			l.add(l.line("columns", k.key, "type"), what(say(MsgSetColumnType, "type", rc.Type, "types", typeList(columnTypes))))
		}
		if len(c.Codes) > 0 && c.Type != ColCode {
			l.add(k.line, what(say(MsgSetCodesNotCode, "type", string(c.Type))))
		}
		if (c.Min != nil || c.Max != nil) && c.Type != ColNumber && c.Type != ColCount {
			l.add(k.line, what(say(MsgSetBoundsNotNumber, "type", string(c.Type))))
		}
		if c.Min != nil && c.Max != nil && *c.Min > *c.Max {
			l.add(k.line, what(say(MsgSetMinAboveMax, "low", fmtNum(*c.Min), "high", fmtNum(*c.Max))))
		}
		if rc.Unit != "" {
			u, ok := unitNamed(rc.Unit)
			switch {
			case !ok:
				var names []string
				for _, n := range unitNames {
					names = append(names, n.name)
				}
				l.add(l.line("columns", k.key, "unit"), what(say(MsgSetUnitUnknown, "unit", rc.Unit, "units", strings.Join(names, ", "))))
			case c.Type != ColNumber:
				l.add(l.line("columns", k.key, "unit"), what(say(MsgSetUnitNotNumber, "type", string(c.Type))))
			default:
				c.Unit = u
			}
		}
		if c.Type == ColCount && c.Min == nil {
			zero := 0.0
			c.Min = &zero
		}
		l.columnDontKnow(c, rc.DontKnow, what, l.line("columns", k.key, "dont_know"))
		c.codeLabel = map[string]int{}
		for code, label := range c.Codes {
			c.codeLabel[normText(label)] = code
		}
		c.accepted = c.buildAccepted()
		for _, h := range append([]string{k.key}, c.Aliases...) {
			nh := NormalizeHeader(h)
			if other, dup := headers[nh]; dup && other != k.key {
				l.add(k.line, what(say(MsgSetHeaderShared, "header", h, "other", other)))
			}
			headers[nh] = k.key
		}
		if c.valued() {
			c.slot = -1 // assigned below, in declaration order
		}
		s.Columns = append(s.Columns, c)
		s.columnByName[k.key] = c
	}
	slot := 0
	for _, c := range s.Columns {
		if c.valued() {
			c.slot = slot
			slot++
		}
	}
	for _, ic := range identColumns {
		c := s.columnByName[ic.name]
		switch {
		case c == nil && ic.required:
			l.add(l.line("columns"), say(MsgSetIdentMissing, "column", ic.name, "type", string(ic.typ)))
		case c != nil && c.Type != ic.typ:
			l.add(l.line("columns", ic.name), say(MsgSetIdentType, "column", ic.name, "type", string(ic.typ), "got", string(c.Type)))
		}
	}
}

// columnDontKnow reads the don't-know codes of a column: whole numbers
// that no answer of the column can be, so that reading one as "don't know"
// never hides an answer.
func (l *loader) columnDontKnow(c *Column, nodes []yaml.Node, what scope, line int) {
	if len(nodes) == 0 {
		return
	}
	switch c.Type {
	case ColCode, ColCount, ColYesNo:
	default:
		l.add(line, what(say(MsgSetDontKnowType, "type", string(c.Type))))
		return
	}
	for i := range nodes {
		n := &nodes[i]
		code, err := strconv.Atoi(n.Value)
		if n.Kind != yaml.ScalarNode || err != nil {
			l.add(n.Line, what(say(MsgSetDontKnowCode, "code", n.Value)))
			continue
		}
		var problem *Message
		switch {
		case slicesContains(c.DontKnow, code):
			problem = say(MsgSetListedTwice, "part", PartDontKnow, "name", n.Value)
		case c.Type == ColCode && declared(c, code):
			problem = say(MsgSetDontKnowDeclared, "code", n.Value, "label", c.Codes[code])
		case c.Type == ColYesNo && code >= 0 && code <= 2:
			problem = say(MsgSetDontKnowYesNo, "code", n.Value)
		case c.Type == ColCount && c.Max != nil && float64(code) >= *c.Min && float64(code) <= *c.Max:
			problem = say(MsgSetDontKnowInRange, "code", n.Value, "min", fmtNum(*c.Min), "max", fmtNum(*c.Max))
		}
		if problem != nil {
			l.add(n.Line, what(problem))
			continue
		}
		c.DontKnow = append(c.DontKnow, code)
	}
}

func declared(c *Column, code int) bool {
	_, ok := c.Codes[code]
	return ok
}

// buildDontKnow reads the set's don't-know answers, folded as answers are.
// One that a column reads as an answer would mean "don't know" in some
// columns and something else in that one: it is refused.
func (l *loader) buildDontKnow(s *Set, raw *rawSet) {
	words := dontKnowWords{}
	for i, w := range raw.DontKnow {
		line := l.line("dont_know", i)
		k := normText(w)
		if k == "" {
			l.add(line, say(MsgSetDontKnowEmpty))
			continue
		}
		if _, dup := words[k]; dup {
			l.add(line, say(MsgSetListedTwice, "part", PartDontKnow, "name", w))
			continue
		}
		if c := s.columnReading(w); c != nil {
			l.add(line, say(MsgSetDontKnowAnswer, "text", w, "column", c.Name))
			continue
		}
		words[k] = struct{}{}
	}
	s.DontKnow = raw.DontKnow
	if len(words) == 0 {
		return
	}
	for _, c := range s.Columns {
		if c.valued() {
			c.dontKnowWords = words
		}
	}
}

// columnReading returns the first valued column that reads s as one of its
// answers, or nil.
func (s *Set) columnReading(w string) *Column {
	for _, c := range s.Columns {
		var err error
		switch c.Type {
		case ColYesNo:
			_, err = ParseYesNo(w)
		case ColCode:
			var code int
			if code, err = ParseCode(w, c.codeLabel); err == nil && len(c.Codes) > 0 && !declared(c, code) {
				err = errNotCode
			}
		case ColNumber:
			_, err = parseNumber(w, KindText, c.Unit)
		case ColCount:
			_, err = ParseCount(w, KindText)
		case ColSex:
			_, err = ParseSex(w)
		default:
			continue
		}
		if err == nil {
			return c
		}
	}
	return nil
}

func (l *loader) buildConditions(s *Set, raw *rawSet) {
	for _, k := range l.keys("conditions") {
		if k.key == "all" {
			l.add(k.line, say(MsgSetAllReserved))
			continue
		}
		node := raw.Conditions[k.key]
		if r := l.parseRule(s, &node, within(PartCondition, k.key)); r != nil {
			s.Conditions[k.key] = r
		}
	}
	// A condition may name another; a cycle would never end.
	for _, k := range l.keys("conditions") {
		if l.cycle(s, k.key, map[string]bool{}) {
			l.add(k.line, say(MsgSetCycle, "name", k.key))
		}
	}
}

func (l *loader) cycle(s *Set, name string, visiting map[string]bool) bool {
	if visiting[name] {
		return true
	}
	r := s.Conditions[name]
	if r == nil {
		return false
	}
	visiting[name] = true
	defer delete(visiting, name)
	var walk func(*Rule) bool
	walk = func(r *Rule) bool {
		switch r.Kind {
		case RuleCondition:
			return l.cycle(s, r.Condition, visiting)
		case RuleAll, RuleAny:
			for _, c := range r.Children {
				if walk(c) {
					return true
				}
			}
		}
		return false
	}
	return walk(r)
}

func (l *loader) buildIndicators(s *Set, raw *rawSet) {
	if len(raw.Indicators) == 0 {
		l.add(l.line("indicators"), say(MsgSetNoIndicators))
	}
	seen := map[string]bool{}
	perDim := map[string]int{}
	for i, ri := range raw.Indicators {
		line := l.line("indicators", i)
		what := within(PartIndicator, ri.ID)
		if !idPattern.MatchString(ri.ID) {
			l.add(line, say(MsgSetBadID, "part", PartIndicator, "id", ri.ID, "example", "LS01"))
			n := i + 1
			what = func(m *Message) *Message { return nth(PartIndicator, n, m) }
		}
		if seen[ri.ID] {
			l.add(line, say(MsgSetIDTwice, "part", PartIndicator, "id", ri.ID))
		}
		seen[ri.ID] = true
		ind := &Indicator{ID: ri.ID, Dimension: ri.Dimension, Label: ri.Label, Question: ri.Question, Applies: ri.Applies,
			Weight: 1, Functions: ri.Functions, Lenses: ri.Lenses, Sectors: ri.Sectors,
			Status: ri.Provenance.Status, SourceNote: ri.Provenance.Source, Item: strings.TrimSpace(ri.Provenance.Item), dim: -1}
		for j, d := range s.Dimensions {
			if d.ID == ri.Dimension {
				ind.dim = j
			}
		}
		if ind.dim < 0 {
			l.add(l.line("indicators", i, "dimension"), what(undeclared(PartDimension, ri.Dimension, dimIDs(s))))
		}
		perDim[ri.Dimension]++
		if strings.TrimSpace(ri.Label) == "" {
			l.add(line, what(say(MsgSetLabelRequired)))
		}
		if ri.Weight != nil {
			ind.Weight = *ri.Weight
			if ind.Weight <= 0 || ind.Weight > maxWeight {
				l.add(l.line("indicators", i, "weight"), what(weightProblem(ind.Weight)))
			}
		}
		if ri.Rule.Kind == 0 {
			l.add(line, what(say(MsgSetRuleRequired)))
		} else {
			ind.Rule = l.parseRule(s, &ri.Rule, what)
		}
		switch ri.Applies {
		case "", "all":
		default:
			if c, ok := s.Conditions[ri.Applies]; ok {
				ind.condition = c
			} else {
				declared := append([]string{"all"}, sortedKeys(s.Conditions)...)
				l.add(l.line("indicators", i, "applies"), what(say(MsgSetApplies, "name", ri.Applies, "declared", listOf(declared))))
			}
		}
		l.checkTags(l.line("indicators", i, "functions"), what, PartFunction, ri.Functions, s.Functions)
		l.checkTags(l.line("indicators", i, "lenses"), what, PartLens, ri.Lenses, s.Lenses)
		l.checkTags(l.line("indicators", i, "sectors"), what, PartSector, ri.Sectors, s.Sectors)
		if !slicesContains(provenanceStatuses, ri.Provenance.Status) {
			l.add(l.line("indicators", i, "provenance"), what(say(MsgSetStatus, "status", ri.Provenance.Status, "statuses", strings.Join(provenanceStatuses, ", "))))
		}
		if strings.TrimSpace(ri.Provenance.Source) == "" {
			l.add(l.line("indicators", i, "provenance"), what(say(MsgSetSourceRequired)))
		}
		s.Indicators = append(s.Indicators, ind)
	}
	for i, d := range s.Dimensions {
		if perDim[d.ID] == 0 {
			l.add(l.line("dimensions", i), say(MsgSetDimensionEmpty, "id", d.ID))
		}
	}
	if len(l.problems) == 0 {
		for _, ind := range s.Indicators {
			ind.resolveSlots(s)
		}
	}
}

// resolveSlots records which parsed cells the indicator needs: the facts of
// its applicability condition and, apart from those, the answers of its rule.
func (ind *Indicator) resolveSlots(s *Set) {
	ind.facts, ind.answers = nil, nil
	if ind.condition != nil {
		for _, c := range ind.condition.Columns(s.Conditions, nil) {
			ind.facts = append(ind.facts, s.columnByName[c].slot)
		}
	}
	for _, c := range ind.Rule.Columns(s.Conditions, nil) {
		slot := s.columnByName[c].slot
		if !slicesContains(ind.facts, slot) {
			ind.answers = append(ind.answers, slot)
		}
	}
}

// checkTags checks the tags of kind part an indicator lists.
func (l *loader) checkTags(line int, what scope, part string, got []string, declared []Tag) {
	seen := map[string]bool{}
	for _, g := range got {
		ok := false
		for _, t := range declared {
			ok = ok || t.Key == g
		}
		if !ok {
			var keys []string
			for _, t := range declared {
				keys = append(keys, t.Key)
			}
			l.add(line, what(undeclared(part, g, keys)))
		}
		if seen[g] {
			l.add(line, what(say(MsgSetListedTwice, "part", part, "name", g)))
		}
		seen[g] = true
	}
}

// parseRule reads a rule node by hand so that every problem carries the line
// of the node it is about.
func (l *loader) parseRule(s *Set, n *yaml.Node, what scope) *Rule {
	if n.Kind != yaml.MappingNode {
		l.add(n.Line, what(say(MsgSetRuleNotMapping)))
		return nil
	}
	keys := map[string]*yaml.Node{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k := n.Content[i].Value
		switch k {
		case "yes", "no", "column", "in", "min", "max", "ratio", "all", "any", "condition":
		default:
			l.add(n.Content[i].Line, what(say(MsgSetRuleKey, "key", k)))
			return nil
		}
		keys[k] = n.Content[i+1]
	}
	has := func(names ...string) bool {
		if len(keys) != len(names) {
			return false
		}
		for _, name := range names {
			if keys[name] == nil {
				return false
			}
		}
		return true
	}
	r := &Rule{Line: n.Line}
	bad := func() *Rule {
		l.add(n.Line, what(say(MsgSetRuleMalformed)))
		return nil
	}
	bounds := func() bool {
		if keys["min"] == nil && keys["max"] == nil {
			code := MsgSetRangeNoBound
			if r.Kind == RuleRatio {
				code = MsgSetRatioNoBound
			}
			l.add(n.Line, what(say(code)))
			return false
		}
		r.Min = l.parseBound(s, keys["min"], what)
		r.Max = l.parseBound(s, keys["max"], what)
		return (keys["min"] == nil || r.Min != nil) && (keys["max"] == nil || r.Max != nil)
	}
	switch {
	case has("yes"), has("no"):
		r.Kind = RuleYes
		if keys["no"] != nil {
			r.Kind = RuleNo
		}
		r.Column = keys[string(r.Kind)].Value
		if !l.checkColumn(s, keys[string(r.Kind)], what, ColYesNo) {
			return nil
		}
	case has("column", "in"):
		r.Kind, r.Column = RuleIn, keys["column"].Value
		if !l.checkColumn(s, keys["column"], what, ColCode) {
			return nil
		}
		codes := keys["in"]
		if codes.Kind != yaml.SequenceNode || len(codes.Content) == 0 {
			l.add(codes.Line, what(say(MsgSetInList)))
			return nil
		}
		col := s.columnByName[r.Column]
		for _, c := range codes.Content {
			code, err := strconv.Atoi(c.Value)
			if err != nil || c.Kind != yaml.ScalarNode {
				l.add(c.Line, what(say(MsgSetCodeNotWhole, "code", c.Value)))
				return nil
			}
			if len(col.Codes) > 0 {
				if _, ok := col.Codes[code]; !ok {
					l.add(c.Line, what(say(MsgSetCodeUndeclared, "code", strconv.Itoa(code), "column", r.Column, "declared", CodeRanges(sortedCodes(col.Codes)))))
					return nil
				}
			}
			r.Codes = append(r.Codes, code)
		}
	case keys["column"] != nil && keys["in"] == nil && keys["ratio"] == nil && keys["yes"] == nil && keys["no"] == nil && keys["all"] == nil && keys["any"] == nil && keys["condition"] == nil:
		r.Kind, r.Column = RuleRange, keys["column"].Value
		if !l.checkColumn(s, keys["column"], what, ColNumber, ColCount) || !bounds() {
			return nil
		}
	case keys["ratio"] != nil && keys["column"] == nil && keys["in"] == nil && keys["yes"] == nil && keys["no"] == nil && keys["all"] == nil && keys["any"] == nil && keys["condition"] == nil:
		r.Kind = RuleRatio
		rn := keys["ratio"]
		if rn.Kind != yaml.SequenceNode || len(rn.Content) != 2 {
			l.add(rn.Line, what(say(MsgSetRatioList)))
			return nil
		}
		r.Num, r.Den = rn.Content[0].Value, rn.Content[1].Value
		if !l.checkColumn(s, rn.Content[0], what, ColNumber, ColCount) || !l.checkColumn(s, rn.Content[1], what, ColNumber, ColCount) {
			return nil
		}
		if den := s.columnByName[r.Den]; den.Min == nil || *den.Min <= 0 {
			l.add(rn.Content[1].Line, what(say(MsgSetRatioDenominator, "column", r.Den)))
			return nil
		}
		if !bounds() {
			return nil
		}
	case has("all"), has("any"):
		r.Kind = RuleAll
		if keys["any"] != nil {
			r.Kind = RuleAny
		}
		list := keys[string(r.Kind)]
		if list.Kind != yaml.SequenceNode || len(list.Content) == 0 {
			l.add(list.Line, what(say(MsgSetRuleList, "key", string(r.Kind))))
			return nil
		}
		for _, c := range list.Content {
			child := l.parseRule(s, c, what)
			if child == nil {
				return nil
			}
			r.Children = append(r.Children, child)
		}
	case has("condition"):
		r.Kind, r.Condition = RuleCondition, keys["condition"].Value
		if _, ok := l.keysSet("conditions")[r.Condition]; !ok {
			l.add(keys["condition"].Line, what(undeclared(PartCondition, r.Condition, sortedKeysOf(l.keysSet("conditions")))))
			return nil
		}
	default:
		return bad()
	}
	return r
}

func (l *loader) keysSet(path ...any) map[string]bool {
	m := map[string]bool{}
	for _, k := range l.keys(path...) {
		m[k.key] = true
	}
	return m
}

func (l *loader) parseBound(s *Set, n *yaml.Node, what scope) *Bound {
	if n == nil {
		return nil
	}
	if n.Kind != yaml.ScalarNode {
		l.add(n.Line, what(say(MsgSetBoundKind)))
		return nil
	}
	if f, err := strconv.ParseFloat(n.Value, 64); err == nil {
		return &Bound{Value: f}
	}
	if _, ok := s.Parameter(n.Value); !ok {
		var names []string
		for _, p := range s.Parameters {
			names = append(names, p.Name)
		}
		l.add(n.Line, what(undeclared(PartParameter, n.Value, names)))
		return nil
	}
	return &Bound{Param: n.Value}
}

func (l *loader) checkColumn(s *Set, n *yaml.Node, what scope, types ...ColumnType) bool {
	c := s.columnByName[n.Value]
	if n.Kind != yaml.ScalarNode || c == nil {
		l.add(n.Line, what(say(MsgSetColumnUndeclared, "name", n.Value)))
		return false
	}
	if !slicesContains(types, c.Type) {
		l.add(n.Line, what(say(MsgSetRuleColumnType, "column", c.Name, "type", string(c.Type), "types", typeList(types))))
		return false
	}
	return true
}

// weightProblem says that a weight lies outside (0, maxWeight].
func weightProblem(w float64) *Message {
	return say(MsgSetWeight, "found", fmtNum(w), "limit", fmtNum(maxWeight))
}

// typeList lists column types for a parameter.
func typeList(types []ColumnType) string {
	names := make([]string, len(types))
	for i, t := range types {
		names[i] = string(t)
	}
	return strings.Join(names, ", ")
}

func dimIDs(s *Set) []string {
	var ids []string
	for _, d := range s.Dimensions {
		ids = append(ids, d.ID)
	}
	return ids
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

func sortedKeysOf(m map[string]bool) []string { return sortedKeys(m) }

func slicesContains[T comparable](list []T, v T) bool {
	for _, x := range list {
		if x == v {
			return true
		}
	}
	return false
}

// buildWeightings reads the alternative weightings: a key and a label
// each, and a weight for every dimension, 0 or more and not all 0. A
// weighting that gives the index the set's own weights give (the same
// weights, or all of them multiplied by one number) is refused: it would
// only repeat the set's ranking under another name.
func (l *loader) buildWeightings(s *Set, raw *rawSet) {
	seen := map[string]bool{}
	var dims []string
	for _, d := range s.Dimensions {
		dims = append(dims, d.ID)
	}
	for i, rw := range raw.Weightings {
		line := l.line("weightings", i)
		if !idPattern.MatchString(rw.Key) {
			l.add(line, nth(PartWeighting, i+1, say(MsgSetBadName, "part", PartWeighting, "name", rw.Key)))
			continue
		}
		what := within(PartWeighting, rw.Key)
		if seen[rw.Key] {
			l.add(line, say(MsgSetIDTwice, "part", PartWeighting, "id", rw.Key))
		}
		seen[rw.Key] = true
		if strings.TrimSpace(rw.Label) == "" {
			l.add(line, what(say(MsgSetLabelRequired)))
		}
		w := Weighting{Key: rw.Key, Label: strings.TrimSpace(rw.Label), Weights: make([]float64, len(s.Dimensions))}
		ok := true
		for _, k := range l.keys("weightings", i, "weights") {
			v := rw.Weights[k.key]
			j := slices.Index(dims, k.key)
			switch {
			case j < 0:
				l.add(k.line, what(undeclared(PartDimension, k.key, dims)))
				ok = false
			case v < 0 || v > maxWeight:
				l.add(k.line, what(say(MsgSetWeightingWeight, "dimension", k.key, "found", fmtNum(v), "limit", fmtNum(maxWeight))))
				ok = false
			default:
				w.Weights[j] = v
			}
		}
		var missing []string
		for _, d := range dims {
			if _, given := rw.Weights[d]; !given {
				missing = append(missing, d)
			}
		}
		wline := l.line("weightings", i, "weights")
		switch {
		case len(missing) > 0:
			l.add(wline, what(say(MsgSetWeightingMissing, "missing", strings.Join(missing, ", "))))
		case !ok:
		case weightSum(w.Weights) == 0:
			l.add(wline, what(say(MsgSetWeightingZero)))
		case len(dims) > 0 && proportional(w.Weights, s.Dimensions):
			l.add(wline, what(say(MsgSetWeightingSame)))
		default:
			s.Weightings = append(s.Weightings, w)
		}
	}
}

// proportional reports whether weights are the dimensions' own weights
// times one number, which gives the same index.
func proportional(weights []float64, dims []Dimension) bool {
	r := weights[0] / dims[0].Weight
	for j, d := range dims {
		if math.Abs(weights[j]-r*d.Weight) > 1e-9*max(1, weights[j]) {
			return false
		}
	}
	return true
}

func weightSum(v []float64) float64 {
	t := 0.0
	for _, x := range v {
		t += x
	}
	return t
}
