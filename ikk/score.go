package ikk

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"hash/fnv"
	"io"
	"math"
	"os"
	"strconv"
	"strings"

	"github.com/ikk-tools/ikk/wilayah"
)

// Options tune a scoring run.
type Options struct {
	// Sheet names the worksheet to read in every workbook, hidden or not;
	// "" picks the first visible sheet whose header names the set's
	// columns (Input.HiddenSkipped lists hidden ones passed over).
	Sheet string
	// Jobs is the number of files read and of workers scoring at once;
	// 0 means one per core. The result does not depend on it.
	Jobs int
	// OnHousehold, when set, receives every scored household in input
	// order. The household is reused for the next one.
	OnHousehold func(*Household)
	// Progress, when set, is called now and then from the calling
	// goroutine.
	Progress func(Progress)
	// PersonalData keeps KK numbers and NIK unmasked in the issues' values
	// and messages (--with-personal-data).
	PersonalData bool
	// Register, when set, names every unit with a code as the Kemendagri
	// register names it, reports the names and codes that disagree with
	// it, and finds the codes of villages given by name only (names.go).
	// nil leaves the names as the data writes them.
	Register *wilayah.Register
	// Kabupaten is the kabupaten (a code or a name) of villages given by
	// name only whose kabupaten cell is blank or names none: with
	// Register, their codes are looked for there.
	Kabupaten string
	// Resamples is the number of bootstrap resamples from which each desa,
	// kecamatan and kabupaten gets its Unit.Uncertainty (bootstrap.go);
	// 0 computes none.
	Resamples int
	// KeepReplicates keeps each desa's resampled dimension values, for
	// Unit.Replicates (a ranking's stability); it needs Resamples.
	KeepReplicates bool
}

// headerSearchRows is how far down a sheet the header may stand, below title
// rows that district templates often carry.
const headerSearchRows = 30

// NoHouseholdsError says that the inputs held no household that could be
// scored; Issues says why (rows rejected, cells invalid).
type NoHouseholdsError struct {
	Accounting
	Issues IssueList
}

func (e *NoHouseholdsError) Error() string { return e.Msg().Error() }

// Msg says the error as a message.
func (e *NoHouseholdsError) Msg() *Message {
	return say(MsgNoHouseholds, "rows", strconv.Itoa(e.RowsRead), "rejected", strconv.Itoa(e.Rejected), "blank", strconv.Itoa(e.Blank))
}

// Score reads every file, scores every household and aggregates the units.
// Errors about a file as a whole are *InputError; data problems in cells are
// not errors but Result.Issues.
func Score(ctx context.Context, set *Set, paths []string, opt Options) (*Result, error) {
	return ScoreInputs(ctx, set, &Inputs{Files: paths}, opt)
}

// acc accumulates households of one unit; its counts add up across units.
type acc struct {
	households int
	counts     [][numOutcomes]int
	sexHH      [2]int
	sexCounts  [2][][2]int // per sex, per indicator: pass, fail
	hhCat      []int
	incomplete int
	hSum       float64
	hN         int
	fam        familyScores // family-first sets only
}

func newAcc(s *Set) *acc {
	a := &acc{counts: make([][numOutcomes]int, len(s.Indicators)), hhCat: make([]int, len(s.Categories))}
	if s.FamilyFirst() {
		a.fam = newFamilyScores(len(s.Dimensions))
	}
	for i := range a.sexCounts {
		a.sexCounts[i] = make([][2]int, len(s.Indicators))
	}
	return a
}

func (a *acc) add(b *acc) {
	a.households += b.households
	for i := range a.counts {
		for o := range a.counts[i] {
			a.counts[i][o] += b.counts[i][o]
		}
		for s := range a.sexCounts {
			a.sexCounts[s][i][0] += b.sexCounts[s][i][0]
			a.sexCounts[s][i][1] += b.sexCounts[s][i][1]
		}
	}
	for s := range a.sexHH {
		a.sexHH[s] += b.sexHH[s]
	}
	for i := range a.hhCat {
		a.hhCat[i] += b.hhCat[i]
	}
	a.incomplete += b.incomplete
	a.hSum += b.hSum
	a.hN += b.hN
	a.fam.add(b.fam)
}

// rtEntry is an RT of a desa: its name as kept, and its totals.
type rtEntry struct {
	name string
	acc  *acc
}

type desaState struct {
	idx                        int // order of first appearance
	code                       string
	name, kecamatan, kabupaten string
	acc                        *acc
	fails                      *failHist // the desa's households by fail pattern
	rts                        map[string]rtEntry
	rtOrder                    []string
	lastRT                     string // the RT of the last household, at hand
	lastRTAcc                  *acc
	unit                       *Unit // the desa's, once the units are built
	// where the desa and kecamatan names were first read (row ordinals),
	// and the other spellings already reported
	nameAt, kecAt uint32
	conflicts     map[string]bool
	// With a register: the desa's, kecamatan's and kabupaten's entries
	// (nil for a code the register lacks), the kecamatan found for a
	// village whose own name was not, and the rows read (names.go).
	reg     [3]*regEntry
	kecCode string
	rows    int
}

// compiled is what scoring needs from the set, resolved once and shared,
// read-only, by the readers and workers of a run.
type compiled struct {
	set      *Set
	opt      Options
	inds     []compiledIndicator
	matcher  *headerMatcher
	nValued  int
	masked   bool  // every slot has a bit in cellStates
	valued   []int // positions in Set.Columns of the valued columns, for the row loop
	kodeCol  int   // set column positions of the identification columns
	kabCol   int
	kecCol   int
	desaCol  int
	rtCol    int
	kkCol    int
	nameCol  int
	sexCol   int
	sexSlot  int
	catIndex map[*Category]int
}

func newCompiled(set *Set, opt Options) *compiled {
	c := &compiled{set: set, opt: opt, matcher: newHeaderMatcher(set), catIndex: map[*Category]int{}}
	for i, col := range set.Columns {
		if col.valued() {
			c.nValued++
			c.valued = append(c.valued, i)
		}
	}
	c.masked = c.nValued <= 64
	for _, ind := range set.Indicators {
		c.inds = append(c.inds, compileIndicator(ind, set))
	}
	c.kodeCol, c.kabCol, c.kecCol = set.columnIndex("kode_desa"), set.columnIndex("kabupaten"), set.columnIndex("kecamatan")
	c.desaCol, c.rtCol, c.kkCol = set.columnIndex("desa"), set.columnIndex("rt"), set.columnIndex("no_kk")
	c.nameCol, c.sexCol = set.columnIndex("nama_kk"), set.columnIndex("jk_kk")
	c.sexSlot = -1
	if c.sexCol >= 0 {
		c.sexSlot = set.Columns[c.sexCol].slot
	}
	for i := range set.Categories {
		c.catIndex[&set.Categories[i]] = i
	}
	return c
}

// scorer is the merger's state: the units being built, the issues, the
// accounting, all in input order.
type scorer struct {
	*compiled
	hh          Household
	desas       map[string]*desaState
	desaOrder   []string
	issues      IssueList
	issueCounts map[string]int // every issue by code, listed or not
	// KK numbers stored as numbers in the current file, and the first row.
	kkAsNumber, kkAsNumberRow int
	inputs                    []Input
	cur                       Input // the file being merged
	position                  func() (done, total int64)
	total                     Accounting
	loc                       rowLocator
	kk                        *kkIndex
	lastKey                   string
	lastDesa                  *desaState
	failGroups                *failLayout // the offices' indicators, for failHist
	fam                       *familyScratch
	names                     *nameBook     // nil without a register
	patterns                  *patternStore // with Options.Resamples only
}

func newScorer(c *compiled) *scorer {
	sc := &scorer{compiled: c, desas: map[string]*desaState{}, issueCounts: map[string]int{}, kk: newKKIndex()}
	sc.hh.Outcomes = make([]Outcome, len(c.set.Indicators))
	sc.hh.Dimensions = make([]*float64, len(c.set.Dimensions))
	sc.failGroups = newFailLayout(failGroups(c.set))
	sc.fam = newFamilyScratch(c.set)
	sc.names = newNameBook(c.opt.Register, c.opt.Kabupaten)
	if c.opt.Resamples > 0 {
		sc.patterns = newPatternStore(len(c.set.Indicators))
	}
	return sc
}

func fileSize(path string) int64 {
	if st, err := os.Stat(path); err == nil {
		return st.Size()
	}
	return 0
}

func fileSHA256(path string) (string, error) {
	f, err := os.Open(path)
	if err != nil {
		if errors.Is(err, os.ErrNotExist) {
			return "", say(MsgNoSuchFile)
		}
		return "", err
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return "", err
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

// hiddenSheets is what a workbook that can hide sheets tells about them
// (CSV files have none to hide).
type hiddenSheets interface {
	Hidden(sheet string) bool
}

// findSheet returns the sheet to read, positioned after its header row. The
// default choice is the first visible sheet whose header matches: a hidden
// sheet (instructions, lookup lists, a copy kept aside) is not what a user
// sees as the data, so it is read only when Options.Sheet names it. The
// hidden sheets with a matching header passed over on the way are listed in
// the layout, for the caller to say.
func (sc *compiled) findSheet(wb Workbook, path string) (Source, *layout, error) {
	sheets := wb.Sheets()
	if sc.opt.Sheet != "" {
		if len(sheets) == 1 && sheets[0] == "" {
			// CSV files have no sheets; --sheet is meant for the workbooks.
		} else if !slicesContains(sheets, sc.opt.Sheet) {
			return nil, nil, &InputError{Path: path, Err: say(MsgNoSheetNamed, "sheet", sc.opt.Sheet, "sheets", quoteList(sheets))}
		} else {
			sheets = []string{sc.opt.Sheet}
		}
	}
	hs, _ := wb.(hiddenSheets)
	hidden := func(name string) bool { return hs != nil && hs.Hidden(name) }
	var skipped []string
	var seen []*Message
	for _, name := range sheets {
		if sc.opt.Sheet == "" && hidden(name) {
			if sc.hiddenMatches(wb, name) {
				skipped = append(skipped, name)
			}
			continue
		}
		src, err := wb.Rows(name)
		if err != nil {
			return nil, nil, err
		}
		lay, first, err := sc.findHeader(src)
		if err != nil {
			src.Close()
			return nil, nil, &InputError{Path: path, Sheet: name, Err: err}
		}
		if lay != nil {
			lay.hidden = hidden(name)
			lay.hiddenSkipped = skipped
			return src, lay, nil
		}
		src.Close()
		if first != nil {
			seen = append(seen, first)
		}
	}
	return nil, nil, sc.noSheetError(path, sheets, seen, skipped)
}

// hiddenMatches reports whether a hidden sheet has a header the set would
// read. A hidden sheet that cannot be read is not the caller's concern: it
// would not have been read anyway.
func (sc *compiled) hiddenMatches(wb Workbook, name string) bool {
	src, err := wb.Rows(name)
	if err != nil {
		return false
	}
	defer src.Close()
	lay, _, err := sc.findHeader(src)
	return err == nil && lay != nil
}

// noSheetError says why no sheet of a file could be read: what the header
// must hold, what the first rows of the sheets held instead, and the hidden
// sheets that would have matched.
func (sc *compiled) noSheetError(path string, sheets []string, seen []*Message, skipped []string) error {
	code := MsgNoHeader
	switch {
	case sc.opt.Sheet != "" && len(sheets) == 1 && sheets[0] != "":
		code = MsgSheetNoHeader
	case len(skipped) > 0:
		code = MsgNoVisibleHeader
	}
	var answers []string
	for _, ind := range sc.set.Indicators {
		for _, c := range ind.Rule.Columns(sc.set.Conditions, nil) {
			if len(answers) < 6 && !slicesContains(answers, c) {
				answers = append(answers, c)
			}
		}
	}
	m := say(code, "sheet", sc.opt.Sheet, "rows", strconv.Itoa(headerSearchRows), "answers", strings.Join(answers, ", "))
	m.Also = seen
	if len(skipped) > 0 {
		m.Also = append(m.Also, say(MsgHiddenHasHeader, "hidden", quoteList(skipped), "first", strconv.Quote(skipped[0])))
	}
	return &InputError{Path: path, Err: m}
}

// findHeader reads down to headerSearchRows rows for a usable header. When
// none is found it describes the first non-empty row, for the error message.
func (sc *compiled) findHeader(src Source) (*layout, *Message, error) {
	var first *Message
	for i := 0; i < headerSearchRows && src.Next(); i++ {
		row := src.Row()
		if blankCells(row.Cells) {
			continue
		}
		lay, err := sc.matcher.matchHeader(sc.set, row.Cells)
		if err != nil {
			return nil, nil, sayErr(MsgHeaderRow, err, "row", strconv.Itoa(row.Num))
		}
		if lay.usable(sc.set) {
			lay.headerRow = row.Num
			if fs, ok := src.(flawSource); ok {
				fs.setHeader(row.Cells)
			}
			return lay, nil, nil
		}
		if first == nil {
			// A row holding numbers is data, not a header: it is not quoted,
			// since it may hold a family's name and KK number.
			var hs []string
			data := false
			for _, c := range row.Cells {
				v := strings.TrimSpace(c.Value)
				if _, err := ParseNumber(v, KindText); err == nil {
					data = true
				}
				if v != "" && len(hs) < 8 {
					hs = append(hs, strconv.Quote(v))
				}
			}
			switch {
			case data && src.Sheet() == "":
				first = say(MsgHeaderLooksData, "row", strconv.Itoa(row.Num))
			case data:
				first = say(MsgHeaderLooksSheet, "sheet", src.Sheet(), "row", strconv.Itoa(row.Num))
			case src.Sheet() == "":
				first = say(MsgHeaderFound, "row", strconv.Itoa(row.Num), "cells", strings.Join(hs, ", "))
			default:
				first = say(MsgHeaderFoundSheet, "sheet", src.Sheet(), "row", strconv.Itoa(row.Num), "cells", strings.Join(hs, ", "))
			}
			if !data {
				first.Also = append(first.Also, sc.villageSuggestions(lay)...)
			}
		}
	}
	if err := src.Err(); err != nil {
		return nil, nil, err
	}
	return nil, first, nil
}

// villageSuggestions names, for a header row that identifies no village,
// the headers most likely meant as the village columns ("kode_dessa" for
// kode_desa): a misspelt one is why the file was refused.
func (sc *compiled) villageSuggestions(lay *layout) []*Message {
	var out []*Message
	near := suggestions(sc.set, lay)
	for i, c := range sc.set.Columns {
		if h, ok := near[i]; ok && (c.Type == ColVillageCode || c.Name == "kecamatan" || c.Name == "desa") {
			out = append(out, say(MsgHeaderSuggest, "header", h.text, "col", ColumnLetter(h.col), "name", c.Name))
		}
	}
	return out
}

func quoteList(list []string) string {
	q := make([]string, len(list))
	for i, s := range list {
		q[i] = strconv.Quote(s)
	}
	return strings.Join(q, ", ")
}

func blankCells(cells []Cell) bool {
	for _, c := range cells {
		if !isBlank(c.Value) {
			return false
		}
	}
	return true
}

// reportMissingColumns records, once per file, each column an indicator
// needs that the sheet does not have (its households count as missing), and
// a village column that is absent while a header near its name is there: a
// misspelt kode_desa would otherwise leave every code blank without a word.
// Each names the header the user most likely meant.
func (sc *scorer) reportMissingColumns(path, sheet string, lay *layout) {
	suggest := suggestions(sc.set, lay)
	for i := range sc.set.Columns {
		c := sc.set.Columns[i]
		if lay.index[i] >= 0 {
			continue
		}
		near, ok := suggest[i]
		var params []string
		if ok {
			params = []string{"suggest", near.text, "suggest_col", ColumnLetter(near.col)}
		}
		detail := MsgMissingColumn
		if users := sc.columnUsers(c); len(users) > 0 && c.valued() && c.Type != ColSex {
			params = append([]string{"indicators", strings.Join(users, ", ")}, params...)
			if ok {
				detail = MsgMissingColumnNear
			}
		} else if ok && c.identifies() {
			detail = MsgMissingIDColumn
		} else {
			continue
		}
		sc.fileIssue(Issue{File: path, Sheet: sheet, Row: lay.headerRow, Column: c.Name, Field: c.Name, Code: IssueMissingColumn,
			Detail: detail, Params: params})
	}
}

// suggestions gives each absent column the unknown header it most likely
// means, a header going only to the column it is nearest to (the first on a
// tie): "jml_ana" means jml_anak, one edit away, not jml_art, two.
func suggestions(s *Set, lay *layout) map[int]header {
	type near struct {
		col, dist int
		h         header
	}
	best := map[int]near{} // by header column
	for i, c := range s.Columns {
		if lay.index[i] >= 0 {
			continue
		}
		h, d := lay.nearest(c)
		if d < 0 {
			continue
		}
		if b, ok := best[h.col]; !ok || d < b.dist {
			best[h.col] = near{col: i, dist: d, h: h}
		}
	}
	out := map[int]header{}
	for _, b := range best {
		out[b.col] = b.h
	}
	return out
}

// columnUsers are the indicators that read column c, in set order.
func (sc *scorer) columnUsers(c *Column) []string {
	var users []string
	for _, ind := range sc.set.Indicators {
		cols := ind.Rule.Columns(sc.set.Conditions, nil)
		if ind.condition != nil {
			cols = ind.condition.Columns(sc.set.Conditions, cols)
		}
		if slicesContains(cols, c.Name) {
			users = append(users, ind.ID)
		}
	}
	return users
}

type rowFate int

const (
	rowScored rowFate = iota
	rowRejected
	rowBlank
)

// fileIssue records an issue about a file as a whole.
func (sc *scorer) fileIssue(is Issue) {
	sc.issueCounts[is.Code]++
	if sc.issues.Len() < MaxIssues {
		sc.issues.Append(redactIssue(is, sc.opt.PersonalData))
	}
}

func (sc *scorer) inputPath(i int) string {
	if i < len(sc.inputs) {
		return sc.inputs[i].Path
	}
	return "this file"
}

// kkKey packs a 16-digit KK number into 8 bytes; anything else is hashed.
// Memory per family stays a few bytes, whatever the number of families.
func kkKey(kk string) uint64 {
	if len(kk) > 0 && len(kk) <= 18 && allDigits(kk) {
		n, _ := strconv.ParseUint(kk, 10, 64)
		return n
	}
	digits := strings.Map(func(r rune) rune {
		if r >= '0' && r <= '9' {
			return r
		}
		if r == ' ' || r == '\'' || r == '.' || r == '-' {
			return -1
		}
		return r
	}, kk)
	if len(digits) > 0 && len(digits) <= 18 && allDigits(digits) {
		n, _ := strconv.ParseUint(digits, 10, 64)
		return n
	}
	h := fnv.New64a()
	h.Write([]byte(strings.ToLower(digits)))
	return h.Sum64() | 1<<63 // hashed keys live above every 18-digit number
}

// kkDigitsLost reports whether a KK number read from a numeric cell can have
// lost digits: sixteen digits or more, or scientific notation.
func kkDigitsLost(raw string) bool {
	if strings.ContainsAny(raw, "eE") {
		return true
	}
	n := 0
	for i := 0; i < len(raw) && raw[i] != '.'; i++ {
		if raw[i] >= '0' && raw[i] <= '9' {
			n++
		}
	}
	return n >= 16
}

// MaskKK shows the first 6 and last 4 characters of a KK number, enough for
// a village team to find the family card and no more.
func MaskKK(kk string) string {
	r := []rune(strings.TrimSpace(kk))
	if len(r) <= 10 {
		return strings.Repeat("*", len(r))
	}
	return string(r[:6]) + strings.Repeat("*", len(r)-10) + string(r[len(r)-4:])
}

func ptr(f float64) *float64 { return &f }

// finish computes a unit's values from its accumulated counts.
func finish(set *Set, u *Unit, a *acc) {
	u.Households = a.households
	u.Indicators = make([]IndicatorResult, len(set.Indicators))
	for i := range set.Indicators {
		r := IndicatorResult{Counts: a.counts[i]}
		r.Percent = percent(a.counts[i][Pass], a.counts[i][Fail])
		u.Indicators[i] = r
	}
	if set.FamilyFirst() {
		u.Dimensions = a.fam.means()
	} else {
		u.Dimensions = dimensionIndices(set, u.Indicators)
	}
	u.IKK, u.UndefinedDimensions = set.Index(u.Dimensions)
	if u.IKK != nil {
		u.Category = set.Category(*u.IKK)
	}
	u.Lenses = lensIndices(set, u.Indicators)
	for s := 0; s < 2; s++ {
		res := make([]IndicatorResult, len(set.Indicators))
		for i := range res {
			res[i].Percent = percent(a.sexCounts[s][i][0], a.sexCounts[s][i][1])
		}
		u.BySex[s] = SexResult{Households: a.sexHH[s], Gender: lensOf(set, res, "gender")}
	}
	u.HouseholdCategories = append([]int(nil), a.hhCat...)
	u.Incomplete = a.incomplete
	if a.hN > 0 {
		u.HouseholdMean = ptr(a.hSum / float64(a.hN))
	}
	u.Permasalahan = permasalahan(set, u.Indicators)
}

func percent(pass, fail int) *float64 {
	if v := percentValue(pass, fail); !math.IsNaN(v) {
		return ptr(v)
	}
	return nil
}

// percentValue is an indicator's achievement (method section 3), NaN when
// no household passed or failed: the one formula, for the units and their
// resamples (bootstrap.go).
func percentValue(pass, fail int) float64 {
	if pass+fail == 0 {
		return math.NaN()
	}
	return 100 * float64(pass) / float64(pass+fail)
}

func dimensionIndices(set *Set, inds []IndicatorResult) []*float64 {
	pct := make([]float64, len(set.Indicators))
	for i := range pct {
		pct[i] = math.NaN()
		if p := inds[i].Percent; p != nil {
			pct[i] = *p
		}
	}
	n := len(set.Dimensions)
	vals := dimensionValues(set, pct, make([]float64, n), make([]float64, n), make([]float64, n))
	out := make([]*float64, n)
	for j, v := range vals {
		if !math.IsNaN(v) {
			out[j] = ptr(v)
		}
	}
	return out
}

// dimensionValues computes the dimension indices of method section 4 from
// the indicators' achievements pct (NaN where undefined) into out, NaN
// where no indicator of the dimension is defined; num and den are room.
// The units and their resamples (bootstrap.go) share it, so that the two
// cannot drift apart.
func dimensionValues(set *Set, pct, num, den, out []float64) []float64 {
	clear(num)
	clear(den)
	for i, ind := range set.Indicators {
		if p := pct[i]; !math.IsNaN(p) {
			num[ind.dim] += ind.Weight * p
			den[ind.dim] += ind.Weight
		}
	}
	for j := range out {
		out[j] = math.NaN()
		if den[j] > 0 {
			out[j] = num[j] / den[j]
		}
	}
	return out
}

func lensIndices(set *Set, inds []IndicatorResult) []*float64 {
	var out []*float64
	for _, k := range set.LensKeys() {
		out = append(out, lensOf(set, inds, k))
	}
	return out
}

// lensOf is the plain mean of the defined achievements of the indicators
// tagged key (method section 7).
func lensOf(set *Set, inds []IndicatorResult, key string) *float64 {
	var sum float64
	n := 0
	for i, ind := range set.Indicators {
		if inds[i].Percent == nil || !(slicesContains(ind.Functions, key) || slicesContains(ind.Lenses, key)) {
			continue
		}
		sum += *inds[i].Percent
		n++
	}
	if n == 0 {
		return nil
	}
	return ptr(sum / float64(n))
}

// permasalahan lists the indicators whose achievement, as printed, is below
// the target: ascending by achievement, then by id.
func permasalahan(set *Set, inds []IndicatorResult) []Problem {
	var out []Problem
	for i, ind := range set.Indicators {
		p := inds[i].Percent
		if p == nil || Round2(*p) >= set.Target {
			continue
		}
		out = append(out, Problem{Indicator: ind, Percent: *p, Fail: inds[i].Counts[Fail]})
	}
	sortProblems(out)
	return out
}

func sortProblems(ps []Problem) {
	for i := 1; i < len(ps); i++ {
		for j := i; j > 0 && problemLess(ps[j], ps[j-1]); j-- {
			ps[j], ps[j-1] = ps[j-1], ps[j]
		}
	}
}

func problemLess(a, b Problem) bool {
	if a.Percent != b.Percent {
		return a.Percent < b.Percent
	}
	return a.Indicator.ID < b.Indicator.ID
}
