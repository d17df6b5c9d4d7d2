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
  ikk indicators --indicators ibangga the built-in iBangga set (BKKBN)
  ikk indicators --indicators my.yaml a set of your own
  ikk indicators validate my.yaml     check a file, with every problem and its line
  ikk indicators init my.yaml         write the default set out, to edit
                                      (--from ibangga: the iBangga set)`,
		Args:              checked(env, subcommandsOnly),
		ValidArgsFunction: aliasCompletion,
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
	say := func(key string, kv ...string) { fmt.Fprintln(w, report.Say(lang, "list."+key, kv...)) }
	num := func(v float64) string { return report.NumTrim(v, lang) }
	say("head", "id", set.ID, "name", set.Name, "source", report.SourceText(lang, set.Source), "version", set.Version)
	say("sha", "sha", set.SHA256)
	if set.FamilyFirst() {
		say("family_first", "index", set.ShortName)
	}
	say("target", "target", num(set.Target), "share", num(set.MinAnsweredShare))
	say("categories", "cutoffs", report.CutoffText(set, lang))
	if len(set.Parameters) > 0 {
		say("parameters", "params", report.ParamText(set, lang))
	}
	for _, wt := range set.Weightings {
		var ws []string
		for j, d := range set.Dimensions {
			ws = append(ws, d.ID+" "+num(wt.Weights[j]))
		}
		say("weighting", "key", wt.Key, "label", wt.Label, "weights", strings.Join(ws, ", "))
	}
	fmt.Fprintln(w)
	for _, d := range set.Dimensions {
		n := 0
		for _, ind := range set.Indicators {
			if ind.Dimension == d.ID {
				n++
			}
		}
		say("dimension", "id", d.ID, "label", d.Label, "weight", num(d.Weight), "count", report.Int(n, lang))
		for _, ind := range set.Indicators {
			if ind.Dimension != d.ID {
				continue
			}
			fmt.Fprintf(w, "  %-5s %s\n", ind.ID, ind.Label)
			say("rule", "rule", report.RuleText(lang, set, ind.Rule), "applies", report.AppliesText(lang, set, ind), "weight", num(ind.Weight))
			say("provenance", "status", report.StatusWords(lang, ind.Status), "note", ind.SourceNote)
			if ind.Item != "" {
				say("item", "item", ind.Item)
			}
			if len(ind.Sectors) > 0 {
				say("sectors", "sectors", strings.Join(ind.Sectors, ", "))
			}
		}
		fmt.Fprintln(w)
	}
	return nil
}

func newValidateCmd(env *Env) *cobra.Command {
	return &cobra.Command{
		Use:   "validate FILE",
		Short: "Check an indicator file and report every problem with its line",
		Args:  checked(env, oneSetFile),
		ValidArgsFunction: func(_ *cobra.Command, args []string, _ string) ([]cobra.Completion, cobra.ShellCompDirective) {
			if len(args) > 0 {
				return nil, cobra.ShellCompDirectiveNoFileComp
			}
			return []cobra.Completion{"yaml", "yml"}, cobra.ShellCompDirectiveFilterFileExt
		},
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
		Args:  checked(env, atMostOneFile),
		ValidArgsFunction: func(_ *cobra.Command, args []string, _ string) ([]cobra.Completion, cobra.ShellCompDirective) {
			if len(args) > 0 {
				return nil, cobra.ShellCompDirectiveNoFileComp
			}
			return []cobra.Completion{"yaml", "yml"}, cobra.ShellCompDirectiveFilterFileExt
		},
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
