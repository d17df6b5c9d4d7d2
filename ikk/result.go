package ikk

import "strings"

// Result is everything a run computed: ready for any renderer.
type Result struct {
	Set    *Set
	Inputs []Input
	Units  []*Unit // kabupaten, then each kecamatan followed by its desa and their RT
	// Issues are the first MaxIssues issues in input order, an issue of a
	// unit's name or code (one per unit, found when all is read) at the
	// row where the unit was first read.
	Issues IssueList
	// IssueCounts counts every issue by code, listed or not.
	IssueCounts map[string]int
	Summary     Accounting
	// Resamples is the number of bootstrap resamples behind the units'
	// Uncertainty (Options.Resamples); 0 when none was computed.
	Resamples int
}

// MaxIssues bounds the issues kept in full: a survey with a miscoded column
// has one per family, and the first hundred thousand tell the story while
// memory stays bounded. Every issue is still counted.
const MaxIssues = 100000

// IssueTotal is the number of issues found, listed or not.
func (r *Result) IssueTotal() int {
	n := 0
	for _, c := range r.IssueCounts {
		n += c
	}
	return n
}

// Accounting of rows: every data row is scored, rejected or blank.
type Accounting struct {
	RowsRead, Scored, Rejected, Blank int
}

// Input describes one input file as read.
type Input struct {
	Path      string
	SHA256    string
	Sheet     string
	HeaderRow int
	// SheetHidden says the sheet read is hidden in the workbook: it was
	// read because Options.Sheet named it.
	SheetHidden bool
	// HiddenSkipped lists the hidden sheets, before the one read, whose
	// header matched too: the default choice reads only visible sheets,
	// and a user may need to hear that these were passed over.
	HiddenSkipped []string
	// UnknownHeaders are the sheet's headers that name no column of the
	// set, as written (at most MaxUnknownHeaders, each cut to 60
	// characters): where a misspelt header is found.
	UnknownHeaders []string
	// UnknownTotal is how many headers named no column, all of them,
	// when UnknownHeaders holds only the first MaxUnknownHeaders.
	UnknownTotal int
	Accounting
}

// MaxUnknownHeaders bounds Input.UnknownHeaders: a sheet of 16,384 columns
// must not fill the result.
const MaxUnknownHeaders = 100

// Issue is a data problem, pinned to a cell as a spreadsheet shows it.
type Issue struct {
	File   string
	Sheet  string
	Row    int
	Column string // the header as written in the file (or the set's column name when absent)
	Field  string // the set's column name, when the issue is about a column
	Cell   string // e.g. "E12", when the column exists in the sheet
	Value  string
	Code   string // invalid_value, no_village, duplicate_kk, missing_column, formula_no_value, ...
	// Detail is the message code (Msg*) that says what is wrong, and Params
	// its name/value parameters beyond the issue's own fields: the words
	// are written by the catalogue only when a writer needs them, so that
	// a survey with an issue on every row costs no formatting. Params are
	// shared between issues and must not be changed.
	Detail string
	Params []string
	// Cause is why a skipped_file was not read: the file's error, often a
	// *Message, for the writer to say.
	Cause error
	// Spellings are, for an issue of a unit's name (name_differs,
	// code_suspect), the names the data writes that disagree with the
	// register, with their rows; Candidates are the units of the register
	// a name or code may mean (names.go).
	Spellings  []Spelling
	Candidates []Place
}

// Param returns the value of a parameter of the issue, "" when absent.
func (is *Issue) Param(name string) string { return param(is.Params, name) }

// Issue codes.
const (
	IssueInvalidValue  = "invalid_value"
	IssueNoVillage     = "no_village"
	IssueDuplicateKK   = "duplicate_kk"
	IssueMissingColumn = "missing_column"
	IssueSkippedFile   = "skipped_file"
	IssueKKAsNumber    = "kk_as_number"
	IssueNameConflict  = "name_conflict"
	// Row issues of a CSV record: a quote that joined rows (rejected), too
	// few or too many fields, a last line without its line end.
	IssueUnbalancedQuote = "unbalanced_quote"
	IssueShortRow        = "short_row"
	IssueLongRow         = "long_row"
	IssueNoLineEnd       = "no_line_end"
	// IssueFormulaNoValue is a cell holding a formula saved without its
	// result (openpyxl and other writers that do not compute formulas).
	IssueFormulaNoValue = "formula_no_value"
	// Issues of the names and codes of units, against the register
	// (Options.Register; names.go): one per unit, not per row.
	IssueNameDiffers    = "name_differs"
	IssueCodeSuspect    = "code_suspect"
	IssueUnknownCode    = "unknown_code"
	IssueNameUnresolved = "name_unresolved"
)

// Unit levels.
const (
	LevelKabupaten = "kabupaten"
	LevelKecamatan = "kecamatan"
	LevelDesa      = "desa"
	LevelRT        = "rt"
)

// Unit is the result for a set of households: a desa, kecamatan, kabupaten
// or an RT within a desa.
type Unit struct {
	Level string
	Code  string // Kemendagri code ("63.09.06.2004", "63.09.06", "63.09"); "" when known by name only
	// Name is the unit's own name: the register's for its code
	// (Options.Register; a kabupaten without the word "Kabupaten", a
	// city with "Kota"), else as first written in the survey.
	Name string
	// NameInData is the name as first written in the survey, when it
	// differs from Name.
	NameInData string
	Kecamatan  string // for desa and RT units
	Kabupaten  string
	Desa       string // for RT units: the desa name
	RT         string // for RT units, normalised ("3")

	Households int // scored households
	IKK        *float64
	// UndefinedDimensions lists the dimensions without data when IKK is nil.
	UndefinedDimensions []string
	Category            *Category
	Dimensions          []*float64 // per Set.Dimensions
	Indicators          []IndicatorResult
	Lenses              []*float64 // per Set.LensKeys()
	BySex               [2]SexResult
	HouseholdCategories []int // per Set.Categories
	Incomplete          int
	HouseholdMean       *float64
	Permasalahan        []Problem
	// Uncertainty is how sure the unit's figures are: desa, kecamatan and
	// kabupaten, with Options.Resamples; nil when not computed.
	Uncertainty *Uncertainty

	// replicates are a desa's resampled dimension values
	// (Options.KeepReplicates); see Replicates.
	replicates [][]float64

	// fails counts a desa's families by the indicators they fail, for
	// FamiliesFailingAny; nil for other units.
	fails *failHist
	// desaIdx is a desa's number in the run (1 for the first read), as
	// Household.desa gives it, for Sasaran; 0 for other units.
	desaIdx int
}

// Kelurahan says a desa, or an RT of one, is a kelurahan: its Kemendagri
// number starts with 1 (kelurahan 1xxx, desa 2xxx).
func (u *Unit) Kelurahan() bool {
	if u.Level != LevelDesa && u.Level != LevelRT || strings.Count(u.Code, ".") != 3 {
		return false
	}
	return u.Code[strings.LastIndexByte(u.Code, '.')+1] == '1'
}

// IndicatorResult is one indicator's outcome counts in a unit.
type IndicatorResult struct {
	// Counts are by Outcome: each household of the unit in one of them,
	// Counts[Missing] without the don't-know answers of Counts[DontKnow].
	Counts  [numOutcomes]int
	Percent *float64 // 100*pass/(pass+fail); nil when no household passed or failed
}

// Pass and the other accessors read the counts by the outcomes of method
// section 1: Pass + Fail + NA + Missing + Invalid is the unit's households.
func (r IndicatorResult) Pass() int { return r.Counts[Pass] }
func (r IndicatorResult) Fail() int { return r.Counts[Fail] }
func (r IndicatorResult) NA() int   { return r.Counts[NA] }

// Missing counts the households missing a cell the indicator needs: blank,
// or holding a don't-know answer.
func (r IndicatorResult) Missing() int { return r.Counts[Missing] + r.Counts[DontKnow] }
func (r IndicatorResult) Invalid() int { return r.Counts[Invalid] }

// DontKnow counts the households of Missing that hold a don't-know answer
// in a cell the indicator needs.
func (r IndicatorResult) DontKnow() int { return r.Counts[DontKnow] }

// SexResult is the gender lens for households headed by one sex.
type SexResult struct {
	Households int
	Gender     *float64
}

// Problem is a permasalahan: an indicator of a unit below the target.
type Problem struct {
	Indicator *Indicator
	Percent   float64
	Fail      int
}

// Household is one scored household, handed to Options.OnHousehold. It is
// reused for the next household, and its text (names, RT, KK number) may lie
// in a buffer that later rows overwrite: what is kept past the call must be
// a Clone, not a copy of the struct.
type Household struct {
	File, Sheet string
	Row         int
	DesaCode    string
	Kecamatan   string
	Desa        string
	RT          string
	KK          string // as written; personal data
	Name        string // personal data
	Sex         Sex
	Outcomes    []Outcome  // per Set.Indicators
	Dimensions  []*float64 // per Set.Dimensions
	Score       *float64   // nil when incomplete
	Category    *Category  // nil when incomplete
	Complete    bool
	// desa is the household's desa's number in the run (Unit.desaIdx).
	desa int
}

// Clone copies a household, its text too, so that it can be kept past the
// OnHousehold call that received it.
func (h *Household) Clone() Household {
	c := *h
	for _, s := range []*string{&c.File, &c.Sheet, &c.DesaCode, &c.Kecamatan, &c.Desa, &c.RT, &c.KK, &c.Name} {
		*s = strings.Clone(*s)
	}
	c.Outcomes = append([]Outcome(nil), h.Outcomes...)
	c.Dimensions = make([]*float64, len(h.Dimensions))
	for i, d := range h.Dimensions {
		if d != nil {
			v := *d
			c.Dimensions[i] = &v
		}
	}
	if h.Score != nil {
		v := *h.Score
		c.Score = &v
	}
	return c
}
