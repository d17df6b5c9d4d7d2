package surveygen

import (
	"math/rand/v2"
	"strconv"
)

// PK21Columns are the headers of a survey shaped for the iBangga set
// (ibangga.yaml): the identification columns, the family facts, and the
// PK21 items of BKKBN's Pendataan Keluarga, named as the set names them.
var PK21Columns = []string{
	"kode_desa", "kabupaten", "kecamatan", "desa", "rt", "no_kk", "nama_kk", "jk_kk", "k07_status_kawin",
	"jml_art", "jml_anak", "jml_anak_sekolah",
	"k09_akta_lahir", "k15_jaminan_kesehatan",
	"p01_ibadah", "p02_buku_nikah", "p03a_konflik", "p03b_konflik", "p03c_konflik", "p03d_konflik",
	"p04_penghasilan", "p05_makanan_beragam", "p19_p26_rumah_layak",
	"p_tabungan", "p_anak_sekolah", "p_berobat_faskes", "p_media_online",
	"p_waktu_bersama", "p_rekreasi", "p_interaksi_tetangga", "p_kegiatan_sosial",
}

// pk21FirstAnswer is the first column the defects may touch: the items,
// not the facts.
const pk21FirstAnswer = 12

// columns are the headers of the survey cfg asks for.
func columns(cfg Config) []string {
	if cfg.PK21 {
		return PK21Columns
	}
	return Columns
}

// pk21Yes answers a PK21 yes/no item as the PK21 forms and their exports
// write it: Ya/Tidak, or the codes 1 (ya) and 2 (tidak).
func pk21Yes(r *rand.Rand, p float64, style int) string {
	words := [][2]string{{"Ya", "Tidak"}, {"1", "2"}, {"YA", "TIDAK"}}
	w := words[style%len(words)]
	if r.Float64() < p {
		return w[0]
	}
	return w[1]
}

// pk21Household fills rec with one family of desa d in the PK21 shape.
// Items that do not apply to the family are mostly left blank, as a cadre
// skips them; some are answered anyway, which ikk reads as not applicable.
func pk21Household(r *rand.Rand, cfg Config, d *desa, h int, rec []string) {
	q := d.quality
	style := r.IntN(6) // most exports write Ya/Tidak, some the codes
	if style >= 3 {
		style = 0
	}
	set := func(col, v string) {
		for i, c := range PK21Columns {
			if c == col {
				rec[i] = v
				return
			}
		}
	}
	yes := func(p float64) string { return pk21Yes(r, clamp(p+q), style) }
	status := 2
	switch x := r.Float64(); {
	case x < 0.08:
		status = 1
	case x < 0.13:
		status = 3
	case x < 0.20:
		status = 4
	}
	married := status == 2
	anak := 0
	if status != 1 || r.IntN(8) == 0 {
		anak = r.IntN(4)
	}
	sekolah := 0
	if anak > 0 {
		sekolah = r.IntN(anak + 1)
	}
	art := 1 + anak + r.IntN(2)*r.IntN(2)
	if married {
		art++
	}
	sex := "L"
	if !married && r.IntN(2) == 0 || r.Float64() < 0.05 {
		sex = "P"
	}
	setIdentity(set, r, cfg, d, h, sex)
	k07 := strconv.Itoa(status)
	if r.IntN(4) == 0 {
		k07 += ". " + []string{"", "Belum kawin", "Kawin", "Cerai hidup", "Cerai mati"}[status]
	}
	set("k07_status_kawin", k07)
	set("jml_art", strconv.Itoa(art))
	set("jml_anak", strconv.Itoa(anak))
	set("jml_anak_sekolah", strconv.Itoa(sekolah))

	na := func(applies bool, col string, p float64) {
		if applies || r.IntN(4) == 0 {
			set(col, yes(p))
		} else {
			set(col, "")
		}
	}
	na(anak > 0, "k09_akta_lahir", 0.72)
	jkn := strconv.Itoa(1 + r.IntN(3))
	if r.Float64() > clamp(0.72+q) {
		jkn = "4"
	}
	set("k15_jaminan_kesehatan", jkn)
	set("p01_ibadah", yes(0.90))
	na(married, "p02_buku_nikah", 0.80)
	for _, c := range []string{"p03a_konflik", "p03b_konflik", "p03c_konflik", "p03d_konflik"} {
		// Conflict is the bad answer: a better desa has less of it.
		if art >= 2 || r.IntN(4) == 0 {
			set(c, pk21Yes(r, clamp(0.08-q/4), style))
		} else {
			set(c, "")
		}
	}
	set("p04_penghasilan", yes(0.80))
	set("p05_makanan_beragam", yes(0.52))
	set("p19_p26_rumah_layak", yes(0.50))
	set("p_tabungan", yes(0.30))
	na(sekolah > 0, "p_anak_sekolah", 0.82)
	set("p_berobat_faskes", yes(0.72))
	set("p_media_online", yes(0.35))
	na(art >= 2, "p_waktu_bersama", 0.66)
	na(art >= 2, "p_rekreasi", 0.22)
	set("p_interaksi_tetangga", yes(0.80))
	set("p_kegiatan_sosial", yes(0.40))

	addDefects(rec[pk21FirstAnswer:], r, cfg)
}
