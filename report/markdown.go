package report

import (
	"bufio"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/ikk-tools/ikk/ikk"
)

// mdMaxIssues bounds the issues listed in the Markdown report; the Excel
// report and the JSON output carry them all.
const mdMaxIssues = 50

// MarkdownReport writes the full report in Markdown: title and scope, the
// summary (ranked desa, kecamatan and kabupaten totals), a section per desa,
// the rencana tindak lanjut by office, the data issues and the methodology.
// It reads as plain text too, and holds no names or KK numbers: only the
// masked KK numbers that duplicate_kk issues carry.
func MarkdownReport(w io.Writer, r *ikk.Result, m Meta) error {
	d := &mdDoc{w: bufio.NewWriter(w), r: r, set: r.Set, lang: "id"}
	if m.Lang == "en" {
		d.lang = "en"
	}
	d.title(m)
	d.summary()
	d.desaSections()
	d.followUp()
	d.dataIssues()
	d.method(m)
	return d.w.Flush()
}

// mdDoc is a report being written; bufio keeps the first write error, which
// Flush returns.
type mdDoc struct {
	w    *bufio.Writer
	r    *ikk.Result
	set  *ikk.Set
	lang string
}

// tr picks the wording of the report's language.
func (d *mdDoc) tr(id, en string) string {
	if d.lang == "en" {
		return en
	}
	return id
}

// para writes a paragraph of running text, already escaped.
func (d *mdDoc) para(s string) {
	d.w.WriteString(s)
	d.w.WriteString("\n\n")
}

func (d *mdDoc) heading(level int, s string) {
	d.w.WriteString(strings.Repeat("#", level) + " " + s + "\n\n")
}

// bullets writes a list of items, already escaped.
func (d *mdDoc) bullets(items []string) {
	for _, it := range items {
		d.w.WriteString("- " + it + "\n")
	}
	d.w.WriteString("\n")
}

func (d *mdDoc) num(v float64) string   { return Num(v, d.lang) }
func (d *mdDoc) trim(v float64) string  { return NumTrim(v, d.lang) }
func (d *mdDoc) ptr(v *float64) string  { return NumPtr(v, d.lang) }
func (d *mdDoc) count(n int) string     { return Int(n, d.lang) }
func (d *mdDoc) esc(s string) string    { return MarkdownText(s) }
func (d *mdDoc) target() string         { return d.trim(d.set.Target) + "%" }
func (d *mdDoc) sector(k string) string { return d.set.TagLabel(k) }

// mdTable is a Markdown table; cells are plain text, escaped when written,
// and padded so that the columns line up in plain text too.
type mdTable struct {
	head  []string
	right []bool // right-aligned (numeric) columns
	rows  [][]string
}

func newMDTable(head ...string) *mdTable {
	return &mdTable{head: head, right: make([]bool, len(head))}
}

// numeric marks columns as numbers, aligned right.
func (t *mdTable) numeric(cols ...int) *mdTable {
	for _, c := range cols {
		t.right[c] = true
	}
	return t
}

func (t *mdTable) add(cells ...string) { t.rows = append(t.rows, cells) }

func (d *mdDoc) table(t *mdTable) {
	head := make([]string, len(t.head))
	width := make([]int, len(t.head))
	for i, h := range t.head {
		head[i] = mdCell(h)
		width[i] = max(3, utf8.RuneCountInString(head[i]))
	}
	rows := make([][]string, len(t.rows))
	for i, r := range t.rows {
		rows[i] = make([]string, len(t.head))
		for j := range t.head {
			c := "–"
			if j < len(r) && r[j] != "" {
				c = mdCell(r[j])
			}
			rows[i][j] = c
			width[j] = max(width[j], utf8.RuneCountInString(c))
		}
	}
	line := func(cells []string) {
		d.w.WriteString("|")
		for j, c := range cells {
			pad := strings.Repeat(" ", width[j]-utf8.RuneCountInString(c))
			if t.right[j] {
				d.w.WriteString(" " + pad + c + " |")
			} else {
				d.w.WriteString(" " + c + pad + " |")
			}
		}
		d.w.WriteString("\n")
	}
	line(head)
	d.w.WriteString("|")
	for j := range head {
		if t.right[j] {
			d.w.WriteString(strings.Repeat("-", width[j]+1) + ":|")
		} else {
			d.w.WriteString(":" + strings.Repeat("-", width[j]+1) + "|")
		}
	}
	d.w.WriteString("\n")
	for _, r := range rows {
		line(r)
	}
	d.w.WriteString("\n")
}

// mdCell escapes a table cell: MarkdownCell keeps the row intact, and the
// inline markup a survey value may hold (*x*, `x`, [x], <b>) stays literal.
// An underscore inside a word cannot start emphasis and is kept as it is, so
// that column names such as buku_nikah stay readable.
func mdCell(s string) string {
	s = MarkdownCell(s)
	rs := []rune(s)
	var b strings.Builder
	for i, c := range rs {
		switch c {
		case '*', '`', '[', ']', '~':
			b.WriteByte('\\')
		case '_':
			inWord := i > 0 && i+1 < len(rs) && mdWordRune(rs[i-1]) && mdWordRune(rs[i+1])
			if !inWord {
				b.WriteByte('\\')
			}
		case '<':
			if i+1 < len(rs) && (rs[i+1] < utf8.RuneSelf && isLetter(byte(rs[i+1])) || rs[i+1] == '/' || rs[i+1] == '!') {
				b.WriteString("&lt;")
				continue
			}
		}
		b.WriteRune(c)
	}
	return b.String()
}

func mdWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// mdCategory is a category as the report names it: "3 Responsif Gender dan

// mdDesaWord is "Kelurahan" for a kelurahan code (63.09.06.1xxx), else "Desa".
func mdDesaWord(u *ikk.Unit) string {
	if i := strings.LastIndexByte(u.Code, '.'); i >= 0 && strings.Count(u.Code, ".") == 3 && strings.HasPrefix(u.Code[i+1:], "1") {
		return "Kelurahan"
	}
	return "Desa"
}

// mdPlace names a unit in running text: "Desa X, Kecamatan Y",
// "Kecamatan Y", "Kabupaten Z" (not escaped).
func mdPlace(u *ikk.Unit) string {
	switch u.Level {
	case ikk.LevelDesa:
		s := mdDesaWord(u) + " " + unitName(u)
		if u.Kecamatan != "" {
			s += ", Kecamatan " + u.Kecamatan
		}
		return s
	case ikk.LevelKecamatan:
		return "Kecamatan " + unitName(u)
	case ikk.LevelKabupaten:
		return mdKabupaten(u)
	}
	return unitName(u)
}

// mdKabupaten is "Kabupaten Tabalong", keeping a name that already says
// what it is ("Kota Banjarbaru", "Kabupaten Tabalong").
func mdKabupaten(u *ikk.Unit) string {
	n := unitName(u)
	l := strings.ToLower(n)
	for _, p := range []string{"kabupaten ", "kab. ", "kab ", "kota "} {
		if strings.HasPrefix(l, p) {
			return n
		}
	}
	return "Kabupaten " + n
}

// title writes the title and the scope of the report.
func (d *mdDoc) title(m Meta) {
	r := d.r
	var kabs []string
	nKec := 0
	for _, u := range r.Units {
		switch u.Level {
		case ikk.LevelKabupaten:
			if u.Name != "" || u.Code != "" {
				kabs = append(kabs, mdKabupaten(u))
			}
		case ikk.LevelKecamatan:
			nKec++
		}
	}
	where := strings.Join(kabs, ", ")
	t := d.tr("Laporan Indeks Kualitas Keluarga (IKK)", "Family Quality Index (IKK) Report")
	if where != "" {
		t += d.tr(" ", ", ") + where
	}
	d.heading(1, d.esc(t))

	nDesa := len(r.Desa())
	scope := fmt.Sprintf(d.tr(
		"Laporan ini menyajikan hasil penilaian Indeks Kualitas Keluarga (IKK) atas %s desa/kelurahan di %s kecamatan, berdasarkan %s keluarga (KK) yang dinilai dari %s baris data survei rumah tangga.",
		"This report presents the Family Quality Index (Indeks Kualitas Keluarga, IKK) of %s desa/kelurahan in %s kecamatan, from %s families (KK) scored out of %s rows of household survey data."),
		d.count(nDesa), d.count(nKec), d.count(r.Summary.Scored), d.count(r.Summary.RowsRead))
	scope += " " + fmt.Sprintf(d.tr("Set indikator: %s versi %s (%s).", "Indicator set: %s version %s (%s)."),
		d.set.ID, d.set.Version, d.set.Name)
	d.para(d.esc(scope))
	if m.Date != "" {
		d.para(d.esc(d.tr("Tanggal laporan: ", "Report date: ") + m.Date))
	}
	d.para(d.tr(
		"Isi: 1. Ringkasan; 2. Hasil per Desa; 3. Rencana Tindak Lanjut; 4. Masalah Data; 5. Metodologi.",
		"Contents: 1. Summary; 2. Results by desa; 3. Follow-up plan (rencana tindak lanjut); 4. Data issues; 5. Methodology."))
}

// summary writes the ranked desa, the kecamatan and kabupaten totals, the
// cut-offs and the units without an IKK.
func (d *mdDoc) summary() {
	d.heading(2, d.tr("1. Ringkasan", "1. Summary"))
	d.heading(3, d.tr("Peringkat desa/kelurahan", "Ranking of desa/kelurahan"))
	d.para(d.tr(
		"Desa/kelurahan diurutkan menurut nilai IKK, dari yang tertinggi; bila nilainya sama, desa dengan jumlah KK lebih banyak didahulukan. Desa/kelurahan yang IKK-nya tidak dapat dihitung tercantum di akhir tanpa peringkat.",
		"Desa/kelurahan are ordered by IKK, highest first; equal values go to the one with more families. Those whose IKK cannot be computed come last, unranked."))
	t := newMDTable(d.tr("Peringkat", "Rank"), d.tr("Kode", "Code"), "Kecamatan", "Desa/Kelurahan",
		d.tr("Jumlah KK", "Families (KK)"), "IKK", d.tr("Kategori", "Category")).numeric(0, 4, 5)
	for _, rk := range ikk.RankDesa(d.r) {
		u := rk.Unit
		rank := "–"
		if rk.Rank > 0 {
			rank = d.count(rk.Rank)
		}
		t.add(rank, u.Code, u.Kecamatan, unitName(u), d.count(u.Households), d.ptr(u.IKK), categoryText(u.Category))
	}
	d.table(t)

	d.heading(3, d.tr("Kecamatan dan kabupaten", "Kecamatan and kabupaten"))
	t = newMDTable(d.tr("Wilayah", "Area"), d.tr("Kode", "Code"), d.tr("Jumlah desa", "Number of desa"),
		d.tr("Jumlah KK", "Families (KK)"), "IKK", d.tr("Kategori", "Category")).numeric(2, 3, 4)
	var kabRows [][]string
	units := d.r.Units
	for i, u := range units {
		if u.Level != ikk.LevelKecamatan && u.Level != ikk.LevelKabupaten {
			continue
		}
		// The desa of a kecamatan follow it; those of a kabupaten run to
		// the next kabupaten.
		n := 0
		for _, v := range units[i+1:] {
			if v.Level == ikk.LevelKabupaten || u.Level == ikk.LevelKecamatan && v.Level == ikk.LevelKecamatan {
				break
			}
			if v.Level == ikk.LevelDesa {
				n++
			}
		}
		row := []string{mdPlace(u), u.Code, d.count(n), d.count(u.Households), d.ptr(u.IKK), categoryText(u.Category)}
		if u.Level == ikk.LevelKabupaten {
			kabRows = append(kabRows, row)
			continue
		}
		t.add(row...)
	}
	// The kabupaten rows close the table, as the totals.
	for _, row := range kabRows {
		t.add(row...)
	}
	d.table(t)

	var undef []string
	for _, u := range units {
		if u.IKK == nil && u.Level != ikk.LevelRT {
			undef = append(undef, d.esc(fmt.Sprintf(d.tr("IKK %s tidak dapat dihitung: %s.", "The IKK of %s cannot be computed: %s."),
				mdPlace(u), UndefinedReason(u, d.lang))))
		}
	}
	if len(undef) > 0 {
		d.para(d.tr("Wilayah yang IKK-nya tidak dapat dihitung:", "Areas whose IKK cannot be computed:"))
		d.bullets(undef)
		d.para(d.tr("Keterangan:", "Notes:"))
	}
	d.bullets([]string{
		d.esc(d.tr("Batas kategori: ", "Category cut-offs: ") + CutoffText(d.set, d.lang) + "."),
		d.esc(d.tr("Kategori ditentukan dari nilai IKK yang dibulatkan ke dua desimal.", "The category is decided on the IKK rounded to two decimals.")),
		d.esc(fmt.Sprintf(d.tr("Target capaian setiap indikator: %s; indikator di bawah target adalah permasalahan desa.",
			"Target achievement of each indicator: %s; an indicator below target is a permasalahan (problem) of the desa."), d.target())),
	})
}

// lensLines describes the lenses of a unit: the family functions, the other
// lenses, and the gender lens by sex of the head.
func (d *mdDoc) lensLines(u *ikk.Unit) []string {
	var lines []string
	k := 0
	var parts []string
	for _, f := range d.set.Functions {
		parts = append(parts, f.Label+" "+d.ptr(u.Lenses[k]))
		k++
	}
	if len(parts) > 0 {
		lines = append(lines, d.esc(d.tr("Fungsi keluarga: ", "Family functions: ")+strings.Join(parts, "; ")+"."))
	}
	parts = nil
	for _, l := range d.set.Lenses {
		p := l.Label + " " + d.ptr(u.Lenses[k])
		k++
		if l.Key == "gender" {
			p += fmt.Sprintf(d.tr(" (kepala keluarga laki-laki, %s KK: %s; perempuan, %s KK: %s)", " (male head of family, %s KK: %s; female, %s KK: %s)"),
				d.count(u.BySex[0].Households), d.ptr(u.BySex[0].Gender), d.count(u.BySex[1].Households), d.ptr(u.BySex[1].Gender))
		}
		parts = append(parts, p)
	}
	if len(parts) > 0 {
		lines = append(lines, d.esc(strings.Join(parts, "; ")+"."))
	}
	return lines
}

// householdLine gives the families in each category and their mean score.
func (d *mdDoc) householdLine(u *ikk.Unit) string {
	var parts []string
	for i, c := range d.set.Categories {
		parts = append(parts, fmt.Sprintf(d.tr("kategori %d: %s KK", "category %d: %s KK"), c.ID, d.count(u.HouseholdCategories[i])))
	}
	parts = append(parts, fmt.Sprintf(d.tr("tidak lengkap (tanpa skor): %s KK", "incomplete (no score): %s KK"), d.count(u.Incomplete)))
	s := d.tr("Keluarga menurut kategori: ", "Families by category: ") + strings.Join(parts, "; ") + "."
	if u.HouseholdMean != nil {
		s += fmt.Sprintf(d.tr(" Rata-rata skor keluarga lengkap: %s.", " Mean score of complete families: %s."), d.ptr(u.HouseholdMean))
	}
	return d.esc(s)
}

func (d *mdDoc) sectorLabels(keys []string) string {
	labels := make([]string, len(keys))
	for i, k := range keys {
		labels[i] = d.sector(k)
	}
	return strings.Join(labels, "; ")
}

// desaSections writes a compact section per desa, in unit order.
func (d *mdDoc) desaSections() {
	d.heading(2, d.tr("2. Hasil per Desa", "2. Results by desa"))
	var legend []string
	for _, dim := range d.set.Dimensions {
		legend = append(legend, dim.ID+" "+dim.Label)
	}
	d.para(d.esc(fmt.Sprintf(d.tr(
		"Desa/kelurahan disajikan menurut kecamatan. Dimensi: %s. Capaian indikator dan lensa dinyatakan dalam persen keluarga yang memenuhi.",
		"Desa/kelurahan are listed by kecamatan. Dimensions: %s. Indicator achievement and lenses are percentages of families meeting the indicator."),
		strings.Join(legend, "; "))))
	for _, u := range d.r.Desa() {
		d.heading(3, d.esc(mdPlace(u)))
		code := u.Code
		if code == "" {
			code = d.tr("tidak tercatat", "not recorded")
		}
		s := fmt.Sprintf(d.tr("Kode wilayah %s. Keluarga dinilai: %s KK. ", "Area code %s. Families scored: %s KK. "), code, d.count(u.Households))
		switch {
		case u.IKK != nil && u.Category != nil:
			s += fmt.Sprintf(d.tr("IKK %s, kategori %d (%s).", "IKK %s, category %d (%s)."), d.num(*u.IKK), u.Category.ID, u.Category.Label)
		case u.IKK != nil:
			s += fmt.Sprintf("IKK %s.", d.num(*u.IKK))
		default:
			s += fmt.Sprintf(d.tr("IKK tidak dapat dihitung: %s.", "The IKK cannot be computed: %s."), UndefinedReason(u, d.lang))
		}
		d.para(d.esc(s))

		head := []string{d.tr("Dimensi", "Dimension")}
		vals := []string{d.tr("Indeks", "Index")}
		for i, dim := range d.set.Dimensions {
			head = append(head, dim.ID)
			vals = append(vals, d.ptr(u.Dimensions[i]))
		}
		t := newMDTable(head...)
		for i := 1; i < len(head); i++ {
			t.numeric(i)
		}
		t.add(vals...)
		d.table(t)

		d.bullets(append(d.lensLines(u), d.householdLine(u)))

		if len(u.Permasalahan) == 0 {
			d.para(d.esc(fmt.Sprintf(d.tr("Tidak ada permasalahan: tidak ada indikator dengan capaian di bawah target %s.",
				"No permasalahan: no indicator is below the target of %s."), d.target())))
			continue
		}
		d.para(d.esc(fmt.Sprintf(d.tr("Permasalahan (indikator dengan capaian di bawah target %s):", "Permasalahan (indicators below the target of %s):"), d.target())))
		t = newMDTable(d.tr("Indikator", "Indicator"), d.tr("Capaian (%)", "Achievement (%)"), d.tr("KK terdampak", "Families affected"),
			d.tr("Instansi penanggung jawab", "Responsible offices")).numeric(1, 2)
		for _, p := range u.Permasalahan {
			t.add(p.Indicator.ID+" "+p.Indicator.Label, d.num(p.Percent), d.count(p.Fail), d.sectorLabels(p.Indicator.Sectors))
		}
		d.table(t)
	}
}

// followUp writes the rencana tindak lanjut: the permasalahan by office.
func (d *mdDoc) followUp() {
	d.heading(2, d.tr("3. Rencana Tindak Lanjut", "3. Follow-up plan (rencana tindak lanjut)"))
	plans := ikk.FollowUp(d.set, d.r.Desa())
	if len(plans) == 0 {
		d.para(d.esc(fmt.Sprintf(d.tr("Tidak ada permasalahan: tidak ada indikator desa dengan capaian di bawah target %s, sehingga tidak ada tindak lanjut yang diusulkan.",
			"No permasalahan: no indicator of any desa is below the target of %s, so no follow-up is proposed."), d.target())))
		return
	}
	d.para(d.esc(d.tr(
		"Permasalahan seluruh desa/kelurahan dikelompokkan menurut instansi penanggung jawab. Indikator yang menjadi tanggung jawab beberapa instansi tercantum pada setiap instansi tersebut. Jumlah KK terdampak dijumlahkan per indikator, sehingga satu keluarga dapat terhitung pada lebih dari satu indikator. Setiap instansi melengkapi Kegiatan, Target, Sumber Anggaran, dan Waktu pelaksanaan pada kolom yang tersedia di laporan Excel.",
		"The permasalahan of every desa/kelurahan are grouped by responsible office. An indicator that is the responsibility of several offices appears under each of them. Families affected are summed per indicator, so a family can count under more than one indicator. Each office fills in the activity (Kegiatan), target, budget source (Sumber Anggaran) and timing (Waktu) in the columns the Excel report provides.")))
	for _, p := range plans {
		d.heading(3, d.esc(p.Sector.Label))
		inds := map[*ikk.Indicator]bool{}
		desa := map[*ikk.Unit]bool{}
		for _, a := range p.Actions {
			inds[a.Indicator] = true
			desa[a.Desa] = true
		}
		d.para(d.esc(fmt.Sprintf(d.tr("Mencakup %s indikator di %s desa/kelurahan, dengan %s KK terdampak (dijumlahkan per indikator).",
			"Covers %s in %s desa/kelurahan, with %s families affected (summed over indicators)."),
			d.count(len(inds))+d.tr("", mdPlural(len(inds), " indicator", " indicators")), d.count(len(desa)), d.count(p.Households))))
		t := newMDTable(d.tr("Indikator", "Indicator"), "Desa/Kelurahan", d.tr("KK terdampak", "Families affected"),
			d.tr("Capaian (%)", "Achievement (%)"), d.tr("Target (%)", "Target (%)")).numeric(2, 3, 4)
		for _, a := range p.Actions {
			where := unitName(a.Desa)
			if a.Desa.Kecamatan != "" {
				where += " (Kec. " + a.Desa.Kecamatan + ")"
			}
			t.add(a.Indicator.ID+" "+a.Indicator.Label, where, d.count(a.Fail), d.num(a.Percent), d.trim(d.set.Target))
		}
		d.table(t)
	}
}

func mdPlural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

func (d *mdDoc) issueWords(code string) string {
	if _, ok := LookupText("issue." + code); ok {
		return Say(d.lang, "issue."+code)
	}
	return code
}

// inputName is a file with its sheet, as a cell shows it.
func (d *mdDoc) fileCell(file, sheet string) string {
	if sheet == "" {
		return file
	}
	return file + d.tr(", lembar ", ", sheet ") + sheet
}

// dataIssues writes the accounting of rows, the issue counts by code and
// the first issues.
func (d *mdDoc) dataIssues() {
	r := d.r
	d.heading(2, d.tr("4. Masalah Data", "4. Data issues"))
	d.para(d.esc(d.tr(
		"Setiap baris data survei berakhir pada tepat satu keadaan: dinilai, ditolak (dengan alasan yang tercatat), atau kosong (semua sel kosong). Jumlah baris dibaca sama dengan jumlah baris dinilai, ditolak, dan kosong.",
		"Every survey data row ends in exactly one state: scored, rejected (with a recorded reason) or blank (every cell empty). Rows read equal rows scored, rejected and blank.")))
	t := newMDTable(d.tr("Berkas", "File"), d.tr("Baris dibaca", "Rows read"), d.tr("Dinilai", "Scored"),
		d.tr("Ditolak", "Rejected"), d.tr("Kosong", "Blank")).numeric(1, 2, 3, 4)
	for _, in := range r.Inputs {
		t.add(d.fileCell(in.Path, in.Sheet), d.count(in.RowsRead), d.count(in.Scored), d.count(in.Rejected), d.count(in.Blank))
	}
	s := r.Summary
	t.add(d.tr("Jumlah", "Total"), d.count(s.RowsRead), d.count(s.Scored), d.count(s.Rejected), d.count(s.Blank))
	d.table(t)

	total := r.IssueTotal()
	if total == 0 {
		d.para(d.tr("Tidak ada masalah data.", "No data issues."))
		return
	}
	d.para(d.esc(fmt.Sprintf(d.tr("Jumlah masalah data: %s, menurut jenisnya:", "Data issues: %s, by kind:"), d.count(total))))
	codes := make([]string, 0, len(r.IssueCounts))
	for c := range r.IssueCounts {
		codes = append(codes, c)
	}
	sort.Strings(codes)
	t = newMDTable(d.tr("Kode", "Code"), d.tr("Keterangan", "Meaning"), d.tr("Jumlah", "Count")).numeric(2)
	for _, c := range codes {
		t.add(c, d.issueWords(c), d.count(r.IssueCounts[c]))
	}
	d.table(t)

	shown := min(len(r.Issues), mdMaxIssues)
	if shown == 0 {
		return
	}
	t = newMDTable(d.tr("No", "No"), d.tr("Berkas", "File"), d.tr("Baris", "Row"), d.tr("Kolom (sel)", "Column (cell)"),
		d.tr("Nilai", "Value"), d.tr("Kode", "Code")).numeric(0, 2)
	for i, is := range r.Issues[:shown] {
		// A row number names a row as the spreadsheet does ("F1234"):
		// no thousands separator.
		row := "–"
		if is.Row > 0 {
			row = strconv.Itoa(is.Row)
		}
		col := is.Column
		if col != "" && is.Cell != "" {
			col += " (" + is.Cell + ")"
		}
		t.add(d.count(i+1), d.fileCell(is.File, is.Sheet), row, col, is.Value, is.Code)
	}
	d.table(t)
	var note string
	if total > shown {
		note = fmt.Sprintf(d.tr("Tabel di atas memuat %s masalah pertama dari %s. ", "The table shows the first %s of %s issues. "),
			d.count(shown), d.count(total))
	}
	note += d.tr(
		"Daftar lengkap, dengan penjelasan dan nilai yang diterima untuk setiap masalah, tercantum dalam laporan Excel dan keluaran JSON (--format json). Nomor KK ditampilkan tersamar.",
		"The full list, with an explanation and the accepted values for each issue, is in the Excel report and the JSON output (--format json). KK numbers are shown masked.")
	d.para(d.esc(note))
}

func (d *mdDoc) status(s string) string { return StatusWords(d.lang, s) }

// method writes how the numbers were computed and from what.
func (d *mdDoc) method(m Meta) {
	set := d.set
	d.heading(2, d.tr("5. Metodologi", "5. Methodology"))
	var dimWeights []string
	for _, dim := range set.Dimensions {
		dimWeights = append(dimWeights, dim.ID+" "+d.trim(dim.Weight))
	}
	share := d.trim(set.MinAnsweredShare * 100)
	paras := []string{
		d.tr(
			"Nilai IKK dihitung dengan pendekatan indikator terlebih dahulu (indicator-first). Untuk setiap wilayah, capaian suatu indikator adalah persentase keluarga yang memenuhi indikator di antara keluarga yang memenuhi atau tidak memenuhinya. Keluarga yang indikatornya tidak berlaku (misalnya keluarga tanpa anak), jawabannya kosong, atau jawabannya tidak sah tidak dihitung untuk indikator tersebut; jawaban kosong tidak pernah dihitung sebagai tidak memenuhi.",
			"Values are computed indicator first. For each area, the achievement of an indicator is the percentage of families meeting it among the families that meet it or not. Families for which the indicator does not apply (for example families without children), or whose answer is blank or invalid, are not counted for that indicator; a blank answer never counts as not meeting it."),
		fmt.Sprintf(d.tr(
			"Indeks dimensi adalah rata-rata tertimbang capaian indikator dalam dimensi tersebut (bobot indikator pada tabel di bawah). IKK adalah rata-rata tertimbang %s indeks dimensi dengan bobot %s. Bila satu dimensi tidak memiliki data, IKK tidak dihitung dan laporan menyebutkan dimensi tersebut.",
			"A dimension index is the weighted mean of the achievements of its indicators (indicator weights in the table below). The IKK is the weighted mean of the %s dimension indices, with weights %s. When a dimension has no data the IKK is not computed, and the report names that dimension."),
			d.count(len(set.Dimensions)), strings.Join(dimWeights, ", ")),
		fmt.Sprintf(d.tr(
			"Kategori: %s. Kategori ditentukan dari nilai yang dibulatkan ke dua desimal (setengah ke atas), sehingga nilai yang tercetak selalu sesuai dengan kategorinya. Seluruh perhitungan memakai nilai tanpa pembulatan; pembulatan hanya untuk tampilan.",
			"Categories: %s. The category is decided on the value rounded to two decimals (half up), so a printed value always matches its category. All arithmetic uses unrounded values; rounding is for display only."),
			CutoffText(set, d.lang)),
		fmt.Sprintf(d.tr(
			"Skor keluarga dihitung dengan cara yang sama pada tingkat keluarga: indikator yang dipenuhi bernilai 100 dan yang tidak dipenuhi bernilai 0, dirata-ratakan per dimensi lalu antardimensi dengan bobot yang sama. Keluarga dinyatakan lengkap bila sekurang-kurangnya %s%% indikator yang berlaku baginya terjawab sah (min_answered_share = %s); keluarga yang tidak lengkap tidak diberi skor dan kategori keluarga, tetapi jawabannya tetap dihitung dalam capaian indikator. IKK wilayah selalu dihitung dari capaian indikator, bukan dari rata-rata skor keluarga.",
			"Family scores are computed the same way for each family: 100 for an indicator met and 0 for one not met, averaged within each dimension and then across dimensions with the same weights. A family is complete when at least %s%% of the indicators that apply to it have a valid answer (min_answered_share = %s); incomplete families get no score and no family category, but their answers still count in the indicator achievements. The IKK of an area is always computed from the indicator achievements, not from the mean family score."),
			share, d.trim(set.MinAnsweredShare)),
		fmt.Sprintf(d.tr(
			"Lensa fungsi keluarga, responsif gender, dan pemenuhan hak anak adalah rata-rata sederhana capaian indikator yang diberi tanda lensa tersebut; lensa tidak memengaruhi IKK. Lensa responsif gender juga dihitung menurut jenis kelamin kepala keluarga. Permasalahan suatu desa adalah indikator dengan capaian di bawah target %s, diurutkan dari capaian terendah.",
			"The lenses (family functions, gender responsiveness, child rights) are plain means of the achievements of the indicators tagged with them; they do not enter the IKK. The gender lens is also computed by sex of the head of family. The permasalahan of a desa are its indicators below the target of %s, lowest first."),
			d.target()),
	}
	for _, p := range paras {
		d.para(d.esc(p))
	}

	if len(set.Parameters) > 0 {
		d.heading(3, d.tr("Parameter", "Parameters"))
		t := newMDTable(d.tr("Parameter", "Parameter"), d.tr("Keterangan", "Description"), d.tr("Nilai", "Value"), d.tr("Sumber", "Source")).numeric(2)
		for _, p := range set.Parameters {
			t.add(p.Name, p.Label, d.trim(p.Value), p.Source)
		}
		d.table(t)
	}

	d.heading(3, d.tr("Indikator", "Indicators"))
	d.para(d.esc(d.tr(
		"Aturan menyatakan kapan keluarga memenuhi indikator; kolom Berlaku menyebut syarat keluarga yang dinilai (lihat tabel syarat di bawah). Asal menyebut status dan sumber setiap indikator.",
		"The rule says when a family meets the indicator; Applies names the condition a family must meet to be assessed (see the table of conditions below). Source gives the status and origin of each indicator.")))
	t := newMDTable("ID", d.tr("Dimensi", "Dimension"), d.tr("Indikator", "Indicator"), d.tr("Aturan", "Rule"),
		d.tr("Berlaku", "Applies"), d.tr("Bobot", "Weight"), d.tr("Asal", "Source")).numeric(5)
	used := map[string]bool{}
	for _, ind := range set.Indicators {
		applies := ind.Applies
		if applies == "" || applies == "all" {
			applies = d.tr("semua", "all")
		} else {
			used[ind.Applies] = true
		}
		origin := d.status(ind.Status)
		if ind.SourceNote != "" {
			origin += ": " + ind.SourceNote
		}
		t.add(ind.ID, ind.Dimension, ind.Label, RuleText(d.lang, d.set, ind.Rule), applies, d.trim(ind.Weight), origin)
	}
	d.table(t)
	names := make([]string, 0, len(set.Conditions))
	for n := range set.Conditions {
		names = append(names, n)
	}
	sort.Strings(names)
	if len(names) > 0 {
		t = newMDTable(d.tr("Syarat", "Condition"), d.tr("Aturan", "Rule"))
		for _, n := range names {
			t.add(n, RuleText(d.lang, d.set, set.Conditions[n]))
		}
		d.table(t)
	}

	d.heading(3, d.tr("Berkas dan versi", "Files and versions"))
	t = newMDTable(d.tr("Berkas masukan", "Input file"), d.tr("Baris judul", "Header row"), "SHA-256").numeric(1)
	for _, in := range d.r.Inputs {
		t.add(d.fileCell(in.Path, in.Sheet), strconv.Itoa(in.HeaderRow), in.SHA256)
	}
	d.table(t)
	tool := m.ToolVersion
	if tool == "" {
		tool = d.tr("tidak diketahui", "unknown")
	}
	d.bullets([]string{
		d.esc(fmt.Sprintf(d.tr("Set indikator: %s versi %s (%s), dari %s.", "Indicator set: %s version %s (%s), from %s."), set.ID, set.Version, set.Name, set.Source)),
		d.esc(d.tr("SHA-256 set indikator: ", "SHA-256 of the indicator set: ") + set.SHA256),
		d.esc(d.tr("Dibuat dengan ikk versi ", "Made with ikk version ") + tool + "."),
	})
}
