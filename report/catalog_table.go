package report

// The words of the terminal table (and the Markdown summary) and of its
// issue lines.
func init() {
	register(map[string]Text{
		"table.rank":      {ID: "Peringkat", EN: "Rank"},
		"table.kecamatan": {ID: "Kecamatan", EN: "Kecamatan"},
		"table.desa":      {ID: "Desa/Kelurahan", EN: "Desa/Kelurahan"},
		"table.kk":        {ID: "Jumlah KK", EN: "Families"},
		"table.kk_short":  {ID: "KK", EN: "KK"},
		"table.undefined": {ID: "tidak ada keluarga yang memenuhi atau tidak memenuhi indikator mana pun pada dimensi {dimensions}",
			EN: "no household passed or failed any indicator of dimension {dimensions}"},
		"table.level_desa":      {ID: "desa", EN: "desa"},
		"table.level_rt":        {ID: "RT", EN: "RT"},
		"table.ikk":             {ID: "{index}", EN: "{index}"},
		"table.category":        {ID: "Kategori", EN: "Category"},
		"table.kabupaten":       {ID: "Kabupaten", EN: "Kabupaten"},
		"table.code":            {ID: "Kode", EN: "Code"},
		"table.level":           {ID: "Wilayah", EN: "Unit"},
		"table.level_kecamatan": {ID: "kecamatan", EN: "kecamatan"},
		"table.level_kabupaten": {ID: "kabupaten", EN: "kabupaten"},
		"table.cutoffs":         {ID: "Batas kategori", EN: "Category cut-offs"},
		"table.params":          {ID: "Parameter", EN: "Parameters"},
		"table.issues":          {ID: "Masalah data", EN: "Data issues"},
		"table.none":            {ID: "tidak ada", EN: "none"},
		"table.more":            {ID: "dan {count} lainnya; lihat --format json untuk daftar lengkap", EN: "and {count} more; see --format json for the full list"},
		"table.rows":            {ID: "{rows} baris dibaca: {scored} dinilai, {rejected} ditolak, {blank} kosong", EN: "{rows} rows read: {scored} scored, {rejected} rejected, {blank} blank"},
		"table.set":             {ID: "Set indikator", EN: "Indicator set"},
		"issue_line.sheet":      {ID: ", lembar {sheet}", EN: ", sheet {sheet}"},
		"issue_line.row":        {ID: ", baris {row}", EN: ", row {row}"},
		"issue_line.column":     {ID: ", kolom {column}", EN: ", column {column}"},
		"issue_line.value":      {ID: ", nilai {value}", EN: ", value {value}"},
	})
}
