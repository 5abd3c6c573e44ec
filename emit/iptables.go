package emit

import (
	"fmt"
	"io"
	"strings"

	"github.com/wso2lint/wso2lint/internal/model"
)

// iptables renders a Plan as iptables-restore (v6 false) or ip6tables-restore
// (v6 true) input for the filter table, with its own chains WSO2LINT-IN and
// WSO2LINT-OUT.
type iptables struct{ v6 bool }

// Name returns "iptables" or "ip6tables".
func (t iptables) Name() string {
	if t.v6 {
		return "ip6tables"
	}
	return "iptables"
}

// Chain names.
const (
	iptChainIn  = "WSO2LINT-IN"
	iptChainOut = "WSO2LINT-OUT"
)

func (t iptables) icmpIn() []string {
	if !t.v6 {
		// IGMP (queries) as MLD for IPv6: multicast membership behind snooping switches.
		return append(prefixAll("-p icmp -m icmp --icmp-type ", []string{"echo-request", "destination-unreachable", "time-exceeded", "parameter-problem"}),
			"-p igmp")
	}
	// 130-132 and 143 are MLD query, report, done and MLDv2 report.
	return prefixAll("-p ipv6-icmp -m icmp6 --icmpv6-type ", []string{"echo-request", "destination-unreachable", "packet-too-big",
		"time-exceeded", "parameter-problem", "router-solicitation", "router-advertisement", "neighbour-solicitation",
		"neighbour-advertisement", "130", "131", "132", "143"})
}

func (t iptables) icmpOut() []string {
	if !t.v6 {
		return []string{"-p igmp"} // reports and leaves, as MLD for IPv6
	}
	return prefixAll("-p ipv6-icmp -m icmp6 --icmpv6-type ", []string{"router-solicitation", "neighbour-solicitation",
		"neighbour-advertisement", "131", "132", "143"})
}

func prefixAll(p string, xs []string) []string {
	out := make([]string, len(xs))
	for i, x := range xs {
		out[i] = p + x
	}
	return out
}

// Emit writes the restore file.
func (t iptables) Emit(w io.Writer, p *Plan, opt Options) error {
	lw := &lineWriter{w: w}
	restore := t.Name() + "-restore"
	fragment := opt.mode() == ModeFragment
	if fragment {
		lw.hashHeader(headerLines(fmt.Sprintf("wso2lint %s fragment: chains %s%s", t.Name(), iptChainIn, outText(opt)), []string{
			"load: " + restore + " --noflush FILE (declaring a chain flushes it, so reloading replaces its rules)",
			"hook it once into your ruleset, after your established/related rule:",
			"  " + t.Name() + " -A INPUT -j " + iptChainIn + egressHook(opt, t.Name()),
		}, p))
	} else {
		howto := []string{
			"load: " + restore + " FILE (replaces the whole filter table; loading twice gives the same result)",
			"input policy drop: loopback, established/related, needed ICMP" + igmpText(t.v6) + sshText(opt) + " accepted",
		}
		if opt.Egress {
			howto = append(howto, "output policy drop: loopback, established/related, "+outMcastText(t.v6)+"DNS and "+iptChainOut+" accepted")
		}
		lw.hashHeader(headerLines(fmt.Sprintf("wso2lint %s ruleset (standalone)", t.Name()), howto, p))
	}
	lw.line("*filter")
	if !fragment {
		lw.line(":INPUT DROP [0:0]")
		if opt.Egress {
			lw.line(":OUTPUT DROP [0:0]")
		} else {
			lw.line(":OUTPUT ACCEPT [0:0]")
		}
	}
	lw.line(":" + iptChainIn + " - [0:0]")
	if opt.Egress {
		lw.line(":" + iptChainOut + " - [0:0]")
	}
	if !fragment {
		lw.line("-A INPUT -i lo -j ACCEPT")
		lw.line("-A INPUT -m conntrack --ctstate INVALID -j DROP")
		lw.line("-A INPUT -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT")
		for _, r := range t.icmpIn() {
			lw.line("-A INPUT " + r + " -j ACCEPT")
		}
		if ssh := opt.sshPort(); ssh != 0 {
			lw.printf("-A INPUT -p tcp -m tcp --dport %d -m comment --comment \"ssh\" -j ACCEPT\n", ssh)
		}
		lw.line("-A INPUT -j " + iptChainIn)
		if opt.Egress {
			lw.line("-A OUTPUT -o lo -j ACCEPT")
			lw.line("-A OUTPUT -m conntrack --ctstate INVALID -j DROP")
			lw.line("-A OUTPUT -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT")
			for _, r := range t.icmpOut() {
				lw.line("-A OUTPUT " + r + " -j ACCEPT")
			}
			lw.line("-A OUTPUT -p udp -m udp --dport 53 -m comment --comment \"dns\" -j ACCEPT")
			lw.line("-A OUTPUT -p tcp -m tcp --dport 53 -m comment --comment \"dns\" -j ACCEPT")
			lw.line("-A OUTPUT -j " + iptChainOut)
		}
	}
	for _, r := range p.Rules {
		for _, l := range t.ruleLines(r) {
			lw.line(l)
		}
	}
	if opt.Egress {
		for _, c := range p.Closed {
			if c.Dir == model.DirOut {
				lw.line("# closed, " + c.Reason + "; open with " + c.Flag + ":")
				lw.printf("# -A %s -p %s -m %s --dport %s -m comment --comment \"%s\" -j ACCEPT\n", iptChainOut, c.Proto, c.Proto,
					iptPorts(c.Port, c.PortEnd), Sanitize(c.Comment, iptablesCommentMax-1))
			}
		}
	}
	lw.line("COMMIT")
	return lw.err
}

func outText(opt Options) string {
	if opt.Egress {
		return " and " + iptChainOut
	}
	return ""
}

func egressHook(opt Options, cmd string) string {
	if opt.Egress {
		return "; " + cmd + " -A OUTPUT -j " + iptChainOut
	}
	return ""
}

// ruleLines renders one rule for this family: one line per prefix of the
// family, one line for any address, none when the rule only names prefixes of
// the other family.
func (t iptables) ruleLines(r Rule) []string {
	chain, flag := iptChainIn, "-s"
	if r.Dir == model.DirOut {
		chain, flag = iptChainOut, "-d"
	}
	tail := fmt.Sprintf("-p %s -m %s --dport %s -m comment --comment \"%s\" -j ACCEPT", r.Proto, r.Proto,
		iptPorts(r.Port, r.PortEnd), Sanitize(r.Comment, iptablesCommentMax-1))
	if len(r.Sources) == 0 {
		return []string{"-A " + chain + " " + tail}
	}
	var out []string
	for _, p := range family(r.Sources, t.v6) {
		out = append(out, "-A "+chain+" "+flag+" "+p.String()+" "+tail)
	}
	return out
}

func iptPorts(p, end model.Port) string { return strings.ReplaceAll(portText(p, end), "-", ":") }

func igmpText(v6 bool) string {
	if v6 {
		return " (with MLD)"
	}
	return ", IGMP"
}

func outMcastText(v6 bool) string {
	if v6 {
		return "ICMPv6 neighbour discovery and MLD, "
	}
	return "IGMP, "
}
