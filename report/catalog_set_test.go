package report

import (
	"strings"
	"testing"

	"github.com/ikk-tools/ikk/ikk"
)

// brokenSet has one problem of most kinds a set can have, on known lines.
const brokenSet = `schema: ikk.indicators/v1
id: t
name: Test
version: "1"
min_answered_share: 1.25
parameters:
  p: {value: 1, min: 5, max: 2}
sectors: {dinkes: {name: Dinas Kesehatan, short: Dinkes/PKM}}
categories:
  - {id: 1, label: Rendah, min: 0}
  - {id: 1000, label: Tinggi, min: 150}
dimensions:
  - {id: A, label: A, weight: 1500}
columns:
  kode_desa: {type: village_code}
  kecamatan: {type: text}
  desa: {type: text}
  status: {type: code, codes: {1: Belum, 2: Kawin}}
  c1: {type: yesno}
indicators:
  - {id: X1, dimension: A, label: Satu, rule: {column: status, in: [1000]}, sectors: [dinkes], provenance: {status: proposed, source: t}}
  - {id: X2, dimension: A, label: Dua, rule: {yes: c1}, sectors: [dinkes], provenance: {status: resmi, source: t}}
`

// TestSetProblemWords writes the problems of a broken set in both
// languages: each names its part in words, keeps the file's numbers and
// codes as written, and every key it uses is in the catalogue.
func TestSetProblemWords(t *testing.T) {
	_, err := ikk.LoadSet("broken.yaml", []byte(brokenSet))
	if err == nil {
		t.Fatal("the broken set loads")
	}
	want := map[string][]string{
		"id": {
			"berkas indikator broken.yaml: 7 masalah",
			"broken.yaml:5: min_answered_share harus lebih dari 0 dan paling besar 1, misalnya 0.8; tertulis 1.25",
			"broken.yaml:7: parameter p: min 5 lebih besar daripada max 2",
			"broken.yaml:8: sektor dinkes: nama singkat \"Dinkes/PKM\" tidak boleh memuat",
			"broken.yaml:11: kategori 1000 tidak akan pernah tercapai: min 150 tidak di bawah 100",
			"broken.yaml:13: dimensi A: bobot (weight) harus lebih dari 0 dan paling besar 1000, tertulis 1500",
			"broken.yaml:21: indikator X1: kode 1000 tidak dideklarasikan untuk kolom status (yang dideklarasikan: 1, 2)",
			"broken.yaml:22: indikator X2: status provenance \"resmi\" tidak dikenal",
		},
		"en": {
			"indicator file broken.yaml: 7 problems",
			"broken.yaml:5: min_answered_share must lie in (0, 1], e.g. 0.8, found 1.25",
			"broken.yaml:7: parameter p: min 5 is above max 2",
			"broken.yaml:8: sector dinkes: short name \"Dinkes/PKM\" must not hold",
			"broken.yaml:11: category 1000 can never be reached: its min 150 is not below 100",
			"broken.yaml:13: dimension A: weight must be greater than 0 and at most 1000, found 1500",
			"broken.yaml:21: indicator X1: code 1000 is not declared for column status (declared: 1, 2)",
			"broken.yaml:22: indicator X2: provenance status \"resmi\" is not known",
		},
	}
	for lang, lines := range want {
		text := Explain(lang, err)
		for _, w := range lines {
			if !strings.Contains(text, w) {
				t.Errorf("--lang %s lacks %q:\n%s", lang, w, text)
			}
		}
		if strings.Contains(text, "!") {
			t.Errorf("--lang %s: a catalogue key is missing:\n%s", lang, text)
		}
	}
	if got, want := err.Error(), Explain("en", err); got != want {
		t.Errorf("Error() is not the English text:\n%s\nwant\n%s", got, want)
	}
}

// TestSetVocabulary: every part of a set and kind of YAML value that ikk
// declares has its words; the parts a YAML mapping stands for also say
// where a key stands.
func TestSetVocabulary(t *testing.T) {
	consts := ikkConstants(t)
	n := 0
	for name, v := range consts {
		var keys []string
		switch {
		case strings.HasPrefix(name, "Part"):
			keys = []string{"set.part." + v}
		case strings.HasPrefix(name, "Node"):
			keys = []string{"set.kind." + v}
		}
		for _, k := range keys {
			n++
			if _, ok := LookupText(k); !ok {
				t.Errorf("%s (%q): no catalogue entry %s", name, v, k)
			}
		}
	}
	if n < 15 {
		t.Errorf("only %d vocabulary constants found in ikk", n)
	}
	for _, p := range []string{ikk.PartSet, ikk.PartCategory, ikk.PartParameter, ikk.PartDimension, ikk.PartColumn, ikk.PartIndicator, ikk.PartProvenance} {
		if _, ok := LookupText("set.within." + p); !ok {
			t.Errorf("no catalogue entry set.within.%s", p)
		}
	}
}
