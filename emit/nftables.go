package emit

import (
	"fmt"
	"io"
	"net/netip"
	"strings"

	"github.com/wso2lint/wso2lint/internal/model"
)

// nftables renders a Plan as an nft -f file: in standalone mode one inet table
// named wso2lint that the file deletes and redefines; in fragment mode the
// chains wso2lint-in (and wso2lint-out) to include inside an existing table.
type nftables struct{}

// Name returns "nftables".
func (nftables) Name() string { return "nftables" }

// ICMP types a host needs, for nft.
const (
	nftICMPIn    = "icmp type { echo-request, destination-unreachable, time-exceeded, parameter-problem } accept"
	nftICMPv6In  = "icmpv6 type { echo-request, destination-unreachable, packet-too-big, time-exceeded, parameter-problem, nd-router-solicit, nd-router-advert, nd-neighbor-solicit, nd-neighbor-advert, mld-listener-query, mld-listener-report, mld-listener-done, mld2-listener-report } accept"
	nftICMPv6Out = "icmpv6 type { nd-router-solicit, nd-neighbor-solicit, nd-neighbor-advert, mld-listener-report, mld-listener-done, mld2-listener-report } accept"
	// IGMP is to IPv4 multicast what MLD is to IPv6: queries come in, reports
	// and leaves go out; without them an IGMP-snooping switch stops forwarding
	// the Hazelcast multicast group to the node.
	nftIGMP = "ip protocol igmp accept"
)

// Emit writes the nft file.
func (nftables) Emit(w io.Writer, p *Plan, opt Options) error {
	lw := &lineWriter{w: w}
	if opt.mode() == ModeFragment {
		lw.hashHeader(headerLines("wso2lint nftables fragment", nftFragmentHowto(opt), p))
		lw.line("")
		nftChains(lw, p, opt, "")
		return lw.err
	}
	lw.hashHeader(headerLines("wso2lint nftables ruleset (standalone)", nftStandaloneHowto(opt), p))
	lw.line("")
	lw.line("table inet wso2lint {}")
	lw.line("delete table inet wso2lint")
	lw.line("")
	lw.line("table inet wso2lint {")
	lw.line("\tchain input {")
	lw.line("\t\ttype filter hook input priority filter; policy drop;")
	lw.line("\t\tiif lo accept")
	lw.line("\t\tct state invalid drop")
	lw.line("\t\tct state established,related accept")
	lw.line("\t\t" + nftICMPIn)
	lw.line("\t\t" + nftICMPv6In)
	lw.line("\t\t" + nftIGMP)
	if ssh := opt.sshPort(); ssh != 0 {
		lw.printf("\t\ttcp dport %d accept comment \"ssh\"\n", ssh)
	}
	lw.line("\t\tjump wso2lint-in")
	lw.line("\t}")
	if opt.Egress {
		lw.line("")
		lw.line("\tchain output {")
		lw.line("\t\ttype filter hook output priority filter; policy drop;")
		lw.line("\t\toif lo accept")
		lw.line("\t\tct state invalid drop")
		lw.line("\t\tct state established,related accept")
		lw.line("\t\t" + nftICMPv6Out)
		lw.line("\t\t" + nftIGMP)
		lw.line("\t\tudp dport 53 accept comment \"dns\"")
		lw.line("\t\ttcp dport 53 accept comment \"dns\"")
		lw.line("\t\tjump wso2lint-out")
		lw.line("\t}")
	}
	lw.line("")
	nftChains(lw, p, opt, "\t")
	lw.line("}")
	return lw.err
}

func nftStandaloneHowto(opt Options) []string {
	h := []string{
		"load: nft -f FILE (replaces table inet wso2lint only; loading twice gives the same result)",
		"input policy drop: loopback, established/related, needed ICMP/ICMPv6, IGMP" + sshText(opt) + " accepted",
		"a drop in any other table still drops: remove other input filtering or use fragment mode",
	}
	if opt.Egress {
		h = append(h, "output policy drop: loopback, established/related, ICMPv6 neighbour discovery and MLD, IGMP, DNS and wso2lint-out accepted")
	}
	return h
}

func nftFragmentHowto(opt Options) []string {
	h := []string{
		"chains to include inside your own inet table (nftables cannot jump between tables), e.g.:",
		"  table inet filter {",
		"    include \"/etc/nftables.d/wso2lint.nft\"",
		"    chain input { type filter hook input priority filter; policy drop; ct state established,related accept; jump wso2lint-in; }",
	}
	if opt.Egress {
		h = append(h, "    chain output { type filter hook output priority filter; policy drop; ct state established,related accept; jump wso2lint-out; }")
	}
	return append(h, "  }",
		"reload the whole ruleset (a file starting with flush ruleset) so these chains are replaced, not appended")
}

func sshText(opt Options) string {
	if p := opt.sshPort(); p != 0 {
		return fmt.Sprintf(", ssh %d/tcp", p)
	}
	return ""
}

func nftChains(lw *lineWriter, p *Plan, opt Options, ind string) {
	lw.line(ind + "chain wso2lint-in {")
	for _, r := range p.Rules {
		if r.Dir == model.DirIn {
			for _, l := range nftRuleLines(r) {
				lw.line(ind + "\t" + l)
			}
		}
	}
	lw.line(ind + "}")
	if !opt.Egress {
		return
	}
	lw.line("")
	lw.line(ind + "chain wso2lint-out {")
	for _, r := range p.Rules {
		if r.Dir == model.DirOut {
			for _, l := range nftRuleLines(r) {
				lw.line(ind + "\t" + l)
			}
		}
	}
	for _, c := range p.Closed {
		if c.Dir == model.DirOut {
			lw.line(ind + "\t# closed, " + c.Reason + "; open with " + c.Flag + ":")
			lw.printf("%s\t# %s dport %s accept comment \"%s\"\n", ind, c.Proto, nftPorts(c.Port, c.PortEnd), Sanitize(c.Comment, nftCommentMax-1))
		}
	}
	lw.line(ind + "}")
}

// nftRuleLines renders one rule: one line when it applies to any address,
// else one line per address family that has prefixes.
func nftRuleLines(r Rule) []string {
	tail := fmt.Sprintf("%s dport %s accept comment \"%s\"", r.Proto, nftPorts(r.Port, r.PortEnd), Sanitize(r.Comment, nftCommentMax-1))
	if len(r.Sources) == 0 {
		return []string{tail}
	}
	dir := "saddr"
	if r.Dir == model.DirOut {
		dir = "daddr"
	}
	var out []string
	if v4 := family(r.Sources, false); len(v4) > 0 {
		out = append(out, "ip "+dir+" "+nftSet(v4)+" "+tail)
	}
	if v6 := family(r.Sources, true); len(v6) > 0 {
		out = append(out, "ip6 "+dir+" "+nftSet(v6)+" "+tail)
	}
	return out
}

func nftSet(ps []netip.Prefix) string {
	s := make([]string, len(ps))
	for i, p := range ps {
		s[i] = prefixText(p)
	}
	if len(s) == 1 {
		return s[0]
	}
	return "{ " + strings.Join(s, ", ") + " }"
}

// prefixText writes a single address without its /32 or /128.
func prefixText(p netip.Prefix) string {
	if p.IsSingleIP() {
		return p.Addr().String()
	}
	return p.String()
}

func nftPorts(p, end model.Port) string { return portText(p, end) }
