package report

// The provenance statuses of an indicator, as every writer names them.
func init() {
	register(map[string]Text{
		"status.official":      {ID: "resmi", EN: "official"},
		"status.official-2016": {ID: "resmi 2016", EN: "official 2016"},
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
