package report

import (
	"bytes"
	"testing"

	"github.com/ikk-tools/ikk/ikk"
)

// render writes a result through the writer of a format, as cmd does.
func render(t *testing.T, format string, res *ikk.Result, m Meta) []byte {
	t.Helper()
	w, err := NewWriter(format, res.Set, m)
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	if err := w.Finish(res); err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	n, err := w.WriteTo(&buf)
	if err != nil {
		t.Fatal(err)
	}
	if n != int64(buf.Len()) {
		t.Errorf("%s: WriteTo counted %d bytes, wrote %d", format, n, buf.Len())
	}
	return buf.Bytes()
}

// TestRegistry: every format named once, every extension of one format,
// and only the text formats may go to standard output.
func TestRegistry(t *testing.T) {
	names, exts := map[string]bool{}, map[string]string{}
	for _, f := range formats {
		if names[f.name] {
			t.Errorf("format %s registered twice", f.name)
		}
		names[f.name] = true
		for _, e := range f.exts {
			if other, dup := exts[e]; dup {
				t.Errorf("extension %s of both %s and %s", e, other, f.name)
			}
			exts[e] = f.name
		}
	}
	for _, tt := range []struct {
		name             string
		stdout, streamed bool
	}{{"table", true, false}, {"json", true, false}, {"csv", true, false}, {"md", true, false}, {"xlsx", false, true}, {"pdf", false, false}} {
		if IsFormat(tt.name) != tt.stdout || TakesHouseholds(tt.name) != tt.streamed {
			t.Errorf("%s: stdout %v, households %v; want %v, %v", tt.name, IsFormat(tt.name), TakesHouseholds(tt.name), tt.stdout, tt.streamed)
		}
	}
}

// TestWritersOnePerFormat: two files of one format share a writer, and no
// writer that takes households means none are built.
func TestWritersOnePerFormat(t *testing.T) {
	set := defaultSet(t)
	ws, err := NewWriters([]string{"a.json", "b.JSON", "c.md"}, set, Meta{})
	if err != nil {
		t.Fatal(err)
	}
	defer ws.Close()
	if len(ws.order) != 2 || ws.ForPath("a.json") != ws.ForPath("b.JSON") {
		t.Errorf("writers %v", ws.order)
	}
	if ws.OnHousehold() != nil {
		t.Error("households asked for with no workbook")
	}
	if _, err := NewWriters([]string{"a.json", "e.pdf"}, set, Meta{}); err == nil {
		t.Error("e.pdf accepted")
	}
}
