package report

// The words of the units' intervals (interval.go, the card, the workbook
// and the Markdown report).
func init() {
	register(map[string]Text{
		"card.interval": {
			ID: "Selang 95%: {interval} ({resamples} sampel ulang); kategori lain pada {share}% sampel ulang",
			EN: "95% interval: {interval} ({resamples} resamples); another category in {share}% of them"},
		"card.dimension_intervals": {ID: "Selang 95% dimensi: {list}", EN: "95% intervals of the dimensions: {list}"},
		"interval.few_families": {
			ID: "Perhatian: nilai ini bertumpu pada {families} keluarga saja (kurang dari {min}); beberapa keluarga dapat menggeser nilai dan kategorinya.",
			EN: "Caution: these figures rest on only {families} families (fewer than {min}); a few families can move the value and its category."},
		"interval.few_families_undefined": {
			ID: "Perhatian: hanya {families} keluarga yang dinilai (kurang dari {min}).",
			EN: "Caution: only {families} families were scored (fewer than {min})."},
		"interval.thin_indicators": {
			ID: "Perhatian: {count} indikator dinilai pada kurang dari {min} keluarga (memenuhi atau tidak memenuhi): {list}; capaiannya bertumpu pada sedikit keluarga.",
			EN: "Caution: {count} indicator(s) assessed for fewer than {min} families (meeting it or not): {list}; their achievements rest on few families."},
		"table.interval":       {ID: "Selang 95%", EN: "95% interval"},
		"table.other_category": {ID: "Kategori lain", EN: "Other category"},
		"table.flags":          {ID: "Catatan", EN: "Notes"},
		"md.desa_interval":     {ID: "Selang 95%: {interval}; kategori lain pada {share}% sampel ulang.", EN: "95% interval: {interval}; another category in {share}% of the resamples."},
		"md.interval_note": {
			ID: "Selang 95% diperoleh dengan mengambil ulang keluarga tiap desa secara acak ({resamples} sampel ulang, bootstrap); selang tidak mengubah nilai dan kategori yang dicetak. Kategori lain: bagian sampel ulang yang nilai indeksnya jatuh pada kategori lain. Catatan \"sedikit KK\": kurang dari {few} keluarga; \"indikator tipis\": indikator yang dinilai pada kurang dari {thin} keluarga.",
			EN: "The 95% intervals come from resampling each desa's families at random ({resamples} resamples, bootstrap); an interval never changes the printed value or category. Other category: the share of resamples whose index falls in another category. Note \"few families\": fewer than {few} families; \"thin indicators\": indicators assessed for fewer than {thin} families."},
		"xlsx.interval_low":    {ID: "Batas bawah selang 95%", EN: "95% interval, lower bound"},
		"xlsx.interval_high":   {ID: "Batas atas selang 95%", EN: "95% interval, upper bound"},
		"xlsx.other_category":  {ID: "Kategori lain (% sampel ulang)", EN: "Other category (% of resamples)"},
		"xlsx.interval_flags":  {ID: "Catatan selang", EN: "Interval notes"},
		"xlsx.interval_method": {ID: "Selang 95%", EN: "95% intervals"},
		"xlsx.interval_method_text": {
			ID: "bootstrap berlapis per desa: {resamples} sampel ulang keluarga tiap desa, benih tetap \"{seed}\" dan kode desa; batas bawah dan atas = persentil 2,5 dan 97,5; sedikit KK = kurang dari {few} keluarga; indikator tipis = dinilai pada kurang dari {thin} keluarga; selang tidak mengubah nilai dan kategori",
			EN: "bootstrap stratified by desa: {resamples} resamples of each desa's families, fixed seed \"{seed}\" and the desa's code; lower and upper bound = 2.5th and 97.5th percentiles; few families = fewer than {few}; thin indicator = assessed for fewer than {thin} families; an interval never changes the value or category"},
		"interval.and_more":   {ID: "{list} dan {more} lainnya", EN: "{list} and {more} more"},
		"interval.more_short": {ID: "{list} (+{more})", EN: "{list} (+{more})"},
		"interval.few_short":  {ID: "sedikit KK", EN: "few families"},
		"interval.thin_short": {ID: "indikator tipis: {list}", EN: "thin indicators: {list}"},
	})
}
