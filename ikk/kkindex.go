package ikk

import (
	"encoding/binary"
	"hash/maphash"
	"io"
	"math/bits"
	"os"
	"sort"
)

// kkIndex finds a family's second row in its desa: method section 10 rejects
// it. It is the only part of a run that grows with the number of families,
// so it keeps in memory only a scalable Bloom filter (12 bits a family) and
// spills the exact entries (a keyed hash of desa and KK number, and the
// ordinal of the first row) to an unnamed temporary file, read back only
// when the filter says "maybe seen" (rarely: about 0.5% of families, plus
// the true duplicates). A million families cost some 3 MB of memory, not
// the 20 MB or more of an in-memory table.
//
// The file holds 64-bit hashes keyed by a random seed kept in memory, never
// KK numbers. Two different families of a desa would have to share such a
// hash to be mistaken for one: about one chance in 10^7 for a run of a
// million families, against the certainty of not finding duplicates at all.
type kkIndex struct {
	seed    maphash.Seed
	filters []bloom
	parts   [kkParts]kkPart
	spill   *os.File // nil: chunks stay in memory (no temporary folder)
	size    int64    // bytes written to spill
	mem     [][]byte // chunks, when there is no spill file
	err     error    // the first spill error; entries then stay in memory
}

const (
	kkParts     = 256 // partitions by hash: a look-up reads one
	kkChunk     = 256 // entries written to the spill file at once
	kkEntrySize = 12  // hash (8), ordinal (4)
	bloomBits   = 12  // per entry at capacity
	bloomHashes = 6
	bloomFirst  = 1 << 16 // entries in the first filter; each next doubles
)

type kkPart struct {
	buf    []byte  // entries not yet written, up to kkChunk
	chunks []int64 // offsets of written chunks (or indexes into mem)
}

func newKKIndex() *kkIndex {
	return &kkIndex{seed: maphash.MakeSeed()}
}

// seen returns the ordinal stored for KK number key in desa, or stores ord
// for it. Ordinals start at 1.
func (x *kkIndex) seen(desa int, key uint64, ord uint32) (first uint32, dup bool) {
	var b [12]byte
	binary.LittleEndian.PutUint32(b[:4], uint32(desa))
	binary.LittleEndian.PutUint64(b[4:], key)
	h := maphash.Bytes(x.seed, b[:])
	maybe := false
	for i := range x.filters {
		if x.filters[i].has(h) {
			maybe = true
			break
		}
	}
	if maybe {
		if o, ok := x.lookup(h); ok {
			return o, true
		}
	}
	x.add(h, ord)
	return 0, false
}

func (x *kkIndex) add(h uint64, ord uint32) {
	if n := len(x.filters); n == 0 || x.filters[n-1].full() {
		x.filters = append(x.filters, newBloom(bloomFirst<<n))
	}
	x.filters[len(x.filters)-1].add(h)
	p := &x.parts[h%kkParts]
	if p.buf == nil {
		p.buf = make([]byte, 0, kkChunk*kkEntrySize)
	}
	p.buf = binary.LittleEndian.AppendUint64(p.buf, h)
	p.buf = binary.LittleEndian.AppendUint32(p.buf, ord)
	if len(p.buf) == cap(p.buf) {
		x.flush(p)
	}
}

func (x *kkIndex) flush(p *kkPart) {
	if x.spill == nil && x.mem == nil && x.err == nil {
		x.spill, x.err = openSpill()
	}
	if x.spill != nil {
		if _, err := x.spill.WriteAt(p.buf, x.size); err == nil {
			p.chunks = append(p.chunks, x.size)
			x.size += int64(len(p.buf))
			p.buf = p.buf[:0]
			return
		}
		// A full disk: what is not yet written stays in memory.
		x.spill.Close()
		x.spill = nil
	}
	p.chunks = append(p.chunks, -1-int64(len(x.mem)))
	x.mem = append(x.mem, p.buf)
	p.buf = make([]byte, 0, kkChunk*kkEntrySize)
}

// lookup finds h among the entries: the partition's buffer, then its chunks.
func (x *kkIndex) lookup(h uint64) (uint32, bool) {
	p := &x.parts[h%kkParts]
	if o, ok := scanEntries(p.buf, h); ok {
		return o, true
	}
	var chunk [kkChunk * kkEntrySize]byte
	for _, off := range p.chunks {
		var data []byte
		if off < 0 {
			data = x.mem[-1-off]
		} else {
			n, err := x.spill.ReadAt(chunk[:], off)
			if err != nil && err != io.EOF {
				continue
			}
			data = chunk[:n]
		}
		if o, ok := scanEntries(data, h); ok {
			return o, true
		}
	}
	return 0, false
}

func scanEntries(data []byte, h uint64) (uint32, bool) {
	for i := 0; i+kkEntrySize <= len(data); i += kkEntrySize {
		if binary.LittleEndian.Uint64(data[i:]) == h {
			return binary.LittleEndian.Uint32(data[i+8:]), true
		}
	}
	return 0, false
}

func (x *kkIndex) close() {
	if x.spill != nil {
		name := x.spill.Name()
		x.spill.Close()
		os.Remove(name) // where an open file could not be removed earlier
	}
	*x = kkIndex{}
}

// openSpill creates the spill file and removes its name at once where the
// system allows it, so that nothing is left behind, even after a crash.
func openSpill() (*os.File, error) {
	f, err := os.CreateTemp("", "ikk-kk-*")
	if err != nil {
		return nil, err
	}
	os.Remove(f.Name())
	return f, nil
}

// bloom is a Bloom filter over 64-bit hashes, sized for a number of entries.
type bloom struct {
	bits     []uint64
	n, limit int
}

func newBloom(entries int) bloom {
	words := (entries*bloomBits + 63) / 64
	return bloom{bits: make([]uint64, words), limit: entries}
}

func (f *bloom) full() bool { return f.n >= f.limit }

// probes derives the filter's bit positions from one hash (Kirsch and
// Mitzenmacher's double hashing).
func (f *bloom) probe(h uint64, i int) (int, uint64) {
	h2 := (h>>32 | h<<32) | 1
	bit, _ := bits.Mul64(h+uint64(i)*h2, uint64(len(f.bits)*64))
	return int(bit / 64), 1 << (bit % 64)
}

func (f *bloom) add(h uint64) {
	for i := range bloomHashes {
		w, m := f.probe(h, i)
		f.bits[w] |= m
	}
	f.n++
}

func (f *bloom) has(h uint64) bool {
	for i := range bloomHashes {
		w, m := f.probe(h, i)
		if f.bits[w]&m == 0 {
			return false
		}
	}
	return true
}

// rowLocator turns a row ordinal (the count of rows read in the run, in input
// order) back into its file and row number. Rows of a file are numbered one
// after the other, so a breakpoint is stored only where that run breaks: at
// the start of each file, and after a gap.
type rowLocator struct {
	points   []rowPoint
	ord      uint32
	lastFile int
	lastRow  int
}

type rowPoint struct {
	ord  uint32
	file int32
	row  int32
}

// next gives the ordinal of the next row read, file's row number row.
func (l *rowLocator) next(file, row int) uint32 {
	l.ord++
	if len(l.points) == 0 || file != l.lastFile || row != l.lastRow+1 {
		l.points = append(l.points, rowPoint{ord: l.ord, file: int32(file), row: int32(row)})
	}
	l.lastFile, l.lastRow = file, row
	return l.ord
}

func (l *rowLocator) locate(ord uint32) (file, row int) {
	i := sort.Search(len(l.points), func(i int) bool { return l.points[i].ord > ord }) - 1
	p := l.points[i]
	return int(p.file), int(p.row) + int(ord-p.ord)
}
