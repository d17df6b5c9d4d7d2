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
// so it keeps in memory only a Bloom filter (16 bits a family) and spills the
// exact entries (a keyed hash of desa and KK number, and the ordinal of the
// first row) to an unnamed temporary file, read back only when the filter
// says "maybe seen" (rarely: about one family in a thousand, plus the true
// duplicates). A million families cost some 3 MB of memory, not the 20 MB
// or more of an in-memory table.
//
// The filter is one split-block filter, rebuilt twice as large from the
// entries when it fills: a family costs one cache line to look up, where a
// chain of growing filters cost a probe per bit in every filter of the
// chain, and false alarms (each a read of the spill file) stay as rare at a
// million families as at a thousand.
//
// The file holds 64-bit hashes keyed by a random seed kept in memory, never
// KK numbers. Two different families of a desa would have to share such a
// hash to be mistaken for one: about one chance in 10^7 for a run of a
// million families, against the certainty of not finding duplicates at all.
type kkIndex struct {
	seed   maphash.Seed
	filter blockFilter
	parts  [kkParts]kkPart
	spill  *os.File // nil: chunks stay in memory (no temporary folder)
	size   int64    // bytes written to spill
	mem    [][]byte // chunks, when there is no spill file
	err    error    // the first spill error; entries then stay in memory
}

const (
	kkParts     = 256     // partitions by hash: a look-up reads one
	kkChunk     = 256     // entries written to the spill file at once
	kkEntrySize = 12      // hash (8), ordinal (4)
	filterFirst = 1 << 16 // entries the first filter holds; each rebuild doubles
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
	if x.filter.has(h) {
		if o, ok := x.lookup(h); ok {
			return o, true
		}
	}
	x.add(h, ord)
	return 0, false
}

func (x *kkIndex) add(h uint64, ord uint32) {
	if x.filter.full() {
		x.grow()
	}
	x.filter.add(h)
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

// grow replaces the filter by one twice as large, holding every entry.
func (x *kkIndex) grow() {
	f := newBlockFilter(max(filterFirst, 2*x.filter.limit))
	for i := range x.parts {
		x.eachEntry(&x.parts[i], func(h uint64, _ uint32) bool {
			f.add(h)
			return true
		})
	}
	x.filter = f
}

func (x *kkIndex) flush(p *kkPart) {
	if x.spill == nil && x.mem == nil && x.err == nil {
		x.spill, x.err = openSpill("ikk-kk-*")
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

// lookup finds h among the entries of its partition.
func (x *kkIndex) lookup(h uint64) (uint32, bool) {
	var first uint32
	found := false
	x.eachEntry(&x.parts[h%kkParts], func(e uint64, o uint32) bool {
		if e == h {
			first, found = o, true
		}
		return !found
	})
	return first, found
}

// eachEntry calls f for the entries of a partition, its buffer first, until
// f returns false.
func (x *kkIndex) eachEntry(p *kkPart, f func(h uint64, ord uint32) bool) {
	if !eachIn(p.buf, f) {
		return
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
		if !eachIn(data, f) {
			return
		}
	}
}

func eachIn(data []byte, f func(h uint64, ord uint32) bool) bool {
	for i := 0; i+kkEntrySize <= len(data); i += kkEntrySize {
		if !f(binary.LittleEndian.Uint64(data[i:]), binary.LittleEndian.Uint32(data[i+8:])) {
			return false
		}
	}
	return true
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
// pattern names it as os.CreateTemp does.
func openSpill(pattern string) (*os.File, error) {
	f, err := os.CreateTemp("", pattern)
	if err != nil {
		return nil, err
	}
	os.Remove(f.Name())
	return f, nil
}

// blockFilter is a split-block Bloom filter over 64-bit hashes: a hash picks
// one block of eight 32-bit words and sets one bit in each, so that a
// look-up touches one cache line. At 16 bits an entry about one look-up of
// a new hash in a thousand is a false alarm.
type blockFilter struct {
	blocks   [][8]uint32
	n, limit int
}

// blockSalts spread a hash's low half over the eight words (odd constants,
// as the split-block filters of Parquet and Impala use).
var blockSalts = [8]uint32{0x47b6137b, 0x44974d91, 0x8824ad5b, 0xa2b7289d, 0x705495c7, 0x2df1424b, 0x9efc4947, 0x5c6bfb31}

func newBlockFilter(entries int) blockFilter {
	// 16 bits an entry: a block of 256 bits for 16 entries.
	return blockFilter{blocks: make([][8]uint32, (entries+15)/16), limit: entries}
}

// full says the filter holds its entries; a zero filter is full.
func (f *blockFilter) full() bool { return f.n >= f.limit }

func (f *blockFilter) block(h uint64) *[8]uint32 {
	i, _ := bits.Mul64(h>>32|h<<32, uint64(len(f.blocks)))
	return &f.blocks[i]
}

func (f *blockFilter) add(h uint64) {
	b, lo := f.block(h), uint32(h)
	for i, salt := range blockSalts {
		b[i] |= 1 << ((lo * salt) >> 27)
	}
	f.n++
}

func (f *blockFilter) has(h uint64) bool {
	if len(f.blocks) == 0 {
		return false
	}
	b, lo := f.block(h), uint32(h)
	for i, salt := range blockSalts {
		if b[i]&(1<<((lo*salt)>>27)) == 0 {
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
