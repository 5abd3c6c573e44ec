package main

import (
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/wso2lint/wso2lint/config"
	"github.com/wso2lint/wso2lint/internal/model"
	"github.com/wso2lint/wso2lint/internal/offsetplan"
	"github.com/wso2lint/wso2lint/report"
)

func planOffsetsCommand() *cli.Command {
	flags := append(append(homeFlags(), configFlags()...),
		&cli.StringFlag{Name: "format", Value: "text", Usage: "output `FORMAT`: " + strings.Join(report.PlanFormats(), " or ")},
		&cli.StringSliceFlag{Name: "host-service", Usage: "another service of the host (`NAME=PORT[-LAST][/tcp|udp]`, repeatable) that no WSO2 listener may take"},
		hostFlag(),
		outputFlag(),
	)
	return &cli.Command{
		Name:      "plan-offsets",
		Usage:     "propose the smallest port offsets that make the homes of one host collision-free",
		ArgsUsage: "HOME...",
		Description: "Example: wso2lint plan-offsets ./wso2am-2.6.0 ./wso2is-5.7.0 ./wso2ei-6.4.0\n\n" +
			"Servers are placed in command-line order (after the host services): each gets the smallest offset from 0\n" +
			"at which none of the ports the offset moves meets a port placed before it, or one of its own that the\n" +
			"offset does not move. For each server it prints the change: the <Offset> of carbon.xml or the [server]\n" +
			"offset of deployment.toml where the offset is set now, and the -DportOffset flag that overrides both.\n" +
			"Ports the offset does not move (Thrift, event receivers, ...) that meet another are listed as conflicts:\n" +
			"change one of those ports by hand. Exit status 0, or 2 on usage or input errors.",
		Flags:        flags,
		OnUsageError: onUsageError,
		Action:       planOffsetsAction,
	}
}

func planOffsetsAction(c *cli.Context) error {
	format := c.String("format")
	if !contains(report.PlanFormats(), format) {
		return usageErr("--format %q: want %s", format, strings.Join(report.PlanFormats(), " or "))
	}
	var flagServices []model.HostService
	ld, err := load(c, loadSpec{oneHost: true, check: func(*config.Config) error {
		for _, v := range c.StringSlice("host-service") {
			svc, err := config.ParseHostService(v)
			if err != nil {
				return usageErr("--host-service: %v", err)
			}
			flagServices = append(flagServices, svc)
		}
		return nil
	}})
	if err != nil {
		return err
	}
	if len(ld.hosts) > 1 {
		return usageErr("the homes are on %d hosts (%s): plan one at a time with --host NAME", len(ld.hosts), hostNames(ld.hosts))
	}
	var services []model.HostService
	if ld.cfg != nil {
		services = append(services, ld.cfg.HostServices...)
		for _, d := range ld.cfg.HostList() {
			if len(ld.hosts) == 1 && ld.hosts[0].declared && d.Name == ld.hosts[0].name {
				services = append(services, d.HostServices...)
			}
		}
	}
	services = append(services, flagServices...)
	plan := offsetplan.Plan(ld.homes, services)
	var buf buffer
	if err := report.WritePlan(&buf, format, plan, report.PortsOptions{ProductName: productName}); err != nil {
		return err
	}
	return output(c, buf.Bytes())
}
