// Package report renders an ikk.Result: one renderer per format, each a pure
// function of the result and the run's metadata, so that the same inputs
// always give the same bytes.
package report

import (
	"fmt"
	"io"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/ikk-tools/ikk/ikk"
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

// Renderer writes a result in one format.
type Renderer func(w io.Writer, r *ikk.Result, m Meta) error

var renderers = map[string]Renderer{
	"table": Table,
	"json":  JSON,
	"csv":   CSV,
	"md":    MarkdownReport,
}

// Lookup returns the renderer of a format name.
func Lookup(format string) (Renderer, bool) {
	r, ok := renderers[format]
	return r, ok
}

// Formats lists the format names, sorted.
func Formats() []string {
	var names []string
	for k := range renderers {
		names = append(names, k)
	}
	sort.Strings(names)
	return names
}

// FormatForPath decides an output format from a file name's extension.
func FormatForPath(path string) (string, error) {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".json":
		return "json", nil
	case ".csv":
		return "csv", nil
	case ".md", ".markdown":
		return "md", nil
	case ".xlsx":
		return "xlsx", nil
	}
	return "", fmt.Errorf("cannot tell the format of output %s from its extension (accepted: .xlsx, .md, .json, .csv)", path)
}
