package report

import (
	"archive/zip"
	"io"
	"io/fs"
	"os"
	"slices"
)

// orderedZip is the zip writer of a workbook with streamed sheets. excelize
// writes those sheets first, in the order of a Go map, which changes from
// run to run; orderedZip puts them in the order given (the order of the
// sheets), so that the same inputs give the same bytes. The part due next
// goes straight through; one that comes early is spooled to a temporary
// file in dir until its turn. The first Keluarga sheet, due first, is never
// spooled: a large part is copied twice only with more than one Keluarga
// sheet, past a million households.
type orderedZip struct {
	zw      *zip.Writer
	dir     string
	order   []string // the streamed parts, in the order wanted
	next    int      // the index in order of the part due next
	spooled map[string]*os.File
}

func newOrderedZip(w io.Writer, dir string, order []string) *orderedZip {
	return &orderedZip{zw: zip.NewWriter(w), dir: dir, order: order, spooled: map[string]*os.File{}}
}

func (o *orderedZip) Create(name string) (io.Writer, error) {
	if err := o.emitDue(); err != nil {
		return nil, err
	}
	i := slices.Index(o.order[o.next:], name)
	switch {
	case i == 0:
		o.next++
		return o.zw.Create(name)
	case i > 0:
		f, err := os.CreateTemp(o.dir, "part-")
		if err != nil {
			return nil, err
		}
		o.spooled[name] = f
		return f, nil
	}
	// Not a streamed part: excelize is past them, so whatever is still
	// spooled goes first, in order.
	if err := o.drain(); err != nil {
		return nil, err
	}
	return o.zw.Create(name)
}

// emitDue writes the spooled parts that are now due.
func (o *orderedZip) emitDue() error {
	for o.next < len(o.order) {
		f := o.spooled[o.order[o.next]]
		if f == nil {
			return nil
		}
		if err := o.emit(o.order[o.next], f); err != nil {
			return err
		}
		o.next++
	}
	return nil
}

// drain writes every spooled part, in order, also past a part that never
// came.
func (o *orderedZip) drain() error {
	for ; o.next < len(o.order); o.next++ {
		if f := o.spooled[o.order[o.next]]; f != nil {
			if err := o.emit(o.order[o.next], f); err != nil {
				return err
			}
		}
	}
	return nil
}

func (o *orderedZip) emit(name string, f *os.File) error {
	delete(o.spooled, name)
	defer os.Remove(f.Name())
	defer f.Close()
	w, err := o.zw.Create(name)
	if err != nil {
		return err
	}
	if _, err := f.Seek(0, io.SeekStart); err != nil {
		return err
	}
	_, err = io.Copy(w, f)
	return err
}

func (o *orderedZip) AddFS(fsys fs.FS) error { return o.zw.AddFS(fsys) }

// Close writes what is still spooled and ends the zip; on a failure the
// spool files are removed all the same.
func (o *orderedZip) Close() error {
	err := o.drain()
	for name, f := range o.spooled {
		f.Close()
		os.Remove(f.Name())
		delete(o.spooled, name)
	}
	if cerr := o.zw.Close(); err == nil {
		err = cerr
	}
	return err
}
