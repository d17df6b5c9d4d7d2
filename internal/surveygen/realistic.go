package surveygen

import (
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"
)

// The defaults of the realistic mode, from what offices' files hold: a
// family card entered twice now and then (by two cadres, or twice by one),
// a row whose village columns were never filled, and a bad cell in about
// one row in six ("-" for "none", "?" for "ask again", 99 for "unknown",
// answers with a question mark, a typo'd number).
const (
	RealisticDuplicateRate  = 0.003
	RealisticNoVillageRate  = 0.002
	RealisticInvalidRowRate = 1.0 / 6
	// RealisticDontKnowRate is the share of rows with one "tidak tahu"
	// answer: ikk counts it as don't-know, no data issue, so it is kept
	// apart from the invalid values.
	RealisticDontKnowRate = 0.01
)

// InvalidValues are the bad values the realistic mode writes. "99" is left
// out of count columns, where it is a plausible count.
var InvalidValues = []string{"-", "?", "99", "ya?", "2,5x"}

var (
	givenMale   = []string{"Ahmad", "Muhammad", "Rahmat", "Budi", "Hendra", "Syarif", "Yusuf", "Agus", "Abdul", "Akhmad", "Arif", "Bambang", "Darmawan", "Eko", "Fajar", "Gusti", "Hamdani", "Iwan", "Jamal", "Kurniawan", "Lukman", "Mulyadi", "Nasrullah", "Rusdi", "Saipul", "Taufik", "Usman", "Wahyudi", "Yadi", "Zainal", "Anang", "Ijai", "Rahmadi", "Supriadi", "Hairul", "Norhadi"}
	givenFemale = []string{"Siti", "Nur", "Fitri", "Aisyah", "Rina", "Halimah", "Dewi", "Mariam", "Aminah", "Bariah", "Dahlia", "Erna", "Fatimah", "Hasanah", "Ida", "Jumiati", "Khadijah", "Lina", "Masitah", "Nurul", "Norhayati", "Rusmini", "Salmah", "Titin", "Wati", "Yuliana", "Zubaidah", "Rabiatul", "Mahmudah", "Noorlaila"}
	familyNames = []string{"Hidayat", "Rahman", "Saputra", "Wati", "Hasan", "Lestari", "Pratama", "Nurdin", "Fauzi", "Aminah", "Salim", "Yanti", "Ansyari", "Baderun", "Effendi", "Gazali", "Hamidi", "Ilmi", "Jailani", "Kasmawati", "Mahfuzh", "Noor", "Rifani", "Syahrani", "Wahdah", "Yusran", "Zakiah", "Arsyad", "Busra", "Darmawi", "Hairani", "Husin", "Mahyuni", "Rusdiansyah", "Setiawan", "Susanti"}
)

// countColumn reports a count column, where "99" would be a valid count.
func countColumn(col string) bool { return strings.HasPrefix(col, "jml_") }

// realism is the realistic layer's own state: its random stream, apart
// from the answers' so that they stay those of the clean mode's rows.
type realism struct {
	r      *rand.Rand
	cfg    Config
	kks    map[uint64]struct{}
	colIdx map[string]int
}

func newRealism(cfg Config) *realism {
	if cfg.DuplicateRate == 0 {
		cfg.DuplicateRate = RealisticDuplicateRate
	}
	if cfg.NoVillageRate == 0 {
		cfg.NoVillageRate = RealisticNoVillageRate
	}
	if cfg.InvalidRowRate == 0 {
		cfg.InvalidRowRate = RealisticInvalidRowRate
	}
	if cfg.NoDefects {
		cfg.InvalidRowRate = 0
	}
	re := &realism{r: rand.New(rand.NewPCG(cfg.Seed, 0x5ea1)), cfg: cfg, kks: map[uint64]struct{}{}, colIdx: map[string]int{}}
	for i, c := range Columns {
		re.colIdx[c] = i
	}
	return re
}

// realisticRows writes the families of rows() in the realistic shape. A
// family entered twice comes back a few rows later, always within its own
// desa (the only place where ikk looks for duplicates, and where a second
// cadre would enter it), as an exact copy.
func realisticRows(r *rand.Rand, cfg Config, desas []desa, rec []string, emit func([]string) error) error {
	re := newRealism(cfg)
	type later struct {
		at  int
		rec []string
	}
	var pending []later
	flush := func(upTo int) error {
		for len(pending) > 0 && pending[0].at <= upTo {
			if err := emit(pending[0].rec); err != nil {
				return err
			}
			pending = pending[1:]
		}
		return nil
	}
	prev := -1
	for h := 0; h < cfg.Households; h++ {
		di := h * cfg.Desa / max(cfg.Households, 1)
		if di != prev {
			// A desa's second entries stay in its own block of rows.
			if err := flush(math.MaxInt); err != nil {
				return err
			}
			prev = di
		}
		household(r, cfg, &desas[di], h, rec)
		noVillage := re.apply(rec)
		if err := emit(rec); err != nil {
			return err
		}
		if !noVillage && re.r.Float64() < re.cfg.DuplicateRate {
			// Kept in the order they come due; there are never many.
			at := h + 1 + re.r.IntN(40)
			i := slices.IndexFunc(pending, func(l later) bool { return l.at > at })
			if i < 0 {
				i = len(pending)
			}
			pending = slices.Insert(pending, i, later{at, slices.Clone(rec)})
		}
		if err := flush(h); err != nil {
			return err
		}
	}
	return flush(math.MaxInt)
}

// apply rewrites a clean row as an office's: name, KK number, maybe no
// village, maybe one invalid value or a don't-know answer. It reports
// whether the village was blanked.
func (re *realism) apply(rec []string) (noVillage bool) {
	r := re.r
	female := strings.HasPrefix(rec[re.colIdx["jk_kk"]], "P")
	rec[re.colIdx["nama_kk"]] = re.name(female)
	code := strings.ReplaceAll(rec[re.colIdx["kode_desa"]], ".", "")
	rec[re.colIdx["no_kk"]] = re.kk(code[:6])
	if r.Float64() < re.cfg.NoVillageRate {
		// The cadre filled the family and skipped the village columns; the
		// kabupaten, the same on every row, was pasted down.
		for _, c := range []string{"kode_desa", "kecamatan", "desa"} {
			rec[re.colIdx[c]] = ""
		}
		noVillage = true
	}
	// Answers from jk_kk on: the village, RT, KK and name are checked
	// elsewhere and a bad one would reject the row rather than flag a cell.
	first := re.colIdx["jk_kk"]
	if r.Float64() < re.cfg.InvalidRowRate {
		c := first + r.IntN(len(Columns)-first)
		vals := InvalidValues
		if countColumn(Columns[c]) || Columns[c] == "pendapatan_bulan" || Columns[c] == "luas_lantai" {
			vals = []string{"-", "?", "ya?", "2,5x"} // 99 is a number there
		}
		rec[c] = vals[r.IntN(len(vals))]
	} else if !re.cfg.NoDefects && r.Float64() < RealisticDontKnowRate/(1-re.cfg.InvalidRowRate) {
		c := re.colIdx["buku_nikah"] + r.IntN(len(Columns)-re.colIdx["buku_nikah"])
		rec[c] = "tidak tahu"
	}
	return noVillage
}

// kk makes a family card number as Dukcapil does: the province, kabupaten
// and kecamatan codes, the day of issue (DDMMYY) and a 4-digit serial, each
// number once in the file.
func (re *realism) kk(region string) string {
	r := re.r
	for {
		s := fmt.Sprintf("%s%02d%02d%02d%04d", region, 1+r.IntN(28), 1+r.IntN(12), 5+r.IntN(20), 1+r.IntN(9999))
		n, _ := strconv.ParseUint(s, 10, 64)
		if _, dup := re.kks[n]; !dup {
			re.kks[n] = struct{}{}
			return s
		}
	}
}

// name makes a head of family's name as registers write them: one to three
// words, "bin"/"binti" and the father's name, a pilgrim's title, sometimes
// all in capitals.
func (re *realism) name(female bool) string {
	r := re.r
	given, child, title := givenMale, "bin", "H."
	if female {
		given, child, title = givenFemale, "binti", "Hj."
	}
	g := given[r.IntN(len(given))]
	var n string
	switch x := r.IntN(20); {
	case x < 8:
		n = g + " " + familyNames[r.IntN(len(familyNames))]
	case x < 12:
		n = g
	case x < 15:
		n = g + " " + child + " " + givenMale[r.IntN(len(givenMale))]
	case x < 17:
		n = title + " " + g + " " + familyNames[r.IntN(len(familyNames))]
	default:
		n = g + " " + given[r.IntN(len(given))] + " " + familyNames[r.IntN(len(familyNames))]
	}
	if r.IntN(8) == 0 {
		n = strings.ToUpper(n)
	}
	return n
}
