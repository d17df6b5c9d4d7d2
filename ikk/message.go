package ikk

import "strings"

// Message is something said to a user as a message code and its parameters,
// never as prose: the words, in the user's language, are written by package
// report's catalogue under the key "msg." + Code. A Message is an error, so
// that it travels through ordinary error returns; Error gives English.
type Message struct {
	Code string
	// Params are name/value pairs: {"row", "12", "sheet", "Data"}. They are
	// shared between issues with the same words and must not be changed.
	Params []string
	// Err is the cause, written where the text says {err}: a Message of
	// its own, or an error from outside (the file system, the zip reader)
	// whose text is technical detail.
	Err error
	// Also are further sentences, written after the text, each after "; ".
	Also []*Message
}

// Words writes a problem in English for Error. Package report sets it to its
// catalogue, so that a problem printed without a language still reads as a
// sentence; without it, Error lists the code and parameters.
var Words func(p *Message) string

func (p *Message) Error() string {
	if Words != nil {
		return Words(p)
	}
	var b strings.Builder
	b.WriteString(p.Code)
	for i := 0; i+1 < len(p.Params); i += 2 {
		b.WriteString(" " + p.Params[i] + "=" + p.Params[i+1])
	}
	if p.Err != nil {
		b.WriteString(": " + p.Err.Error())
	}
	for _, a := range p.Also {
		b.WriteString("; " + a.Error())
	}
	return b.String()
}

func (p *Message) Unwrap() error { return p.Err }

// Param returns the value of a parameter, "" when absent.
func (p *Message) Param(name string) string { return param(p.Params, name) }

func param(kv []string, name string) string {
	for i := 0; i+1 < len(kv); i += 2 {
		if kv[i] == name {
			return kv[i+1]
		}
	}
	return ""
}

// say builds a Message from a code and name/value pairs.
func say(code string, kv ...string) *Message { return &Message{Code: code, Params: kv} }

// sayErr builds a Message with a cause.
func sayErr(code string, err error, kv ...string) *Message {
	return &Message{Code: code, Params: kv, Err: err}
}

// asMessage is err as a Message; an error from outside ikk becomes the
// cause of a Message that writes only it.
func asMessage(err error) *Message {
	if p, ok := err.(*Message); ok {
		return p
	}
	return sayErr(MsgError, err)
}

// Messages said the same way every time are built once.
var (
	problemNoVillage      = say(MsgNoVillage)
	problemFormulaVillage = say(MsgFormulaVillage)
	problemNoLineEnd      = say(MsgNoLineEnd)
)

// Message codes: the words of issues (Issue.Detail) and of errors
// (Message.Code). Each has an entry "msg.<code>" in report's catalogue; a
// test there enumerates these constants.
const (
	// Invalid cell values; Params carry the accepted vocabulary (see
	// Column.acceptedParams).
	MsgNotYesNo          = "not_yesno"
	MsgNotNumber         = "not_number"
	MsgNotCode           = "not_code"
	MsgNotCodeOf         = "not_code_of"
	MsgNotWholeNumber    = "not_whole_number"
	MsgNotSex            = "not_sex"
	MsgNotVillageCode    = "not_village_code"
	MsgVillageCodeDigits = "village_code_digits"
	MsgBelowMin          = "below_min"
	MsgAboveMax          = "above_max"

	// Issues of rows and files.
	MsgNoVillage          = "no_village"
	MsgFormulaNoValue     = "formula_no_value"
	MsgFormulaVillage     = "formula_village"
	MsgDuplicateKK        = "duplicate_kk"
	MsgDuplicateKKFile    = "duplicate_kk_file"
	MsgNameConflict       = "name_conflict"
	MsgNameConflictFile   = "name_conflict_file"
	MsgMissingColumn      = "missing_column"
	MsgMissingColumnNear  = "missing_column_near"
	MsgMissingIDColumn    = "missing_id_column"
	MsgHeaderSuggest      = "header_suggest"
	MsgKKAsNumber         = "kk_as_number"
	MsgShortRow           = "short_row"
	MsgLongRow            = "long_row"
	MsgNoLineEnd          = "no_line_end"
	MsgQuoteClosesLate    = "quote_closes_late"
	MsgQuoteNeverCloses   = "quote_never_closes"
	MsgSkippedUnsupported = "skipped_unsupported"
	MsgSkippedFile        = "skipped_file"

	// Issues of the names and codes of units against the register. The
	// issue's Spellings and Candidates are parameters of their words.
	MsgNameDiffers      = "name_differs"
	MsgCodeSuspect      = "code_suspect"
	MsgCodeSuspectNear  = "code_suspect_near"
	MsgUnknownCode      = "unknown_code"
	MsgUnknownCodeNear  = "unknown_code_near"
	MsgNameNotFound     = "name_not_found"
	MsgNameNotFoundNear = "name_not_found_near"
	MsgNameAmbiguous    = "name_ambiguous"

	// Errors about input files as a whole. MsgInput and MsgInputSheet
	// name the file (and sheet) before the cause.
	MsgInput              = "input"
	MsgInputSheet         = "input_sheet"
	MsgNoSuchFile         = "no_such_file"
	MsgNoSuchPath         = "no_such_path"
	MsgFolderEmpty        = "folder_empty"
	MsgFileEmpty          = "file_empty"
	MsgOldExcel           = "old_excel"
	MsgOldExcelName       = "old_excel_name"
	MsgPDF                = "pdf"
	MsgNotZip             = "not_zip"
	MsgBinaryCSV          = "binary_csv"
	MsgNotSpreadsheet     = "not_spreadsheet"
	MsgFileChanged        = "file_changed"
	MsgNoDesaCode         = "no_desa_code"
	MsgNoDesaName         = "no_desa_name"
	MsgDesaNameShared     = "desa_name_shared"
	MsgNoSector           = "no_sector"
	MsgWorkbookPanic      = "workbook_panic"
	MsgWorkbookBomb       = "workbook_bomb"
	MsgWorkbookLimit      = "workbook_limit"
	MsgWorkbookDamaged    = "workbook_damaged"
	MsgWorkbookUnreadable = "workbook_unreadable"
	MsgSheetPanic         = "sheet_panic"
	MsgRowPanic           = "row_panic"
	MsgCSVTooManyFields   = "csv_too_many_fields"
	MsgCSVFieldTooLong    = "csv_field_too_long"
	MsgCSVRowTooLong      = "csv_row_too_long"
	MsgNoSheetNamed       = "no_sheet_named"
	MsgSheetNoHeader      = "sheet_no_header"
	MsgNoVisibleHeader    = "no_visible_header"
	MsgNoHeader           = "no_header"
	MsgHeaderFound        = "header_found"
	MsgHeaderFoundSheet   = "header_found_sheet"
	MsgHeaderLooksData    = "header_looks_data"
	MsgHeaderLooksSheet   = "header_looks_data_sheet"
	MsgHiddenHasHeader    = "hidden_has_header"
	MsgHeaderRow          = "header_row"
	MsgColumnsClash       = "columns_clash"
	MsgNoHouseholds       = "no_households"
	// MsgResamples: Options.Resamples out of range (resamples, max).
	MsgResamples = "resamples_range"
	// MsgReplicatesTooMany: the resamples a ranking keeps for every desa
	// would pass MaxKeptReplicates (desa, resamples, max: the most that fit).
	MsgReplicatesTooMany = "replicates_too_many"
	MsgOutputClash       = "output_clash"
	MsgOutputClashFolder = "output_clash_folder"

	// Parameters and desa lookups.
	MsgParamNotFinite = "param_not_finite"
	MsgParamBelowMin  = "param_below_min"
	MsgParamAboveMax  = "param_above_max"
	MsgUnknownParam   = "unknown_param"

	// The desa lokus (lokus.go): a category {key} or kecamatan {name} the
	// set or the data does not have, with those it has; no desa meeting
	// the rules, with how many fail each; a desa lokus named that is no
	// candidate, with the rule it fails.
	MsgLokusNoCategory     = "lokus_no_category"
	MsgLokusNoKecamatan    = "lokus_no_kecamatan"
	MsgLokusNoCandidate    = "lokus_no_candidate"
	MsgLokusPilotKecamatan = "lokus_pilot_kecamatan"
	MsgLokusPilotNoIndex   = "lokus_pilot_no_index"
	MsgLokusPilotFewKK     = "lokus_pilot_few_kk"
	MsgLokusPilotCategory  = "lokus_pilot_category"
	// MsgError writes only its cause, {err}: an error from outside ikk.
	MsgError = "error"

	// Problems of an indicator file (SetProblem). MsgSetError and
	// MsgSetErrorOne head the list; MsgSetIn and MsgSetInNth name the part
	// of the set a problem is about ({part}, see the Part constants) before
	// the problem itself, {err}.
	MsgSetError    = "set_error"
	MsgSetErrorOne = "set_error_one"
	MsgSetIn       = "set_in"
	MsgSetInNth    = "set_in_nth"

	// The file as YAML. {detail} is the YAML library's own words, for
	// problems without a code of their own; {node} and {expect} are Node
	// constants.
	MsgSetPanic        = "set_panic"
	MsgSetYAML         = "set_yaml"
	MsgSetYAMLTab      = "set_yaml_tab"
	MsgSetYAMLBadStart = "set_yaml_bad_start"
	MsgSetYAMLColon    = "set_yaml_colon"
	MsgSetYAMLIndent   = "set_yaml_indent"
	MsgSetYAMLDash     = "set_yaml_dash"
	MsgSetYAMLList     = "set_yaml_list"
	MsgSetYAMLMapping  = "set_yaml_mapping"
	MsgSetYAMLEnd      = "set_yaml_end"
	MsgSetEmpty        = "set_empty"
	MsgSetNotMapping   = "set_not_mapping"
	MsgSetNotFinite    = "set_not_finite"
	MsgSetUnknownKey   = "set_unknown_key"
	MsgSetSectorKey    = "set_sector_key"
	MsgSetDuplicateKey = "set_duplicate_key"
	MsgSetWrongKind    = "set_wrong_kind"

	// The top level.
	MsgSetSchema         = "set_schema"
	MsgSetRequired       = "set_required"
	MsgSetTarget         = "set_target"
	MsgSetShare          = "set_share"
	MsgSetLensIsFunction = "set_lens_is_function"
	MsgSetAggregation    = "set_aggregation"
	MsgSetShortName      = "set_short_name"

	// Names, ids and references shared by the parts; {part} names the
	// kind of thing (a Part constant).
	MsgSetBadName       = "set_bad_name"
	MsgSetBadID         = "set_bad_id"
	MsgSetIDTwice       = "set_id_twice"
	MsgSetUndeclared    = "set_undeclared"
	MsgSetListedTwice   = "set_listed_twice"
	MsgSetLabelRequired = "set_label_required"
	MsgSetWeight        = "set_weight"
	MsgSetMinAboveMax   = "set_min_above_max"

	// Categories, parameters and dimensions.
	MsgSetNoCategories   = "set_no_categories"
	MsgSetCategoryID     = "set_category_id"
	MsgSetCategoryMin    = "set_category_min"
	MsgSetCategoryBoth   = "set_category_both"
	MsgSetFirstAbove     = "set_first_above"
	MsgSetFirstCategory  = "set_first_category"
	MsgSetCategoryOrder  = "set_category_order"
	MsgSetCategoryNever  = "set_category_never"
	MsgSetParamValue     = "set_param_value"
	MsgSetNoDimensions   = "set_no_dimensions"
	MsgSetDimensionEmpty = "set_dimension_unused"

	// Alternative weightings: a weight of a {dimension} outside 0 to
	// {limit}, the dimensions given none ({missing}), weights that are
	// all 0, or weights that give the set's own index.
	MsgSetWeightingWeight  = "set_weighting_weight"
	MsgSetWeightingMissing = "set_weighting_missing"
	MsgSetWeightingZero    = "set_weighting_zero"
	MsgSetWeightingSame    = "set_weighting_same"

	// Sectors.
	MsgSetSectorName  = "set_sector_name"
	MsgSetShortLong   = "set_short_long"
	MsgSetShortChars  = "set_short_chars"
	MsgSetShortShared = "set_short_shared"

	// Columns.
	MsgSetColumnType      = "set_column_type"
	MsgSetCodesNotCode    = "set_codes_not_code"
	MsgSetBoundsNotNumber = "set_bounds_not_number"
	MsgSetHeaderShared    = "set_header_shared"
	MsgSetIdentMissing    = "set_ident_missing"
	MsgSetIdentType       = "set_ident_type"

	// Conditions and indicators.
	MsgSetAllReserved      = "set_all_reserved"
	MsgSetCycle            = "set_cycle"
	MsgSetNoIndicators     = "set_no_indicators"
	MsgSetRuleRequired     = "set_rule_required"
	MsgSetApplies          = "set_applies_undeclared"
	MsgSetStatus           = "set_status"
	MsgSetSourceRequired   = "set_source_required"
	MsgSetRuleNotMapping   = "set_rule_not_mapping"
	MsgSetRuleKey          = "set_rule_key"
	MsgSetRuleMalformed    = "set_rule_malformed"
	MsgSetRangeNoBound     = "set_range_no_bound"
	MsgSetRatioNoBound     = "set_ratio_no_bound"
	MsgSetInList           = "set_in_list"
	MsgSetCodeNotWhole     = "set_code_not_whole"
	MsgSetCodeUndeclared   = "set_code_undeclared"
	MsgSetRatioList        = "set_ratio_list"
	MsgSetRatioDenominator = "set_ratio_denominator"
	MsgSetRuleList         = "set_rule_list"
	MsgSetBoundKind        = "set_bound_kind"
	MsgSetColumnUndeclared = "set_column_undeclared"
	MsgSetRuleColumnType   = "set_rule_column_type"

	// Units of number columns: {unit} and the {units} there are; {type}
	// of a column that is no number.
	MsgSetUnitUnknown   = "set_unit_unknown"
	MsgSetUnitNotNumber = "set_unit_not_number"

	// Don't-know answers. The set's (dont_know at the top level): one
	// that is empty, or {text} that {column} reads as an answer. A
	// column's codes: on a column of {type} that takes none, a {code}
	// that is no whole number, or one that is an answer of the column: a
	// declared code with its {label}, a yes/no code, a count within the
	// column's {min} and {max}. A word or code listed twice is
	// MsgSetListedTwice with part PartDontKnow.
	MsgSetDontKnowEmpty    = "set_dont_know_empty"
	MsgSetDontKnowAnswer   = "set_dont_know_answer"
	MsgSetDontKnowType     = "set_dont_know_type"
	MsgSetDontKnowCode     = "set_dont_know_code"
	MsgSetDontKnowDeclared = "set_dont_know_declared"
	MsgSetDontKnowYesNo    = "set_dont_know_yesno"
	MsgSetDontKnowInRange  = "set_dont_know_in_range"
)

// Parts of an indicator set, the value of a problem's "part" parameter
// (catalogue key "set.part.<part>"); the parts a YAML mapping stands for
// also name where a key is unknown ("set.within.<part>").
const (
	PartSet        = "set"
	PartCategory   = "category"
	PartParameter  = "parameter"
	PartDimension  = "dimension"
	PartFunction   = "function"
	PartLens       = "lens"
	PartSector     = "sector"
	PartColumn     = "column"
	PartCondition  = "condition"
	PartIndicator  = "indicator"
	PartProvenance = "provenance"
	PartDontKnow   = "dont_know"
	PartWeighting  = "weighting"
)

// Kinds of YAML value, the value of a problem's "node" (what the file
// holds) and "expect" (what it must hold) parameters (catalogue key
// "set.kind.<kind>").
const (
	NodeList    = "list"
	NodeMapping = "mapping"
	NodeText    = "text"
	NodeNumber  = "number"
	NodeWhole   = "whole"
	NodeBool    = "bool"
	NodeSingle  = "single"
	NodeValue   = "value"
)

// Accepted vocabularies, the value of the "accepted" parameter of an
// invalid value (catalogue key "accepted.<kind>").
const (
	AcceptedYesNo       = "yesno"
	AcceptedAnyCode     = "any_code"
	AcceptedCodes       = "codes"
	AcceptedNumber      = "number"
	AcceptedNumberRange = "number_range"
	AcceptedNumberMin   = "number_min"
	AcceptedNumberMax   = "number_max"
	AcceptedCount       = "count"
	AcceptedCountRange  = "count_range"
	AcceptedCountMin    = "count_min"
	AcceptedCountMax    = "count_max"
	// Amounts and areas: number columns of a unit; their issues carry
	// "forms", examples of the spellings the unit accepts.
	AcceptedAmount      = "amount"
	AcceptedAmountRange = "amount_range"
	AcceptedAmountMin   = "amount_min"
	AcceptedAmountMax   = "amount_max"
	AcceptedArea        = "area"
	AcceptedAreaRange   = "area_range"
	AcceptedAreaMin     = "area_min"
	AcceptedAreaMax     = "area_max"
	AcceptedSex         = "sex"
	AcceptedVillageCode = "village_code"
	AcceptedText        = "text"
)
