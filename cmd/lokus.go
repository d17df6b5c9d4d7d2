package cmd

import (
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/ikk-tools/ikk/ikk"
	"github.com/ikk-tools/ikk/report"
	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// lokusFlags are the rules a kabupaten states for its desa lokus, shared by
// lokus and annex --justify.
type lokusFlags struct {
	minKK      int
	categories []string
	kecamatan  []string
	direction  string
	mostInNeed bool
	top        int
}

func (f *lokusFlags) register(fs *pflag.FlagSet) {
	fs.IntVar(&f.minKK, "min-kk", 0, "a candidate has at least N families surveyed")
	fs.StringArrayVar(&f.categories, "category", nil, "a candidate is in this category, by number or name (repeatable)")
	fs.StringArrayVar(&f.kecamatan, "kecamatan", nil, "a candidate lies in this kecamatan, by code or name (repeatable)")
	fs.StringVar(&f.direction, "direction", "highest", "highest (the best desa first; also tertinggi) or lowest (the desa most in need first; also terendah)")
	fs.BoolVar(&f.mostInNeed, "most-in-need", false, "rank the lowest index first: --direction lowest")
	fs.IntVar(&f.top, "top", ikk.LokusTop, "how many of the first candidates show their rank stability under each weighting")
}

// check validates the flags that need no data.
func (f *lokusFlags) check(c *cobra.Command) error {
	switch strings.ToLower(f.direction) {
	case "highest", "tertinggi":
		f.direction = ikk.LokusHighest
	case "lowest", "terendah":
		f.direction = ikk.LokusLowest
	default:
		return badValue(c, "direction", strconv.Quote(f.direction))
	}
	if f.mostInNeed {
		if c.Flags().Changed("direction") && f.direction != ikk.LokusLowest {
			return usageSay(c, "cli.lokus_direction_clash")
		}
		f.direction = ikk.LokusLowest
	}
	if f.minKK < 0 {
		return badValue(c, "min-kk", strconv.Itoa(f.minKK))
	}
	if f.top < 1 {
		return badValue(c, "top", strconv.Itoa(f.top))
	}
	return nil
}

// rank ranks the candidates of a result under the flags' rules.
func (f *lokusFlags) rank(c *cobra.Command, res *ikk.Result) (*ikk.Lokus, error) {
	rules := ikk.LokusRules{MinKK: f.minKK, Direction: f.direction}
	for _, k := range f.categories {
		id, err := ikk.FindCategory(res.Set, k)
		if err != nil {
			return nil, usage(c, wrapSay(err, "cli.lokus_bad_category"))
		}
		if !slices.Contains(rules.Categories, id) {
			rules.Categories = append(rules.Categories, id)
		}
	}
	for _, k := range f.kecamatan {
		u, err := ikk.FindKecamatan(res, k)
		if err != nil {
			return nil, usage(c, wrapSay(err, "cli.lokus_bad_kecamatan"))
		}
		if !slices.Contains(rules.Kecamatan, u) {
			rules.Kecamatan = append(rules.Kecamatan, u)
		}
	}
	l := ikk.RankLokus(res, rules)
	if len(l.Candidates) == 0 {
		return nil, l.NoCandidateError()
	}
	return l, nil
}

// justify gathers the considerations for the desa chosen; none chosen,
// the first candidate, said on stderr.
func (f *lokusFlags) justify(c *cobra.Command, l *ikk.Lokus, chosen []*ikk.Unit, lang string) ([]*ikk.Justification, error) {
	if len(chosen) == 0 {
		u := l.Candidates[0].Unit
		fmt.Fprintf(c.ErrOrStderr(), "ikk: %s\n", report.Say(lang, "cli.lokus_first", "kind", report.DesaKind(u, lang), "desa", u.Name, "kecamatan", u.Kecamatan, "code", orCode(u.Code, lang)))
		chosen = []*ikk.Unit{u}
	}
	var out []*ikk.Justification
	for _, u := range chosen {
		j, err := l.Justify(u)
		if err != nil {
			return nil, usage(c, wrapSay(err, "cli.lokus_not_candidate"))
		}
		out = append(out, j)
	}
	return out, nil
}

// findPilots finds the desa of --pilot, each once.
func findPilots(c *cobra.Command, res *ikk.Result, pilots []string) ([]*ikk.Unit, error) {
	var out []*ikk.Unit
	for _, p := range pilots {
		u, err := ikk.FindDesa(res, p)
		if err != nil {
			return nil, usage(c, wrapSay(err, "cli.bad_pilot"))
		}
		if !slices.Contains(out, u) {
			out = append(out, u)
		}
	}
	return out, nil
}

type lokusOptions struct {
	env *Env
	inputFlags
	lokusFlags
	pilot []string
}

func newLokusCmd(env *Env) *cobra.Command {
	o := &lokusOptions{env: env}
	c := &cobra.Command{
		Use:   "lokus INPUT...",
		Short: "Rank the candidates for desa lokus, how sure the first place is, and the considerations for the decree",
		Long: `Lokus scores the surveys and ranks the desa that meet the rules the kabupaten
states (--min-kk, --category, --kecamatan): the best first, or with
--most-in-need (--direction lowest) the desa most in need first. For every
candidate it shows the index with its 95% interval and the share of the
bootstrap resamples of the families (--resamples, 1,000) in which the desa
ranks first; for the
first candidates (--top) the same share under each alternative weighting
the indicator set declares.

It then writes the considerations (Menimbang) a legal section can put in the
Keputusan Bupati for the desa chosen (--pilot; default the first candidate):
the figures they rest on, and, when the first place is within the noise of
the survey (ranked first in fewer than 80% of the resamples under some
weighting), that the choice rests on further considerations.

-o writes the same as a document: .docx, .xlsx or .md. ikk annex --justify
puts it in the lampiran. It holds no personal data.`,
		Example: `  ikk lokus data/ --min-kk 100 --category 3
  ikk lokus data/ --most-in-need --kecamatan Kelua --kecamatan 63.09.03 -o lokus.docx
  ikk desalokus data/ --arah terendah --lang en`,
		Args:              checked(env, needInputs),
		ValidArgsFunction: inputCompletion,
		RunE: func(c *cobra.Command, args []string) error {
			format := ""
			if o.output != "" {
				format = strings.TrimPrefix(strings.ToLower(filepath.Ext(o.output)), ".")
				if !slices.Contains(report.DocFormats(), format) {
					return usageSay(c, "cli.doc_bad_ext", "file", o.output)
				}
			}
			if err := checkLang(c, o.lang); err != nil {
				return err
			}
			if err := checkJobs(c, o.jobs); err != nil {
				return err
			}
			if err := o.lokusFlags.check(c); err != nil {
				return err
			}
			o.keep = true
			res, err := o.score(c, o.env, args)
			if err != nil {
				return err
			}
			l, err := o.rank(c, res)
			if err != nil {
				return err
			}
			pilots, err := findPilots(c, res, o.pilot)
			if err != nil {
				return err
			}
			js, err := o.justify(c, l, pilots, o.lang)
			if err != nil {
				return err
			}
			rep := &report.LokusReport{Lokus: l, Chosen: js, Kabupaten: o.kabupaten, Top: o.top}
			if rep.Kabupaten == "" {
				rep.Kabupaten = report.KabupatenName(res)
			}
			if o.output != "" {
				if err := o.write(c, func(w io.Writer) error { return report.LokusDocument(w, rep, format, o.lang) }); err != nil {
					return err
				}
			}
			return report.WriteLokusTable(c.OutOrStdout(), rep, o.lang, stdoutWidth(o.env))
		},
	}
	f := c.Flags()
	o.inputFlags.register(f)
	f.Lookup("output").Usage = "also write the ranking and the considerations to FILE: .docx, .xlsx or .md"
	o.lokusFlags.register(f)
	f.StringArrayVar(&o.pilot, "pilot", nil, "the desa chosen, by code or name, whose considerations are written (repeatable; default the first candidate)")
	return c
}
