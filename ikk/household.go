package ikk

import (
	"math"
	"strconv"
	"strings"
	"unicode/utf8"
)

// rowScorer is a worker's view of the scoring: it reads one row's cells and
// decides the household's outcomes, touching nothing shared but the batch
// row it writes.
type rowScorer struct {
	*compiled
	vals       []value
	states     cellStates  // of vals, when compiled.masked
	memo       []parseMemo // by column slot
	nums, dens []float64
}

func newRowScorer(c *compiled) *rowScorer {
	nd := len(c.set.Dimensions)
	return &rowScorer{compiled: c, vals: make([]value, c.nValued), memo: make([]parseMemo, c.nValued), nums: make([]float64, nd), dens: make([]float64, nd)}
}

func (rs *rowScorer) cell(lay *layout, cells []Cell, col int) Cell {
	if col < 0 {
		return Cell{}
	}
	j := lay.index[col]
	if j < 0 || j >= len(cells) {
		return Cell{}
	}
	return cells[j]
}

func (rs *rowScorer) text(lay *layout, cells []Cell, col int) string {
	return strings.TrimSpace(rs.cell(lay, cells, col).Value)
}

// issue records a problem with a cell of row i (col -1: with the row).
func (rs *rowScorer) issue(b *batch, i, col int, code, value string, msg *Message) {
	b.issues = append(b.issues, b.issue(rs.set, i, col, code, value, msg))
}

// issue pins a problem to row i of the batch and, when col >= 0, to that
// column of the set, named as the sheet's header and cell when it has one.
func (b *batch) issue(set *Set, i, col int, code, value string, msg *Message) Issue {
	// A CSV cell is a slice of its whole record: clone it so that an issue
	// keeps its value alive, not the line.
	is := Issue{File: b.job.path, Sheet: b.sheet, Row: b.nums[i], Code: code, Value: clipValue(value), Detail: msg.Code, Params: msg.Params}
	if col >= 0 {
		is.Column = set.Columns[col].Name
		is.Field = is.Column
		if j := b.lay.index[col]; j >= 0 {
			is.Column = b.lay.headers[col]
			is.Cell = ColumnLetter(j) + strconv.Itoa(b.nums[i])
		}
	}
	return is
}

// maxHeldValue bounds the value an issue holds while it is built (redactIssue
// cuts it further for display). Issues are kept until
// the end of the run, and a cell may hold up to 128 KiB: a sheet of such
// cells, each invalid, would otherwise keep its whole text.
const maxHeldValue = 256

// clipValue copies a value for an issue, shortened past maxHeldValue
// bytes (at a character boundary, marked with "...").
func clipValue(v string) string {
	if len(v) <= maxHeldValue {
		return strings.Clone(v)
	}
	i := maxHeldValue
	for i > 0 && !utf8.RuneStart(v[i]) {
		i--
	}
	return v[:i] + "..." // a new string: the cell is not kept
}

// scoreRow fills b.recs[i] from the row's cells.
func (rs *rowScorer) scoreRow(b *batch, i int) {
	cells, lay := b.cells[i], b.lay
	r := &b.recs[i]
	*r = rowRec{sex: -1, cat: -1, score: math.NaN()}
	r.iss0 = int32(len(b.issues))
	defer func() {
		r.iss1 = int32(len(b.issues))
		if r.fate != rowScored {
			r.issKK = r.iss1
		}
	}()
	if blankCells(cells) && !rs.formulaRead(lay, cells) {
		r.fate = rowBlank
		return
	}
	// Identify the village.
	if rs.villageFormulas(b, i) {
		r.fate = rowRejected
		return
	}
	if raw := rs.text(lay, cells, rs.kodeCol); raw != "" {
		c, err := NormalizeVillageCode(raw)
		if err != nil {
			rs.issue(b, i, rs.kodeCol, IssueInvalidValue, raw, asMessage(err))
		}
		r.code = c
	}
	// A place name, like an RT, is never a KK number or NIK: one typed
	// there by mistake must not reach a report in full.
	r.kec, r.desa, r.kab = maskIDNumbers(rs.text(lay, cells, rs.kecCol)), maskIDNumbers(rs.text(lay, cells, rs.desaCol)), maskIDNumbers(rs.text(lay, cells, rs.kabCol))
	switch {
	case r.code != "":
		r.key = r.code
	case r.kec != "" && r.desa != "":
		// By the pair (kecamatan, desa) alone: a blank or differently written
		// kabupaten cell must not split a village.
		r.key = "name:" + NormalizeName(r.kec) + "|" + NormalizeName(r.desa)
	default:
		rs.issue(b, i, -1, IssueNoVillage, "", problemNoVillage)
		r.fate = rowRejected
		return
	}
	r.fate = rowScored
	r.issKK = int32(len(b.issues))
	for _, c := range [...]int{rs.kkCol, rs.rtCol, rs.nameCol} {
		if rs.isFormula(lay, cells, c) && (c != rs.nameCol || rs.opt.OnHousehold != nil) {
			rs.issue(b, i, c, IssueFormulaNoValue, "", errFormulaNoValue)
		}
	}
	kkCell := rs.cell(lay, cells, rs.kkCol)
	r.kk = strings.TrimSpace(kkCell.Value)
	if r.kk != "" && kkCell.Kind == KindNumber && kkDigitsLost(r.kk) {
		// Excel keeps 15 significant digits: a 16-digit KK number stored as
		// a number has lost its last digit, and would make different
		// families look like duplicates. It is not used to find them.
		r.kkLost, r.kk = true, ""
	}
	if r.kk != "" {
		r.kkKey = kkKey(r.kk)
	}
	// Parse every valued cell once; one issue per invalid cell.
	rs.states = cellStates{}
	for _, c := range rs.valued {
		col := rs.set.Columns[c]
		cell := rs.cell(lay, cells, c)
		v, err := rs.memo[col.slot].parse(col, cell)
		switch {
		case err == errFormulaNoValue:
			rs.issue(b, i, c, IssueFormulaNoValue, "", errFormulaNoValue)
		case err != nil:
			rs.issue(b, i, c, IssueInvalidValue, strings.TrimSpace(cell.Value), asMessage(err))
		}
		rs.vals[col.slot] = v
		rs.states.set(col.slot, v.st)
	}
	r.rt = maskIDNumbers(NormalizeRT(rs.text(lay, cells, rs.rtCol)))
	if rs.opt.OnHousehold != nil {
		r.name = rs.text(lay, cells, rs.nameCol)
	}
	nInd, nDim := len(rs.inds), len(rs.set.Dimensions)
	rs.household(r, b.outs[i*nInd:(i+1)*nInd], b.dims[i*nDim:(i+1)*nDim])
}

// isFormula reports whether set column col holds, in this row, a formula
// saved without its result.
func (rs *rowScorer) isFormula(lay *layout, cells []Cell, col int) bool {
	return rs.cell(lay, cells, col).Kind == KindFormula
}

// formulaRead reports whether a column the scorer reads holds a formula
// saved without its result: such a row is not blank, since what the
// formula computes is not known. Formulas in other columns do not count.
func (rs *rowScorer) formulaRead(lay *layout, cells []Cell) bool {
	for c := range rs.set.Columns {
		if c == rs.nameCol && rs.opt.OnHousehold == nil {
			continue
		}
		if rs.isFormula(lay, cells, c) {
			return true
		}
	}
	return false
}

// villageFormulas reports the village columns that hold a formula saved
// without its result, and whether the row's village is therefore unknown:
// a formula kode_desa, or, with no kode_desa written, a formula kecamatan or
// desa. Such a row is rejected rather than keyed some other way, which could
// split one village in two.
func (rs *rowScorer) villageFormulas(b *batch, i int) (reject bool) {
	cells, lay := b.cells[i], b.lay
	code := rs.isFormula(lay, cells, rs.kodeCol)
	named := code || rs.text(lay, cells, rs.kodeCol) != ""
	for _, c := range [...]int{rs.kodeCol, rs.kabCol, rs.kecCol, rs.desaCol} {
		if !rs.isFormula(lay, cells, c) {
			continue
		}
		msg := errFormulaNoValue
		if c == rs.kodeCol || !named && (c == rs.kecCol || c == rs.desaCol) {
			msg = problemFormulaVillage
			reject = true
		}
		rs.issue(b, i, c, IssueFormulaNoValue, "", msg)
	}
	return reject
}

// household decides the outcomes of the household in rs.vals, its dimension
// scores and its own score (method sections 1 and 8).
func (rs *rowScorer) household(r *rowRec, outs []Outcome, dims []float64) {
	set := rs.set
	clear(rs.nums)
	clear(rs.dens)
	answered, asked := 0, 0
	if rs.sexSlot >= 0 && rs.vals[rs.sexSlot].st == stOK {
		r.sex = int8(rs.vals[rs.sexSlot].code - 1)
	}
	for i := range rs.inds {
		var o Outcome
		if rs.masked {
			o = rs.inds[i].outcomeOf(&rs.states, rs.vals)
		} else {
			o = rs.inds[i].outcome(rs.vals)
		}
		outs[i] = o
		ind := set.Indicators[i]
		switch o {
		case Pass, Fail:
			answered++
			asked++
			if o == Pass {
				rs.nums[ind.dim] += ind.Weight
			}
			rs.dens[ind.dim] += ind.Weight
		case Missing, Invalid, DontKnow:
			asked++
		}
	}
	// Household score: weighted mean over the dimensions it has data for.
	var hNum, hDen float64
	for j, dim := range set.Dimensions {
		dims[j] = math.NaN()
		if rs.dens[j] > 0 {
			v := 100 * rs.nums[j] / rs.dens[j]
			dims[j] = v
			hNum += dim.Weight * v
			hDen += dim.Weight
		}
	}
	r.complete = asked > 0 && float64(answered) >= set.MinAnsweredShare*float64(asked)-1e-9
	if r.complete && hDen > 0 {
		r.score = hNum / hDen
		if c := set.Category(r.score); c != nil {
			r.cat = int16(rs.catIndex[c])
		}
	}
}
