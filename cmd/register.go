package cmd

import (
	"errors"
	"fmt"
	"io"
	"os"
	"sort"
	"strconv"
	"strings"

	"github.com/ikk-tools/ikk/ikk"
	"github.com/ikk-tools/ikk/report"
	"github.com/ikk-tools/ikk/wilayah"
	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// The register of units on the commands that score surveys: --wilayah
// chooses it (the embedded one by default), --kabupaten says where villages
// given by name only are looked for.

// wilayahNone turns the register off: names stay as the data writes them.
const wilayahNone = "none"

func addWilayahFlag(fs *pflag.FlagSet, p *string) {
	fs.StringVar(p, "wilayah", "", "register of codes and official names: a CSV FILE of code,name lines (a newer or corrected register, used instead of the embedded one), or none to keep the names as the data writes them (default: the embedded Kemendagri register)")
}

// loadRegister reads the register --wilayah names: nil for none.
func loadRegister(spec string) (*wilayah.Register, error) {
	switch spec {
	case "":
		reg, err := wilayah.Builtin()
		if err != nil {
			return nil, wrapSay(err, "cli.wilayah_builtin")
		}
		return reg, nil
	case wilayahNone:
		return nil, nil
	}
	f, err := os.Open(spec)
	if err != nil {
		if errors.Is(err, os.ErrNotExist) {
			return nil, sayErr("cli.wilayah_not_found", "file", spec)
		}
		return nil, wrapSay(err, "cli.wilayah_unreadable", "file", spec)
	}
	defer f.Close()
	reg, err := wilayah.Read(f)
	var re *wilayah.ReadError
	switch {
	case errors.As(err, &re):
		return nil, sayErr("cli.wilayah_"+re.Problem, "file", spec, "line", strconv.Itoa(re.Line), "text", strconv.Quote(re.Text), "code", re.Code, "columns", strconv.Itoa(re.Columns))
	case err != nil:
		return nil, wrapSay(err, "cli.wilayah_unreadable", "file", spec)
	}
	return reg, nil
}

// checkKabupaten finds the kabupaten --kabupaten names in the register. A
// name the register does not have is a usage error when the flag is there
// only to find villages (score); for a document, whose --kabupaten also
// names the decree's kabupaten, it is said and the name is kept for the
// document. The unit is returned when there is exactly one.
func checkKabupaten(c *cobra.Command, reg *wilayah.Register, kab string, document bool, lang string) (wilayah.Unit, error) {
	if reg == nil || strings.TrimSpace(kab) == "" {
		return wilayah.Unit{}, nil
	}
	found := reg.Kabupaten(kab)
	switch len(found) {
	case 1:
		return found[0], nil
	case 0:
		near := nearKabupaten(reg, kab)
		key, kv := "cli.kabupaten_unknown", []string{"kabupaten", strconv.Quote(kab)}
		if len(near) > 0 {
			key, kv = "cli.kabupaten_unknown_near", append(kv, "near", strings.Join(near, ", "))
		}
		if document {
			fmt.Fprintf(c.ErrOrStderr(), "ikk: %s\n", report.Say(lang, "cli.warning", "text", report.Say(lang, key+"_doc", kv...)))
			return wilayah.Unit{}, nil
		}
		return wilayah.Unit{}, usageSay(c, key, kv...)
	}
	var list []string
	for _, u := range found {
		list = append(list, u.Name+" ("+u.Code+")")
	}
	return wilayah.Unit{}, usageSay(c, "cli.kabupaten_shared", "kabupaten", strconv.Quote(kab), "list", strings.Join(list, ", "))
}

// nearKabupaten lists the kabupaten and kota whose names are a few edits
// from s, for a did-you-mean.
func nearKabupaten(reg *wilayah.Register, s string) []string {
	key := wilayah.NameKey(s)
	limit := 2
	type near struct {
		name string
		d    int
	}
	var out []near
	for _, u := range reg.All(wilayah.Kabupaten) {
		for _, k := range []string{wilayah.NameKey(u.Name), wilayah.NameKey(strings.TrimPrefix(u.Name, "Kota "))} {
			if d := ikk.EditDistance(key, k, limit); d >= 0 {
				out = append(out, near{u.Name + " (" + u.Code + ")", d})
				break
			}
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].d < out[j].d })
	var names []string
	for _, n := range out[:min(len(out), 3)] {
		names = append(names, n.name)
	}
	return names
}

// kabupatenName is how a document names a kabupaten of the register: its
// name without the word "Kabupaten" ("Tabalong"), a city with "Kota".
func kabupatenName(u wilayah.Unit) string { return strings.TrimPrefix(u.Name, "Kabupaten ") }

// nameIssueCodes are the issues of units' names and codes.
var nameIssueCodes = []string{ikk.IssueNameDiffers, ikk.IssueCodeSuspect, ikk.IssueUnknownCode, ikk.IssueNameUnresolved}

// maxNameLines bounds the issues of names said on stderr.
const maxNameLines = 10

// printNameIssues says on stderr, before a document is written, where the
// data's names and codes disagree with the register: the document names
// the units as the register does, and the analyst must know what to
// correct.
func printNameIssues(w io.Writer, res *ikk.Result, lang string) {
	total := 0
	for _, c := range nameIssueCodes {
		total += res.IssueCounts[c]
	}
	if total == 0 {
		return
	}
	fmt.Fprintf(w, "ikk: %s\n", report.Say(lang, "cli.warning", "text", report.Say(lang, "cli.name_issues", "count", report.Int(total, lang))))
	n := 0
	for _, is := range res.Issues.All() {
		if !isNameIssue(is.Code) {
			continue
		}
		if n == maxNameLines {
			fmt.Fprintf(w, "ikk:   %s\n", report.Say(lang, "cli.more_issues", "count", report.Int(total-n, lang)))
			break
		}
		fmt.Fprintf(w, "ikk:   %s\n", report.IssueLine(is, lang))
		n++
	}
}

func isNameIssue(code string) bool {
	for _, c := range nameIssueCodes {
		if c == code {
			return true
		}
	}
	return false
}
