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

	"github.com/ikk-tools/ikk/ikk"
)

// Meta is what a renderer needs beyond the result.
type Meta struct {
	Lang        string // "id" (default) or "en"
	ToolVersion string
	Date        string // report date as given by the user; "" for none
}

// Renderer writes a result in one format.
type Renderer func(w io.Writer, r *ikk.Result, m Meta) error

var renderers = map[string]Renderer{
	"table": Table,
	"json":  JSON,
	"csv":   CSV,
	"md":    Markdown,
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
	}
	return "", fmt.Errorf("cannot tell the format of output %s from its extension (accepted: .json, .csv, .md)", path)
}
