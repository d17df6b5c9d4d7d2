package report

// The words of the forms ikk form writes from an indicator set: the group
// and answer words of the XLSForm and XForm, the sheets, instructions,
// input messages and warnings of the Excel template, and the command's own
// errors. Question labels and code labels are the set's, not these.

func init() {
	register(formTexts)
	register(formTemplateTexts)
	register(formCLITexts)
}

var formTexts = map[string]Text{
	"form.group_identity":  {ID: "Identitas keluarga", EN: "Family identification"},
	"form.group_family":    {ID: "Susunan keluarga", EN: "Family composition"},
	"form.group_dimension": {ID: "Dimensi {id}: {label}", EN: "Dimension {id}: {label}"},
	"form.group_other":     {ID: "Pertanyaan lain", EN: "Other questions"},
	"form.yes":             {ID: "Ya", EN: "Yes"},
	"form.no":              {ID: "Tidak", EN: "No"},
	"form.male":            {ID: "Laki-laki", EN: "Male"},
	"form.female":          {ID: "Perempuan", EN: "Female"},
	"form.hint_part": {
		ID: "Bagian dari indikator {questions}",
		EN: "Part of indicator {questions}"},
	"form.hint_dont_know": {
		ID: "Isikan {codes} bila tidak tahu.",
		EN: "Enter {codes} for don't know."},
	"form.hint_village_code": {
		ID: "Kode desa/kelurahan Kemendagri, 10 digit, misalnya 63.09.06.2004.",
		EN: "The Kemendagri code of the desa or kelurahan, 10 digits, e.g. 63.09.06.2004."},
	"form.hint_village_pick": {
		ID: "Pilih desa/kelurahan dari daftar wilayah Kemendagri.",
		EN: "Choose the desa or kelurahan from the Kemendagri register."},
	"form.constraint_whole_min": {
		ID: "Isikan bilangan bulat {min} atau lebih.",
		EN: "Enter a whole number of {min} or more."},
	"form.constraint_whole_max": {
		ID: "Isikan bilangan bulat paling banyak {max}.",
		EN: "Enter a whole number of at most {max}."},
	"form.constraint_whole_range": {
		ID: "Isikan bilangan bulat dari {min} sampai {max}.",
		EN: "Enter a whole number from {min} to {max}."},
	"form.constraint_number_min": {
		ID: "Isikan angka {min} atau lebih.",
		EN: "Enter a number of {min} or more."},
	"form.constraint_number_max": {
		ID: "Isikan angka paling banyak {max}.",
		EN: "Enter a number of at most {max}."},
	"form.constraint_number_range": {
		ID: "Isikan angka dari {min} sampai {max}.",
		EN: "Enter a number from {min} to {max}."},
	"form.constraint_decimals": {
		ID: "Paling banyak dua angka di belakang koma.",
		EN: "At most two decimals."},
	"form.constraint_whole":  {ID: "Isikan bilangan bulat.", EN: "Enter a whole number."},
	"form.constraint_number": {ID: "Isikan angka.", EN: "Enter a number."},
	"form.constraint_village_code": {
		ID: "Tuliskan kode desa seperti 63.09.06.2004 (10 digit, dengan atau tanpa titik).",
		EN: "Write the village code as 63.09.06.2004 (10 digits, with or without the dots)."},
	"form.constraint_kk": {
		ID: "Nomor KK terdiri atas 16 digit.",
		EN: "A KK number has 16 digits."},
}

var formTemplateTexts = map[string]Text{
	"form.sheet_data":  {ID: "Data", EN: "Data"},
	"form.sheet_guide": {ID: "Petunjuk", EN: "Instructions"},
	"form.sheet_codes": {ID: "Kode", EN: "Codes"},

	"form.guide_title": {ID: "Templat isian survei keluarga: {name}", EN: "Family survey entry template: {name}"},
	"form.guide_set": {
		ID: "Set indikator {id} versi {version} ({count} indikator, sha256 {sha}). Judul kolom lembar Data adalah nama kolom yang dibaca ikk score.",
		EN: "Indicator set {id} version {version} ({count} indicators, sha256 {sha}). The column headers of the Data sheet are the names ikk score reads."},
	"form.guide_step_rows": {
		ID: "Isikan satu baris untuk setiap keluarga pada lembar {sheet}, mulai baris 3. Jangan mengubah, menghapus, atau memindahkan baris judul (baris 2): ikk score mengenali kolom dari judulnya.",
		EN: "Fill in one row per family on the {sheet} sheet, from row 3 on. Do not change, delete or move the header row (row 2): ikk score knows the columns by their headers."},
	"form.guide_step_lists": {
		ID: "Pilih jawaban dari daftar (tanda panah pada sel). Untuk kolom berkode, ikk juga membaca kodenya saja (misalnya 2) atau labelnya; setiap daftar tercantum pada lembar {sheet}.",
		EN: "Choose answers from the lists (the arrow in the cell). For coded columns ikk also reads the code alone (e.g. 2) or its label; every list stands on the {sheet} sheet."},
	"form.guide_step_area": {
		ID: "Desa/kelurahan, kecamatan, dan kabupaten dipilih dari daftar wilayah Kemendagri untuk {area} (lembar {sheet}); pilih kode desa yang sesuai dengan nama desanya.",
		EN: "The desa or kelurahan, kecamatan and kabupaten are chosen from the Kemendagri register for {area} (the {sheet} sheet); choose the village code that goes with the village's name."},
	"form.guide_step_applies": {
		ID: "Pertanyaan yang tidak berlaku bagi keluarga (lihat kolom Ditanyakan bila) dibiarkan kosong; ikk menilai indikatornya tidak berlaku.",
		EN: "Leave blank the questions that do not apply to the family (see the column Asked when); ikk assesses their indicators as not applicable."},
	"form.guide_step_numbers": {
		ID: "Tuliskan jumlah dan luas sebagai angka. Nomor KK, kode desa, dan RT berformat teks agar digitnya tidak berubah.",
		EN: "Write counts and areas as numbers. KK numbers, village codes and RT are formatted as text so that no digit is lost."},
	"form.guide_step_score": {
		ID: "Setelah terisi, hitung IKK dengan: ikk score NAMA-BERKAS.xlsx",
		EN: "Once filled in, compute the IKK with: ikk score FILE-NAME.xlsx"},
	"form.guide_paper": {
		ID: "Daftar pertanyaan (dapat dicetak pada kertas A4 sebagai formulir isian satu keluarga)",
		EN: "The questions (prints on A4 paper as the form of one family)"},
	"form.guide_no":       {ID: "No", EN: "No"},
	"form.guide_column":   {ID: "Kolom", EN: "Column"},
	"form.guide_question": {ID: "Pertanyaan", EN: "Question"},
	"form.guide_answers":  {ID: "Isian yang diterima", EN: "Accepted answers"},
	"form.guide_applies":  {ID: "Ditanyakan bila", EN: "Asked when"},
	"form.guide_required": {ID: "Wajib", EN: "Required"},
	"form.guide_answer":   {ID: "Jawaban", EN: "Answer"},

	"form.answer_yesno": {ID: "Pilih {yes} atau {no}.", EN: "Choose {yes} or {no}."},
	"form.answer_sex":   {ID: "Pilih Laki-laki atau Perempuan (L atau P juga dibaca).", EN: "Choose Laki-laki (male) or Perempuan (female); L or P are read too."},
	"form.answer_code":  {ID: "Pilih dari daftar: kode {codes} (lembar {sheet}).", EN: "Choose from the list: codes {codes} (the {sheet} sheet)."},
	"form.answer_area":  {ID: "Pilih dari daftar wilayah {area}.", EN: "Choose from the register's list for {area}."},
	"form.answer_text":  {ID: "Teks.", EN: "Text."},
	"form.answer_village_code": {
		ID: "Kode 10 digit, misalnya 63.09.06.2004; cari kodenya dengan ikk areas NAMA-DESA, atau buat templat berisi daftar desa dengan ikk form template --kabupaten KODE.",
		EN: "A 10-digit code, e.g. 63.09.06.2004; look it up with ikk areas VILLAGE-NAME, or make a template listing the villages with ikk form template --kabupaten CODE."},
	"form.answer_rupiah": {
		ID: "Dalam rupiah, misalnya 2500000 (2.500.000, 750rb, dan 2,5 juta juga dibaca).",
		EN: "In rupiah, e.g. 2500000 (2.500.000, 750rb and 2,5 juta are read too)."},
	"form.answer_m2": {ID: "Dalam meter persegi, misalnya 36 atau 36,5.", EN: "In square metres, e.g. 36 or 36.5."},

	"form.error_title": {ID: "Periksa isian", EN: "Check the entry"},
	"form.error_list": {
		ID: "Isian ini tidak ada dalam daftar. ikk score melaporkan isian yang tidak dapat dibacanya sebagai tidak sah.",
		EN: "This entry is not in the list. ikk score reports what it cannot read as invalid."},
	"form.error_code": {
		ID: "Isian ini tidak ada dalam daftar. ikk score juga membaca kodenya saja ({example}) atau labelnya ({label}); isian lain dilaporkan sebagai tidak sah.",
		EN: "This entry is not in the list. ikk score also reads the code alone ({example}) or its label ({label}); anything else is reported as invalid."},
	"form.error_number": {
		ID: "Isian lain dilaporkan oleh ikk score sebagai tidak sah.",
		EN: "ikk score reports other entries as invalid."},

	"form.codes_title": {ID: "Daftar kode dan pilihan jawaban", EN: "Codes and answer lists"},
	"form.codes_code":  {ID: "Kode", EN: "Code"},
	"form.codes_label": {ID: "Label", EN: "Label"},
	"form.codes_entry": {ID: "Isian pada lembar Data", EN: "Entry on the Data sheet"},
	"form.codes_name":  {ID: "Nama", EN: "Name"},
	"form.codes_shared": {
		ID: "{list}: dipakai oleh {count} kolom",
		EN: "{list}: used by {count} columns"},
	"form.codes_kabupaten":         {ID: "Kabupaten/kota", EN: "Kabupaten or kota"},
	"form.codes_kecamatan":         {ID: "Kecamatan di {area}", EN: "The kecamatan of {area}"},
	"form.codes_villages":          {ID: "Desa dan kelurahan di {area} ({source})", EN: "The desa and kelurahan of {area} ({source})"},
	"form.codes_register":          {ID: "daftar wilayah Kemendagri", EN: "the Kemendagri register"},
	"form.codes_village_code":      {ID: "Kode desa (isian kode_desa)", EN: "Village code (kode_desa entry)"},
	"form.codes_village_name":      {ID: "Nama (isian desa)", EN: "Name (desa entry)"},
	"form.codes_village_kecamatan": {ID: "Kecamatan", EN: "Kecamatan"},
}

var formCLITexts = map[string]Text{
	"form.err_need_kind": {
		ID: "sebutkan jenis formulir: ikk form template, ikk form xlsform, atau ikk form xform",
		EN: "say which form to write: ikk form template, ikk form xlsform or ikk form xform"},
	"form.err_bad_kind": {
		ID: "{kind} bukan jenis formulir; jenisnya: template (.xlsx untuk Excel), xlsform (.xlsx untuk KoboToolbox dan ODK), xform (.xml untuk ODK)",
		EN: "{kind} is no kind of form; the kinds are: template (.xlsx for Excel), xlsform (.xlsx for KoboToolbox and ODK), xform (.xml for ODK)"},
	"form.err_need_output": {
		ID: "sebutkan berkas yang ditulis dengan -o, misalnya -o {example}",
		EN: "name the file to write with -o, e.g. -o {example}"},
	"form.err_bad_ext": {
		ID: "formulir {kind} ditulis ke berkas .{ext}, bukan {file}",
		EN: "the {kind} form is written to a .{ext} file, not to {file}"},
	"form.err_kabupaten": {
		ID: "--kabupaten {code}: bukan kode kabupaten/kota dalam daftar wilayah Kemendagri (misalnya 63.09; cari dengan: ikk areas NAMA)",
		EN: "--kabupaten {code}: no kabupaten or kota code of the Kemendagri register (e.g. 63.09; look it up with: ikk areas NAME)"},
	"form.err_no_villages": {
		ID: "--kabupaten {code}: daftar wilayah tidak memuat desa/kelurahan untuk {name}",
		EN: "--kabupaten {code}: the register holds no desa or kelurahan for {name}"},
	"form.wrote": {
		ID: "{kind} ditulis: {file} ({size}; {questions} pertanyaan, {indicators} indikator{villages})",
		EN: "{kind} written: {file} ({size}; {questions} questions, {indicators} indicators{villages})"},
	"form.wrote_villages": {
		ID: ", {count} desa/kelurahan di {area}",
		EN: ", {count} desa and kelurahan of {area}"},
}
