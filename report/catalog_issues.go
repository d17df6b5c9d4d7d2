package report

import "github.com/ikk-tools/ikk/ikk"

// The words of data issues and of the errors package ikk returns: one entry
// "msg.<code>" per message code, "issue.<code>" describing an issue code and
// "issue.<code>.name" naming it in counts, and "accepted.<kind>" for the
// vocabulary a column accepts. An issue's own fields are parameters of its
// text: {file}, {sheet}, {row}, {column}, {field}, {cell}, {value}.

func init() {
	register(issueTexts)
	register(acceptedTexts)
	register(messageTexts)
	register(inputTexts)
	// A Message printed without a language (err.Error()) reads in English.
	ikk.Words = func(m *ikk.Message) string { return SayMessage("en", m) }
}

var issueTexts = map[string]Text{
	"issue." + ikk.IssueInvalidValue: {
		ID: "Nilai di luar pilihan jawaban atau tidak dapat dibaca; indikator yang memerlukannya tidak dinilai untuk keluarga tersebut",
		EN: "Value outside the accepted answers or unreadable; the indicators that need it are not scored for that family"},
	"issue." + ikk.IssueNoVillage: {
		ID: "Baris tanpa identitas desa (kode desa, atau nama kecamatan dan desa); baris tidak dinilai",
		EN: "Row without village identification (village code, or kecamatan and desa names); the row is not scored"},
	"issue." + ikk.IssueDuplicateKK: {
		ID: "Nomor KK ganda dalam desa yang sama; baris yang muncul kemudian tidak dinilai",
		EN: "KK number repeated in the same desa; the later row is not scored"},
	"issue." + ikk.IssueMissingColumn: {
		ID: "Kolom yang diperlukan tidak ada; indikator yang memerlukannya tercatat tidak terisi untuk semua keluarga",
		EN: "A required column is absent; the indicators that need it count as missing for every family"},
	"issue." + ikk.IssueSkippedFile: {
		ID: "Berkas tidak dibaca (bukan berkas .xlsx atau .csv yang dapat dibaca)",
		EN: "File not read (not a readable .xlsx or .csv file)"},
	"issue." + ikk.IssueKKAsNumber: {
		ID: "Nomor KK tersimpan sebagai angka; digit terakhir dapat hilang dan KK ganda tidak dapat diperiksa",
		EN: "KK numbers stored as numbers; the last digit may be lost and duplicates cannot be checked"},
	"issue." + ikk.IssueNameConflict: {
		ID: "Kode desa yang sama tertulis dengan nama kecamatan atau desa yang berbeda; nama yang pertama digunakan",
		EN: "One village code written with different kecamatan or desa names; the first name is used"},
	"issue." + ikk.IssueUnbalancedQuote: {
		ID: "Tanda kutip yang tidak tertutup menggabungkan beberapa baris; baris-baris tersebut tidak dinilai",
		EN: "An unclosed quote joined several rows; those rows are not scored"},
	"issue." + ikk.IssueShortRow: {
		ID: "Baris memiliki lebih sedikit kolom daripada judul; sel yang tidak ada tercatat tidak terisi",
		EN: "A row with fewer fields than the header; the absent cells count as missing"},
	"issue." + ikk.IssueLongRow: {
		ID: "Baris memiliki lebih banyak kolom daripada judul; kolom tambahan diabaikan",
		EN: "A row with more fields than the header; the extra fields are ignored"},
	"issue." + ikk.IssueNoLineEnd: {
		ID: "Baris terakhir berkas tidak diakhiri pergantian baris; berkas mungkin terpotong",
		EN: "The file's last line has no line end; the file may have been cut"},
	"issue." + ikk.IssueFormulaNoValue: {
		ID: "Sel berisi rumus yang disimpan tanpa hasilnya; nilainya tidak diketahui",
		EN: "A cell holds a formula saved without its result; its value is not known"},

	"issue." + ikk.IssueInvalidValue + ".name":    {ID: "nilai tidak sah", EN: "invalid value"},
	"issue." + ikk.IssueNoVillage + ".name":       {ID: "tanpa desa", EN: "no village"},
	"issue." + ikk.IssueDuplicateKK + ".name":     {ID: "KK ganda", EN: "duplicate KK"},
	"issue." + ikk.IssueMissingColumn + ".name":   {ID: "kolom tidak ada", EN: "missing column"},
	"issue." + ikk.IssueSkippedFile + ".name":     {ID: "berkas tidak dibaca", EN: "file not read"},
	"issue." + ikk.IssueKKAsNumber + ".name":      {ID: "KK tersimpan sebagai angka", EN: "KK stored as number"},
	"issue." + ikk.IssueNameConflict + ".name":    {ID: "nama tidak sesuai kode", EN: "name conflict"},
	"issue." + ikk.IssueUnbalancedQuote + ".name": {ID: "tanda kutip tidak tertutup", EN: "unbalanced quote"},
	"issue." + ikk.IssueShortRow + ".name":        {ID: "baris pendek", EN: "short row"},
	"issue." + ikk.IssueLongRow + ".name":         {ID: "baris panjang", EN: "long row"},
	"issue." + ikk.IssueNoLineEnd + ".name":       {ID: "tanpa akhir baris", EN: "no line end"},
	"issue." + ikk.IssueFormulaNoValue + ".name":  {ID: "rumus tanpa hasil", EN: "formula without result"},
}

var acceptedTexts = map[string]Text{
	"accepted." + ikk.AcceptedYesNo:       {ID: "{yes} atau {no}", EN: "{yes} or {no}"},
	"accepted." + ikk.AcceptedAnyCode:     {ID: "kode berupa bilangan bulat", EN: "a whole-number code"},
	"accepted." + ikk.AcceptedCodes:       {ID: "kode: {codes}", EN: "a code: {codes}"},
	"accepted." + ikk.AcceptedNumber:      {ID: "angka seperti 2.500.000 atau 36,5", EN: "a number such as 2.500.000, 36,5 or 36.5"},
	"accepted." + ikk.AcceptedNumberRange: {ID: "angka dari {min} sampai dengan {max}", EN: "a number from {min} to {max}"},
	"accepted." + ikk.AcceptedNumberMin:   {ID: "angka paling sedikit {min}", EN: "a number of at least {min}"},
	"accepted." + ikk.AcceptedNumberMax:   {ID: "angka paling banyak {max}", EN: "a number of at most {max}"},
	"accepted." + ikk.AcceptedCount:       {ID: "bilangan bulat", EN: "a whole number"},
	"accepted." + ikk.AcceptedCountRange:  {ID: "bilangan bulat dari {min} sampai dengan {max}", EN: "a whole number from {min} to {max}"},
	"accepted." + ikk.AcceptedCountMin:    {ID: "bilangan bulat paling sedikit {min}", EN: "a whole number of at least {min}"},
	"accepted." + ikk.AcceptedCountMax:    {ID: "bilangan bulat paling banyak {max}", EN: "a whole number of at most {max}"},
	"accepted." + ikk.AcceptedAmount:      {ID: "jumlah rupiah, ditulis seperti {forms}", EN: "an amount in rupiah, written like {forms}"},
	"accepted." + ikk.AcceptedAmountRange: {ID: "jumlah rupiah dari {min} sampai dengan {max}, ditulis seperti {forms}", EN: "an amount in rupiah from {min} to {max}, written like {forms}"},
	"accepted." + ikk.AcceptedAmountMin:   {ID: "jumlah rupiah paling sedikit {min}, ditulis seperti {forms}", EN: "an amount in rupiah of at least {min}, written like {forms}"},
	"accepted." + ikk.AcceptedAmountMax:   {ID: "jumlah rupiah paling banyak {max}, ditulis seperti {forms}", EN: "an amount in rupiah of at most {max}, written like {forms}"},
	"accepted." + ikk.AcceptedArea:        {ID: "luas dalam meter persegi, ditulis seperti {forms}", EN: "an area in square metres, written like {forms}"},
	"accepted." + ikk.AcceptedAreaRange:   {ID: "luas dari {min} sampai dengan {max} meter persegi, ditulis seperti {forms}", EN: "an area from {min} to {max} square metres, written like {forms}"},
	"accepted." + ikk.AcceptedAreaMin:     {ID: "luas paling sedikit {min} meter persegi, ditulis seperti {forms}", EN: "an area of at least {min} square metres, written like {forms}"},
	"accepted." + ikk.AcceptedAreaMax:     {ID: "luas paling banyak {max} meter persegi, ditulis seperti {forms}", EN: "an area of at most {max} square metres, written like {forms}"},
	"accepted." + ikk.AcceptedSex:         {ID: "L, P, Laki-laki, Perempuan, 1 = L, 2 = P", EN: "L, P, Laki-laki (male), Perempuan (female), 1 = L, 2 = P"},
	"accepted." + ikk.AcceptedVillageCode: {ID: "63.09.06.2004 atau 6309062004", EN: "63.09.06.2004 or 6309062004"},
	"accepted." + ikk.AcceptedText:        {ID: "teks", EN: "text"},
}

var messageTexts = map[string]Text{
	"msg." + ikk.MsgNoDesaCode:        {ID: "tidak ada desa dengan kode {code} dalam data", EN: "no desa with code {code} in the data"},
	"msg." + ikk.MsgNoDesaName:        {ID: "tidak ada desa bernama {name} dalam data; tuliskan namanya sebagaimana tertulis dalam survei, atau kodenya", EN: "no desa named {name} in the data; give its name as written in the survey or its code"},
	"msg." + ikk.MsgNoSector:          {ID: "tidak ada instansi {office} dalam daftar indikator; yang diterima: {keys} (atau nama singkat atau lengkapnya)", EN: "no office {office} in the indicator set; accepted: {keys} (or its short or full name)"},
	"msg." + ikk.MsgDesaNameShared:    {ID: "{count} desa bernama {name}: {desa}; tuliskan kodenya", EN: "{count} desa are named {name}: {desa}; give the code instead"},
	"msg." + ikk.MsgNotYesNo:          {ID: "bukan jawaban ya/tidak; yang diterima: {accepted}", EN: "not a yes/no answer; accepted: {accepted}"},
	"msg." + ikk.MsgNotNumber:         {ID: "bukan angka; yang diterima: {accepted}", EN: "not a number; accepted: {accepted}"},
	"msg." + ikk.MsgNotCode:           {ID: "bukan kode; yang diterima: {accepted}", EN: "not a code; accepted: {accepted}"},
	"msg." + ikk.MsgNotCodeOf:         {ID: "{value} bukan kode kolom {field}; yang diterima: {accepted}", EN: "code {value} is not a code of {field}; accepted: {accepted}"},
	"msg." + ikk.MsgNotWholeNumber:    {ID: "bukan bilangan bulat; yang diterima: {accepted}", EN: "not a whole number; accepted: {accepted}"},
	"msg." + ikk.MsgNotSex:            {ID: "bukan kode jenis kelamin; yang diterima: {accepted}", EN: "not a sex code; accepted: {accepted}"},
	"msg." + ikk.MsgNotVillageCode:    {ID: "bukan kode desa; yang diterima: {accepted}", EN: "not a village code; accepted: {accepted}"},
	"msg." + ikk.MsgVillageCodeDigits: {ID: "bukan kode desa: harus 10 digit; yang diterima: {accepted}", EN: "not a village code: want 10 digits; accepted: {accepted}"},
	"msg." + ikk.MsgBelowMin:          {ID: "di bawah batas minimum; yang diterima: {accepted}", EN: "below the minimum; accepted: {accepted}"},
	"msg." + ikk.MsgAboveMax:          {ID: "di atas batas maksimum; yang diterima: {accepted}", EN: "above the maximum; accepted: {accepted}"},

	"msg." + ikk.MsgNoVillage: {
		ID: "baris tidak menyebutkan desa: diperlukan kode_desa (63.09.06.2004), atau kecamatan dan desa; baris tidak dinilai",
		EN: "the row names no village: it needs kode_desa (63.09.06.2004), or both kecamatan and desa; the row is not scored"},
	"msg." + ikk.MsgFormulaNoValue: {
		ID: "sel berisi rumus yang disimpan tanpa hasilnya (berkas ditulis oleh program yang tidak menghitung rumus); buka berkas di Excel atau LibreOffice lalu simpan kembali agar hasilnya tersimpan",
		EN: "the cell holds a formula saved without its result (the file was written by a program that does not compute formulas); open the file in Excel or LibreOffice and save it, so that the results are stored"},
	"msg." + ikk.MsgFormulaVillage: {
		ID: "sel berisi rumus yang disimpan tanpa hasilnya sehingga desa pada baris ini tidak diketahui dan baris tidak dinilai; buka berkas di Excel atau LibreOffice lalu simpan kembali agar hasilnya tersimpan",
		EN: "the cell holds a formula saved without its result, so the row's village is not known and the row is not scored; open the file in Excel or LibreOffice and save it, so that the results are stored"},
	"msg." + ikk.MsgDuplicateKK: {
		ID: "nomor KK {value} sudah tercatat di desa ini pada baris {first_row}; baris yang kemudian tidak dinilai",
		EN: "KK number {value} already appears in this desa at row {first_row}; the later row is not scored"},
	"msg." + ikk.MsgDuplicateKKFile: {
		ID: "nomor KK {value} sudah tercatat di desa ini pada {first_file} baris {first_row}; baris yang kemudian tidak dinilai",
		EN: "KK number {value} already appears in this desa at {first_file} row {first_row}; the later row is not scored"},
	"msg." + ikk.MsgNameConflict: {
		ID: "kode_desa {code} tertulis dengan {field} \"{value}\" di sini tetapi \"{first}\" pada baris {first_row}; nama yang pertama digunakan: periksa kode atau namanya",
		EN: "kode_desa {code} comes with {field} \"{value}\" here but \"{first}\" at row {first_row}; the first is used: check the code or the name"},
	"msg." + ikk.MsgNameConflictFile: {
		ID: "kode_desa {code} tertulis dengan {field} \"{value}\" di sini tetapi \"{first}\" pada {first_file} baris {first_row}; nama yang pertama digunakan: periksa kode atau namanya",
		EN: "kode_desa {code} comes with {field} \"{value}\" here but \"{first}\" at {first_file} row {first_row}; the first is used: check the code or the name"},
	"msg." + ikk.MsgMissingColumn: {
		ID: "lembar tidak memiliki kolom {field}; indikator {indicators} tidak dapat dinilai dan tercatat tidak terisi untuk setiap keluarga",
		EN: "the sheet has no column {field}; indicator {indicators} cannot be scored and counts as missing for every household"},
	"msg." + ikk.MsgMissingColumnNear: {
		ID: "lembar tidak memiliki kolom {field}; indikator {indicators} tidak dapat dinilai dan tercatat tidak terisi untuk setiap keluarga; apakah yang dimaksud kolom {suggest_col} \"{suggest}\"? Jika ya, ganti judul kolom itu menjadi {field}",
		EN: "the sheet has no column {field}; indicator {indicators} cannot be scored and counts as missing for every household; did you mean column {suggest_col} \"{suggest}\"? If so, rename that header to {field}"},
	"msg." + ikk.MsgHeaderSuggest: {
		ID: "apakah kolom {col} \"{header}\" dimaksudkan sebagai {name}? Jika ya, ganti judulnya menjadi {name}",
		EN: "is column {col} \"{header}\" meant as {name}? If so, rename it to {name}"},
	"msg." + ikk.MsgMissingIDColumn: {
		ID: "lembar tidak memiliki kolom {field}, sehingga kolom itu dibiarkan kosong; apakah yang dimaksud kolom {suggest_col} \"{suggest}\"? Jika ya, ganti judul kolom itu menjadi {field}",
		EN: "the sheet has no column {field}, so it is left blank; did you mean column {suggest_col} \"{suggest}\"? If so, rename that header to {field}"},
	"msg." + ikk.MsgKKAsNumber: {
		ID: "{count} nomor KK (mulai baris {from}) tersimpan sebagai angka; Excel hanya menyimpan 15 digit sehingga nomor KK 16 digit kehilangan digit terakhirnya dan KK ganda tidak dapat diperiksa untuk baris tersebut; ubah format kolom menjadi Teks lalu masukkan kembali nomornya",
		EN: "{count} KK numbers (from row {from}) are stored as numbers; Excel keeps 15 digits, so a 16-digit KK number loses its last digit, and duplicates cannot be found for these rows; format the column as Text and enter the numbers again"},
	"msg." + ikk.MsgShortRow: {
		ID: "baris memiliki {fields} kolom sedangkan judul {width}: ada pemisah yang hilang atau baris terpotong; sel yang tidak ada tercatat tidak terisi",
		EN: "the row has {fields} fields and the header {width}: a separator is missing or the row was cut short; the absent cells count as missing"},
	"msg." + ikk.MsgLongRow: {
		ID: "baris memiliki {fields} kolom sedangkan judul {width}, dan kolom tambahannya tidak kosong: ada pemisah yang berlebih (koma desimal dalam berkas berpemisah koma?) dan sel sesudahnya mungkin bergeser; kolom tambahan diabaikan",
		EN: "the row has {fields} fields and the header {width}, and the extra ones are not empty: a separator is extra (a decimal comma in a comma-separated file?) and the cells after it may be shifted; the extra fields are ignored"},
	"msg." + ikk.MsgNoLineEnd: {
		ID: "baris terakhir tidak diakhiri pergantian baris: berkas mungkin terpotong saat disalin; periksa apakah baris keluarga ini lengkap",
		EN: "the last line has no line end: the file may have been cut while being copied; check that this family's row is complete"},
	"msg." + ikk.MsgQuoteClosesLate: {
		ID: "tanda kutip (\") yang dibuka di kolom {col} pada baris teks {line} baru ditutup pada baris teks {end}: {span} baris terbaca sebagai satu rekaman berisi {fields} kolom (judul berisi {width}) sehingga baris beberapa keluarga tergabung; {span} baris tersebut ditolak dan tidak dinilai; tambahkan atau hapus tanda kutip yang salah",
		EN: "a quote (\") opened in column {col} on line {line} closes only on line {end}: {span} lines were read as one record of {fields} fields (the header has {width}), joining families' rows; the {span} lines are rejected, not scored; add or remove the quote that is wrong"},
	"msg." + ikk.MsgQuoteNeverCloses: {
		ID: "tanda kutip (\") yang dibuka di kolom {col} pada baris teks {line} tidak pernah ditutup: {span} baris sampai akhir berkas (baris teks {end}) terbaca sebagai satu rekaman sehingga baris beberapa keluarga tergabung ({fields} kolom, judul berisi {width}); {span} baris tersebut ditolak dan tidak dinilai; tambahkan atau hapus tanda kutip yang salah, atau periksa apakah berkas terpotong",
		EN: "a quote (\") opened in column {col} on line {line} never closes: the {span} lines to the end of the file (line {end}) were read as one record ({fields} fields, the header has {width}), joining families' rows; the {span} lines are rejected, not scored; add or remove the quote that is wrong, or check that the file was not cut"},
	"msg." + ikk.MsgSkippedUnsupported: {
		ID: "tidak dibaca: ikk membaca berkas .xlsx dan .csv; buka berkas di Excel atau LibreOffice lalu simpan sebagai .xlsx atau CSV UTF-8",
		EN: "not read: ikk reads .xlsx and .csv; open it in Excel or LibreOffice and save it as .xlsx or CSV UTF-8"},
	"msg." + ikk.MsgSkippedFile: {ID: "tidak dibaca: {err}", EN: "not read: {err}"},
	"msg." + ikk.MsgError:       {ID: "{err}", EN: "{err}"},
}

var inputTexts = map[string]Text{
	"msg.set_error":             {ID: "berkas indikator {file}: {count} masalah", EN: "indicator file {file}: {count} problems"},
	"msg.set_error_one":         {ID: "berkas indikator {file}: {count} masalah", EN: "indicator file {file}: {count} problem"},
	"msg." + ikk.MsgInput:       {ID: "{path}: {err}", EN: "{path}: {err}"},
	"msg." + ikk.MsgInputSheet:  {ID: "{path}: lembar \"{sheet}\": {err}", EN: "{path}: sheet \"{sheet}\": {err}"},
	"msg." + ikk.MsgNoSuchFile:  {ID: "berkas tidak ditemukan", EN: "no such file"},
	"msg." + ikk.MsgNoSuchPath:  {ID: "berkas atau folder tidak ditemukan", EN: "no such file or folder"},
	"msg." + ikk.MsgFolderEmpty: {ID: "folder tidak berisi berkas .xlsx atau .csv", EN: "folder holds no .xlsx or .csv file"},
	"msg." + ikk.MsgFileEmpty:   {ID: "berkas kosong", EN: "the file is empty"},
	"msg." + ikk.MsgOldExcel: {
		ID: "berkas ini adalah buku kerja Excel 97-2003 (.xls) atau buku kerja terenkripsi; buka di Excel atau LibreOffice lalu simpan sebagai .xlsx (Excel Workbook) atau CSV UTF-8",
		EN: "this is an old Excel 97-2003 workbook (.xls) or an encrypted one; open it in Excel or LibreOffice and save it as .xlsx (Excel Workbook) or CSV UTF-8"},
	"msg." + ikk.MsgOldExcelName: {
		ID: "buku kerja Excel lama (.xls) tidak dibaca; simpan sebagai .xlsx atau CSV UTF-8",
		EN: "old Excel workbooks (.xls) are not read; save it as .xlsx or CSV UTF-8"},
	"msg." + ikk.MsgPDF: {ID: "berkas ini PDF, bukan lembar kerja; ikk membaca berkas .xlsx dan .csv", EN: "this is a PDF, not a spreadsheet; ikk reads .xlsx and .csv"},
	"msg." + ikk.MsgNotZip: {
		ID: "berkas bernama .xlsx tetapi bukan buku kerja Excel (tanpa tanda ZIP); berkas mungkin rusak atau format lain yang diganti namanya",
		EN: "the file is named .xlsx but is not an Excel workbook (no ZIP signature); it may be damaged, or another format renamed"},
	"msg." + ikk.MsgBinaryCSV:      {ID: "berkas berisi data biner, bukan teks CSV", EN: "the file holds binary data, not CSV text"},
	"msg." + ikk.MsgNotSpreadsheet: {ID: "bukan lembar kerja yang dapat dibaca ikk (yang diterima: .xlsx, .csv)", EN: "not a spreadsheet ikk reads (accepted: .xlsx, .csv)"},
	"msg." + ikk.MsgFileChanged: {
		ID: "berkas berubah saat dibaca (ukuran {size} bita, kini {now_size}; diubah {modified}, kini {now_modified}); jalankan kembali setelah berkas disimpan dan ditutup",
		EN: "the file changed while it was read (size {size} bytes, now {now_size}; modified {modified}, now {now_modified}); run again once it is saved and closed"},
	"msg." + ikk.MsgWorkbookPanic: {ID: "buku kerja rusak dan tidak dapat dibaca ({detail})", EN: "the workbook is damaged and cannot be read ({detail})"},
	"msg." + ikk.MsgWorkbookBomb: {
		ID: "buku kerja mengembang melebihi {mib} MiB ({ratio} kali ukurannya); ditolak karena diduga bom zip",
		EN: "the workbook inflates beyond {mib} MiB ({ratio} times its size); it is refused as a possible zip bomb"},
	"msg." + ikk.MsgWorkbookLimit: {
		ID: "buku kerja memuat lebih banyak daripada yang mungkin dimuat survei, sehingga ditolak sebagai berkas rusak atau berkas yang dibuat untuk menghabiskan memori ({detail})",
		EN: "the workbook holds more than any survey could, so it is refused as damaged or built to exhaust memory ({detail})"},
	"msg." + ikk.MsgWorkbookDamaged: {
		ID: "buku kerja rusak atau terpotong ({detail}); buka di Excel atau LibreOffice lalu simpan kembali",
		EN: "the workbook is damaged or truncated ({detail}); open it in Excel or LibreOffice and save it again"},
	"msg." + ikk.MsgWorkbookUnreadable: {ID: "buku kerja tidak dapat dibaca: {detail}", EN: "cannot read the workbook: {detail}"},
	"msg." + ikk.MsgSheetPanic:         {ID: "lembar rusak dan tidak dapat dibaca ({detail})", EN: "the sheet is damaged and cannot be read ({detail})"},
	"msg." + ikk.MsgRowPanic:           {ID: "baris {row}: lembar rusak dan tidak dapat dibaca ({detail})", EN: "row {row}: the sheet is damaged and cannot be read ({detail})"},
	"msg." + ikk.MsgCSVTooManyFields: {
		ID: "baris teks {line}: satu baris berisi lebih dari {max} kolom (batas kolom Excel); tidak ada survei yang sebesar itu: berkas rusak atau bukan survei",
		EN: "line {line}: a row of more than {max} fields (Excel's column limit); no survey comes near that: the file is damaged or is not a survey"},
	"msg." + ikk.MsgCSVFieldTooLong: {
		ID: "baris teks {line}: satu kolom lebih panjang dari {mib} MiB; tidak ada survei yang sebesar itu: berkas rusak atau bukan survei",
		EN: "line {line}: a field longer than {mib} MiB; no survey comes near that: the file is damaged or is not a survey"},
	"msg." + ikk.MsgCSVRowTooLong: {
		ID: "baris teks {line}: satu baris lebih panjang dari {mib} MiB; tidak ada survei yang sebesar itu: berkas rusak atau bukan survei",
		EN: "line {line}: a row longer than {mib} MiB; no survey comes near that: the file is damaged or is not a survey"},
	"msg." + ikk.MsgNoSheetNamed: {ID: "tidak ada lembar bernama \"{sheet}\" (buku kerja memuat: {sheets})", EN: "no sheet named \"{sheet}\" (the workbook has: {sheets})"},
	"msg." + ikk.MsgSheetNoHeader: {
		ID: "lembar \"{sheet}\" tidak memiliki baris judul (dalam {rows} baris pertamanya) dengan kolom yang diharapkan: kode_desa, atau kecamatan dan desa, serta kolom jawaban set indikator ({answers}, ...; `ikk indicators` mencantumkan semuanya)",
		EN: "sheet \"{sheet}\" has no header row (in its first {rows} rows) with the expected columns: kode_desa, or kecamatan and desa, and the answer columns of the indicator set ({answers}, ...; `ikk indicators` lists them all)"},
	"msg." + ikk.MsgNoVisibleHeader: {
		ID: "tidak ada lembar terlihat yang memiliki baris judul (dalam {rows} baris pertamanya) dengan kolom yang diharapkan: kode_desa, atau kecamatan dan desa, serta kolom jawaban set indikator ({answers}, ...; `ikk indicators` mencantumkan semuanya)",
		EN: "no visible sheet has a header row (in its first {rows} rows) with the expected columns: kode_desa, or kecamatan and desa, and the answer columns of the indicator set ({answers}, ...; `ikk indicators` lists them all)"},
	"msg." + ikk.MsgNoHeader: {
		ID: "tidak ada lembar yang memiliki baris judul (dalam {rows} baris pertamanya) dengan kolom yang diharapkan: kode_desa, atau kecamatan dan desa, serta kolom jawaban set indikator ({answers}, ...; `ikk indicators` mencantumkan semuanya)",
		EN: "no sheet has a header row (in its first {rows} rows) with the expected columns: kode_desa, or kecamatan and desa, and the answer columns of the indicator set ({answers}, ...; `ikk indicators` lists them all)"},
	"msg." + ikk.MsgHeaderFound:      {ID: "ditemukan baris {row}: {cells}", EN: "found row {row}: {cells}"},
	"msg." + ikk.MsgHeaderFoundSheet: {ID: "ditemukan lembar \"{sheet}\" baris {row}: {cells}", EN: "found sheet \"{sheet}\" row {row}: {cells}"},
	"msg." + ikk.MsgHeaderLooksData:  {ID: "ditemukan baris {row} berisi angka sehingga tampak sebagai data: lembar tampaknya tidak memiliki baris judul", EN: "found row {row} holds numbers, so it looks like data: the sheet seems to have no header row"},
	"msg." + ikk.MsgHeaderLooksSheet: {ID: "ditemukan lembar \"{sheet}\" baris {row} berisi angka sehingga tampak sebagai data: lembar tampaknya tidak memiliki baris judul", EN: "found sheet \"{sheet}\" row {row} holds numbers, so it looks like data: the sheet seems to have no header row"},
	"msg." + ikk.MsgHiddenHasHeader: {
		ID: "lembar tersembunyi {hidden} memiliki judul tersebut: lembar tersembunyi hanya dibaca bila disebutkan, dengan --sheet {first}",
		EN: "the hidden sheet {hidden} has such a header: hidden sheets are read only when named, with --sheet {first}"},
	"msg." + ikk.MsgHeaderRow: {ID: "baris {row}: {err}", EN: "row {row}: {err}"},
	"msg." + ikk.MsgColumnsClash: {
		ID: "kolom {col} (\"{header}\") dan {col2} (\"{header2}\") sama-sama menyebut {name}; ganti nama atau hapus salah satunya",
		EN: "columns {col} (\"{header}\") and {col2} (\"{header2}\") both name {name}; rename or remove one"},
	"msg." + ikk.MsgNoHouseholds: {
		ID: "tidak ada keluarga yang dapat dinilai ({rows} baris dibaca: {rejected} ditolak, {blank} kosong); lihat masalah data",
		EN: "no household could be scored ({rows} rows read: {rejected} rejected, {blank} blank); see the data issues"},
	"msg." + ikk.MsgReplicatesTooMany: {
		ID: "{resamples} sampel ulang untuk {desa} desa/kelurahan terlalu banyak untuk disimpan bagi peringkat calon desa lokus; gunakan paling banyak --resamples {max}",
		EN: "{resamples} resamples for {desa} desa are too many to keep for the ranking of desa lokus candidates; use --resamples {max} at most",
	},
	"msg." + ikk.MsgResamples: {
		ID: "jumlah sampel ulang {resamples} di luar batas: 0 (tanpa selang) sampai {max}",
		EN: "{resamples} resamples is out of range: 0 (no intervals) to {max}"},
	"msg." + ikk.MsgOutputClash: {
		ID: "keluaran {output} akan menimpa masukan {input}; pilih nama lain",
		EN: "output {output} would replace the input {input}; choose another name"},
	"msg." + ikk.MsgOutputClashFolder: {
		ID: "keluaran {output} akan menimpa {input}, survei dalam folder masukan; pilih nama atau tempat lain",
		EN: "output {output} would replace {input}, a survey of an input folder; choose another name or place"},
	"msg." + ikk.MsgParamNotFinite: {ID: "parameter {name}: {value} bukan bilangan terhingga", EN: "parameter {name}: {value} is not a finite number"},
	"msg." + ikk.MsgParamBelowMin:  {ID: "parameter {name}: {value} di bawah batas minimumnya {min}", EN: "parameter {name}: {value} is below its minimum {min}"},
	"msg." + ikk.MsgParamAboveMax:  {ID: "parameter {name}: {value} di atas batas maksimumnya {max}", EN: "parameter {name}: {value} is above its maximum {max}"},
	"msg." + ikk.MsgUnknownParam:   {ID: "parameter \"{name}\" tidak dikenal (set {set} memiliki: {names})", EN: "unknown parameter \"{name}\" (the set {set} has: {names})"},
}
