package report

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// TestEveryCodeHasWords: every issue code, message code and accepted
// vocabulary that package ikk declares has its catalogue entries. The codes
// are read from ikk's source, so that a new constant cannot be forgotten.
func TestEveryCodeHasWords(t *testing.T) {
	prefixes := map[string][]string{
		"Issue":    {"issue.%s", "issue.%s.name"},
		"Msg":      {"msg.%s"},
		"Accepted": {"accepted.%s"},
	}
	n := 0
	for name, code := range ikkConstants(t) {
		for p, keys := range prefixes {
			if !strings.HasPrefix(name, p) {
				continue
			}
			for _, k := range keys {
				n++
				key := strings.Replace(k, "%s", code, 1)
				if _, ok := LookupText(key); !ok {
					t.Errorf("%s (%q): no catalogue entry %s", name, code, key)
				}
			}
		}
	}
	if n < 50 {
		t.Errorf("only %d codes found in ikk: is the test reading the right constants?", n)
	}
}

// ikkConstants reads the string constants of package ikk's sources, name
// to value.
func ikkConstants(t *testing.T) map[string]string {
	files, err := filepath.Glob("../ikk/*.go")
	if err != nil || len(files) == 0 {
		t.Fatalf("ikk sources: %v", err)
	}
	out := map[string]string{}
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		file, err := parser.ParseFile(token.NewFileSet(), f, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range file.Decls {
			g, ok := d.(*ast.GenDecl)
			if !ok || g.Tok != token.CONST {
				continue
			}
			for _, s := range g.Specs {
				vs := s.(*ast.ValueSpec)
				for i, name := range vs.Names {
					if i >= len(vs.Values) {
						continue
					}
					if lit, ok := vs.Values[i].(*ast.BasicLit); ok && lit.Kind == token.STRING {
						out[name.Name], _ = strconv.Unquote(lit.Value)
					}
				}
			}
		}
	}
	return out
}
