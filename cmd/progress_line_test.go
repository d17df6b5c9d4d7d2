package cmd

import (
	"bytes"
	"io"
	"runtime"
	"strings"
	"testing"
)

// TestRedrawLineFallback: without escapes each line overwrites the last with
// spaces up to the previous line's width, and clearing leaves the cursor at
// the start of an empty line.
func TestRedrawLineFallback(t *testing.T) {
	var buf bytes.Buffer
	w := &statusLine{w: &buf} // a console without escapes
	steps := []struct {
		line string
		want string
	}{
		{"ikk: 1.000 keluarga", "\rikk: 1.000 keluarga"},
		{"ikk: 12.000 keluarga, sisa 3s", "\rikk: 12.000 keluarga, sisa 3s"},
		{"ikk: 13.000 keluarga", "\rikk: 13.000 keluarga" + strings.Repeat(" ", 9)},
		{"ikk: 13.500 keluarga", "\rikk: 13.500 keluarga"},
		{"ikk: é", "\rikk: é" + strings.Repeat(" ", 14)}, // width in characters, not bytes
		{"", "\r" + strings.Repeat(" ", 6) + "\r"},
		{"", "\r"},
	}
	var out io.Writer = w
	for i, s := range steps {
		buf.Reset()
		out = redrawLine(out, s.line)
		if got := buf.String(); got != s.want {
			t.Errorf("step %d %q: wrote %q, want %q", i, s.line, got, s.want)
		}
	}
	if out != io.Writer(w) {
		t.Errorf("redrawLine made a new line state instead of keeping the first")
	}
}

func TestRedrawLineEscapes(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("a buffer is no console on Windows: the fallback applies")
	}
	var buf bytes.Buffer
	w := redrawLine(&buf, "ikk: 12.000 keluarga")
	w = redrawLine(w, "ikk: 1")
	redrawLine(w, "")
	if got, want := buf.String(), "\r\033[Kikk: 12.000 keluarga\r\033[Kikk: 1\r\033[K"; got != want {
		t.Errorf("wrote %q, want %q", got, want)
	}
}
