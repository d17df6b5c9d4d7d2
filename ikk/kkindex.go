package ikk

import (
	"encoding/binary"
	"math/bits"
	"sort"
)

// kkTable is the set of KK numbers already scored in one desa, used to reject
// a family's second row. It is the only part of a run that grows with the
// number of families, so it is kept compact: an open-addressing table of
// 12-byte slots (the packed KK number and the ordinal of its first row) in
// memory outside the Go heap where the system allows it, so that the garbage
// collector neither scans it nor lets it double before collecting.
type kkTable struct {
	slots  []byte
	mapped bool // slots live outside the Go heap
	cap    int
	n      int
}

const (
	kkSlot    = 12
	kkMinCap  = 64
	kkMaxLoad = 0.8
)

// seen returns the ordinal stored with key, or stores ord for it. Ordinals
// start at 1: 0 marks an empty slot.
func (t *kkTable) seen(key uint64, ord uint32) (first uint32, dup bool) {
	if float64(t.n+1) > kkMaxLoad*float64(t.cap) {
		t.grow()
	}
	i := t.home(key)
	for {
		s := t.slots[i*kkSlot : i*kkSlot+kkSlot]
		o := binary.LittleEndian.Uint32(s[8:])
		if o == 0 {
			binary.LittleEndian.PutUint64(s, key)
			binary.LittleEndian.PutUint32(s[8:], ord)
			t.n++
			return 0, false
		}
		if binary.LittleEndian.Uint64(s) == key {
			return o, true
		}
		if i++; i == t.cap {
			i = 0
		}
	}
}

func (t *kkTable) home(key uint64) int {
	// splitmix64's finaliser: KK numbers of one desa share their leading
	// digits, and must still spread over the whole table.
	key ^= key >> 30
	key *= 0xbf58476d1ce4e5b9
	key ^= key >> 27
	key *= 0x94d049bb133111eb
	key ^= key >> 31
	hi, _ := bits.Mul64(key, uint64(t.cap))
	return int(hi)
}

// grow moves the table to one half as large again: a smaller step than
// doubling keeps the table between 53% and 80% full.
func (t *kkTable) grow() {
	old, oldMapped, oldCap := t.slots, t.mapped, t.cap
	t.cap = max(kkMinCap, t.cap+t.cap/2)
	t.slots, t.mapped = allocSlots(t.cap * kkSlot)
	t.n = 0
	for i := 0; i < oldCap; i++ {
		s := old[i*kkSlot : i*kkSlot+kkSlot]
		if o := binary.LittleEndian.Uint32(s[8:]); o != 0 {
			t.seen(binary.LittleEndian.Uint64(s), o)
		}
	}
	if oldMapped {
		freeSlots(old)
	}
}

func (t *kkTable) free() {
	if t.mapped {
		freeSlots(t.slots)
	}
	*t = kkTable{}
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
