package xlsx

import (
	"bytes"
	"errors"
	"fmt"
	"math/rand/v2"
	"reflect"
	"slices"
	"strings"
	"testing"
)

// TestSSTTable: every string reads back as stored, whatever it holds and
// wherever it falls: packed digits (even, odd, leading zeros), empty strings,
// strings that do not fit the rest of a chunk, past the first chunk of ends.
func TestSSTTable(t *testing.T) {
	var strs []string
	for _, s := range []string{"", "0", "00", "007", "6309060101100001", "630906010110000", "Ya", "1.5", "-3", "１２", "_x000D_"} {
		strs = append(strs, s)
	}
	// Long strings that leave a chunk's tail unused, then digits again.
	for i := range 20 {
		strs = append(strs, strings.Repeat(string(rune('a'+i)), maxStringBytes-i), strings.Repeat("9", 2*i+1))
	}
	for i := range 3 * sstEndsChunk {
		strs = append(strs, fmt.Sprintf("%016d", i), fmt.Sprint("Nama ", i))
	}
	tab := tableOf(strs)
	if tab.len() != len(strs) {
		t.Fatalf("len %d, want %d", tab.len(), len(strs))
	}
	if len(tab.chunks) < 3 || len(tab.ends) < 6 {
		t.Errorf("%d chunks, %d chunks of ends: the test does not cross them", len(tab.chunks), len(tab.ends))
	}
	for i, want := range strs {
		if b, err := tab.appendString([]byte("x"), i); err != nil || string(b) != "x"+want {
			got := string(b)
			t.Fatalf("string %d = %q, want %q", i, clip(got), clip(want))
		}
		b, end, err := tab.stored(i)
		if got := storedSize(b, end); err != nil || got != len(want) {
			t.Fatalf("size of string %d (%q) = %d, %v; want %d", i, clip(want), got, err, len(want))
		}
	}
	// Digits take half the room, and a string 4 bytes for its end.
	var want int64
	for _, s := range strs {
		n := len(s)
		if n >= 2 && strings.Trim(s, "0123456789") == "" {
			n = (n + 1) / 2
		}
		want += int64(n) + 4
	}
	if tab.held != want {
		t.Errorf("held %d bytes, want %d", tab.held, want)
	}
}

// The table is the scanner's reading of sharedStrings.xml; the former,
// encoding/xml reader must read the same strings.
func TestSharedStringsOracle(t *testing.T) {
	sst := `<si><r><rPr><b/></rPr><t>Ru</t></r><r><t xml:space="preserve">mah </t></r><rPh sb="0"><t>x</t></rPh></si>` +
		`<si><t>6309060101100001</t></si><si><t/></si><si></si><si><t>a_x000D_b &amp; &#x41;</t></si>` +
		`<!-- c --><si><t><![CDATA[<x>]]></t></si><si><t>` + strings.Repeat("panjang ", 4000) + `</t></si>`
	wb, err := Open(writeFile(t, zipBytes(t, book(sst, ""))), Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer wb.Close()
	want, err := wb.oracleSharedStrings("xl/sharedStrings.xml")
	if err != nil {
		t.Fatal(err)
	}
	if got := wb.sst.strings(); !reflect.DeepEqual(got, want) {
		t.Errorf("table %q\nencoding/xml %q", got, want)
	}
}

// TestSharedStringLimits: one string longer than Excel allows, or a table
// past its budget, is refused while reading, naming the part.
func TestSharedStringLimits(t *testing.T) {
	tests := []struct {
		name string
		sst  string
		opt  Options
		want string
	}{
		{"one string too long", `<si><t>a</t></si><si><t>` + strings.Repeat("x", maxStringBytes+1) + `</t></si>`, Options{}, "shared string 1 is longer than 128 KiB"},
		{"one rich string too long", `<si>` + strings.Repeat(`<r><t>`+strings.Repeat("x", 1000)+`</t></r>`, 200) + `</si>`, Options{}, "shared string 0 is longer"},
		{"too many strings", strings.Repeat(`<si><t>abcdefgh</t></si>`, 100000), Options{MaxSharedStringBytes: 1 << 20}, "the shared strings pass 1 MiB"},
		{"too many empty strings", strings.Repeat(`<si/>`, 300000), Options{MaxSharedStringBytes: 1 << 20}, "the shared strings pass 1 MiB"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Open(writeFile(t, zipBytes(t, book(tt.sst, ""))), tt.opt)
			if !errors.Is(err, ErrLimit) || !strings.Contains(err.Error(), tt.want) || !strings.Contains(err.Error(), "xl/sharedStrings.xml") {
				t.Fatalf("err = %v; want ErrLimit naming xl/sharedStrings.xml and %q", err, tt.want)
			}
		})
	}
}

// familyTable is the shared strings of n families, a KK number and a name
// each, as a table: past a few hundred thousand, it spills.
func familyTable(n int) ([]string, *sstTable) {
	var strs []string
	for i := range n {
		strs = append(strs, fmt.Sprintf("63090%011d", i), fmt.Sprint("Keluarga Contoh ", i))
	}
	return strs, tableOf(strs)
}

// TestSSTSpill: a table past its resident chunks keeps the rest in the
// spill file, encrypted, and reads every string back in any order.
func TestSSTSpill(t *testing.T) {
	strs, tab := familyTable(700000)
	defer tab.close()
	resident := 0
	for _, c := range tab.chunks {
		if c != nil {
			resident++
		}
	}
	if len(tab.chunks) < sstResident+3*sstCacheSlots || resident > sstResident+1 {
		t.Fatalf("%d chunks, %d in memory: want more than %d, at most %d in memory", len(tab.chunks), resident, sstResident+3*sstCacheSlots, sstResident+1)
	}
	// The ends too: four bytes a string would be 8 MB at a million families.
	endsHeld := 0
	for _, e := range tab.ends {
		if e != nil {
			endsHeld++
		}
	}
	// Those of the strings whose text stays in memory stay with it.
	residentStrings := 0
	for i := range tab.len() {
		if e, _ := tab.end(i); int(e&endOffset>>sstChunkShift) >= sstResident {
			break
		}
		residentStrings++
	}
	most := max(sstEndsResident, residentStrings/sstEndsChunk+1) + 1
	if len(tab.ends) < most+sstCacheSlots || endsHeld > most {
		t.Fatalf("%d ends chunks, %d in memory: want more than %d, at most %d in memory", len(tab.ends), endsHeld, most+sstCacheSlots, most)
	}
	// In order, then jumping about: both read every string right.
	order := make([]int, len(strs))
	for i := range order {
		order[i] = i
	}
	rnd := rand.New(rand.NewPCG(1, 2))
	jumbled := slices.Clone(order)
	rnd.Shuffle(len(jumbled), func(i, j int) { jumbled[i], jumbled[j] = jumbled[j], jumbled[i] })
	for _, o := range [][]int{order, jumbled[:20000]} {
		for _, i := range o {
			b, err := tab.appendString(nil, i)
			if err != nil || string(b) != strs[i] {
				t.Fatalf("string %d = %q, %v; want %q", i, b, err, strs[i])
			}
		}
	}
	// The file holds no name or number in the clear.
	data := make([]byte, tab.spill.next)
	if _, err := tab.spill.f.ReadAt(data, 0); err != nil {
		t.Fatal(err)
	}
	if bytes.Contains(data, []byte("Keluarga Contoh")) {
		t.Fatal("the spill file holds names in the clear")
	}
}

// TestSSTSpillBehindFront: read in table order, as a worksheet names its
// strings, each spilled chunk is read back whole once; strings met again
// behind the front (names and KK numbers repeated) are read alone, right
// to the byte at any offset, and a chunk looked up often behind the front
// is read whole after all.
func TestSSTSpillBehindFront(t *testing.T) {
	strs, tab := familyTable(400000)
	defer tab.close()
	sp := tab.spill
	if sp == nil {
		t.Fatal("the table did not spill: the test needs more strings")
	}
	read := func(i int) {
		t.Helper()
		b, err := tab.appendString(nil, i)
		if err != nil || string(b) != strs[i] {
			t.Fatalf("string %d = %q, %v; want %q", i, b, err, strs[i])
		}
	}
	// The first string whose text is spilled.
	first := 0
	for ; first < tab.len(); first++ {
		if e, _ := tab.end(first); tab.chunks[e&endOffset>>sstChunkShift] == nil {
			break
		}
	}
	for i := range strs {
		read(i)
		// Now and then a string met before, spilled and far behind.
		if i%1000 == 999 && i > first+200000 {
			read(first + (i-first)/2)
		}
	}
	spilledText := 0
	for _, c := range tab.chunks {
		if c == nil {
			spilledText++
		}
	}
	spilledEnds := 0
	for _, e := range tab.ends {
		if e == nil {
			spilledEnds++
		}
	}
	if max := spilledText + spilledEnds + sstWholeAfter; sp.wholeReads > max {
		t.Errorf("%d chunks read back whole for %d spilled text and %d ends chunks: want at most %d", sp.wholeReads, spilledText, spilledEnds, max)
	}
	if sp.partReads == 0 {
		t.Error("no string behind the front was read alone")
	}
	// One chunk behind the front, looked up again and again: read whole
	// once it has been looked up sstWholeAfter times.
	whole := sp.wholeReads
	for k := range 3 * sstWholeAfter {
		read(len(strs)/2 + k)
	}
	if sp.wholeReads > whole+2 {
		t.Errorf("%d more chunks read whole for one chunk looked up %d times", sp.wholeReads-whole, 3*sstWholeAfter)
	}
	if sp.wholeReads == whole {
		t.Errorf("a chunk looked up %d times behind the front is still read a string at a time", 3*sstWholeAfter)
	}
}
