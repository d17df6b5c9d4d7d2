package report

import (
	"encoding/binary"
	"strings"
	"sync"

	"github.com/ikk-tools/ikk/ikk"
)

// issueSayer says issues as IssueText does, for a writer going through a
// list of them. A big survey's hundred thousand issues are mostly invalid
// cells of a few dozen columns, and the text of such an issue says only
// what its column accepts: the same sentence for every bad cell of the
// column. A text that depends on nothing but the issue's detail and
// parameters is therefore made once and then looked up.
type issueSayer struct {
	lang string
	said map[string]string // by code, detail and parameters (see text)
	key  []byte
}

// maxSaid bounds the texts a sayer keeps: a list whose parameters all
// differ is said issue by issue past it.
const maxSaid = 4096

func newIssueSayer(lang string) *issueSayer {
	return &issueSayer{lang: lang, said: map[string]string{}}
}

func (s *issueSayer) text(is ikk.Issue) string {
	if !paramsOnly(is) {
		return IssueText(s.lang, is)
	}
	// Each part after its length, so that no two lists of parts make one
	// key, whatever bytes they hold.
	s.key = s.key[:0]
	part := func(p string) {
		s.key = binary.AppendUvarint(s.key, uint64(len(p)))
		s.key = append(s.key, p...)
	}
	part(is.Code)
	part(is.Detail)
	for _, p := range is.Params {
		part(p)
	}
	if t, ok := s.said[string(s.key)]; ok { // a look-up by string(key) does not allocate
		return t
	}
	t := IssueText(s.lang, is)
	if len(s.said) < maxSaid {
		s.said[string(s.key)] = t
	}
	return t
}

// paramsOnly reports whether IssueText says is from its code, detail and
// parameters alone: its detail's sentence names none of the issue's own
// fields, and nothing else (a cause, the names of a unit) is added.
func paramsOnly(is ikk.Issue) bool {
	if is.Detail == "" {
		return true // the code's own sentence
	}
	if is.Cause != nil || len(is.Spellings) > 0 || len(is.Candidates) > 0 || is.Param("kind") != "" || is.Code == ikk.IssueNameUnresolved {
		return false
	}
	return fieldFreeDetails()[is.Detail]
}

// issueFields are the placeholders IssueText fills from an issue's own
// fields rather than from its parameters.
var issueFields = []string{"file", "sheet", "row", "column", "field", "cell", "value"}

// fieldFreeDetails lists the details whose sentence, in every language,
// has no placeholder of issueFields.
var fieldFreeDetails = sync.OnceValue(func() map[string]bool {
	free := map[string]bool{}
	for key, t := range catalog {
		detail, ok := strings.CutPrefix(key, "msg.")
		if !ok {
			continue
		}
		uses := false
		for _, f := range issueFields {
			if strings.Contains(t.ID, "{"+f+"}") || strings.Contains(t.EN, "{"+f+"}") {
				uses = true
			}
		}
		free[detail] = !uses
	}
	return free
})
