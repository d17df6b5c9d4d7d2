package report

import (
	"context"
	"errors"
	"io"
	"os"
	"path/filepath"
	"sync/atomic"
	"testing"
	"time"

	"github.com/ikk-tools/ikk/ikk"
)

// streamedHouseholds are enough households for excelize to move the
// Keluarga sheet from memory to a temporary file (past 16 MiB).
const streamedHouseholds = 9000

// newTempWorkbook starts a workbook whose temporary folder is made in a
// folder of the test, with the Keluarga sheet spilled to a file there.
func newTempWorkbook(t *testing.T) (wb *Workbook, parent string) {
	t.Helper()
	set := defaultSet(t)
	parent = t.TempDir()
	wb, err := NewWorkbook(set, Meta{Lang: "id"}, false, WithTempDir(parent))
	if err != nil {
		t.Fatal(err)
	}
	for i := range streamedHouseholds {
		wb.Household(syntheticHousehold(set, i))
	}
	if wb.err != nil {
		t.Fatal(wb.err)
	}
	if filepath.Dir(wb.tmpDir) != parent {
		t.Fatalf("temporary folder %s is not in %s", wb.tmpDir, parent)
	}
	if files := filesUnder(t, wb.tmpDir); len(files) == 0 {
		t.Fatal("excelize kept no temporary file in the workbook's folder")
	}
	return wb, parent
}

// filesUnder lists the files under dir, or nothing when dir is gone.
func filesUnder(t *testing.T, dir string) []string {
	t.Helper()
	var files []string
	err := filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() {
			files = append(files, path)
		}
		return nil
	})
	if err != nil && !errors.Is(err, os.ErrNotExist) {
		t.Fatal(err)
	}
	return files
}

func assertGone(t *testing.T, wb *Workbook, parent string) {
	t.Helper()
	if _, err := os.Stat(wb.tmpDir); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("the temporary folder is still there (%v): %q", err, filesUnder(t, wb.tmpDir))
	}
	if left, _ := os.ReadDir(parent); len(left) != 0 {
		t.Errorf("left in the parent folder: %v", left)
	}
}

func smallResult(t *testing.T) *ikk.Result {
	t.Helper()
	res, err := ikk.Score(context.Background(), defaultSet(t), []string{"../testdata/handworked/survey.csv"}, ikk.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return res
}

// TestWorkbookCloseRemovesTempFiles: excelize's temporary files are in the
// workbook's own folder, which Close removes; a second Close is harmless.
func TestWorkbookCloseRemovesTempFiles(t *testing.T) {
	wb, parent := newTempWorkbook(t)
	if err := wb.Finish(smallResult(t)); err != nil {
		t.Fatal(err)
	}
	if _, err := wb.WriteTo(io.Discard); err != nil {
		t.Fatal(err)
	}
	if err := wb.Close(); err != nil {
		t.Fatal(err)
	}
	assertGone(t, wb, parent)
	if err := wb.Close(); err != nil {
		t.Errorf("second Close: %v", err)
	}
	wb.Household(syntheticHousehold(defaultSet(t), 0)) // no-op, no panic
	if err := wb.Finish(smallResult(t)); err == nil {
		t.Error("Finish after Close succeeded")
	}
}

// TestWorkbookDefaultTempDir: without WithTempDir the folder is made in the
// system's temporary folder, and goes with Close all the same.
func TestWorkbookDefaultTempDir(t *testing.T) {
	t.Setenv("TMPDIR", t.TempDir())
	wb, err := NewWorkbook(defaultSet(t), Meta{}, false)
	if err != nil {
		t.Fatal(err)
	}
	if filepath.Dir(wb.tmpDir) != os.TempDir() {
		t.Errorf("temporary folder %s, want one in %s", wb.tmpDir, os.TempDir())
	}
	wb.Close()
	assertGone(t, wb, os.TempDir())
}

// failingWriter fails after n bytes, as a full disk would.
type failingWriter struct{ n int }

func (w *failingWriter) Write(p []byte) (int, error) {
	if len(p) > w.n {
		return 0, errors.New("disk full")
	}
	w.n -= len(p)
	return len(p), nil
}

// TestWorkbookCloseAfterWriteError: a write that fails half-way leaves
// nothing behind once the workbook is closed.
func TestWorkbookCloseAfterWriteError(t *testing.T) {
	for _, n := range []int{0, 1 << 10, 64 << 10} {
		wb, parent := newTempWorkbook(t)
		if err := wb.Finish(smallResult(t)); err != nil {
			t.Fatal(err)
		}
		if _, err := wb.WriteTo(&failingWriter{n: n}); err == nil {
			t.Fatalf("writing to a writer failing after %d bytes succeeded", n)
		}
		if err := wb.Close(); err != nil {
			t.Error(err)
		}
		assertGone(t, wb, parent)
	}
}

// TestWorkbookCloseBeforeFinish: the path of a failed scoring (or a signal
// while scoring): Close without Finish.
func TestWorkbookCloseBeforeFinish(t *testing.T) {
	wb, parent := newTempWorkbook(t)
	if err := wb.Close(); err != nil {
		t.Error(err)
	}
	assertGone(t, wb, parent)
}

// slowWriter takes its time, signalling its first write.
type slowWriter struct {
	started chan struct{}
	writes  atomic.Int64
}

func (w *slowWriter) Write(p []byte) (int, error) {
	if w.writes.Add(1) == 1 {
		close(w.started)
	}
	time.Sleep(time.Millisecond)
	return len(p), nil
}

// TestWorkbookCloseWhileWriting: Close from another goroutine, as on a
// signal, stops a write in progress and removes the folder.
func TestWorkbookCloseWhileWriting(t *testing.T) {
	wb, parent := newTempWorkbook(t)
	if err := wb.Finish(smallResult(t)); err != nil {
		t.Fatal(err)
	}
	w := &slowWriter{started: make(chan struct{})}
	done := make(chan error, 1)
	go func() {
		_, err := wb.WriteTo(w)
		done <- err
	}()
	<-w.started
	if err := wb.Close(); err != nil {
		t.Error(err)
	}
	select {
	case err := <-done:
		if err == nil {
			t.Error("the write went on to the end after Close")
		}
	case <-time.After(30 * time.Second):
		t.Fatal("WriteTo did not stop after Close")
	}
	assertGone(t, wb, parent)
}
