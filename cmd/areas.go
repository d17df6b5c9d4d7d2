package cmd

import (
	"fmt"
	"strings"

	"github.com/ikk-tools/ikk/report"
	"github.com/ikk-tools/ikk/wilayah"
	"github.com/spf13/cobra"
)

type areasOptions struct {
	env  *Env
	lang string
}

// maxAreas bounds the units a query lists.
const maxAreas = 200

func newAreasCmd(env *Env) *cobra.Command {
	o := &areasOptions{env: env}
	c := &cobra.Command{
		Use:   "areas QUERY...",
		Short: "Look up the Kemendagri register: a unit's code and official name",
		Long: `Areas looks up the register of Indonesia's administrative units embedded in ikk
(Kemendagri, from idn-area-data; ODbL 1.0): a code gives the unit and the
units directly below it; a name gives every unit of that name, and the names
of units above it, after commas, narrow the search.

  ikk areas ampukung
  ikk areas 63.09.02
  ikk areas "kelua, tabalong"`,
		Args: checked(env, needQuery),
		RunE: func(c *cobra.Command, args []string) error {
			if err := checkLang(c, o.lang); err != nil {
				return err
			}
			reg, err := wilayah.Builtin()
			if err != nil {
				return err
			}
			query := strings.Join(args, " ")
			units := reg.Search(query, maxAreas)
			if len(units) == 0 {
				return sayErr("wilayah.none", "query", fmt.Sprintf("%q", query))
			}
			if err := report.WilayahTable(c.OutOrStdout(), reg, units, o.lang); err != nil {
				return err
			}
			fmt.Fprintf(c.ErrOrStderr(), "ikk: %s\n", report.Say(o.lang, "wilayah.source", "version", sourceVersion()))
			return nil
		},
	}
	c.Flags().StringVar(&o.lang, "lang", report.DefaultLang(), "language of the listing and messages: id or en (default from "+report.LangEnv+")")
	return c
}

// needQuery: areas looks something up.
func needQuery(c *cobra.Command, args []string) error {
	if len(args) == 0 {
		return usageSay(c, "cli.need_query", "cmd", c.CommandPath())
	}
	return nil
}

// sourceVersion is the version of the package the register was built from.
func sourceVersion() string {
	for _, l := range strings.Split(wilayah.Source(), "\n") {
		if v, ok := strings.CutPrefix(l, "version: "); ok {
			return v
		}
	}
	return "?"
}
