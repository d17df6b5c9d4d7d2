package ikk

import (
	"reflect"
	"testing"
)

// memoCells are cells the memo must read as parse does: answers of every
// kind of column, their spellings, invalid and don't-know values, blanks,
// white space, NUL bytes, lengths about the key's limit and every kind.
var memoCells = []string{
	"", " ", "\t", "Ya", "ya", "YA", "Y", "y", "T", "t", "Tidak", "tidak", "TIDAK", "tdk", "1", "0", "2", "3", "8", "9", "98", "99",
	"ya?", "-", "?", "x", "1.0", "2,5", "2,5x", "10", "-1", "400000", "1500000", "450.000", "1.300.000", "1,2 jt", "Rp 3",
	"L", "P", "Laki-laki", "Perempuan", "2. Kawin", "1. Milik sendiri", "tt", "tidak tahu", "1\x00", "\x00", "\x00\x00\x00\x00",
	"1234567", "12345678", "Tidak ", " Ya", "1e3", "0x1", "ÿ", "é", "1 ", "00", "007",
}

// TestParseMemoAsParse: through the memo, in any order and again, every
// cell of every column of both built-in sets reads as Column.parse reads
// it, value and error alike.
func TestParseMemoAsParse(t *testing.T) {
	for _, set := range []*Set{defaultSet(t), ibanggaSet(t)} {
		for _, col := range set.Columns {
			if !col.valued() {
				continue
			}
			var m parseMemo
			for pass := range 3 {
				for i := range memoCells {
					// The second pass goes backwards, so that slots are
					// taken by other cells than the first time.
					s := memoCells[i]
					if pass == 1 {
						s = memoCells[len(memoCells)-1-i]
					}
					for _, kind := range []CellKind{KindText, KindNumber, KindBool, KindFormula} {
						cell := Cell{Value: s, Kind: kind}
						got, gotErr := m.parse(col, cell)
						want, wantErr := col.parse(cell)
						if got != want || !reflect.DeepEqual(gotErr, wantErr) {
							t.Fatalf("%s: column %s, cell %q (kind %d), pass %d: memo %+v, %v; parse %+v, %v", set.Name, col.Name, s, kind, pass, got, gotErr, want, wantErr)
						}
					}
				}
			}
		}
	}
}

// TestMemoKeyDistinct: cells that differ in text, length or kind have
// different keys, and no key is the empty slot's.
func TestMemoKeyDistinct(t *testing.T) {
	seen := map[uint64]Cell{}
	for _, s := range memoCells {
		for _, kind := range []CellKind{KindText, KindNumber, KindBool} {
			c := Cell{Value: s, Kind: kind}
			k := memoKey(c)
			if ok := k != 0; ok != (len(s) > 0 && len(s) <= memoMaxLen) {
				t.Errorf("%q: kept %v", s, ok)
			}
			if k == 0 {
				continue
			}
			if o, dup := seen[k]; dup {
				t.Errorf("%q (kind %d) and %q (kind %d) share key %#x", s, kind, o.Value, o.Kind, k)
			}
			seen[k] = c
		}
	}
	if memoKey(Cell{Value: "1", Kind: KindFormula}) != 0 {
		t.Error("a formula's cell is memoised")
	}
}

// FuzzParseMemo: for any cell text, the memo, cold and warm, reads as
// parse reads, in every column of the built-in set.
func FuzzParseMemo(f *testing.F) {
	for _, s := range memoCells {
		f.Add(s, uint8(0))
	}
	set := defaultSet(f)
	var cols []*Column
	for _, c := range set.Columns {
		if c.valued() {
			cols = append(cols, c)
		}
	}
	memos := make([]parseMemo, len(cols))
	f.Fuzz(func(t *testing.T, s string, kind uint8) {
		cell := Cell{Value: s, Kind: CellKind(kind % 4)}
		for i, col := range cols {
			want, wantErr := col.parse(cell)
			for range 2 {
				got, gotErr := memos[i].parse(col, cell)
				if got != want || !reflect.DeepEqual(gotErr, wantErr) {
					t.Fatalf("column %s, cell %q: memo %+v, %v; parse %+v, %v", col.Name, s, got, gotErr, want, wantErr)
				}
			}
		}
	})
}
