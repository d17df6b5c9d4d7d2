package report

// The words of the index a set shows (index.go): the English names of the
// built-in indices and the counts a sentence writes as words.
func init() {
	register(map[string]Text{
		"index.name.ikk":     {ID: "Indeks Kualitas Keluarga", EN: "Family Quality Index"},
		"index.name.ibangga": {ID: "Indeks Pembangunan Keluarga", EN: "Family Development Index"},

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
