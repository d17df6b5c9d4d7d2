package cmd

import (
	"testing"
	"time"

	"github.com/ikk-tools/ikk/ikk"
)

// TestProgressIntervals: once the inputs are read, the progress line says
// how far the intervals have come, in desa.
func TestProgressIntervals(t *testing.T) {
	pr := ikk.Progress{Families: 300000, Done: 1, Resampling: true, Resampled: 120, Desa: 300}
	for lang, want := range map[string]string{
		"id": "menghitung selang 95%: 120 dari 300 desa",
		"en": "computing the 95% intervals: 120 of 300 desa",
	} {
		if got := progressLine(pr, 3*time.Second, lang); got != want {
			t.Errorf("%s: %q, want %q", lang, got, want)
		}
	}
}
