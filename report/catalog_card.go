package report

// The words of the village card (card.go).
func init() {
	register(map[string]Text{
		"card.title":                {ID: "Desa {desa} ({code}), Kecamatan {kecamatan}, Kabupaten {kabupaten}", EN: "Desa {desa} ({code}), Kecamatan {kecamatan}, Kabupaten {kabupaten}"},
		"card.families":             {ID: "Keluarga dinilai: {scored} (tidak lengkap: {incomplete})", EN: "Families scored: {scored} (incomplete: {incomplete})"},
		"card.ikk":                  {ID: "{index} {ikk}: kategori {category}", EN: "{index} {ikk}: category {category}"},
		"card.ikk_none":             {ID: "{index} tidak dapat dihitung: {reason}", EN: "The {index} cannot be computed: {reason}"},
		"card.cutoffs":              {ID: "Batas kategori: {cutoffs}", EN: "Category cut-offs: {cutoffs}"},
		"card.dimensions":           {ID: "Indeks dimensi (tanda | pada batang: target {target})", EN: "Dimension indices (the | on each bar: the {target} target)"},
		"card.lenses":               {ID: "Fungsi keluarga dan lensa", EN: "Family functions and lenses"},
		"card.by_sex":               {ID: "{lens}: KK laki-laki {male} keluarga, {male_lens}; KK perempuan {female} keluarga, {female_lens}", EN: "{lens}: male head {male} families, {male_lens}; female head {female} families, {female_lens}"},
		"card.reached":              {ID: "≥ target", EN: "≥ target"},
		"card.below":                {ID: "< target", EN: "< target"},
		"card.no_value":             {ID: "tanpa nilai", EN: "no value"},
		"card.by_category":          {ID: "Keluarga per kategori: {list}", EN: "Families by category: {list}"},
		"card.category_kk":          {ID: "{category} {families}", EN: "{category} {families}"},
		"card.incomplete_kk":        {ID: "tidak lengkap {families}", EN: "incomplete {families}"},
		"card.problems":             {ID: "Permasalahan: {count} indikator di bawah target {target}%, terlemah lebih dahulu", EN: "Permasalahan: {count} indicator(s) below the {target}% target, weakest first"},
		"card.problem":              {ID: "capaian {percent}% · {families} KK tidak memenuhi · {offices}", EN: "achievement {percent}% · {families} families not meeting it · {offices}"},
		"card.no_problems":          {ID: "Permasalahan: tidak ada; setiap indikator mencapai target {target}%", EN: "Permasalahan: none; every indicator reaches the {target}% target"},
		"card.no_problems_assessed": {ID: "Permasalahan: tidak ada indikator yang dinilai berada di bawah target {target}%", EN: "Permasalahan: no assessed indicator is below the {target}% target"},
		"card.unassessed":           {ID: "{count} indikator tidak dapat dinilai karena tidak ada keluarga yang menjawabnya; indikator itu belum tentu mencapai target", EN: "{count} indicator(s) cannot be assessed because no family answered them; they have not necessarily reached the target"},
		"card.whole_input":          {ID: "Jumlah baris dan masalah data di bawah ini mencakup seluruh masukan ({desa} desa/kelurahan), tidak hanya desa pada kartu di atas.", EN: "The row counts and data issues below cover the whole input ({desa} desa), not only the desa of the cards above."},
		"card.quality":              {ID: "Mutu data: indikator dengan jawaban tidak terisi atau tidak sah pada {share}% keluarga atau lebih", EN: "Data quality: indicators with missing or invalid answers for {share}% of families or more"},
		"card.quality_line":         {ID: "{indicator}: tidak terisi {missing}% (di antaranya tidak tahu {dont_know}%), tidak sah {invalid}%", EN: "{indicator}: missing {missing}% (of which don't know {dont_know}%), invalid {invalid}%"},
		"card.quality_good":         {ID: "Mutu data: pada setiap indikator, jawaban yang tidak terisi atau tidak sah kurang dari {share}% keluarga yang dicakupnya", EN: "Data quality: every indicator has missing or invalid answers for less than {share}% of the families it applies to"},
		"card.builtin":              {ID: "bawaan: {name}", EN: "built in: {name}"},
		"card.set":                  {ID: "{name} versi {version}", EN: "{name} version {version}"},
	})
}
