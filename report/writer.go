package report

import (
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"strings"

	"github.com/ikk-tools/ikk/ikk"
)

// Writer is one report in one format. Every format has the same life: the
// households as they are scored (Household, which most formats ignore), the
// result once scoring is done (Finish), then the bytes (WriteTo, as often as
// there are files of the format), and Close on every path, also after a
// failure. The caller knows no format's internals: it asks NewWriter for a
// format and feeds it.
type Writer interface {
	// Household takes one scored household. It may be called from the
	// scorer's goroutines; the household is reused after the call.
	Household(h *ikk.Household)
	// Finish takes the result; it is called once, after the last household.
	Finish(r *ikk.Result) error
	// WriteTo writes the report; it may be called more than once.
	WriteTo(w io.Writer) (int64, error)
	// Close releases what the writer holds (temporary files); it may be
	// called more than once.
	Close() error
}

// format is a writer registered under a name, with the extensions of the
// files it writes.
type format struct {
	name string
	exts []string
	// households: the writer takes the households as they stream, so the
	// scorer must hand them over (which costs time and reads the name
	// column).
	households bool
	// stdout: the format may go to standard output (text, not a zip).
	stdout bool
	make   func(set *ikk.Set, m Meta) (Writer, error)
}

// formats is the registry: every format once, by name.
// The order is the order FormatForPath names the extensions in.
var formats = []format{
	{name: "xlsx", exts: []string{".xlsx"}, households: true, make: func(set *ikk.Set, m Meta) (Writer, error) {
		return NewWorkbook(set, m, m.Personal)
	}},
	{name: "md", exts: []string{".md", ".markdown"}, stdout: true, make: rendered(MarkdownReport)},
	{name: "json", exts: []string{".json"}, stdout: true, make: rendered(JSON)},
	{name: "csv", exts: []string{".csv"}, stdout: true, make: rendered(CSV)},
	{name: "table", stdout: true, make: rendered(Table)},
}

func lookupFormat(name string) (format, bool) {
	i := slices.IndexFunc(formats, func(f format) bool { return f.name == name })
	if i < 0 {
		return format{}, false
	}
	return formats[i], true
}

// NewWriter starts a writer of a format (a name of Formats, or "xlsx").
func NewWriter(name string, set *ikk.Set, m Meta) (Writer, error) {
	f, ok := lookupFormat(name)
	if !ok {
		return nil, fmt.Errorf("unknown format %q", name)
	}
	return f.make(set, m)
}

// Formats lists the formats that may go to standard output, sorted.
func Formats() []string {
	var names []string
	for _, f := range formats {
		if f.stdout {
			names = append(names, f.name)
		}
	}
	slices.Sort(names)
	return names
}

// IsFormat reports whether a format may go to standard output.
func IsFormat(name string) bool {
	f, ok := lookupFormat(name)
	return ok && f.stdout
}

// TakesHouseholds reports whether a format's writer wants the households
// as they are scored.
func TakesHouseholds(name string) bool {
	f, _ := lookupFormat(name)
	return f.households
}

// FormatForPath decides an output format from a file name's extension.
func FormatForPath(path string) (string, error) {
	ext := strings.ToLower(filepath.Ext(path))
	var accepted []string
	for _, f := range formats {
		if slices.Contains(f.exts, ext) {
			return f.name, nil
		}
		if len(f.exts) > 0 {
			accepted = append(accepted, f.exts[0])
		}
	}
	return "", &FormatError{Path: path, Accepted: accepted}
}

// FormatError is an output whose extension names no format.
type FormatError struct {
	Path     string
	Accepted []string // the extensions that name a format
}

// Error is English, for callers without a language; cmd says it from the
// catalogue (SayFormatError).
func (e *FormatError) Error() string { return SayFormatError("en", e) }

// SayFormatError writes a FormatError in lang.
func SayFormatError(lang string, e *FormatError) string {
	return Say(lang, "cli.output_format", "path", e.Path, "accepted", strings.Join(e.Accepted, ", "))
}

// Renderer writes a result in one format, all at once.
type Renderer func(w io.Writer, r *ikk.Result, m Meta) error

// rendered makes a Renderer a Writer: it ignores the households and
// renders the result when written.
func rendered(render Renderer) func(*ikk.Set, Meta) (Writer, error) {
	return func(_ *ikk.Set, m Meta) (Writer, error) { return &renderWriter{render: render, meta: m}, nil }
}

type renderWriter struct {
	render Renderer
	meta   Meta
	res    *ikk.Result
}

func (w *renderWriter) Household(*ikk.Household) {}

func (w *renderWriter) Finish(r *ikk.Result) error {
	w.res = r
	return nil
}

func (w *renderWriter) WriteTo(out io.Writer) (int64, error) {
	if w.res == nil {
		return 0, fmt.Errorf("report: WriteTo before Finish")
	}
	cw := &countingWriter{w: out}
	err := w.render(cw, w.res, w.meta)
	if err == nil {
		err = cw.err
	}
	return cw.n, err
}

func (w *renderWriter) Close() error { return nil }

// Writers are the writers of one run's outputs, one per format however many
// files of it are asked for: a second .xlsx is the same bytes, not a second
// stream of households.
type Writers struct {
	byFormat map[string]Writer
	order    []string
}

// NewWriters starts a writer for the format of every path. On error, the
// writers already started are closed.
func NewWriters(paths []string, set *ikk.Set, m Meta) (*Writers, error) {
	ws := &Writers{byFormat: map[string]Writer{}}
	for _, p := range paths {
		name, err := FormatForPath(p)
		if err != nil {
			ws.Close()
			return nil, err
		}
		if _, ok := ws.byFormat[name]; ok {
			continue
		}
		w, err := NewWriter(name, set, m)
		if err != nil {
			ws.Close()
			return nil, err
		}
		ws.byFormat[name] = w
		ws.order = append(ws.order, name)
	}
	return ws, nil
}

// OnHousehold is the function to hand the scored households to, or nil when
// no writer takes them (so that the scorer does not build them).
func (ws *Writers) OnHousehold() func(*ikk.Household) {
	var takers []Writer
	for _, name := range ws.order {
		if TakesHouseholds(name) {
			takers = append(takers, ws.byFormat[name])
		}
	}
	switch len(takers) {
	case 0:
		return nil
	case 1:
		return takers[0].Household
	}
	return func(h *ikk.Household) {
		for _, w := range takers {
			w.Household(h)
		}
	}
}

// Finish hands the result to every writer.
func (ws *Writers) Finish(r *ikk.Result) error {
	for _, name := range ws.order {
		if err := ws.byFormat[name].Finish(r); err != nil {
			return fmt.Errorf("build the %s report: %w", name, err)
		}
	}
	return nil
}

// ForPath is the writer of a path's format.
func (ws *Writers) ForPath(path string) Writer {
	name, _ := FormatForPath(path)
	return ws.byFormat[name]
}

// Close closes every writer; it may be called more than once.
func (ws *Writers) Close() error {
	var first error
	for _, name := range ws.order {
		if err := ws.byFormat[name].Close(); err != nil && first == nil {
			first = err
		}
	}
	return first
}
