package ikk

// A survey's cells are mostly a handful of short answers ("Ya", "T", "1",
// "0", "2"), each read the same way every time its column meets it:
// Column.parse is a pure function of the column, the cell's kind and its
// text. parseMemo keeps, per worker and per column, the reading of recent
// short cells in a small direct-mapped table, so that a repeated answer
// costs a multiply and a compare instead of a parse. Only readings without
// an error are kept: an invalid cell is parsed again, and its issue built,
// every time.

const (
	memoBits = 6
	// memoMaxLen is the longest cell text a key holds: seven bytes, the
	// eighth byte of the key giving the length and kind.
	memoMaxLen = 7
)

type parseMemo struct {
	slots [1 << memoBits]memoSlot
}

// memoSlot is a key and its reading, side by side: one look-up reads one
// place.
type memoSlot struct {
	key uint64
	v   value
}

// memoKey packs a short cell into a key that no other cell shares: its
// bytes, then its length and kind in the top byte. The key of a cell not
// kept (empty, longer than memoMaxLen, a formula) is 0, which no slot
// holds: an empty slot's key is 0 too, and a kept cell's length is at least
// 1.
func memoKey(c Cell) uint64 {
	s := c.Value
	n := len(s)
	if uint(n-1) >= memoMaxLen || c.Kind == KindFormula {
		return 0
	}
	// Loads that overlap put the same byte at the same place twice, so
	// their OR is the text itself, read in two or three loads.
	var k uint64
	if n >= 4 {
		k = uint64(le32(s)) | uint64(le32(s[n-4:]))<<(8*(n-4))
	} else {
		k = uint64(s[0]) | uint64(s[n/2])<<(8*(n/2)) | uint64(s[n-1])<<(8*(n-1))
	}
	return k | uint64(n)<<56 | uint64(c.Kind)<<59
}

// parse reads a cell of column col as col.parse does, through the memo.
func (m *parseMemo) parse(col *Column, cell Cell) (value, error) {
	key := memoKey(cell)
	slot := &m.slots[key*0x9E3779B97F4A7C15>>(64-memoBits)]
	if slot.key == key && key != 0 {
		return slot.v, nil
	}
	v, err := col.parse(cell)
	if err == nil && key != 0 {
		*slot = memoSlot{key, v}
	}
	return v, err
}

func le32(s string) uint32 {
	return uint32(s[0]) | uint32(s[1])<<8 | uint32(s[2])<<16 | uint32(s[3])<<24
}
