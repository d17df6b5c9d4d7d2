package report

import (
	"bufio"
	"bytes"
	"encoding/json"
	"io"
	"math"
	"runtime"
	"slices"
	"sort"
	"strconv"
	"sync"

	"github.com/ikk-tools/ikk/ikk"
)

// SchemaJSON identifies the JSON contract; a breaking change gets a new one.
const SchemaJSON = "ikk.result/v1"

// JSON writes the machine contract ikk.result/v1: unrounded values, dot
// decimals, null for undefined values, keys in the set's order (dimensions
// as LS, KF, KE, SP, SB). The document is streamed: a province's thousands of
// units are written as they come, never held or copied whole.
func JSON(w io.Writer, r *ikk.Result, m Meta) error {
	set := r.Set
	j := &jsonWriter{w: bufio.NewWriter(w)}
	j.beginObject()

	j.key("schema").str(SchemaJSON)
	j.key("tool").beginObject()
	j.key("name").str("ikk")
	j.key("version").str(m.ToolVersion)
	j.endObject()
	j.key("indicator_set").beginObject()
	j.key("id").str(set.ID)
	j.key("name").str(set.Name)
	j.key("version").str(set.Version)
	j.key("source").str(set.Source)
	j.key("sha256").str(set.SHA256)
	// Optional: the index a set names other than IKK, and the
	// aggregation of a family-first set; absent, the set is IKK-like and
	// aggregates indicator first.
	if set.ShortName != ikk.DefaultShortName {
		j.key("short_name").str(set.ShortName)
	}
	if set.FamilyFirst() {
		j.key("aggregation").str(string(set.Aggregation))
	}
	j.endObject()
	j.key("parameters").beginObject()
	for _, p := range set.Parameters {
		j.key(p.Name).num(p.Value)
	}
	j.endObject()
	j.key("categories").beginArray()
	for _, c := range set.Categories {
		j.beginObject()
		j.key("id").int(c.ID)
		j.key("label").str(c.Label)
		j.key("min").num(c.Min)
		// Optional: min belongs to the category below (iBangga's 70).
		if c.Open {
			j.key("min_open").bool(true)
		}
		j.endObject()
	}
	j.endArray()
	j.key("target").num(set.Target)
	// Optional: how the units' intervals were drawn, when they were.
	if r.Resamples > 0 {
		j.key("intervals").beginObject()
		j.key("method").str("stratified_bootstrap")
		j.key("resamples").int(r.Resamples)
		j.key("seed").str(ikk.BootstrapSeed)
		j.key("level").num(0.95)
		j.key("few_families_below").int(ikk.FewFamiliesBelow)
		j.key("thin_indicator_below").int(ikk.ThinIndicatorBelow)
		j.endObject()
	}
	j.key("inputs").beginArray()
	for _, in := range r.Inputs {
		j.beginObject()
		j.key("path").str(in.Path)
		j.key("sha256").str(in.SHA256)
		j.key("sheet").str(in.Sheet)
		j.key("header_row").int(in.HeaderRow)
		j.key("rows_read").int(in.RowsRead)
		j.key("scored").int(in.Scored)
		j.key("rejected").int(in.Rejected)
		j.key("blank").int(in.Blank)
		// Optional: the headers that named no column, where a misspelt
		// one is found.
		if len(in.UnknownHeaders) > 0 {
			j.key("unknown_headers").beginArray()
			for _, h := range in.UnknownHeaders {
				j.str(h)
			}
			j.endArray()
			// When the list is cut, how long it is.
			if in.UnknownTotal > len(in.UnknownHeaders) {
				j.key("unknown_headers_total").int(in.UnknownTotal)
			}
		}
		j.endObject()
	}
	j.endArray()
	j.key("units").beginArray()
	for _, u := range r.Units {
		unitJSON(j, set, u)
	}
	j.endArray()
	j.key("issues").beginArray()
	issuesJSON(j, &r.Issues, m.Lang)
	j.endArray()
	s := r.Summary
	j.key("summary").beginObject()
	j.key("rows_read").int(s.RowsRead)
	j.key("scored").int(s.Scored)
	j.key("rejected").int(s.Rejected)
	j.key("blank").int(s.Blank)
	j.key("issues").int(r.IssueTotal())
	j.key("issues_listed").int(r.Issues.Len())
	j.key("issues_by_code").beginObject()
	codes := make([]string, 0, len(r.IssueCounts))
	for c := range r.IssueCounts {
		codes = append(codes, c)
	}
	sort.Strings(codes)
	for _, c := range codes {
		j.key(c).int(r.IssueCounts[c])
	}
	j.endObject()
	j.endObject()

	j.endObject()
	j.w.WriteByte('\n')
	return j.w.Flush()
}

func unitJSON(j *jsonWriter, set *ikk.Set, u *ikk.Unit) {
	j.beginObject()
	j.key("level").str(u.Level)
	j.key("code").strOrNull(u.Code)
	j.key("name").strOrNull(u.Name)
	// Optional: the name as the survey writes it, when the register's
	// name is reported instead.
	if u.NameInData != "" {
		j.key("name_in_data").str(u.NameInData)
	}
	j.key("kecamatan").strOrNull(u.Kecamatan)
	j.key("kabupaten").strOrNull(u.Kabupaten)
	j.key("rt").strOrNull(u.RT)
	j.key("households").int(u.Households)
	j.key("ikk").ptr(u.IKK)
	j.key("ikk_undefined_reason").strOrNull(UndefinedReason(u, "en"))
	j.key("category")
	if u.Category == nil {
		j.null()
	} else {
		j.beginObject()
		j.key("id").int(u.Category.ID)
		j.key("label").str(u.Category.Label)
		j.endObject()
	}
	j.key("dimensions").beginObject()
	for i, d := range set.Dimensions {
		j.key(d.ID).ptr(u.Dimensions[i])
	}
	j.endObject()
	j.key("indicators").beginObject()
	for i, ind := range set.Indicators {
		ir := u.Indicators[i]
		j.key(ind.ID).beginObject()
		j.key("pass").int(ir.Pass())
		j.key("fail").int(ir.Fail())
		j.key("na").int(ir.NA())
		j.key("missing").int(ir.Missing())
		// Added to v1: the households of missing whose answer was
		// "don't know" (so dont_know <= missing).
		j.key("dont_know").int(ir.DontKnow())
		j.key("invalid").int(ir.Invalid())
		j.key("percent").ptr(ir.Percent)
		j.endObject()
	}
	j.endObject()
	j.key("lenses").beginObject()
	for i, k := range set.LensKeys() {
		j.key(k).ptr(u.Lenses[i])
	}
	j.endObject()
	j.key("by_sex").beginObject()
	for i, s := range []string{"L", "P"} {
		j.key(s).beginObject()
		j.key("households").int(u.BySex[i].Households)
		j.key("gender").ptr(u.BySex[i].Gender)
		j.endObject()
	}
	j.endObject()
	j.key("household_categories").beginObject()
	for i, c := range set.Categories {
		j.key(strconv.Itoa(c.ID)).int(u.HouseholdCategories[i])
	}
	j.key("incomplete").int(u.Incomplete)
	j.endObject()
	j.key("household_mean").ptr(u.HouseholdMean)
	j.key("permasalahan").beginArray()
	for _, p := range u.Permasalahan {
		j.beginObject()
		j.key("indicator").str(p.Indicator.ID)
		j.key("percent").num(p.Percent)
		j.key("fail").int(p.Fail)
		j.key("sectors").beginArray()
		for _, s := range p.Indicator.Sectors {
			j.str(s)
		}
		j.endArray()
		j.endObject()
	}
	j.endArray()
	if u.Uncertainty != nil {
		intervalJSON(j, set, u.Uncertainty)
	}
	j.endObject()
}

// intervalJSON writes a unit's optional "interval": the 95% intervals of
// the index and the dimensions as [low, high] (null where undefined in every
// resample), the share of resamples in another category, and the flags.
func intervalJSON(j *jsonWriter, set *ikk.Set, unc *ikk.Uncertainty) {
	pair := func(iv *ikk.Interval) {
		if iv == nil {
			j.null()
			return
		}
		j.beginArray()
		j.num(iv.Low)
		j.num(iv.High)
		j.endArray()
	}
	j.key("interval").beginObject()
	j.key("resamples").int(unc.Resamples)
	j.key("ikk")
	pair(unc.IKK)
	j.key("dimensions").beginObject()
	for i, d := range set.Dimensions {
		j.key(d.ID)
		pair(unc.Dimensions[i])
	}
	j.endObject()
	j.key("other_category").num(unc.OtherCategory)
	j.key("few_families").bool(unc.FewFamilies)
	j.key("thin_indicators").beginArray()
	for _, id := range unc.ThinIndicators {
		j.str(id)
	}
	j.endArray()
	j.endObject()
}

// jsonWriter writes indented JSON (two spaces, as json.Indent) in one pass,
// placing commas and line breaks itself. Values follow a key inside objects
// and stand alone inside arrays.
type jsonWriter struct {
	w     *bufio.Writer
	depth int
	// count[d] is how many members the container at depth d has so far.
	count []int
	// afterKey is set between a key and its value.
	afterKey bool
	buf      [64]byte
}

func (j *jsonWriter) newline() {
	j.w.WriteByte('\n')
	for i := 0; i < j.depth; i++ {
		j.w.WriteString("  ")
	}
}

// element starts a member of the current container: a comma after the first,
// then a line break and indentation. After a key the value follows inline.
func (j *jsonWriter) element() {
	if j.afterKey {
		j.afterKey = false
		return
	}
	if j.depth == 0 {
		return
	}
	if j.count[j.depth-1] > 0 {
		j.w.WriteByte(',')
	}
	j.count[j.depth-1]++
	j.newline()
}

func (j *jsonWriter) key(k string) *jsonWriter {
	j.element()
	j.quote(k)
	j.w.WriteString(": ")
	j.afterKey = true
	return j
}

func (j *jsonWriter) open(c byte) {
	j.element()
	j.w.WriteByte(c)
	j.depth++
	if len(j.count) < j.depth {
		j.count = append(j.count, 0)
	}
	j.count[j.depth-1] = 0
}

func (j *jsonWriter) close(c byte) {
	j.depth--
	if j.count[j.depth] > 0 {
		j.newline()
	}
	j.w.WriteByte(c)
}

func (j *jsonWriter) beginObject() { j.open('{') }
func (j *jsonWriter) endObject()   { j.close('}') }
func (j *jsonWriter) beginArray()  { j.open('[') }
func (j *jsonWriter) endArray()    { j.close(']') }

func (j *jsonWriter) str(s string) { j.element(); j.quote(s) }
func (j *jsonWriter) null()        { j.element(); j.w.WriteString("null") }
func (j *jsonWriter) bool(b bool) {
	j.element()
	j.w.WriteString(strconv.FormatBool(b))
}
func (j *jsonWriter) int(n int) {
	j.element()
	j.w.Write(strconv.AppendInt(j.buf[:0], int64(n), 10))
}

func (j *jsonWriter) strOrNull(s string) {
	if s == "" {
		j.null()
		return
	}
	j.str(s)
}

func (j *jsonWriter) ptr(f *float64) {
	if f == nil {
		j.null()
		return
	}
	j.num(*f)
}

// num writes a number as encoding/json does: the shortest form that reads
// back to the same float64, with an exponent only for very small or large.
func (j *jsonWriter) num(f float64) {
	j.element()
	format := byte('f')
	if a := math.Abs(f); a != 0 && (a < 1e-6 || a >= 1e21) {
		format = 'e'
	}
	b := strconv.AppendFloat(j.buf[:0], f, format, -1, 64)
	if format == 'e' {
		// "1e-07" as "1e-7", as encoding/json writes it.
		if n := len(b); n >= 4 && b[n-4] == 'e' && b[n-3] == '-' && b[n-2] == '0' {
			b[n-2] = b[n-1]
			b = b[:n-1]
		}
	}
	j.w.Write(b)
}

// quote writes a JSON string as encoding/json would (HTML characters
// escaped too), without allocating for the plain ASCII of keys and codes.
func (j *jsonWriter) quote(s string) {
	plain := true
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < 0x20 || c >= 0x7f || c == '"' || c == '\\' || c == '<' || c == '>' || c == '&' {
			plain = false
			break
		}
	}
	if plain {
		j.w.WriteByte('"')
		j.w.WriteString(s)
		j.w.WriteByte('"')
		return
	}
	b, _ := json.Marshal(s)
	j.w.Write(b)
}

// issueBlockJSON is how many issues one goroutine writes at a time.
const issueBlockJSON = 512

// issuesJSON writes the issues into the open array: a hundred thousand of
// them, each with its sentence, are the bulk of a big survey's document and
// its last step, so blocks are written on every core into buffers that are
// copied out in order. The bytes are those of one writer going through
// them.
func issuesJSON(j *jsonWriter, l *ikk.IssueList, lang string) {
	n := l.Len()
	blocks := (n + issueBlockJSON - 1) / issueBlockJSON
	workers := min(runtime.GOMAXPROCS(0), blocks)
	if workers <= 1 {
		say := newIssueSayer(lang)
		for i := range n {
			issueJSON(j, l.At(i), say)
		}
		return
	}
	// Block b is rendered by a writer at the array's depth whose count
	// says whether a comma comes first: only block 0 may be the array's
	// first member.
	first := j.count[j.depth-1]
	// A block's buffer, once written out, takes a later block.
	spare := make(chan []byte, workers+1)
	render := func(b int) []byte {
		var buf *bytes.Buffer
		select {
		case s := <-spare:
			buf = bytes.NewBuffer(s[:0])
		default:
			buf = bytes.NewBuffer(make([]byte, 0, issueBlockJSON*640)) // an issue with its sentence: some 500 bytes
		}
		bj := &jsonWriter{w: bufio.NewWriter(buf), depth: j.depth, count: slices.Clone(j.count)}
		if b > 0 {
			bj.count[j.depth-1] = 1
		}
		say := newIssueSayer(lang)
		for i := b * issueBlockJSON; i < min(n, (b+1)*issueBlockJSON); i++ {
			issueJSON(bj, l.At(i), say)
		}
		bj.w.Flush()
		return buf.Bytes()
	}
	// One result channel per block, filled by the workers in block order
	// at most workers+1 blocks ahead of the writer: memory stays at a few
	// blocks whatever the number of issues.
	out := make([]chan []byte, blocks)
	for b := range out {
		out[b] = make(chan []byte, 1)
	}
	// A block's place is taken before it is handed out, in block order,
	// so the places held are always the lowest blocks not yet written.
	sem := make(chan struct{}, workers+1)
	next := make(chan int)
	go func() {
		for b := range blocks {
			sem <- struct{}{}
			next <- b
		}
		close(next)
	}()
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			for b := range next {
				out[b] <- render(b)
			}
		})
	}
	for b := range blocks {
		block := <-out[b]
		j.w.Write(block)
		select {
		case spare <- block:
		default:
		}
		<-sem
	}
	wg.Wait()
	j.count[j.depth-1] = first + n
}

// issueJSON writes one issue as a member of the issues array.
func issueJSON(j *jsonWriter, is ikk.Issue, say *issueSayer) {
	j.beginObject()
	j.key("file").str(is.File)
	j.key("sheet").str(is.Sheet)
	j.key("row").int(is.Row)
	j.key("column").str(is.Column)
	j.key("cell").strOrNull(is.Cell)
	j.key("value").str(is.Value)
	j.key("code").str(is.Code)
	j.key("message").str(say.text(is))
	j.key("detail").str(is.Detail)
	j.key("params").beginObject()
	for i := 0; i+1 < len(is.Params); i += 2 {
		j.key(is.Params[i]).str(is.Params[i+1])
	}
	j.endObject()
	// Optional, for the issues of units' names and codes: the names the
	// data writes and their rows, the register's units meant.
	if len(is.Spellings) > 0 {
		j.key("spellings").beginArray()
		for _, s := range is.Spellings {
			j.beginObject()
			j.key("text").str(s.Text)
			j.key("rows").int(s.Rows)
			j.endObject()
		}
		j.endArray()
	}
	if len(is.Candidates) > 0 {
		j.key("candidates").beginArray()
		for _, p := range is.Candidates {
			j.beginObject()
			j.key("code").str(p.Code)
			j.key("name").str(p.Name)
			j.key("kind").str(p.Kind)
			j.key("within").beginArray()
			for _, a := range p.Above {
				j.str(a)
			}
			j.endArray()
			j.endObject()
		}
		j.endArray()
	}
	j.endObject()

}
