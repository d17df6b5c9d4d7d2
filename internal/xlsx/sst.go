package xlsx

import (
	"encoding/binary"
	"fmt"
	"io"
)

// sstTable is the shared-string table, held compactly because it is the one
// thing a workbook makes this reader hold whole: a million families saved by
// LibreOffice put every KK number and name in it. The text of the strings
// lies end to end in chunks, with one uint32 per string saying where it
// ends, instead of a Go string (16 bytes of header and an allocation) per
// entry; and a string of decimal digits (a KK number, a NIK, a code typed as
// text) is stored two digits to a byte. The chunks are allocated whole, so
// that the table grows without ever copying what it holds, and loading does
// not briefly need twice the table.
//
// Strings never straddle two chunks. An end is the chunk's number times
// sstChunkSize plus the offset in the chunk, which a string never lets reach
// sstChunkSize, so that the chunk of an end is never ambiguous; its top two
// bits say how the string is stored.
type sstTable struct {
	chunks [][]byte   // the first grows by append; the others are made whole
	ends   [][]uint32 // the same, sstEndsChunk ends each
	n      int
	held   int64 // bytes held, text and ends, for the budget
	// spill holds the chunks past the first sstResident, once full; their
	// entries in chunks are nil (sstspill.go).
	spill *sstSpill
	// lastEnds is the spilled ends chunk lastEndsK, as read last.
	lastEnds  []byte
	lastEndsK int
}

const (
	sstChunkShift = 20
	sstChunkSize  = 1 << sstChunkShift // 1 MiB, far above one string's bound
	sstMaxChunks  = 1 << 10            // what the bits of an end leave room for
	sstEndsShift  = 16
	sstEndsChunk  = 1 << sstEndsShift // ends per chunk (256 KiB)

	endPacked = 1 << 31    // the string is decimal digits, two to a byte
	endOdd    = 1 << 30    // a packed string with an odd number of digits
	endOffset = endOdd - 1 // where the string ends
	chunkMask = sstChunkSize - 1
)

// len is the number of strings.
func (t *sstTable) len() int {
	if t == nil {
		return 0
	}
	return t.n
}

// add appends a string, which must be shorter than sstChunkSize, to a table
// of fewer than sstMaxChunks chunks.
func (t *sstTable) add(s []byte) error {
	stored, flags := len(s), uint32(0)
	if packable(s) {
		stored, flags = (len(s)+1)/2, endPacked
		if len(s)%2 == 1 {
			flags |= endOdd
		}
	}
	c := len(t.chunks) - 1
	if c < 0 || len(t.chunks[c])+stored >= sstChunkSize {
		if err := t.retire(c); err != nil {
			return err
		}
		size := sstChunkSize
		if c < 0 {
			size = 4 << 10
		}
		t.chunks = append(t.chunks, make([]byte, 0, size))
		c++
	}
	if flags == 0 {
		t.chunks[c] = append(t.chunks[c], s...)
	} else {
		t.chunks[c] = appendPacked(t.chunks[c], s)
	}
	if t.n&(sstEndsChunk-1) == 0 {
		if err := t.retireEnds(len(t.ends) - 1); err != nil {
			return err
		}
		size := sstEndsChunk
		if t.n == 0 {
			size = 1 << 10
		}
		t.ends = append(t.ends, make([]uint32, 0, size))
	}
	e := &t.ends[len(t.ends)-1]
	*e = append(*e, flags|uint32(c)<<sstChunkShift|uint32(len(t.chunks[c])))
	t.n++
	t.held += int64(stored) + 4
	return nil
}

// retire moves full chunk c to the spill file when it is past the resident
// ones.
func (t *sstTable) retire(c int) error {
	if c < sstResident {
		return nil
	}
	if err := t.openSpill(); err != nil {
		return err
	}
	if err := t.spill.put(c, t.chunks[c]); err != nil {
		return err
	}
	t.chunks[c] = nil
	return nil
}

// retireEnds moves full ends chunk k to the spill file when it is past the
// resident ones: the ends, four bytes a string, are two million strings'
// worth of memory (8 MB) for a million families.
//
// The ends of the strings whose text stays in memory stay too: those are the
// answers and names that rows repeat, looked up all through the sheet.
func (t *sstTable) retireEnds(k int) error {
	if k < sstEndsResident || len(t.ends[k]) == 0 || int(t.ends[k][0]&endOffset>>sstChunkShift) < sstResident {
		return nil
	}
	if err := t.openSpill(); err != nil {
		return err
	}
	b := make([]byte, 0, 4*len(t.ends[k]))
	for _, e := range t.ends[k] {
		b = binary.LittleEndian.AppendUint32(b, e)
	}
	if err := t.spill.put(sstMaxChunks+k, b); err != nil {
		return err
	}
	t.ends[k] = nil
	return nil
}

// openSpill makes the spill file on first need.
func (t *sstTable) openSpill() error {
	if t.spill != nil {
		return nil
	}
	sp, err := newSSTSpill()
	if err != nil {
		return fmt.Errorf("shared strings: %w", err)
	}
	t.spill = sp
	return nil
}

// close removes the spill file.
func (t *sstTable) close() {
	if t != nil {
		t.spill.close()
	}
}

// packable reports whether s is worth storing as packed digits.
func packable(s []byte) bool {
	if len(s) < 2 {
		return false
	}
	for _, c := range s {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

// appendPacked appends the digits of s two to a byte, the first in the high
// half; an odd last digit has a zero low half.
func appendPacked(dst, s []byte) []byte {
	for i := 0; i < len(s); i += 2 {
		b := (s[i] - '0') << 4
		if i+1 < len(s) {
			b |= s[i+1] - '0'
		}
		dst = append(dst, b)
	}
	return dst
}

// end is the end of string i, from memory or from a spilled ends chunk
// (numbered after the text chunks in the spill file).
func (t *sstTable) end(i int) (uint32, error) {
	k, j := i>>sstEndsShift, i&(sstEndsChunk-1)
	if e := t.ends[k]; e != nil {
		return e[j], nil
	}
	// The spilled chunk read last is kept at hand: a look-up reads the
	// ends of two neighbouring strings, mostly of one chunk. Only this
	// function reads ends chunks, so the slice is valid until its next
	// read.
	if t.lastEnds == nil || t.lastEndsK != k {
		b, whole, err := t.spill.bytes(sstMaxChunks+k, 4*j, 4*j+4)
		if err != nil {
			t.lastEnds = nil
			return 0, err
		}
		if whole == nil {
			return binary.LittleEndian.Uint32(b), nil
		}
		t.lastEnds, t.lastEndsK = whole, k
	}
	return binary.LittleEndian.Uint32(t.lastEnds[4*j:]), nil
}

// stored returns the bytes of string i as stored, and its end with the
// flags; i must be below len. The bytes of a spilled chunk are valid until
// the next call.
func (t *sstTable) stored(i int) ([]byte, uint32, error) {
	end, err := t.end(i)
	if err != nil {
		return nil, 0, err
	}
	c := end & endOffset >> sstChunkShift
	start := c << sstChunkShift
	if i > 0 {
		prev, err := t.end(i - 1)
		if err != nil {
			return nil, 0, err
		}
		if prev &= endOffset; prev>>sstChunkShift == c {
			start = prev
		}
	}
	from, to := int(start&chunkMask), int(end&endOffset&chunkMask)
	if chunk := t.chunks[c]; chunk != nil {
		return chunk[from:to], end, nil
	}
	b, _, err := t.spill.bytes(int(c), from, to)
	if err != nil {
		return nil, 0, err
	}
	return b, end, nil
}

// storedSize is the length of a string stored as b with end.
func storedSize(b []byte, end uint32) int {
	switch {
	case end&endPacked == 0:
		return len(b)
	case end&endOdd != 0:
		return 2*len(b) - 1
	}
	return 2 * len(b)
}

// appendString appends string i to dst; i must be below len.
func (t *sstTable) appendString(dst []byte, i int) ([]byte, error) {
	b, end, err := t.stored(i)
	if err != nil {
		return dst, err
	}
	return appendStored(dst, b, end), nil
}

// appendStored appends the string stored as b with end to dst.
func appendStored(dst, b []byte, end uint32) []byte {
	if end&endPacked == 0 {
		return append(dst, b...)
	}
	for k, d := range b {
		dst = append(dst, '0'+d>>4)
		if k < len(b)-1 || end&endOdd == 0 {
			dst = append(dst, '0'+d&15)
		}
	}
	return dst
}

// Limits on the shared strings, far above what any survey holds, so that a
// crafted part is refused before it is held.
const (
	// maxStringBytes bounds one string or cell value: Excel's limit is
	// 32,767 characters, and a character takes at most 4 bytes of UTF-8.
	maxStringBytes = 128 << 10
	// defaultMaxTableBytes bounds the shared-string table, text and ends:
	// a million families with a few unique texts each (KK number, name,
	// address) hold some 100 MiB.
	defaultMaxTableBytes = 256 << 20
)

// readSharedStrings loads the whole shared-string table: cells refer to it
// by index in any order, so streaming it would mean seeking. It reads with
// the sheet scanner, which hands long text over in pieces, so that a string
// of gigabytes is refused at its limit instead of being gathered first.
func (w *Workbook) readSharedStrings(name string) (*sstTable, error) {
	rc, err := w.openPart(name)
	if err != nil {
		return nil, err
	}
	s := newScanner(newInflater(rc))
	defer s.shut()
	t := &sstTable{}
	var buf, u []byte // the raw text of the current <si>, unescaped
	inSI := false
	for {
		tok, err := s.next()
		if err == io.EOF {
			return t, nil
		}
		if err != nil {
			t.close()
			return nil, partErr(name, err)
		}
		switch tok.kind {
		case tokStart:
			if tok.id == idSI && s.depth() == 2 {
				buf, inSI = buf[:0], true
			}
		case tokText:
			if inSI && s.inStringText(idSI, 2) {
				if len(buf)+len(tok.text) > maxStringBytes {
					return nil, fmt.Errorf("%s: %w", name, limitErrorf("shared string %d is longer than %d KiB (Excel allows 32,767 characters)", t.n, maxStringBytes>>10))
				}
				buf = append(buf, tok.text...)
			}
		case tokEnd:
			if tok.id == idSI && s.depth() == 1 && inSI {
				inSI = false
				// Unescaping only shortens: the bound checked above holds.
				u = appendUnescapeXstring(u[:0], buf)
				if t.held+int64(len(u))+4 > w.maxTable || len(t.chunks) >= sstMaxChunks-1 {
					return nil, fmt.Errorf("%s: %w", name, limitErrorf("the shared strings pass %d MiB (%d strings read)", w.maxTable>>20, t.n))
				}
				if err := t.add(u); err != nil {
					t.close()
					return nil, err
				}
			}
		}
	}
}
