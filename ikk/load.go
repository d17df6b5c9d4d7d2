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

// SetProblem is one problem of an indicator file.
type SetProblem struct {
	Line int
	Msg  string
	// Message, when set, says the problem as a code; Msg is then its
	// English text.
	Message *Message
}

func (e *SetError) Error() string {
	var b strings.Builder
	n := len(e.Problems)
	fmt.Fprintf(&b, "indicator file %s: %d problem", e.File, n)
	if n != 1 {
		b.WriteString("s")
	}
	for _, p := range e.Problems {
		b.WriteString("\n  ")
		if p.Line > 0 {
			fmt.Fprintf(&b, "%s:%d: ", e.File, p.Line)
		} else {
			fmt.Fprintf(&b, "%s: ", e.File)
		}
		b.WriteString(p.Msg)
	}
	return b.String()
}

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
	Conditions  map[string]yaml.Node    `yaml:"conditions"`
	Indicators  []rawIndicator          `yaml:"indicators"`
}

type rawCategory struct {
	ID    *int     `yaml:"id"`
	Label string   `yaml:"label"`
	Short string   `yaml:"short"`
	Min   *float64 `yaml:"min"`
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
				return fmt.Errorf("line %d: unknown key %q in a sector (accepted: name, short; quote a name that holds a comma)", n.Content[i].Line, k)
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
}

// Provenance statuses an indicator may declare.
var provenanceStatuses = []string{"official", "official-2016", "proposed", "reconstructed"}

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
			set, err = nil, &SetError{File: name, Problems: []SetProblem{{Msg: fmt.Sprintf("cannot be read as YAML (%v)", r)}}}
		}
	}()
	l := &loader{file: name}
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		l.yamlError(err)
		return nil, l.err()
	}
	if len(doc.Content) == 0 {
		l.add(0, "the file is empty: an indicator set needs schema, id, categories, dimensions, columns and indicators")
		return nil, l.err()
	}
	l.root = doc.Content[0]
	if l.root.Kind != yaml.MappingNode {
		l.add(l.root.Line, "the file must be a mapping of keys (schema, id, name, ...), not a %s", kindName(l.root))
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

func (l *loader) add(line int, format string, args ...any) {
	l.problems = append(l.problems, SetProblem{Line: line, Msg: fmt.Sprintf(format, args...)})
}

// checkFinite refuses .nan, .inf and numbers beyond float64 anywhere in the
// file: no setting of an index means "not a number" or "infinite", and one
// that slipped through would turn every figure it touches into NaN.
func (l *loader) checkFinite(n *yaml.Node) {
	if n.Kind == yaml.ScalarNode && n.ShortTag() == "!!float" {
		var f float64
		if err := n.Decode(&f); err != nil || math.IsNaN(f) || math.IsInf(f, 0) {
			l.add(n.Line, "%q is not a finite number; write an ordinary number such as 75 or 0.8", n.Value)
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
)

// yamlError turns the YAML library's messages into lines of the file and
// sentences that say what would be right.
func (l *loader) yamlError(err error) {
	var msgs []string
	var te *yaml.TypeError
	if errors.As(err, &te) {
		msgs = te.Errors
	} else {
		msgs = []string{err.Error()}
	}
	for _, m := range msgs {
		line := 0
		if g := yamlLineRe.FindStringSubmatch(m); g != nil {
			line, _ = strconv.Atoi(g[1])
			m = g[2]
		}
		m = strings.TrimPrefix(m, "yaml: ")
		if g := yamlUnknownRe.FindStringSubmatch(m); g != nil {
			m = fmt.Sprintf("unknown key %q in %s (accepted keys: %s)", g[1], rawTypeNames[g[2]], strings.Join(rawTypeKeys(g[2]), ", "))
		} else if g := yamlUnmarshalRe.FindStringSubmatch(m); g != nil {
			m = fmt.Sprintf("a %s is not accepted here: %s expected", yamlKind(g[1]), goTypeWords(g[2]))
		}
		l.add(line, "%s", m)
	}
}

var rawTypeNames = map[string]string{
	"rawSet": "the set", "rawCategory": "a category", "rawParameter": "a parameter",
	"rawDimension": "a dimension", "rawColumn": "a column", "rawIndicator": "an indicator",
	"rawProvenance": "a provenance",
}

var rawTypes = map[string]reflect.Type{
	"rawSet": reflect.TypeFor[rawSet](), "rawCategory": reflect.TypeFor[rawCategory](),
	"rawParameter": reflect.TypeFor[rawParameter](), "rawDimension": reflect.TypeFor[rawDimension](),
	"rawColumn": reflect.TypeFor[rawColumn](), "rawIndicator": reflect.TypeFor[rawIndicator](),
	"rawProvenance": reflect.TypeFor[rawProvenance](),
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

func yamlKind(tag string) string {
	switch tag {
	case "seq":
		return "list"
	case "map":
		return "mapping"
	case "str":
		return "text value"
	case "int", "float":
		return "number"
	case "bool":
		return "true/false value"
	}
	return tag
}

func goTypeWords(t string) string {
	switch {
	case strings.Contains(t, "float"):
		return "a number"
	case t == "int" || t == "*int":
		return "a whole number"
	case strings.HasPrefix(t, "[]"):
		return "a list"
	case strings.HasPrefix(t, "map["):
		return "a mapping"
	case t == "string":
		return "a text value"
	}
	return strings.TrimPrefix(t, "ikk.")
}

func kindName(n *yaml.Node) string {
	switch n.Kind {
	case yaml.SequenceNode:
		return "list"
	case yaml.MappingNode:
		return "mapping"
	case yaml.ScalarNode:
		return "single value"
	}
	return "node"
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
		l.add(l.line("schema"), "schema must be %q, found %q", SchemaV1, raw.Schema)
	}
	for _, f := range []struct{ key, val, example string }{
		{"id", raw.ID, "id: ikk"}, {"name", raw.Name, "name: Indeks Kualitas Keluarga"}, {"version", raw.Version, `version: "2026.1"`},
	} {
		if strings.TrimSpace(f.val) == "" {
			l.add(l.line(f.key), "%s is required at the top level (e.g. %s)", f.key, f.example)
		}
	}
	if raw.Target != nil {
		s.Target = *raw.Target
		if s.Target < 0 || s.Target > 100 {
			l.add(l.line("target"), "target must lie between 0 and 100, found %s", fmtNum(s.Target))
		}
	}
	if raw.MinAnswered != nil {
		s.MinAnsweredShare = *raw.MinAnswered
		if s.MinAnsweredShare <= 0 || s.MinAnsweredShare > 1 {
			l.add(l.line("min_answered_share"), "min_answered_share must lie in (0, 1], e.g. 0.8, found %s", fmtNum(s.MinAnsweredShare))
		}
	}
	l.buildCategories(s, raw)
	l.buildParameters(s, raw)
	l.buildDimensions(s, raw)
	s.Functions = l.buildTags("functions", raw.Functions)
	s.Lenses = l.buildTags("lenses", raw.Lenses)
	s.Sectors = l.buildSectors(raw.Sectors)
	for _, f := range s.Functions {
		for _, g := range s.Lenses {
			if f.Key == g.Key {
				l.add(l.line("lenses", g.Key), "lens %q has the name of a family function; lens and function keys must differ", g.Key)
			}
		}
	}
	l.buildColumns(s, raw)
	l.buildConditions(s, raw)
	l.buildIndicators(s, raw)
	return s
}

func (l *loader) buildCategories(s *Set, raw *rawSet) {
	if len(raw.Categories) == 0 {
		l.add(l.line("categories"), "categories are required: a list of {id, label, min}, ascending by min")
	}
	seen := map[int]bool{}
	for i, c := range raw.Categories {
		line := l.line("categories", i)
		switch {
		case c.ID == nil:
			l.add(line, "category %d: id is required (a whole number)", i+1)
			continue
		case c.Min == nil:
			l.add(line, "category %d: min is required (the lowest value of the category)", *c.ID)
			continue
		case strings.TrimSpace(c.Label) == "":
			l.add(line, "category %d: label is required", *c.ID)
		}
		if seen[*c.ID] {
			l.add(line, "category id %d appears twice; ids must be unique", *c.ID)
		}
		seen[*c.ID] = true
		if len(s.Categories) == 0 && *c.Min > 0 {
			l.add(line, "the first category must start at min 0, found %s: every value from 0 needs a category", fmtNum(*c.Min))
		}
		if n := len(s.Categories); n > 0 && *c.Min <= s.Categories[n-1].Min {
			l.add(line, "categories out of order: min %s of category %d must be greater than %s of the category before it (list categories from the lowest min to the highest)",
				fmtNum(*c.Min), *c.ID, fmtNum(s.Categories[n-1].Min))
		}
		if *c.Min >= indexMax {
			l.add(line, "category %d can never be reached: its min %s is not below %s, the highest value an index takes", *c.ID, fmtNum(*c.Min), fmtNum(indexMax))
		}
		short := strings.TrimSpace(c.Short)
		if short == "" {
			short = c.Label
		}
		s.Categories = append(s.Categories, Category{ID: *c.ID, Label: c.Label, Short: short, Min: *c.Min})
	}
}

func (l *loader) buildParameters(s *Set, raw *rawSet) {
	for _, k := range l.keys("parameters") {
		p := raw.Parameters[k.key]
		if !idPattern.MatchString(k.key) {
			l.add(k.line, "parameter name %q must be a letter followed by letters, digits or _", k.key)
		}
		if p.Value == nil {
			l.add(k.line, "parameter %s: value is required (a number)", k.key)
			continue
		}
		par := Parameter{Name: k.key, Label: p.Label, Source: p.Source, Value: *p.Value, Min: p.Min, Max: p.Max}
		if par.Min != nil && par.Max != nil && *par.Min > *par.Max {
			l.add(k.line, "parameter %s: min %s is above max %s", k.key, fmtNum(*par.Min), fmtNum(*par.Max))
		} else if err := par.check(par.Value); err != nil {
			l.add(k.line, "%v", err)
		}
		s.Parameters = append(s.Parameters, par)
	}
}

func (l *loader) buildDimensions(s *Set, raw *rawSet) {
	if len(raw.Dimensions) == 0 {
		l.add(l.line("dimensions"), "dimensions are required: a list of {id, label, weight}")
	}
	seen := map[string]bool{}
	for i, d := range raw.Dimensions {
		line := l.line("dimensions", i)
		if !idPattern.MatchString(d.ID) {
			l.add(line, "dimension id %q must be a letter followed by letters, digits or _ (e.g. LS)", d.ID)
		}
		if seen[d.ID] {
			l.add(line, "dimension id %q appears twice; ids must be unique", d.ID)
		}
		seen[d.ID] = true
		w := 1.0
		if d.Weight != nil {
			w = *d.Weight
			if w <= 0 || w > maxWeight {
				l.add(l.line("dimensions", i, "weight"), "dimension %s: weight must be greater than 0 and at most %s, found %s", d.ID, fmtNum(maxWeight), fmtNum(w))
			}
		}
		s.Dimensions = append(s.Dimensions, Dimension{ID: d.ID, Label: d.Label, Weight: w})
	}
}

func (l *loader) buildTags(key string, m map[string]string) []Tag {
	var tags []Tag
	for _, k := range l.keys(key) {
		if !idPattern.MatchString(k.key) {
			l.add(k.line, "%s key %q must be a letter followed by letters, digits or _", key, k.key)
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
	tags := l.buildTags("sectors", plain)
	seen := map[string]string{}
	for i := range tags {
		t := &tags[i]
		short := strings.TrimSpace(m[t.Key].Short)
		line := l.line("sectors", t.Key)
		switch {
		case strings.TrimSpace(t.Label) == "":
			l.add(line, "sector %s: name is required (the office's formal name)", t.Key)
		case utf8.RuneCountInString(short) > maxShort:
			l.add(line, "sector %s: short name %q has %d characters; at most %d fit a sheet name", t.Key, short, utf8.RuneCountInString(short), maxShort)
		case strings.ContainsAny(short, `:\/?*[]`):
			l.add(line, "sector %s: short name %q must not hold any of : \\ / ? * [ ]", t.Key, short)
		}
		if short == "" {
			continue
		}
		if other, dup := seen[strings.ToLower(short)]; dup {
			l.add(line, "sector %s: short name %q is already the short name of %s; short names must be unique", t.Key, short, other)
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
			l.add(k.line, "column name %q must be a letter followed by letters, digits or _", k.key)
		}
		if !slicesContains(columnTypes, c.Type) {
			var names []string
			for _, t := range columnTypes {
				names = append(names, string(t))
			}
			l.add(l.line("columns", k.key, "type"), "column %s: type %q is not known (accepted: %s)", k.key, rc.Type, strings.Join(names, ", "))
		}
		if len(c.Codes) > 0 && c.Type != ColCode {
			l.add(k.line, "column %s: codes belong to columns of type code, not %s", k.key, c.Type)
		}
		if (c.Min != nil || c.Max != nil) && c.Type != ColNumber && c.Type != ColCount {
			l.add(k.line, "column %s: min and max belong to columns of type number or count, not %s", k.key, c.Type)
		}
		if c.Min != nil && c.Max != nil && *c.Min > *c.Max {
			l.add(k.line, "column %s: min %s is above max %s", k.key, fmtNum(*c.Min), fmtNum(*c.Max))
		}
		if c.Type == ColCount && c.Min == nil {
			zero := 0.0
			c.Min = &zero
		}
		c.codeLabel = map[string]int{}
		for code, label := range c.Codes {
			c.codeLabel[normText(label)] = code
		}
		c.accepted = c.buildAccepted()
		for _, h := range append([]string{k.key}, c.Aliases...) {
			nh := NormalizeHeader(h)
			if other, dup := headers[nh]; dup && other != k.key {
				l.add(k.line, "column %s: header %q already names column %s; every header must name one column", k.key, h, other)
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
			l.add(l.line("columns"), "column %s must be declared (type %s): villages are identified by kode_desa, else by kecamatan and desa", ic.name, ic.typ)
		case c != nil && c.Type != ic.typ:
			l.add(l.line("columns", ic.name), "column %s must have type %s, not %s", ic.name, ic.typ, c.Type)
		}
	}
}

func (l *loader) buildConditions(s *Set, raw *rawSet) {
	for _, k := range l.keys("conditions") {
		if k.key == "all" {
			l.add(k.line, "condition name \"all\" is reserved: it means the indicator always applies")
			continue
		}
		node := raw.Conditions[k.key]
		if r := l.parseRule(s, &node, "condition "+k.key); r != nil {
			s.Conditions[k.key] = r
		}
	}
	// A condition may name another; a cycle would never end.
	for _, k := range l.keys("conditions") {
		if l.cycle(s, k.key, map[string]bool{}) {
			l.add(k.line, "condition %s refers to itself through {condition: ...}; conditions must not form a cycle", k.key)
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
		l.add(l.line("indicators"), "indicators are required: a list of {id, dimension, label, question, rule, ...}")
	}
	seen := map[string]bool{}
	perDim := map[string]int{}
	for i, ri := range raw.Indicators {
		line := l.line("indicators", i)
		what := fmt.Sprintf("indicator %s", ri.ID)
		if !idPattern.MatchString(ri.ID) {
			l.add(line, "indicator id %q must be a letter followed by letters, digits or _ (e.g. LS01)", ri.ID)
			what = fmt.Sprintf("indicator %d", i+1)
		}
		if seen[ri.ID] {
			l.add(line, "indicator id %s appears twice; ids must be unique", ri.ID)
		}
		seen[ri.ID] = true
		ind := &Indicator{ID: ri.ID, Dimension: ri.Dimension, Label: ri.Label, Question: ri.Question, Applies: ri.Applies,
			Weight: 1, Functions: ri.Functions, Lenses: ri.Lenses, Sectors: ri.Sectors,
			Status: ri.Provenance.Status, SourceNote: ri.Provenance.Source, dim: -1}
		for j, d := range s.Dimensions {
			if d.ID == ri.Dimension {
				ind.dim = j
			}
		}
		if ind.dim < 0 {
			l.add(l.line("indicators", i, "dimension"), "%s: dimension %q is not declared (declared: %s)", what, ri.Dimension, dimIDs(s))
		}
		perDim[ri.Dimension]++
		if strings.TrimSpace(ri.Label) == "" {
			l.add(line, "%s: label is required", what)
		}
		if ri.Weight != nil {
			ind.Weight = *ri.Weight
			if ind.Weight <= 0 || ind.Weight > maxWeight {
				l.add(l.line("indicators", i, "weight"), "%s: weight must be greater than 0 and at most %s, found %s", what, fmtNum(maxWeight), fmtNum(ind.Weight))
			}
		}
		if ri.Rule.Kind == 0 {
			l.add(line, "%s: rule is required, e.g. rule: {yes: buku_nikah}", what)
		} else {
			ind.Rule = l.parseRule(s, &ri.Rule, what)
		}
		switch ri.Applies {
		case "", "all":
		default:
			if c, ok := s.Conditions[ri.Applies]; ok {
				ind.condition = c
			} else {
				l.add(l.line("indicators", i, "applies"), "%s: applies names condition %q, which is not declared (declared: all, %s)", what, ri.Applies, strings.Join(sortedKeys(s.Conditions), ", "))
			}
		}
		l.checkTags(l.line("indicators", i, "functions"), what, "function", ri.Functions, s.Functions)
		l.checkTags(l.line("indicators", i, "lenses"), what, "lens", ri.Lenses, s.Lenses)
		l.checkTags(l.line("indicators", i, "sectors"), what, "sector", ri.Sectors, s.Sectors)
		if !slicesContains(provenanceStatuses, ri.Provenance.Status) {
			l.add(l.line("indicators", i, "provenance"), "%s: provenance status %q is not known (accepted: %s)", what, ri.Provenance.Status, strings.Join(provenanceStatuses, ", "))
		}
		if strings.TrimSpace(ri.Provenance.Source) == "" {
			l.add(l.line("indicators", i, "provenance"), "%s: provenance source is required (where the indicator comes from)", what)
		}
		s.Indicators = append(s.Indicators, ind)
	}
	for i, d := range s.Dimensions {
		if perDim[d.ID] == 0 {
			l.add(l.line("dimensions", i), "dimension %s has no indicator; the IKK would always be undefined", d.ID)
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

func (l *loader) checkTags(line int, what, kind string, got []string, declared []Tag) {
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
			l.add(line, "%s: %s %q is not declared (declared: %s)", what, kind, g, strings.Join(keys, ", "))
		}
		if seen[g] {
			l.add(line, "%s: %s %q is listed twice", what, kind, g)
		}
		seen[g] = true
	}
}

const ruleForms = "{yes: COL}, {no: COL}, {column: COL, in: [codes]}, {column: COL, min: X, max: X}, {ratio: [A, B], min: X}, {all: [rules]}, {any: [rules]} or {condition: NAME}"

// parseRule reads a rule node by hand so that every problem carries the line
// of the node it is about.
func (l *loader) parseRule(s *Set, n *yaml.Node, what string) *Rule {
	if n.Kind != yaml.MappingNode {
		l.add(n.Line, "%s: a rule is a mapping, one of %s", what, ruleForms)
		return nil
	}
	keys := map[string]*yaml.Node{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k := n.Content[i].Value
		switch k {
		case "yes", "no", "column", "in", "min", "max", "ratio", "all", "any", "condition":
		default:
			l.add(n.Content[i].Line, "%s: unknown rule key %q; a rule is one of %s", what, k, ruleForms)
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
		l.add(n.Line, "%s: malformed rule; a rule is one of %s", what, ruleForms)
		return nil
	}
	bounds := func() bool {
		if keys["min"] == nil && keys["max"] == nil {
			l.add(n.Line, "%s: a %s rule needs min, max or both", what, r.Kind)
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
		in := keys["in"]
		if in.Kind != yaml.SequenceNode || len(in.Content) == 0 {
			l.add(in.Line, "%s: in must be a non-empty list of codes, e.g. in: [1, 2]", what)
			return nil
		}
		col := s.columnByName[r.Column]
		for _, c := range in.Content {
			code, err := strconv.Atoi(c.Value)
			if err != nil || c.Kind != yaml.ScalarNode {
				l.add(c.Line, "%s: code %q is not a whole number", what, c.Value)
				return nil
			}
			if len(col.Codes) > 0 {
				if _, ok := col.Codes[code]; !ok {
					l.add(c.Line, "%s: code %d is not declared for column %s (declared: %s)", what, code, r.Column, codeRanges(sortedCodes(col.Codes)))
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
			l.add(rn.Line, "%s: ratio must be a list of two columns [numerator, denominator]", what)
			return nil
		}
		r.Num, r.Den = rn.Content[0].Value, rn.Content[1].Value
		if !l.checkColumn(s, rn.Content[0], what, ColNumber, ColCount) || !l.checkColumn(s, rn.Content[1], what, ColNumber, ColCount) {
			return nil
		}
		if den := s.columnByName[r.Den]; den.Min == nil || *den.Min <= 0 {
			l.add(rn.Content[1].Line, "%s: the denominator column %s must be declared with a min above 0 (e.g. min: 1), so that it is never zero", what, r.Den)
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
			l.add(list.Line, "%s: %s must be a non-empty list of rules", what, r.Kind)
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
			l.add(keys["condition"].Line, "%s: condition %q is not declared (declared: %s)", what, r.Condition, strings.Join(sortedKeysOf(l.keysSet("conditions")), ", "))
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

func (l *loader) parseBound(s *Set, n *yaml.Node, what string) *Bound {
	if n == nil {
		return nil
	}
	if n.Kind != yaml.ScalarNode {
		l.add(n.Line, "%s: a bound is a number or a parameter name", what)
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
		l.add(n.Line, "%s: parameter %q is not declared (declared parameters: %s)", what, n.Value, strings.Join(names, ", "))
		return nil
	}
	return &Bound{Param: n.Value}
}

func (l *loader) checkColumn(s *Set, n *yaml.Node, what string, types ...ColumnType) bool {
	c := s.columnByName[n.Value]
	if n.Kind != yaml.ScalarNode || c == nil {
		l.add(n.Line, "%s: column %q is not declared under columns", what, n.Value)
		return false
	}
	if !slicesContains(types, c.Type) {
		var names []string
		for _, t := range types {
			names = append(names, string(t))
		}
		l.add(n.Line, "%s: column %s has type %s; this rule needs a column of type %s", what, c.Name, c.Type, strings.Join(names, " or "))
		return false
	}
	return true
}

func dimIDs(s *Set) string {
	var ids []string
	for _, d := range s.Dimensions {
		ids = append(ids, d.ID)
	}
	return strings.Join(ids, ", ")
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
