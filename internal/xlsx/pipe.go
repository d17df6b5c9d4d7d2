package xlsx

import (
	"io"
	"sync"
)

// Inflating a sheet costs about as much as parsing it, so the two run side
// by side: a goroutine inflates into a few reused pieces and the caller's
// goroutine scans them. The pieces are large enough that handing one over is
// rare, and few enough that memory stays small and flat.
const (
	pieceSize  = 256 << 10
	pieceRoom  = 4 << 10 // room in front of a piece for a tag cut by the boundary
	pieceCount = 4
)

var piecePool = sync.Pool{New: func() any {
	b := make([]byte, pieceRoom+pieceSize)
	return &b
}}

func getPiece() []byte  { return *piecePool.Get().(*[]byte) }
func putPiece(b []byte) { piecePool.Put(&b) }

type piece struct {
	buf []byte // nil with err
	err error
}

// inflater is a source that reads its part in a goroutine of its own.
type inflater struct {
	rc   io.ReadCloser
	full chan piece  // filled pieces in order, then the error that ended reading
	free chan []byte // pieces the scanner has given back
	quit chan struct{}
	done chan struct{}
	err  error // the error once received, returned from then on

	once     sync.Once
	closeErr error
}

func newInflater(rc io.ReadCloser) *inflater {
	p := &inflater{
		rc: rc,
		// Room for every piece and the final error, so that the goroutine
		// never blocks sending.
		full: make(chan piece, pieceCount+1),
		free: make(chan []byte, pieceCount),
		quit: make(chan struct{}),
		done: make(chan struct{}),
	}
	for range pieceCount {
		p.free <- getPiece()
	}
	go p.run()
	return p
}

func (p *inflater) run() {
	defer close(p.done)
	for {
		var buf []byte
		select {
		case buf = <-p.free:
		case <-p.quit:
			return
		}
		n, err := readFull(p.rc, buf[pieceRoom:])
		if n > 0 {
			p.full <- piece{buf: buf[:pieceRoom+n]}
		} else {
			p.free <- buf
		}
		if err != nil {
			p.full <- piece{err: err}
			return
		}
	}
}

// readFull reads until p is full or reading fails; unlike io.ReadFull it
// returns io.EOF itself, not io.ErrUnexpectedEOF, when the part ends.
func readFull(r io.Reader, p []byte) (int, error) {
	n, empty := 0, 0
	for n < len(p) {
		k, err := r.Read(p[n:])
		n += k
		if err != nil {
			return n, err
		}
		if k == 0 {
			if empty++; empty >= 100 {
				return n, io.ErrNoProgress
			}
		}
	}
	return n, nil
}

func (p *inflater) next() ([]byte, int, error) {
	if p.err != nil {
		return nil, 0, p.err
	}
	c := <-p.full
	if c.err != nil {
		p.err = c.err
		return nil, 0, c.err
	}
	return c.buf, pieceRoom, nil
}

func (p *inflater) release(buf []byte) {
	p.free <- buf[:cap(buf)] // never blocks: there are only pieceCount pieces
}

// close stops the goroutine, waiting for it so that the part is not closed
// under a read, and then closes the part. Safe to call more than once.
func (p *inflater) close() error {
	p.once.Do(func() {
		close(p.quit)
		<-p.done
		p.closeErr = p.rc.Close()
		for {
			select {
			case b := <-p.free:
				putPiece(b)
				continue
			case c := <-p.full:
				if c.buf != nil {
					putPiece(c.buf[:cap(c.buf)])
				}
				continue
			default:
			}
			break
		}
		if p.err == nil {
			p.err = io.ErrClosedPipe
		}
	})
	return p.closeErr
}
