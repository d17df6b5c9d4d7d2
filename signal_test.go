//go:build unix

package main

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/ikk-tools/ikk/internal/surveygen"
)

// TestSignalsLeaveNothing interrupts a long run writing an Excel report with
// each of the signals a user or a system sends: the run ends with exit 1 and
// its message, no output and no temporary file is left, neither beside the
// outputs nor in the temporary folder.
func TestSignalsLeaveNothing(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary and scores 300,000 families")
	}
	dir := t.TempDir()
	bin := filepath.Join(dir, "ikk")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	survey := filepath.Join(dir, "survei.csv")
	f, err := os.Create(survey)
	if err != nil {
		t.Fatal(err)
	}
	if err := surveygen.Generate(f, surveygen.Config{Seed: 7, Households: 300000, Kecamatan: 5, Desa: 60}); err != nil {
		t.Fatal(err)
	}
	f.Close()
	// Early, the families are being scored and the Keluarga sheet streamed
	// to excelize's temporary file; late, the workbook is being assembled
	// and written.
	for i, tc := range []struct {
		sig   syscall.Signal
		after time.Duration
	}{
		{syscall.SIGINT, 1500 * time.Millisecond},
		{syscall.SIGTERM, 1500 * time.Millisecond},
		{syscall.SIGHUP, 1500 * time.Millisecond},
		{syscall.SIGTERM, 6 * time.Second},
	} {
		sig := tc.sig
		t.Run(sig.String()+" after "+tc.after.String(), func(t *testing.T) {
			out, tmp := filepath.Join(dir, fmt.Sprint("out-", i)), filepath.Join(dir, fmt.Sprint("tmp-", i))
			for _, d := range []string{out, tmp} {
				if err := os.Mkdir(d, 0o755); err != nil {
					t.Fatal(err)
				}
			}
			c := exec.Command(bin, "score", survey, "-o", filepath.Join(out, "laporan.xlsx"), "-o", filepath.Join(out, "hasil.json"))
			c.Env = append(os.Environ(), "TMPDIR="+tmp, "IKK_LANG=en")
			var stderr bytes.Buffer
			c.Stderr = &stderr
			if err := c.Start(); err != nil {
				t.Fatal(err)
			}
			time.Sleep(tc.after)
			if err := c.Process.Signal(sig); err != nil {
				t.Fatal(err)
			}
			err := c.Wait()
			var ee *exec.ExitError
			if !errors.As(err, &ee) || ee.ExitCode() != 1 {
				t.Fatalf("exit %v, want status 1; stderr:\n%s", err, stderr.String())
			}
			if !strings.Contains(stderr.String(), "interrupted; no output written") {
				t.Errorf("stderr lacks the interruption:\n%s", stderr.String())
			}
			for _, d := range []string{out, tmp} {
				entries, _ := os.ReadDir(d)
				for _, e := range entries {
					t.Errorf("left behind: %s", filepath.Join(filepath.Base(d), e.Name()))
				}
			}
		})
	}
}
