package surveygen

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"
)

// The "next year" mode: the same survey (same Config, same seed, so the same
// families and answers) with answers changed in known ways, so that a test of
// ikk compare knows which indicators of which desa should move, and roughly
// how far.

// Change alters one column's answers in one desa: each family of desa
// number Desa (counted from 0 across files: DesaOffset + its index in the
// file) whose cell is not blank gets, with probability |Share|, the answer
// that passes the indicator (Share > 0) or fails it (Share < 0). An
// achievement of p percent thus moves by about Share * (100 - p) points
// up, or Share * p points down.
type Change struct {
	Desa   int
	Column string
	Share  float64
}

// answers are the passing and failing answer of each column a Change may
// alter, by the rules of the default IKK set.
var answers = map[string][2]string{
	"buku_nikah": {"Ya", "Tidak"}, "akta_lahir_anak": {"Ya", "Tidak"}, "pasangan_serumah": {"Ya", "Tidak"},
	"makan_2x_sehari": {"Ya", "Tidak"}, "balita_gizi_baik": {"Ya", "Tidak"}, "ada_sakit_kronis": {"Tidak", "Ya"},
	"kamar_tidur_terpisah": {"Ya", "Tidak"}, "sumber_air_minum": {"1", "8"}, "fasilitas_bab": {"1", "4"},
	"status_rumah": {"1", "2"}, "pendapatan_cukup": {"Ya", "Tidak"}, "anak_putus_sekolah_biaya": {"Tidak", "Ya"},
	"anak_sekolah_semua": {"Ya", "Tidak"}, "punya_tabungan": {"Ya", "Tidak"}, "jkn_semua": {"Ya", "Tidak"},
	"kekerasan_perempuan": {"Tidak", "Ya"}, "kekerasan_anak": {"Tidak", "Ya"}, "masalah_hukum": {"Tidak", "Ya"},
	"berbagi_peran": {"Ya", "Tidak"}, "keuangan_terbuka": {"Ya", "Tidak"}, "keputusan_bersama": {"Ya", "Tidak"},
	"lansia_dirawat": {"Ya", "Tidak"}, "kegiatan_sosial": {"Ya", "Tidak"}, "kegiatan_keagamaan": {"Ya", "Tidak"},
	"waktu_bersama": {"Ya", "Tidak"}, "rekreasi_bersama": {"Ya", "Tidak"}, "perkawinan_anak": {"Tidak", "Ya"},
}

// ChangeColumns lists the columns a Change may alter, sorted.
func ChangeColumns() []string {
	var out []string
	for c := range answers {
		out = append(out, c)
	}
	slices.Sort(out)
	return out
}

// NextYear is the plan of -next-year: in every third desa (0, 3, 6, ...)
// savings, health insurance and recreation improve by half; in desa 1, 4,
// 7, ... shared roles and religious activities worsen by a third; the other
// desa stay as they were. It covers desa 0 to n-1.
func NextYear(n int) []Change {
	var out []Change
	for d := 0; d < n; d++ {
		switch d % 3 {
		case 0:
			for _, c := range []string{"punya_tabungan", "jkn_semua", "rekreasi_bersama"} {
				out = append(out, Change{Desa: d, Column: c, Share: 0.5})
			}
		case 1:
			for _, c := range []string{"berbagi_peran", "kegiatan_keagamaan"} {
				out = append(out, Change{Desa: d, Column: c, Share: -1.0 / 3})
			}
		}
	}
	return out
}

// ParseChange reads a change written DESA:COLUMN:SHARE ("0:jkn_semua:0.5").
func ParseChange(s string) (Change, error) {
	parts := strings.Split(s, ":")
	if len(parts) != 3 {
		return Change{}, fmt.Errorf("change %q: want DESA:COLUMN:SHARE", s)
	}
	d, err := strconv.Atoi(parts[0])
	if err != nil || d < 0 {
		return Change{}, fmt.Errorf("change %q: desa must be a number from 0", s)
	}
	share, err := strconv.ParseFloat(parts[2], 64)
	if err != nil || share < -1 || share > 1 {
		return Change{}, fmt.Errorf("change %q: share must be between -1 and 1", s)
	}
	return Change{Desa: d, Column: parts[1], Share: share}, nil
}

func checkChanges(cs []Change, pk21 bool) error {
	for _, c := range cs {
		if _, ok := answers[c.Column]; !ok || pk21 {
			return fmt.Errorf("surveygen: column %q cannot be changed (known: %s)", c.Column, strings.Join(ChangeColumns(), ", "))
		}
		if c.Share < -1 || c.Share > 1 {
			return fmt.Errorf("surveygen: share %v of %s is not between -1 and 1", c.Share, c.Column)
		}
	}
	return nil
}

// applyChanges alters household h's record, of desa number desa. Each draw
// has its own generator, seeded by the household and the column, so that
// the families and other answers stay exactly those of the same survey
// without changes.
func applyChanges(cfg Config, desa, h int, rec []string) {
	for _, c := range cfg.Changes {
		if c.Desa != desa {
			continue
		}
		i := slices.Index(Columns, c.Column)
		if rec[i] == "" {
			continue
		}
		r := rand.New(rand.NewPCG(cfg.Seed^0x9e3779b97f4a7c15, uint64(h)<<8|uint64(i)))
		if r.Float64() >= max(c.Share, -c.Share) {
			continue
		}
		if c.Share > 0 {
			rec[i] = answers[c.Column][0]
		} else {
			rec[i] = answers[c.Column][1]
		}
	}
}
