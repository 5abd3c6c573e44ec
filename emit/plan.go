package emit

import (
	"context"
	"fmt"
	"net"
	"net/netip"
	"sort"
	"strconv"
	"strings"

	"github.com/wso2lint/wso2lint/internal/model"
)

// Rule is one backend-neutral accept rule.
type Rule struct {
	// Port and PortEnd are the effective port or range (PortEnd 0: single port).
	Port, PortEnd model.Port
	// Proto is tcp or udp.
	Proto model.Protocol
	// Dir is DirIn (input chain) or DirOut (output chain, Egress only).
	Dir model.Direction
	// Class is the exposure class that chose the sources.
	Class model.Exposure
	// Sources are the allowed source prefixes for DirIn, or destination prefixes
	// for DirOut; empty means any. IPv4 prefixes go only into IPv4 rules and IPv6
	// prefixes only into IPv6 rules. Sorted, masked, without duplicates.
	Sources []netip.Prefix
	// Comment names the first listener (service id, home, file:line) and how many
	// more share the rule; sanitised, not yet cut to a backend's limit.
	Comment string
	// Group is "home/profile" of the first listener (firewalld service grouping).
	Group string
}

// ClosedPort is a listener (or outbound connection) that the plan leaves closed.
type ClosedPort struct {
	// Port, PortEnd, Proto, Dir and Class are as in Rule.
	Port, PortEnd model.Port
	Proto         model.Protocol
	Dir           model.Direction
	Class         model.Exposure
	// Comment is as in Rule.
	Comment string
	// Reason says why the port is closed, lower case.
	Reason string
	// Flag is the command-line flag that would open it; empty when nothing does.
	Flag string
}

// Plan is the sorted, merged set of rules for one host.
type Plan struct {
	// Rules sorted by direction, protocol, port, range end, class and sources.
	Rules []Rule
	// Closed sorted the same way.
	Closed []ClosedPort
	// Notes are remarks for people, in input order without duplicates.
	Notes []string
}

// MakePlan builds the plan for the homes of one host. It returns a
// *CollisionError when listeners collide, and an error when options are invalid
// or a host name cannot be resolved while opt.Resolve is set.
func MakePlan(ctx context.Context, homes []*model.Home, opt Options) (*Plan, error) {
	if err := opt.Validate(); err != nil {
		return nil, err
	}
	if cs := model.Collisions(homes); len(cs) > 0 {
		return nil, &CollisionError{Collisions: cs}
	}
	b := &planBuilder{opt: opt, rules: map[string]int{}, closed: map[string]int{}}
	for _, h := range homes {
		for si := range h.Servers {
			s := &h.Servers[si]
			for _, l := range s.Listeners {
				if err := b.add(ctx, h, s, l); err != nil {
					return nil, err
				}
			}
			b.unresolved(h, s)
		}
	}
	return b.finish(), nil
}

type planBuilder struct {
	opt    Options
	plan   Plan
	rules  map[string]int // merge key -> index in plan.Rules (lookup only)
	counts []int
	closed map[string]int
	ccount []int
	notes  map[string]bool
}

func (b *planBuilder) note(format string, args ...any) {
	n := Sanitize(fmt.Sprintf(format, args...), 0)
	if b.notes == nil {
		b.notes = map[string]bool{}
	}
	if !b.notes[n] {
		b.notes[n] = true
		b.plan.Notes = append(b.plan.Notes, n)
	}
}

func (b *planBuilder) add(ctx context.Context, h *model.Home, s *model.Server, l model.Listener) error {
	if !l.Enabled {
		return nil
	}
	o := listenerOrigin(h, s, l)
	switch l.Dir {
	case model.DirIn:
	case model.DirOut:
		if !b.opt.Egress {
			return nil
		}
	case model.DirDevice:
		b.note("%s: port %s is used by client devices towards a third party, not a rule for this host", o.text(), portText(l.Port(), l.PortEnd()))
		return nil
	default:
		b.note("%s: unknown direction, skipped", o.text())
		return nil
	}
	if l.Proto != model.ProtoTCP && l.Proto != model.ProtoUDP {
		b.note("%s: unknown protocol, skipped", o.text())
		return nil
	}
	r := Rule{Port: l.Port(), PortEnd: l.PortEnd(), Proto: l.Proto, Dir: l.Dir, Class: l.Exposure,
		Comment: Sanitize(o.text(), 0), Group: Sanitize(o.home+"/"+o.profile, 0)}
	if !r.Port.Valid() || (r.PortEnd != 0 && (!r.PortEnd.Valid() || r.PortEnd < r.Port)) {
		b.note("%s: port %s out of range 1-65535, skipped", o.text(), portText(r.Port, r.PortEnd))
		return nil
	}
	// A port or offset that deployment.toml takes from the environment is
	// known only where the server runs: a rule for the default would open a
	// port nothing listens on and leave the real one shut.
	if expr := runtimeValue(s, l); expr != "" {
		b.close(r, "port given through "+expr+", known only at run time", "a literal port in deployment.toml")
		return nil
	}
	if expr := runtimeOffset(s); expr != "" && l.Offsetable {
		b.close(r, "port offset given through "+expr+", known only at run time", "a literal [server] offset or --offset")
		return nil
	}
	if l.Dir == model.DirOut {
		return b.addOut(ctx, r, l)
	}
	return b.addIn(r, l)
}

func (b *planBuilder) addIn(r Rule, l model.Listener) error {
	if l.BindAddr.IsLoopback() {
		b.close(r, "bound to loopback address "+l.Bind, "")
		return nil
	}
	switch r.Class {
	case model.ExposurePublic:
		r.Sources = normalize(b.opt.Allow[model.ExposurePublic])
	case model.ExposureLocal:
		b.close(r, "local class: reachable from this host only", "")
		return nil
	case model.ExposureManagement, model.ExposureCluster:
		r.Sources = normalize(b.opt.Allow[r.Class])
		if len(r.Sources) == 0 {
			b.close(r, "no source given for class "+r.Class.String(), allowFlag(r.Class))
			return nil
		}
	default:
		// An unclassified listener is treated as management: closed unless
		// management sources are given.
		r.Class = model.ExposureManagement
		r.Sources = normalize(b.opt.Allow[r.Class])
		if len(r.Sources) == 0 {
			b.close(r, "exposure class unknown, handled as management", allowFlag(r.Class))
			return nil
		}
	}
	b.rule(r)
	b.clusterEgress(r, l)
	return nil
}

// clusterEgress adds, with Egress, the outbound side of Hazelcast
// clustering, which the configuration implies but names no peer for: a member
// connects to the other members on their member ports (the cluster sources),
// and multicast discovery sends to the multicast group on its port.
func (b *planBuilder) clusterEgress(in Rule, l model.Listener) {
	if !b.opt.Egress {
		return
	}
	out := in
	out.Dir = model.DirOut
	switch l.ID {
	case model.SvcHazelcastMember:
		out.Comment = Sanitize(in.Comment+" (to the other members)", 0)
	case model.SvcHazelcastMcast:
		out.Sources = normalize([]netip.Prefix{netip.MustParsePrefix("224.0.0.0/4"), netip.MustParsePrefix("ff00::/8")})
		out.Comment = Sanitize(in.Comment+" (multicast discovery)", 0)
	default:
		return
	}
	b.rule(out)
}

func (b *planBuilder) addOut(ctx context.Context, r Rule, l model.Listener) error {
	r.Class = model.ExposureOutbound
	host := strings.TrimSuffix(strings.TrimPrefix(strings.TrimSpace(l.Host), "["), "]")
	const flag = "--resolve or --allow outbound=CIDR"
	if host == "" {
		if r.Sources = normalize(b.opt.Allow[model.ExposureOutbound]); len(r.Sources) == 0 {
			b.close(r, "destination host unknown", "--allow outbound=CIDR")
			return nil
		}
		b.rule(r)
		return nil
	}
	// A destination is one peer: a configured value that looks like a network
	// prefix (SyslogHost=0.0.0.0/0) would open a whole range; only a block
	// wso2lint itself knows (HostIsRange, APNs) is a prefix. It is handled as
	// a destination that cannot be resolved: the operator's --allow outbound
	// prefixes, else closed with the reason (never resolved through DNS).
	if looksLikePrefix(host) {
		if p, err := netip.ParsePrefix(host); err == nil && l.HostIsRange {
			r.Sources = normalize([]netip.Prefix{p})
			b.rule(r)
			return nil
		}
		if r.Sources = normalize(b.opt.Allow[model.ExposureOutbound]); len(r.Sources) > 0 {
			b.rule(r)
			return nil
		}
		b.close(r, "destination "+host+" is a network prefix, not a host address or name", "--allow outbound=CIDR")
		return nil
	}
	if a, err := netip.ParseAddr(host); err == nil {
		a = a.WithZone("")
		r.Sources = normalize([]netip.Prefix{netip.PrefixFrom(a, a.BitLen())})
		b.rule(r)
		return nil
	}
	if strings.EqualFold(host, "localhost") {
		r.Sources = normalize([]netip.Prefix{netip.MustParsePrefix("127.0.0.1/32"), netip.MustParsePrefix("::1/128")})
		b.rule(r)
		return nil
	}
	if b.opt.Resolve {
		addrs, err := b.lookup(ctx, host)
		if err != nil {
			return fmt.Errorf("resolve %q for %s: %w", host, r.Comment, err)
		}
		var ps []netip.Prefix
		for _, a := range addrs {
			a = a.Unmap().WithZone("")
			ps = append(ps, netip.PrefixFrom(a, a.BitLen()))
		}
		if r.Sources = normalize(ps); len(r.Sources) == 0 {
			return fmt.Errorf("resolve %q for %s: no addresses", host, r.Comment)
		}
		b.rule(r)
		return nil
	}
	if r.Sources = normalize(b.opt.Allow[model.ExposureOutbound]); len(r.Sources) > 0 {
		b.rule(r)
		return nil
	}
	b.close(r, "destination "+host+" not resolved", flag)
	return nil
}

// looksLikePrefix reports whether host is written as ADDRESS/BITS, valid or
// not ("0.0.0.0/0", "10.0.0.0/33").
func looksLikePrefix(host string) bool {
	addr, _, ok := strings.Cut(host, "/")
	_, err := netip.ParseAddr(addr)
	return ok && err == nil
}

func (b *planBuilder) lookup(ctx context.Context, host string) ([]netip.Addr, error) {
	if b.opt.LookupHost != nil {
		return b.opt.LookupHost(ctx, host)
	}
	return net.DefaultResolver.LookupNetIP(ctx, "ip", host)
}

// ruleKey identifies rules that merge: same direction, protocol, ports, class and sources.
func ruleKey(r Rule) string {
	var k strings.Builder
	fmt.Fprintf(&k, "%d/%d/%d/%d/%d", r.Dir, r.Proto, r.Port, r.PortEnd, r.Class)
	for _, p := range r.Sources {
		k.WriteString(" " + p.String())
	}
	return k.String()
}

func (b *planBuilder) rule(r Rule) {
	k := ruleKey(r)
	if i, ok := b.rules[k]; ok {
		b.counts[i]++
		return
	}
	b.rules[k] = len(b.plan.Rules)
	b.plan.Rules = append(b.plan.Rules, r)
	b.counts = append(b.counts, 1)
}

func (b *planBuilder) close(r Rule, reason, flag string) {
	c := ClosedPort{Port: r.Port, PortEnd: r.PortEnd, Proto: r.Proto, Dir: r.Dir, Class: r.Class,
		Comment: r.Comment, Reason: Sanitize(reason, 0), Flag: flag}
	k := fmt.Sprintf("%d/%d/%d/%d/%d/%s", c.Dir, c.Proto, c.Port, c.PortEnd, c.Class, c.Reason)
	if i, ok := b.closed[k]; ok {
		b.ccount[i]++
		return
	}
	b.closed[k] = len(b.plan.Closed)
	b.plan.Closed = append(b.plan.Closed, c)
	b.ccount = append(b.ccount, 1)
}

func (b *planBuilder) finish() *Plan {
	p := &b.plan
	for i := range p.Rules {
		p.Rules[i].Comment = withCount(p.Rules[i].Comment, b.counts[i])
	}
	for i := range p.Closed {
		p.Closed[i].Comment = withCount(p.Closed[i].Comment, b.ccount[i])
	}
	sort.SliceStable(p.Rules, func(i, j int) bool { return lessRule(p.Rules[i], p.Rules[j]) })
	sort.SliceStable(p.Closed, func(i, j int) bool {
		a, c := p.Closed[i], p.Closed[j]
		return lessRule(Rule{Dir: a.Dir, Proto: a.Proto, Port: a.Port, PortEnd: a.PortEnd, Class: a.Class},
			Rule{Dir: c.Dir, Proto: c.Proto, Port: c.Port, PortEnd: c.PortEnd, Class: c.Class})
	})
	return p
}

func withCount(comment string, n int) string {
	if n <= 1 {
		return comment
	}
	return comment + " (+" + strconv.Itoa(n-1) + " more)"
}

func lessRule(a, b Rule) bool {
	if a.Dir != b.Dir {
		return a.Dir < b.Dir
	}
	if a.Proto != b.Proto {
		return a.Proto < b.Proto
	}
	if a.Port != b.Port {
		return a.Port < b.Port
	}
	if a.PortEnd != b.PortEnd {
		return a.PortEnd < b.PortEnd
	}
	if a.Class != b.Class {
		return a.Class < b.Class
	}
	return ruleKey(a) < ruleKey(b)
}

// normalize masks, unmaps, de-duplicates and sorts prefixes (IPv4 first).
func normalize(ps []netip.Prefix) []netip.Prefix {
	var out []netip.Prefix
	for _, p := range ps {
		if !p.IsValid() {
			continue
		}
		a, bits := p.Addr(), p.Bits()
		if a.Is4In6() {
			a, bits = a.Unmap(), max(bits-96, 0)
		}
		q := netip.PrefixFrom(a.WithZone(""), bits).Masked()
		dup := false
		for _, o := range out {
			if o == q {
				dup = true
			}
		}
		if !dup {
			out = append(out, q)
		}
	}
	// Drop prefixes covered by a wider one: same addresses, and nft sets reject
	// overlapping intervals.
	kept := out[:0:0]
	for i, p := range out {
		covered := false
		for j, q := range out {
			if i != j && q.Bits() < p.Bits() && q.Contains(p.Addr()) {
				covered = true
			}
		}
		if !covered {
			kept = append(kept, p)
		}
	}
	out = kept
	sort.Slice(out, func(i, j int) bool {
		if c := out[i].Addr().Compare(out[j].Addr()); c != 0 {
			return c < 0
		}
		return out[i].Bits() < out[j].Bits()
	})
	return out
}

// family returns the prefixes of one family: v6 false for IPv4, true for IPv6.
func family(ps []netip.Prefix, v6 bool) []netip.Prefix {
	var out []netip.Prefix
	for _, p := range ps {
		if p.Addr().Is6() == v6 {
			out = append(out, p)
		}
	}
	return out
}

// portText formats a port or range as "9443" or "4000-4002".
func portText(p, end model.Port) string {
	if end == 0 || end == p {
		return strconv.Itoa(int(p))
	}
	return strconv.Itoa(int(p)) + "-" + strconv.Itoa(int(end))
}

// unresolved notes every configuration placeholder of s that did not resolve
// (a ${...} of a Carbon 4.4.x file, a $ref{...} of deployment.toml): a
// listener whose port it gives is missing from the plan. References to the
// environment are not among them (ports given so are closed with a reason).
func (b *planBuilder) unresolved(h *model.Home, s *model.Server) {
	for _, r := range s.Unresolved {
		if !strings.HasPrefix(r.Expr, "${") && !strings.HasPrefix(r.Expr, "$ref{") {
			continue
		}
		name := strings.TrimSuffix(strings.TrimPrefix(strings.TrimPrefix(r.Expr, "$ref{"), "${"), "}")
		o := origin{id: "placeholder " + name, home: homeName(h.Dir), profile: s.Profile, file: r.Pos.File, line: r.Pos.Line}
		b.note("%s: not resolved, so a port it gives has no rule (WL106)", o.text())
	}
}

// runtimeValue returns the $env{...} or $sys{...} reference that gives the
// port of l, or "".
func runtimeValue(s *model.Server, l model.Listener) string {
	if l.Configured == "" {
		return ""
	}
	return s.RuntimeAt(l.Source)
}

// runtimeOffset returns the $env{...} or $sys{...} reference that gives the
// server's deployment.toml offset, or "" when the offset is known. An offset
// from --offset or the start script wins over the toml, and is known.
func runtimeOffset(s *model.Server) string {
	if s.Offset.Origin == model.OriginFlag || s.Offset.Origin == model.OriginConfig || s.Offset.Origin == model.OriginScript {
		return ""
	}
	return s.RuntimeOffset()
}
