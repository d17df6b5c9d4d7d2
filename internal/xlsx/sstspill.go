package xlsx

import (
	"crypto/aes"
	"crypto/cipher"
	"crypto/rand"
	"encoding/binary"
	"fmt"
	"os"
)

// A table of a million families' names and KK numbers would be the one part
// of a run that grows with the families. So past its first sstResident
// chunks, each chunk of the table's text goes, once full, to a temporary file
// and is read back into a small cache when a cell names it. A worksheet
// names its strings nearly in table order (LibreOffice and Excel number
// strings as they first appear), so the cache rarely misses; the first
// chunks, with the answers and names of places that every row repeats, stay
// in memory.
//
// The file holds personal data, so it holds it encrypted (AES-CTR) under a
// key made for the run that never leaves this process, and its name is
// removed at once where the system allows it.
const (
	sstResident     = 4 // text chunks always in memory
	sstEndsResident = 2 // ends chunks always in memory (64 Ki strings each), besides those of resident text
	sstCacheSlots   = 2 // spilled chunks of text read back whole at once (the front, and one), and as many of ends
	// sstWholeAfter is how many look-ups behind the front a spilled chunk
	// takes one by one before it is read back whole (see bytes): a string
	// read alone costs a read of its few bytes, a whole chunk some hundred
	// times that, and a chunk read whole for a few look-ups pushes the front
	// out of the cache.
	sstWholeAfter = 256
)

type sstSpill struct {
	f     *os.File
	block cipher.Block
	off   map[int]spilledChunk
	next  int64
	// cache holds text chunks, ends their ends: each kind has its own
	// slots, so that the ends a look-up needs never push out its text.
	cache, ends [sstCacheSlots]cacheSlot
	tick        uint64
	// front is the highest chunk of each kind (text, ends) read back
	// whole; behind it, looks counts the look-ups read one by one, and
	// scratch holds the last such of each kind.
	front   [2]int
	looks   map[int]int
	scratch [2][]byte
	// Chunks read back whole, and parts read alone (for the tests).
	wholeReads, partReads int
}

type spilledChunk struct {
	off  int64
	size int
}

type cacheSlot struct {
	chunk int // -1 when empty
	buf   []byte
	used  uint64
}

func newSSTSpill() (*sstSpill, error) {
	key := make([]byte, 32)
	if _, err := rand.Read(key); err != nil {
		return nil, err
	}
	block, err := aes.NewCipher(key)
	if err != nil {
		return nil, err
	}
	f, err := os.CreateTemp("", "ikk-sst-*")
	if err != nil {
		return nil, err
	}
	os.Remove(f.Name())
	s := &sstSpill{f: f, block: block, off: map[int]spilledChunk{}, looks: map[int]int{}}
	for i := range s.cache {
		s.cache[i].chunk, s.ends[i].chunk = -1, -1
	}
	return s, nil
}

// stream is the key stream of chunk c from byte off: each chunk is written
// once, so the chunk number, in the counter block's first half, is never
// used twice under the key; the second half counts the chunk's blocks, so
// that any part of a chunk can be read alone.
func (s *sstSpill) stream(c, off int) cipher.Stream {
	iv := make([]byte, aes.BlockSize)
	binary.BigEndian.PutUint64(iv, uint64(c))
	binary.BigEndian.PutUint64(iv[8:], uint64(off/aes.BlockSize))
	st := cipher.NewCTR(s.block, iv)
	if skip := off % aes.BlockSize; skip > 0 {
		var pad [aes.BlockSize]byte
		st.XORKeyStream(pad[:skip], pad[:skip])
	}
	return st
}

// put writes chunk c, encrypting it in place: the caller drops it after.
func (s *sstSpill) put(c int, data []byte) error {
	s.stream(c, 0).XORKeyStream(data, data)
	if _, err := s.f.WriteAt(data, s.next); err != nil {
		return fmt.Errorf("shared strings: write the temporary file: %w", err)
	}
	s.off[c] = spilledChunk{off: s.next, size: len(data)}
	s.next += int64(len(data))
	return nil
}

// get returns chunk c, from the cache or read back into its least recently
// used slot. The slice is valid until the next get of the same kind (text,
// or ends).
func (s *sstSpill) get(c int) ([]byte, error) {
	cache := &s.cache
	if c >= sstMaxChunks {
		cache = &s.ends
	}
	s.tick++
	lru := 0
	for i := range cache {
		slot := &cache[i]
		if slot.chunk == c {
			slot.used = s.tick
			return slot.buf, nil
		}
		if slot.used < cache[lru].used {
			lru = i
		}
	}
	sc, ok := s.off[c]
	if !ok {
		return nil, fmt.Errorf("shared strings: chunk %d is not stored", c)
	}
	slot := &cache[lru]
	if cap(slot.buf) < sc.size {
		// A slot takes the largest chunk of its kind: text chunks fill to
		// sstChunkSize, ends chunks to a quarter of it.
		size := sstChunkSize
		if c >= sstMaxChunks {
			size = 4 * sstEndsChunk
		}
		slot.buf = make([]byte, sc.size, max(size, sc.size))
	}
	slot.buf = slot.buf[:sc.size]
	slot.chunk = -1
	if _, err := s.f.ReadAt(slot.buf, sc.off); err != nil {
		return nil, fmt.Errorf("shared strings: read the temporary file: %w", err)
	}
	s.wholeReads++
	s.stream(c, 0).XORKeyStream(slot.buf, slot.buf)
	slot.chunk, slot.used = c, s.tick
	return slot.buf, nil
}

// bytes returns bytes [from, to) of chunk c, and the whole chunk when it is
// at hand. A worksheet names new strings in table order, so the chunk at
// the front of those read is read back whole, into the cache; a string
// behind the front (a name or a KK number met again, a family entered
// twice) is read alone, a few bytes, rather than the megabyte of its chunk:
// the realistic million's workbook read its 30 MB table back some 2.7 GB
// over. A chunk looked up sstWholeAfter times behind the front is read
// whole after all, for a sheet in another order. Measured on that
// workbook: 416 chunks read whole and 76,399 strings alone, where 6,881
// chunks were read whole. The slice is valid until the next call of the
// same kind (text, or ends).
func (s *sstSpill) bytes(c, from, to int) (part, whole []byte, err error) {
	kind, cache := 0, &s.cache
	if c >= sstMaxChunks {
		kind, cache = 1, &s.ends
	}
	for i := range cache {
		if slot := &cache[i]; slot.chunk == c {
			s.tick++
			slot.used = s.tick
			return slot.buf[from:to], slot.buf, nil
		}
	}
	if c >= s.front[kind] || s.looks[c] >= sstWholeAfter {
		s.front[kind] = max(s.front[kind], c)
		delete(s.looks, c)
		b, err := s.get(c)
		if err != nil {
			return nil, nil, err
		}
		return b[from:to], b, nil
	}
	s.looks[c]++
	sc, ok := s.off[c]
	if !ok || from < 0 || to < from || to > sc.size {
		return nil, nil, fmt.Errorf("shared strings: bytes %d to %d of chunk %d are not stored", from, to, c)
	}
	buf := append(s.scratch[kind][:0], make([]byte, to-from)...)
	s.scratch[kind] = buf
	if _, err := s.f.ReadAt(buf, sc.off+int64(from)); err != nil {
		return nil, nil, fmt.Errorf("shared strings: read the temporary file: %w", err)
	}
	s.stream(c, from).XORKeyStream(buf, buf)
	s.partReads++
	return buf, nil, nil
}

func (s *sstSpill) close() {
	if s == nil || s.f == nil {
		return
	}
	name := s.f.Name()
	s.f.Close()
	os.Remove(name) // where an open file could not be removed earlier
	s.f = nil
}
