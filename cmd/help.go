package cmd

import (
	"strings"

	"github.com/spf13/cobra"
)

// newHelpCmd is ikk help [command]: cobra's help command, with an unknown
// command said as every other usage error.
func newHelpCmd(env *Env) *cobra.Command {
	return &cobra.Command{
		Use:   "help [command]",
		Short: "Help about any command",
		Long:  "Help shows the help of any command, e.g. ikk help score or ikk help indicators validate.",
		Args:  checked(env, cobra.ArbitraryArgs),
		ValidArgsFunction: func(c *cobra.Command, args []string, toComplete string) ([]cobra.Completion, cobra.ShellCompDirective) {
			target := findPath(c.Root(), args)
			if target == nil {
				return nil, cobra.ShellCompDirectiveNoFileComp
			}
			var out []cobra.Completion
			for _, sub := range target.Commands() {
				if sub.IsAvailableCommand() && strings.HasPrefix(sub.Name(), toComplete) {
					out = append(out, cobra.CompletionWithDesc(sub.Name(), sub.Short))
				}
			}
			return out, cobra.ShellCompDirectiveNoFileComp
		},
		RunE: func(c *cobra.Command, args []string) error {
			target := c.Root()
			for _, a := range args {
				next := findSub(target, a)
				if next == nil {
					return usage(target, unknownCommand(target, a))
				}
				target = next
			}
			target.InitDefaultHelpFlag()
			target.InitDefaultVersionFlag()
			return target.Help()
		},
	}
}

// findPath follows command names (or aliases) down from c; nil when one
// names no command.
func findPath(c *cobra.Command, names []string) *cobra.Command {
	for _, n := range names {
		if c = findSub(c, n); c == nil {
			return nil
		}
	}
	return c
}

func findSub(c *cobra.Command, name string) *cobra.Command {
	for _, sub := range c.Commands() {
		if sub.Name() == name || sub.HasAlias(name) {
			return sub
		}
	}
	return nil
}
