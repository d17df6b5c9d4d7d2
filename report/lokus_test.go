package report

import (
	"bytes"
	"strings"
	"testing"

	"github.com/ikk-tools/ikk/ikk"
)

// handLokus is a ranking of candidates built by hand, the default set's
// own weights and its alternative weighting, from 1,000 resamples.
func handLokus(t *testing.T, dir string, desa ...*ikk.Unit) *ikk.Lokus {
	set := defaultSet(t)
	if len(set.Weightings) != 1 {
		t.Fatalf("the default set declares %d alternative weightings, want 1", len(set.Weightings))
	}
	l := &ikk.Lokus{Set: set, Rules: ikk.LokusRules{MinKK: 100, Direction: dir}, Resamples: 1000, Assessed: len(desa) + 2,
		Weightings: append([]ikk.Weighting{{Weights: []float64{1, 1, 1, 1, 1}}}, set.Weightings...)}
	l.Excluded = []ikk.LokusExcluded{{Unit: &ikk.Unit{Name: "Kecil"}, Reason: ikk.LokusFewKK}, {Unit: &ikk.Unit{Name: "Kosong"}, Reason: ikk.LokusNoIndex}}
	for i, u := range desa {
		l.Candidates = append(l.Candidates, ikk.Candidate{Unit: u, Rank: i + 1, Index: []float64{*u.IKK, *u.IKK - 1}, PointRank: []int{i + 1, i + 1}})
	}
	return l
}

func handDesa(set *ikk.Set, code, name, kec string, hh int, v, lo, hi float64) *ikk.Unit {
	return &ikk.Unit{Level: ikk.LevelDesa, Code: code, Name: name, Kecamatan: kec, Households: hh, IKK: &v,
		Category: set.Category(v), Uncertainty: &ikk.Uncertainty{Resamples: 1000, IKK: &ikk.Interval{Low: lo, High: hi}}}
}

func considerations(t *testing.T, l *ikk.Lokus, j *ikk.Justification, lang string) string {
	t.Helper()
	rep := &LokusReport{Lokus: l, Chosen: []*ikk.Justification{j}, Kabupaten: "Tabalong"}
	lines := justification(rep, j, lang)
	for _, s := range lines {
		if !strings.HasPrefix(s, "bahwa ") && lang == "id" || !strings.HasPrefix(s, "whereas ") && lang == "en" {
			t.Errorf("a consideration that does not begin as one: %q", s)
		}
		if !strings.HasSuffix(s, ";") {
			t.Errorf("a consideration that does not end with a semicolon: %q", s)
		}
		if strings.Contains(s, "!lokus.") || strings.Contains(s, "{") {
			t.Errorf("a word or parameter missing: %q", s)
		}
	}
	return strings.Join(lines, "\n")
}

// TestLokusConsiderations: two desa within noise are not said to differ,
// and the text leaves room for the further considerations; a clear first
// place is said as such, with the figures it rests on.
func TestLokusConsiderations(t *testing.T) {
	set := defaultSet(t)
	a := handDesa(set, "63.09.02.2002", "Ampukung", "Kelua", 412, 84.29, 82.10, 86.35)
	b := handDesa(set, "63.09.01.2001", "Hapalah", "Banua Lawas", 380, 83.98, 81.70, 86.02)
	c := handDesa(set, "63.09.06.2005", "Kasiau", "Murung Pudak", 250, 71.40, 68.00, 74.50)

	t.Run("a tie as printed", func(t *testing.T) {
		a2 := handDesa(set, "63.09.01.2001", "Hapalah", "Banua Lawas", 380, 84.2912, 82.0, 86.4)
		l := handLokus(t, ikk.LokusHighest, a, a2, c)
		l.Candidates[0].FirstShare = []float64{0.339, 0.35}
		l.Candidates[1].FirstShare = []float64{0.344, 0.33}
		l.Candidates[2].FirstShare = []float64{0, 0}
		j := &ikk.Justification{Lokus: l, Chosen: &l.Candidates[0], First: &l.Candidates[0], Rival: &l.Candidates[1],
			Verdict: ikk.JustifyClose, Noise: true, Overlap: true, FirstUnder: []*ikk.Candidate{&l.Candidates[0], &l.Candidates[0]}, WeakDimension: -1}
		text := considerations(t, l, j, "id")
		for _, want := range []string{
			"bahwa Desa Ampukung Kecamatan Kelua dan Desa Hapalah Kecamatan Banua Lawas memperoleh nilai IKK tertinggi yang sama di antara para calon tersebut, yaitu 84,29, sehingga nilai IKK tidak menentukan urutan keduanya;",
			"bahwa dengan nilai IKK yang sama tersebut, Desa Ampukung menempati urutan pertama hanya pada 33,9% dari 1.000 kali penarikan sampel ulang",
			"didasarkan pula pada pertimbangan lain",
		} {
			if !strings.Contains(text, want) {
				t.Errorf("lacks %q:\n%s", want, text)
			}
		}
		for _, not := range []string{"memperoleh nilai IKK tertinggi di antara", "selisih nilai"} {
			if strings.Contains(text, not) {
				t.Errorf("says %q of a tie:\n%s", not, text)
			}
		}
		if en := considerations(t, l, j, "en"); !strings.Contains(en, "share the highest IKK of these candidates, 84.29") {
			t.Errorf("English lacks the tie:\n%s", en)
		}
	})

	t.Run("within noise", func(t *testing.T) {
		l := handLokus(t, ikk.LokusHighest, a, b, c)
		l.Candidates[0].FirstShare = []float64{0.548, 0.521}
		l.Candidates[1].FirstShare = []float64{0.452, 0.479}
		l.Candidates[2].FirstShare = []float64{0, 0}
		j := &ikk.Justification{Lokus: l, Chosen: &l.Candidates[0], First: &l.Candidates[0], Rival: &l.Candidates[1],
			Verdict: ikk.JustifyClose, Noise: true, Overlap: true, Sensitive: []int{1}, FirstUnder: []*ikk.Candidate{&l.Candidates[0], &l.Candidates[0]}, WeakDimension: -1}
		text := considerations(t, l, j, "id")
		for _, want := range []string{
			"terhadap 5 desa/kelurahan di Kabupaten Tabalong, 3 desa/kelurahan memenuhi syarat sebagai calon desa lokus, yaitu memiliki sekurang-kurangnya 100 keluarga yang didata;",
			"Desa Ampukung Kecamatan Kelua memperoleh nilai IKK tertinggi di antara para calon tersebut, yaitu 84,29 (selang 95%: 82,10–86,35) dengan kategori Responsif Gender dan Hak Anak, berdasarkan pendataan terhadap 412 keluarga;",
			"bahwa selisih nilai IKK Desa Ampukung (84,29) dengan Desa Hapalah Kecamatan Banua Lawas pada peringkat kedua (83,98) masih berada dalam batas ketidakpastian pengukuran, karena selang 95% keduanya beririsan dan Desa Ampukung menempati peringkat pertama hanya pada 54,8% dari 1.000 kali penarikan sampel ulang",
			"di bawah ambang 80%;",
			"tidak menunjukkan keunggulan yang jelas dari Desa Ampukung atas calon lainnya, sehingga pemilihannya sebagai desa lokus didasarkan pula pada pertimbangan lain, yaitu ....................;",
			"bahwa berdasarkan pertimbangan sebagaimana dimaksud di atas, perlu menetapkan Desa Ampukung Kecamatan Kelua sebagai desa lokus dengan Keputusan Bupati;",
		} {
			if !strings.Contains(text, want) {
				t.Errorf("lacks %q:\n%s", want, text)
			}
		}
		// Noise said once: the low share under the other weighting adds
		// nothing, and nothing claims a lead.
		for _, not := range []string{"tetap menempati peringkat pertama", "tidak bergantung pada keluarga", "keunggulannya"} {
			if strings.Contains(text, not) {
				t.Errorf("says %q within noise:\n%s", not, text)
			}
		}
		en := considerations(t, l, j, "en")
		for _, want := range []string{"lies within the uncertainty of the survey, since their 95% intervals overlap and Desa Ampukung ranks first in only 54.8% of 1,000 resamples",
			"does not show Desa Ampukung to be clearly ahead of the other candidates"} {
			if !strings.Contains(en, want) {
				t.Errorf("English lacks %q:\n%s", want, en)
			}
		}
	})
	t.Run("clear", func(t *testing.T) {
		l := handLokus(t, ikk.LokusHighest, a, c)
		l.Candidates[0].FirstShare = []float64{0.993, 0.987}
		l.Candidates[1].FirstShare = []float64{0.007, 0.013}
		j := &ikk.Justification{Lokus: l, Chosen: &l.Candidates[0], First: &l.Candidates[0], Rival: &l.Candidates[1],
			Verdict: ikk.JustifyClear, FirstUnder: []*ikk.Candidate{&l.Candidates[0], &l.Candidates[0]}, WeakDimension: -1}
		text := considerations(t, l, j, "id")
		want := "bahwa dalam 1.000 kali penarikan sampel ulang (bootstrap) atas keluarga yang didata, Desa Ampukung menempati peringkat pertama pada 99,3% penarikan dan tetap menempati peringkat pertama apabila digunakan bobot dimensi sebanding jumlah indikatornya (98,7%), sehingga keunggulannya tidak bergantung pada keluarga tertentu yang terdata maupun pada pilihan bobot dimensi;"
		if !strings.Contains(text, want) {
			t.Errorf("lacks %q:\n%s", want, text)
		}
		for _, not := range []string{"ketidakpastian", "pertimbangan lain", dots} {
			if strings.Contains(text, not) {
				t.Errorf("a clear first place says %q:\n%s", not, text)
			}
		}
	})
	t.Run("another desa first under the other weighting", func(t *testing.T) {
		l := handLokus(t, ikk.LokusHighest, a, b)
		l.Candidates[0].FirstShare = []float64{0.91, 0.30}
		l.Candidates[1].FirstShare = []float64{0.09, 0.70}
		l.Candidates[1].Index[1] = 84.5
		j := &ikk.Justification{Lokus: l, Chosen: &l.Candidates[0], First: &l.Candidates[0], Rival: &l.Candidates[1],
			Verdict: ikk.JustifyClose, Sensitive: []int{1}, FirstUnder: []*ikk.Candidate{&l.Candidates[0], &l.Candidates[1]}, WeakDimension: -1}
		text := considerations(t, l, j, "id")
		want := "bahwa apabila digunakan bobot dimensi sebanding jumlah indikatornya, peringkat pertama ditempati Desa Hapalah Kecamatan Banua Lawas (84,50), bukan Desa Ampukung (83,29);"
		if !strings.Contains(text, want) || !strings.Contains(text, "pertimbangan lain") || strings.Contains(text, "ketidakpastian") {
			t.Errorf("lacks %q, or says too much:\n%s", want, text)
		}
	})
	t.Run("most in need", func(t *testing.T) {
		l := handLokus(t, ikk.LokusLowest, c, b)
		c.Dimensions = []*float64{ptrTo(80), ptrTo(70), ptrTo(41.2), ptrTo(75), ptrTo(90)}
		l.Candidates[0].FirstShare = []float64{1, 1}
		l.Candidates[1].FirstShare = []float64{0, 0}
		j := &ikk.Justification{Lokus: l, Chosen: &l.Candidates[0], First: &l.Candidates[0], Rival: &l.Candidates[1],
			Verdict: ikk.JustifyClear, FirstUnder: []*ikk.Candidate{&l.Candidates[0], &l.Candidates[0]}, WeakDimension: 2,
			WeakIndicators: []ikk.Problem{{Indicator: set.Indicators[10], Percent: 22.5}, {Indicator: set.Indicators[12], Percent: 30}}}
		text := considerations(t, l, j, "id")
		for _, want := range []string{
			"Desa Kasiau Kecamatan Murung Pudak memperoleh nilai IKK terendah di antara para calon tersebut",
			"dengan capaian terendah pada dimensi Kualitas Ketahanan Ekonomi (41,20) dan pada indikator " + set.Indicators[10].Label + " (22,50%) dan " + set.Indicators[12].Label + " (30,00%);",
			"memperoleh nilai terendah pada 100,0% penarikan",
			"kedudukannya sebagai desa/kelurahan yang paling membutuhkan",
		} {
			if !strings.Contains(text, want) {
				t.Errorf("lacks %q:\n%s", want, text)
			}
		}
	})
}

func ptrTo(v float64) *float64 { return &v }

// TestLokusDocumentWhole: the document names every desa assessed in its
// accounting, shows the stability under both weightings, and the terminal
// table the same figures.
func TestLokusDocumentWhole(t *testing.T) {
	set := defaultSet(t)
	a := handDesa(set, "63.09.02.2002", "Ampukung", "Kelua", 412, 84.29, 82.10, 86.35)
	b := handDesa(set, "63.09.01.2001", "Hapalah", "Banua Lawas", 380, 83.98, 81.70, 86.02)
	l := handLokus(t, ikk.LokusHighest, a, b)
	l.Candidates[0].FirstShare = []float64{0.548, 0.521}
	l.Candidates[1].FirstShare = []float64{0.452, 0.479}
	j := &ikk.Justification{Lokus: l, Chosen: &l.Candidates[0], First: &l.Candidates[0], Rival: &l.Candidates[1],
		Verdict: ikk.JustifyClose, Noise: true, Overlap: true, FirstUnder: []*ikk.Candidate{&l.Candidates[0], &l.Candidates[0]}, WeakDimension: -1}
	rep := &LokusReport{Lokus: l, Chosen: []*ikk.Justification{j}, Kabupaten: "Tabalong"}
	var md, term bytes.Buffer
	if err := LokusDocument(&md, rep, "md", "id"); err != nil {
		t.Fatal(err)
	}
	if err := WriteLokusTable(&term, rep, "id", 0); err != nil {
		t.Fatal(err)
	}
	for name, out := range map[string]string{"md": md.String(), "terminal": strings.Join(strings.Fields(term.String()), " ")} {
		for _, want := range []string{
			"Dari 4 desa/kelurahan yang diukur, 2 memenuhi syarat dan 2 tidak: 1 tanpa nilai IKK karena ada dimensi tanpa data; 1 dengan kurang dari 100 keluarga yang didata.",
			"82,10–86,35", "54,8%", "52,1%", "47,9%", "Bobot dimensi sebanding jumlah indikatornya", "LS 3, KF 6, KE 8, SP 6, SB 6",
			"Rumusan pertimbangan untuk bagian Menimbang Keputusan Bupati:",
		} {
			if !strings.Contains(out, want) {
				t.Errorf("%s lacks %q:\n%s", name, want, out)
			}
		}
	}
	if !strings.Contains(term.String(), "63.09.02.2002") || strings.Contains(md.String(), "63.09.02.2002") {
		t.Errorf("the code belongs to the terminal's table only")
	}
	// A narrow terminal: the codes go first, then the categories.
	for _, tt := range []struct {
		width          int
		code, category bool
	}{{140, true, true}, {120, false, true}, {95, false, false}} {
		var b bytes.Buffer
		if err := WriteLokusTable(&b, rep, "id", tt.width); err != nil {
			t.Fatal(err)
		}
		table := b.String()[:strings.Index(b.String(), "Kestabilan")]
		if strings.Contains(table, "63.09.02.2002") != tt.code || strings.Contains(table, "Responsif") != tt.category {
			t.Errorf("width %d: code %v, category %v wanted:\n%s", tt.width, tt.code, tt.category, table)
		}
	}
}
