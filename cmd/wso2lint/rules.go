package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/netip"
	"os"
	"path/filepath"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/wso2lint/wso2lint/config"
	"github.com/wso2lint/wso2lint/emit"
	"github.com/wso2lint/wso2lint/internal/model"
	"github.com/wso2lint/wso2lint/internal/regfile"
)

func rulesCommand() *cli.Command {
	flags := append(append(homeFlags(), configFlags()...),
		&cli.StringFlag{Name: "target", Usage: "firewall `TARGET`: " + strings.Join(emit.Targets(), ", ") + "; or deployment manifests: " + strings.Join(deployTargets, ", ")},
		&cli.StringFlag{Name: "mode", Value: emit.ModeStandalone, Usage: "`MODE`: standalone (a complete ruleset) or fragment (only a wso2lint chain/table/services to include)"},
		&cli.StringSliceFlag{Name: "allow", Usage: "sources for an exposure class: `CLASS=CIDR[,CIDR...]` (public, management, cluster; outbound for destinations); repeatable"},
		&cli.IntFlag{Name: "ssh-port", Value: emit.DefaultSSHPort, Usage: "SSH `PORT` kept open in standalone mode"},
		&cli.BoolFlag{Name: "no-ssh", Usage: "keep no SSH port open in standalone mode"},
		&cli.BoolFlag{Name: "egress", Usage: "also write output rules for the connections the servers open"},
		&cli.BoolFlag{Name: "resolve", Usage: "resolve host names of outbound destinations (DNS at generation time)"},
		&cli.BoolFlag{Name: "script", Usage: "firewalld: write firewall-cmd --permanent commands instead of XML"},
		&cli.StringFlag{Name: "check", Usage: "compare with the committed rules `FILE`; exit 1 with a diff when it is out of date"},
		hostFlag(),
		outputFlag(),
		fromFlag(),
	)
	return &cli.Command{
		Name:      "rules",
		Usage:     "print host firewall rules for the listeners of the homes",
		ArgsUsage: "PATH...",
		Description: "Example: wso2lint rules --target nftables --allow management=10.0.0.0/24 -o wso2lint.nft ./wso2am-2.6.0\n\n" +
			"public ports are open to everyone unless --allow public=... narrows them; management and cluster ports\n" +
			"open only for the sources given with --allow; local ports are never opened.\n" +
			"The firewall: of .wso2lint.yaml gives what the flags leave out (per host over the top level). Homes on\n" +
			"several hosts (hosts: in .wso2lint.yaml) need --host NAME, or -o DIR/ (--check DIR/) for one file per host.\n" +
			"Exit status: 0 when rules were written, 1 when the homes collide (nothing written) or --check differs,\n" +
			"2 on usage or input errors.",
		Flags:        flags,
		OnUsageError: onUsageError,
		Action:       rulesAction,
	}
}

func rulesAction(c *cli.Context) error {
	if contains(deployTargets, c.String("target")) {
		return deployAction(c)
	}
	// Flags given are checked before anything is read; the firewall policy of
	// .wso2lint.yaml fills in what they leave out, per host.
	if target := c.String("target"); target != "" {
		if _, ok := emit.Lookup(target); !ok {
			return usageErr("--target %q: want one of %s", target, strings.Join(emit.Targets(), ", "))
		}
	}
	if mode := c.String("mode"); mode != emit.ModeStandalone && mode != emit.ModeFragment {
		return usageErr("--mode %q: want standalone or fragment", mode)
	}
	allow, err := parseAllow(c.StringSlice("allow"))
	if err != nil {
		return err
	}
	if p := c.Int("ssh-port"); p < 1 || p > 65535 {
		return usageErr("--ssh-port %d: want a port from 1 to 65535", p)
	}
	// Options that would be silently ignored together.
	switch {
	case c.Bool("no-ssh") && c.IsSet("ssh-port"):
		return usageErr("--no-ssh and --ssh-port contradict each other: give one")
	case c.String("check") != "" && c.String("output") != "":
		return usageErr("--check compares with a file and writes none: drop -o/--output")
	case len(allow[model.ExposureOutbound]) > 0 && !c.Bool("egress"):
		return usageErr("--allow outbound=... limits outbound rules, which only --egress writes: add --egress")
	}
	// Every host's policy is checked once the config is read, before any home is.
	check := func(cfg *config.Config) error {
		file := ""
		if cfg != nil {
			file = cfg.Path
		}
		if _, err := firewallPolicy(c, cfg.HostFirewall(""), file); err != nil {
			if cfg == nil || len(cfg.Hosts) == 0 {
				return err
			}
			// The top level may leave a key to the hosts.
		}
		for _, h := range cfg.HostList() {
			if _, err := firewallPolicy(c, cfg.HostFirewall(h.Name), file); err != nil {
				return err
			}
		}
		return nil
	}
	ld, err := load(c, loadSpec{oneHost: true, check: check})
	if err != nil {
		return err
	}
	out := rulesOutput{stdout: c.App.Writer, stderr: c.App.ErrWriter, check: c.String("check"), file: c.String("output")}
	file := ""
	if ld.cfg != nil {
		file = ld.cfg.Path
	}
	plans := make([]hostPlan, 0, len(ld.hosts))
	for _, g := range ld.hosts {
		fw := ld.cfg.HostFirewall(g.name)
		if !g.declared {
			fw = ld.cfg.HostFirewall("")
		}
		eopt, err := firewallPolicy(c, fw, file)
		if err != nil {
			return err
		}
		hp := hostPlan{name: g.name, eopt: eopt}
		for _, i := range g.homes {
			hp.homes = append(hp.homes, ld.homes[i])
		}
		plans = append(plans, hp)
	}
	if len(plans) == 1 && (plans[0].name == "" || !perHostDir(out, plans[0].eopt)) {
		return writeRules(c.Context, plans[0].homes, plans[0].eopt, out)
	}
	return writeHostRules(c, plans, out)
}

// perHostDir reports whether -o or --check names a folder for one file per
// host: a name ending in a slash, or an existing folder. firewalld XML is a
// folder of its own, which -o DIR/ of one host fills as before.
func perHostDir(out rulesOutput, eopt emit.Options) bool {
	name := out.file
	if out.check != "" {
		name = out.check
	}
	if name == "" || name == "-" || eopt.Target == "firewalld" && !eopt.FirewalldScript {
		return false
	}
	return strings.HasSuffix(name, "/") || isDir(name)
}

// hostPlan is the homes and the emit options of one host.
type hostPlan struct {
	name  string
	homes []*model.Home
	eopt  emit.Options
}

// writeHostRules writes or checks the rules of several hosts: one file per
// host under the directory -o or --check names (NAME.nft, NAME.rules,
// NAME.sh, or NAME/ for firewalld XML). Every host is planned first, so that
// a collision on any host writes nothing.
func writeHostRules(c *cli.Context, plans []hostPlan, out rulesOutput) error {
	groups := make([]hostGroup, len(plans))
	for i, p := range plans {
		groups[i] = hostGroup{name: p.name}
	}
	dir := out.file
	if out.check != "" {
		dir = out.check
	}
	if fi, err := os.Stat(dir); dir == "" || dir == "-" || !strings.HasSuffix(dir, "/") && (err != nil || !fi.IsDir()) {
		return usageErr("the homes are on %d hosts (%s), and rules writes one ruleset per host: give --host NAME, or -o DIR/ (or --check DIR/) for one file per host", len(plans), hostNames(groups))
	}
	for _, p := range plans {
		if err := uniqueFileNames(groups, p.eopt.Target, p.eopt.FirewalldScript); err != nil {
			return err
		}
		if p.eopt.Target == "firewalld" && !p.eopt.FirewalldScript && out.check != "" {
			return usageErr("--check compares one file per host; firewalld XML is a folder per host: use --script, or --host NAME")
		}
	}
	for _, p := range plans {
		if _, err := emit.MakePlan(c.Context, p.homes, p.eopt); err != nil {
			return rulesErr(fmt.Errorf("host %s: %w", p.name, err))
		}
	}
	if out.check == "" {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return &exitError{code: exitInput, msg: cleanPathErr(err).Error() + ": " + dir}
		}
	}
	var stale []string
	for _, p := range plans {
		o := out
		name := filepath.Join(dir, hostFileName(p.name, p.eopt.Target, p.eopt.FirewalldScript))
		if out.check != "" {
			o.check = name
		} else {
			o.file = name
			if p.eopt.Target == "firewalld" && !p.eopt.FirewalldScript {
				o.file += "/"
			}
		}
		err := writeRules(c.Context, p.homes, p.eopt, o)
		var ee *exitError
		if out.check != "" && errors.As(err, &ee) && ee.code == exitFindings {
			stale = append(stale, name)
			continue
		}
		if err != nil {
			return err
		}
	}
	if len(stale) > 0 {
		verb := " is"
		if len(stale) > 1 {
			verb = " are"
		}
		return &exitError{code: exitFindings, msg: strings.Join(stale, ", ") + verb + " out of date: regenerate with the same wso2lint rules command"}
	}
	return nil
}

// rulesOutput says where writeRules puts its result.
type rulesOutput struct {
	stdout, stderr io.Writer
	// check is the committed rules file of --check; "" writes rules instead.
	check string
	// file is -o: a file, or for firewalld XML a directory; "" or "-" is stdout.
	file string
}

// writeRules plans the homes once (so --resolve looks each host name up
// once) and, from that one plan, compares with the --check file, or writes
// the closed-port notes to stderr and the rules to -o or stdout.
func writeRules(ctx context.Context, homes []*model.Home, eopt emit.Options, out rulesOutput) error {
	var committed []byte
	if out.check != "" {
		var err error
		if committed, err = regfile.ReadFile(out.check, 0); err != nil {
			return &exitError{code: exitInput, msg: fmt.Sprintf("%s: %v", out.check, cleanPathErr(err))}
		}
	}
	plan, err := emit.MakePlan(ctx, homes, eopt)
	if err != nil {
		return rulesErr(err)
	}
	if out.check != "" {
		diff, ok, err := emit.CheckPlan(committed, plan, eopt)
		if err != nil {
			return rulesErr(err)
		}
		if !ok {
			fmt.Fprint(out.stdout, diff)
			return &exitError{code: exitFindings, msg: out.check + " is out of date: regenerate it with the same wso2lint rules command"}
		}
		return nil
	}
	data, err := emit.RenderPlan(plan, eopt)
	if err != nil {
		return rulesErr(err)
	}
	for _, n := range planNotes(plan) {
		fmt.Fprintf(out.stderr, "wso2lint: note: %s\n", n)
	}
	if out.file == "" || out.file == "-" {
		_, err := out.stdout.Write(data)
		return err
	}
	if eopt.Target == "firewalld" && !eopt.FirewalldScript {
		return writeFirewalldDir(ctx, out.file, emit.FirewalldFiles(plan, eopt))
	}
	return writeFile(ctx, out.file, data)
}

// writeFirewalldDir writes firewalld's service and zone files under dir
// (services/NAME.xml, zones/NAME.xml, as in /etc/firewalld), each atomically.
// The XML is several files, so -o must name a directory: an existing one, or
// a new one given with a trailing slash.
func writeFirewalldDir(ctx context.Context, dir string, files []emit.File) error {
	fi, err := os.Stat(dir)
	switch {
	case err == nil && !fi.IsDir():
		return usageErr("-o %s: firewalld XML is several files (services/*.xml, zones/*.xml): give -o a directory, or use --script for one file", dir)
	case err != nil && !strings.HasSuffix(dir, "/"):
		return usageErr("-o %s: firewalld XML is several files: give an existing directory, or end the name with / to create it; --script writes one file", dir)
	}
	for _, f := range files {
		p := filepath.Join(dir, filepath.FromSlash(f.Name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return &exitError{code: exitInput, msg: cleanPathErr(err).Error() + ": " + filepath.Dir(p)}
		}
		if err := fileWriter(ctx).Write(ctx, p, []byte(f.Content), 0o644); err != nil {
			return &exitError{code: exitInput, msg: err.Error()}
		}
	}
	return removeStaleFirewalld(dir, files)
}

// removeStaleFirewalld removes the files an earlier run wrote under
// dir/services and dir/zones that this run did not write: regular files named
// wso2lint-*.xml whose second line is the wso2lint marker. Anything else (a
// file of the administrator's, a symbolic link, a file edited so that the
// marker is gone) is left alone.
func removeStaleFirewalld(dir string, files []emit.File) error {
	written := map[string]bool{}
	for _, f := range files {
		written[filepath.FromSlash(f.Name)] = true
	}
	for _, sub := range []string{"services", "zones"} {
		entries, err := os.ReadDir(filepath.Join(dir, sub))
		if err != nil {
			continue // not there: nothing of ours
		}
		for _, e := range entries {
			name := filepath.Join(sub, e.Name())
			if written[name] || !e.Type().IsRegular() || !strings.HasPrefix(e.Name(), "wso2lint-") || !strings.HasSuffix(e.Name(), ".xml") {
				continue
			}
			p := filepath.Join(dir, name)
			if !generatedFirewalld(p) {
				continue
			}
			if err := os.Remove(p); err != nil {
				return &exitError{code: exitInput, msg: "remove stale " + p + ": " + cleanPathErr(err).Error()}
			}
		}
	}
	return nil
}

// generatedFirewalld reports whether the regular file at p starts with the
// XML declaration and the wso2lint marker line, as FirewalldFiles writes.
func generatedFirewalld(p string) bool {
	f, _, err := regfile.OpenNoFollow(p)
	if err != nil {
		return false
	}
	defer f.Close()
	buf := make([]byte, 256)
	n, _ := io.ReadFull(f, buf)
	lines := strings.SplitN(string(buf[:n]), "\n", 3)
	return len(lines) == 3 && strings.HasPrefix(lines[0], "<?xml ") && lines[1] == emit.FirewalldMarker
}

func rulesErr(err error) error {
	var ce *emit.CollisionError
	if errors.As(err, &ce) {
		return &exitError{code: exitFindings, msg: err.Error()}
	}
	return err
}

// planNotes returns what the plan left closed and why, for stderr.
func planNotes(p *emit.Plan) []string {
	var out []string
	for _, cp := range p.Closed {
		port := fmt.Sprint(cp.Port)
		if cp.PortEnd != 0 {
			port += "-" + fmt.Sprint(cp.PortEnd)
		}
		n := fmt.Sprintf("left closed: %s/%s %s (%s): %s", port, cp.Proto, cp.Comment, cp.Class, cp.Reason)
		if cp.Flag != "" {
			n += "; open it with " + cp.Flag
		}
		out = append(out, n)
	}
	return append(out, p.Notes...)
}

// parseAllow parses --allow CLASS=CIDR[,CIDR...] values. A bare address is a
// single-host prefix.
func parseAllow(vals []string) (map[model.Exposure][]netip.Prefix, error) {
	out := map[model.Exposure][]netip.Prefix{}
	for _, v := range vals {
		class, list, ok := strings.Cut(v, "=")
		if !ok || list == "" {
			return nil, usageErr("--allow %q: want CLASS=CIDR[,CIDR...]", v)
		}
		exp, err := model.ParseExposure(strings.TrimSpace(class))
		if err != nil || exp == model.ExposureLocal {
			return nil, usageErr("--allow %q: class must be public, management, cluster or outbound", v)
		}
		for _, s := range strings.Split(list, ",") {
			s = strings.TrimSpace(s)
			p, err := netip.ParsePrefix(s)
			if err != nil {
				a, aerr := netip.ParseAddr(s)
				if aerr != nil {
					return nil, usageErr("--allow %q: %q is not an address or CIDR prefix", v, s)
				}
				if a.Zone() != "" {
					return nil, usageErr("--allow %q: %q has an IPv6 zone (%%%s), which firewall rules cannot match; give the prefix without it", v, s, a.Zone())
				}
				p = netip.PrefixFrom(a, a.BitLen())
			}
			out[exp] = append(out[exp], p.Masked())
		}
	}
	return out, nil
}

func cleanPathErr(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
