package cmd

import (
	"bufio"
	"context"
	"fmt"

	"github.com/ikk-tools/ikk/report"
	"github.com/spf13/cobra"
	"io"
	"os"
	"path/filepath"
)

// outputSet stages every output of a run in a temporary file beside it, and
// renames them into place only once all are complete: a run that fails or is
// interrupted on its third report leaves the first two as they were, and no
// partial file anywhere.
type outputSet struct {
	ctx    context.Context
	staged []stagedFile
}

type stagedFile struct {
	path string
	tmp  string
}

// write stages one output. On error the caller must call discard.
func (s *outputSet) write(path string, write func(io.Writer) error) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".tmp*")
	if err != nil {
		return wrapSay(err, "cli.write_failed", "path", path)
	}
	s.staged = append(s.staged, stagedFile{path: path, tmp: tmp.Name()})
	bw := bufio.NewWriterSize(ctxWriter{s.ctx, tmp}, 256<<10)
	err = write(bw)
	if err == nil {
		err = bw.Flush()
	}
	if err == nil {
		err = tmp.Chmod(0o644)
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		if ctxErr := s.ctx.Err(); ctxErr != nil {
			return ctxErr
		}
		return wrapSay(err, "cli.write_failed", "path", path)
	}
	return nil
}

// commit renames every staged file into place.
func (s *outputSet) commit() error {
	if err := s.ctx.Err(); err != nil {
		return err
	}
	for i, f := range s.staged {
		if err := os.Rename(f.tmp, f.path); err != nil {
			s.staged = s.staged[i:]
			return wrapSay(err, "cli.write_failed", "path", f.path)
		}
	}
	s.staged = nil
	return nil
}

// discard removes what was staged and not committed.
func (s *outputSet) discard() {
	for _, f := range s.staged {
		os.Remove(f.tmp)
	}
	s.staged = nil
}

// ctxWriter stops a long write (a workbook of a million families) as soon as
// the run is interrupted.
type ctxWriter struct {
	ctx context.Context
	w   io.Writer
}

func (c ctxWriter) Write(p []byte) (int, error) {
	if err := c.ctx.Err(); err != nil {
		return 0, err
	}
	return c.w.Write(p)
}

// writeAtomic writes one file through the same staging.
func writeAtomic(ctx context.Context, path string, write func(io.Writer) error) error {
	s := &outputSet{ctx: ctx}
	defer s.discard()
	if err := s.write(path, write); err != nil {
		return err
	}
	return s.commit()
}

// checkOutputNames refuses, before anything is read, outputs that cannot be
// written (a folder, a missing folder) and two outputs that name one file.
func checkOutputNames(c *cobra.Command, outputs []string) error {
	for i, a := range outputs {
		if st, err := os.Stat(a); err == nil && st.IsDir() {
			return usageSay(c, "cli.output_folder", "output", a, "example", filepath.Join(a, "hasil"+filepath.Ext(a)))
		}
		if st, err := os.Stat(filepath.Dir(a)); err != nil || !st.IsDir() {
			return usageSay(c, "cli.output_no_folder", "output", a, "folder", filepath.Dir(a))
		}
		for _, b := range outputs[:i] {
			if sameFile(a, b) {
				return usageSay(c, "cli.output_twice", "output", a, "other", b)
			}
		}
	}
	return nil
}

// sameFile reports whether two paths name one file (also through links);
// used to refuse writing a report over an input.
func sameFile(a, b string) bool {
	absA, errA := filepath.Abs(a)
	absB, errB := filepath.Abs(b)
	if errA == nil && errB == nil && absA == absB {
		return true
	}
	sa, errA := os.Stat(a)
	sb, errB := os.Stat(b)
	return errA == nil && errB == nil && os.SameFile(sa, sb)
}

// sayWrote tells on stderr which file a command wrote, with its size, so
// that the user knows where to find it and that it is complete.
func sayWrote(w io.Writer, lang, path string) {
	if st, err := os.Stat(path); err == nil {
		fmt.Fprintln(w, report.Say(lang, "doc.wrote", "file", path, "size", sizeText(st.Size(), lang)))
	}
}
