package cmd

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/ikk-tools/ikk/form"
	"github.com/ikk-tools/ikk/report"
	"github.com/ikk-tools/ikk/wilayah"
	"github.com/spf13/cobra"
)

type formOptions struct {
	env        *Env
	indicators string
	lang       string
	output     string
	kabupaten  string
}

// formKinds are the forms ikk writes: the subcommand, the extension of its
// file and its writer.
var formKinds = []struct {
	name, ext, short string
	write            func(io.Writer, *form.Form) error
}{
	{"template", "xlsx", "Write the Excel entry template: a data sheet with drop-downs, instructions and code lists", form.Template},
	{"xlsform", "xlsx", "Write the XLSForm for KoboToolbox and ODK (survey, choices, settings)", form.XLSForm},
	{"xform", "xml", "Write the ODK XForm, which ODK Central accepts and Enketo renders", form.XForm},
}

func newFormCmd(env *Env) *cobra.Command {
	o := &formOptions{env: env}
	c := &cobra.Command{
		Use:   "form template|xlsform|xform -o FILE",
		Short: "Write the data-collection form of an indicator set: Excel template, XLSForm or XForm",
		Long: `Form writes the questionnaire that the indicator set implies, so that the form
and the score cannot disagree: every question is named after the column ikk
score reads, asks the set's question, offers the answers the set accepts and
is asked only when an indicator reading it applies (LS01 only for a married
head, the child questions only when there are children).

  template   .xlsx for data entry in Excel: a Data sheet whose headers ikk
             score reads, with drop-downs and number checks; instructions
             that print as the paper form of one family; the code lists
  xlsform    .xlsx for KoboToolbox and ODK: survey, choices and settings,
             one group per dimension, labels in Indonesian and English
  xform      .xml, the same form as an ODK XForm

With --kabupaten CODE the village columns offer the desa and kelurahan of
that kabupaten from the Kemendagri register embedded in ikk (ikk areas finds
the code). An export of the filled form (Kobo or ODK, with group prefixes in
its headers) is read by ikk score as it is.`,
		Example: `  ikk form template -o survei-ikk.xlsx --kabupaten 63.09
  ikk form xlsform -o ikk-kobo.xlsx
  ikk formulir xform -o ikk.xml --indicators my.yaml`,
		Args:              checked(env, subcommandsOnly),
		ValidArgsFunction: aliasCompletion,
		RunE: func(c *cobra.Command, _ []string) error {
			return usageSay(c, "form.err_need_kind")
		},
	}
	c.PersistentFlags().StringVar(&o.indicators, "indicators", "ikk", "indicator set: a YAML file or a built-in name")
	c.PersistentFlags().StringVar(&o.lang, "lang", report.DefaultLang(), "language of the template's words and the forms' default language: id or en")
	c.PersistentFlags().StringVarP(&o.output, "output", "o", "", "the FILE to write: .xlsx for template and xlsform, .xml for xform (required)")
	c.PersistentFlags().StringVar(&o.kabupaten, "kabupaten", "", "pre-fill the villages of this kabupaten or kota of the register, by code (63.09)")
	for _, k := range formKinds {
		c.AddCommand(&cobra.Command{
			Use:   k.name + " -o FILE." + k.ext,
			Short: k.short,
			Args:  checked(env, subcommandsOnly),
			RunE: func(c *cobra.Command, _ []string) error {
				return o.run(c, k.name, k.ext, k.write)
			},
		})
	}
	return c
}

func (o *formOptions) run(c *cobra.Command, kind, ext string, write func(io.Writer, *form.Form) error) error {
	if err := checkLang(c, o.lang); err != nil {
		return err
	}
	if o.output == "" {
		return usageSay(c, "form.err_need_output", "example", "ikk-"+kind+"."+ext)
	}
	if got := strings.TrimPrefix(strings.ToLower(filepath.Ext(o.output)), "."); got != ext {
		return usageSay(c, "form.err_bad_ext", "kind", kind, "ext", ext, "file", o.output)
	}
	if err := checkOutputNames(c, []string{o.output}); err != nil {
		return err
	}
	set, err := loadSet(o.env, o.indicators)
	if err != nil {
		return err
	}
	opt := form.Options{Lang: o.lang}
	if o.kabupaten != "" {
		if opt.Area, err = registerArea(c, o.kabupaten); err != nil {
			return err
		}
	}
	f := form.Build(set, opt)
	if err := writeAtomic(c.Context(), o.output, func(w io.Writer) error { return write(w, f) }); err != nil {
		return err
	}
	o.sayWrote(c.ErrOrStderr(), kind, f)
	return nil
}

// registerArea reads a kabupaten and its villages from the embedded
// register.
func registerArea(c *cobra.Command, code string) (*form.Area, error) {
	reg, err := wilayah.Builtin()
	if err != nil {
		return nil, err
	}
	a, ok := form.RegisterArea(reg, code)
	if !ok {
		return nil, usageSay(c, "form.err_kabupaten", "code", strconv.Quote(code))
	}
	if a.Villages() == 0 {
		return nil, sayErr("form.err_no_villages", "code", a.Code, "name", a.Name)
	}
	return a, nil
}

// sayWrote tells what was written: the file, its size, how many questions
// and, when pre-filled, villages it offers.
func (o *formOptions) sayWrote(w io.Writer, kind string, f *form.Form) {
	lang := o.lang
	villages := ""
	if f.Area != nil {
		villages = report.Say(lang, "form.wrote_villages", "count", report.Int(f.Area.Villages(), lang), "area", f.Area.Name)
	}
	size := "?"
	if st, err := os.Stat(o.output); err == nil {
		size = sizeText(st.Size(), lang)
	}
	fmt.Fprintf(w, "ikk: %s\n", report.Say(lang, "form.wrote", "kind", kind, "file", o.output, "size", size,
		"questions", report.Int(len(f.Questions()), lang), "indicators", report.Int(len(f.Set.Indicators), lang), "villages", villages))
}
