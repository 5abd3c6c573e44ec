package main

import (
	"github.com/urfave/cli/v2"

	"github.com/wso2lint/wso2lint/lint"
)

func explainCommand() *cli.Command {
	return &cli.Command{
		Name:         "explain",
		Usage:        "print the documentation of a rule",
		ArgsUsage:    "ID",
		Description:  "Example: wso2lint explain WL301",
		OnUsageError: onUsageError,
		Action: func(c *cli.Context) error {
			if c.NArg() != 1 {
				return usageErr("explain takes one rule ID or name, e.g. wso2lint explain WL301")
			}
			r, ok := lint.Lookup(c.Args().First())
			if !ok {
				return usageErr("unknown rule %q (see docs/rules.md)", c.Args().First())
			}
			return lint.Explain(c.App.Writer, r)
		},
	}
}
