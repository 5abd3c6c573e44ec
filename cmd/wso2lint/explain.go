package main

import (
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/wso2lint/wso2lint/lint"
)

func explainCommand() *cli.Command {
	return &cli.Command{
		Name:      "explain",
		Usage:     "print the documentation of a rule, or list every rule",
		ArgsUsage: "[ID]",
		Description: "Example: wso2lint explain WL301\n\n" +
			"Without ID, lists every rule (ID, name, severity, title). --format markdown prints docs/rules.md\n" +
			"(or one rule's section), --format json the rules as JSON, each with its documentation URL.",
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "format", Value: "text", Usage: "output `FORMAT`: " + strings.Join(lint.ExplainFormats(), ", ")},
		},
		OnUsageError: onUsageError,
		Action:       explainAction,
	}
}

func explainAction(c *cli.Context) error {
	format := c.String("format")
	if !contains(lint.ExplainFormats(), format) {
		return usageErr("--format %q: want one of %s", format, strings.Join(lint.ExplainFormats(), ", "))
	}
	w := c.App.Writer
	switch c.NArg() {
	case 0:
		rules := lint.Rules()
		switch format {
		case "markdown":
			return lint.GenerateDocs(w, rules)
		case "json":
			return lint.ExplainJSON(w, rules)
		}
		return lint.ExplainList(w, rules)
	case 1:
	default:
		return usageErr("explain takes at most one rule ID or name, e.g. wso2lint explain WL301")
	}
	r, ok := lint.Lookup(c.Args().First())
	if !ok {
		return usageErr("unknown rule %q (wso2lint explain lists every rule)", c.Args().First())
	}
	switch format {
	case "markdown":
		return lint.ExplainMarkdown(w, r)
	case "json":
		return lint.ExplainRuleJSON(w, r)
	}
	return lint.Explain(w, r)
}
