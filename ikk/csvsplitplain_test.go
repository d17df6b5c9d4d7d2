package ikk

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// TestSplitPlain: a line is split eight bytes at a time as strings.Split
// splits it, and handed to the byte-by-byte reader when it holds a quote
// or a carriage return anywhere (in a word or in the tail), or more fields
// than a record may have.
func TestSplitPlain(t *testing.T) {
	lines := []string{
		"", ",", ",,", "a", "Ya,Tidak,1,,2", "1234567,", "12345678,", "1234567,9", ",1234567", "abcdefgh", "abcdefghi,j",
		"63.09.01.2001,Tabalong,Banua Lawas,Hapalah,001,6309010805102605,KHADIJAH ARSYAD,P,3. Cerai hidup,1,0",
		"a\"b", "\"", "1234567\"", "12345678\"", "123456789\"", "a,b\r", "\r", "1234567\r,", "abcdefgh,ij\rk",
		"é,ü,ß,日本", "\xff\xfe,\x00,\x80", strings.Repeat(",", maxCSVFields-1), strings.Repeat(",", maxCSVFields),
		strings.Repeat("a,", maxCSVFields), strings.Repeat("a,", maxCSVFields-1) + "a",
	}
	r := rand.New(rand.NewPCG(3, 4))
	alphabet := []byte("ab,,,;\t\"\r1é")
	for range 3000 {
		b := make([]byte, r.IntN(40))
		for i := range b {
			b[i] = alphabet[r.IntN(len(alphabet))]
		}
		lines = append(lines, string(b))
	}
	for _, comma := range []byte{',', ';', '\t'} {
		for _, line := range lines {
			prefix := []Cell{{Value: "kept"}}
			got, ok := splitPlain(prefix, line, comma)
			fields := strings.Split(line, string(comma))
			plain := !strings.ContainsAny(line, "\"\r") && len(fields) <= maxCSVFields
			if ok != plain {
				t.Fatalf("%q split at %q: ok %v, want %v", line, comma, ok, plain)
			}
			if got[0].Value != "kept" {
				t.Fatalf("%q: the cells before the line were changed", line)
			}
			if !ok {
				if len(got) != 1 {
					t.Fatalf("%q: refused, yet %d cells were left after the first", line, len(got)-1)
				}
				continue
			}
			if len(got)-1 != len(fields) {
				t.Fatalf("%q split at %q: %d fields, want %d", line, comma, len(got)-1, len(fields))
			}
			for i, f := range fields {
				if got[i+1].Value != f || got[i+1].Kind != KindText {
					t.Fatalf("%q split at %q: field %d is %q, want %q", line, comma, i, got[i+1].Value, f)
				}
			}
		}
	}
}

// TestBytesEqual: every byte position, every pair of byte values.
func TestBytesEqual(t *testing.T) {
	for c := range 256 {
		rep := everyByte(byte(c))
		for v := range 256 {
			for pos := range 8 {
				w := everyByte(byte(c^0x55)) &^ (0xff << (8 * pos)) // other bytes differ from c
				if byte(c^0x55) == byte(c) {
					t.Fatal("the filler equals the byte looked for")
				}
				w |= uint64(v) << (8 * pos)
				want := uint64(0)
				if v == c {
					want = 0x80 << (8 * pos)
				}
				if got := bytesEqual(w, rep); got != want {
					t.Fatalf("byte %#x at %d looked for %#x: mask %#x, want %#x", v, pos, c, got, want)
				}
			}
		}
	}
	// Random words, rich in the bytes next to c, against a byte-by-byte
	// reference: no carry or borrow reaches a neighbour.
	r := rand.New(rand.NewPCG(5, 6))
	for range 200000 {
		c := byte(r.IntN(256))
		var w, want uint64
		for pos := range 8 {
			v := []byte{c, c - 1, c + 1, c ^ 0x80, 0, 0xff, 0x7f, 0x80, byte(r.IntN(256))}[r.IntN(9)]
			w |= uint64(v) << (8 * pos)
			if v == c {
				want |= 0x80 << (8 * pos)
			}
		}
		if got := bytesEqual(w, everyByte(c)); got != want {
			t.Fatalf("word %#x looked for %#x: mask %#x, want %#x", w, c, got, want)
		}
	}
}
