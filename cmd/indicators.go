package cmd

import (
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"

	"github.com/ikk-tools/ikk/ikk"
	"github.com/ikk-tools/ikk/report"
	"github.com/spf13/cobra"
)

type indicatorsOptions struct {
	env        *Env
	indicators string
	lang       string
}

func newIndicatorsCmd(env *Env) *cobra.Command {
	o := &indicatorsOptions{env: env}
	c := &cobra.Command{
		Use:   "indicators",
		Short: "List, check or write out an indicator set",
		Long: `Indicators lists the indicator set: its dimensions and, for every indicator,
the rule in words, when it applies, its weight and its provenance.

  ikk indicators                      the embedded default set
  ikk indicators --indicators my.yaml a set of your own
  ikk indicators validate my.yaml     check a file, with every problem and its line
  ikk indicators init my.yaml         write the default set out, to edit`,
		Args: argsUsage(cobra.NoArgs),
		RunE: func(c *cobra.Command, args []string) error {
			if err := checkLang(c, o.lang); err != nil {
				return err
			}
			set, err := loadSet(env, o.indicators)
			if err != nil {
				return err
			}
			return listSet(c.OutOrStdout(), set, o.lang)
		},
	}
	c.Flags().StringVar(&o.indicators, "indicators", "ikk", "indicator set: a YAML file or a built-in name")
	c.PersistentFlags().StringVar(&o.lang, "lang", report.DefaultLang(), "language of the listing and messages: id or en (default from "+report.LangEnv+")")
	c.AddCommand(newValidateCmd(env), newInitCmd(env))
	return c
}

func listSet(w io.Writer, set *ikk.Set, lang string) error {
	fmt.Fprintf(w, "%s %s (%s), version %s\n", set.ID, set.Name, set.Source, set.Version)
	fmt.Fprintf(w, "sha256 %s\n", set.SHA256)
	fmt.Fprintf(w, "target %s; a household is complete when it answers %s of its applicable indicators\n",
		report.NumTrim(set.Target, "en"), report.NumTrim(set.MinAnsweredShare, "en"))
	fmt.Fprintf(w, "categories: %s\n", report.CutoffText(set, "en"))
	fmt.Fprintf(w, "parameters: %s\n\n", report.ParamText(set, "en"))
	for _, d := range set.Dimensions {
		n := 0
		for _, ind := range set.Indicators {
			if ind.Dimension == d.ID {
				n++
			}
		}
		fmt.Fprintf(w, "%s  %s (weight %s, %d indicators)\n", d.ID, d.Label, report.NumTrim(d.Weight, "en"), n)
		for _, ind := range set.Indicators {
			if ind.Dimension != d.ID {
				continue
			}
			applies := ind.Applies
			if applies == "" {
				applies = "all"
			}
			fmt.Fprintf(w, "  %-5s %s\n", ind.ID, ind.Label)
			fmt.Fprintf(w, "        rule: %s; applies: %s; weight %s\n", ind.Rule.Words(set, lang), applies, report.NumTrim(ind.Weight, "en"))
			fmt.Fprintf(w, "        %s: %s\n", ind.Status, ind.SourceNote)
			fmt.Fprintf(w, "        sectors: %s\n", strings.Join(ind.Sectors, ", "))
		}
		fmt.Fprintln(w)
	}
	return nil
}

func newValidateCmd(env *Env) *cobra.Command {
	return &cobra.Command{
		Use:   "validate FILE",
		Short: "Check an indicator file and report every problem with its line",
		Args:  argsUsage(cobra.ExactArgs(1)),
		RunE: func(c *cobra.Command, args []string) error {
			data, err := os.ReadFile(args[0])
			if err != nil {
				return wrapSay(err, "cli.set_unreadable", "file", args[0])
			}
			set, err := ikk.LoadSet(args[0], data)
			if err != nil {
				return err
			}
			lang := env.lang
			fmt.Fprintln(c.OutOrStdout(), report.Say(lang, "cli.set_valid", "file", args[0], "set", set.ID, "version", set.Version,
				"dimensions", report.Int(len(set.Dimensions), lang), "indicators", report.Int(len(set.Indicators), lang)))
			return nil
		},
	}
}

func newInitCmd(env *Env) *cobra.Command {
	var force bool
	var from string
	c := &cobra.Command{
		Use:   "init [FILE]",
		Short: "Write a built-in indicator set out as the start of your own (standard output without FILE)",
		Args:  argsUsage(cobra.MaximumNArgs(1)),
		RunE: func(c *cobra.Command, args []string) error {
			data, ok := env.Builtins[from]
			if !ok {
				return usageSay(c, "cli.no_builtin", "name", strconv.Quote(from))
			}
			if len(args) == 0 {
				_, err := c.OutOrStdout().Write(data)
				return err
			}
			if _, err := os.Stat(args[0]); err == nil && !force {
				return sayErr("cli.exists", "file", args[0])
			}
			if err := writeAtomic(c.Context(), args[0], func(w io.Writer) error { _, err := w.Write(data); return err }); err != nil {
				return err
			}
			fmt.Fprintf(c.ErrOrStderr(), "ikk: %s\n", report.Say(env.lang, "cli.wrote_set", "name", from, "file", args[0]))
			return nil
		},
	}
	c.Flags().BoolVar(&force, "force", false, "replace FILE if it exists")
	c.Flags().StringVar(&from, "from", "ikk", "built-in set to write")
	return c
}
