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
	MsgKKAsNumber         = "kk_as_number"
	MsgShortRow           = "short_row"
	MsgLongRow            = "long_row"
	MsgNoLineEnd          = "no_line_end"
	MsgQuoteClosesLate    = "quote_closes_late"
	MsgQuoteNeverCloses   = "quote_never_closes"
	MsgSkippedUnsupported = "skipped_unsupported"
	MsgSkippedFile        = "skipped_file"

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
	MsgOutputClash        = "output_clash"
	MsgOutputClashFolder  = "output_clash_folder"

	// Parameters and desa lookups.
	MsgParamNotFinite = "param_not_finite"
	MsgParamBelowMin  = "param_below_min"
	MsgParamAboveMax  = "param_above_max"
	MsgUnknownParam   = "unknown_param"
	// MsgError writes only its cause, {err}: an error from outside ikk.
	MsgError = "error"
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
	AcceptedSex         = "sex"
	AcceptedVillageCode = "village_code"
	AcceptedText        = "text"
)
