package report

import (
	"bytes"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/ikk-tools/ikk/ikk"
	"github.com/xuri/excelize/v2"
)

// onceSet has two indicators, both of one office (s1), and a target no
// indicator of the fixture reaches.
const onceSet = `
schema: ikk.indicators/v1
id: once
name: Once
version: "1"
target: 90
min_answered_share: 0.5
categories:
  - {id: 1, label: Rendah, min: 0}
  - {id: 2, label: Tinggi, min: 50}
dimensions:
  - {id: D1, label: Satu}
sectors: {s1: Sektor satu}
columns:
  kode_desa: {type: village_code}
  kecamatan: {type: text}
  desa: {type: text}
  rt: {type: text}
  no_kk: {type: kk_number}
  jk_kk: {type: sex}
  a: {type: yesno}
  b: {type: yesno}
indicators:
  - {id: I1, dimension: D1, label: Satu, rule: {yes: a}, sectors: [s1], provenance: {status: proposed, source: test}}
  - {id: I2, dimension: D1, label: Dua, rule: {yes: b}, sectors: [s1], provenance: {status: proposed, source: test}}
`

// onceSurvey, counted by hand: family A fails I1 and I2, B fails I1 only, C
// fails neither. I1 has 2 families failing, I2 has 1: the sum over the
// office's indicators is 3, but the office has 2 families to visit.
const onceSurvey = "kode_desa,kecamatan,desa,rt,no_kk,jk_kk,a,b\n" +
	"63.09.06.2001,Kelua,Alpha,1,6309060101010001,L,tidak,tidak\n" +
	"63.09.06.2001,Kelua,Alpha,1,6309060101010002,P,tidak,ya\n" +
	"63.09.06.2001,Kelua,Alpha,1,6309060101010003,L,ya,ya\n"

// TestOfficeFamiliesCountedOnce: the Markdown report and the Excel report
// give the office 2 families affected, not 3, and keep the per-indicator
// counts (2 and 1) beside it.
func TestOfficeFamiliesCountedOnce(t *testing.T) {
	set, err := ikk.LoadSet("once.yaml", []byte(onceSet))
	if err != nil {
		t.Fatal(err)
	}
	survey := filepath.Join(t.TempDir(), "survey.csv")
	if err := os.WriteFile(survey, []byte(onceSurvey), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, lang := range []string{"id", "en"} {
		res, data := onceWorkbook(t, set, survey, lang)
		checkOnceMarkdown(t, res, lang)
		checkOnceWorkbook(t, data, lang)
	}
}

func onceWorkbook(t *testing.T, set *ikk.Set, survey, lang string) (*ikk.Result, []byte) {
	t.Helper()
	return buildWorkbookWith(t, set, survey, Meta{Lang: lang, ToolVersion: "test"}, false)
}

func checkOnceMarkdown(t *testing.T, res *ikk.Result, lang string) {
	t.Helper()
	var buf bytes.Buffer
	if err := MarkdownReport(&buf, res, Meta{Lang: lang}); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	want := map[string]string{
		"id": "Mencakup 2 indikator di 1 desa/kelurahan, dengan 2 KK terdampak (setiap keluarga dihitung satu kali).",
		"en": "Covers 2 indicators in 1 desa/kelurahan, with 2 families affected (each family counted once).",
	}[lang]
	if !strings.Contains(out, want) {
		t.Errorf("%s: the office's sentence %q is missing:\n%s", lang, want, out)
	}
	// The follow-up table keeps a row an indicator, with its own count.
	for _, row := range []string{"| I1 Satu   | Alpha (Kec. Kelua) |", "| I2 Dua    | Alpha (Kec. Kelua) |"} {
		if !strings.Contains(out, row) {
			t.Errorf("%s: no follow-up row %q:\n%s", lang, row, out)
		}
	}
	for _, line := range strings.Split(out, "\n") {
		if strings.Contains(line, "Alpha (Kec. Kelua)") {
			fail := strings.TrimSpace(strings.Split(line, "|")[3])
			if id := strings.Fields(line)[1]; id == "I1" && fail != "2" || id == "I2" && fail != "1" {
				t.Errorf("%s: %s has %s families affected: %s", lang, id, fail, line)
			}
		}
	}
}

// checkOnceWorkbook finds the office's row in the block under the
// Rencana Tindak Lanjut table and reads its families affected.
func checkOnceWorkbook(t *testing.T, data []byte, lang string) {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sheet := Say(lang, "xlsx.rtl")
	rows, err := f.GetRows(sheet)
	if err != nil {
		t.Fatal(err)
	}
	// Per indicator, in the table: I1 2 families, I2 1 (column H).
	for i, want := range map[int]string{5: "2", 6: "1"} {
		if got, _ := f.GetCellValue(sheet, "H"+strconv.Itoa(i)); got != want {
			t.Errorf("%s: %s!H%d = %q, want %s", lang, sheet, i, got, want)
		}
	}
	block := -1
	for i, r := range rows {
		if len(r) > 0 && r[0] == Say(lang, "xlsx.rtl_offices") {
			block = i + 1 // 1-based row of the block's title
		}
	}
	if block < 0 {
		t.Fatalf("%s: no office block on %s: %q", lang, sheet, rows)
	}
	head, office := block+1, block+2
	// The office's figure stands under the table's KK terdampak column (H).
	if got, _ := f.GetCellValue(sheet, "H"+strconv.Itoa(head)); got != Say(lang, "xlsx.rtl_families") {
		t.Errorf("%s: %s!H%d = %q, want the header %q", lang, sheet, head, got, Say(lang, "xlsx.rtl_families"))
	}
	if got, _ := f.GetCellValue(sheet, "B"+strconv.Itoa(office)); got != "Sektor satu" {
		t.Errorf("%s: %s!B%d = %q, want the office", lang, sheet, office, got)
	}
	cell := "H" + strconv.Itoa(office)
	if got, _ := f.GetCellValue(sheet, cell, excelize.Options{RawCellValue: true}); got != "2" {
		t.Errorf("%s: %s!%s = %q, want 2 families affected (not 3, the sum over indicators)", lang, sheet, cell, got)
	}
}
