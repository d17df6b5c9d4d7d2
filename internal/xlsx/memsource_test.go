package xlsx

import "io"

// memSource serves bytes from memory in pieces of a chosen size, with a
// chosen room in front, so that tests can cut the XML anywhere.
type memSource struct {
	data   []byte
	piece  int
	room   int
	closed bool
	free   [][]byte
}

func (m *memSource) next() ([]byte, int, error) {
	if m.closed {
		return nil, 0, io.ErrClosedPipe
	}
	if len(m.data) == 0 {
		return nil, 0, io.EOF
	}
	n := min(m.piece, len(m.data))
	var buf []byte
	if k := len(m.free); k > 0 && cap(m.free[k-1]) >= m.room+n {
		buf, m.free = m.free[k-1][:m.room+n], m.free[:k-1]
	} else {
		buf = make([]byte, m.room+n)
	}
	copy(buf[m.room:], m.data[:n])
	m.data = m.data[n:]
	return buf, m.room, nil
}

func (m *memSource) release(b []byte) { m.free = append(m.free, b) }

func (m *memSource) close() error {
	m.closed = true
	return nil
}
