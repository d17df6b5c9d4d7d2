package cmd

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/ikk-tools/ikk/ikk"
	"github.com/ikk-tools/ikk/report"
	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// Shell completion: cobra's completion command, shown in the help, and a
// completion for the value of every flag. Desa codes are not completed:
// they are known only by reading the whole survey, too slow for a TAB.

// addCompletion adds the completion command and registers the value
// completions of every flag of the tree.
func addCompletion(env *Env, root *cobra.Command) {
	root.CompletionOptions.HiddenDefaultCmd = false
	root.InitDefaultCompletionCmd()
	root.ValidArgsFunction = aliasCompletion
	var walk func(c *cobra.Command)
	walk = func(c *cobra.Command) {
		if c.Name() == "completion" && c.Parent() == root {
			c.Short = "Write the shell completion script (bash, zsh, fish or powershell)"
			c.Long = `Completion writes a script that lets your shell complete ikk's commands, flags
and flag values (--format, --lang, --indicators, --order, -o) with the TAB key.

  bash:        source <(ikk completion bash)
  PowerShell:  ikk completion powershell | Out-String | Invoke-Expression

To load it in every new session, see the help of your shell's command, e.g.
ikk completion powershell --help.`
			// Runnable, so that a word after it is refused, not shown help.
			c.RunE = func(c *cobra.Command, _ []string) error { return c.Help() }
		}
		if c.Parent() != nil && c.Parent().Name() == "completion" || c.Name() == "completion" {
			c.Args = checked(env, subcommandsOnly)
		}
		c.LocalFlags().VisitAll(func(f *pflag.Flag) {
			if f.Hidden || f.Value.Type() == "bool" {
				return
			}
			if _, ok := c.GetFlagCompletionFunc(f.Name); !ok {
				c.RegisterFlagCompletionFunc(f.Name, flagCompletion(env, c, f.Name))
			}
		})
		for _, sub := range c.Commands() {
			walk(sub)
		}
	}
	walk(root)
}

// flagCompletion completes the value of a flag by its name.
func flagCompletion(env *Env, c *cobra.Command, name string) cobra.CompletionFunc {
	switch name {
	case "format":
		if c.Name() == "areas" {
			return words("table", "csv")
		}
		return words(report.Formats()...)
	case "lang":
		return words(report.Languages...)
	case "order":
		return words("kecamatan", "rank")
	case "direction":
		return words(ikk.LokusHighest, ikk.LokusLowest)
	case "category":
		return func(c *cobra.Command, _ []string, toComplete string) ([]cobra.Completion, cobra.ShellCompDirective) {
			ref := ""
			if f := c.Flag("indicators"); f != nil {
				ref = f.Value.String()
			}
			set, err := loadSet(env, ref)
			if err != nil {
				return nil, cobra.ShellCompDirectiveNoFileComp
			}
			var ids []string
			for _, cat := range set.Categories {
				ids = append(ids, strconv.Itoa(cat.ID))
			}
			return withPrefix(ids, toComplete), cobra.ShellCompDirectiveNoFileComp
		}
	case "indicators":
		return func(_ *cobra.Command, _ []string, toComplete string) ([]cobra.Completion, cobra.ShellCompDirective) {
			out := withPrefix(builtinNames(env), toComplete)
			files, dirs := matchingFiles(toComplete, "yaml", "yml")
			return append(out, files...), noFiles(dirs)
		}
	case "wilayah":
		return func(_ *cobra.Command, _ []string, toComplete string) ([]cobra.Completion, cobra.ShellCompDirective) {
			out := withPrefix([]string{wilayahNone}, toComplete)
			files, dirs := matchingFiles(toComplete, "csv", "tsv")
			return append(out, files...), noFiles(dirs)
		}
	case "from":
		return func(_ *cobra.Command, _ []string, toComplete string) ([]cobra.Completion, cobra.ShellCompDirective) {
			return withPrefix(builtinNames(env), toComplete), cobra.ShellCompDirectiveNoFileComp
		}
	case "output":
		if c.Name() == "areas" {
			return fileExts(report.WilayahFormats()...)
		}
		if c.Name() == "score" {
			return fileExts("xlsx", "json", "csv", "md")
		}
		if c.Name() == "form" {
			return fileExts("xlsx", "xml")
		}
		return fileExts("docx", "xlsx", "md")
	case "param":
		return func(c *cobra.Command, _ []string, toComplete string) ([]cobra.Completion, cobra.ShellCompDirective) {
			ref := ""
			if f := c.Flag("indicators"); f != nil {
				ref = f.Value.String()
			}
			set, err := loadSet(env, ref)
			if err != nil {
				return nil, cobra.ShellCompDirectiveNoFileComp
			}
			var names []string
			for _, p := range set.Parameters {
				names = append(names, p.Name+"=")
			}
			return withPrefix(names, toComplete), cobra.ShellCompDirectiveNoFileComp | cobra.ShellCompDirectiveNoSpace
		}
	}
	// --desa, --pilot, --sheet, --date, --jobs and the decree's texts:
	// nothing to offer, and a file name would be wrong.
	return cobra.NoFileCompletions
}

// aliasCompletion completes the Indonesian alias of a command when no
// command's name begins with what was typed ("nil" gives nilai); cobra
// completes the names themselves.
func aliasCompletion(c *cobra.Command, args []string, toComplete string) ([]cobra.Completion, cobra.ShellCompDirective) {
	if len(args) > 0 {
		return nil, cobra.ShellCompDirectiveNoFileComp
	}
	var aliases []string
	for _, sub := range c.Commands() {
		if !sub.IsAvailableCommand() {
			continue
		}
		if strings.HasPrefix(sub.Name(), toComplete) {
			return nil, cobra.ShellCompDirectiveNoFileComp
		}
		for _, a := range sub.Aliases {
			if strings.HasPrefix(a, toComplete) {
				aliases = append(aliases, cobra.CompletionWithDesc(a, sub.Short))
			}
		}
	}
	return aliases, cobra.ShellCompDirectiveNoFileComp
}

// inputCompletion completes the survey inputs of score, annex and plan.
func inputCompletion(_ *cobra.Command, _ []string, _ string) ([]cobra.Completion, cobra.ShellCompDirective) {
	return []cobra.Completion{"xlsx", "csv"}, cobra.ShellCompDirectiveFilterFileExt
}

// words completes one of a fixed list of values.
func words(list ...string) cobra.CompletionFunc {
	return func(_ *cobra.Command, _ []string, toComplete string) ([]cobra.Completion, cobra.ShellCompDirective) {
		return withPrefix(list, toComplete), cobra.ShellCompDirectiveNoFileComp
	}
}

// fileExts completes file names with one of the extensions, and folders.
func fileExts(exts ...string) cobra.CompletionFunc {
	return func(_ *cobra.Command, _ []string, _ string) ([]cobra.Completion, cobra.ShellCompDirective) {
		return exts, cobra.ShellCompDirectiveFilterFileExt
	}
}

func withPrefix(list []string, prefix string) []cobra.Completion {
	var out []cobra.Completion
	for _, w := range list {
		if strings.HasPrefix(w, prefix) {
			out = append(out, w)
		}
	}
	return out
}

// matchingFiles lists the files with one of the extensions, and the
// folders, whose path begins with prefix; dirs says whether a folder is
// among them (the shell then must not add a space after it).
func matchingFiles(prefix string, exts ...string) (out []string, dirs bool) {
	dir, base := filepath.Split(prefix)
	read := dir
	if read == "" {
		read = "."
	}
	entries, err := os.ReadDir(read)
	if err != nil {
		return nil, false
	}
	for _, e := range entries {
		name := e.Name()
		if !strings.HasPrefix(name, base) || strings.HasPrefix(name, ".") && !strings.HasPrefix(base, ".") {
			continue
		}
		isDir := e.IsDir()
		if e.Type()&os.ModeSymlink != 0 {
			if st, err := os.Stat(filepath.Join(read, name)); err == nil {
				isDir = st.IsDir()
			}
		}
		switch {
		case isDir:
			out = append(out, dir+name+string(filepath.Separator))
			dirs = true
		case hasExt(name, exts):
			out = append(out, dir+name)
		}
	}
	return out, dirs
}

func hasExt(name string, exts []string) bool {
	ext := strings.TrimPrefix(strings.ToLower(filepath.Ext(name)), ".")
	for _, e := range exts {
		if ext == e {
			return true
		}
	}
	return false
}

func noFiles(dirs bool) cobra.ShellCompDirective {
	if dirs {
		return cobra.ShellCompDirectiveNoFileComp | cobra.ShellCompDirectiveNoSpace
	}
	return cobra.ShellCompDirectiveNoFileComp
}
