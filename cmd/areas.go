package cmd

import (
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"strings"

	"github.com/ikk-tools/ikk/report"
	"github.com/ikk-tools/ikk/wilayah"
	"github.com/spf13/cobra"
)

type areasOptions struct {
	env    *Env
	lang   string
	format string
	output string
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

--format csv, or -o FILE.csv or FILE.xlsx, lists instead the desa and
kelurahan of one unit (a kabupaten, a kecamatan, a province) with their
codes, kecamatan and kind, the first columns named as a survey's
(kode_desa, kabupaten, kecamatan, desa), to pre-fill data-entry templates;
the workbook has a sheet of the kecamatan too.

  ikk areas ampukung
  ikk areas 63.09.02
  ikk areas "kelua, tabalong"
  ikk areas 63.09 -o desa_tabalong.xlsx
  ikk areas tabalong --format csv > desa_tabalong.csv`,
		Args: checked(env, needQuery),
		RunE: func(c *cobra.Command, args []string) error {
			if err := checkLang(c, o.lang); err != nil {
				return err
			}
			// --format is checked whether or not -o is given: a workbook
			// is not a format of standard output, it is a file.
			switch o.format {
			case "table", "csv":
			case "xlsx":
				return usageSay(c, "cli.areas_xlsx_format")
			default:
				return usageSay(c, "cli.unknown_format", "format", o.format, "formats", "table, csv")
			}
			list := ""
			switch {
			case o.output != "":
				list = strings.TrimPrefix(strings.ToLower(filepath.Ext(o.output)), ".")
				if !slices.Contains(report.WilayahFormats(), list) {
					return usageSay(c, "cli.areas_bad_ext", "file", o.output)
				}
			case o.format == "csv":
				list = "csv"
			}
			reg, err := wilayah.Builtin()
			if err != nil {
				return err
			}
			query := strings.Join(args, " ")
			if list != "" {
				return o.writeList(c, reg, query, list)
			}
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
	c.Flags().StringVar(&o.format, "format", "table", "format of standard output: table (the units found) or csv (the desa and kelurahan of one unit)")
	c.Flags().StringVarP(&o.output, "output", "o", "", "write the desa and kelurahan of one unit to FILE: .csv or .xlsx")
	c.Flags().StringVar(&o.lang, "lang", report.DefaultLang(), "language of the listing and messages: id or en (default from "+report.LangEnv+")")
	return c
}

// writeList writes the desa and kelurahan of the one unit a query names.
func (o *areasOptions) writeList(c *cobra.Command, reg *wilayah.Register, query, format string) error {
	root, err := oneUnit(c, reg, query)
	if err != nil {
		return err
	}
	source := report.Say(o.lang, "wilayah.source", "version", sourceVersion())
	render := func(w io.Writer) error { return report.WilayahList(w, reg, root, source, format, o.lang) }
	if o.output == "" {
		if err := render(c.OutOrStdout()); err != nil {
			return err
		}
	} else if err := writeAtomic(c.Context(), o.output, render); err != nil {
		return err
	} else {
		sayWrote(c.ErrOrStderr(), o.lang, o.output)
	}
	fmt.Fprintf(c.ErrOrStderr(), "ikk: %s\n", source)
	return nil
}

// oneUnit is the unit a query names, by code or by a name that only one
// unit has; several are a usage error that lists them.
func oneUnit(c *cobra.Command, reg *wilayah.Register, query string) (wilayah.Unit, error) {
	if u, ok := reg.Lookup(query); ok {
		return u, nil
	}
	found := reg.Search(query, maxListed+1)
	switch len(found) {
	case 0:
		return wilayah.Unit{}, sayErr("wilayah.none", "query", fmt.Sprintf("%q", query))
	case 1:
		return found[0], nil
	}
	var names []string
	for _, u := range found[:min(len(found), maxListed)] {
		names = append(names, u.Name+" ("+u.Code+")")
	}
	return wilayah.Unit{}, usageSay(c, "cli.areas_not_one", "query", fmt.Sprintf("%q", query), "list", strings.Join(names, ", "))
}

// maxListed bounds the units named when a query names several.
const maxListed = 8

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
