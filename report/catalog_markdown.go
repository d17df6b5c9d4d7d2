package report

// The words of the Markdown report (score -o report.md). Column headers the
// Excel report or the terminal table already name the same way are theirs
// (xlsx.*, table.*); what is the report's own is here, in the order the
// report reads. Running text takes its numbers as parameters, formatted by
// the report in its language.
func init() {
	register(map[string]Text{
		// Title and scope.
		"md.title":       {ID: "Laporan {index_name} ({index})", EN: "{index_name} ({index}) Report"},
		"md.title_where": {ID: "Laporan {index_name} ({index}) {where}", EN: "{index_name} ({index}) Report, {where}"},
		"md.scope": {ID: "Laporan ini menyajikan hasil penilaian {index_full} atas {desa} desa/kelurahan di {kecamatan} kecamatan, berdasarkan {families} keluarga (KK) yang dinilai dari {rows} baris data survei rumah tangga.",
			EN: "This report presents the {index_full} of {desa} desa/kelurahan in {kecamatan} kecamatan, from {families} families (KK) scored out of {rows} rows of household survey data."},
		"md.scope_set": {ID: "Set indikator: {set} versi {version} ({name}).", EN: "Indicator set: {set} version {version} ({name})."},
		"md.date":      {ID: "Tanggal laporan: {date}", EN: "Report date: {date}"},
		"md.contents": {ID: "Isi: 1. Ringkasan; 2. Hasil per Desa; 3. Rencana Tindak Lanjut; 4. Masalah Data; 5. Metodologi.",
			EN: "Contents: 1. Summary; 2. Results by desa; 3. Follow-up plan (rencana tindak lanjut); 4. Data issues; 5. Methodology."},

		// 1. Summary.
		"md.summary": {ID: "1. Ringkasan", EN: "1. Summary"},
		"md.ranking": {ID: "Peringkat desa/kelurahan", EN: "Ranking of desa/kelurahan"},
		"md.ranking_note": {ID: "Desa/kelurahan diurutkan menurut nilai {index}, dari yang tertinggi; bila nilainya sama, desa dengan jumlah KK lebih banyak didahulukan. Desa/kelurahan yang {index}-nya tidak dapat dihitung tercantum di akhir tanpa peringkat.",
			EN: "Desa/kelurahan are ordered by {index}, highest first; equal values go to the one with more families. Those whose {index} cannot be computed come last, unranked."},
		"md.kk":             {ID: "Jumlah KK", EN: "Families (KK)"},
		"md.areas":          {ID: "Kecamatan dan kabupaten", EN: "Kecamatan and kabupaten"},
		"md.area":           {ID: "Wilayah", EN: "Area"},
		"md.desa_count":     {ID: "Jumlah desa", EN: "Number of desa"},
		"md.undefined":      {ID: "{index} {area} tidak dapat dihitung: {reason}.", EN: "The {index} of {area} cannot be computed: {reason}."},
		"md.undefined_list": {ID: "Wilayah yang {index}-nya tidak dapat dihitung:", EN: "Areas whose {index} cannot be computed:"},
		"md.notes":          {ID: "Keterangan:", EN: "Notes:"},
		"md.cutoffs":        {ID: "Batas kategori: {cutoffs}.", EN: "Category cut-offs: {cutoffs}."},
		"md.rounding":       {ID: "Kategori ditentukan dari nilai {index} yang dibulatkan ke dua desimal.", EN: "The category is decided on the {index} rounded to two decimals."},
		"md.target": {ID: "Target capaian setiap indikator: {target}; indikator di bawah target adalah permasalahan desa.",
			EN: "Target achievement of each indicator: {target}; an indicator below target is a permasalahan (problem) of the desa."},

		// 2. Results by desa.
		"md.desa": {ID: "2. Hasil per Desa", EN: "2. Results by desa"},
		"md.desa_note": {ID: "Desa/kelurahan disajikan menurut kecamatan. Dimensi: {dimensions}. Capaian indikator dan lensa dinyatakan dalam persen keluarga yang memenuhi.",
			EN: "Desa/kelurahan are listed by kecamatan. Dimensions: {dimensions}. Indicator achievement and lenses are percentages of families meeting the indicator."},
		"md.no_code":       {ID: "tidak tercatat", EN: "not recorded"},
		"md.desa_scored":   {ID: "Kode wilayah {code}. Keluarga dinilai: {families} KK.", EN: "Area code {code}. Families scored: {families} KK."},
		"md.desa_ikk_cat":  {ID: "{index} {ikk}, kategori {id} ({label}).", EN: "{index} {ikk}, category {id} ({label})."},
		"md.desa_ikk":      {ID: "{index} {ikk}.", EN: "{index} {ikk}."},
		"md.desa_undef":    {ID: "{index} tidak dapat dihitung: {reason}.", EN: "The {index} cannot be computed: {reason}."},
		"md.index":         {ID: "Indeks", EN: "Index"},
		"md.functions":     {ID: "Fungsi keluarga: {functions}.", EN: "Family functions: {functions}."},
		"md.gender_by_sex": {ID: "(kepala keluarga laki-laki, {male} KK: {male_lens}; perempuan, {female} KK: {female_lens})", EN: "(male head of family, {male} KK: {male_lens}; female, {female} KK: {female_lens})"},
		"md.category_kk":   {ID: "kategori {id}: {families} KK", EN: "category {id}: {families} KK"},
		"md.incomplete_kk": {ID: "tidak lengkap (tanpa skor): {families} KK", EN: "incomplete (no score): {families} KK"},
		"md.by_category":   {ID: "Keluarga menurut kategori: {categories}.", EN: "Families by category: {categories}."},
		"md.mean_score":    {ID: "Rata-rata skor keluarga lengkap: {mean}.", EN: "Mean score of complete families: {mean}."},
		"md.no_problems": {ID: "Tidak ada permasalahan: tidak ada indikator dengan capaian di bawah target {target}.",
			EN: "No permasalahan: no indicator is below the target of {target}."},
		"md.problems": {ID: "Permasalahan (indikator dengan capaian di bawah target {target}):", EN: "Permasalahan (indicators below the target of {target}):"},

		// 3. Follow-up plan.
		"md.plan": {ID: "3. Rencana Tindak Lanjut", EN: "3. Follow-up plan (rencana tindak lanjut)"},
		"md.plan_none": {ID: "Tidak ada permasalahan: tidak ada indikator desa dengan capaian di bawah target {target}, sehingga tidak ada tindak lanjut yang diusulkan.",
			EN: "No permasalahan: no indicator of any desa is below the target of {target}, so no follow-up is proposed."},
		"md.plan_note": {ID: "Permasalahan seluruh desa/kelurahan dikelompokkan menurut instansi penanggung jawab. Indikator yang menjadi tanggung jawab beberapa instansi tercantum pada setiap instansi tersebut. KK terdampak suatu instansi adalah keluarga yang tidak memenuhi sekurang-kurangnya satu indikator instansi itu yang di bawah target, setiap keluarga dihitung satu kali; pada tabel, KK terdampak adalah keluarga yang tidak memenuhi indikator itu di desa itu, sehingga satu keluarga dapat tercantum pada lebih dari satu baris. Setiap instansi melengkapi Kegiatan, Target, Sumber Anggaran, dan Waktu pelaksanaan pada kolom yang tersedia di laporan Excel.",
			EN: "The permasalahan of every desa/kelurahan are grouped by responsible office. An indicator that is the responsibility of several offices appears under each of them. An office's families affected are the families failing at least one of its indicators below target, each family counted once; in the table, families affected are those failing that indicator in that desa, so a family can appear on more than one row. Each office fills in the activity (Kegiatan), target, budget source (Sumber Anggaran) and timing (Waktu) in the columns the Excel report provides."},
		"md.plan_office": {ID: "Mencakup {indicators} di {desa} desa/kelurahan, dengan {families} (setiap keluarga dihitung satu kali).",
			EN: "Covers {indicators} in {desa} desa/kelurahan, with {families} (each family counted once)."},
		"md.indicators_one":  {ID: "{count} indikator", EN: "{count} indicator"},
		"md.indicators_many": {ID: "{count} indikator", EN: "{count} indicators"},
		"md.families_one":    {ID: "{count} KK terdampak", EN: "{count} family affected"},
		"md.families_many":   {ID: "{count} KK terdampak", EN: "{count} families affected"},

		// 4. Data issues.
		"md.issues": {ID: "4. Masalah Data", EN: "4. Data issues"},
		"md.rows_note": {ID: "Setiap baris data survei berakhir pada tepat satu keadaan: dinilai, ditolak (dengan alasan yang tercatat), atau kosong (semua sel kosong). Jumlah baris dibaca sama dengan jumlah baris dinilai, ditolak, dan kosong.",
			EN: "Every survey data row ends in exactly one state: scored, rejected (with a recorded reason) or blank (every cell empty). Rows read equal rows scored, rejected and blank."},
		"md.total":        {ID: "Jumlah", EN: "Total"},
		"md.no_issues":    {ID: "Tidak ada masalah data.", EN: "No data issues."},
		"md.issue_counts": {ID: "Jumlah masalah data: {count}, menurut jenisnya:", EN: "Data issues: {count}, by kind:"},
		"md.meaning":      {ID: "Keterangan", EN: "Meaning"},
		"md.count":        {ID: "Jumlah", EN: "Count"},
		"md.column_cell":  {ID: "Kolom (sel)", EN: "Column (cell)"},
		"md.issues_shown": {ID: "Tabel di atas memuat {shown} masalah pertama dari {total}.", EN: "The table shows the first {shown} of {total} issues."},
		"md.issues_full": {ID: "Daftar lengkap, dengan penjelasan dan nilai yang diterima untuk setiap masalah, tercantum dalam laporan Excel dan keluaran JSON (--format json). Nomor KK ditampilkan tersamar.",
			EN: "The full list, with an explanation and the accepted values for each issue, is in the Excel report and the JSON output (--format json). KK numbers are shown masked."},

		// 5. Methodology.
		"md.method": {ID: "5. Metodologi", EN: "5. Methodology"},
		"md.method_indicators": {ID: "Nilai {index} dihitung dengan pendekatan indikator terlebih dahulu (indicator-first). Untuk setiap wilayah, capaian suatu indikator adalah persentase keluarga yang memenuhi indikator di antara keluarga yang memenuhi atau tidak memenuhinya. Keluarga yang indikatornya tidak berlaku (misalnya keluarga tanpa anak), jawabannya kosong, atau jawabannya tidak sah tidak dihitung untuk indikator tersebut; jawaban kosong tidak pernah dihitung sebagai tidak memenuhi.",
			EN: "{index} values are computed indicator first. For each area, the achievement of an indicator is the percentage of families meeting it among the families that meet it or not. Families for which the indicator does not apply (for example families without children), or whose answer is blank or invalid, are not counted for that indicator; a blank answer never counts as not meeting it."},
		"md.method_dimensions": {ID: "Indeks dimensi adalah rata-rata tertimbang capaian indikator dalam dimensi tersebut (bobot indikator pada tabel di bawah). {index} adalah rata-rata tertimbang {dimensions} indeks dimensi dengan bobot {weights}. Bila satu dimensi tidak memiliki data, {index} tidak dihitung dan laporan menyebutkan dimensi tersebut.",
			EN: "A dimension index is the weighted mean of the achievements of its indicators (indicator weights in the table below). The {index} is the weighted mean of the {dimensions} dimension indices, with weights {weights}. When a dimension has no data the {index} is not computed, and the report names that dimension."},
		"md.method_categories": {ID: "Kategori: {cutoffs}. Kategori ditentukan dari nilai yang dibulatkan ke dua desimal (setengah ke atas), sehingga nilai yang tercetak selalu sesuai dengan kategorinya. Seluruh perhitungan memakai nilai tanpa pembulatan; pembulatan hanya untuk tampilan.",
			EN: "Categories: {cutoffs}. The category is decided on the value rounded to two decimals (half up), so a printed value always matches its category. All arithmetic uses unrounded values; rounding is for display only."},
		"md.method_families": {ID: "Skor keluarga dihitung dengan cara yang sama pada tingkat keluarga: indikator yang dipenuhi bernilai 100 dan yang tidak dipenuhi bernilai 0, dirata-ratakan per dimensi lalu antardimensi dengan bobot yang sama. Keluarga dinyatakan lengkap bila sekurang-kurangnya {percent}% indikator yang berlaku baginya terjawab sah (min_answered_share = {share}); keluarga yang tidak lengkap tidak diberi skor dan kategori keluarga, tetapi jawabannya tetap dihitung dalam capaian indikator. {index} wilayah selalu dihitung dari capaian indikator, bukan dari rata-rata skor keluarga.",
			EN: "Family scores are computed the same way for each family: 100 for an indicator met and 0 for one not met, averaged within each dimension and then across dimensions with the same weights. A family is complete when at least {percent}% of the indicators that apply to it have a valid answer (min_answered_share = {share}); incomplete families get no score and no family category, but their answers still count in the indicator achievements. The {index} of an area is always computed from the indicator achievements, not from the mean family score."},
		"md.method_lenses": {ID: "Lensa fungsi keluarga, responsif gender, dan pemenuhan hak anak adalah rata-rata sederhana capaian indikator yang diberi tanda lensa tersebut; lensa tidak memengaruhi {index}. Lensa responsif gender juga dihitung menurut jenis kelamin kepala keluarga. Permasalahan suatu desa adalah indikator dengan capaian di bawah target {target}, diurutkan dari capaian terendah.",
			EN: "The lenses (family functions, gender responsiveness, child rights) are plain means of the achievements of the indicators tagged with them; they do not enter the {index}. The gender lens is also computed by sex of the head of family. The permasalahan of a desa are its indicators below the target of {target}, lowest first."},
		// The same, for a set that aggregates family first (iBangga) and
		// for one without lenses.
		"md.method_indicators_family": {ID: "Nilai {index} dihitung dengan pendekatan keluarga terlebih dahulu (family-first), sebagaimana indeks ini didefinisikan. Untuk setiap keluarga dan setiap dimensi, skor dimensi keluarga adalah persentase kriteria dimensi itu yang dipenuhi keluarga (dengan bobot indikator pada tabel di bawah), di antara kriteria yang berlaku baginya dan terjawab sah. Kriteria yang tidak berlaku bagi keluarga (misalnya akta kelahiran anak bagi keluarga tanpa anak), jawabannya kosong, atau jawabannya tidak sah tidak dihitung; jawaban kosong tidak pernah dihitung sebagai tidak memenuhi.",
			EN: "{index} values are computed family first, as the index is defined. For each family and dimension, the family's dimension score is the percentage of the dimension's criteria the family meets (weighted as in the table below), among those that apply to it and have a valid answer. Criteria that do not apply to the family (for example children's birth certificates for a family without children), or whose answer is blank or invalid, are not counted; a blank answer never counts as not meeting it."},
		"md.method_dimensions_family": {ID: "Indeks dimensi suatu wilayah adalah rata-rata skor dimensi keluarga di wilayah itu, atas keluarga yang memiliki skor pada dimensi tersebut. {index} adalah rata-rata tertimbang {dimensions} indeks dimensi dengan bobot {weights}. Bila satu dimensi tidak memiliki data, {index} tidak dihitung dan laporan menyebutkan dimensi tersebut. Capaian indikator suatu wilayah (persentase keluarga yang memenuhi di antara keluarga yang memenuhi atau tidak memenuhinya) tetap disajikan dan menentukan permasalahan.",
			EN: "The dimension index of an area is the mean of its families' dimension scores, over the families with a score in that dimension. The {index} is the weighted mean of the {dimensions} dimension indices, with weights {weights}. When a dimension has no data the {index} is not computed, and the report names that dimension. An area's indicator achievements (the percentage of families meeting an indicator among those meeting it or not) are still shown, and decide the permasalahan."},
		"md.method_families_family": {ID: "Skor keluarga adalah rata-rata tertimbang skor dimensi keluarga itu. Keluarga dinyatakan lengkap bila sekurang-kurangnya {percent}% indikator yang berlaku baginya terjawab sah (min_answered_share = {share}); keluarga yang tidak lengkap tidak diberi skor dan kategori keluarga, tetapi skor dimensinya tetap dihitung dalam indeks dimensi wilayahnya.",
			EN: "A family's score is the weighted mean of its dimension scores. A family is complete when at least {percent}% of the indicators that apply to it have a valid answer (min_answered_share = {share}); incomplete families get no score and no family category, but their dimension scores still count in the dimension indices of their area."},
		"md.method_problems": {ID: "Permasalahan suatu desa adalah indikator dengan capaian di bawah target {target}, diurutkan dari capaian terendah.",
			EN: "The permasalahan of a desa are its indicators below the target of {target}, lowest first."},
		"md.description": {ID: "Keterangan", EN: "Description"},
		"md.rules_note": {ID: "Aturan menyatakan kapan keluarga memenuhi indikator; kolom Berlaku menyebut syarat keluarga yang dinilai (lihat tabel syarat di bawah). Asal menyebut status dan sumber setiap indikator.",
			EN: "The rule says when a family meets the indicator; Applies names the condition a family must meet to be assessed (see the table of conditions below). Source gives the status and origin of each indicator."},
		"md.applies":    {ID: "Berlaku", EN: "Applies"},
		"md.origin":     {ID: "Asal", EN: "Source"},
		"md.all":        {ID: "semua", EN: "all"},
		"md.condition":  {ID: "Syarat", EN: "Condition"},
		"md.files":      {ID: "Berkas dan versi", EN: "Files and versions"},
		"md.input_file": {ID: "Berkas masukan", EN: "Input file"},
		"md.header_row": {ID: "Baris judul", EN: "Header row"},
		"md.unknown":    {ID: "tidak diketahui", EN: "unknown"},
		"md.set_source": {ID: "Set indikator: {set} versi {version} ({name}), dari {source}.", EN: "Indicator set: {set} version {version} ({name}), from {source}."},
		"md.set_sha":    {ID: "SHA-256 set indikator: {sha}", EN: "SHA-256 of the indicator set: {sha}"},
		"md.made_with":  {ID: "Dibuat dengan ikk versi {version}.", EN: "Made with ikk version {version}."},
	})
}

// The provenance statuses of an indicator, as every writer names them.
func init() {
	register(map[string]Text{
		"status.official":      {ID: "resmi", EN: "official"},
		"status.official-2016": {ID: "resmi 2016", EN: "official 2016"},
		"status.confirmed":     {ID: "terkonfirmasi", EN: "confirmed"},
		"status.proposed":      {ID: "usulan", EN: "proposed"},
		"status.reconstructed": {ID: "rekonstruksi", EN: "reconstructed"},
	})
}

// StatusWords names a provenance status in lang; an unknown one is written
// as declared in the indicator set.
func StatusWords(lang, status string) string {
	if _, ok := LookupText("status." + status); ok {
		return Say(lang, "status."+status)
	}
	return status
}
