package main

import (
	"fmt"
	"net/netip"
	"path/filepath"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/wso2lint/wso2lint/config"
	"github.com/wso2lint/wso2lint/emit"
	"github.com/wso2lint/wso2lint/internal/model"
)

// hostGroup is one host of a run: its name ("" when the configuration
// declares no hosts) and the indexes of its homes in the run's home list.
type hostGroup struct {
	name     string
	declared bool
	homes    []int
}

// groupHosts puts the homes dirs into hosts. When cfg declares hosts, a home
// that a host's homes globs match is on that host and any other home is a
// host of its own, named by its path; a home two hosts match is an input
// error. Otherwise def gives each home's host number (nil: all one host), and
// the hosts have no names, so that findings stay as they were. Hosts come in
// order of their first home in dirs.
func groupHosts(cfg *config.Config, dirs []string, def []int) ([]hostGroup, error) {
	var out []hostGroup
	index := map[string]int{}
	add := func(key, name string, declared bool, i int) {
		g, ok := index[key]
		if !ok {
			g = len(out)
			index[key] = g
			out = append(out, hostGroup{name: name, declared: declared})
		}
		out[g].homes = append(out[g].homes, i)
	}
	if cfg == nil || len(cfg.Hosts) == 0 {
		for i := range dirs {
			n := 0
			if def != nil {
				n = def[i]
			}
			add(fmt.Sprint(n), "", false, i)
		}
		return out, nil
	}
	for i, d := range dirs {
		name, err := cfg.HostOf(d)
		if err != nil {
			return nil, &exitError{code: exitInput, msg: err.Error()}
		}
		if name != "" {
			add("declared:"+name, name, true, i)
			continue
		}
		own := filepath.ToSlash(filepath.Clean(d))
		add("home:"+own, own, false, i)
	}
	return out, nil
}

// selectHost keeps only the host named by --host; without --host it returns
// groups unchanged. An unknown name is a usage error naming the hosts.
func selectHost(c *cli.Context, groups []hostGroup) ([]hostGroup, error) {
	name := c.String("host")
	if name == "" {
		return groups, nil
	}
	for _, g := range groups {
		if g.name == name && (g.name != "" || len(groups) == 1) {
			return []hostGroup{g}, nil
		}
	}
	return nil, usageErr("--host %q: no such host among the homes; the hosts are %s", name, hostNames(groups))
}

// hostNames lists the names of the groups for a message.
func hostNames(groups []hostGroup) string {
	var names []string
	for _, g := range groups {
		if g.name != "" {
			names = append(names, g.name)
		}
	}
	if len(names) == 0 {
		return "none declared (.wso2lint.yaml has no hosts:)"
	}
	return strings.Join(names, ", ")
}

// hostFlag is --host NAME, shared by lint and rules.
func hostFlag() cli.Flag {
	return &cli.StringFlag{Name: "host", Usage: "check only the host `NAME` declared in .wso2lint.yaml hosts: (or a home that is a host of its own, by its path)"}
}

// firewallPolicy is the emit options of one host: the committed policy of
// .wso2lint.yaml (the host's own firewall keys, the rest from the top-level
// firewall), with every flag given on the command line overriding it. An
// --allow CLASS=... replaces that class of the file's allow. File names the
// configuration file in errors about its values.
func firewallPolicy(c *cli.Context, fw *config.Firewall, file string) (emit.Options, error) {
	if fw == nil {
		fw = &config.Firewall{}
	}
	opt := emit.Options{Resolve: c.Bool("resolve"), FirewalldScript: c.Bool("script")}
	switch {
	case c.String("target") != "":
		opt.Target = c.String("target")
		if _, ok := emit.Lookup(opt.Target); !ok {
			return opt, usageErr("--target %q: want one of %s", opt.Target, strings.Join(emit.Targets(), ", "))
		}
	case fw.Target != "":
		opt.Target = fw.Target
		if _, ok := emit.Lookup(opt.Target); !ok {
			return opt, &exitError{code: exitInput, msg: fmt.Sprintf("%s:%d: unknown firewall target %q (want one of %s)", file, fw.TargetLine, opt.Target, strings.Join(emit.Targets(), ", "))}
		}
	default:
		return opt, usageErr("--target is required: one of %s", strings.Join(emit.Targets(), ", "))
	}
	opt.Mode = c.String("mode")
	if !c.IsSet("mode") && fw.Mode != "" {
		opt.Mode = fw.Mode
	}
	if opt.Mode != emit.ModeStandalone && opt.Mode != emit.ModeFragment {
		return opt, usageErr("--mode %q: want standalone or fragment", opt.Mode)
	}
	flagAllow, err := parseAllow(c.StringSlice("allow"))
	if err != nil {
		return opt, err
	}
	opt.Allow = map[model.Exposure][]netip.Prefix{}
	for cl, ps := range fw.Allow {
		opt.Allow[cl] = ps
	}
	for cl, ps := range flagAllow {
		opt.Allow[cl] = ps
	}
	if p := c.Int("ssh-port"); p < 1 || p > 65535 {
		return opt, usageErr("--ssh-port %d: want a port from 1 to 65535", p)
	}
	if c.Bool("no-ssh") && c.IsSet("ssh-port") {
		return opt, usageErr("--no-ssh and --ssh-port contradict each other: give one")
	}
	opt.SSHPort = c.Int("ssh-port")
	if !c.IsSet("ssh-port") && fw.SSHPort != nil {
		opt.SSHPort = *fw.SSHPort
	}
	switch {
	case c.IsSet("no-ssh"):
		opt.NoSSH = c.Bool("no-ssh")
	case c.IsSet("ssh-port"):
		opt.NoSSH = false
	case fw.NoSSH != nil:
		opt.NoSSH = *fw.NoSSH
	}
	opt.Egress = c.Bool("egress")
	if !c.IsSet("egress") && fw.Egress != nil {
		opt.Egress = *fw.Egress
	}
	if len(opt.Allow[model.ExposureOutbound]) > 0 && !opt.Egress {
		if len(flagAllow[model.ExposureOutbound]) > 0 {
			return opt, usageErr("--allow outbound=... limits outbound rules, which only --egress writes: add --egress")
		}
		return opt, &exitError{code: exitInput, msg: fmt.Sprintf("%s: firewall allow outbound limits outbound rules, which only egress: true writes", file)}
	}
	return opt, nil
}

// hostFileName is the file name of a host's rules under -o DIR/: the host's
// name with each slash of an undeclared home's path made a dash, and the
// target's extension.
func hostFileName(name, target string, script bool) string {
	base := strings.Trim(strings.ReplaceAll(name, "/", "-"), ".-")
	if base == "" {
		base = "host"
	}
	switch {
	case target == "nftables":
		return base + ".nft"
	case target == "firewalld" && !script:
		return base // a folder of services/ and zones/
	case target == "firewalld":
		return base + ".sh"
	}
	return base + ".rules" // iptables, ip6tables: iptables-restore input
}

// uniqueFileNames reports two hosts whose rules would go to the same file.
func uniqueFileNames(groups []hostGroup, target string, script bool) error {
	seen := map[string]string{}
	for _, g := range groups {
		f := hostFileName(g.name, target, script)
		if other, dup := seen[f]; dup {
			return usageErr("hosts %q and %q would both be written to %s: declare them in .wso2lint.yaml hosts: with distinct names", other, g.name, f)
		}
		seen[f] = g.name
	}
	return nil
}
