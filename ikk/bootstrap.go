package ikk

import (
	"bufio"
	"context"
	"crypto/sha256"
	"encoding/binary"
	"io"
	"math"
	"math/bits"
	"os"
	"slices"
	"strconv"
	"sync"
)

// Interval is a 95% interval of a unit's value: the 2.5th and 97.5th
// percentiles of the value over the resamples (method section 12;
// docs/method.md, "Intervals").
type Interval struct{ Low, High float64 }

// Uncertainty says how sure a unit's figures are. It never changes the
// printed value or category: it stands beside them.
type Uncertainty struct {
	// Resamples is the number of resamples drawn (Options.Resamples).
	Resamples int
	// IKK is the interval of the index; nil when the index is undefined
	// in every resample.
	IKK *Interval
	// Dimensions are the intervals per Set.Dimensions; nil entries where
	// the dimension is undefined in every resample.
	Dimensions []*Interval
	// OtherCategory is the share of resamples whose rounded index falls in
	// another category than Unit.Category; a resample with an undefined
	// index counts as another category (when the unit's own index is
	// defined).
	OtherCategory float64
	// FewFamilies says the unit has fewer than FewFamiliesBelow scored
	// families.
	FewFamilies bool
	// ThinIndicators are the keys (ids) of the indicators, in set order,
	// that between 1 and ThinIndicatorBelow-1 families of the unit passed
	// or failed.
	ThinIndicators []string
}

// FewFamiliesBelow and ThinIndicatorBelow are the thresholds of the flags
// of Uncertainty (docs/method.md, "Intervals").
const (
	FewFamiliesBelow   = 30
	ThinIndicatorBelow = 10
)

// Replicates returns, for a desa scored with Options.KeepReplicates, its
// resampled dimension values: rep[b][d] is dimension d (per
// Set.Dimensions) in resample b, NaN where undefined; nil when not kept.
// The slices are the unit's: do not change them.
func (u *Unit) Replicates() [][]float64 { return u.replicates }

// MaxResamples bounds Options.Resamples: a desa's resampled counts take
// Resamples times twice the indicators in 4-byte counts.
const MaxResamples = 100000

// MaxKeptReplicates bounds the memory of the resamples kept for a ranking
// (Options.KeepReplicates): every desa's dimensions in every resample, 8
// bytes each. 300 desa and 1,000 resamples take 12 MB; 300 desa and
// 100,000, which MaxResamples allows, would take 1.2 GB, more than a 32-bit
// Windows process has.
const MaxKeptReplicates = 512 << 20

// keptBudget is MaxKeptReplicates, lowered by the tests.
var keptBudget = MaxKeptReplicates

// checkKept refuses, before any resample is drawn, a ranking whose kept
// resamples would pass MaxKeptReplicates, naming the most that fit.
func (sc *scorer) checkKept() error {
	if !sc.opt.KeepReplicates {
		return nil
	}
	per := len(sc.desaOrder) * max(1, len(sc.set.Dimensions)) * 8 // bytes per resample
	if per*sc.opt.Resamples <= keptBudget {
		return nil
	}
	return say(MsgReplicatesTooMany, "desa", strconv.Itoa(len(sc.desaOrder)), "resamples", strconv.Itoa(sc.opt.Resamples),
		"max", strconv.Itoa(keptBudget/per))
}

// BootstrapSeed is the fixed value every random stream of the bootstrap
// starts from: a desa's stream is seeded with the SHA-256 of it, a zero
// byte and the desa's code (or, for a desa known by name only, the key of
// its names), so that reruns and any number of jobs give the same
// intervals. Changing it changes every interval a little: it is part of
// the method (docs/method.md, "Intervals").
const BootstrapSeed = "ikk bootstrap v1"

// Intervals are computed by a stratified bootstrap (docs/method.md,
// "Intervals"): each desa's families are resampled with replacement, as many
// as it has, Resamples times; a kecamatan's or kabupaten's resample b is the
// union of its desa's resamples b. Every resample is scored as the unit is
// (dimensionValues, countMean, Set.indexValue), from the counts the resampled
// families give.
//
// While a run reads, each scored family leaves its pattern (the indicators
// it passes and those it fails) with its desa in a patternStore, in memory
// up to bootMemHouseholds families and in a temporary file beyond; then the
// desa are resampled a group at a time, each group as many families as the
// bound allows, its desa spread over the jobs. Counts are integers, so that
// adding a desa's resampled counts to its kecamatan and kabupaten in
// whatever order the jobs finish gives the same sums.

// bootMemHouseholds bounds the families whose patterns are held in memory at
// once (about 20 bytes each with up to 64 indicators); tests make it tiny.
var bootMemHouseholds = 1 << 18

// patternStore keeps every scored family's pattern: the desa (4 bytes), then
// the pass and the fail bits of its indicators (words uint64 each).
type patternStore struct {
	words   int
	rec     int
	buf     []byte
	spill   *os.File
	size    int64    // bytes written to spill
	mem     [][]byte // chunks kept in memory when spill could not be written
	perDesa []int    // families by desa index
}

func newPatternStore(indicators int) *patternStore {
	w := max(1, (indicators+63)/64)
	return &patternStore{words: w, rec: 4 + 16*w}
}

func (p *patternStore) add(desa int, outs []Outcome) {
	for desa >= len(p.perDesa) {
		p.perDesa = append(p.perDesa, 0)
	}
	p.perDesa[desa]++
	if p.buf == nil {
		p.buf = make([]byte, 0, min(bootMemHouseholds, 4096)*p.rec)
	}
	p.buf = binary.LittleEndian.AppendUint32(p.buf, uint32(desa))
	for half := Pass; half <= Fail; half++ {
		for w := 0; w < p.words; w++ {
			var m uint64
			for i, o := range outs[min(len(outs), 64*w):min(len(outs), 64*w+64)] {
				if o == half {
					m |= 1 << uint(i)
				}
			}
			p.buf = binary.LittleEndian.AppendUint64(p.buf, m)
		}
	}
	if len(p.buf) >= bootMemHouseholds*p.rec {
		p.flush()
	}
}

// flush writes the records in memory to the spill file, made on first
// need; where it cannot be written (no temporary folder, a full disk) they
// stay in memory, as kkIndex's do.
func (p *patternStore) flush() {
	if p.spill == nil && p.mem == nil {
		p.spill, _ = openSpill("ikk-boot-*")
	}
	if p.spill != nil {
		if _, err := p.spill.WriteAt(p.buf, p.size); err == nil {
			p.size += int64(len(p.buf))
			p.buf = p.buf[:0]
			return
		}
		p.spill.Close()
		p.spill = nil
	}
	p.mem = append(p.mem, p.buf)
	p.buf = nil
}

// each calls f with every record, those spilled first.
func (p *patternStore) each(f func(desa int, rec []byte)) error {
	walk := func(data []byte) {
		for i := 0; i+p.rec <= len(data); i += p.rec {
			f(int(binary.LittleEndian.Uint32(data[i:])), data[i+4:i+p.rec])
		}
	}
	if p.spill != nil {
		r := bufio.NewReaderSize(io.NewSectionReader(p.spill, 0, p.size), 1<<16)
		chunk := make([]byte, 4096*p.rec)
		for {
			n, err := io.ReadFull(r, chunk)
			walk(chunk[:n])
			if err == io.EOF || err == io.ErrUnexpectedEOF {
				break
			}
			if err != nil {
				return err
			}
		}
	}
	for _, m := range p.mem {
		walk(m)
	}
	walk(p.buf)
	return nil
}

func (p *patternStore) close() {
	if p == nil {
		return
	}
	if p.spill != nil {
		name := p.spill.Name()
		p.spill.Close()
		os.Remove(name)
	}
	*p = patternStore{}
}

// rng is xoshiro256** (Blackman and Vigna), small and fast, with its state
// in the open: the bootstrap must draw the same numbers on every machine and
// Go version.
type rng struct {
	s    [4]uint64
	half uint32 // the high half of the last number, not yet drawn from
	has  bool
}

func newRNG(key string) rng {
	sum := sha256.Sum256([]byte(BootstrapSeed + "\x00" + key))
	var r rng
	for i := range r.s {
		r.s[i] = binary.LittleEndian.Uint64(sum[8*i:])
	}
	if r.s == ([4]uint64{}) {
		r.s[0] = 1 // the one state xoshiro cannot leave
	}
	return r
}

func (r *rng) next() uint64 {
	s0, s1, s2, s3 := r.s[0], r.s[1], r.s[2], r.s[3]
	out := bits.RotateLeft64(s1*5, 7) * 9
	t := s1 << 17
	s2 ^= s0
	s3 ^= s1
	s1 ^= s2
	s0 ^= s3
	s2 ^= t
	s3 = bits.RotateLeft64(s3, 45)
	r.s[0], r.s[1], r.s[2], r.s[3] = s0, s1, s2, s3
	return out
}

// next32 gives 32 random bits: the low half of a number, then its high
// half.
func (r *rng) next32() uint32 {
	if r.has {
		r.has = false
		return r.half
	}
	x := r.next()
	r.half, r.has = uint32(x>>32), true
	return uint32(x)
}

// below32 draws uniformly from 0 to n-1 (n > 0), by Lemire's multiply
// and reject, which has no bias: of x*n, a 32-bit x, the high half, unless
// the low half falls below 2^32 mod n, when x is drawn again.
func (r *rng) below32(n uint32) uint32 {
	thresh := -n % n
	for {
		m := uint64(r.next32()) * uint64(n)
		if uint32(m) >= thresh {
			return uint32(m >> 32)
		}
	}
}

// fill draws len(dst) numbers as below32 does, one after the other: the
// same numbers, with the generator's steps written out so that its state
// stays in registers (the resamples' hot loop).
func (r *rng) fill(dst []uint32, n uint32) {
	thresh := -n % n
	s0, s1, s2, s3 := r.s[0], r.s[1], r.s[2], r.s[3]
	half, has := r.half, r.has
	for i := 0; i < len(dst); {
		var x uint32
		if has {
			x, has = half, false
		} else {
			v := bits.RotateLeft64(s1*5, 7) * 9
			t := s1 << 17
			s2 ^= s0
			s3 ^= s1
			s1 ^= s2
			s0 ^= s3
			s2 ^= t
			s3 = bits.RotateLeft64(s3, 45)
			x, half, has = uint32(v), uint32(v>>32), true
		}
		if m := uint64(x) * uint64(n); uint32(m) >= thresh {
			dst[i] = uint32(m >> 32)
			i++
		}
	}
	r.s[0], r.s[1], r.s[2], r.s[3] = s0, s1, s2, s3
	r.half, r.has = half, has
}

// bootLayout is what a resample's counts hold, width of them per resample,
// and how a resample is scored from them:
//   - indicator first: per indicator the families passing it, then per
//     indicator those passing or failing it;
//   - family first: per dimension d, from off[d], the families having each
//     of the dimension's scores values[d] (ascending, every score any
//     family of the run has).
type bootLayout struct {
	set    *Set
	b      int
	width  int
	values [][]float64
	index  []map[float64]int32
	off    []int
}

func newBootLayout(set *Set, b int, desas []*desaState) *bootLayout {
	l := &bootLayout{set: set, b: b}
	if !set.FamilyFirst() {
		l.width = 2 * len(set.Indicators)
		return l
	}
	n := len(set.Dimensions)
	l.values, l.index, l.off = make([][]float64, n), make([]map[float64]int32, n), make([]int, n+1)
	for j := range n {
		seen := map[float64]bool{}
		for _, d := range desas {
			for v := range d.acc.fam[j] {
				seen[v] = true
			}
		}
		for v := range seen {
			l.values[j] = append(l.values[j], v)
		}
		slices.Sort(l.values[j])
		l.off[j+1] = l.off[j] + len(l.values[j])
		l.index[j] = make(map[float64]int32, len(l.values[j]))
		for k, v := range l.values[j] {
			l.index[j][v] = int32(l.off[j] + k)
		}
	}
	l.width = l.off[n]
	return l
}

// bootScratch is a worker's room for scoring resamples.
type bootScratch struct {
	pct, num, den, dims []float64
	outs                []Outcome
	counts              []uint32
	lanes               []uint64
	slots               []int32
	draws               []uint32 // the families drawn for one resample
}

func (l *bootLayout) scratch() *bootScratch {
	nInd, nDim := len(l.set.Indicators), len(l.set.Dimensions)
	return &bootScratch{pct: make([]float64, nInd), num: make([]float64, nDim), den: make([]float64, nDim),
		dims: make([]float64, nDim), outs: make([]Outcome, nInd)}
}

// score gives a resample's dimension values and index (NaN where
// undefined) from its counts c, exactly as finish scores a unit. The
// dimensions are the scratch's, overwritten by the next call.
func (l *bootLayout) score(c []uint32, s *bootScratch) ([]float64, float64) {
	if l.values == nil {
		n := len(l.set.Indicators)
		for i := range n {
			pass, applies := int(c[i]), int(c[n+i])
			s.pct[i] = percentValue(pass, applies-pass)
		}
		dimensionValues(l.set, s.pct, s.num, s.den, s.dims)
	} else {
		for j := range s.dims {
			s.dims[j] = countMean(l.values[j], c[l.off[j]:l.off[j+1]])
		}
	}
	return s.dims, l.set.indexValue(s.dims)
}

// resample draws l.b resamples of a desa's families, each as many as it has,
// and writes their counts into s.counts (l.b times l.width). pats are the
// families' patterns, words pass words then words fail words each, sorted
// so that the draws do not depend on the order of rows.
func (l *bootLayout) resample(key string, pats []uint64, words int, s *bootScratch) []uint32 {
	stride := 2 * words
	n := len(pats) / stride
	if cap(s.counts) < l.b*l.width {
		s.counts = make([]uint32, l.b*l.width)
	}
	s.counts = s.counts[:l.b*l.width]
	clear(s.counts)
	r := newRNG(key)
	if cap(s.draws) < n {
		s.draws = make([]uint32, n)
	}
	s.draws = s.draws[:n]
	if l.values == nil {
		l.resampleIndicators(&r, pats, words, n, s)
	} else {
		l.resampleFamilies(&r, pats, words, n, s)
	}
	return s.counts
}

// resampleIndicators counts, per resample, the drawn families passing and
// applying each indicator. A family's indicators are laid out in nibbles,
// one an indicator, sixteen to a word, the passes then the applies: adding
// a family's words adds one to the count of each indicator it passes (or
// applies to) at once. A nibble holds 15, so every 15 draws the nibbles are
// spread into bytes (the even nibbles, the odd), and a byte holds 255, so
// every 17 times the bytes are emptied into the counts.
func (l *bootLayout) resampleIndicators(r *rng, pats []uint64, words, n int, s *bootScratch) {
	nInd := len(l.set.Indicators)
	half := (nInd + 15) / 16 // words of the passes, and of the applies
	rowLen := 2 * half
	if cap(s.lanes) < n*rowLen {
		s.lanes = make([]uint64, n*rowLen)
	}
	lanes := s.lanes[:n*rowLen]
	clear(lanes)
	for h := range n {
		p := pats[h*2*words:]
		row := lanes[h*rowLen:]
		for i := range nInd {
			pass := p[i/64]>>(i%64)&1 != 0
			fail := p[words+i/64]>>(i%64)&1 != 0
			bit := uint64(1) << (4 * (i % 16))
			if pass {
				row[i/16] |= bit
			}
			if pass || fail {
				row[half+i/16] |= bit
			}
		}
	}
	nib := make([]uint64, rowLen)
	bytes := make([]uint64, 2*rowLen)
	for b := range l.b {
		c := s.counts[b*l.width : (b+1)*l.width]
		r.fill(s.draws, uint32(n))
		if rowLen == 4 && bootFast {
			add4(lanes, s.draws, (*[8]uint64)(bytes), c, half, nInd)
			continue
		}
		for t := 0; t < n; {
			// Up to 255 draws: 17 rounds of up to 15.
			block := min(255, n-t)
			for block > 0 {
				m := min(15, block)
				block -= m
				addAny(lanes, rowLen, s.draws[t:t+m], nib)
				t += m
				spread(nib, bytes)
			}
			emptyBytes(bytes, c, half, nInd)
		}
	}
}

// nibbles selects the even nibbles of a word.
const nibbles = 0x0f0f0f0f0f0f0f0f

// spread adds the nibbles of nib to bytes, the even ones to bytes[2w] and
// the odd ones to bytes[2w+1], and empties nib.
func spread(nib, bytes []uint64) {
	for w, v := range nib {
		bytes[2*w] += v & nibbles
		bytes[2*w+1] += v >> 4 & nibbles
		nib[w] = 0
	}
}

// emptyBytes adds the byte counts to c and empties them. Byte j of
// bytes[k] is nibble 2j (k even) or 2j+1 (k odd) of word k/2: the passes
// in the first half words, then the applies, counted from nInd in c.
func emptyBytes(bytes []uint64, c []uint32, half, nInd int) {
	for k, v := range bytes {
		w := k / 2
		base := 16*w + k%2
		if w >= half {
			base = nInd + 16*(w-half) + k%2
		}
		for j := 0; v != 0; j, v = j+1, v>>8 {
			if x := uint32(v & 0xff); x != 0 {
				c[base+2*j] += x
			}
		}
		bytes[k] = 0
	}
}

// bootFast uses draw4 for the sets of up to 32 indicators (the built-in
// ones); tests turn it off to check drawAny against it.
var bootFast = true

// add4 is the loop of resampleIndicators, with its spread and
// emptyBytes, for rows of four words (sets of up to 32 indicators), the
// sums in registers.
func add4(lanes []uint64, drawn []uint32, bytes *[8]uint64, c []uint32, half, nInd int) {
	var a0, a1, a2, a3 uint64
	k, rounds := 0, 0
	for _, h := range drawn {
		row := (*[4]uint64)(lanes[4*int(h):])
		a0 += row[0]
		a1 += row[1]
		a2 += row[2]
		a3 += row[3]
		if k++; k < 15 {
			continue
		}
		bytes[0] += a0 & nibbles
		bytes[1] += a0 >> 4 & nibbles
		bytes[2] += a1 & nibbles
		bytes[3] += a1 >> 4 & nibbles
		bytes[4] += a2 & nibbles
		bytes[5] += a2 >> 4 & nibbles
		bytes[6] += a3 & nibbles
		bytes[7] += a3 >> 4 & nibbles
		a0, a1, a2, a3, k = 0, 0, 0, 0, 0
		if rounds++; rounds == 17 {
			emptyBytes(bytes[:], c, half, nInd)
			rounds = 0
		}
	}
	spread([]uint64{a0, a1, a2, a3}, bytes[:])
	emptyBytes(bytes[:], c, half, nInd)
}

// addAny adds the drawn families' rows of rowLen words to nib.
func addAny(lanes []uint64, rowLen int, drawn []uint32, nib []uint64) {
	for _, h := range drawn {
		for w, v := range lanes[int(h)*rowLen : (int(h)+1)*rowLen] {
			nib[w] += v
		}
	}
}

// resampleFamilies counts, per resample and dimension, the drawn families
// having each score.
func (l *bootLayout) resampleFamilies(r *rng, pats []uint64, words, n int, s *bootScratch) {
	nDim := len(l.set.Dimensions)
	if cap(s.slots) < n*nDim {
		s.slots = make([]int32, n*nDim)
	}
	slots := s.slots[:n*nDim]
	for h := range n {
		p := pats[h*2*words:]
		for i := range s.outs {
			s.outs[i] = NA
			switch {
			case p[i/64]>>(i%64)&1 != 0:
				s.outs[i] = Pass
			case p[words+i/64]>>(i%64)&1 != 0:
				s.outs[i] = Fail
			}
		}
		dims := familyDims(l.set, s.outs, s.num, s.den, s.dims)
		for j, v := range dims {
			slots[h*nDim+j] = -1
			if !math.IsNaN(v) {
				// Every score of the run is in the index: it was made from
				// the desa's own family scores (newBootLayout).
				slots[h*nDim+j] = l.index[j][v]
			}
		}
	}
	for b := range l.b {
		c := s.counts[b*l.width : (b+1)*l.width]
		r.fill(s.draws, uint32(n))
		for _, h := range s.draws {
			for _, k := range slots[int(h)*nDim : (int(h)+1)*nDim] {
				if k >= 0 {
					c[k]++
				}
			}
		}
	}
}

// percentileRank is k of the interval rule: of m values in ascending order
// the interval runs from the k-th smallest to the k-th largest, k the
// 2.5% of m rounded up (25 of 1,000), at least 1. The interval then leaves
// at most 2.5% of the resamples out on either side.
func percentileRank(m int) int {
	return max(1, (m*25+999)/1000)
}

// intervalOf is the interval of the values, NaN ones left out; nil when
// none is left. vals is sorted in place.
func intervalOf(vals []float64) *Interval {
	vals = slices.DeleteFunc(vals, math.IsNaN)
	if len(vals) == 0 {
		return nil
	}
	slices.Sort(vals)
	k := percentileRank(len(vals))
	return &Interval{Low: vals[k-1], High: vals[len(vals)-k]}
}

// summarize scores a unit's resamples from their counts and says how sure
// its figures are; with keep, the resampled dimension values are kept.
func (l *bootLayout) summarize(u *Unit, counts []uint32, keep bool, s *bootScratch) {
	nDim := len(l.set.Dimensions)
	vals := make([][]float64, nDim+1)
	for j := range vals {
		vals[j] = make([]float64, 0, l.b)
	}
	var rep [][]float64
	if keep {
		flat := make([]float64, l.b*nDim)
		rep = make([][]float64, l.b)
		for b := range rep {
			rep[b] = flat[b*nDim : (b+1)*nDim : (b+1)*nDim]
		}
	}
	other := 0
	for b := range l.b {
		dims, v := l.score(counts[b*l.width:(b+1)*l.width], s)
		for j, d := range dims {
			vals[j] = append(vals[j], d)
		}
		if keep {
			copy(rep[b], dims)
		}
		vals[nDim] = append(vals[nDim], v)
		if !sameCategory(l.set, u, v) {
			other++
		}
	}
	unc := &Uncertainty{Resamples: l.b, Dimensions: make([]*Interval, nDim),
		OtherCategory: float64(other) / float64(l.b)}
	for j := range nDim {
		unc.Dimensions[j] = intervalOf(vals[j])
	}
	unc.IKK = intervalOf(vals[nDim])
	unc.FewFamilies, unc.ThinIndicators = thinFlags(l.set, u)
	u.Uncertainty = unc
	if keep {
		u.replicates = rep
	}
}

// sameCategory says a resample's index v (NaN: undefined) falls in the
// unit's category: both undefined, or both in the same category (or below
// every cut-off).
func sameCategory(set *Set, u *Unit, v float64) bool {
	if math.IsNaN(v) || u.IKK == nil {
		return math.IsNaN(v) && u.IKK == nil
	}
	c := set.Category(v)
	if c == nil || u.Category == nil {
		return c == nil && u.Category == nil
	}
	return c.ID == u.Category.ID
}

// thinFlags are the plain warnings of Uncertainty: few families, and the
// indicators that rest on few.
func thinFlags(set *Set, u *Unit) (few bool, thin []string) {
	for i, ind := range set.Indicators {
		if i >= len(u.Indicators) {
			break
		}
		if n := u.Indicators[i].Pass() + u.Indicators[i].Fail(); n > 0 && n < ThinIndicatorBelow {
			thin = append(thin, ind.ID)
		}
	}
	return u.Households < FewFamiliesBelow, thin
}

// bootArea is a kecamatan or kabupaten being resampled: the sum of its
// desa's resampled counts, and how many desa are still to come.
type bootArea struct {
	unit   *Unit
	counts []uint32
	left   int
}

type bootDesa struct {
	d        *desaState
	key      string // the seed's: the code, else the key of the names
	unit     *Unit
	kec, kab *bootArea
}

// bootstrap gives every desa, kecamatan and kabupaten of res its
// Uncertainty (see the comment at BootstrapSeed).
func (sc *scorer) bootstrap(ctx context.Context, res *Result, jobs int) error {
	if err := sc.checkKept(); err != nil {
		return err
	}
	res.Resamples = sc.opt.Resamples
	store := sc.patterns
	byUnit := make(map[*Unit]*desaState, len(sc.desaOrder))
	var states []*desaState
	for _, key := range sc.desaOrder {
		d := sc.desas[key]
		byUnit[d.unit] = d
		states = append(states, d)
	}
	l := newBootLayout(sc.set, sc.opt.Resamples, states)
	var list []*bootDesa
	var kab, kec *bootArea
	for _, u := range res.Units {
		switch u.Level {
		case LevelKabupaten:
			kab = &bootArea{unit: u}
		case LevelKecamatan:
			kec = &bootArea{unit: u}
		case LevelDesa:
			d := byUnit[u]
			if d == nil || d.idx >= len(store.perDesa) || store.perDesa[d.idx] == 0 {
				continue
			}
			key := d.code
			if key == "" {
				key = sc.desaOrder[d.idx]
			}
			kec.left++
			kab.left++
			list = append(list, &bootDesa{d: d, key: key, unit: u, kec: kec, kab: kab})
		}
	}
	// Groups of desa, in the units' order, each as many families as the
	// bound allows (one desa at least).
	sent := 0
	progress := func() {
		if sc.opt.Progress != nil {
			sc.opt.Progress(Progress{Families: sc.total.Scored, Done: 1, Resampling: true, Resampled: sent, Desa: len(list)})
		}
		sent++
	}
	for start := 0; start < len(list); {
		end, n := start, 0
		for end < len(list) && (end == start || n+store.perDesa[list[end].d.idx] <= bootMemHouseholds) {
			n += store.perDesa[list[end].d.idx]
			end++
		}
		if err := sc.bootGroup(ctx, l, list[start:end], jobs, progress); err != nil {
			return err
		}
		start = end
	}
	return nil
}

// bootGroup reads the patterns of a group of desa and resamples them, the
// desa spread over the jobs.
// progress is called, from this goroutine, before each desa is handed out.
func (sc *scorer) bootGroup(ctx context.Context, l *bootLayout, group []*bootDesa, jobs int, progress func()) error {
	store := sc.patterns
	words := store.words
	pats := make(map[int][]uint64, len(group))
	for _, bd := range group {
		pats[bd.d.idx] = make([]uint64, 0, 2*words*store.perDesa[bd.d.idx])
	}
	err := store.each(func(desa int, rec []byte) {
		p, ok := pats[desa]
		if !ok {
			return
		}
		for w := range 2 * words {
			p = append(p, binary.LittleEndian.Uint64(rec[8*w:]))
		}
		pats[desa] = p
	})
	if err != nil {
		return err
	}
	work := make(chan *bootDesa)
	var mu sync.Mutex
	var wg sync.WaitGroup
	for range min(jobs, len(group)) {
		wg.Go(func() {
			s := l.scratch()
			for bd := range work {
				p := sortPatterns(pats[bd.d.idx], 2*words)
				counts := l.resample(bd.key, p, words, s)
				l.summarize(bd.unit, counts, sc.opt.KeepReplicates, s)
				for _, a := range [2]*bootArea{bd.kec, bd.kab} {
					mu.Lock()
					if a.counts == nil {
						a.counts = make([]uint32, len(counts))
					}
					for i, c := range counts {
						a.counts[i] += c
					}
					a.left--
					last := a.left == 0
					mu.Unlock()
					if last {
						// Its last desa is in: no other job touches it now.
						l.summarize(a.unit, a.counts, false, s)
						a.counts = nil
					}
				}
			}
		})
	}
	for _, bd := range group {
		if ctx.Err() != nil {
			break
		}
		progress()
		work <- bd
	}
	close(work)
	wg.Wait()
	return ctx.Err()
}

// sortPatterns orders a desa's patterns (stride words each), so that its
// resamples depend on its families, not on the order of the rows.
func sortPatterns(p []uint64, stride int) []uint64 {
	n := len(p) / stride
	idx := make([]int32, n)
	for i := range idx {
		idx[i] = int32(i)
	}
	slices.SortFunc(idx, func(a, b int32) int {
		return slices.Compare(p[int(a)*stride:int(a+1)*stride], p[int(b)*stride:int(b+1)*stride])
	})
	out := make([]uint64, 0, len(p))
	for _, i := range idx {
		out = append(out, p[int(i)*stride:int(i+1)*stride]...)
	}
	return out
}
