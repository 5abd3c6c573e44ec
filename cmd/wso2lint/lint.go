package main

import (
	"context"
	"fmt"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/wso2lint/wso2lint/catalog"
	"github.com/wso2lint/wso2lint/config"
	"github.com/wso2lint/wso2lint/internal/model"
	"github.com/wso2lint/wso2lint/lint"
	"github.com/wso2lint/wso2lint/report"
)

func lintFlags() []cli.Flag {
	return append(append(append(homeFlags(), configFlags()...),
		&cli.StringFlag{Name: "format", Value: "text", Usage: "output `FORMAT`: " + strings.Join(report.Formats(), ", ")},
		&cli.StringFlag{Name: "fail-on", Value: "warning", Usage: "exit 1 when a finding is at least this `SEVERITY`: error, warning, info or none"},
		&cli.StringSliceFlag{Name: "disable", Usage: "turn off rules (`ID,...` or names)"},
		&cli.StringSliceFlag{Name: "enable", Usage: "turn on rules (`ID,...` or names); wins over --disable"},
		&cli.BoolFlag{Name: "no-inline-ignores", Usage: "ignore wso2lint:ignore comments in the configuration"},
		&cli.StringSliceFlag{Name: "host-service", Usage: "another service of the host (`NAME=PORT[-LAST][/tcp|udp]`, repeatable): a WSO2 listener on its port collides with it (WL101)"},
		&cli.StringFlag{Name: "baseline", Usage: "report only findings that are not in the baseline `FILE`"},
		&cli.StringFlag{Name: "write-baseline", Usage: "write the current findings to the baseline `FILE` and exit 0"},
		&cli.BoolFlag{Name: "live", Usage: "also compare the listeners with the sockets open on this host (/proc/net, /proc/PID/fd): WL601-WL603"},
		&cli.StringFlag{Name: "live-from", Usage: "like --live, with the sockets of a saved `ss -ltnup` output `FILE` (a container, another host)"},
		&cli.BoolFlag{Name: "files", Usage: "treat PATHs as changed files (pre-commit): lint each file's home once, as a host of its own"},
		hostFlag(),
		manifestsFlag(),
	), lintOutputFlags()...)
}

// hostsOfLoad gives each host of the load step its homes and its own host
// services (the config's top-level ones are in the lint options already).
func hostsOfLoad(cfg *config.Config, ld *loaded) []lint.Host {
	out := make([]lint.Host, 0, len(ld.hosts))
	for _, g := range ld.hosts {
		h := lint.Host{Name: g.name}
		for _, i := range g.homes {
			h.Homes = append(h.Homes, ld.homes[i])
		}
		for _, d := range cfg.HostList() {
			if g.declared && d.Name == g.name {
				h.HostServices = d.HostServices
			}
		}
		out = append(out, h)
	}
	return out
}

func lintCommand(getenv env) *cli.Command {
	return &cli.Command{
		Name:      "lint",
		Usage:     "lint product homes (the default command)",
		ArgsUsage: "PATH...",
		Description: "Example: wso2lint lint --format sarif -o wso2lint.sarif ./wso2am-2.6.0 ./wso2is-5.7.0\n\n" +
			"Several homes given together are one host: port collisions across them count. A PATH that is not a home\n" +
			"is searched for homes, each linted as a host of its own; --files lints each changed file's home on its own.\n" +
			"Exit status: 0 when no finding reaches --fail-on, 1 when one does, 2 on usage or input errors.",
		Flags:        lintFlags(),
		OnUsageError: onUsageError,
		Action:       func(c *cli.Context) error { return lintAction(c, getenv) },
	}
}

func lintAction(c *cli.Context, getenv env) error {
	outs, err := lintOutputs(c)
	if err != nil {
		return err
	}
	if err := checkColorFlag(c); err != nil {
		return err
	}
	rules := lint.Rules()
	var set lintSettings
	check := func(cfg *config.Config) (err error) {
		set, err = lintOptions(c, cfg, rules)
		return err
	}
	ld, err := load(c, loadSpec{rules: rules, files: c.Bool("files"), check: check})
	if err != nil {
		return err
	}
	if len(ld.homes) == 0 {
		return nil // --files: no changed file belongs to a product home
	}
	cfg := ld.cfg
	if err := applyManifests(c, ld, &set.opt); err != nil {
		return err
	}
	findings := lint.RunHosts(hostsOfLoad(cfg, ld), rules, set.opt)
	if cfg != nil {
		kept := findings[:0]
		for _, f := range findings {
			if !cfg.Ignored(f) {
				kept = append(kept, f)
			}
		}
		findings = kept
	}
	if name := c.String("write-baseline"); name != "" {
		var buf buffer
		if err := config.WriteBaseline(&buf, findings); err != nil {
			return err
		}
		return writeFile(c.Context, name, buf.Bytes())
	}
	if set.baseline != nil {
		findings = set.baseline.Filter(findings)
	}
	if err := writeLintOutputs(c, getenv, outs, findings, rules, ld); err != nil {
		return err
	}
	if lint.Fails(findings, set.failOn) {
		return &exitError{code: exitFindings}
	}
	return nil
}

// lintSettings are lint's own options, from its flags and the project config.
type lintSettings struct {
	failOn   model.Severity
	opt      lint.Options
	baseline *config.Baseline
}

// lintOptions checks lint's own flags with the project config (nil when there
// is none) and reads the baseline. The load step runs it before any home is
// read.
func lintOptions(c *cli.Context, cfg *config.Config, rules []*lint.Rule) (lintSettings, error) {
	var set lintSettings
	var err error
	if set.failOn, err = failOnLevel(c, cfg); err != nil {
		return set, err
	}
	set.opt = lint.Options{
		DefaultPort:     defaultPort,
		Disable:         splitList(c.StringSlice("disable")),
		Enable:          splitList(c.StringSlice("enable")),
		NoInlineIgnores: c.Bool("no-inline-ignores"),
	}
	if cfg != nil {
		set.opt.Disable = append(append([]string{}, cfg.Disable...), set.opt.Disable...)
		set.opt.Enable = append(append([]string{}, cfg.Enable...), set.opt.Enable...)
		set.opt.Severity = cfg.Severity
		set.opt.HostServices = append(set.opt.HostServices, cfg.HostServices...)
	}
	for _, v := range c.StringSlice("host-service") {
		svc, err := config.ParseHostService(v)
		if err != nil {
			return set, usageErr("--host-service: %v", err)
		}
		set.opt.HostServices = append(set.opt.HostServices, svc)
	}
	if set.opt.Live, err = liveSockets(c); err != nil {
		return set, err
	}
	if err := lint.CheckOptions(set.opt, rules); err != nil {
		return set, usageErr("%v", err)
	}
	if name := c.String("baseline"); name != "" {
		if set.baseline, err = config.ReadBaseline(name); err != nil {
			return set, &exitError{code: exitInput, msg: err.Error()}
		}
	}
	return set, nil
}

// defaultPort is the catalog default of a product's service, for WL105.
func defaultPort(product model.ProductKey, profile, service string) (model.Port, bool) {
	return catalog.DefaultBase(product, profile, service)
}

// ruleInfos describes the rules for report; with docs, each with its whole
// documentation (only SARIF prints it: building every rule's from its examples
// is left to runs that need it).
func ruleInfos(rules []*lint.Rule, docs bool) []report.RuleInfo {
	out := make([]report.RuleInfo, 0, len(rules))
	for _, r := range rules {
		info := report.RuleInfo{ID: r.ID, Name: r.Name, Title: r.Title, Severity: r.Severity,
			DocURL: r.DocURL(), SecuritySeverity: r.SecuritySeverity()}
		if docs {
			info.Doc = r.Documentation()
		}
		out = append(out, info)
	}
	return out
}

// configFlags are --config and --no-config: lint reads the whole project
// config; ports and rules take its offset, so that all three see one host.
func configFlags() []cli.Flag {
	return []cli.Flag{
		&cli.StringFlag{Name: "config", Usage: "project config `FILE` (default: .wso2lint.yaml found by walking up from the first PATH)"},
		&cli.BoolFlag{Name: "no-config", Usage: "do not read a project config file"},
	}
}

// failOnLevel returns --fail-on, or the config's fail-on when the flag is not set.
func failOnLevel(c *cli.Context, cfg *config.Config) (model.Severity, error) {
	if !c.IsSet("fail-on") && cfg != nil && cfg.FailOn != nil {
		return *cfg.FailOn, nil
	}
	s, err := config.ParseFailOn(c.String("fail-on"))
	if err != nil {
		return 0, usageErr("--fail-on: %v", err)
	}
	return s, nil
}

// splitList splits comma-separated flag values.
func splitList(vals []string) []string {
	var out []string
	for _, v := range vals {
		for _, s := range strings.Split(v, ",") {
			if s = strings.TrimSpace(s); s != "" {
				out = append(out, s)
			}
		}
	}
	return out
}

// writeFile replaces the file name with data atomically (-o, --write-baseline).
func writeFile(ctx context.Context, name string, data []byte) error {
	if err := fileWriter(ctx).Write(ctx, name, data, 0o644); err != nil {
		return &exitError{code: exitInput, msg: fmt.Sprintf("%s: %v", name, err)}
	}
	return nil
}
