package cmd

import (
	"fmt"
	"io"
	"math"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/ikk-tools/ikk/ikk"
	"github.com/ikk-tools/ikk/report"
	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// inputFlags are the flags every command that scores surveys shares.
type inputFlags struct {
	indicators string
	params     []string
	sheet      string
	jobs       int
	lang       string
	output     string
	strict     bool
	wilayah    string
	kabupaten  string
	resamples  int
	// keep keeps the desa's resamples, for the ranking's stability
	// (lokus, annex --justify).
	keep bool
	// prepare, when set, is called with the set before anything is read,
	// and returns what takes the scored households (--sasaran).
	prepare func(*ikk.Set) (func(*ikk.Household), error)
}

func (f *inputFlags) register(fs *pflag.FlagSet) {
	fs.StringVar(&f.indicators, "indicators", "ikk", "indicator set: a YAML file or a built-in name")
	fs.StringArrayVar(&f.params, "param", nil, "override a parameter of the set, NAME=VALUE (repeatable)")
	fs.StringVar(&f.sheet, "sheet", "", "worksheet to read (default: the first whose header matches)")
	fs.IntVar(&f.jobs, "jobs", runtime.NumCPU(), "cores to use (results do not depend on it)")
	fs.StringVar(&f.lang, "lang", report.DefaultLang(), "language of the document and messages: id (Bahasa Indonesia) or en (English)")
	fs.StringVarP(&f.output, "output", "o", "", "the FILE to write: .docx, .xlsx or .md (required)")
	fs.BoolVar(&f.strict, "strict", false, "fail with exit code 3, writing nothing, if the data has any issue")
	addWilayahFlag(fs, &f.wilayah)
	fs.StringVar(&f.kabupaten, "kabupaten", "", "the kabupaten's name (default: from the data); also where desa given by name only are looked for in the register")
	addResamplesFlag(fs, &f.resamples)
}

// check validates the shared flags; it returns the output's format.
func (f *inputFlags) check(c *cobra.Command) (string, error) {
	if f.output == "" {
		return "", usageSay(c, "cli.doc_need_output")
	}
	format := strings.TrimPrefix(strings.ToLower(filepath.Ext(f.output)), ".")
	switch format {
	case "docx", "xlsx", "md":
	default:
		return "", usageSay(c, "cli.doc_bad_ext", "file", f.output)
	}
	if err := checkLang(c, f.lang); err != nil {
		return "", err
	}
	if err := checkJobs(c, f.jobs); err != nil {
		return "", err
	}
	if err := checkResamples(c, f.resamples); err != nil {
		return "", err
	}
	return format, nil
}

// score scores the inputs. A --kabupaten the register knows is returned by
// the register's name, for the document to print.
func (f *inputFlags) score(c *cobra.Command, env *Env, args []string) (*ikk.Result, error) {
	set, inputs, err := prepareInputs(c, env, f.indicators, f.params, args, []string{f.output})
	if err != nil {
		return nil, err
	}
	reg, err := loadRegister(f.wilayah)
	if err != nil {
		return nil, err
	}
	kab, err := checkKabupaten(c, reg, f.kabupaten, true, f.lang)
	if err != nil {
		return nil, err
	}
	// Only the desa lokus page (lokus, annex --justify) prints intervals:
	// other documents do not pay for resamples they would not show, unless
	// --resamples asks for them.
	resamples := f.resamples
	if !f.keep && !c.Flags().Changed("resamples") {
		resamples = 0
	}
	opts := ikk.Options{Sheet: f.sheet, Jobs: f.jobs, Register: reg, Resamples: resamples, KeepReplicates: f.keep && resamples > 0}
	if f.prepare != nil {
		if opts.OnHousehold, err = f.prepare(set); err != nil {
			return nil, err
		}
	}
	if kab.Code != "" {
		opts.Kabupaten, f.kabupaten = kab.Code, kabupatenName(kab)
	}
	res, err := scoreInputs(c, env, set, inputs, opts)
	if err != nil {
		return nil, err
	}
	printNameIssues(c.ErrOrStderr(), res, f.lang)
	// A decree lists every assessed desa: a file left unread (an old .xls
	// in the folder) would drop its desa without a word in the document.
	if n := res.IssueCounts[ikk.IssueSkippedFile]; n > 0 {
		return nil, sayErr("cli.doc_skipped_files", "count", report.Int(n, f.lang))
	}
	if f.strict && res.IssueTotal() > 0 {
		printIssues(c.ErrOrStderr(), res.Issues.All(), res.Issues.Len(), f.lang)
		return nil, &dataIssuesError{n: res.IssueTotal()}
	}
	return res, nil
}

// write writes the document atomically and says on stderr what it wrote.
func (f *inputFlags) write(c *cobra.Command, render func(io.Writer) error) error {
	if err := writeAtomic(c.Context(), f.output, render); err != nil {
		return err
	}
	sayWrote(c.ErrOrStderr(), f.lang, f.output)
	return nil
}

// sizeText writes a file size as people read it: 812 B, 84 KB, 1,4 MB.
func sizeText(n int64, lang string) string {
	switch {
	case n < 1000:
		return report.Int(int(n), lang) + " B"
	case n < 1000*1000:
		return report.Int(int((n+512)/1024), lang) + " KB"
	}
	return report.NumTrim(math.Round(float64(n)/(1<<20)*10)/10, lang) + " MB"
}

type annexOptions struct {
	env *Env
	inputFlags
	decree                              report.Decree
	date                                string
	pilot                               []string
	order                               string
	number, title, signerOffice, signer string
	justify                             bool
	lokusFlags
}

func newAnnexCmd(env *Env) *cobra.Command {
	o := &annexOptions{env: env}
	c := &cobra.Command{
		Use:   "annex INPUT... -o lampiran.docx",
		Short: "Write the lampiran of the Keputusan Bupati: every assessed desa with its IKK",
		Long: `Annex scores the surveys and writes the lampiran (annex) of the Keputusan Bupati
that fixes the assessment results: the decree's heading, a numbered table of
every assessed desa (code, kecamatan, name, families, IKK, category), the
category cut-offs and the signature block.

The format follows the extension of -o: .docx (for the legal section to edit
and sign), .xlsx (print-ready) or .md (a draft). It holds no personal data.
Without --pilot (the desa lokus) the console names the desa that ranks first;
the choice is the kabupaten's.

--justify adds a page after the table: the first candidates for desa lokus
under the rules given (as ikk lokus takes them), how sure their rank is, and
the considerations for the decree's Menimbang about the --pilot desa (by
default the first candidate, then marked as desa lokus in the table).

The decree's flags also answer to their Indonesian names: --tanggal, --nomor,
--tentang, --penandatangan, --jabatan, --desa-lokus, --urutan (peringkat for
rank).`,
		Example: `  ikk annex data/ -o lampiran.docx --number 188.45/093/2023 --date 2023-03-23 \
      --title "Penetapan Desa Lokus Pengembangan Kualitas Keluarga" \
      --signer "Nama Bupati" --pilot 63.09.06.2004
  ikk lampiran data/ -o lampiran.xlsx --urutan peringkat`,
		Args:              checked(env, needInputs),
		ValidArgsFunction: inputCompletion,
		RunE: func(c *cobra.Command, args []string) error {
			format, err := o.inputFlags.check(c)
			if err != nil {
				return err
			}
			if o.date != "" {
				t, err := time.Parse("2006-01-02", o.date)
				if err != nil {
					return badValue(c, "date", strconv.Quote(o.date))
				}
				o.decree.Tanggal = t
			}
			if err := o.checkJustify(c); err != nil {
				return err
			}
			switch o.order {
			case "kecamatan":
			case "rank", "peringkat":
				o.decree.ByRank = true
			default:
				return badValue(c, "order", strconv.Quote(o.order))
			}
			res, err := o.score(c, o.env, args)
			if err != nil {
				return err
			}
			o.decree.Kabupaten, o.decree.Nomor, o.decree.Tentang = o.kabupaten, o.number, o.title
			o.decree.Jabatan, o.decree.Penandatangan = o.signerOffice, o.signer
			for _, l := range o.pilot {
				u, err := ikk.FindDesa(res, l)
				if err != nil {
					return usage(c, wrapSay(err, "cli.bad_pilot"))
				}
				if !slices.Contains(o.decree.Lokus, u) {
					o.decree.Lokus = append(o.decree.Lokus, u)
				}
			}
			if o.justify {
				if err := o.addJustification(c, res); err != nil {
					return err
				}
			}
			if rk := ikk.RankDesa(res); len(o.pilot) == 0 && !o.justify && len(rk) > 0 && rk[0].Rank == 1 {
				u := rk[0].Unit
				fmt.Fprintf(c.ErrOrStderr(), "ikk: %s\n", report.Say(o.lang, "cli.doc_no_lokus", "kind", report.DesaKind(u, o.lang), "desa", u.Name, "kecamatan", u.Kecamatan, "code", orCode(u.Code, o.lang), "ikk", report.Num(*u.IKK, o.lang), "index", res.Set.ShortName))
			}
			return o.write(c, func(w io.Writer) error {
				return report.Annex(w, res, o.decree, format, o.lang)
			})
		},
	}
	f := c.Flags()
	o.inputFlags.register(f)
	f.StringVar(&o.number, "number", "", "the decree's number, e.g. 188.45/093/2023")
	f.StringVar(&o.date, "date", "", "the decree's date, YYYY-MM-DD (printed as 23 Maret 2023)")
	f.StringVar(&o.title, "title", "", "the decree's title (what it is about)")
	f.StringVar(&o.signerOffice, "signer-office", "", `the signer's office (default "BUPATI <KABUPATEN>")`)
	f.StringVar(&o.signer, "signer", "", "the signer's name")
	f.StringArrayVar(&o.pilot, "pilot", nil, "a desa lokus, by code or name, marked in the table (repeatable)")
	f.StringVar(&o.order, "order", "kecamatan", "order of the desa: kecamatan (then desa) or rank, also written peringkat (by IKK)")
	f.BoolVar(&o.decree.Subtotals, "subtotal", false, "add a subtotal row for each kecamatan and one for the kabupaten")
	f.BoolVar(&o.justify, "justify", false, "add a page with the first candidates for desa lokus, their rank stability and the considerations for the desa chosen (see ikk lokus; the rules are its --min-kk, --category, --kecamatan, --direction)")
	o.lokusFlags.register(f)
	return c
}

// checkJustify checks the desa lokus rules, which only --justify takes.
func (o *annexOptions) checkJustify(c *cobra.Command) error {
	if !o.justify {
		for _, name := range []string{"min-kk", "category", "kecamatan", "direction", "most-in-need", "top"} {
			if c.Flags().Changed(name) {
				return usageSay(c, "cli.lokus_needs_justify", "flag", "--"+name)
			}
		}
		return nil
	}
	o.keep = true
	return o.lokusFlags.check(c)
}

// addJustification ranks the candidates and justifies the desa lokus: the
// --pilot desa, or else the first candidate, which the table then marks.
func (o *annexOptions) addJustification(c *cobra.Command, res *ikk.Result) error {
	l, err := o.rank(c, res)
	if err != nil {
		return err
	}
	js, err := o.lokusFlags.justify(c, l, o.decree.Lokus, o.lang)
	if err != nil {
		return err
	}
	if len(o.decree.Lokus) == 0 {
		o.decree.Lokus = []*ikk.Unit{js[0].Chosen.Unit}
	}
	o.decree.Justify = &report.LokusReport{Lokus: l, Chosen: js, Kabupaten: o.kabupaten, Top: o.top}
	return nil
}

func orCode(code, lang string) string {
	if code == "" {
		return report.Say(lang, "cli.no_code")
	}
	return code
}

type followUpOptions struct {
	env *Env
	inputFlags
	desa    []string
	sasaran sasaranFlags
}

func newFollowUpCmd(env *Env) *cobra.Command {
	o := &followUpOptions{env: env}
	c := &cobra.Command{
		Use:   "plan INPUT... -o rencana.xlsx",
		Short: "Write the follow-up plan (tindak lanjut): each office's weak indicators, desa by desa",
		Long: `Plan scores the surveys and writes the rencana tindak lanjut: for the
chosen desa (default: all), every indicator below target, under each office
responsible for it, with the desa, the families affected, the achievement and
the target, and empty columns (Kegiatan, Target kegiatan, Sumber Anggaran,
Waktu) for the office to fill in. Each office has its own sheet (.xlsx), its
own section starting on a new page (.docx) or chapter (.md), so that each can
be sent its own part. It holds no personal data.

With --sasaran, plan writes instead the families each office visits (an .xlsx
file): a sheet per office listing the families that fail at least one of the
office's indicators below target in their desa, sorted by kecamatan, desa and
RT, with masked KK numbers; --kantor writes only the offices named, and
--with-personal-data adds names and full KK numbers, with the rule of
UU No. 27 Tahun 2022 on the cover. The lists appear in no other output.`,
		Example: `  ikk plan data/ -o rencana.xlsx
  ikk tindaklanjut data/ -o rencana.docx --desa 63.09.06.2004 --desa Kasiau
  ikk tindaklanjut data/ --sasaran -o sasaran.xlsx --kantor dinkes --tanggal 2026-03-23`,
		Args:              checked(env, needInputs),
		ValidArgsFunction: inputCompletion,
		RunE: func(c *cobra.Command, args []string) error {
			if o.sasaran.on && o.output != "" && !strings.EqualFold(filepath.Ext(o.output), ".xlsx") {
				// The lists are a workbook: say so, not which documents the
				// plan itself can be.
				return usageSay(c, "cli.sasaran_xlsx", "file", o.output)
			}
			format, err := o.check(c)
			if err != nil {
				return err
			}
			if err := o.sasaran.check(c, format, o.output); err != nil {
				return err
			}
			if o.sasaran.on {
				return runSasaran(c, o, args)
			}
			res, err := o.score(c, o.env, args)
			if err != nil {
				return err
			}
			desa, err := o.chosenDesa(c, res)
			if err != nil {
				return err
			}
			return o.write(c, func(w io.Writer) error {
				return report.FollowUpPlan(w, res, desa, o.kabupaten, format, o.lang)
			})
		},
	}
	f := c.Flags()
	o.register(f)
	f.StringArrayVar(&o.desa, "desa", nil, "a desa to plan for, by code or name (repeatable; default: every desa)")
	o.sasaran.register(f)
	return c
}

// chosenDesa is the desa of --desa, or every desa.
func (o *followUpOptions) chosenDesa(c *cobra.Command, res *ikk.Result) ([]*ikk.Unit, error) {
	if len(o.desa) == 0 {
		return res.Desa(), nil
	}
	var desa []*ikk.Unit
	for _, s := range o.desa {
		u, err := ikk.FindDesa(res, s)
		if err != nil {
			return nil, usage(c, wrapSay(err, "cli.bad_desa"))
		}
		desa = append(desa, u)
	}
	return desa, nil
}
