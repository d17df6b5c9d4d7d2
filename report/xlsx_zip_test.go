package report

import (
	"archive/zip"
	"bytes"
	"io"
	"os"
	"strings"
	"testing"
)

// TestOrderedZip: streamed parts come out in the order given, whatever the
// order excelize writes them in, with their content, before the other
// parts; no spool file is left.
func TestOrderedZip(t *testing.T) {
	order := []string{"s8", "s9", "s10"}
	for _, arrival := range [][]string{{"s8", "s9", "s10"}, {"s10", "s9", "s8"}, {"s9", "s8", "s10"}, {"s10", "s8"}} {
		dir := t.TempDir()
		var buf bytes.Buffer
		zw := newOrderedZip(&buf, dir, order)
		for _, name := range append(arrival, "b", "a") {
			w, err := zw.Create(name)
			if err != nil {
				t.Fatal(err)
			}
			io.WriteString(w, "content of "+name)
		}
		if err := zw.Close(); err != nil {
			t.Fatal(err)
		}
		zr, err := zip.NewReader(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, f := range zr.File {
			rc, _ := f.Open()
			data, _ := io.ReadAll(rc)
			rc.Close()
			if string(data) != "content of "+f.Name {
				t.Errorf("%s holds %q", f.Name, data)
			}
			got = append(got, f.Name)
		}
		want := "s8 s9 s10 b a"
		if len(arrival) == 2 {
			want = "s8 s10 b a" // s9 never came
		}
		if strings.Join(got, " ") != want {
			t.Errorf("arrival %v: parts %v, want %s", arrival, got, want)
		}
		if left, _ := os.ReadDir(dir); len(left) != 0 {
			t.Errorf("spool files left: %v", left)
		}
	}
}
