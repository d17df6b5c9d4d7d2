package ikk

import (
	"bufio"
	"cmp"
	"container/heap"
	"encoding/binary"
	"errors"
	"io"
	"math/bits"
	"os"
	"slices"
	"strconv"
	"strings"
)

// Sasaran draws up, for each office of a follow-up plan, the families it
// visits: those of a desa that fail at least one of the office's indicators
// that are below target (permasalahan) in that desa, the part of the plan
// the office receives. A family failing an indicator that meets the target
// in its desa is not on the list: the plan gives the office nothing to do
// about that indicator there.
//
// Which families fail which indicators is known while the survey is scored
// (Add, as Options.OnHousehold), which indicators are weak in a desa only
// once every family is read. So every family that fails anything is
// written, as a compact record, to a spill file during scoring; Lists then
// keeps those that fail a weak indicator of a chosen office and sorts them
// for a round from door to door: kecamatan, desa (in the order of the
// result's units), RT (2 before 10), then input order. The sort is
// external: runs of at most sasaranRunSize records sorted in memory, each
// written to a temporary file, then merged sasaranFanIn at a time. Memory
// does not grow with the families.
//
// The records hold the KK number masked (MaskKK) and no name, unless the
// collector was made for personal data. The temporary files live in a
// folder of the collector's own, their names removed at once where the
// system allows it; Close removes the folder. Call it on every path.
type Sasaran struct {
	set      *Set
	personal bool
	words    int // 64-bit words of a fail mask

	dir    string
	spill  *os.File
	w      *bufio.Writer
	files  []*os.File // every file opened, for Close
	seq    uint64     // households seen, in input order
	err    error
	buf    []byte
	listed bool // Lists was called
}

// sasaranRunSize is how many records are sorted in memory at once (some
// 150 bytes each); sasaranFanIn how many sorted runs are merged at once.
// Variables, so that a test can sort externally a handful of families.
var (
	sasaranRunSize = 1 << 15
	sasaranFanIn   = 32
)

// sasaranRec is a family on the way to a list.
type sasaranRec struct {
	pos          int    // the desa's place among the result's units (for sorting)
	desa         int    // Household.desa
	seq          uint64 // input order
	rt, kk, name string
	fails        []uint64 // bit i: fails Set.Indicators[i]
}

// NewSasaran starts a collector for a set. With personal, the records keep
// full KK numbers and the names of the heads of family.
func NewSasaran(set *Set, personal bool) *Sasaran {
	return &Sasaran{set: set, personal: personal, words: (len(set.Indicators) + 63) / 64}
}

// Add takes a scored household (Options.OnHousehold). Families that fail no
// indicator are only counted.
func (s *Sasaran) Add(h *Household) {
	if s.err != nil || s.listed {
		return
	}
	s.seq++
	rec := sasaranRec{desa: h.desa, seq: s.seq, rt: h.RT, fails: make([]uint64, s.words)}
	failed := false
	for i, o := range h.Outcomes {
		if o == Fail {
			rec.fails[i/64] |= 1 << uint(i%64)
			failed = true
		}
	}
	if !failed || h.desa == 0 {
		return
	}
	rec.kk = MaskKK(h.KK)
	if s.personal {
		rec.kk, rec.name = strings.TrimSpace(h.KK), strings.TrimSpace(h.Name)
	}
	if s.spill == nil {
		if s.spill, s.err = s.create(); s.err != nil {
			return
		}
		s.w = bufio.NewWriterSize(s.spill, 64<<10)
	}
	s.buf = appendRec(s.buf[:0], &rec)
	if _, err := s.w.Write(s.buf); err != nil {
		s.err = err
	}
}

// create opens a temporary file in the collector's folder, made at the
// first; its name goes at once where the system allows it, so that a
// killed run leaves no personal data behind.
func (s *Sasaran) create() (*os.File, error) {
	if s.dir == "" {
		dir, err := os.MkdirTemp("", "ikk-sasaran-")
		if err != nil {
			return nil, err
		}
		s.dir = dir
	}
	f, err := os.CreateTemp(s.dir, "part-")
	if err != nil {
		return nil, err
	}
	os.Remove(f.Name())
	s.files = append(s.files, f)
	return f, nil
}

// Close removes every temporary file. It may be called more than once.
func (s *Sasaran) Close() error {
	for _, f := range s.files {
		f.Close()
	}
	s.files, s.spill, s.w = nil, nil, nil
	if s.dir == "" {
		return nil
	}
	err := os.RemoveAll(s.dir)
	s.dir = ""
	return err
}

// SasaranLists are the offices' lists, sorted, ready to be written.
type SasaranLists struct {
	set    *Set
	plans  []SectorPlan
	units  map[int]*Unit // by desa number (Household.desa)
	weak   []map[int][]uint64
	counts []map[int]int
	listed int

	mem    []sasaranRec // the sorted records, when one run held them all
	sorted *os.File     // otherwise the file they were merged into
	size   int64
}

// SasaranRow is one family of an office's list. It is reused for the next
// row: copy what you keep.
type SasaranRow struct {
	Desa *Unit
	RT   string
	// KK is the family card's number, masked unless personal data were
	// asked for; Name the head of family's name, "" unless they were.
	KK, Name string
	// Fails are the office's indicators below target in the desa that the
	// family fails, in set order.
	Fails []*Indicator
}

// Lists draws up the list of each plan given (of FollowUp, in the order
// given; an office's plan without actions gives an empty list). The
// result must be the one the households were scored into. Lists is called
// once; the collector must still be closed.
func (s *Sasaran) Lists(res *Result, plans []SectorPlan) (*SasaranLists, error) {
	if s.listed {
		return nil, errors.New("ikk: Sasaran.Lists called twice")
	}
	s.listed = true
	l := &SasaranLists{set: s.set, plans: plans, units: map[int]*Unit{}}
	pos := map[int]int{}
	for i, u := range res.Units {
		if u.Level == LevelDesa && u.desaIdx > 0 {
			pos[u.desaIdx], l.units[u.desaIdx] = i, u
		}
	}
	union := map[int][]uint64{}
	at := map[*Indicator]int{}
	for i, ind := range s.set.Indicators {
		at[ind] = i
	}
	for _, p := range plans {
		weak, counts := map[int][]uint64{}, map[int]int{}
		for _, n := range p.Desa {
			d := n.Desa.desaIdx
			if d == 0 {
				continue
			}
			m := make([]uint64, s.words)
			for _, ind := range n.Indicators {
				if i, ok := at[ind]; ok {
					m[i/64] |= 1 << uint(i%64)
				}
			}
			weak[d] = m
			if union[d] == nil {
				union[d] = make([]uint64, s.words)
			}
			for w := range m {
				union[d][w] |= m[w]
			}
		}
		l.weak, l.counts = append(l.weak, weak), append(l.counts, counts)
	}
	if s.err != nil {
		return nil, s.err
	}
	if s.spill == nil {
		return l, nil
	}
	if err := s.w.Flush(); err != nil {
		return nil, err
	}
	if _, err := s.spill.Seek(0, io.SeekStart); err != nil {
		return nil, err
	}
	// Keep the families some chosen office visits, in sorted runs.
	r := bufio.NewReaderSize(s.spill, 64<<10)
	var run []sasaranRec
	var runs []*os.File
	for {
		var rec sasaranRec
		err := readRec(r, &rec, s.words)
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		if !meets(rec.fails, union[rec.desa]) {
			continue
		}
		rec.pos = pos[rec.desa]
		l.listed++
		for k := range plans {
			if meets(rec.fails, l.weak[k][rec.desa]) {
				l.counts[k][rec.desa]++
			}
		}
		run = append(run, rec)
		if len(run) >= sasaranRunSize {
			f, err := s.writeRun(run)
			if err != nil {
				return nil, err
			}
			runs, run = append(runs, f), run[:0]
		}
	}
	// The spill file has served.
	s.spill.Close()
	s.spill, s.w = nil, nil
	if len(runs) == 0 {
		slices.SortFunc(run, recCmp)
		l.mem = run
		return l, nil
	}
	if len(run) > 0 {
		f, err := s.writeRun(run)
		if err != nil {
			return nil, err
		}
		runs = append(runs, f)
	}
	run = nil
	for len(runs) > 1 {
		var next []*os.File
		for i := 0; i < len(runs); i += max(2, sasaranFanIn) {
			f, err := s.merge(runs[i:min(i+max(2, sasaranFanIn), len(runs))])
			if err != nil {
				return nil, err
			}
			next = append(next, f)
		}
		runs = next
	}
	l.sorted = runs[0]
	st, err := l.sorted.Stat()
	if err != nil {
		return nil, err
	}
	l.size = st.Size()
	return l, nil
}

// writeRun sorts a run and writes it to a file of its own.
func (s *Sasaran) writeRun(run []sasaranRec) (*os.File, error) {
	slices.SortFunc(run, recCmp)
	f, err := s.create()
	if err != nil {
		return nil, err
	}
	w := bufio.NewWriterSize(f, 64<<10)
	for i := range run {
		s.buf = appendRec(s.buf[:0], &run[i])
		if _, err := w.Write(s.buf); err != nil {
			return nil, err
		}
	}
	return f, w.Flush()
}

// merge merges sorted runs into one file, closing them.
func (s *Sasaran) merge(runs []*os.File) (*os.File, error) {
	if len(runs) == 1 {
		return runs[0], nil
	}
	out, err := s.create()
	if err != nil {
		return nil, err
	}
	w := bufio.NewWriterSize(out, 64<<10)
	h := &recHeap{}
	for _, f := range runs {
		if _, err := f.Seek(0, io.SeekStart); err != nil {
			return nil, err
		}
		src := &runReader{r: bufio.NewReaderSize(f, 32<<10)}
		switch err := readRec(src.r, &src.rec, s.words); {
		case err == nil:
			h.items = append(h.items, src)
		case err != io.EOF:
			return nil, err
		}
	}
	heap.Init(h)
	for h.Len() > 0 {
		src := h.items[0]
		s.buf = appendRec(s.buf[:0], &src.rec)
		if _, err := w.Write(s.buf); err != nil {
			return nil, err
		}
		switch err := readRec(src.r, &src.rec, s.words); {
		case err == io.EOF:
			heap.Pop(h)
		case err != nil:
			return nil, err
		default:
			heap.Fix(h, 0)
		}
	}
	for _, f := range runs {
		s.drop(f)
	}
	return out, w.Flush()
}

// drop closes a temporary file that has served.
func (s *Sasaran) drop(f *os.File) {
	f.Close()
	os.Remove(f.Name())
	s.files = slices.DeleteFunc(s.files, func(g *os.File) bool { return g == f })
}

type runReader struct {
	r   *bufio.Reader
	rec sasaranRec
}

type recHeap struct{ items []*runReader }

func (h *recHeap) Len() int           { return len(h.items) }
func (h *recHeap) Less(i, j int) bool { return recCmp(h.items[i].rec, h.items[j].rec) < 0 }
func (h *recHeap) Swap(i, j int)      { h.items[i], h.items[j] = h.items[j], h.items[i] }
func (h *recHeap) Push(x any)         { h.items = append(h.items, x.(*runReader)) }
func (h *recHeap) Pop() any {
	x := h.items[len(h.items)-1]
	h.items = h.items[:len(h.items)-1]
	return x
}

// recCmp is the order of a round from door to door: the desa in the order
// of the result's units (kabupaten, kecamatan, desa), RT in natural order,
// then input order. Input order is unique, so the order is total and the
// same whatever the runs.
func recCmp(a, b sasaranRec) int {
	if a.pos != b.pos {
		return cmp.Compare(a.pos, b.pos)
	}
	if rtLess(a.rt, b.rt) {
		return -1
	}
	if rtLess(b.rt, a.rt) {
		return 1
	}
	return cmp.Compare(a.seq, b.seq)
}

// meets says a family fails an indicator of mask.
func meets(fails, mask []uint64) bool {
	for w := range mask {
		if fails[w]&mask[w] != 0 {
			return true
		}
	}
	return false
}

func appendRec(b []byte, r *sasaranRec) []byte {
	b = binary.AppendUvarint(b, uint64(r.pos))
	b = binary.AppendUvarint(b, uint64(r.desa))
	b = binary.AppendUvarint(b, r.seq)
	for _, s := range []string{r.rt, r.kk, r.name} {
		b = binary.AppendUvarint(b, uint64(len(s)))
		b = append(b, s...)
	}
	for _, w := range r.fails {
		b = binary.AppendUvarint(b, w)
	}
	return b
}

// readRec reads a record; io.EOF only before its first byte.
func readRec(r *bufio.Reader, rec *sasaranRec, words int) error {
	v, err := binary.ReadUvarint(r)
	if err != nil {
		return err
	}
	rec.pos = int(v)
	var vals [2]uint64
	for i := range vals {
		if vals[i], err = binary.ReadUvarint(r); err != nil {
			return noEOF(err)
		}
	}
	rec.desa, rec.seq = int(vals[0]), vals[1]
	for _, s := range []*string{&rec.rt, &rec.kk, &rec.name} {
		n, err := binary.ReadUvarint(r)
		if err != nil {
			return noEOF(err)
		}
		b := make([]byte, n)
		if _, err := io.ReadFull(r, b); err != nil {
			return noEOF(err)
		}
		*s = string(b)
	}
	if len(rec.fails) != words {
		rec.fails = make([]uint64, words)
	}
	for w := range rec.fails {
		if rec.fails[w], err = binary.ReadUvarint(r); err != nil {
			return noEOF(err)
		}
	}
	return nil
}

func noEOF(err error) error {
	if err == io.EOF {
		return io.ErrUnexpectedEOF
	}
	return err
}

// Plans are the plans the lists were drawn up for, in order.
func (l *SasaranLists) Plans() []SectorPlan { return l.plans }

// Families is the number of families on office k's list.
func (l *SasaranLists) Families(k int) int {
	n := 0
	for _, c := range l.counts[k] {
		n += c
	}
	return n
}

// DesaFamilies is the number of families of desa u on office k's list.
func (l *SasaranLists) DesaFamilies(k int, u *Unit) int { return l.counts[k][u.desaIdx] }

// Listed is the number of families on at least one list.
func (l *SasaranLists) Listed() int { return l.listed }

// Each calls fn for every family of office k's list, in the order of a
// round from door to door, until fn returns an error.
func (l *SasaranLists) Each(k int, fn func(*SasaranRow) error) error {
	weak := l.weak[k]
	var row SasaranRow
	emit := func(rec *sasaranRec) error {
		m := weak[rec.desa]
		if m == nil || !meets(rec.fails, m) {
			return nil
		}
		row.Desa, row.RT, row.KK, row.Name = l.units[rec.desa], rec.rt, rec.kk, rec.name
		row.Fails = row.Fails[:0]
		for w, word := range m {
			for x := word & rec.fails[w]; x != 0; x &= x - 1 {
				row.Fails = append(row.Fails, l.set.Indicators[w*64+bits.TrailingZeros64(x)])
			}
		}
		return fn(&row)
	}
	if l.sorted == nil {
		for i := range l.mem {
			if err := emit(&l.mem[i]); err != nil {
				return err
			}
		}
		return nil
	}
	r := bufio.NewReaderSize(io.NewSectionReader(l.sorted, 0, l.size), 64<<10)
	words := (len(l.set.Indicators) + 63) / 64
	var rec sasaranRec
	for {
		switch err := readRec(r, &rec, words); {
		case err == io.EOF:
			return nil
		case err != nil:
			return err
		}
		if err := emit(&rec); err != nil {
			return err
		}
	}
}

// FindSector finds an office of the set by its key, short name or name, in
// any case. An unknown one is refused, naming the keys accepted.
func FindSector(set *Set, s string) (Tag, error) {
	want := NormalizeName(s)
	for _, t := range set.Sectors {
		if NormalizeName(t.Key) == want || NormalizeName(t.Short) == want || NormalizeName(t.Label) == want {
			return t, nil
		}
	}
	var keys []string
	for _, t := range set.Sectors {
		keys = append(keys, t.Key)
	}
	return Tag{}, say(MsgNoSector, "office", strconv.Quote(s), "keys", strings.Join(keys, ", "))
}
