package main

import (
	"io"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/wso2lint/wso2lint/report"
	"github.com/wso2lint/wso2lint/report/picture"
)

func portsCommand() *cli.Command {
	flags := append(append(homeFlags(), configFlags()...),
		&cli.StringFlag{Name: "format", Value: "text", Usage: "output `FORMAT`: text, json, dot (Graphviz) or html (one self-contained page)"},
		&cli.BoolFlag{Name: "all", Usage: "also show listeners that are configured but disabled"},
		outputFlag(),
	)
	return &cli.Command{
		Name:      "ports",
		Usage:     "print the listeners each server of the homes will open",
		ArgsUsage: "PATH...",
		Description: "Example: wso2lint ports --offset 3 ./wso2am-2.6.0\n\n" +
			"Prints every listener sorted by port: the effective port (offset applied where the runtime applies it),\n" +
			"protocol, direction, service id, the offset applied and the file:line the value came from.",
		Flags:        flags,
		OnUsageError: onUsageError,
		Action:       portsAction,
	}
}

func portsAction(c *cli.Context) error {
	format := c.String("format")
	formats := append(report.PortsFormats(), picture.Formats()...)
	if !contains(formats, format) {
		return usageErr("--format %q: want %s", format, strings.Join(formats, " or "))
	}
	ld, err := load(c, loadSpec{})
	if err != nil {
		return err
	}
	var buf buffer
	if contains(picture.Formats(), format) {
		if err := writePicture(&buf, format, ld, c.Bool("all")); err != nil {
			return err
		}
		return output(c, buf.Bytes())
	}
	return outputFrom(c, func(w io.Writer) error {
		return report.WritePorts(w, format, ld.homes, report.PortsOptions{All: c.Bool("all"), ProductName: productName})
	})
}
