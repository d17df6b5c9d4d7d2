package report

// The words of the index a set shows (index.go): the English names of the
// built-in indices, the counts a sentence writes as words, and the words
// for what only some sets have: family-first aggregation, indicators
// without an office, no lenses.
func init() {
	register(map[string]Text{
		"index.name.ikk":     {ID: "Indeks Kualitas Keluarga", EN: "Family Quality Index"},
		"index.name.ibangga": {ID: "Indeks Pembangunan Keluarga", EN: "Family Development Index"},

		// The follow-up plan's part for the indicators the set names no
		// office for (a set may name none).
		"doc.plan.summary_unassigned": {ID: "Set indikator tidak menetapkan instansi penanggung jawab bagi {indicators} indikator di bawah target {target} pada {desa} desa/kelurahan; {families} keluarga terdampak, setiap keluarga dihitung satu kali. Pemerintah kabupaten menetapkan instansi yang menindaklanjutinya.",
			EN: "The indicator set names no responsible office for {indicators} indicator(s) below the {target} target in {desa} desa; {families} families affected, each family counted once. The kabupaten decides which office follows them up."},
		"doc.plan.unassigned":       {ID: "Instansi penanggung jawab belum ditetapkan", EN: "No responsible office named"},
		"doc.plan.unassigned_sheet": {ID: "Tanpa instansi", EN: "No office"},
		// The Markdown report's note on the desa, for a set without lenses.
		"md.desa_note_plain": {ID: "Desa/kelurahan disajikan menurut kecamatan. Dimensi: {dimensions}. Capaian indikator dinyatakan dalam persen keluarga yang memenuhi.",
			EN: "Desa/kelurahan are listed by kecamatan. Dimensions: {dimensions}. Indicator achievement is the percentage of families meeting the indicator."},
		// The workbook of a family-first set, and its sheet of dimensions
		// when the set has no lenses.
		"xlsx.method_note_family": {ID: "{index} dihitung keluarga demi keluarga: skor dimensi keluarga = 100 × bobot kriteria yang dipenuhi / bobot kriteria yang dipenuhi atau tidak dipenuhi; indeks dimensi = rata-rata skor dimensi keluarga di wilayah itu; {index} = rata-rata berbobot {all_dimensions} indeks dimensi. Capaian indikator = 100 × memenuhi / (memenuhi + tidak memenuhi) menentukan permasalahan. Kategori ditentukan dari nilai yang dibulatkan dua desimal.", EN: "The {index} is computed family first: a family's dimension score = 100 × weight of the criteria it meets / weight of those it meets or fails; dimension index = mean of the families' dimension scores in the area; {index} = weighted mean of the {all_dimensions} dimension indices. Indicator achievement = 100 × pass / (pass + fail) decides the problems. Categories are decided on the value rounded to two decimals."},
		"xlsx.dimensi_only":       {ID: "Dimensi", EN: "Dimensions"},

		"count.2":  {ID: "dua", EN: "two"},
		"count.3":  {ID: "tiga", EN: "three"},
		"count.4":  {ID: "empat", EN: "four"},
		"count.5":  {ID: "lima", EN: "five"},
		"count.6":  {ID: "enam", EN: "six"},
		"count.7":  {ID: "tujuh", EN: "seven"},
		"count.8":  {ID: "delapan", EN: "eight"},
		"count.9":  {ID: "sembilan", EN: "nine"},
		"count.10": {ID: "sepuluh", EN: "ten"},

		"count_all.2":  {ID: "kedua", EN: "two"},
		"count_all.3":  {ID: "ketiga", EN: "three"},
		"count_all.4":  {ID: "keempat", EN: "four"},
		"count_all.5":  {ID: "kelima", EN: "five"},
		"count_all.6":  {ID: "keenam", EN: "six"},
		"count_all.7":  {ID: "ketujuh", EN: "seven"},
		"count_all.8":  {ID: "kedelapan", EN: "eight"},
		"count_all.9":  {ID: "kesembilan", EN: "nine"},
		"count_all.10": {ID: "kesepuluh", EN: "ten"},
	})
}
