package form

import (
	"bytes"
	"encoding/json"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/ikk-tools/ikk/ikk"
)

// odkDir holds the script that fills a form with ODK's engine, and its npm
// packages (npm ci there installs them; .ci/run does).
const odkDir = "../testdata/odk"

// nodeEngine finds Node and the installed engine, skipping the test when
// either is absent, and failing it on CI, which installs both.
func nodeEngine(t *testing.T) string {
	t.Helper()
	node, err := exec.LookPath("node")
	if err == nil {
		_, err = os.Stat(filepath.Join(odkDir, "node_modules", "@getodk", "xforms-engine", "package.json"))
	}
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("node or ODK's engine not found (%v): .ci/run installs Node and runs npm ci in testdata/odk", err)
		}
		t.Skipf("node or ODK's engine not installed (%v): npm ci in testdata/odk", err)
	}
	return node
}

// TestXFormInODKEngine: ODK's own form engine (@getodk/xforms-engine, the
// engine of ODK Web Forms) loads the XForm, and for generated families
// asks exactly the questions their answers make relevant, takes every
// answer as valid and serialises the submissions; the export a server
// would give of them (ODK Central's headers, or KoboToolbox's) is read by
// ikk score with no unknown header, no issue and every family's outcomes
// as its answers imply. With a kabupaten, the engine computes kecamatan and
// desa from the chosen village.
func TestXFormInODKEngine(t *testing.T) {
	node := nodeEngine(t)
	ikkSet, odd := defaultSet(t), oddSet(t)
	for _, tc := range []struct {
		name, style string
		area        *Area
		lang        string
		set         *ikk.Set
	}{
		{"typed villages, ODK Central export", "central", nil, "id", ikkSet},
		{"typed villages, Kobo export, English default", "kobo", nil, "en", ikkSet},
		{"Tabalong villages, ODK Central export", "central", tabalong(t), "id", ikkSet},
		{"a set of odd shapes", "central", nil, "id", odd},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := tc.set
			dir := t.TempDir()
			f := Build(s, Options{Lang: tc.lang, Area: tc.area})
			formPath := filepath.Join(dir, "ikk.xml")
			writeForm(t, formPath, XForm, f)
			hh := generate(f, 14, 20260101)
			type entry struct {
				Answers  household `json:"answers"`
				Relevant []string  `json:"relevant"`
			}
			var in struct {
				Households []entry `json:"households"`
			}
			for _, h := range hh {
				e := entry{Answers: household{}}
				for _, q := range f.Questions() {
					if f.calculated(q) {
						continue
					}
					e.Answers[q.Name] = h[q.Name]
					if asked(f, q, h) {
						e.Relevant = append(e.Relevant, q.Name)
					}
				}
				in.Households = append(in.Households, e)
			}
			// The test means something only if some questions are not
			// asked: the lone unmarried head is not asked about his
			// marriage or children, the married parents are.
			for _, name := range []string{"buku_nikah", "akta_lahir_anak", "kamar_tidur_terpisah", "waktu_bersama"} {
				if s != ikkSet {
					break
				}
				if slices.Contains(in.Households[0].Relevant, name) || !slices.Contains(in.Households[1].Relevant, name) {
					t.Fatalf("%s: the generated families do not tell asked from not asked", name)
				}
			}
			js, err := json.Marshal(in)
			if err != nil {
				t.Fatal(err)
			}
			hhPath, csvPath := filepath.Join(dir, "households.json"), filepath.Join(dir, "export.csv")
			if err := os.WriteFile(hhPath, js, 0o644); err != nil {
				t.Fatal(err)
			}
			abs := func(p string) string { a, _ := filepath.Abs(p); return a }
			cmd := exec.Command(node, "fill.mjs", abs(formPath), abs(hhPath), abs(csvPath), tc.style)
			cmd.Dir = odkDir
			var stdout, stderr bytes.Buffer
			cmd.Stdout, cmd.Stderr = &stdout, &stderr
			if err := cmd.Run(); err != nil {
				t.Fatalf("fill.mjs: %v\n%s%s", err, stderr.String(), stdout.String())
			}
			var summary struct {
				Households, Asked, Skipped, Fields int
				Languages                          []string
				Warnings                           string
			}
			if err := json.Unmarshal(stdout.Bytes(), &summary); err != nil {
				t.Fatalf("fill.mjs said %q: %v", stdout.String(), err)
			}
			t.Logf("ODK engine: %d families, %d answers, %d questions not asked, %d fields, languages %v",
				summary.Households, summary.Asked, summary.Skipped, summary.Fields, summary.Languages)
			if summary.Households != len(hh) || summary.Skipped == 0 || summary.Warnings != "" {
				t.Errorf("summary %+v", summary)
			}
			if !slices.Equal(summary.Languages, []string{"Indonesian (id)", "English (en)"}) &&
				!slices.Equal(summary.Languages, []string{"English (en)", "Indonesian (id)"}) {
				t.Errorf("languages %v", summary.Languages)
			}
			export, _ := os.ReadFile(csvPath)
			head, _, _ := strings.Cut(string(export), "\n")
			sep := map[string]string{"central": "-", "kobo": "/"}[tc.style]
			if !strings.Contains(head, f.Groups[0].Name+sep+f.Groups[0].Questions[0].Name) || !strings.Contains(head, "meta"+sep+"instanceID") {
				t.Errorf("export header %q lacks the group paths", head)
			}
			got := score(t, s, csvPath)
			checkScored(t, s, got, hh)
			if tc.area != nil {
				checkVillages(t, got, hh)
			}
		})
	}
}

// checkVillages: the village of every family as ikk read it is the one
// chosen, with the names the engine computed from the register's list.
func checkVillages(t *testing.T, got scored, hh []household) {
	t.Helper()
	desa := map[string]string{}
	for _, u := range got.res.Units {
		if u.Level == "desa" {
			desa[u.Code] = u.Name + "/" + u.Kecamatan
		}
	}
	for _, h := range hh {
		if want := h["desa"] + "/" + h["kecamatan"]; desa[h["kode_desa"]] != want {
			t.Errorf("desa %s read as %q, want %q", h["kode_desa"], desa[h["kode_desa"]], want)
		}
	}
}

func writeForm(t *testing.T, path string, write func(w io.Writer, f *Form) error, f *Form) {
	t.Helper()
	var buf bytes.Buffer
	if err := write(&buf, f); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}
