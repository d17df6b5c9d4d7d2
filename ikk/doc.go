// Package ikk computes the Indeks Kualitas Keluarga (family quality index)
// of villages from household survey rows.
//
// The package holds the domain only: indicator sets (loaded from YAML and
// validated), survey readers (CSV and XLSX behind the [Source] interface),
// the scoring method and the aggregation into units (desa, kecamatan,
// kabupaten, RT). It never prints; rendering lives in package report.
//
// # Method
//
// Every household gets one outcome per indicator: pass, fail, na (the
// indicator does not apply), missing (a needed cell is blank) or invalid (a
// needed cell is outside its vocabulary). A unit's indicator achievement is
// 100*pass/(pass+fail) over its pooled households; a dimension index is the
// weighted mean of the defined achievements of its indicators; the IKK is the
// weighted mean of the dimension indices and is undefined when any dimension
// is. Categories are decided on the value rounded half up to two decimals
// ([Round2]), the same value every report prints.
package ikk
