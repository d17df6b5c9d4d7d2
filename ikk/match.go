package ikk

import (
	"sort"
	"strings"
)

// headerMatcher maps the headers of a sheet to the set's columns.
type headerMatcher struct {
	exact map[string]string // normalised header -> column name
	keys  []string          // every normalised name and alias, longest first
}

func newHeaderMatcher(s *Set) *headerMatcher {
	m := &headerMatcher{exact: map[string]string{}}
	for _, c := range s.Columns {
		for _, h := range append([]string{c.Name}, c.Aliases...) {
			m.exact[NormalizeHeader(h)] = c.Name
		}
	}
	// Kobo and ODK exports may carry the question text as the header. A
	// question counts as a header only when its indicator reads one column
	// and no other question reads the same words.
	questions := map[string]string{}
	clash := map[string]bool{}
	for _, ind := range s.Indicators {
		cols := ind.Rule.Columns(s.Conditions, nil)
		if len(cols) != 1 || ind.Question == "" {
			continue
		}
		q := NormalizeHeader(ind.Question)
		if prev, ok := questions[q]; ok && prev != cols[0] {
			clash[q] = true
		}
		questions[q] = cols[0]
	}
	for q, c := range questions {
		if _, taken := m.exact[q]; !taken && !clash[q] {
			m.exact[q] = c
		}
	}
	for k := range m.exact {
		m.keys = append(m.keys, k)
	}
	sort.Slice(m.keys, func(i, j int) bool {
		if len(m.keys[i]) != len(m.keys[j]) {
			return len(m.keys[i]) > len(m.keys[j])
		}
		return m.keys[i] < m.keys[j]
	})
	return m
}

// match returns the column a header names and how surely: 3 for the whole
// header, 2 after a Kobo "group/" prefix, 1 for a group prefix joined with
// "-" or "." (the header ends with the name after a separator); 0 for none.
func (m *headerMatcher) match(header string) (string, int) {
	h := NormalizeHeader(header)
	if h == "" {
		return "", 0
	}
	if c, ok := m.exact[h]; ok {
		return c, 3
	}
	if i := strings.LastIndexByte(h, '/'); i >= 0 {
		if c, ok := m.exact[strings.TrimSpace(h[i+1:])]; ok {
			return c, 2
		}
	}
	for _, k := range m.keys {
		if strings.HasSuffix(h, " "+k) {
			return m.exact[k], 1
		}
	}
	return "", 0
}

// layout is how one sheet's columns map to the set.
type layout struct {
	headerRow int
	index     []int    // per set column (declaration order): cell index, or -1
	headers   []string // per set column: the header as written, for messages
	found     int      // how many set columns were found
	// hidden says the sheet is hidden in the workbook (read because
	// Options.Sheet named it); hiddenSkipped lists the hidden sheets with
	// a matching header that the default choice passed over.
	hidden        bool
	hiddenSkipped []string
	// unknown are the headers that name no column of the set, in sheet
	// order: a misspelt header is one of them.
	unknown []header
}

// header is a header cell as written and its 0-based column.
type header struct {
	col  int
	text string
}

// matchHeader maps a header row. It fails when two headers name one column
// equally surely, since either reading could be wrong.
func (m *headerMatcher) matchHeader(s *Set, cells []Cell) (*layout, error) {
	lay := &layout{index: make([]int, len(s.Columns)), headers: make([]string, len(s.Columns))}
	colPos := map[string]int{}
	for i, c := range s.Columns {
		lay.index[i] = -1
		colPos[c.Name] = i
	}
	strength := make([]int, len(s.Columns))
	for j, cell := range cells {
		name, how := m.match(cell.Value)
		if how == 0 {
			if t := strings.TrimSpace(cell.Value); t != "" && !exportMetadata(t) {
				lay.unknown = append(lay.unknown, header{col: j, text: t})
			}
			continue
		}
		i := colPos[name]
		rank := 2 * how
		if exportMetadata(cell.Value) {
			// A set's column named like a server's own ("status" and
			// ODK Central's Status) is read from that header only when
			// no field of the form, under its group path, names it.
			rank = 1
		}
		switch {
		case rank > strength[i]:
			lay.index[i], lay.headers[i], strength[i] = j, strings.TrimSpace(cell.Value), rank
		case rank == strength[i] && rank > 1:
			return nil, say(MsgColumnsClash, "col", ColumnLetter(lay.index[i]), "header", lay.headers[i],
				"col2", ColumnLetter(j), "header2", strings.TrimSpace(cell.Value), "name", name)
		}
	}
	for i := range lay.index {
		if lay.index[i] >= 0 {
			lay.found++
		}
	}
	return lay, nil
}

// exportMeta are the headers a form server adds to an export beside the
// form's own fields (ODK Central and Briefcase, KoboToolbox), and the
// metadata questions XLSForm names (start, end, deviceid...), with the group
// separator written "/": they name no survey column and are no misspelt
// one, so an export read as it is has no unknown header.
var exportMeta = map[string]bool{
	// ODK Central and Briefcase.
	"submissiondate": true, "meta/instanceid": true, "meta/instancename": true, "key": true,
	"submitterid": true, "submittername": true, "attachmentspresent": true, "attachmentsexpected": true,
	"status": true, "reviewstate": true, "deviceid": true, "edits": true, "formversion": true,
	// KoboToolbox.
	"_id": true, "_uuid": true, "_submission_time": true, "_validation_status": true, "_notes": true,
	"_status": true, "_submitted_by": true, "__version__": true, "_tags": true, "_index": true,
	"_xform_id_string": true, "_attachments": true, "_geolocation": true,
	"meta/deprecatedid": true, "meta/rootuuid": true, "formhub/uuid": true,
	// XLSForm metadata questions.
	"start": true, "end": true, "today": true, "username": true, "email": true,
	"phonenumber": true, "simserial": true, "subscriberid": true, "audit": true,
}

// exportMetadata reports whether a header is one of exportMeta, whatever
// its case and group separator ("meta-instanceID", "meta/instanceID").
func exportMetadata(h string) bool {
	k := strings.Map(func(r rune) rune {
		switch r {
		case '-', '.', ':':
			return '/'
		}
		return r
	}, strings.ToLower(strings.TrimSpace(h)))
	return exportMeta[k]
}

// usable reports whether a header row can identify villages and carries at
// least one column an indicator reads.
func (lay *layout) usable(s *Set) bool {
	has := func(name string) bool { return lay.index[s.columnIndex(name)] >= 0 }
	if !has("kode_desa") && !(has("kecamatan") && has("desa")) {
		return false
	}
	for _, ind := range s.Indicators {
		for _, c := range ind.Rule.Columns(s.Conditions, nil) {
			if has(c) {
				return true
			}
		}
	}
	return false
}

func (s *Set) columnIndex(name string) int {
	for i, c := range s.Columns {
		if c.Name == name {
			return i
		}
	}
	return -1
}

// ColumnLetter gives the spreadsheet letter of a 0-based column index.
func ColumnLetter(i int) string {
	if i < 0 {
		return "?"
	}
	s := ""
	for i++; i > 0; i = (i - 1) / 26 {
		s = string(rune('A'+(i-1)%26)) + s
	}
	return s
}

// closest is the unknown header that most likely means column c: within a
// few edits of its name or an alias (a letter left out, doubled, swapped or
// mistyped), the nearest, the first in the sheet on a tie. ok is false when
// no header is near enough to suggest.
func (lay *layout) closest(c *Column) (header, bool) {
	h, d := lay.nearest(c)
	return h, d >= 0
}

// nearest is closest with its distance, -1 when no header is near enough.
func (lay *layout) nearest(c *Column) (header, int) {
	best, bestD := header{}, -1
	names := append([]string{c.Name}, c.Aliases...)
	for _, h := range lay.unknown {
		t := NormalizeHeader(h.text)
		if i := strings.LastIndexByte(t, '/'); i >= 0 {
			t = strings.TrimSpace(t[i+1:])
		}
		for _, n := range names {
			n = NormalizeHeader(n)
			d := EditDistance(t, n, maxEdits(n))
			if d >= 0 && (bestD < 0 || d < bestD) {
				best, bestD = h, d
			}
		}
	}
	return best, bestD
}

// maxEdits is how many edits still suggest a name: one for a short name,
// where two would reach unrelated words, up to three for a long one.
func maxEdits(name string) int {
	switch n := len(name); {
	case n <= 4:
		return 1
	case n <= 12:
		return 2
	default:
		return 3
	}
}

// EditDistance is the optimal-string-alignment distance between a and b
// (insertions, deletions, substitutions and swaps of neighbours), in runes,
// or -1 when it exceeds limit: how far a typed word is from the one meant,
// for every "did you mean". Words are short, so the quadratic table is
// cheap.
func EditDistance(a, b string, limit int) int {
	ra, rb := []rune(a), []rune(b)
	if d := len(ra) - len(rb); d > limit || -d > limit {
		return -1
	}
	prev2 := make([]int, len(rb)+1)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				cur[j] = min(cur[j], prev2[j-2]+1)
			}
		}
		prev2, prev, cur = prev, cur, prev2
	}
	if d := prev[len(rb)]; d <= limit {
		return d
	}
	return -1
}
