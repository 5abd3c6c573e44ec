package main

import (
	"os"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/wso2lint/wso2lint/internal/portdiff"
	"github.com/wso2lint/wso2lint/report"
)

func diffCommand() *cli.Command {
	flags := append(homeFlags(),
		&cli.StringFlag{Name: "format", Value: "text", Usage: "output `FORMAT`: " + strings.Join(report.DiffFormats(), ", ")},
		outputFlag(),
	)
	return &cli.Command{
		Name:      "diff",
		Usage:     "compare the listeners of two homes, or of two revisions of one home",
		ArgsUsage: "OLD NEW",
		Description: "Example: wso2lint diff ./wso2am-2.6.0 ./wso2am-4.2.0\n" +
			"         wso2lint diff main:prod/wso2am ./prod/wso2am\n\n" +
			"Lists the listeners added, removed and changed (moved to another port, bound to another address, given\n" +
			"another exposure class) between OLD and NEW, matched by server and service id, so that homes of two\n" +
			"product versions compare by what each port is for. OLD or NEW may be REV:PATH, a home as git holds it at\n" +
			"revision REV (git show syntax; PATH relative to the current directory).\n" +
			"Exit status: 0 when no listener changed, 1 when one did, 2 on usage or input errors.",
		Flags:        flags,
		OnUsageError: onUsageError,
		Action:       diffAction,
	}
}

func diffAction(c *cli.Context) error {
	format := c.String("format")
	if !contains(report.DiffFormats(), format) {
		return usageErr("--format %q: want %s", format, strings.Join(report.DiffFormats(), ", "))
	}
	if c.NArg() != 2 {
		return usageErr("diff takes two homes, OLD and NEW (got %d)", c.NArg())
	}
	popt, err := parseOptions(c, nil)
	if err != nil {
		return err
	}
	args := c.Args().Slice()
	dirs := make([]string, 2)
	for i, a := range args {
		if _, statErr := os.Stat(a); statErr != nil {
			if rev, path, ok := splitRevPath(a); ok {
				dir, cleanup, err := checkoutRev(c.Context, rev, path)
				if err != nil {
					return err
				}
				defer cleanup()
				dirs[i] = dir
				continue
			}
		}
		dirs[i] = a
	}
	homes, err := loadHomes(c.Context, dirs, popt)
	if err != nil {
		return err
	}
	// Name each home as it was given (REV:PATH rather than the checkout).
	for i := range homes {
		homes[i].Dir = args[i]
	}
	r := portdiff.Compare(homes[0], homes[1])
	var buf buffer
	if err := report.WriteDiff(&buf, format, homes[0], homes[1], r, report.PortsOptions{ProductName: productName}); err != nil {
		return err
	}
	if err := output(c, buf.Bytes()); err != nil {
		return err
	}
	if len(r.Changes) > 0 {
		return &exitError{code: exitFindings}
	}
	return nil
}
