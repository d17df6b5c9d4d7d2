package report

// The words of the lists of families each office visits (ikk tindaklanjut
// --sasaran): a cover sheet saying what the lists are, how they were drawn
// up and, when they name families, the rule of UU No. 27 Tahun 2022; then a
// sheet per office. The office prints its sheet and walks it desa by desa.
func init() {
	register(map[string]Text{
		"doc.sasaran.title":    {ID: "DAFTAR KELUARGA SASARAN TINDAK LANJUT", EN: "FAMILIES TO VISIT IN THE FOLLOW-UP"},
		"doc.sasaran.subtitle": {ID: "HASIL PENGUKURAN {INDEX_NAME}", EN: "OF THE {INDEX_NAME} ASSESSMENT"},
		"doc.sasaran.date":     {ID: "Tanggal: {date}", EN: "Date: {date}"},
		"doc.sasaran.cover":    {ID: "Sampul", EN: "Cover"},
		"doc.sasaran.what": {ID: "Daftar ini memuat, untuk setiap instansi dalam rencana tindak lanjut, keluarga yang perlu dikunjungi: satu lembar per instansi, diurutkan menurut kecamatan, desa/kelurahan, dan RT untuk kunjungan dari rumah ke rumah.",
			EN: "This workbook lists, for each office of the follow-up plan, the families it should visit: one sheet per office, sorted by kecamatan, desa and RT for a round from door to door."},
		"doc.sasaran.how": {ID: "Suatu keluarga tercantum pada daftar suatu instansi bila keluarga itu tidak memenuhi sekurang-kurangnya satu indikator instansi tersebut yang capaiannya di desa/kelurahan keluarga itu berada di bawah target {target}, yaitu permasalahan yang diberikan kepada instansi itu dalam rencana tindak lanjut. Indikator yang telah mencapai target di desa/kelurahan keluarga tidak dihitung, dan jawaban yang kosong atau tidak sah tidak dihitung sebagai tidak memenuhi. Jumlah keluarga pada setiap lembar sama dengan jumlah KK terdampak pada rencana tindak lanjut.",
			EN: "A family is on an office's list when it fails at least one of the office's indicators whose achievement in the family's desa is below the target of {target}: the permasalahan the follow-up plan gives that office. An indicator that meets the target in the family's desa does not count, and a blank or invalid answer is not counted as failing. The families on each sheet are the plan's families affected for that office."},
		"doc.sasaran.masked": {ID: "Daftar ini tidak memuat nama kepala keluarga, dan nomor KK disamarkan (enam angka pertama dan empat angka terakhir), cukup untuk dicocokkan dengan kartu keluarga saat kunjungan. Daftar ini hanya digunakan untuk tindak lanjut dan tidak dilampirkan pada laporan atau keputusan.",
			EN: "The list holds no names of heads of family, and the KK numbers are masked (the first six and the last four digits), enough to match a family card on a visit. It is used for the follow-up only, never attached to a report or a decree."},
		"doc.sasaran.personal_head": {ID: "PERHATIAN: DAFTAR INI MEMUAT DATA PRIBADI", EN: "NOTICE: THIS LIST HOLDS PERSONAL DATA"},
		"doc.sasaran.personal_law": {ID: "Nama kepala keluarga dan nomor kartu keluarga (KK) dalam daftar ini adalah data pribadi yang dilindungi Undang-Undang Nomor 27 Tahun 2022 tentang Pelindungan Data Pribadi. Setiap pemegang daftar ini wajib mematuhi ketentuan berikut.",
			EN: "The names of heads of family and the family card (KK) numbers in this list are personal data protected by Undang-Undang Nomor 27 Tahun 2022 on Personal Data Protection. Whoever holds this list must keep to the following."},
		"doc.sasaran.personal_purpose": {ID: "1. Pembatasan tujuan: daftar ini hanya digunakan untuk kunjungan tindak lanjut hasil pengukuran {index} kepada keluarga yang tercantum; tidak digunakan untuk tujuan lain, tidak diumumkan, dan tidak dilampirkan pada laporan atau keputusan.",
			EN: "1. Purpose limitation: the list is used only for the follow-up visits of the {index} assessment to the families listed; it is not used for any other purpose, not published, and not attached to a report or a decree."},
		"doc.sasaran.personal_holders": {ID: "2. Pemegang daftar: hanya petugas instansi yang namanya tercantum pada lembar itu dan kader yang ditugaskan untuk kunjungan; setiap instansi menerima lembarnya sendiri, dan daftar ini tidak diteruskan kepada pihak lain.",
			EN: "2. Who may hold it: only the staff of the office named on the sheet and the cadres assigned to the visits; each office receives its own sheet, and the list is not passed on to anyone else."},
		"doc.sasaran.personal_destroy": {ID: "3. Penyimpanan dan pemusnahan: berkas dan cetakannya disimpan di tempat yang aman selama kunjungan, lalu dimusnahkan (berkas dihapus, cetakan dihancurkan) setelah tindak lanjut selesai.",
			EN: "3. Keeping and destruction: the file and its printouts are kept in a safe place during the visits, then destroyed (the file deleted, the printouts shredded) once the follow-up is done."},
		"doc.sasaran.offices_head": {ID: "Daftar per instansi:", EN: "Lists by office:"},
		"doc.sasaran.no":           {ID: "No", EN: "No"},
		"doc.sasaran.office":       {ID: "Instansi", EN: "Office"},
		"doc.sasaran.sheet":        {ID: "Lembar", EN: "Sheet"},
		"doc.sasaran.indicators":   {ID: "Indikator di bawah target", EN: "Indicators below target"},
		"doc.sasaran.desa_count":   {ID: "Jumlah Desa/Kel.", EN: "Desa"},
		"doc.sasaran.families":     {ID: "Jumlah Keluarga", EN: "Families"},
		"doc.sasaran.listed": {ID: "Satu keluarga dapat tercantum pada daftar beberapa instansi: {listed} keluarga tercantum pada sekurang-kurangnya satu daftar, dari {scored} keluarga yang dinilai.",
			EN: "A family may be on the lists of several offices: {listed} families are on at least one list, of {scored} families assessed."},
		"doc.sasaran.none": {ID: "Tidak ada indikator yang berada di bawah target pada desa/kelurahan yang dipilih; tidak ada keluarga yang perlu dikunjungi.",
			EN: "No indicator is below target in the chosen desa; there is no family to visit."},
		// An office's sheet.
		"doc.sasaran.summary": {ID: "{office}: {families} keluarga di {desa} desa/kelurahan tidak memenuhi sekurang-kurangnya satu indikator instansi ini yang berada di bawah target {target} di desa/kelurahannya. Diurutkan menurut kecamatan, desa/kelurahan, dan RT.",
			EN: "{office}: {families} families in {desa} desa fail at least one of the office's indicators that are below the target of {target} in their desa. Sorted by kecamatan, desa and RT."},
		"doc.sasaran.summary_none": {ID: "{office}: tidak ada indikator instansi ini yang berada di bawah target {target} pada desa/kelurahan yang dipilih; tidak ada keluarga yang perlu dikunjungi.",
			EN: "{office}: none of the office's indicators is below the target of {target} in the chosen desa; there is no family to visit."},
		"doc.sasaran.kecamatan": {ID: "Kecamatan", EN: "Kecamatan"},
		"doc.sasaran.desa":      {ID: "Desa/Kelurahan", EN: "Desa/Kelurahan"},
		"doc.sasaran.code":      {ID: "Kode Desa", EN: "Desa code"},
		"doc.sasaran.rt":        {ID: "RT", EN: "RT"},
		"doc.sasaran.kk":        {ID: "Nomor KK", EN: "KK number"},
		"doc.sasaran.name":      {ID: "Nama Kepala Keluarga", EN: "Head of family"},
		"doc.sasaran.fails":     {ID: "Indikator yang tidak dipenuhi", EN: "Indicators failed"},
		"doc.sasaran.count":     {ID: "Jumlah", EN: "Count"},
		"doc.sasaran.visit":     {ID: "Keterangan Kunjungan", EN: "Visit notes"},
		"doc.sasaran.group": {ID: "{kind} {desa} ({code}), Kecamatan {kecamatan}: {families} keluarga; indikator di bawah target: {indicators}",
			EN: "{kind} {desa} ({code}), Kecamatan {kecamatan}: {families} families; indicators below target: {indicators}"},
		"doc.sasaran.fill": {ID: "Jumlah: banyaknya indikator instansi ini yang tidak dipenuhi keluarga. Kolom Keterangan Kunjungan diisi oleh petugas saat kunjungan (tanggal dan hasilnya).",
			EN: "Count: how many of the office's indicators the family fails. The Visit notes column is for the visitor to fill in (date and outcome)."},
		// The printed page's header and footer (Excel codes: &P the page,
		// &N the pages).
		"doc.sasaran.page":            {ID: "Halaman &P dari &N", EN: "Page &P of &N"},
		"doc.sasaran.header_personal": {ID: "DATA PRIBADI (UU No. 27 Tahun 2022): hanya untuk kunjungan tindak lanjut; musnahkan setelah digunakan", EN: "PERSONAL DATA (UU No. 27 Tahun 2022): for the follow-up visits only; destroy after use"},
		"doc.sasaran.props_title":     {ID: "Daftar Keluarga Sasaran Tindak Lanjut", EN: "Families to visit in the follow-up"},
		// The command line.
		"cli.sasaran_xlsx":     {ID: "--sasaran menulis buku kerja Excel: -o {file} harus berakhiran .xlsx, misalnya -o sasaran.xlsx", EN: "--sasaran writes an Excel workbook: -o {file} must end in .xlsx, e.g. -o sasaran.xlsx"},
		"cli.sasaran_only":     {ID: "--{flag} hanya berlaku bersama --sasaran (daftar keluarga sasaran); rencana tindak lanjut tidak memuat data keluarga", EN: "--{flag} works only with --sasaran (the lists of families to visit); the follow-up plan holds no family data"},
		"cli.sasaran_too_long": {ID: "daftar {office} memuat {families} keluarga, lebih dari yang dapat dimuat satu lembar Excel (1.048.576 baris); batasi desa/kelurahannya dengan --desa", EN: "the list of {office} holds {families} families, more than one Excel sheet holds (1,048,576 rows); choose fewer desa with --desa"},
		"cli.bad_kantor":       {ID: "--kantor: {err}", EN: "--kantor: {err}"},
	})
}
