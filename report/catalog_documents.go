package report

// The words of the documents an office signs, prints and sends: the annex
// (lampiran) of the Keputusan Bupati and the follow-up plan (rencana tindak
// lanjut). The Indonesian is the formal language of a decree: no tool
// names, no versions in the body (they go to a small note), cut-offs in
// mathematical notation.
func init() {
	register(map[string]Text{
		// The annex's heading, as the legal section types it.
		"doc.annex.lampiran":  {ID: "LAMPIRAN", EN: "ANNEX"},
		"doc.annex.keputusan": {ID: "KEPUTUSAN {jabatan}", EN: "TO THE DECREE OF THE {jabatan}"},
		"doc.annex.nomor":     {ID: "NOMOR", EN: "NUMBER"},
		"doc.annex.tanggal":   {ID: "TANGGAL", EN: "DATE"},
		"doc.annex.tentang":   {ID: "TENTANG", EN: "ON"},
		"doc.annex.title1":    {ID: "HASIL PENGUKURAN {INDEX_NAME} ({index})", EN: "RESULTS OF THE {INDEX_NAME} ({index}) ASSESSMENT"},
		"doc.annex.title2":    {ID: "DESA/KELURAHAN DI KABUPATEN {kabupaten}", EN: "DESA/KELURAHAN OF KABUPATEN {kabupaten}"},
		"doc.annex.year":      {ID: "TAHUN {year}", EN: "YEAR {year}"},
		"doc.annex.bupati":    {ID: "BUPATI {kabupaten}", EN: "REGENT OF {kabupaten}"},
		// The annex's table.
		"doc.annex.no":        {ID: "No", EN: "No"},
		"doc.annex.rank":      {ID: "Peringkat", EN: "Rank"},
		"doc.annex.code":      {ID: "Kode Desa", EN: "Desa code"},
		"doc.annex.kecamatan": {ID: "Kecamatan", EN: "Kecamatan"},
		"doc.annex.desa":      {ID: "Desa/Kelurahan", EN: "Desa/Kelurahan"},
		"doc.annex.kk":        {ID: "Jumlah KK", EN: "Families"},
		"doc.annex.ikk":       {ID: "{index}", EN: "{index}"},
		"doc.annex.category":  {ID: "Kategori", EN: "Category"},
		"doc.annex.note":      {ID: "Keterangan", EN: "Remarks"},
		"doc.annex.lokus":     {ID: "Desa lokus", EN: "Pilot desa"},
		"doc.annex.subtotal":  {ID: "Jumlah Kecamatan {kecamatan}", EN: "Kecamatan {kecamatan} total"},
		"doc.annex.total":     {ID: "Jumlah Kabupaten {kabupaten}", EN: "Kabupaten {kabupaten} total"},
		// The legend and notes under the table.
		"doc.annex.legend": {ID: "Kategori {index} ditetapkan berdasarkan nilai {index} yang dibulatkan menjadi dua desimal:",
			EN: "The {index} category follows the {index} value rounded to two decimals:"},
		"doc.annex.legend_first": {ID: "{id} = {label}: {index} {hi} {max}", EN: "{id} = {label}: {index} {hi} {max}"},
		"doc.annex.legend_mid":   {ID: "{id} = {label}: {min} {lo} {index} {hi} {max}", EN: "{id} = {label}: {min} {lo} {index} {hi} {max}"},
		"doc.annex.legend_last":  {ID: "{id} = {label}: {index} {lo} {min}", EN: "{id} = {label}: {index} {lo} {min}"},
		"doc.annex.legend_only":  {ID: "{id} = {label}", EN: "{id} = {label}"},
		"doc.annex.method": {ID: "{index} dihitung dari pendataan keluarga dengan {indicators} indikator dalam {dimensions} dimensi.",
			EN: "The {index} is computed from a family survey with {indicators} indicators in {dimensions} dimensions."},
		"doc.annex.lokus_note": {ID: "Desa lokus: {list}.", EN: "Pilot desa: {list}."},
		"doc.annex.lokus_one":  {ID: "Desa {desa}, Kecamatan {kecamatan}", EN: "Desa {desa}, Kecamatan {kecamatan}"},
		"doc.annex.and":        {ID: "; dan ", EN: "; and "},
		// Provenance, in small print after the signature: the legal section
		// and an auditor can trace the numbers, the decree's body is not
		// about a tool.
		"doc.provenance": {ID: "Diolah dengan aplikasi ikk menggunakan daftar indikator \"{set}\" versi {version}.",
			EN: "Computed with the ikk application using the indicator list \"{set}\" version {version}."},

		// The follow-up plan.
		"doc.plan.title": {ID: "RENCANA TINDAK LANJUT HASIL PENGUKURAN {INDEX_NAME}",
			EN: "FOLLOW-UP PLAN FOR THE {INDEX_NAME} RESULTS"},
		"doc.plan.kab": {ID: "KABUPATEN {kabupaten}", EN: "KABUPATEN {kabupaten}"},
		"doc.plan.summary": {ID: "{office} menindaklanjuti {indicators} indikator di bawah target {target} pada {desa} desa/kelurahan; {families} keluarga terdampak, setiap keluarga dihitung satu kali.",
			EN: "{office} follows up {indicators} indicator(s) below the {target} target in {desa} desa; {families} families affected, each family counted once."},
		"doc.plan.actions_head":    {ID: "A. Rencana kegiatan per indikator", EN: "A. Activities by indicator"},
		"doc.plan.desa_head":       {ID: "B. Desa/kelurahan sasaran", EN: "B. Desa to reach"},
		"doc.plan.indicator":       {ID: "Indikator", EN: "Indicator"},
		"doc.plan.desa_count":      {ID: "Jumlah Desa/Kel.", EN: "Desa"},
		"doc.plan.fail":            {ID: "KK tidak memenuhi", EN: "Families not meeting it"},
		"doc.plan.no":              {ID: "No", EN: "No"},
		"doc.plan.code":            {ID: "Kode Desa", EN: "Desa code"},
		"doc.plan.desa":            {ID: "Desa/Kelurahan", EN: "Desa/Kelurahan"},
		"doc.plan.kecamatan":       {ID: "Kecamatan", EN: "Kecamatan"},
		"doc.plan.kk":              {ID: "Jumlah KK", EN: "Families"},
		"doc.plan.affected":        {ID: "KK terdampak", EN: "Families affected"},
		"doc.plan.problem":         {ID: "{percent} ({families})", EN: "{percent} ({families})"},
		"doc.plan.kegiatan":        {ID: "Kegiatan", EN: "Activity"},
		"doc.plan.target_kegiatan": {ID: "Target Kegiatan", EN: "Activity target"},
		"doc.plan.anggaran":        {ID: "Sumber Anggaran", EN: "Budget source"},
		"doc.plan.waktu":           {ID: "Waktu", EN: "Timing"},
		"doc.plan.affected_note": {ID: "Kolom indikator: capaian (%) di desa/kelurahan itu dan, dalam kurung, jumlah KK yang tidak memenuhinya; tanda – bila indikator telah mencapai target {target} di sana. KK terdampak: keluarga yang tidak memenuhi sekurang-kurangnya satu indikator pada baris itu, setiap keluarga dihitung satu kali; satu keluarga dapat tercantum pada lebih dari satu indikator.",
			EN: "Indicator columns: the achievement (%) in that desa and, in brackets, the families not meeting it; a dash where the indicator meets the {target} target there. Families affected: families not meeting at least one indicator of the row, each family counted once; a family may appear under more than one indicator."},
		"doc.plan.fill": {ID: "Kolom Kegiatan, Target Kegiatan, Sumber Anggaran, dan Waktu diisi oleh perangkat daerah; desa/kelurahan sasaran setiap indikator tercantum pada tabel B.",
			EN: "The Activity, Activity target, Budget source and Timing columns are for the office to fill in; the desa of each indicator are listed in table B."},
		"doc.plan.none": {ID: "Tidak ada indikator yang dinilai berada di bawah target pada desa/kelurahan yang dipilih; indikator yang tidak dijawab satu keluarga pun tidak dinilai.", EN: "No assessed indicator is below target in the chosen desa; an indicator that no family answered is not assessed."},
		// What a command wrote, on stderr.
		"doc.wrote":       {ID: "ikk: berkas {file} ditulis ({size})", EN: "ikk: wrote {file} ({size})"},
		"doc.plan.sheet":  {ID: "Rencana", EN: "Plan"},
		"doc.annex.sheet": {ID: "Lampiran", EN: "Annex"},
	})
}
