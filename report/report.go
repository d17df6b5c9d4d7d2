// Package report writes an ikk.Result: one Writer per format (writer.go),
// each a function of the households, the result and the run's metadata, so
// that the same inputs always give the same bytes.
package report

import (
	"fmt"
	"github.com/ikk-tools/ikk/ikk"
	"time"
)

// Meta is what a renderer needs beyond the result.
type Meta struct {
	Lang        string // "id" (default) or "en"
	ToolVersion string
	Date        string // report date for people ("23 Maret 2026"); "" for none
	ISODate     string // the same date as YYYY-MM-DD, for document properties
	// Top, when above 0, lists only the Top best and Top weakest desa in the
	// terminal table.
	Top int
	// Personal puts full KK numbers and family names in the Excel report's
	// Keluarga sheet; by default KK numbers are masked and names left out.
	Personal bool
	// Cards are the desa the terminal shows as village cards (--desa);
	// when empty, an input of one desa is shown as its card.
	Cards []*ikk.Unit
	// Width is the terminal's width in columns, 0 when standard output is
	// no terminal: the ranked table then keeps every column as it is.
	Width int
}

var months = map[string][]string{
	"id": {"Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober", "November", "Desember"},
	"en": {"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"},
}

// LongDate writes a YYYY-MM-DD date the way the language does: "23 Maret 2023".
func LongDate(t time.Time, lang string) string {
	m, ok := months[lang]
	if !ok {
		m = months["id"]
	}
	return fmt.Sprintf("%d %s %d", t.Day(), m[t.Month()-1], t.Year())
}
