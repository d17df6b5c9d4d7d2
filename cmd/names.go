package cmd

import (
	"sort"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// The naming rule of the command line: command and flag names are English;
// the Indonesian word an analyst expects works as an alias everywhere, and
// the administrative units keep their Indonesian names (desa, kecamatan,
// kabupaten) as the data and the decrees write them. Help shows the English
// name with its alias, and errors name the English one.

// flagAliases maps each alias of a flag to its canonical name. It is one
// table for the whole command line: an alias means the same flag on every
// command that has the flag.
var flagAliases = map[string]string{
	"tanggal":       "date",
	"nomor":         "number",
	"tentang":       "title",
	"penandatangan": "signer",
	"jabatan":       "signer-office",
	"desa-lokus":    "pilot",
	"urutan":        "order",
	"bahasa":        "lang",
	// The desa lokus's rules (lokus, annex --justify).
	"kategori":           "category",
	"arah":               "direction",
	"paling-membutuhkan": "most-in-need",
}

// Command aliases, by canonical name. followup is kept from earlier
// releases.
var commandAliases = map[string][]string{
	"score":      {"nilai"},
	"annex":      {"lampiran"},
	"plan":       {"tindaklanjut", "followup"},
	"indicators": {"indikator"},
	"validate":   {"periksa"},
	"areas":      {"wilayah"},
	"form":       {"formulir"},
	"template":   {"templat"},
	"compare":    {"banding"},
	"lokus":      {"desalokus"},
}

// canonicalFlag is the flag a name on the command line means: lower case,
// "_" written as "-", an alias replaced by its flag.
func canonicalFlag(name string) string {
	name = strings.ReplaceAll(strings.ToLower(name), "_", "-")
	if c, ok := flagAliases[name]; ok {
		return c
	}
	return name
}

func normalizeFlag(_ *pflag.FlagSet, name string) pflag.NormalizedName {
	return pflag.NormalizedName(canonicalFlag(name))
}

// aliasesOf lists the aliases of a canonical flag name, sorted.
func aliasesOf(name string) []string {
	var out []string
	for a, c := range flagAliases {
		if c == name {
			out = append(out, a)
		}
	}
	sort.Strings(out)
	return out
}

// applyNames sets the naming rule on a command tree: the flag aliases on
// every flag set, the command aliases, and each alias named in its flag's
// help ("(also --tanggal)").
func applyNames(root *cobra.Command) {
	root.SetGlobalNormalizationFunc(normalizeFlag)
	noted := map[*pflag.Flag]bool{}
	var walk func(c *cobra.Command)
	walk = func(c *cobra.Command) {
		if a, ok := commandAliases[c.Name()]; ok && c.HasParent() {
			c.Aliases = a
		}
		note := func(f *pflag.Flag) {
			if noted[f] {
				return
			}
			noted[f] = true
			if a := aliasesOf(f.Name); len(a) > 0 {
				f.Usage += " (also --" + strings.Join(a, ", --") + ")"
			}
		}
		c.Flags().VisitAll(note)
		c.PersistentFlags().VisitAll(note)
		for _, sub := range c.Commands() {
			walk(sub)
		}
	}
	walk(root)
}
