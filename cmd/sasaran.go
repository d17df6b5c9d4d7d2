package cmd

import (
	"io"
	"slices"
	"strconv"
	"time"

	"github.com/ikk-tools/ikk/ikk"
	"github.com/ikk-tools/ikk/report"
	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// sasaranFlags are the plan command's flags for the lists of families each
// office visits (--sasaran).
type sasaranFlags struct {
	on       bool
	kantor   []string
	personal bool
	date     string
}

func (s *sasaranFlags) register(f *pflag.FlagSet) {
	f.BoolVar(&s.on, "sasaran", false, "write the families each office visits instead of the plan: a sheet per office (.xlsx only)")
	f.StringArrayVar(&s.kantor, "kantor", nil, "with --sasaran: write only this office's list, by key, short or full name (repeatable)")
	f.BoolVar(&s.personal, "with-personal-data", false, "with --sasaran: add names and full KK numbers (personal data, UU No. 27 Tahun 2022)")
	f.StringVar(&s.date, "date", "", "with --sasaran: the lists' date YYYY-MM-DD, printed on them")
}

// check refuses the flags of --sasaran without it (nothing is ignored
// silently), and any output but an .xlsx with it.
func (s *sasaranFlags) check(c *cobra.Command, format, output string) error {
	if !s.on {
		for _, name := range []string{"kantor", "with-personal-data", "date"} {
			if c.Flags().Changed(name) {
				return usageSay(c, "cli.sasaran_only", "flag", name)
			}
		}
		return nil
	}
	if format != "xlsx" {
		return usageSay(c, "cli.sasaran_xlsx", "file", output)
	}
	if s.date != "" {
		if _, err := time.Parse("2006-01-02", s.date); err != nil {
			return badValue(c, "date", strconv.Quote(s.date))
		}
	}
	return nil
}

// runSasaran scores the surveys, the families that fail anything going to
// a spill file as they are read, then draws up each office's list from the
// plan and writes the workbook. The spill files go on every path.
func runSasaran(c *cobra.Command, o *followUpOptions, args []string) error {
	s := &o.sasaran
	var col *ikk.Sasaran
	var offices []ikk.Tag
	defer func() {
		if col != nil {
			col.Close()
		}
	}()
	o.prepare = func(set *ikk.Set) (func(*ikk.Household), error) {
		for _, k := range s.kantor {
			t, err := ikk.FindSector(set, k)
			if err != nil {
				return nil, usage(c, wrapSay(err, "cli.bad_kantor"))
			}
			if !slices.ContainsFunc(offices, func(o ikk.Tag) bool { return o.Key == t.Key }) {
				offices = append(offices, t)
			}
		}
		col = ikk.NewSasaran(set, s.personal)
		return col.Add, nil
	}
	res, err := o.score(c, o.env, args)
	if err != nil {
		return err
	}
	desa, err := o.chosenDesa(c, res)
	if err != nil {
		return err
	}
	plans := ikk.FollowUp(res.Set, desa)
	if len(offices) > 0 {
		// The offices asked for, in the order asked; one with nothing
		// below target gets its sheet all the same, saying so.
		var chosen []ikk.SectorPlan
		for _, t := range offices {
			i := slices.IndexFunc(plans, func(p ikk.SectorPlan) bool { return p.Sector.Key == t.Key })
			if i < 0 {
				chosen = append(chosen, ikk.SectorPlan{Sector: t})
				continue
			}
			chosen = append(chosen, plans[i])
		}
		plans = chosen
	}
	lists, err := col.Lists(res, plans)
	if err != nil {
		return wrapSay(err, "cli.write_failed", "path", o.output)
	}
	if office, n, ok := report.SasaranTooLong(lists, o.lang); ok {
		return sayErr("cli.sasaran_too_long", "office", office, "families", report.Int(n, o.lang))
	}
	meta := report.SasaranMeta{Lang: o.lang, Kabupaten: o.kabupaten, Personal: s.personal}
	if s.date != "" {
		meta.Date, _ = time.Parse("2006-01-02", s.date)
	}
	return o.write(c, func(w io.Writer) error {
		return report.Sasaran(w, res, lists, meta)
	})
}
