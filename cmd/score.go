package cmd

import (
	"context"
	"errors"
	"fmt"
	"io"
	"iter"
	"runtime"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/ikk-tools/ikk/ikk"
	"github.com/ikk-tools/ikk/report"
	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

type scoreOptions struct {
	env        *Env
	indicators string
	params     []string
	sheet      string
	format     string
	outputs    []string
	strict     bool
	lang       string
	date       string
	personal   bool
	top        int
	desa       []string
	jobs       int
	wilayah    string
	kabupaten  string
	resamples  int
	inputs     []string
}

func newScoreCmd(env *Env) *cobra.Command {
	o := &scoreOptions{env: env}
	c := &cobra.Command{
		Use:   "score INPUT...",
		Short: "Score the villages of one or more surveys (.xlsx, .csv or folders)",
		Long: `Score reads household surveys, one row per family, and computes for every desa,
kecamatan, kabupaten and RT the IKK, its category, the dimension indices, the
achievement of every indicator, the lenses and the permasalahan.

INPUT is an .xlsx or .csv file, or a folder: every .xlsx and .csv below it, in
sorted order. Headers are matched case-insensitively, with _ - . and space
alike and Kobo/ODK group prefixes removed.

For one desa (or each desa named by --desa) standard output shows its
village card: the IKK and category, the five dimension indices against the
target, the lenses, the families by category, the weak indicators with the
offices responsible, and the data quality. For many desa it shows the desa
ranked by IKK (with the dimension indices when the terminal is wide enough),
then the kecamatan and kabupaten totals.

--format chooses another format for standard output (table, json, csv, md)
and -o writes files, the format following the extension: .xlsx (the Excel
report), .json, .csv or .md. A summary line with the row accounting and the
number of data issues goes to standard error.

Exit status: 0 success (data issues, if any, are reported); 1 runtime error
(an unreadable input or indicator file); 2 usage error; 3 data issues under
--strict (nothing is written).`,
		Example: `  ikk score survei_desa.xlsx
  ikk score data/ --desa 63.09.06.2004 --desa Kasiau
  ikk score data/ -o laporan.xlsx
  ikk score data/ --format json > hasil.json
  ikk score survei.csv --param garis_kemiskinan=612000 -o hasil.json -o hasil.md
  ikk score survei.xlsx --strict`,
		Args:              checked(env, needInputs),
		ValidArgsFunction: inputCompletion,
		RunE: func(c *cobra.Command, args []string) error {
			o.inputs = args
			if err := checkLang(c, o.lang); err != nil {
				return err
			}
			if !report.IsFormat(o.format) {
				return usageSay(c, "cli.unknown_format", "format", o.format, "formats", strings.Join(report.Formats(), ", "))
			}
			for _, out := range o.outputs {
				if _, err := report.FormatForPath(out); err != nil {
					return &usageError{err: err, cmdPath: c.CommandPath()}
				}
			}
			if err := checkJobs(c, o.jobs); err != nil {
				return err
			}
			if err := checkResamples(c, o.resamples); err != nil {
				return err
			}
			if o.top < 0 {
				return badValue(c, "top", strconv.Itoa(o.top))
			}
			if o.date != "" {
				if _, err := time.Parse("2006-01-02", o.date); err != nil {
					return badValue(c, "date", strconv.Quote(o.date))
				}
			}
			return runScore(c, o)
		},
	}
	f := c.Flags()
	f.StringVar(&o.indicators, "indicators", "ikk", "indicator set: a YAML file or a built-in name")
	f.StringArrayVar(&o.params, "param", nil, "override a parameter of the set, NAME=VALUE (repeatable)")
	f.StringVar(&o.sheet, "sheet", "", "worksheet to read (default: the first whose header matches)")
	f.StringVar(&o.format, "format", "table", "format of standard output: table, json, csv, md")
	f.StringArrayVarP(&o.outputs, "output", "o", nil, "write a report FILE; the format follows the extension (repeatable)")
	f.BoolVar(&o.strict, "strict", false, "fail with exit code 3, writing nothing, if the data has any issue")
	f.StringVar(&o.lang, "lang", report.DefaultLang(), "language of reports and messages: id (Bahasa Indonesia) or en (default from "+report.LangEnv+")")
	f.StringVar(&o.date, "date", "", "report date YYYY-MM-DD, printed in the reports (reports carry no clock time)")
	f.IntVar(&o.top, "top", 0, "in the terminal table, show only the N best and N weakest desa")
	f.StringArrayVar(&o.desa, "desa", nil, "show the village card of a desa, by code or name (repeatable; one desa in the input shows its card anyway)")
	f.IntVar(&o.jobs, "jobs", runtime.NumCPU(), "cores to use: files read and households scored at once (results do not depend on it)")
	addWilayahFlag(f, &o.wilayah)
	f.StringVar(&o.kabupaten, "kabupaten", "", "the kabupaten, a code or a name, where desa given by name only (no kode_desa) are looked for in the register when the data names none")
	addResamplesFlag(f, &o.resamples)
	f.BoolVar(&o.personal, "with-personal-data", false, "put full KK numbers and family names in the Keluarga sheet of an .xlsx report, and KK numbers in data issues")
	return c
}

// defaultResamples is --resamples when not given: the 1,000 resamples of
// method section 12.
const defaultResamples = 1000

// addResamplesFlag adds --resamples, the bootstrap behind each unit's
// interval.
func addResamplesFlag(f *pflag.FlagSet, n *int) {
	f.IntVar(n, "resamples", defaultResamples, "bootstrap resamples behind each unit's 95% interval (0: no intervals)")
}

// minResamples is the fewest --resamples that give an interval: the 2.5th
// percentile of fewer than 40 resamples is their smallest, an interval of
// two draws a user would read as 95%.
const minResamples = 100

func checkResamples(c *cobra.Command, n int) error {
	if n < 0 || n > ikk.MaxResamples || n > 0 && n < minResamples {
		return badValue(c, "resamples", strconv.Itoa(n))
	}
	return nil
}

// maxJobsPerCore bounds --jobs: each job holds a reader's buffers and
// batches of rows, and beyond a few per core more jobs only cost memory.
const maxJobsPerCore = 4

func checkJobs(c *cobra.Command, jobs int) error {
	if jobs < 1 || jobs > maxJobsPerCore*runtime.NumCPU() {
		return badValue(c, "jobs", strconv.Itoa(jobs))
	}
	return nil
}

// applyParams applies --param NAME=VALUE overrides to a set.
func applyParams(c *cobra.Command, set *ikk.Set, params []string) (*ikk.Set, error) {
	for _, p := range params {
		name, val, ok := strings.Cut(p, "=")
		if !ok || strings.TrimSpace(name) == "" {
			return nil, usageSay(c, "cli.param_syntax", "param", strconv.Quote(p))
		}
		v, err := ikk.ParseNumber(val, ikk.KindText)
		if err != nil {
			return nil, usageSay(c, "cli.param_not_number", "name", name, "value", strconv.Quote(val))
		}
		if set, err = set.WithParameter(strings.TrimSpace(name), v); err != nil {
			return nil, &usageError{err: wrapSay(err, "cli.param_error"), cmdPath: c.CommandPath()}
		}
	}
	return set, nil
}

func runScore(c *cobra.Command, o *scoreOptions) error {
	set, inputs, err := prepareInputs(c, o.env, o.indicators, o.params, o.inputs, o.outputs)
	if err != nil {
		return err
	}
	meta := report.Meta{Lang: o.lang, ToolVersion: Version(), Top: o.top}
	if o.date != "" {
		t, _ := time.Parse("2006-01-02", o.date)
		meta.Date, meta.ISODate = report.LongDate(t, o.lang), o.date
	}
	meta.Personal = o.personal
	reg, err := loadRegister(o.wilayah)
	if err != nil {
		return err
	}
	if _, err := checkKabupaten(c, reg, o.kabupaten, false, o.lang); err != nil {
		return err
	}
	opts := ikk.Options{Sheet: o.sheet, Jobs: o.jobs, PersonalData: o.personal, Register: reg, Kabupaten: o.kabupaten, Resamples: o.resamples}
	// A writer that takes households (the workbook's Keluarga sheet) gets
	// them while they are scored, so the writers start before scoring.
	writers, err := report.NewWriters(o.outputs, set, meta)
	if err != nil {
		return err
	}
	defer writers.Close()
	opts.OnHousehold = writers.OnHousehold()
	res, err := scoreInputs(c, o.env, set, inputs, opts)
	if err != nil {
		return err
	}
	if o.strict && res.IssueTotal() > 0 {
		printIssues(c.ErrOrStderr(), res.Issues.All(), res.Issues.Len(), o.lang)
		return &dataIssuesError{n: res.IssueTotal()}
	}
	if err := writeOutputs(c.Context(), o.outputs, res, writers); err != nil {
		return err
	}
	for _, out := range o.outputs {
		sayWrote(c.ErrOrStderr(), o.lang, out)
	}
	for _, s := range o.desa {
		u, err := ikk.FindDesa(res, s)
		if err != nil {
			return usage(c, wrapSay(err, "cli.bad_desa"))
		}
		// The same desa named twice (by code and by name) gets one card.
		if !slices.Contains(meta.Cards, u) {
			meta.Cards = append(meta.Cards, u)
		}
	}
	if len(o.desa) > 0 && o.format != "table" {
		fmt.Fprintf(c.ErrOrStderr(), "ikk: %s\n", report.Say(o.lang, "cli.desa_table_only", "format", o.format))
	}
	meta.Width = stdoutWidth(o.env)
	stdout, err := report.NewWriter(o.format, set, meta)
	if err != nil {
		return err
	}
	defer stdout.Close()
	if err := stdout.Finish(res); err != nil {
		return err
	}
	_, err = stdout.WriteTo(c.OutOrStdout())
	return err
}

// prepareInputs loads the indicator set with its --param overrides and
// expands the inputs, refusing an output that would replace one, before
// anything is read.
func prepareInputs(c *cobra.Command, env *Env, indicators string, params, args, outputs []string) (*ikk.Set, *ikk.Inputs, error) {
	set, err := loadSet(env, indicators)
	if err != nil {
		return nil, nil, err
	}
	if set, err = applyParams(c, set, params); err != nil {
		return nil, nil, err
	}
	if err := checkOutputNames(c, outputs); err != nil {
		return nil, nil, err
	}
	inputs, err := ikk.ExpandInputs(args)
	if err != nil {
		return nil, nil, err
	}
	if err := inputs.Guard(set, outputs); err != nil {
		return nil, nil, &usageError{err: err, cmdPath: c.CommandPath()}
	}
	stderr := c.ErrOrStderr()
	for _, r := range inputs.Repeats {
		fmt.Fprintf(stderr, "ikk: %s\n", report.Say(env.lang, "cli.repeated_file", "path", r.Path, "same", r.SameAs))
	}
	for _, p := range inputs.Replaced {
		fmt.Fprintf(stderr, "ikk: %s\n", report.Say(env.lang, "cli.replaced_file", "path", p))
	}
	return set, inputs, nil
}

// scoreInputs scores with the progress line, and prints the accounting, or
// why no household could be scored.
func scoreInputs(c *cobra.Command, env *Env, set *ikk.Set, inputs *ikk.Inputs, opts ikk.Options) (*ikk.Result, error) {
	// --jobs bounds the cores, not only ikk's own workers, so that
	// --jobs 1 is a true single-core run to compare against.
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(opts.Jobs))
	prog := newProgress(env)
	opts.Progress = prog.update
	res, err := ikk.ScoreInputs(c.Context(), set, inputs, opts)
	prog.done()
	stderr := c.ErrOrStderr()
	var none *ikk.NoHouseholdsError
	if errors.As(err, &none) {
		// Why the rows were rejected matters most here; missing columns after.
		issues := none.Issues.Slice()
		sort.SliceStable(issues, func(i, j int) bool {
			return issues[i].Code != ikk.IssueMissingColumn && issues[j].Code == ikk.IssueMissingColumn
		})
		printIssues(stderr, slices.All(issues), len(issues), env.lang)
	}
	if err != nil {
		return nil, err
	}
	printSummary(stderr, res, env.lang)
	return res, nil
}

// printSummary writes the accounting line, and names the files of folders
// that were not read.
func printSummary(w io.Writer, res *ikk.Result, lang string) {
	say := func(key string, kv ...string) { fmt.Fprintf(w, "ikk: %s\n", report.Say(lang, key, kv...)) }
	for _, in := range res.Inputs {
		if in.SheetHidden {
			say("cli.hidden_read", "path", in.Path, "sheet", strconv.Quote(in.Sheet))
		}
		for _, h := range in.HiddenSkipped {
			say("cli.hidden_skipped", "path", in.Path, "hidden", strconv.Quote(h), "sheet", strconv.Quote(in.Sheet))
		}
	}
	printMissingColumns(w, res, lang)
	s := res.Summary
	n := func(v int) string { return report.Int(v, lang) }
	say("cli.summary", "rows", n(s.RowsRead), "scored", n(s.Scored), "rejected", n(s.Rejected), "blank", n(s.Blank), "issues", n(res.IssueTotal()))
	if k := res.IssueCounts[ikk.IssueSkippedFile]; k > 0 {
		say("cli.skipped_files", "count", n(k))
		for _, is := range res.Issues.All() {
			if is.Code == ikk.IssueSkippedFile {
				fmt.Fprintf(w, "ikk:   %s: %s\n", is.File, report.IssueText(lang, is))
			}
		}
	}
}

// printMissingColumns says first and plainly what a misspelt or absent
// header costs: the indicators that cannot be scored, the header that was
// probably meant, and the headers of that file that named no column.
func printMissingColumns(w io.Writer, res *ikk.Result, lang string) {
	warn := func(text string) { fmt.Fprintf(w, "ikk: %s\n", report.Say(lang, "cli.warning", "text", text)) }
	byFile := map[string][]ikk.Issue{}
	var files []string
	for i := range res.Issues.Len() {
		if res.Issues.Code(i) != ikk.IssueMissingColumn {
			continue
		}
		is := res.Issues.At(i)
		if byFile[is.File] == nil {
			files = append(files, is.File)
		}
		byFile[is.File] = append(byFile[is.File], is)
	}
	for _, f := range files {
		// A header that was probably meant is said column by column; the
		// columns simply absent, when many, in one line.
		var plain []ikk.Issue
		for _, is := range byFile[f] {
			if is.Detail == ikk.MsgMissingColumn {
				plain = append(plain, is)
				continue
			}
			warn(report.IssueLine(is, lang))
		}
		if len(plain) <= maxMissingLines {
			for _, is := range plain {
				warn(report.IssueLine(is, lang))
			}
		} else {
			var cols, inds []string
			for _, is := range plain {
				cols = append(cols, is.Field)
				for _, id := range strings.Split(is.Param("indicators"), ", ") {
					if !slices.Contains(inds, id) {
						inds = append(inds, id)
					}
				}
			}
			warn(report.Say(lang, "cli.missing_many", "path", f, "count", report.Int(len(plain), lang),
				"columns", strings.Join(cols, ", "), "indicators", strings.Join(inds, ", ")))
		}
		for _, in := range res.Inputs {
			if in.Path == f && len(in.UnknownHeaders) > 0 {
				warn(unknownHeadersText(in, lang))
			}
		}
	}
}

// maxMissingLines is how many absent columns of a file get a line each.
const maxMissingLines = 3

// unknownHeadersText names the headers of an input that named no column.
func unknownHeadersText(in ikk.Input, lang string) string {
	list := make([]string, 0, min(len(in.UnknownHeaders), maxListedHeaders))
	for i, h := range in.UnknownHeaders {
		if i == maxListedHeaders {
			break
		}
		list = append(list, strconv.Quote(h))
	}
	more := ""
	if k := max(in.UnknownTotal, len(in.UnknownHeaders)) - len(list); k > 0 {
		more = report.Say(lang, "cli.and_more", "count", report.Int(k, lang))
	}
	return report.Say(lang, "cli.unknown_headers", "path", in.Path, "list", strings.Join(list, ", "), "more", more)
}

// maxListedHeaders bounds the unknown headers named on stderr; the JSON
// has them all.
const maxListedHeaders = 12

// writeOutputs writes every -o file with the writer of its format, all or
// none.
func writeOutputs(ctx context.Context, outputs []string, res *ikk.Result, writers *report.Writers) error {
	if err := writers.Finish(res); err != nil {
		return wrapSay(err, "cli.build_xlsx")
	}
	set := &outputSet{ctx: ctx}
	defer set.discard()
	for _, out := range outputs {
		w := writers.ForPath(out)
		if err := set.write(out, func(dst io.Writer) error { _, err := w.WriteTo(dst); return err }); err != nil {
			return err
		}
	}
	return set.commit()
}

// printIssues lists the first data issues on stderr, for runs that end
// without a report to read them in.
func printIssues(w io.Writer, issues iter.Seq2[int, ikk.Issue], n int, lang string) {
	const shown = 20
	for i, is := range issues {
		if i == shown {
			fmt.Fprintf(w, "ikk: %s\n", report.Say(lang, "cli.more_issues", "count", report.Int(n-shown, lang)))
			break
		}
		fmt.Fprintf(w, "ikk: %s\n", report.IssueLine(is, lang))
	}
}

// progress prints a status line on a terminal stderr for work that lasts:
// files done, families read, families per second and the time left, judged
// from the share of the input's bytes read.
type progress struct {
	on    bool
	lang  string
	w     io.Writer
	start time.Time
	last  time.Time
	shown bool
}

func newProgress(env *Env) *progress {
	return &progress{on: stderrIsTerminal(env), lang: env.lang, w: env.Stderr, start: time.Now()}
}

func (p *progress) update(pr ikk.Progress) {
	if !p.on {
		return
	}
	now := time.Now()
	if now.Sub(p.start) < time.Second || now.Sub(p.last) < 200*time.Millisecond {
		return
	}
	p.last = now
	p.w = redrawLine(p.w, "ikk: "+progressLine(pr, now.Sub(p.start), p.lang))
	p.shown = true
}

func progressLine(pr ikk.Progress, elapsed time.Duration, lang string) string {
	var b strings.Builder
	if pr.Files > 1 {
		b.WriteString(report.Say(lang, "cli.progress_files", "done", report.Int(pr.FilesDone, lang), "files", report.Int(pr.Files, lang)))
	}
	secs := elapsed.Seconds()
	if pr.Resampling {
		b.WriteString(report.Say(lang, "cli.progress_intervals", "done", report.Int(pr.Resampled, lang), "desa", report.Int(pr.Desa, lang)))
		return b.String()
	}
	b.WriteString(report.Say(lang, "cli.progress", "families", report.Int(pr.Families, lang), "rate", report.Int(int(float64(pr.Families)/secs), lang)))
	if pr.Done > 0.01 && pr.Done < 1 {
		left := time.Duration(secs * (1 - pr.Done) / pr.Done * float64(time.Second))
		b.WriteString(report.Say(lang, "cli.progress_left", "left", left.Round(time.Second).String()))
	}
	return b.String()
}

// checkLang refuses a --lang the catalogue does not have.
func checkLang(c *cobra.Command, lang string) error {
	if !slices.Contains(report.Languages, lang) {
		return usageSay(c, "cli.bad_lang", "lang", strconv.Quote(lang), "langs", strings.Join(report.Languages, ", "))
	}
	return nil
}

func (p *progress) done() {
	if p.shown {
		p.w = redrawLine(p.w, "")
	}
}
