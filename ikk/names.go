package ikk

import (
	"cmp"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/ikk-tools/ikk/wilayah"
)

// Names from the register. With Options.Register, every unit with a code
// takes the name the Kemendagri register gives it, and where the data
// disagrees it is said once per unit, not once per row:
//
//   - name_differs: the data writes a unit's name otherwise than the
//     register does for its code, compared by wilayah.NameKey (case,
//     spaces, hyphens, the kind written before a name, the common
//     abbreviations), so "PADANG HARAPAN" and "Kec. Padang Harapan" are
//     the register's "Padang Harapan" and no issue;
//   - code_suspect: the name is the name of another unit near it (a desa
//     of the same kabupaten, a kecamatan of the same kabupaten, a
//     kabupaten of the same province), so its code may be mistyped;
//   - unknown_code: the register has no desa of that code;
//   - name_unresolved: a village given by name only matches no village of
//     the register, or several.
//
// A village given by name only is looked up by its kabupaten, kecamatan and
// desa names; found, it takes the code, and its spellings meet in one unit.
// For a unit the register knows, name_differs replaces name_conflict: the
// register, not the first row read, says what its name is, and each
// spelling is counted instead of reported row by row. A code the register
// lacks, or a run without a register, keeps name_conflict.

// Kinds of unit, the value of an issue's "kind" parameter and of
// Place.Kind.
const (
	KindDesa      = "desa"
	KindKelurahan = "kelurahan"
	KindKecamatan = "kecamatan"
	KindKabupaten = "kabupaten"
	KindKota      = "kota"
	KindProvince  = "province"
)

// Spelling is one way the data writes a unit's name, and on how many rows.
type Spelling struct {
	Text string
	Rows int
}

// Place is a unit of the register an issue points to: the village a name
// may mean.
type Place struct {
	Code, Name, Kind string
	// Above are the names of the units above it, nearest first, up to its
	// kabupaten: "Kelua", "Kabupaten Tabalong" for a desa.
	Above []string
}

const (
	// maxSpellings bounds the spellings kept for a unit; the rows of any
	// further ones are not listed.
	maxSpellings = 20
	// maxCandidates bounds the places an issue proposes.
	maxCandidates = 5
	// nearSearches bounds the searches by edit distance in a run: each
	// compares a name with every desa of a kabupaten, and a crafted survey
	// of a million distinct names must not take hours.
	nearSearches = 2000
)

// nameBook is what the merger learns about names while it reads: each
// unit's spellings, the codes the register lacks, the villages found by
// name and those that were not.
type nameBook struct {
	reg        *wilayah.Register
	scope      []wilayah.Unit       // the kabupaten of Options.Kabupaten
	units      map[string]*regEntry // by code; nil for a code the register lacks
	order      []*regEntry          // in order of first appearance
	unknown    []unknownCode
	unresolved []unresolvedName
	near       int // edit-distance searches left
}

func newNameBook(reg *wilayah.Register, kabupaten string) *nameBook {
	if reg == nil {
		return nil
	}
	nb := &nameBook{reg: reg, units: map[string]*regEntry{}, near: nearSearches}
	if kabupaten != "" {
		nb.scope = reg.Kabupaten(kabupaten)
	}
	return nb
}

// regEntry counts how the data spells one unit of the register.
type regEntry struct {
	unit wilayah.Unit
	col  int // the set column its name is read from
	list []spelling
	last int // the spelling of the last row, at hand
}

type spelling struct {
	text string
	rows int
	at   uint32 // the ordinal of its first row
	loc  Issue  // where it was first read
}

// unknownCode is a desa code the register lacks, where it was first read.
type unknownCode struct {
	d   *desaState
	at  uint32
	loc Issue
}

// unresolvedName is a village given by name only that the register does
// not name, or names more than once.
type unresolvedName struct {
	d       *desaState
	at      uint32
	loc     Issue
	kec     string // as written
	scope   string // the kabupaten searched, "" for the whole register
	cands   []wilayah.Unit
	several bool // cands are the villages the name matches, not the nearest
}

// noMessage stands for the message of an issue built only for its place.
var noMessage = &Message{}

// entry is the register's entry for a code, created on first use; nil when
// the register lacks the code.
func (nb *nameBook) entry(code string, col int) *regEntry {
	if e, seen := nb.units[code]; seen {
		return e
	}
	u, ok := nb.reg.Lookup(code)
	if !ok {
		nb.units[code] = nil
		return nil
	}
	e := &regEntry{unit: u, col: col}
	nb.units[code] = e
	nb.order = append(nb.order, e)
	return e
}

// attach gives a new desa its entries: for its code, or for the kecamatan
// found for a village known by name. A desa code the register lacks is
// noted for unknown_code.
func (sc *scorer) attach(d *desaState, b *batch, i int) {
	nb := sc.names
	code := d.code
	if code == "" {
		code = d.kecCode
	}
	if code == "" {
		return
	}
	if d.code != "" {
		d.reg[0] = nb.entry(d.code, sc.desaCol)
		if d.reg[0] == nil {
			nb.unknown = append(nb.unknown, unknownCode{d: d, at: sc.loc.ord, loc: b.issue(sc.set, i, sc.kodeCol, "", d.code, noMessage)})
		}
	}
	d.reg[1] = nb.entry(code[:8], sc.kecCol)
	d.reg[2] = nb.entry(code[:5], sc.kabCol)
}

// countNames counts a row's spellings under its desa's entries.
func (sc *scorer) countNames(d *desaState, b *batch, i int, r *rowRec) {
	sc.spell(d.reg[0], r.desa, b, i)
	sc.spell(d.reg[1], r.kec, b, i)
	sc.spell(d.reg[2], r.kab, b, i)
}

func (sc *scorer) spell(e *regEntry, text string, b *batch, i int) {
	if e == nil || text == "" {
		return
	}
	if e.last < len(e.list) && e.list[e.last].text == text {
		e.list[e.last].rows++
		return
	}
	for k := range e.list {
		if e.list[k].text == text {
			e.list[k].rows++
			e.last = k
			return
		}
	}
	if len(e.list) == maxSpellings {
		return
	}
	e.list = append(e.list, spelling{text: strings.Clone(text), rows: 1, at: sc.loc.ord, loc: b.issue(sc.set, i, e.col, "", text, noMessage)})
	e.last = len(e.list) - 1
}

// newDesaCode is the code a new desa of row r is kept under: its own, or,
// for a village given by name only, the one the register gives its names
// (noted for name_unresolved when there is none, or several).
func (sc *scorer) newDesaCode(r *rowRec) (code string, res resolution) {
	if r.code != "" || sc.names == nil {
		return r.code, resolution{}
	}
	res = sc.names.resolve(r.kab, r.kec, r.desa)
	return res.code, res
}

// resolution is what the register says of a village's names.
type resolution struct {
	code    string // the village's code; "" when not found
	kecCode string // when only its kecamatan was found
	scope   string
	cands   []wilayah.Unit
	several bool
}

// resolve looks up a village by its names: within the kabupaten the data
// names (or Options.Kabupaten), else in the whole register. Its desa must
// be found in its kecamatan; a kecamatan name the kabupaten lacks is
// passed over when the desa name is the kabupaten's only one.
func (nb *nameBook) resolve(kab, kec, desa string) resolution {
	scopes := nb.scope
	if kab != "" {
		if found := nb.reg.Kabupaten(kab); len(found) > 0 {
			scopes = found
		}
	}
	if len(scopes) == 0 {
		return nb.resolveAnywhere(kec, desa)
	}
	var res resolution
	for _, k := range scopes {
		if res.scope != "" {
			res.scope += ", "
		}
		res.scope += k.Name
	}
	within := func(u wilayah.Unit) bool {
		return slices.ContainsFunc(scopes, func(k wilayah.Unit) bool { return strings.HasPrefix(u.Code, k.Code+".") })
	}
	kecs := slices.DeleteFunc(nb.reg.Named(kec, wilayah.Kecamatan), func(u wilayah.Unit) bool { return !within(u) })
	named := slices.DeleteFunc(nb.reg.Named(desa, wilayah.Desa), func(u wilayah.Unit) bool { return !within(u) })
	inKec := slices.DeleteFunc(slices.Clone(named), func(u wilayah.Unit) bool {
		return !slices.ContainsFunc(kecs, func(k wilayah.Unit) bool { return u.Parent() == k.Code })
	})
	switch {
	case len(inKec) == 1:
		res.code = inKec[0].Code
	case len(inKec) > 1:
		res.cands, res.several = inKec, true
	case len(kecs) == 0 && len(named) == 1:
		res.code = named[0].Code
	case len(kecs) == 0 && len(named) > 1:
		res.cands, res.several = named, true
	case len(named) > 0:
		// The desa is in another kecamatan than the one written: either
		// may be wrong, so neither is believed.
		res.cands = named
	default:
		// The nearest names in its kecamatan, else in its kabupaten.
		if len(kecs) == 1 {
			res.cands = nb.nearest(desa, nb.reg.Children(kecs[0].Code), "")
		}
		if len(res.cands) == 0 {
			var among []wilayah.Unit
			for _, k := range scopes {
				among = append(among, nb.reg.Below(k.Code, wilayah.Desa)...)
			}
			res.cands = nb.nearest(desa, among, "")
		}
	}
	if res.code == "" && len(kecs) == 1 {
		res.kecCode = kecs[0].Code
	}
	return res
}

// resolveAnywhere looks up a village by its desa and kecamatan names in the
// whole register, when no kabupaten is known: the pair must be unique.
func (nb *nameBook) resolveAnywhere(kec, desa string) resolution {
	named := nb.reg.Named(desa, wilayah.Desa)
	kecKey := wilayah.NameKey(kec)
	var inKec []wilayah.Unit
	for _, u := range named {
		if k, ok := nb.reg.Lookup(u.Parent()); ok && wilayah.NameKey(k.Name) == kecKey {
			inKec = append(inKec, u)
		}
	}
	switch len(inKec) {
	case 1:
		return resolution{code: inKec[0].Code}
	case 0:
		return resolution{cands: named}
	}
	return resolution{cands: inKec, several: true}
}

// nearest lists the units of among whose names are fewest edits from name,
// within what still suggests a name (maxEdits), leaving out the unit not.
func (nb *nameBook) nearest(name string, among []wilayah.Unit, not string) []wilayah.Unit {
	key := wilayah.NameKey(name)
	if nb.near <= 0 || key == "" {
		return nil
	}
	nb.near--
	limit := maxEdits(key)
	best := limit + 1
	var out []wilayah.Unit
	for _, u := range among {
		if u.Code == not {
			continue
		}
		d := EditDistance(key, wilayah.NameKey(u.Name), limit)
		switch {
		case d < 0 || d > best:
		case d < best:
			best, out = d, []wilayah.Unit{u}
		default:
			out = append(out, u)
		}
	}
	return out
}

// noteUnresolved records a village given by name only that was not found.
func (sc *scorer) noteUnresolved(d *desaState, b *batch, i int, r *rowRec, res resolution) {
	sc.names.unresolved = append(sc.names.unresolved, unresolvedName{d: d, at: sc.loc.ord,
		loc: b.issue(sc.set, i, sc.desaCol, "", r.desa, noMessage), kec: strings.Clone(r.kec),
		scope: res.scope, cands: res.cands, several: res.several})
}

// nameIssues are the issues of the names and codes of units, in the order
// of the rows they were first read on.
func (sc *scorer) nameIssues() []Issue {
	nb := sc.names
	if nb == nil {
		return nil
	}
	var out []locatedIssue
	for _, e := range nb.order {
		out = append(out, nb.spellingIssues(e)...)
	}
	for _, u := range nb.unknown {
		out = append(out, locatedIssue{u.at, nb.unknownIssue(u)})
	}
	for _, u := range nb.unresolved {
		out = append(out, locatedIssue{u.at, nb.unresolvedIssue(u)})
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].at < out[j].at })
	issues := make([]Issue, len(out))
	for i, l := range out {
		issues[i] = redactIssue(l.is, sc.opt.PersonalData)
	}
	return issues
}

type locatedIssue struct {
	at uint32
	is Issue
}

// spellingIssues says where a unit's spellings disagree with the register:
// one code_suspect per spelling that names another unit near it, and one
// name_differs for the others.
func (nb *nameBook) spellingIssues(e *regEntry) []locatedIssue {
	own := wilayah.NameKey(e.unit.Name)
	var differ []spelling
	var out []locatedIssue
	for _, s := range e.list {
		if wilayah.NameKey(s.text) == own {
			continue
		}
		cands, exact := nb.better(e.unit, s.text, own)
		if len(cands) == 0 {
			differ = append(differ, s)
			continue
		}
		detail := MsgCodeSuspectNear
		if exact {
			detail = MsgCodeSuspect
		}
		is := s.loc
		is.Code, is.Detail = IssueCodeSuspect, detail
		is.Params = []string{"kind", kindOf(e.unit), "code", e.unit.Code, "name", e.unit.Name}
		is.Spellings = []Spelling{{Text: s.text, Rows: s.rows}}
		is.Candidates = nb.places(cands)
		out = append(out, locatedIssue{s.at, is})
	}
	if len(differ) == 0 {
		return out
	}
	is := differ[0].loc
	is.Code, is.Detail = IssueNameDiffers, MsgNameDiffers
	is.Params = []string{"kind", kindOf(e.unit), "code", e.unit.Code, "name", e.unit.Name}
	for _, s := range differ {
		is.Spellings = append(is.Spellings, Spelling{Text: s.text, Rows: s.rows})
	}
	// Most rows first: the spelling to correct first.
	sort.SliceStable(is.Spellings, func(i, j int) bool { return is.Spellings[i].Rows > is.Spellings[j].Rows })
	return append(out, locatedIssue{differ[0].at, is})
}

// better finds the units near u whose name a spelling of u's matches
// better than u's own: exactly (by NameKey), or else within a few edits
// when u's own name is farther.
func (nb *nameBook) better(u wilayah.Unit, text, own string) (cands []wilayah.Unit, exact bool) {
	level := u.Level()
	// Near means: the same kabupaten for a desa or a kecamatan, the same
	// province for a kabupaten.
	area := u.Code[:min(5, len(u.Code))]
	if level == wilayah.Kabupaten {
		area = u.Code[:2]
	}
	named := nb.reg.Named(text, level)
	if level == wilayah.Kabupaten {
		named = nb.reg.Kabupaten(text)
	}
	for _, c := range named {
		if c.Code != u.Code && strings.HasPrefix(c.Code, area+".") {
			cands = append(cands, c)
		}
	}
	if len(cands) > 0 {
		return cands, true
	}
	near := nb.nearest(text, nb.reg.Below(area, level), u.Code)
	if len(near) == 0 {
		return nil, false
	}
	key := wilayah.NameKey(text)
	d := EditDistance(key, wilayah.NameKey(near[0].Name), maxEdits(key))
	if o := EditDistance(key, own, maxEdits(key)); o >= 0 && o <= d {
		return nil, false
	}
	return near, false
}

// unknownIssue says that the register lacks a desa code, and which desa of
// its kecamatan or kabupaten the data's name matches.
func (nb *nameBook) unknownIssue(u unknownCode) Issue {
	is := u.loc
	is.Code, is.Detail = IssueUnknownCode, MsgUnknownCode
	is.Params = []string{"name", u.d.name}
	var cands []wilayah.Unit
	for _, c := range nb.reg.Named(u.d.name, wilayah.Desa) {
		if strings.HasPrefix(c.Code, u.d.code[:5]+".") {
			cands = append(cands, c)
		}
	}
	if len(cands) == 0 && u.d.name != "" {
		cands = nb.nearest(u.d.name, nb.reg.Below(u.d.code[:5], wilayah.Desa), "")
	}
	if len(cands) > 0 {
		is.Detail = MsgUnknownCodeNear
		is.Candidates = nb.places(cands)
	}
	return is
}

// unresolvedIssue says that a village given by name only was not found in
// the register, or found more than once, with the villages it may be.
func (nb *nameBook) unresolvedIssue(u unresolvedName) Issue {
	is := u.loc
	is.Code = IssueNameUnresolved
	switch {
	case u.several:
		is.Detail = MsgNameAmbiguous
	case len(u.cands) > 0:
		is.Detail = MsgNameNotFoundNear
	default:
		is.Detail = MsgNameNotFound
	}
	is.Params = []string{"kecamatan", u.kec, "kabupaten", u.scope, "rows", strconv.Itoa(u.d.rows)}
	is.Candidates = nb.places(u.cands)
	return is
}

// places describes units for an issue, at most maxCandidates.
func (nb *nameBook) places(us []wilayah.Unit) []Place {
	out := make([]Place, 0, min(len(us), maxCandidates))
	for _, u := range us[:min(len(us), maxCandidates)] {
		p := Place{Code: u.Code, Name: u.Name, Kind: kindOf(u)}
		path := nb.reg.Path(u)
		// Up to the kabupaten: the province adds nothing to tell two
		// villages apart.
		if n := len(path); n > 1 {
			path = path[:n-1]
		}
		p.Above = path
		out = append(out, p)
	}
	return out
}

// kindOf names what a unit of the register is.
func kindOf(u wilayah.Unit) string {
	switch u.Level() {
	case wilayah.Province:
		return KindProvince
	case wilayah.Kabupaten:
		if strings.HasPrefix(u.Name, "Kota ") {
			return KindKota
		}
		return KindKabupaten
	case wilayah.Kecamatan:
		return KindKecamatan
	}
	if u.Kelurahan() {
		return KindKelurahan
	}
	return KindDesa
}

// regName is the register's name for a desa's unit at level l (0 the desa,
// 1 its kecamatan, 2 its kabupaten), "" when the register does not name
// it. A kabupaten is named without the word "Kabupaten", as the data and
// the documents write it ("BUPATI TABALONG"); a city keeps "Kota".
func (d *desaState) regName(l int) string {
	e := d.reg[l]
	if e == nil {
		return ""
	}
	if l == 2 {
		return strings.TrimPrefix(e.unit.Name, "Kabupaten ")
	}
	return e.unit.Name
}

// areaCode is the code that places a desa: its own, or that of the
// kecamatan found for a village known by name.
func (d *desaState) areaCode() string {
	if d.code != "" {
		return d.code
	}
	return d.kecCode
}

// names are a desa's names as reported: the register's where it names the
// unit, else as first written.
func (d *desaState) names() (desa, kec, kab string) {
	return cmp.Or(d.regName(0), d.name), cmp.Or(d.regName(1), d.kecamatan), cmp.Or(d.regName(2), d.kabupaten)
}

// inData is the name as the data writes it when it differs from the name
// reported.
func inData(typed, name string) string {
	if typed == name {
		return ""
	}
	return typed
}
