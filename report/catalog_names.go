package report

import "github.com/ikk-tools/ikk/ikk"

// The words of the issues of units' names and codes against the Kemendagri
// register (ikk/names.go). Beyond an issue's own fields, their texts take
// {kind}, {spellings}, {candidates} and {scope}, written by nameParams.
func init() {
	register(map[string]Text{
		"issue." + ikk.IssueNameDiffers: {
			ID: "Nama wilayah dalam data berbeda dengan nama dalam register Kemendagri untuk kodenya; laporan memakai nama register",
			EN: "A unit's name in the data differs from the Kemendagri register's name for its code; the reports use the register's name"},
		"issue." + ikk.IssueCodeSuspect: {
			ID: "Nama dalam data adalah nama wilayah lain di dekatnya: kodenya mungkin salah ketik",
			EN: "The name in the data is the name of another unit nearby: the code may be mistyped"},
		"issue." + ikk.IssueUnknownCode: {
			ID: "Kode desa tidak ada dalam register Kemendagri; desa dinamai sebagaimana tertulis dalam data",
			EN: "A village code absent from the Kemendagri register; the desa keeps the name the data gives it"},
		"issue." + ikk.IssueNameUnresolved: {
			ID: "Desa tanpa kode yang namanya tidak ditemukan, atau ditemukan lebih dari sekali, dalam register Kemendagri; barisnya dikelompokkan menurut nama",
			EN: "A desa without a code whose names the Kemendagri register does not have, or has more than once; its rows are grouped by name"},
		"issue." + ikk.IssueNameDiffers + ".name":    {ID: "nama berbeda dengan register", EN: "name differs from register"},
		"issue." + ikk.IssueCodeSuspect + ".name":    {ID: "kode diragukan", EN: "suspect code"},
		"issue." + ikk.IssueUnknownCode + ".name":    {ID: "kode tidak dikenal", EN: "unknown code"},
		"issue." + ikk.IssueNameUnresolved + ".name": {ID: "nama tidak ditemukan di register", EN: "name not in register"},

		"msg." + ikk.MsgNameDiffers: {
			ID: "{kind} {code} bernama \"{name}\" dalam register Kemendagri, tetapi data menuliskannya {spellings}; laporan memakai nama register. Perbaiki nama dalam data, atau kodenya bila yang dimaksud wilayah lain",
			EN: "{kind} {code} is named \"{name}\" in the Kemendagri register, but the data writes it {spellings}; the reports use the register's name. Correct the name in the data, or the code if another unit was meant"},
		"msg." + ikk.MsgCodeSuspect: {
			ID: "kode {code} adalah {kind} \"{name}\" dalam register Kemendagri, tetapi data menuliskan namanya {spellings}, yaitu nama {candidates}: kodenya mungkin salah ketik. Baris-baris itu dihitung pada {name} sesuai kodenya; periksa kode pada baris-baris tersebut",
			EN: "code {code} is {kind} \"{name}\" in the Kemendagri register, but the data names it {spellings}, the name of {candidates}: the code may be mistyped. Those rows are counted under {name}, as their code says; check the code on them"},
		"msg." + ikk.MsgCodeSuspectNear: {
			ID: "kode {code} adalah {kind} \"{name}\" dalam register Kemendagri, tetapi data menuliskan namanya {spellings}, yang lebih mirip dengan {candidates}: kodenya mungkin salah ketik. Baris-baris itu dihitung pada {name} sesuai kodenya; periksa kode dan nama pada baris-baris tersebut",
			EN: "code {code} is {kind} \"{name}\" in the Kemendagri register, but the data names it {spellings}, nearer to {candidates}: the code may be mistyped. Those rows are counted under {name}, as their code says; check the code and the name on them"},
		"msg." + ikk.MsgUnknownCode: {
			ID: "kode_desa {value} tidak ada dalam register Kemendagri; desa ini dinamai sebagaimana tertulis dalam data (\"{name}\"). Periksa kodenya",
			EN: "kode_desa {value} is not in the Kemendagri register; the desa keeps the name the data gives it (\"{name}\"). Check the code"},
		"msg." + ikk.MsgUnknownCodeNear: {
			ID: "kode_desa {value} tidak ada dalam register Kemendagri; desa ini dinamai sebagaimana tertulis dalam data (\"{name}\"), dan nama itu adalah {candidates}: apakah itu kodenya?",
			EN: "kode_desa {value} is not in the Kemendagri register; the desa keeps the name the data gives it (\"{name}\"), the name of {candidates}: is that its code?"},
		"msg." + ikk.MsgNameNotFound: {
			ID: "desa \"{value}\", Kecamatan \"{kecamatan}\" tidak ditemukan dalam register Kemendagri ({scope}); barisnya ({rows}) dikelompokkan menurut nama sebagaimana tertulis. Isi kode_desa, atau perbaiki namanya",
			EN: "desa \"{value}\", Kecamatan \"{kecamatan}\" is not in the Kemendagri register ({scope}); its rows ({rows}) are grouped by the names as written. Fill in kode_desa, or correct the name"},
		"msg." + ikk.MsgNameNotFoundNear: {
			ID: "desa \"{value}\", Kecamatan \"{kecamatan}\" tidak ditemukan dalam register Kemendagri ({scope}); barisnya ({rows}) dikelompokkan menurut nama sebagaimana tertulis. Yang terdekat: {candidates}. Isi kode_desa, atau perbaiki namanya",
			EN: "desa \"{value}\", Kecamatan \"{kecamatan}\" is not in the Kemendagri register ({scope}); its rows ({rows}) are grouped by the names as written. Nearest: {candidates}. Fill in kode_desa, or correct the name"},
		"msg." + ikk.MsgNameAmbiguous: {
			ID: "desa \"{value}\", Kecamatan \"{kecamatan}\" cocok dengan lebih dari satu desa dalam register Kemendagri ({scope}): {candidates}; barisnya ({rows}) dikelompokkan menurut nama sebagaimana tertulis. Isi kode_desa",
			EN: "desa \"{value}\", Kecamatan \"{kecamatan}\" matches more than one desa of the Kemendagri register ({scope}): {candidates}; its rows ({rows}) are grouped by the names as written. Fill in kode_desa"},

		// The command line's --wilayah and --kabupaten.
		"cli.wilayah_builtin":            {ID: "register wilayah bawaan tidak dapat dibaca: {err}", EN: "cannot read the embedded register: {err}"},
		"cli.wilayah_not_found":          {ID: "berkas register wilayah {file} tidak ditemukan (--wilayah memerlukan berkas CSV kode,nama, atau none)", EN: "register file {file}: no such file (--wilayah takes a CSV file of code,name lines, or none)"},
		"cli.wilayah_unreadable":         {ID: "berkas register wilayah {file}: {err}", EN: "register file {file}: {err}"},
		"cli.wilayah_not_code_name":      {ID: "berkas register wilayah {file} baris {line}: {text} bukan kode dan nama wilayah (tulis satu wilayah per baris: kode,nama, misalnya 63.09.02.2002,Ampukung)", EN: "register file {file} line {line}: {text} is not a code and a name (write one unit a line: code,name, e.g. 63.09.02.2002,Ampukung)"},
		"cli.wilayah_workbook":           {ID: "berkas register wilayah {file} adalah buku kerja (Excel atau sejenisnya), bukan berkas teks CSV; simpan sebagai CSV (kode,nama) lalu berikan berkas .csv itu kepada --wilayah", EN: "register file {file} is a workbook (Excel or the like), not a CSV text file; save it as CSV (code,name) and give that .csv file to --wilayah"},
		"cli.wilayah_columns":            {ID: "berkas register wilayah {file} baris {line} berisi {columns} kolom, padahal register hanya berisi dua (kode, nama); apakah yang diberikan berkas survei? --wilayah meminta daftar kode dan nama wilayah, satu wilayah per baris: kode,nama, misalnya 63.09.02.2002,Ampukung", EN: "register file {file} line {line} has {columns} columns, while a register has two (code, name); was a survey given? --wilayah takes a list of codes and names, one unit a line: code,name, e.g. 63.09.02.2002,Ampukung"},
		"cli.wilayah_code_twice":         {ID: "berkas register wilayah {file}: kode {code} tertulis dua kali", EN: "register file {file}: code {code} is given twice"},
		"cli.wilayah_empty":              {ID: "berkas register wilayah {file} tidak memuat satu wilayah pun", EN: "register file {file} holds no unit"},
		"cli.kabupaten_unknown":          {ID: "--kabupaten {kabupaten} tidak ada dalam register wilayah; tuliskan kode atau namanya (ikk wilayah NAMA mencarinya)", EN: "--kabupaten {kabupaten} is not in the register; give its code or its name (ikk areas NAME finds it)"},
		"cli.kabupaten_unknown_near":     {ID: "--kabupaten {kabupaten} tidak ada dalam register wilayah; apakah yang dimaksud {near}?", EN: "--kabupaten {kabupaten} is not in the register; did you mean {near}?"},
		"cli.kabupaten_unknown_doc":      {ID: "--kabupaten {kabupaten} tidak ada dalam register wilayah: nama itu dipakai dalam dokumen sebagaimana tertulis, tetapi tidak untuk mencari desa tanpa kode", EN: "--kabupaten {kabupaten} is not in the register: the document uses it as written, but it does not place desa without a code"},
		"cli.kabupaten_unknown_near_doc": {ID: "--kabupaten {kabupaten} tidak ada dalam register wilayah (apakah yang dimaksud {near}?): nama itu dipakai dalam dokumen sebagaimana tertulis, tetapi tidak untuk mencari desa tanpa kode", EN: "--kabupaten {kabupaten} is not in the register (did you mean {near}?): the document uses it as written, but it does not place desa without a code"},
		"cli.kabupaten_shared":           {ID: "--kabupaten {kabupaten} adalah nama lebih dari satu wilayah: {list}; tuliskan kodenya", EN: "--kabupaten {kabupaten} names more than one unit: {list}; give its code"},
		"cli.name_issues":                {ID: "{count} nama atau kode wilayah dalam data tidak sesuai dengan register Kemendagri; dokumen memakai nama register. Yang perlu diperbaiki dalam data:", EN: "{count} names or codes of units in the data disagree with the Kemendagri register; the document uses the register's names. What to correct in the data:"},

		"cli.no_code": {ID: "tanpa kode", EN: "no code"},

		// ikk areas writing a list.
		"cli.areas_xlsx_format": {ID: "--format xlsx: buku kerja ditulis ke berkas; gunakan -o daftar.xlsx", EN: "--format xlsx: a workbook is written to a file; use -o list.xlsx"},
		"cli.areas_bad_ext":     {ID: "-o {file}: daftar wilayah ditulis sebagai .csv atau .xlsx", EN: "-o {file}: the list is written as .csv or .xlsx"},
		"cli.areas_not_one":     {ID: "{query} adalah nama lebih dari satu wilayah: {list}; tuliskan kodenya", EN: "{query} names more than one unit: {list}; give its code"},

		// The parts of those texts.
		"names.spelling":  {ID: "\"{text}\" ({rows} baris)", EN: "\"{text}\" ({rows} rows)"},
		"names.spelling1": {ID: "\"{text}\" (1 baris)", EN: "\"{text}\" (1 row)"},
		"names.or":        {ID: " atau ", EN: " or "},
		"names.place":     {ID: "{kind} {name} ({code}, {above})", EN: "{kind} {name} ({code}, {above})"},
		"names.place_top": {ID: "{kind} {name} ({code})", EN: "{kind} {name} ({code})"},
		"names.scope_all": {ID: "seluruh Indonesia, karena kabupaten tidak tertulis; gunakan --kabupaten", EN: "all of Indonesia, as no kabupaten is written; use --kabupaten"},
	})
}
