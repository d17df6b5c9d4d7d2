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
	keys [1 << memoBits]uint64
	vals [1 << memoBits]value
}

// memoKey packs a short cell into a key that no other cell shares: its
// bytes, then its length and kind in the top byte. A key is never 0 (the
// length is at least 1), so an empty slot matches no cell.
func memoKey(c Cell) (uint64, bool) {
	s := c.Value
	if len(s) == 0 || len(s) > memoMaxLen || c.Kind == KindFormula {
		return 0, false
	}
	// Loads that overlap put the same byte at the same place twice, so
	// their OR is the text itself, read in two or three loads.
	var k uint64
	if n := len(s); n >= 4 {
		k = uint64(le32(s)) | uint64(le32(s[n-4:]))<<(8*(n-4))
	} else {
		k = uint64(s[0]) | uint64(s[n/2])<<(8*(n/2)) | uint64(s[n-1])<<(8*(n-1))
	}
	return k | uint64(len(s))<<56 | uint64(c.Kind)<<59, true
}

// parse reads a cell of column col as col.parse does, through the memo.
func (m *parseMemo) parse(col *Column, cell Cell) (value, error) {
	key, ok := memoKey(cell)
	if !ok {
		return col.parse(cell)
	}
	h := key * 0x9E3779B97F4A7C15 >> (64 - memoBits)
	if m.keys[h] == key {
		return m.vals[h], nil
	}
	v, err := col.parse(cell)
	if err == nil {
		m.keys[h], m.vals[h] = key, v
	}
	return v, err
}

func le32(s string) uint32 {
	return uint32(s[0]) | uint32(s[1])<<8 | uint32(s[2])<<16 | uint32(s[3])<<24
}
