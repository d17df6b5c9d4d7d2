package cmd

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"

	"github.com/ikk-tools/ikk/ikk"
	"github.com/ikk-tools/ikk/report"
	"github.com/spf13/cobra"
)

type compareOptions struct {
	env         *Env
	indicators  string
	params      []string
	sheet       string
	format      string
	outputs     []string
	lang        string
	jobs        int
	minFamilies int
	wilayah     string
}

func newCompareCmd(env *Env) *cobra.Command {
	o := &compareOptions{env: env}
	c := &cobra.Command{
		Use:   "compare BASELINE CURRENT",
		Short: "Compare two years: the change of every desa, kecamatan and kabupaten",
		Long: `Compare shows what changed from a baseline year to the current one: for every
desa, kecamatan and kabupaten the index then and now, the change and the
category then and now; the change of every dimension and indicator; how many
desa moved from each category to each; and the indicators that rose and fell
most in each desa.

BASELINE and CURRENT are each a result JSON written by ikk score --format json
(so last year's survey need not be read again) or a survey (.xlsx, .csv or a
folder), scored as ikk score scores it, with --indicators, --param and
--sheet. Desa are matched by their Kemendagri code, by kecamatan and desa
name where a code is missing; those found in one year only are listed.

When the two years used different indicator sets (or versions), the output
says how they differ and compares what they share. An indicator change that
rests on fewer than --min-families families (pass + fail) in either year is
marked, and the threshold is written in the output.

--format chooses the format of standard output (table, json, csv, md) and -o
writes files, the format following the extension: .xlsx (a workbook with a
chart of the change per desa), .json (schema ikk.compare/v1), .csv or .md.`,
		Example: `  ikk compare hasil_2025.json survei_2026/
  ikk compare hasil_2025.json hasil_2026.json -o perbandingan.xlsx
  ikk compare survei_2025.csv survei_2026.csv --min-families 50 --format md`,
		Args:              checked(env, twoInputs),
		ValidArgsFunction: compareCompletion,
		RunE: func(c *cobra.Command, args []string) error {
			if err := checkLang(c, o.lang); err != nil {
				return err
			}
			if o.format == "xlsx" || !slices.Contains(report.CompareFormats, o.format) {
				return usageSay(c, "cli.compare_formats", "format", o.format, "formats", "table, json, csv, md")
			}
			for _, out := range o.outputs {
				if _, ok := report.CompareFormatForPath(out); !ok {
					return usageSay(c, "cli.compare_formats", "format", strconv.Quote(out), "formats", ".xlsx, .json, .csv, .md")
				}
			}
			if err := checkJobs(c, o.jobs); err != nil {
				return err
			}
			if o.minFamilies < 0 {
				return badValue(c, "min-families", strconv.Itoa(o.minFamilies))
			}
			if err := checkOutputNames(c, o.outputs); err != nil {
				return err
			}
			return runCompare(c, o, args[0], args[1])
		},
	}
	f := c.Flags()
	f.StringVar(&o.indicators, "indicators", "ikk", "indicator set to score a survey with: a YAML file or a built-in name")
	f.StringArrayVar(&o.params, "param", nil, "override a parameter of the set for a survey, NAME=VALUE (repeatable)")
	f.StringVar(&o.sheet, "sheet", "", "worksheet to read of a survey (default: the first whose header matches)")
	f.StringVar(&o.format, "format", "table", "format of standard output: table, json, csv, md")
	f.StringArrayVarP(&o.outputs, "output", "o", nil, "write a FILE; the format follows the extension: .xlsx, .json, .csv, .md (repeatable)")
	f.StringVar(&o.lang, "lang", report.DefaultLang(), "language of the output and messages: id (Bahasa Indonesia) or en (default from "+report.LangEnv+")")
	f.IntVar(&o.jobs, "jobs", runtime.NumCPU(), "cores to use when scoring a survey (results do not depend on it)")
	f.IntVar(&o.minFamilies, "min-families", ikk.DefaultMinFamilies, "mark an indicator change resting on fewer families (pass + fail) in either year")
	addWilayahFlag(f, &o.wilayah)
	return c
}

// twoInputs: compare takes the baseline and the current year.
func twoInputs(c *cobra.Command, args []string) error {
	if len(args) != 2 {
		return usageSay(c, "cli.compare_args", "cmd", c.CommandPath(), "count", strconv.Itoa(len(args)))
	}
	return nil
}

// compareCompletion completes result JSONs and surveys.
func compareCompletion(_ *cobra.Command, args []string, _ string) ([]cobra.Completion, cobra.ShellCompDirective) {
	if len(args) >= 2 {
		return nil, cobra.ShellCompDirectiveNoFileComp
	}
	return []cobra.Completion{"json", "xlsx", "csv"}, cobra.ShellCompDirectiveFilterFileExt
}

func runCompare(c *cobra.Command, o *compareOptions, basePath, curPath string) error {
	base, err := o.snapshot(c, basePath, "cli.compare_baseline")
	if err != nil {
		return err
	}
	cur, err := o.snapshot(c, curPath, "cli.compare_current")
	if err != nil {
		return err
	}
	cmp := ikk.Compare(base, cur, o.minFamilies)
	meta := report.CompareMeta{Lang: o.lang, ToolVersion: Version()}
	set := &outputSet{ctx: c.Context()}
	defer set.discard()
	for _, out := range o.outputs {
		format, _ := report.CompareFormatForPath(out)
		if err := set.write(out, func(w io.Writer) error { return report.WriteCompare(w, format, cmp, meta) }); err != nil {
			return err
		}
	}
	if err := set.commit(); err != nil {
		return err
	}
	for _, out := range o.outputs {
		sayWrote(c.ErrOrStderr(), o.lang, out)
	}
	var buf bytes.Buffer
	if err := report.WriteCompare(&buf, o.format, cmp, meta); err != nil {
		return err
	}
	_, err = buf.WriteTo(c.OutOrStdout())
	return err
}

// snapshot reads one year: a result JSON as written, a survey scored with
// the register, as ikk score scores it. year says which of the two it is,
// on stderr before the survey's own summary line.
func (o *compareOptions) snapshot(c *cobra.Command, path, year string) (*ikk.Snapshot, error) {
	if !strings.EqualFold(filepath.Ext(path), ".json") {
		set, inputs, err := prepareInputs(c, o.env, o.indicators, o.params, []string{path}, o.outputs)
		if err != nil {
			return nil, err
		}
		reg, err := loadRegister(o.wilayah)
		if err != nil {
			return nil, err
		}
		fmt.Fprintf(c.ErrOrStderr(), "ikk: %s\n", report.Say(o.lang, year, "path", path))
		res, err := scoreInputs(c, o.env, set, inputs, ikk.Options{Sheet: o.sheet, Jobs: o.jobs, Register: reg})
		if err != nil {
			return nil, err
		}
		return ikk.SnapshotOf(res, path), nil
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, wrapSay(err, "cli.compare_unreadable", "path", path)
	}
	defer f.Close()
	s, err := ikk.ReadSnapshot(f, path)
	if err != nil {
		return nil, err
	}
	o.names(s)
	fmt.Fprintf(c.ErrOrStderr(), "ikk: %s\n", report.Say(o.lang, "cli.compare_read", "path", path,
		"units", report.Int(len(s.Units), o.lang), "set", s.Set.ID, "version", s.Set.Version))
	return s, nil
}

// names gives a result JSON the names of its dimensions and indicators,
// from the built-in set it was scored with or the --indicators set, when
// that is the same set file.
func (o *compareOptions) names(s *ikk.Snapshot) {
	refs := []string{o.indicators}
	if name, ok := strings.CutPrefix(s.Set.Source, "builtin:"); ok {
		refs = append([]string{name}, refs...)
	}
	for _, ref := range refs {
		if _, builtin := o.env.Builtins[ref]; !builtin && ref != o.indicators {
			continue
		}
		if set, err := loadSet(o.env, ref); err == nil && set.SHA256 == s.Set.SHA256 {
			s.SetNames(set)
			return
		}
	}
}
