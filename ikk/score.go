package ikk

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"hash/fnv"
	"io"
	"os"
	"strconv"
	"strings"
)

// Options tune a scoring run.
type Options struct {
	// Sheet names the worksheet to read in every workbook; "" picks the
	// first sheet whose header names the set's columns.
	Sheet string
	// OnHousehold, when set, receives every scored household in input order.
	OnHousehold func(*Household)
	// Progress, when set, is called now and then with the rows read so far.
	Progress func(file string, rows int)
}

// headerSearchRows is how far down a sheet the header may stand, below title
// rows that district templates often carry.
const headerSearchRows = 30

// NoHouseholdsError says that the inputs held no household that could be
// scored; Issues says why (rows rejected, cells invalid).
type NoHouseholdsError struct {
	Accounting
	Issues []Issue
}

func (e *NoHouseholdsError) Error() string {
	return fmt.Sprintf("no household could be scored (%d rows read: %d rejected, %d blank); see the data issues",
		e.RowsRead, e.Rejected, e.Blank)
}

// Score reads every file, scores every household and aggregates the units.
// Errors about a file as a whole are *InputError; data problems in cells are
// not errors but Result.Issues.
func Score(ctx context.Context, set *Set, paths []string, opt Options) (*Result, error) {
	return ScoreInputs(ctx, set, &Inputs{Files: paths}, opt)
}

// ScoreInputs is Score over the files of ExpandInputs: files found in folders
// that cannot be read are skipped with a skipped_file issue.
func ScoreInputs(ctx context.Context, set *Set, in *Inputs, opt Options) (*Result, error) {
	sc := newScorer(set, opt)
	for _, p := range in.Unsupported {
		sc.fileIssue(Issue{File: p, Code: IssueSkippedFile,
			Message: "not read: ikk reads .xlsx and .csv; open it in Excel or LibreOffice and save it as .xlsx or CSV UTF-8"})
	}
	for i, p := range in.Files {
		err := sc.scoreFile(ctx, i, p)
		var ie *InputError
		if errors.As(err, &ie) && in.InFolder[p] && !ie.Partial {
			sc.fileIssue(Issue{File: p, Sheet: ie.Sheet, Code: IssueSkippedFile, Message: "not read: " + ie.Err.Error()})
			continue
		}
		if err != nil {
			return nil, err
		}
	}
	if sc.total.Scored == 0 {
		return nil, &NoHouseholdsError{Accounting: sc.total, Issues: sc.issues}
	}
	// The KK numbers were needed only to find duplicates while reading; a
	// million families' worth is freed before the units are built.
	for _, d := range sc.desas {
		d.kk = nil
	}
	return sc.result(), nil
}

type scorer struct {
	set         *Set
	opt         Options
	inds        []compiledIndicator
	matcher     *headerMatcher
	vals        []value
	hh          Household
	desas       map[string]*desaState
	desaOrder   []string
	issues      []Issue
	messages    map[string]string // one copy of each issue message
	issueCounts map[string]int
	// KK numbers stored as numbers in the current file, and the first row.
	kkAsNumber, kkAsNumberRow int // every issue by code, listed or not
	inputs                    []Input
	total                     Accounting
	nValued                   int
	kodeCol                   int // set column positions of the identification columns
	kabCol                    int
	kecCol                    int
	desaCol                   int
	rtCol                     int
	kkCol                     int
	nameCol                   int
	sexCol                    int
	sexSlot                   int
}

func newScorer(set *Set, opt Options) *scorer {
	sc := &scorer{set: set, opt: opt, matcher: newHeaderMatcher(set), desas: map[string]*desaState{}, messages: map[string]string{}, issueCounts: map[string]int{}}
	for _, c := range set.Columns {
		if c.valued() {
			sc.nValued++
		}
	}
	sc.vals = make([]value, sc.nValued)
	for _, ind := range set.Indicators {
		sc.inds = append(sc.inds, compileIndicator(ind, set))
	}
	sc.kodeCol, sc.kabCol, sc.kecCol = set.columnIndex("kode_desa"), set.columnIndex("kabupaten"), set.columnIndex("kecamatan")
	sc.desaCol, sc.rtCol, sc.kkCol = set.columnIndex("desa"), set.columnIndex("rt"), set.columnIndex("no_kk")
	sc.nameCol, sc.sexCol = set.columnIndex("nama_kk"), set.columnIndex("jk_kk")
	sc.sexSlot = -1
	if sc.sexCol >= 0 {
		sc.sexSlot = set.Columns[sc.sexCol].slot
	}
	sc.hh.Outcomes = make([]Outcome, len(set.Indicators))
	sc.hh.Dimensions = make([]*float64, len(set.Dimensions))
	return sc
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
}

func newAcc(s *Set) *acc {
	a := &acc{counts: make([][numOutcomes]int, len(s.Indicators)), hhCat: make([]int, len(s.Categories))}
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
}

type desaState struct {
	code                       string
	name, kecamatan, kabupaten string
	acc                        *acc
	rts                        map[string]*acc
	rtOrder                    []string
	kk                         map[uint64]kkSeen
}

type kkSeen struct {
	file int32
	row  int32
}

func (sc *scorer) scoreFile(ctx context.Context, fileIdx int, path string) error {
	sum, err := fileSHA256(path)
	if err != nil {
		return &InputError{Path: path, Err: err}
	}
	wb, err := Open(path)
	if err != nil {
		return err
	}
	defer wb.Close()
	src, lay, err := sc.findSheet(wb, path)
	if err != nil {
		return err
	}
	defer src.Close()
	in := Input{Path: path, SHA256: sum, Sheet: src.Sheet(), HeaderRow: lay.headerRow}
	sc.reportMissingColumns(path, src.Sheet(), lay)
	for src.Next() {
		row := src.Row()
		in.RowsRead++
		if in.RowsRead%4096 == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
			if sc.opt.Progress != nil {
				sc.opt.Progress(path, in.RowsRead)
			}
		}
		switch sc.scoreRow(fileIdx, path, src.Sheet(), lay, row) {
		case rowScored:
			in.Scored++
		case rowRejected:
			in.Rejected++
		case rowBlank:
			in.Blank++
		}
	}
	if err := src.Err(); err != nil {
		return &InputError{Path: path, Sheet: src.Sheet(), Err: err, Partial: in.Scored > 0}
	}
	if sc.kkAsNumber > 0 {
		sc.fileIssue(Issue{File: path, Sheet: src.Sheet(), Row: sc.kkAsNumberRow, Column: lay.headers[sc.kkCol], Field: "no_kk", Code: IssueKKAsNumber,
			Message: fmt.Sprintf("%d KK numbers (from row %d) are stored as numbers; Excel keeps 15 digits, so a 16-digit KK number loses its last digit, and duplicates cannot be found for these rows; format the column as Text and enter the numbers again", sc.kkAsNumber, sc.kkAsNumberRow)})
		sc.kkAsNumber = 0
	}
	sc.inputs = append(sc.inputs, in)
	sc.total.RowsRead += in.RowsRead
	sc.total.Scored += in.Scored
	sc.total.Rejected += in.Rejected
	sc.total.Blank += in.Blank
	return nil
}

func fileSHA256(path string) (string, error) {
	f, err := os.Open(path)
	if err != nil {
		if errors.Is(err, os.ErrNotExist) {
			return "", errors.New("no such file")
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

// findSheet returns the sheet to read, positioned after its header row.
func (sc *scorer) findSheet(wb Workbook, path string) (Source, *layout, error) {
	sheets := wb.Sheets()
	if sc.opt.Sheet != "" {
		if len(sheets) == 1 && sheets[0] == "" {
			// CSV files have no sheets; --sheet is meant for the workbooks.
		} else if !slicesContains(sheets, sc.opt.Sheet) {
			return nil, nil, &InputError{Path: path, Err: fmt.Errorf("no sheet named %q (the workbook has: %s)", sc.opt.Sheet, quoteList(sheets))}
		} else {
			sheets = []string{sc.opt.Sheet}
		}
	}
	var seen []string
	for _, name := range sheets {
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
			return src, lay, nil
		}
		src.Close()
		if first != "" {
			seen = append(seen, first)
		}
	}
	var b strings.Builder
	if sc.opt.Sheet != "" && len(sheets) == 1 && sheets[0] != "" {
		fmt.Fprintf(&b, "sheet %q has no header row", sc.opt.Sheet)
	} else {
		b.WriteString("no sheet has a header row")
	}
	fmt.Fprintf(&b, " (in its first %d rows) with the expected columns: kode_desa, or kecamatan and desa, and the answer columns of the indicator set (", headerSearchRows)
	var answers []string
	for _, ind := range sc.set.Indicators {
		for _, c := range ind.Rule.Columns(sc.set.Conditions, nil) {
			if len(answers) < 6 && !slicesContains(answers, c) {
				answers = append(answers, c)
			}
		}
	}
	b.WriteString(strings.Join(answers, ", "))
	b.WriteString(", ...; `ikk indicators` lists them all)")
	for _, s := range seen {
		b.WriteString("; found ")
		b.WriteString(s)
	}
	return nil, nil, &InputError{Path: path, Err: errors.New(b.String())}
}

// findHeader reads down to headerSearchRows rows for a usable header. When
// none is found it describes the first non-empty row, for the error message.
func (sc *scorer) findHeader(src Source) (*layout, string, error) {
	first := ""
	for i := 0; i < headerSearchRows && src.Next(); i++ {
		row := src.Row()
		if blankCells(row.Cells) {
			continue
		}
		lay, err := sc.matcher.matchHeader(sc.set, row.Cells)
		if err != nil {
			return nil, "", fmt.Errorf("row %d: %v", row.Num, err)
		}
		if lay.usable(sc.set) {
			lay.headerRow = row.Num
			return lay, "", nil
		}
		if first == "" {
			where := "sheet " + strconv.Quote(src.Sheet()) + " "
			if src.Sheet() == "" {
				where = ""
			}
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
			if data {
				first = fmt.Sprintf("%srow %d holds numbers, so it looks like data: the sheet seems to have no header row", where, row.Num)
			} else {
				first = fmt.Sprintf("%srow %d: %s", where, row.Num, strings.Join(hs, ", "))
			}
		}
	}
	if err := src.Err(); err != nil {
		return nil, "", err
	}
	return nil, first, nil
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
// needs that the sheet does not have: its households count as missing.
func (sc *scorer) reportMissingColumns(path, sheet string, lay *layout) {
	for i, c := range sc.set.Columns {
		if !c.valued() || lay.index[i] >= 0 || c.Type == ColSex {
			continue
		}
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
		if len(users) == 0 {
			continue
		}
		sc.fileIssue(Issue{File: path, Sheet: sheet, Row: lay.headerRow, Column: c.Name, Field: c.Name, Code: IssueMissingColumn,
			Message: fmt.Sprintf("the sheet has no column %s; indicator %s cannot be scored and counts as missing for every household", c.Name, strings.Join(users, ", "))})
	}
}

type rowFate int

const (
	rowScored rowFate = iota
	rowRejected
	rowBlank
)

func (sc *scorer) cell(lay *layout, row Row, col int) (Cell, bool) {
	if col < 0 {
		return Cell{}, false
	}
	j := lay.index[col]
	if j < 0 || j >= len(row.Cells) {
		return Cell{}, j >= 0
	}
	return row.Cells[j], true
}

func (sc *scorer) text(lay *layout, row Row, col int) string {
	c, _ := sc.cell(lay, row, col)
	return strings.TrimSpace(c.Value)
}

// fileIssue records an issue about a file as a whole.
func (sc *scorer) fileIssue(is Issue) {
	sc.issueCounts[is.Code]++
	if len(sc.issues) < MaxIssues {
		sc.issues = append(sc.issues, is)
	}
}

func (sc *scorer) issue(path, sheet string, lay *layout, row Row, col int, code, value, msg string) {
	// A CSV cell is a slice of its whole record: clone it so that an issue
	// keeps its value alive, not the line. Messages repeat ("not a yes/no
	// answer; accepted: ..."): keep one copy of each.
	if m, ok := sc.messages[msg]; ok {
		msg = m
	} else {
		sc.messages[msg] = msg
	}
	sc.issueCounts[code]++
	if len(sc.issues) >= MaxIssues {
		return
	}
	is := Issue{File: path, Sheet: sheet, Row: row.Num, Code: code, Value: strings.Clone(value), Message: msg}
	if col >= 0 {
		is.Column = sc.set.Columns[col].Name
		is.Field = is.Column
		if j := lay.index[col]; j >= 0 {
			is.Column = lay.headers[col]
			is.Cell = ColumnLetter(j) + strconv.Itoa(row.Num)
		}
	}
	sc.issues = append(sc.issues, is)
}

func (sc *scorer) scoreRow(fileIdx int, path, sheet string, lay *layout, row Row) rowFate {
	if blankCells(row.Cells) {
		return rowBlank
	}
	// Identify the village.
	code := ""
	if raw := sc.text(lay, row, sc.kodeCol); raw != "" {
		c, err := NormalizeVillageCode(raw)
		if err != nil {
			sc.issue(path, sheet, lay, row, sc.kodeCol, IssueInvalidValue, raw, err.Error())
		}
		code = c
	}
	kec, desa, kab := sc.text(lay, row, sc.kecCol), sc.text(lay, row, sc.desaCol), sc.text(lay, row, sc.kabCol)
	var key string
	switch {
	case code != "":
		key = code
	case kec != "" && desa != "":
		// By the pair (kecamatan, desa) alone: a blank or differently written
		// kabupaten cell must not split a village.
		key = "name:" + NormalizeName(kec) + "|" + NormalizeName(desa)
	default:
		sc.issue(path, sheet, lay, row, -1, IssueNoVillage, "",
			"the row names no village: it needs kode_desa (63.09.06.2004), or both kecamatan and desa; the row is not scored")
		return rowRejected
	}
	d := sc.desas[key]
	if d == nil {
		d = &desaState{code: code, acc: newAcc(sc.set), rts: map[string]*acc{}, kk: map[uint64]kkSeen{}}
		sc.desas[key] = d
		sc.desaOrder = append(sc.desaOrder, key)
	}
	if d.name == "" {
		d.name = desa
	}
	if d.kecamatan == "" {
		d.kecamatan = kec
	}
	if d.kabupaten == "" {
		d.kabupaten = kab
	}
	// A family card counts once in a desa: a later row with the same number
	// is rejected, since scoring it would count the family twice.
	kkCell, _ := sc.cell(lay, row, sc.kkCol)
	kk := strings.TrimSpace(kkCell.Value)
	if kk != "" && kkCell.Kind == KindNumber && kkDigitsLost(kk) {
		// Excel keeps 15 significant digits: a 16-digit KK number stored as
		// a number has lost its last digit, and would make different
		// families look like duplicates. It is not used to find them.
		if sc.kkAsNumber == 0 {
			sc.kkAsNumberRow = row.Num
		}
		sc.kkAsNumber++
		kk = ""
	}
	if kk != "" {
		k := kkKey(kk)
		if first, dup := d.kk[k]; dup {
			where := fmt.Sprintf("row %d", first.row)
			if int(first.file) != fileIdx {
				where = fmt.Sprintf("%s row %d", sc.inputPath(int(first.file)), first.row)
			}
			sc.issue(path, sheet, lay, row, sc.kkCol, IssueDuplicateKK, MaskKK(kk),
				fmt.Sprintf("KK number %s already appears in this desa at %s; the later row is not scored", MaskKK(kk), where))
			return rowRejected
		}
		d.kk[k] = kkSeen{file: int32(fileIdx), row: int32(row.Num)}
	}
	// Parse every valued cell once; one issue per invalid cell.
	for i, c := range sc.set.Columns {
		if !c.valued() {
			continue
		}
		cell, _ := sc.cell(lay, row, i)
		v, err := c.parse(cell)
		if err != nil {
			sc.issue(path, sheet, lay, row, i, IssueInvalidValue, strings.TrimSpace(cell.Value), err.Error())
		}
		sc.vals[c.slot] = v
	}
	rt := NormalizeRT(sc.text(lay, row, sc.rtCol))
	sc.scoreHousehold(d, rt)
	if sc.opt.OnHousehold != nil {
		h := &sc.hh
		h.File, h.Sheet, h.Row, h.DesaCode, h.Kecamatan, h.Desa = path, sheet, row.Num, code, kec, desa
		h.RT, h.KK, h.Name = rt, kk, sc.text(lay, row, sc.nameCol)
		sc.opt.OnHousehold(h)
	}
	return rowScored
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

// scoreHousehold decides the outcomes of the household in sc.vals and adds it
// to its desa and RT.
func (sc *scorer) scoreHousehold(d *desaState, rt string) {
	set := sc.set
	h := &sc.hh
	var dimNum, dimDen [16]float64
	nd := len(set.Dimensions)
	var nums, dens []float64
	if nd <= len(dimNum) {
		nums, dens = dimNum[:nd], dimDen[:nd]
	} else {
		nums, dens = make([]float64, nd), make([]float64, nd)
	}
	answered, asked := 0, 0
	sex := -1
	if sc.sexSlot >= 0 && sc.vals[sc.sexSlot].st == stOK {
		sex = sc.vals[sc.sexSlot].code - 1
	}
	var rtAcc *acc
	if rt != "" {
		rtAcc = d.rts[rt]
		if rtAcc == nil {
			rtAcc = newAcc(set)
			d.rts[rt] = rtAcc
			d.rtOrder = append(d.rtOrder, rt)
		}
	}
	for i := range sc.inds {
		o := sc.inds[i].outcome(sc.vals)
		h.Outcomes[i] = o
		d.acc.counts[i][o]++
		if rtAcc != nil {
			rtAcc.counts[i][o]++
		}
		ind := set.Indicators[i]
		switch o {
		case Pass, Fail:
			answered++
			asked++
			x := 0.0
			if o == Pass {
				x = 1
			}
			nums[ind.dim] += ind.Weight * x
			dens[ind.dim] += ind.Weight
			if sex >= 0 {
				d.acc.sexCounts[sex][i][o]++
				if rtAcc != nil {
					rtAcc.sexCounts[sex][i][o]++
				}
			}
		case Missing, Invalid:
			asked++
		}
	}
	// Household score: weighted mean over the dimensions it has data for.
	var hNum, hDen float64
	for j, dim := range set.Dimensions {
		h.Dimensions[j] = nil
		if dens[j] > 0 {
			v := 100 * nums[j] / dens[j]
			h.Dimensions[j] = &v
			hNum += dim.Weight * v
			hDen += dim.Weight
		}
	}
	h.Complete = asked > 0 && float64(answered) >= set.MinAnsweredShare*float64(asked)-1e-9
	h.Score, h.Category = nil, nil
	catIdx := -1
	if h.Complete && hDen > 0 {
		score := hNum / hDen
		h.Score = &score
		h.Category = set.Category(score)
		for i := range set.Categories {
			if h.Category == &set.Categories[i] {
				catIdx = i
			}
		}
	}
	if sex >= 0 {
		h.Sex = Sex(sex + 1)
	} else {
		h.Sex = SexUnknown
	}
	for _, a := range []*acc{d.acc, rtAcc} {
		if a == nil {
			continue
		}
		a.households++
		if sex >= 0 {
			a.sexHH[sex]++
		}
		switch {
		case h.Score == nil:
			a.incomplete++
		default:
			if catIdx >= 0 {
				a.hhCat[catIdx]++
			}
			a.hSum += *h.Score
			a.hN++
		}
	}
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
	u.Dimensions = dimensionIndices(set, u.Indicators)
	var num, den float64
	for j, dim := range set.Dimensions {
		if u.Dimensions[j] == nil {
			u.UndefinedDimensions = append(u.UndefinedDimensions, dim.ID)
			continue
		}
		num += dim.Weight * *u.Dimensions[j]
		den += dim.Weight
	}
	if len(u.UndefinedDimensions) == 0 && den > 0 {
		u.IKK = ptr(num / den)
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
	if pass+fail == 0 {
		return nil
	}
	return ptr(100 * float64(pass) / float64(pass+fail))
}

func dimensionIndices(set *Set, inds []IndicatorResult) []*float64 {
	num := make([]float64, len(set.Dimensions))
	den := make([]float64, len(set.Dimensions))
	for i, ind := range set.Indicators {
		if p := inds[i].Percent; p != nil {
			num[ind.dim] += ind.Weight * *p
			den[ind.dim] += ind.Weight
		}
	}
	out := make([]*float64, len(set.Dimensions))
	for j := range out {
		if den[j] > 0 {
			out[j] = ptr(num[j] / den[j])
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
