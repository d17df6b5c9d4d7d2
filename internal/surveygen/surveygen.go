// Package surveygen writes realistic, seeded household surveys for tests,
// benchmarks and demonstrations: every column of the default IKK set, the
// spellings village cadres really use ("Ya", "TIDAK", "1. Milik sendiri",
// "Rp 1.250.000"), a few blanks and a few bad values. The same Config always
// gives the same bytes.
package surveygen

import (
	"encoding/csv"
	"fmt"
	"io"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"

	"github.com/ikk-tools/ikk/wilayah"
	"github.com/xuri/excelize/v2"
)

// Config describes the survey to generate.
type Config struct {
	Seed       uint64
	Households int // in total
	Kecamatan  int // number of kecamatan
	Desa       int // number of desa, spread over the kecamatan
	// KabupatenCode is the 4-digit Kemendagri prefix ("6309"); default
	// 6309, Kabupaten Tabalong. The kecamatan and desa are the
	// kabupaten's own, with their codes and names from the register
	// (package wilayah), in code order; asked for more than it has, the
	// generator makes up the rest, with codes the register lacks.
	KabupatenCode string
	// Kabupaten is the kabupaten column's value; default the register's
	// name without the word "Kabupaten" ("Tabalong"), as cadres write it.
	Kabupaten string
	// Comma is the CSV separator; 0 means ','.
	Comma rune
	// Kobo writes Kobo-style headers: group prefixes and some question texts.
	Kobo bool
	// BlankRate and InvalidRate are the share of answer cells left blank or
	// given a value outside the vocabulary (defaults 0.01 and 0.001).
	BlankRate, InvalidRate float64
	// NoDefects turns blanks and invalid values off.
	NoDefects bool
	// PK21 writes the columns of the iBangga set (PK21Columns) instead of
	// those of the default IKK set.
	PK21 bool
	// KecamatanOffset and DesaOffset place this file's villages after
	// those of other files, so that a folder of files, one per desa, is a
	// kabupaten of distinct villages: its first kecamatan is the
	// kabupaten's KecamatanOffset-th (from 0), and its first desa that
	// kecamatan's DesaOffset-th. NameSeed, when set, names a made-up
	// kecamatan the same way in every file.
	DesaOffset, KecamatanOffset int
	NameSeed                    uint64

	// Realistic shapes the survey like the files offices send (see
	// realistic.go): varied family names, KK numbers built as Dukcapil
	// builds them, families entered twice, rows without a village, and an
	// invalid value in about one row in six. Households then counts
	// families; the rows are those plus the second entries.
	Realistic bool
	// With Realistic, the share of families entered twice, of families
	// whose village was left blank, and of rows holding one invalid value;
	// zero means the defaults (RealisticDuplicateRate and the others).
	DuplicateRate, NoVillageRate, InvalidRowRate float64

	// Changes alter answers in known ways, for a "next year" survey of the
	// same families (see Change); Drop leaves out the families of the desa
	// of these numbers (DesaOffset + index), a village not surveyed that
	// year. Neither changes the other families' answers.
	Changes []Change
	Drop    []int
}

// Columns are the canonical headers, in the order they are written.
var Columns = []string{
	"kode_desa", "kabupaten", "kecamatan", "desa", "rt", "no_kk", "nama_kk", "jk_kk", "status_kawin_kk",
	"jml_art", "jml_anak", "jml_balita", "jml_anak_sekolah", "jml_lansia",
	"buku_nikah", "akta_lahir_anak", "pasangan_serumah",
	"makan_2x_sehari", "balita_gizi_baik", "ada_sakit_kronis", "kamar_tidur_terpisah", "sumber_air_minum", "fasilitas_bab",
	"status_rumah", "pendapatan_bulan", "pendapatan_cukup", "anak_putus_sekolah_biaya", "anak_sekolah_semua",
	"punya_tabungan", "jkn_semua", "atap_layak", "dinding_layak", "lantai_layak", "luas_lantai",
	"kekerasan_perempuan", "kekerasan_anak", "masalah_hukum", "berbagi_peran", "keuangan_terbuka", "keputusan_bersama",
	"lansia_dirawat", "kegiatan_sosial", "kegiatan_keagamaan", "waktu_bersama", "rekreasi_bersama", "perkawinan_anak",
}

// koboGroups puts columns in Kobo form groups, as an XLSForm would.
func koboHeader(col string) string {
	switch {
	case col == "kode_desa" || col == "kabupaten" || col == "kecamatan" || col == "desa" || col == "rt":
		return "grp_wilayah/" + col
	case strings.HasPrefix(col, "jml_") || strings.HasSuffix(col, "_kk"):
		return "grp_keluarga/" + col
	case col == "ada_sakit_kronis":
		// Kobo "labels" exports carry the question text as the header.
		return "Apakah ada anggota keluarga yang menderita penyakit kronis atau disabilitas?"
	}
	return "grp_ikk/" + col
}

var (
	syllables = []string{"Su", "ngai", "Ta", "njung", "Ba", "ru", "Ma", "kmur", "Pa", "dang", "Ra", "ya", "Ka", "ran", "Lu", "ak", "Bu", "kit", "Ja", "ya"}
	prefixes  = []string{"Sungai", "Tanjung", "Padang", "Banua", "Pasar", "Muara", "Teluk", "Kampung", "Karang", "Bukit"}
	suffixes  = []string{"Harapan", "Makmur", "Jaya", "Raya", "Baru", "Indah", "Permai", "Sejahtera", "Lama", "Hulu", "Hilir", "Tengah"}
	given     = []string{"Ahmad", "Siti", "Muhammad", "Nur", "Rahmat", "Fitri", "Budi", "Aisyah", "Hendra", "Rina", "Syarif", "Halimah", "Yusuf", "Dewi", "Agus", "Mariam"}
	family    = []string{"Hidayat", "Rahman", "Saputra", "Wati", "Hasan", "Lestari", "Pratama", "Nurdin", "Fauzi", "Aminah", "Salim", "Yanti"}
)

type desa struct {
	code, kec, name string
	quality         float64 // shifts every probability: a better desa passes more
	rts             int
}

// Generate writes a CSV survey.
func Generate(w io.Writer, cfg Config) error {
	cw := csv.NewWriter(w)
	if cfg.Comma != 0 {
		cw.Comma = cfg.Comma
	}
	err := rows(cfg, func(rec []string) error { return cw.Write(rec) })
	if err != nil {
		return err
	}
	cw.Flush()
	return cw.Error()
}

// GenerateXLSX writes the survey as a workbook with one sheet, streamed, with
// numbers stored as numbers where a spreadsheet user would type them.
func GenerateXLSX(path string, cfg Config) error {
	f := excelize.NewFile()
	defer f.Close()
	const sheet = "Data Keluarga"
	if err := f.SetSheetName("Sheet1", sheet); err != nil {
		return err
	}
	sw, err := f.NewStreamWriter(sheet)
	if err != nil {
		return err
	}
	n := 0
	cols := columns(cfg)
	err = rows(cfg, func(rec []string) error {
		n++
		vals := make([]any, len(rec))
		for i, v := range rec {
			vals[i] = v
			// Counts, money and areas typed as numbers; codes, KK numbers,
			// village codes and answers stay as the cadre typed them.
			if n > 1 && (strings.HasPrefix(cols[i], "jml_") || cols[i] == "luas_lantai") {
				if f, err := strconv.ParseFloat(v, 64); err == nil {
					vals[i] = f
				}
			}
		}
		cell, _ := excelize.CoordinatesToCellName(1, n)
		return sw.SetRow(cell, vals)
	})
	if err != nil {
		return err
	}
	if err := sw.Flush(); err != nil {
		return err
	}
	return f.SaveAs(path)
}

func rows(cfg Config, emit func([]string) error) error {
	if cfg.Households < 0 || cfg.Desa < 1 || cfg.Kecamatan < 1 || cfg.Kecamatan > cfg.Desa {
		return fmt.Errorf("surveygen: need households >= 0 and 1 <= kecamatan <= desa")
	}
	if cfg.PK21 && cfg.Realistic {
		return fmt.Errorf("surveygen: the PK21 columns have no realistic mode")
	}
	if len(cfg.Changes) > 0 && (cfg.Realistic || cfg.PK21) {
		return fmt.Errorf("surveygen: changes apply to the plain IKK survey only")
	}
	if err := checkChanges(cfg.Changes, cfg.PK21); err != nil {
		return err
	}
	if cfg.KabupatenCode == "" {
		cfg.KabupatenCode = "6309"
	}
	if err := cfg.kabupaten(); err != nil {
		return err
	}
	if !cfg.NoDefects && cfg.BlankRate == 0 && cfg.InvalidRate == 0 {
		cfg.BlankRate, cfg.InvalidRate = 0.01, 0.001
		if cfg.Realistic {
			// The realistic layer places its own invalid values, one in
			// one row in six; the per-cell ones would spoil another row in
			// 27. Each cell still draws, so the answers stay the same.
			cfg.InvalidRate = 0
		}
	}
	if cfg.NoDefects {
		cfg.BlankRate, cfg.InvalidRate = 0, 0
	}
	r := rand.New(rand.NewPCG(cfg.Seed, 0x1cc))
	desas, err := villages(r, cfg)
	if err != nil {
		return err
	}
	cols := columns(cfg)
	head := make([]string, len(cols))
	for i, c := range cols {
		head[i] = c
		if cfg.Kobo {
			head[i] = koboHeader(c)
		}
	}
	if err := emit(head); err != nil {
		return err
	}
	rec := make([]string, len(cols))
	if cfg.Realistic {
		return realisticRows(r, cfg, desas, rec, emit)
	}
	for h := 0; h < cfg.Households; h++ {
		di := h * cfg.Desa / max(cfg.Households, 1)
		d := &desas[di]
		if cfg.PK21 {
			pk21Household(r, cfg, d, h, rec)
		} else {
			household(r, cfg, d, h, rec)
			applyChanges(cfg, cfg.DesaOffset+di, h, rec)
		}
		if slices.Contains(cfg.Drop, cfg.DesaOffset+di) {
			continue
		}
		if err := emit(rec); err != nil {
			return err
		}
	}
	return nil
}

// Village is a desa of a generated survey.
type Village struct {
	Code, Kecamatan, Name string
}

// Villages lists the desa a Config's survey holds, in the order of its
// rows.
func Villages(cfg Config) ([]Village, error) {
	if cfg.KabupatenCode == "" {
		cfg.KabupatenCode = "6309"
	}
	if err := cfg.kabupaten(); err != nil {
		return nil, err
	}
	ds, err := villages(rand.New(rand.NewPCG(cfg.Seed, 0x1cc)), cfg)
	out := make([]Village, len(ds))
	for i, d := range ds {
		out[i] = Village{d.code, d.kec, d.name}
	}
	return out, err
}

// villages picks the desa of a survey: the kecamatan of the kabupaten in
// code order, the desa spread over them as evenly as the count allows,
// each kecamatan's taken in code order. The names once made up are still
// drawn, so that the answers, drawn after them, are those of the surveys
// generated before the register was used; a village the kabupaten does not
// have gets such a name and a code the register lacks.
func villages(r *rand.Rand, cfg Config) ([]desa, error) {
	reg, err := wilayah.Builtin()
	if err != nil {
		return nil, err
	}
	kabCode := cfg.KabupatenCode[:2] + "." + cfg.KabupatenCode[2:]
	realKecs := reg.Children(kabCode)
	type kecamatan struct {
		code, name string
		desa       []wilayah.Unit
		made       int // made-up desa so far
	}
	kecs := make([]kecamatan, cfg.Kecamatan)
	for k := range kecs {
		nr := r
		if cfg.NameSeed != 0 {
			nr = rand.New(rand.NewPCG(cfg.NameSeed, uint64(cfg.KecamatanOffset+k)))
		}
		madeUp := syllables[nr.IntN(len(syllables)/2)*2] + strings.ToLower(syllables[nr.IntN(len(syllables)/2)*2+1]) + " " + suffixes[(cfg.KecamatanOffset+k)%len(suffixes)]
		n := cfg.KecamatanOffset + k
		if n < len(realKecs) {
			kecs[k] = kecamatan{code: realKecs[n].Code, name: realKecs[n].Name, desa: reg.Children(realKecs[n].Code)}
		} else {
			kecs[k] = kecamatan{code: fmt.Sprintf("%s.%02d", kabCode, n+1), name: madeUp}
		}
	}
	desas := make([]desa, cfg.Desa)
	for i := range desas {
		k := i * cfg.Kecamatan / cfg.Desa
		j := i - (k*cfg.Desa+cfg.Kecamatan-1)/cfg.Kecamatan // the first desa of kecamatan k is the least i with i*K/D == k
		if k == 0 {
			j += cfg.DesaOffset
		}
		madeUp := prefixes[r.IntN(len(prefixes))] + " " + suffixes[r.IntN(len(suffixes))]
		kec := &kecs[k]
		d := desa{kec: kec.name, quality: r.Float64()*0.6 - 0.4, rts: 2 + r.IntN(8)}
		if j < len(kec.desa) {
			d.code, d.name = kec.desa[j].Code, kec.desa[j].Name
		} else {
			d.code, d.name = madeUpCode(reg, kec.code, &kec.made), madeUp
		}
		desas[i] = d
	}
	return desas, nil
}

// kabupaten checks the kabupaten code and fills in the kabupaten column's
// default from the register.
func (cfg *Config) kabupaten() error {
	reg, err := wilayah.Builtin()
	if err != nil {
		return err
	}
	kab, ok := reg.Lookup(cfg.KabupatenCode)
	if len(cfg.KabupatenCode) != 4 || !ok || kab.Level() != wilayah.Kabupaten {
		return fmt.Errorf("surveygen: no kabupaten %q in the register (4 digits, like 6309)", cfg.KabupatenCode)
	}
	if cfg.Kabupaten == "" {
		cfg.Kabupaten = strings.TrimPrefix(kab.Name, "Kabupaten ")
	}
	return nil
}

// madeUpCode numbers a made-up desa of a kecamatan from 2901, past the
// numbers the register uses.
func madeUpCode(reg *wilayah.Register, kec string, made *int) string {
	for {
		*made++
		code := fmt.Sprintf("%s.%d", kec, 2900+*made)
		if _, taken := reg.Lookup(code); !taken {
			return code
		}
	}
}

func yes(r *rand.Rand, p float64, style int) string {
	words := [][2]string{{"Ya", "Tidak"}, {"ya", "tidak"}, {"1", "0"}, {"YA", "TIDAK"}, {"Y", "T"}}
	w := words[style%len(words)]
	if r.Float64() < p {
		return w[0]
	}
	return w[1]
}

func clamp(p float64) float64 { return min(0.99, max(0.01, p)) }

func household(r *rand.Rand, cfg Config, d *desa, h int, rec []string) {
	q := d.quality
	style := r.IntN(10) // most cadres write Ya/Tidak; some 1/0 or capitals
	if style >= 5 {
		style = 0
	}
	set := func(col, v string) {
		for i, c := range Columns {
			if c == col {
				rec[i] = v
				return
			}
		}
	}
	married := r.Float64() < 0.82
	status := "2"
	if !married {
		status = []string{"1", "3", "4"}[r.IntN(3)]
	}
	if r.IntN(4) == 0 {
		status = map[string]string{"1": "1. Belum kawin", "2": "2. Kawin", "3": "3. Cerai hidup", "4": "4. Cerai mati"}[status]
	}
	anak := 0
	if married || r.IntN(3) == 0 {
		anak = r.IntN(4)
	}
	balita := 0
	if anak > 0 {
		balita = r.IntN(min(anak, 2) + 1)
	}
	sekolah := 0
	if anak > balita {
		sekolah = r.IntN(anak - balita + 1)
	}
	lansia := 0
	if r.Float64() < 0.25 {
		lansia = 1 + r.IntN(2)
	}
	art := 1 + anak + lansia
	if married {
		art++
	}
	sex := "L"
	if !married && r.IntN(2) == 0 || r.Float64() < 0.05 {
		sex = "P"
	}
	if r.IntN(5) == 0 {
		sex = map[string]string{"L": "Laki-laki", "P": "Perempuan"}[sex]
	}
	setIdentity(set, r, cfg, d, h, sex)
	set("status_kawin_kk", status)
	set("jml_art", strconv.Itoa(art))
	set("jml_anak", strconv.Itoa(anak))
	set("jml_balita", strconv.Itoa(balita))
	set("jml_anak_sekolah", strconv.Itoa(sekolah))
	set("jml_lansia", strconv.Itoa(lansia))

	na := func(applies bool, col string, p float64) {
		if applies || r.IntN(3) > 0 {
			set(col, yes(r, clamp(p+q), style))
		} else {
			set(col, "")
		}
	}
	na(married, "buku_nikah", 0.88)
	na(anak > 0, "akta_lahir_anak", 0.85)
	na(married, "pasangan_serumah", 0.93)
	set("makan_2x_sehari", yes(r, clamp(0.95+q), style))
	na(balita > 0, "balita_gizi_baik", 0.78)
	set("ada_sakit_kronis", yes(r, clamp(0.22-q), style))
	na(married && anak > 0, "kamar_tidur_terpisah", 0.70)
	water := 1 + r.IntN(6)
	if r.Float64() > clamp(0.8+q) {
		water = 7 + r.IntN(4)
	}
	set("sumber_air_minum", strconv.Itoa(water))
	bab := 1 + r.IntN(2)
	if r.Float64() > clamp(0.7+q) {
		bab = 3 + r.IntN(3)
	}
	set("fasilitas_bab", strconv.Itoa(bab))
	rumah := "1"
	if r.Float64() > clamp(0.8+q) {
		rumah = strconv.Itoa(2 + r.IntN(4))
	}
	if r.IntN(5) == 0 {
		rumah = map[string]string{"1": "1. Milik sendiri", "2": "2. Kontrak/sewa", "3": "3. Bebas sewa", "4": "4. Rumah dinas", "5": "5. Lainnya"}[rumah]
	}
	set("status_rumah", rumah)
	income := int(float64(art) * 582932 * (0.5 + r.ExpFloat64()*(0.9+q)))
	income -= income % 50000
	switch r.IntN(4) {
	case 0:
		set("pendapatan_bulan", "Rp "+thousands(income))
	case 1:
		set("pendapatan_bulan", thousands(income))
	default:
		set("pendapatan_bulan", strconv.Itoa(income))
	}
	set("pendapatan_cukup", yes(r, clamp(0.65+q), style))
	na(sekolah > 0, "anak_putus_sekolah_biaya", 0.10-q)
	na(sekolah > 0, "anak_sekolah_semua", 0.88)
	set("punya_tabungan", yes(r, clamp(0.55+q), style))
	set("jkn_semua", yes(r, clamp(0.80+q), style))
	set("atap_layak", yes(r, clamp(0.92+q), style))
	set("dinding_layak", yes(r, clamp(0.88+q), style))
	set("lantai_layak", yes(r, clamp(0.90+q), style))
	area := float64(art) * (5 + r.Float64()*12)
	if r.IntN(3) == 0 {
		set("luas_lantai", strings.Replace(strconv.FormatFloat(float64(int(area*2))/2, 'f', -1, 64), ".", ",", 1))
	} else {
		set("luas_lantai", strconv.Itoa(int(area)))
	}
	set("kekerasan_perempuan", yes(r, clamp(0.05-q/4), style))
	na(anak > 0, "kekerasan_anak", 0.08-q/4)
	set("masalah_hukum", yes(r, clamp(0.03-q/8), style))
	na(married, "berbagi_peran", 0.70)
	na(married, "keuangan_terbuka", 0.85)
	na(married, "keputusan_bersama", 0.80)
	na(lansia > 0, "lansia_dirawat", 0.90)
	set("kegiatan_sosial", yes(r, clamp(0.75+q), style))
	set("kegiatan_keagamaan", yes(r, clamp(0.85+q), style))
	na(art >= 2, "waktu_bersama", 0.90)
	na(art >= 2, "rekreasi_bersama", 0.45)
	set("perkawinan_anak", yes(r, clamp(0.06-q/4), style))

	addDefects(rec[14:], r, cfg)
}

// thousands writes 1250000 as "1.250.000".
func thousands(n int) string {
	s := strconv.Itoa(n)
	var b strings.Builder
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte('.')
		}
		b.WriteRune(c)
	}
	return b.String()
}

// setIdentity writes a family's village, RT, KK number, name and sex, the
// columns that every generated survey shares: a code without its dots now
// and then, as cadres type it.
func setIdentity(set func(col, v string), r *rand.Rand, cfg Config, d *desa, h int, sex string) {
	code := d.code
	if r.IntN(6) == 0 {
		code = strings.ReplaceAll(code, ".", "")
	}
	set("kode_desa", code)
	set("kabupaten", cfg.Kabupaten)
	set("kecamatan", d.kec)
	set("desa", d.name)
	set("rt", fmt.Sprintf("%03d", 1+h%d.rts))
	set("no_kk", strings.ReplaceAll(d.code, ".", "")[:6]+fmt.Sprintf("%010d", h+1))
	set("nama_kk", given[r.IntN(len(given))]+" "+family[r.IntN(len(family))])
	set("jk_kk", sex)
}

// addDefects blanks a few answers and writes a few outside the vocabulary,
// at the rates cfg gives.
func addDefects(answers []string, r *rand.Rand, cfg Config) {
	for i, a := range answers {
		if a == "" {
			continue
		}
		x := r.Float64()
		switch {
		case x < cfg.BlankRate:
			answers[i] = ""
		case x < cfg.BlankRate+cfg.InvalidRate:
			answers[i] = []string{"tidak tahu", "-", "?", "99"}[r.IntN(4)]
		}
	}
}
