package ikk

import (
	"bufio"
	"cmp"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"io"
	"math"
	"os"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"unsafe"
)

// A run is a pipeline in three stages, so that every core is busy whether
// the input is one sheet of a million families or three hundred small files:
//
//   - readers, one per open file (at most Jobs at once), cut rows into
//     batches;
//   - workers (Jobs of them) parse the cells of a batch and decide each
//     household's outcomes, the costly part;
//   - one merger takes the batches back in input order and does what depends
//     on order: rejecting a family's second row, adding to the desa and RT,
//     listing issues, handing households to OnHousehold.
//
// Because the merger alone touches the totals, and always in input order,
// the result is the same, to the byte, whatever the number of jobs.

// batchRows is the number of rows a batch carries: enough to make passing it
// between goroutines cheap, small enough to keep the batches in flight (a few
// dozen) to a few megabytes.
const batchRows = 256

// eventsPerFile bounds how far a file's reader may run ahead of the merger.
const eventsPerFile = 8

// batchBytes ends a batch early when its rows' cells pass it, and
// batchRowCells is the capacity of a row's cell slice a recycled batch
// keeps: a real batch is some 300 KB, but a crafted sheet can make each row
// megabytes (16,384 cells, or values up to the reader's budget), and the few
// dozen batches in flight must not multiply that into gigabytes.
const (
	batchBytes    = 1 << 20
	batchRowCells = 1024
)

type fileJob struct {
	idx    int
	path   string
	events chan fileEvent
}

// fileEvent is one of: the file opened (start), a batch of its rows, or its
// end (done, with the error that stopped it, if any).
type fileEvent struct {
	start *fileStart
	batch *batch
	done  *fileDone
}

type fileStart struct {
	err   error
	sheet string
	lay   *layout
	// extra is the quoted line breaks of the rows before the first batch,
	// for the shift of shifted batches.
	extra int
	// position reports how much of the file its reader has consumed, for
	// the progress line; nil when the source cannot tell.
	position func() (done, total int64)
}

type fileDone struct {
	err    error
	sha256 string
}

type batch struct {
	job    *fileJob
	sheet  string
	lay    *layout
	n      int
	nums   []int
	cells  [][]Cell
	flaws  []rowFlaw // what the reader found wrong with each row
	recs   []rowRec
	outs   []Outcome // n x indicators
	dims   []float64 // n x dimensions; NaN where undefined
	issues []Issue
	done   chan struct{}

	// A batch of a CSV file read in chunks comes as its raw text, parsed
	// by the worker; err is what stopped the parse. The rows of such a
	// batch, and of the sequential reader's batches that follow a chunked
	// run, are numbered without the quoted line breaks before the batch:
	// shifted says the merger must count those out, extra is the batch's
	// own.
	chunk   *csvChunk
	err     error
	shifted bool
	extra   int
	// held bounds the bytes of cell text the batch's rows refer to.
	held int
	// text is the buffer of the chunk the rows were parsed from, given
	// back to the splitter by recycle.
	text []byte
}

// shift numbers a shifted batch's rows as the file numbers them, given the
// quoted line breaks before the batch, and returns those after it.
func (b *batch) shift(before int) int {
	if before != 0 {
		for i := range b.n {
			b.nums[i] -= before
		}
		for k := range b.issues {
			is := &b.issues[k]
			if is.Row == 0 {
				continue
			}
			old := strconv.Itoa(is.Row)
			is.Row -= before
			if letters, ok := strings.CutSuffix(is.Cell, old); ok && letters != "" {
				is.Cell = letters + strconv.Itoa(is.Row)
			}
		}
	}
	return before + b.extra
}

// reserve makes room for n rows: a chunk may hold more than batchRows.
func (b *batch) reserve(n int) {
	if n <= len(b.nums) {
		return
	}
	n = max(n, 2*len(b.nums))
	grow := func(k int) int { return k * n / len(b.nums) }
	nums := make([]int, n)
	copy(nums, b.nums)
	cells := make([][]Cell, n)
	copy(cells, b.cells)
	flaws := make([]rowFlaw, n)
	copy(flaws, b.flaws)
	recs := make([]rowRec, n)
	copy(recs, b.recs)
	outs := make([]Outcome, grow(len(b.outs)))
	copy(outs, b.outs)
	dims := make([]float64, grow(len(b.dims)))
	copy(dims, b.dims)
	b.nums, b.cells, b.flaws, b.recs, b.outs, b.dims = nums, cells, flaws, recs, outs, dims
}

// rowRec is what a worker decided about one row, for the merger.
type rowRec struct {
	fate                               rowFate
	key                                string // the desa's key: its code, or "name:" kecamatan and desa
	code, kec, desa, kab, rt, kk, name string
	kkKey                              uint64
	kkLost                             bool
	complete                           bool
	sex                                int8 // -1 unknown, 0 male, 1 female
	cat                                int16
	score                              float64 // NaN when incomplete
	// issues[iss0:issKK] come before the KK check (kode_desa, no_village);
	// issues[issKK:iss1] after it (the cells), dropped with a duplicate row.
	iss0, issKK, iss1 int32
}

// ScoreInputs is Score over the files of ExpandInputs: files found in folders
// that cannot be read are skipped with a skipped_file issue.
func ScoreInputs(ctx context.Context, set *Set, in *Inputs, opt Options) (*Result, error) {
	jobs := opt.Jobs
	if jobs <= 0 {
		jobs = runtime.GOMAXPROCS(0)
	}
	if opt.Resamples < 0 || opt.Resamples > MaxResamples {
		return nil, say(MsgResamples, "resamples", strconv.Itoa(opt.Resamples), "max", strconv.Itoa(MaxResamples))
	}
	cfg := newCompiled(set, opt)
	sc := newScorer(cfg)
	defer sc.freeKK()
	defer sc.patterns.close()
	for _, p := range in.Unsupported {
		sc.fileIssue(Issue{File: p, Code: IssueSkippedFile, Detail: MsgSkippedUnsupported})
	}

	outer := ctx // the run's own is cancelled once the files are read
	ctx, cancel := context.WithCancel(ctx)
	p := &pipeline{cfg: cfg, in: in, work: make(chan *batch, 2*jobs), free: make(chan *batch, 4*jobs+eventsPerFile*jobs),
		texts: make(chan []byte, 4*jobs+eventsPerFile*jobs)}
	files := make([]*fileJob, len(in.Files))
	for i, path := range in.Files {
		files[i] = &fileJob{idx: i, path: path, events: make(chan fileEvent, eventsPerFile)}
	}
	var wg sync.WaitGroup
	for range jobs {
		wg.Go(func() { p.worker(ctx) })
	}
	// Readers start in input order, so the file the merger waits for has
	// always been started.
	queue := slices.Clone(files) // the merger drops its files as it goes
	wg.Go(func() {
		slots := make(chan struct{}, jobs)
		var readers sync.WaitGroup
		for k, j := range queue {
			queue[k] = nil
			select {
			case slots <- struct{}{}:
			case <-ctx.Done():
				readers.Wait()
				return
			}
			readers.Go(func() {
				defer func() { <-slots }()
				p.read(ctx, j)
			})
		}
		readers.Wait()
	})
	stop := func() { cancel(); wg.Wait() }

	sizes := make([]int64, len(files))
	var total int64
	for i, j := range files {
		sizes[i] = fileSize(j.path)
		total += sizes[i]
	}
	var doneBytes int64
	for i, j := range files {
		err := sc.mergeFile(ctx, p, j, func() {
			if opt.Progress == nil {
				return
			}
			pr := Progress{Files: len(files), FilesDone: i, Families: sc.total.Scored + sc.cur.Scored}
			done := doneBytes
			if sc.position != nil {
				if d, t := sc.position(); t > 0 {
					done += int64(float64(sizes[i]) * min(1, float64(d)/float64(t)))
				}
			}
			if total > 0 {
				pr.Done = float64(done) / float64(total)
			}
			opt.Progress(pr)
		})
		doneBytes += sizes[i]
		files[i] = nil
		var ie *InputError
		if errors.As(err, &ie) && in.InFolder[j.path] && !ie.Partial && !ie.Changed {
			// The reason is kept as the error it was, for the writer to
			// say in its language.
			sc.fileIssue(Issue{File: j.path, Sheet: ie.Sheet, Code: IssueSkippedFile, Detail: MsgSkippedFile, Cause: ie.Err})
			continue
		}
		if err != nil {
			stop()
			return nil, err
		}
	}
	stop()
	if opt.Progress != nil {
		opt.Progress(Progress{Files: len(files), FilesDone: len(files), Families: sc.total.Scored, Done: 1})
	}
	if sc.total.Scored == 0 {
		return nil, &NoHouseholdsError{Accounting: sc.total, Issues: sc.issues}
	}
	// The KK numbers were needed only to find duplicates while reading; a
	// million families' worth is freed before the units are built.
	sc.freeKK()
	res := sc.result()
	if opt.Resamples > 0 {
		if err := sc.bootstrap(outer, res, jobs); err != nil {
			return nil, err
		}
	}
	return res, nil
}

// Progress is how far a run has come.
type Progress struct {
	Files, FilesDone int
	Families         int     // households scored so far
	Done             float64 // share of the input's bytes read, 0 to 1
	// Resampling is set once the inputs are read and the intervals are
	// being computed: Resampled of the run's Desa are done (bootstrap.go).
	Resampling      bool
	Resampled, Desa int
}

type pipeline struct {
	cfg  *compiled
	in   *Inputs
	work chan *batch
	free chan *batch
	// texts are the buffers of merged chunks, for the splitters' next
	// chunks: a million families' text need not be allocated, and then
	// collected, chunk by chunk.
	texts chan []byte
}

// maxPooledText bounds a chunk buffer kept for the next chunk; a chunk
// grown past it by a long record is left to the collector.
const maxPooledText = 1 << 20

// chunkText is a buffer for a chunk of n bytes.
func (p *pipeline) chunkText(n int) []byte {
	select {
	case buf := <-p.texts:
		if cap(buf) >= n {
			return buf
		}
	default:
	}
	// Room for the chunks after it, which end at other record ends.
	return make([]byte, 0, max(n+n/4, 2*chunkBytes))
}

// poisonTexts makes recycle overwrite a chunk's text before it is used
// again, so that the tests see any string still pointing into it.
var poisonTexts = false

func (p *pipeline) newBatch(j *fileJob, sheet string, lay *layout) *batch {
	var b *batch
	select {
	case b = <-p.free:
	default:
		nInd, nDim := len(p.cfg.set.Indicators), len(p.cfg.set.Dimensions)
		b = &batch{
			nums:  make([]int, batchRows),
			cells: make([][]Cell, batchRows),
			flaws: make([]rowFlaw, batchRows),
			recs:  make([]rowRec, batchRows),
			outs:  make([]Outcome, batchRows*nInd),
			dims:  make([]float64, batchRows*nDim),
		}
	}
	b.job, b.sheet, b.lay, b.n, b.issues = j, sheet, lay, 0, b.issues[:0]
	b.chunk, b.err, b.shifted, b.extra, b.held = nil, nil, false, 0, 0
	b.done = make(chan struct{})
	return b
}

// keepHeld is the most cell text a recycled batch may keep alive through
// the strings of its last rows. Clearing a batch's cells costs more than
// scoring a tenth of its rows; the rows of a batch are overwritten by the
// next one anyway, and the few dozen batches of a run keeping a chunk's
// text each cost less memory than that time.
const keepHeld = 256 << 10

func (p *pipeline) recycle(b *batch) {
	if b.text != nil {
		if poisonTexts {
			t := b.text[:cap(b.text)]
			for i := range t {
				t[i] = 0xFF
			}
		}
		if cap(b.text) <= maxPooledText {
			select {
			case p.texts <- b.text:
			default:
			}
		}
		b.text = nil
	}
	clear(b.flaws[:b.n])
	drop := b.held > keepHeld
	if drop {
		clear(b.recs[:b.n]) // drop the strings of the rows
	}
	for i := range b.n {
		if drop {
			clear(b.cells[i])
		}
		b.cells[i] = b.cells[i][:0]
		if cap(b.cells[i]) > batchRowCells {
			b.cells[i] = nil
		}
	}
	select {
	case p.free <- b:
	default:
	}
}

func (p *pipeline) worker(ctx context.Context) {
	rs := newRowScorer(p.cfg)
	for {
		select {
		case b := <-p.work:
			if b.chunk != nil {
				b.parseChunk()
				b.chunk = nil // its text lives on in b.text, under the cells
			}
			for i := range b.n {
				rs.scoreRow(b, i)
				if b.flaws[i].flags != 0 {
					b.flawIssues(rs.set, i)
				}
			}
			close(b.done)
		case <-ctx.Done():
			return
		}
	}
}

// rowAppender is a Source that can append a row's cells to the caller's
// slice, saving a copy of every cell.
type rowAppender interface {
	appendNext(dst []Cell) ([]Cell, int, bool)
}

// read streams one file into batches. It never fails: what goes wrong is
// sent to the merger, which decides.
func (p *pipeline) read(ctx context.Context, j *fileJob) {
	defer close(j.events)
	send := func(ev fileEvent) bool {
		select {
		case j.events <- ev:
			return true
		case <-ctx.Done():
			return false
		}
	}
	wb, err := Open(j.path)
	if err != nil {
		// The checksum's error says plainly what is wrong with a file that
		// cannot be read at all.
		if _, serr := fileSHA256(j.path); serr != nil {
			err = &InputError{Path: j.path, Err: serr}
		}
		send(fileEvent{start: &fileStart{err: err}})
		return
	}
	defer wb.Close()
	src, lay, err := p.cfg.findSheet(wb, j.path)
	if err != nil {
		send(fileEvent{start: &fileStart{err: err}})
		return
	}
	defer src.Close()
	if cs, ok := src.(*csvSource); ok && chunkCSV {
		if off, ok := cs.chunkable(); ok {
			p.readChunks(ctx, j, cs, off, lay, send)
			return
		}
	}
	// The checksum is a second pass over the file, done alongside.
	shaDone := make(chan fileDone, 1)
	go func() {
		sum, err := fileSHA256(j.path)
		shaDone <- fileDone{sha256: sum, err: err}
	}()
	start := &fileStart{sheet: src.Sheet(), lay: lay}
	if ps, ok := src.(interface{ Position() (int64, int64) }); ok {
		start.position = ps.Position
	}
	if !send(fileEvent{start: start}) {
		return
	}
	if !p.readRows(ctx, j, src, start.sheet, lay, false, send) {
		return
	}
	var d fileDone
	select {
	case d = <-shaDone:
		if d.err != nil {
			d.err = &InputError{Path: j.path, Err: d.err}
		}
	case <-ctx.Done():
		return
	}
	if err := src.Err(); err != nil {
		d.err = &InputError{Path: j.path, Sheet: start.sheet, Err: err}
	} else if d.err == nil {
		d.err = p.in.checkUnchanged(j.path)
	}
	send(fileEvent{done: &d})
}

// readRows streams a source's rows into batches; false when the run was
// cancelled. shifted marks the batches of a CSV file's rest after chunks
// (see batch.shifted).
func (p *pipeline) readRows(ctx context.Context, j *fileJob, src Source, sheet string, lay *layout, shifted bool, send func(fileEvent) bool) bool {
	b := p.newBatch(j, sheet, lay)
	flush := func() bool {
		// The rest's rows are numbered from where it starts, the quoted
		// line breaks of its own earlier rows counted out already: only
		// those before it are to be (extra stays 0).
		b.shifted = shifted
		return p.dispatch(ctx, b, send)
	}
	next := func(dst []Cell) ([]Cell, int, bool) {
		if !src.Next() {
			return dst, 0, false
		}
		row := src.Row()
		return append(dst, row.Cells...), row.Num, true
	}
	if a, ok := src.(rowAppender); ok {
		next = a.appendNext
	}
	fs, _ := src.(flawSource)
	size := 0
	for {
		cells, num, ok := next(b.cells[b.n][:0])
		if !ok {
			break
		}
		b.nums[b.n], b.cells[b.n] = num, cells
		if fs != nil {
			b.flaws[b.n] = fs.rowFlaw()
		}
		b.n++
		size += cellsSize(cells)
		b.held = size
		if b.n == batchRows || size > batchBytes {
			size = 0
			if !flush() {
				return false
			}
			b = p.newBatch(j, sheet, lay)
		}
	}
	return b.n == 0 || flush()
}

// dispatch hands a batch to the workers and, in its file's order, to the
// merger; false when the run was cancelled.
func (p *pipeline) dispatch(ctx context.Context, b *batch, send func(fileEvent) bool) bool {
	select {
	case p.work <- b:
	case <-ctx.Done():
		return false
	}
	return send(fileEvent{batch: b})
}

// chunkCSV says CSV files are read in chunks parsed by the workers; tests
// turn it off to read them with the sequential reader, the reference.
var chunkCSV = true

// readChunks streams a CSV file's records after its header, from offset
// off, as chunks of raw text that the workers parse; the checksum is taken
// on the way. When a record is too long for a chunk, the sequential reader
// reads the rest.
func (p *pipeline) readChunks(ctx context.Context, j *fileJob, cs *csvSource, off int64, lay *layout, send func(fileEvent) bool) {
	fail := func(err error) {
		send(fileEvent{start: &fileStart{err: &InputError{Path: j.path, Err: err}}})
	}
	f, err := os.Open(j.path)
	if err != nil {
		fail(err)
		return
	}
	defer f.Close()
	h := sha256.New()
	in := io.TeeReader(f, h)
	if _, err := io.CopyN(io.Discard, in, off); err != nil {
		fail(err)
		return
	}
	sp := newCSVSplitter(in, byte(cs.Comma), cs.sc.line, p.chunkText)
	var read atomic.Int64
	read.Store(off)
	start := &fileStart{sheet: "", lay: lay, extra: cs.extraLines,
		position: func() (int64, int64) { return read.Load(), cs.size }}
	if !send(fileEvent{start: start}) {
		return
	}
	var readErr error
	for {
		c, err := sp.next()
		read.Store(off + sp.read)
		if errors.Is(err, errNoCut) {
			rest := &csvSource{sc: newCSVScanner(bufio.NewReaderSize(sp.rest(), csvBufSize), byte(cs.Comma), sp.line), width: cs.width}
			if !p.readRows(ctx, j, rest, "", lay, true, send) {
				return
			}
			readErr = rest.Err()
			break
		}
		if err != nil {
			readErr = err
			break
		}
		if c == nil {
			break
		}
		c.width = cs.width
		b := p.newBatch(j, "", lay)
		b.chunk, b.shifted = c, true
		if !p.dispatch(ctx, b, send) {
			return
		}
	}
	d := fileDone{sha256: hex.EncodeToString(h.Sum(nil))}
	if readErr != nil {
		d.err = &InputError{Path: j.path, Err: readErr}
	} else {
		d.err = p.in.checkUnchanged(j.path)
	}
	send(fileEvent{done: &d})
}

// cellsSize is about what a row's cells hold: their slots and their text.
func cellsSize(cells []Cell) int {
	n := len(cells) * int(unsafe.Sizeof(Cell{}))
	for _, c := range cells {
		n += len(c.Value)
	}
	return n
}

// mergeFile takes one file's events in order. progress is called now and
// then while its rows are merged.
func (sc *scorer) mergeFile(ctx context.Context, p *pipeline, j *fileJob, progress func()) error {
	sc.cur = Input{Path: j.path}
	// The file's reader, and the source behind position, must not outlive
	// the file: a folder of 300 files would keep 300 read buffers.
	defer func() { sc.cur, sc.position = Input{}, nil }()
	next := func() (fileEvent, error) {
		select {
		case ev, ok := <-j.events:
			if !ok {
				// The reader stops early only when the run is cancelled.
				return fileEvent{}, context.Cause(ctx)
			}
			return ev, nil
		case <-ctx.Done():
			return fileEvent{}, ctx.Err()
		}
	}
	ev, err := next()
	if err != nil {
		return err
	}
	if ev.start.err != nil {
		return ev.start.err
	}
	lay := ev.start.lay
	sc.cur.Sheet, sc.cur.HeaderRow, sc.position = ev.start.sheet, lay.headerRow, ev.start.position
	sc.cur.SheetHidden, sc.cur.HiddenSkipped = lay.hidden, lay.hiddenSkipped
	sc.cur.UnknownHeaders, sc.cur.UnknownTotal = unknownHeaders(lay), len(lay.unknown)
	sc.reportMissingColumns(j.path, sc.cur.Sheet, lay)
	sc.kkAsNumber = 0
	extra := ev.start.extra
	// stopped is the error that ended a chunk's parse: the rows before it
	// count, the chunks after it are taken and dropped, as the sequential
	// reader would have stopped there.
	var stopped error
	for {
		ev, err := next()
		if err != nil {
			return err
		}
		if d := ev.done; d != nil {
			if stopped != nil {
				d.err = stopped
			}
			if d.err != nil {
				var ie *InputError
				if errors.As(d.err, &ie) {
					ie.Partial = sc.cur.Scored > 0
				}
				return d.err
			}
			sc.cur.SHA256 = d.sha256
			break
		}
		b := ev.batch
		select {
		case <-b.done:
		case <-ctx.Done():
			return ctx.Err()
		}
		if stopped != nil {
			p.recycle(b)
			continue
		}
		if b.shifted {
			extra = b.shift(extra)
		}
		before := sc.cur.RowsRead
		sc.mergeBatch(b)
		if b.err != nil {
			stopped = &InputError{Path: j.path, Sheet: sc.cur.Sheet, Err: b.err}
		}
		if before/4096 != sc.cur.RowsRead/4096 {
			progress()
		}
		p.recycle(b)
	}
	if sc.kkAsNumber > 0 {
		sc.fileIssue(Issue{File: j.path, Sheet: sc.cur.Sheet, Row: sc.kkAsNumberRow, Column: lay.headers[sc.kkCol], Field: "no_kk", Code: IssueKKAsNumber,
			Detail: MsgKKAsNumber, Params: []string{"count", strconv.Itoa(sc.kkAsNumber), "from", strconv.Itoa(sc.kkAsNumberRow)}})
	}
	sc.inputs = append(sc.inputs, sc.cur)
	sc.total.RowsRead += sc.cur.RowsRead
	sc.total.Scored += sc.cur.Scored
	sc.total.Rejected += sc.cur.Rejected
	sc.total.Blank += sc.cur.Blank
	progress()
	return nil
}

func (sc *scorer) mergeBatch(b *batch) {
	nInd, nDim := len(sc.set.Indicators), len(sc.set.Dimensions)
	for i := range b.n {
		r := &b.recs[i]
		ord := sc.loc.next(b.job.idx, b.nums[i])
		// A record of rows joined by a quote counts a rejected row per line.
		rows := b.flaws[i].rows()
		sc.cur.RowsRead += rows
		switch r.fate {
		case rowBlank:
			sc.addIssues(b.issues[r.iss0:r.iss1])
			sc.cur.Blank++
			continue
		case rowRejected:
			sc.addIssues(b.issues[r.iss0:r.iss1])
			sc.cur.Rejected += rows
			continue
		}
		sc.addIssues(b.issues[r.iss0:r.issKK])
		// Rows of one desa mostly come together: the last desa is kept at
		// hand, saving a map look-up for nearly every row.
		d := sc.lastDesa
		if d == nil || r.key != sc.lastKey {
			d = sc.desas[r.key]
			// A copy: the key is a slice of the chunk's text, which the
			// next chunk overwrites.
			sc.lastKey = strings.Clone(r.key)
		}
		// What a desa keeps is cloned: a cell's value is a slice of its
		// row's text, which would otherwise stay alive with the results.
		if d == nil {
			d = sc.newDesa(b, i, r)
		}
		sc.lastDesa = d
		sc.checkNames(d, b, i, r)
		if d.kabupaten == "" {
			d.kabupaten = strings.Clone(r.kab)
		}
		if r.kkLost {
			if sc.kkAsNumber == 0 {
				sc.kkAsNumberRow = b.nums[i]
			}
			sc.kkAsNumber++
		}
		if r.kk != "" {
			// A family card counts once in a desa: a later row with the
			// same number is rejected, since scoring it would count the
			// family twice.
			if first, dup := sc.kk.seen(d.idx, r.kkKey, ord); dup {
				file, row := sc.loc.locate(first)
				msg := say(MsgDuplicateKK, "first_row", strconv.Itoa(row))
				if file != b.job.idx {
					msg = say(MsgDuplicateKKFile, "first_file", sc.inputPath(file), "first_row", strconv.Itoa(row))
				}
				masked := MaskKK(r.kk)
				sc.addIssues([]Issue{b.issue(sc.set, i, sc.kkCol, IssueDuplicateKK, masked, msg)})
				sc.cur.Rejected++
				continue
			}
		}
		sc.addIssues(b.issues[r.issKK:r.iss1])
		outs := b.outs[i*nInd : (i+1)*nInd]
		sc.accumulate(d, r, outs)
		sc.cur.Scored++
		if sc.opt.OnHousehold != nil {
			h := &sc.hh
			h.File, h.Sheet, h.Row, h.DesaCode, h.Kecamatan, h.Desa = b.job.path, b.sheet, b.nums[i], d.code, r.kec, r.desa
			if sc.names != nil {
				h.Desa, h.Kecamatan, _ = d.names()
			}
			h.RT, h.KK, h.Name, h.desa = r.rt, r.kk, r.name, d.idx+1
			householdOutcomes(h.Outcomes, outs)
			dims := b.dims[i*nDim : (i+1)*nDim]
			for k := range h.Dimensions {
				h.Dimensions[k] = nil
				if !math.IsNaN(dims[k]) {
					h.Dimensions[k] = &dims[k]
				}
			}
			h.Complete, h.Score, h.Category = r.complete, nil, nil
			if !math.IsNaN(r.score) {
				h.Score = &r.score
				h.Category = sc.set.Category(r.score)
			}
			h.Sex = SexUnknown
			if r.sex >= 0 {
				h.Sex = Sex(r.sex + 1)
			}
			sc.opt.OnHousehold(h)
		}
	}
}

// newDesa keeps the desa of a row's key that has not been seen: under its
// code, which for a village given by name only may come from the register,
// and then under its key too, so that every spelling of it finds it.
func (sc *scorer) newDesa(b *batch, i int, r *rowRec) *desaState {
	code, res := sc.newDesaCode(r)
	if d := sc.desas[code]; code != "" && d != nil {
		sc.desas[strings.Clone(r.key)] = d
		return d
	}
	key := cmp.Or(code, r.key)
	// What a desa keeps is cloned: a cell's value is a slice of its row's
	// text, which would otherwise stay alive with the results.
	d := &desaState{idx: len(sc.desaOrder), code: strings.Clone(code), kecCode: res.kecCode, acc: newAcc(sc.set), fails: newFailHist(sc.failGroups), rts: map[string]rtEntry{}}
	key = strings.Clone(key)
	sc.desas[key] = d
	sc.desaOrder = append(sc.desaOrder, key)
	if key != r.key {
		sc.desas[strings.Clone(r.key)] = d
	}
	if sc.names != nil {
		sc.attach(d, b, i)
		if code == "" {
			sc.noteUnresolved(d, b, i, r, res)
		}
	}
	return d
}

// checkNames takes a desa's names from its first row that has them, and
// reports a row whose kode_desa comes with another desa or kecamatan name:
// one of the two is wrong, the code or the name, and the analyst must know.
// A unit the register names has its spellings counted instead, for
// name_differs (names.go).
func (sc *scorer) checkNames(d *desaState, b *batch, i int, r *rowRec) {
	d.rows++
	if d.name == "" {
		d.name, d.nameAt = strings.Clone(r.desa), sc.loc.ord
	} else if d.code != "" && d.reg[0] == nil && r.desa != "" && r.desa != d.name && !sameName(r.desa, d.name) {
		sc.nameConflict(d, b, i, sc.desaCol, r.desa, d.name, d.nameAt)
	}
	if d.kecamatan == "" {
		d.kecamatan, d.kecAt = strings.Clone(r.kec), sc.loc.ord
	} else if d.code != "" && d.reg[1] == nil && r.kec != "" && r.kec != d.kecamatan && !sameName(r.kec, d.kecamatan) {
		sc.nameConflict(d, b, i, sc.kecCol, r.kec, d.kecamatan, d.kecAt)
	}
	if sc.names != nil {
		sc.countNames(d, b, i, r)
	}
}

// nameConflict files one name_conflict issue per desa and spelling.
func (sc *scorer) nameConflict(d *desaState, b *batch, i, col int, name, first string, firstAt uint32) {
	key := strconv.Itoa(col) + "\x00" + foldName(name)
	if d.conflicts[key] {
		return
	}
	if d.conflicts == nil {
		d.conflicts = map[string]bool{}
	}
	d.conflicts[key] = true
	file, row := sc.loc.locate(firstAt)
	msg := say(MsgNameConflict, "code", d.code, "first", first, "first_row", strconv.Itoa(row))
	if file != b.job.idx {
		msg = say(MsgNameConflictFile, "code", d.code, "first", first, "first_file", sc.inputPath(file), "first_row", strconv.Itoa(row))
	}
	sc.fileIssue(b.issue(sc.set, i, col, IssueNameConflict, name, msg))
}

// sameName compares names as people type them: case and runs of spaces do
// not make another name.
func sameName(a, b string) bool { return foldName(a) == foldName(b) }

func foldName(s string) string { return strings.ToLower(strings.Join(strings.Fields(s), " ")) }

// accumulate adds a scored household to its desa and RT.
func (sc *scorer) accumulate(d *desaState, r *rowRec, outs []Outcome) {
	d.fails.add(outs)
	if sc.patterns != nil {
		sc.patterns.add(d.idx, outs)
	}
	var rtAcc *acc
	if r.rt != "" && r.rt == d.lastRT {
		rtAcc = d.lastRTAcc
	} else if r.rt != "" {
		// Looked up by the cell's text; the key kept is a copy (see
		// mergeBatch), made once per RT.
		e, ok := d.rts[r.rt]
		if !ok {
			e = rtEntry{name: strings.Clone(r.rt), acc: newAcc(sc.set)}
			d.rts[e.name] = e
			d.rtOrder = append(d.rtOrder, e.name)
		}
		rtAcc = e.acc
		d.lastRT, d.lastRTAcc = e.name, e.acc
	}
	fam := sc.fam.of(sc.set, outs)
	for _, a := range [2]*acc{d.acc, rtAcc} {
		if a == nil {
			continue
		}
		a.fam.count(fam)
		counts := a.counts[:len(outs)]
		if r.sex >= 0 {
			bySex := a.sexCounts[r.sex][:len(outs)]
			for i, o := range outs {
				counts[i][o]++
				if o <= Fail { // passed or failed
					bySex[i][o]++
				}
			}
		} else {
			for i, o := range outs {
				counts[i][o]++
			}
		}
		a.households++
		if r.sex >= 0 {
			a.sexHH[r.sex]++
		}
		if math.IsNaN(r.score) {
			a.incomplete++
			continue
		}
		if r.cat >= 0 {
			a.hhCat[r.cat]++
		}
		a.hSum += r.score
		a.hN++
	}
}

// addIssues records issues found by a worker. Their words are codes and
// parameters shared with the column, so nothing is copied.
func (sc *scorer) addIssues(list []Issue) {
	for _, is := range list {
		sc.fileIssue(is)
	}
}

func (sc *scorer) freeKK() { sc.kk.close() }

// unknownHeaders lists a layout's unmatched headers for the result, bounded.
func unknownHeaders(lay *layout) []string {
	var out []string
	for _, h := range lay.unknown {
		if len(out) == MaxUnknownHeaders {
			break
		}
		// A header is no personal data, but a data row taken for the
		// header row could be: numbers like KK numbers are masked.
		out = append(out, maskIDNumbers(cutValue(h.text)))
	}
	return out
}
