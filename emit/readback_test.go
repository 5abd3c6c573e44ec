package emit

import (
	"encoding/json"
	"fmt"
	"net/netip"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/wso2lint/wso2lint/internal/model"
)

// accepted is one accept rule of wso2lint's chains as the kernel holds it:
// for one address family, one direction, one protocol and port or range, and
// one source (inbound) or destination (outbound) prefix, or any address.
type accepted struct {
	Family  string // "ip" or "ip6"
	Dir     string // "in" or "out"
	Proto   string // "tcp" or "udp"
	Port    int
	PortEnd int    // 0: a single port
	Addr    string // prefix, "" for any address
}

func (a accepted) String() string {
	return fmt.Sprintf("%s %s %s %d-%d %s", a.Family, a.Dir, a.Proto, a.Port, a.PortEnd, a.Addr)
}

func sortAccepted(as []accepted) []accepted {
	sort.Slice(as, func(i, j int) bool { return as[i].String() < as[j].String() })
	return as
}

// planAccepts lists what a plan must put into the kernel: a rule without
// sources accepts any address of both families; a rule with sources accepts
// each source prefix in its own family only.
func planAccepts(p *Plan) []accepted {
	var out []accepted
	for _, r := range p.Rules {
		dir := "in"
		if r.Dir == model.DirOut {
			dir = "out"
		}
		base := accepted{Dir: dir, Proto: r.Proto.String(), Port: int(r.Port), PortEnd: int(r.PortEnd)}
		if base.PortEnd == base.Port {
			base.PortEnd = 0
		}
		for _, fam := range []string{"ip", "ip6"} {
			a := base
			a.Family = fam
			if len(r.Sources) == 0 {
				out = append(out, a)
				continue
			}
			for _, s := range r.Sources {
				if s.Addr().Is4() == (fam == "ip") {
					a.Addr = s.Masked().String()
					out = append(out, a)
				}
			}
		}
	}
	return sortAccepted(out)
}

// ---- nftables: nft -j list ruleset

type nftObject struct {
	Chain *nftChain `json:"chain"`
	Rule  *nftRule  `json:"rule"`
}

type nftChain struct {
	Family string `json:"family"`
	Table  string `json:"table"`
	Name   string `json:"name"`
	Type   string `json:"type"`
	Hook   string `json:"hook"`
	Policy string `json:"policy"`
}

type nftRule struct {
	Family string                       `json:"family"`
	Table  string                       `json:"table"`
	Chain  string                       `json:"chain"`
	Expr   []map[string]json.RawMessage `json:"expr"`
}

type nftMatch struct {
	Op   string `json:"op"`
	Left struct {
		Payload *struct {
			Protocol string `json:"protocol"`
			Field    string `json:"field"`
		} `json:"payload"`
	} `json:"left"`
	Right json.RawMessage `json:"right"`
}

// nftReadBack reads the output of nft -j list ruleset: the accept rules of the
// chains wso2lint-in and wso2lint-out of table inet wso2lint, and the base
// chains that jump to them (hook, policy drop).
type nftReadBack struct {
	Accepts []accepted
	// Base lists "chain hook policy -> target" for every jump into a wso2lint chain.
	Base []string
}

func parseNftJSON(data []byte) (*nftReadBack, error) {
	var doc struct {
		Nftables []nftObject `json:"nftables"`
	}
	if err := json.Unmarshal(data, &doc); err != nil {
		return nil, fmt.Errorf("nft -j: %w", err)
	}
	chains := map[string]nftChain{}
	for _, o := range doc.Nftables {
		if c := o.Chain; c != nil && c.Family == "inet" && c.Table == "wso2lint" {
			chains[c.Name] = *c
		}
	}
	rb := &nftReadBack{}
	for _, o := range doc.Nftables {
		r := o.Rule
		if r == nil || r.Family != "inet" || r.Table != "wso2lint" {
			continue
		}
		switch r.Chain {
		case "wso2lint-in", "wso2lint-out":
			as, err := nftRuleAccepts(r)
			if err != nil {
				return nil, err
			}
			rb.Accepts = append(rb.Accepts, as...)
		default:
			for _, e := range r.Expr {
				raw, ok := e["jump"]
				if !ok {
					continue
				}
				var j struct {
					Target string `json:"target"`
				}
				if err := json.Unmarshal(raw, &j); err != nil {
					return nil, fmt.Errorf("chain %s: jump: %w", r.Chain, err)
				}
				c := chains[r.Chain]
				rb.Base = append(rb.Base, fmt.Sprintf("%s %s %s -> %s", r.Chain, c.Hook, c.Policy, j.Target))
			}
		}
	}
	sortAccepted(rb.Accepts)
	sort.Strings(rb.Base)
	return rb, nil
}

// nftRuleAccepts turns one rule of a wso2lint chain into accepts. Anything
// but address and port matches and an accept verdict is an error: the chains
// hold nothing else.
func nftRuleAccepts(r *nftRule) ([]accepted, error) {
	a := accepted{Dir: "in"}
	if r.Chain == "wso2lint-out" {
		a.Dir = "out"
	}
	addrField := map[string]string{"in": "saddr", "out": "daddr"}[a.Dir]
	var addrs []string
	verdict := false
	for _, e := range r.Expr {
		for key, raw := range e {
			switch key {
			case "accept":
				verdict = true
			case "match":
				var m nftMatch
				if err := json.Unmarshal(raw, &m); err != nil {
					return nil, fmt.Errorf("chain %s: match: %w", r.Chain, err)
				}
				p := m.Left.Payload
				if m.Op != "==" || p == nil {
					return nil, fmt.Errorf("chain %s: unexpected match %s", r.Chain, raw)
				}
				switch {
				case (p.Protocol == "ip" || p.Protocol == "ip6") && p.Field == addrField:
					a.Family = p.Protocol
					var err error
					if addrs, err = nftPrefixes(m.Right); err != nil {
						return nil, fmt.Errorf("chain %s: %w", r.Chain, err)
					}
				case (p.Protocol == "tcp" || p.Protocol == "udp") && p.Field == "dport":
					a.Proto = p.Protocol
					var err error
					if a.Port, a.PortEnd, err = nftPortMatch(m.Right); err != nil {
						return nil, fmt.Errorf("chain %s: %w", r.Chain, err)
					}
				default:
					return nil, fmt.Errorf("chain %s: unexpected match %s", r.Chain, raw)
				}
			default:
				return nil, fmt.Errorf("chain %s: unexpected expression %q", r.Chain, key)
			}
		}
	}
	if !verdict || a.Proto == "" {
		return nil, fmt.Errorf("chain %s: rule without accept or port: %v", r.Chain, r.Expr)
	}
	var out []accepted
	if a.Family == "" { // no address match: both families, any address
		for _, fam := range []string{"ip", "ip6"} {
			b := a
			b.Family = fam
			out = append(out, b)
		}
		return out, nil
	}
	for _, s := range addrs {
		b := a
		b.Addr = s
		out = append(out, b)
	}
	return out, nil
}

// nftPrefixes reads the right side of an address match: an address, a
// {"prefix": {"addr", "len"}}, or a {"set": [...]} of those.
func nftPrefixes(raw json.RawMessage) ([]string, error) {
	var s string
	if json.Unmarshal(raw, &s) == nil {
		a, err := netip.ParseAddr(s)
		if err != nil {
			return nil, err
		}
		return []string{netip.PrefixFrom(a, a.BitLen()).String()}, nil
	}
	var obj struct {
		Prefix *struct {
			Addr string `json:"addr"`
			Len  int    `json:"len"`
		} `json:"prefix"`
		Set []json.RawMessage `json:"set"`
	}
	if err := json.Unmarshal(raw, &obj); err != nil {
		return nil, fmt.Errorf("address %s: %w", raw, err)
	}
	switch {
	case obj.Prefix != nil:
		a, err := netip.ParseAddr(obj.Prefix.Addr)
		if err != nil {
			return nil, err
		}
		return []string{netip.PrefixFrom(a, obj.Prefix.Len).Masked().String()}, nil
	case obj.Set != nil:
		var out []string
		for _, e := range obj.Set {
			ps, err := nftPrefixes(e)
			if err != nil {
				return nil, err
			}
			out = append(out, ps...)
		}
		return out, nil
	}
	return nil, fmt.Errorf("unexpected address %s", raw)
}

// nftPortMatch reads the right side of a port match: a number or {"range": [a, b]}.
func nftPortMatch(raw json.RawMessage) (int, int, error) {
	var n int
	if json.Unmarshal(raw, &n) == nil {
		return n, 0, nil
	}
	var obj struct {
		Range []int `json:"range"`
	}
	if err := json.Unmarshal(raw, &obj); err != nil || len(obj.Range) != 2 {
		return 0, 0, fmt.Errorf("unexpected port %s", raw)
	}
	return obj.Range[0], obj.Range[1], nil
}

// ---- iptables: iptables-save / ip6tables-save

// iptReadBack is what iptables-save shows of wso2lint's rules in the filter
// table: the accepts of WSO2LINT-IN and WSO2LINT-OUT, the base chains'
// policies and their jumps into them.
type iptReadBack struct {
	Accepts []accepted
	// Base lists "CHAIN POLICY -> TARGET" for every jump into a WSO2LINT chain.
	Base []string
}

func parseIptablesSave(family, text string) (*iptReadBack, error) {
	rb := &iptReadBack{}
	policy := map[string]string{}
	table := ""
	for _, line := range strings.Split(text, "\n") {
		switch {
		case strings.HasPrefix(line, "*"):
			table = line[1:]
		case table != "filter":
		case strings.HasPrefix(line, ":"):
			if f := strings.Fields(line[1:]); len(f) >= 2 {
				policy[f[0]] = f[1]
			}
		case strings.HasPrefix(line, "-A "):
			args, err := splitArgs(line)
			if err != nil {
				return nil, err
			}
			chain := args[1]
			switch chain {
			case "WSO2LINT-IN", "WSO2LINT-OUT":
				a, err := iptRuleAccept(family, chain, args[2:])
				if err != nil {
					return nil, fmt.Errorf("%s: %w", line, err)
				}
				rb.Accepts = append(rb.Accepts, a)
			default:
				if len(args) == 4 && args[2] == "-j" && strings.HasPrefix(args[3], "WSO2LINT-") {
					rb.Base = append(rb.Base, fmt.Sprintf("%s %s -> %s", chain, policy[chain], args[3]))
				}
			}
		}
	}
	sortAccepted(rb.Accepts)
	sort.Strings(rb.Base)
	return rb, nil
}

// iptRuleAccept reads the arguments of one rule of a WSO2LINT chain.
func iptRuleAccept(family, chain string, args []string) (accepted, error) {
	a := accepted{Family: family, Dir: "in"}
	addrFlag := "-s"
	if chain == "WSO2LINT-OUT" {
		a.Dir, addrFlag = "out", "-d"
	}
	verdict := false
	for i := 0; i < len(args); i++ {
		flag := args[i]
		if i+1 >= len(args) {
			return a, fmt.Errorf("flag %s without a value", flag)
		}
		val := args[i+1]
		i++
		switch flag {
		case addrFlag:
			p, err := netip.ParsePrefix(val)
			if err != nil {
				return a, err
			}
			a.Addr = p.Masked().String()
		case "-p":
			a.Proto = val
		case "-m":
			if val != "tcp" && val != "udp" && val != "comment" {
				return a, fmt.Errorf("unexpected match -m %s", val)
			}
		case "--comment":
		case "--dport":
			lo, hi, ranged := strings.Cut(val, ":")
			var err error
			if a.Port, err = strconv.Atoi(lo); err != nil {
				return a, err
			}
			if ranged {
				if a.PortEnd, err = strconv.Atoi(hi); err != nil {
					return a, err
				}
			}
		case "-j":
			if val != "ACCEPT" {
				return a, fmt.Errorf("unexpected target %s", val)
			}
			verdict = true
		default:
			return a, fmt.Errorf("unexpected flag %s", flag)
		}
	}
	if !verdict || a.Proto == "" || a.Port == 0 {
		return a, fmt.Errorf("rule without ACCEPT, protocol or port")
	}
	return a, nil
}

// splitArgs splits an iptables-save line into arguments; double-quoted
// arguments may hold spaces and backslash escapes.
func splitArgs(line string) ([]string, error) {
	var args []string
	var cur strings.Builder
	in, quoted := false, false
	for i := 0; i < len(line); i++ {
		c := line[i]
		switch {
		case quoted && c == '\\' && i+1 < len(line):
			i++
			cur.WriteByte(line[i])
		case c == '"':
			quoted = !quoted
			in = true
		case c == ' ' && !quoted:
			if in {
				args = append(args, cur.String())
				cur.Reset()
				in = false
			}
		default:
			cur.WriteByte(c)
			in = true
		}
	}
	if quoted {
		return nil, fmt.Errorf("unterminated quote in %q", line)
	}
	if in {
		args = append(args, cur.String())
	}
	return args, nil
}

// ---- tests of the readers (no root needed)

func TestParseNftJSON(t *testing.T) {
	data := `{"nftables": [{"metainfo": {"version": "1.0.6"}},
 {"table": {"family": "inet", "name": "wso2lint", "handle": 2}},
 {"chain": {"family": "inet", "table": "wso2lint", "name": "input", "type": "filter", "hook": "input", "prio": 0, "policy": "drop"}},
 {"chain": {"family": "inet", "table": "wso2lint", "name": "wso2lint-in"}},
 {"chain": {"family": "inet", "table": "other", "name": "wso2lint-in"}},
 {"rule": {"family": "inet", "table": "wso2lint", "chain": "input", "expr": [{"match": {"op": "==", "left": {"payload": {"protocol": "tcp", "field": "dport"}}, "right": 22}}, {"accept": null}]}},
 {"rule": {"family": "inet", "table": "wso2lint", "chain": "input", "expr": [{"jump": {"target": "wso2lint-in"}}]}},
 {"rule": {"family": "inet", "table": "wso2lint", "chain": "wso2lint-in", "comment": "a", "expr": [{"match": {"op": "==", "left": {"payload": {"protocol": "ip", "field": "saddr"}}, "right": {"prefix": {"addr": "10.0.0.0", "len": 16}}}}, {"match": {"op": "==", "left": {"payload": {"protocol": "tcp", "field": "dport"}}, "right": {"range": [4000, 4002]}}}, {"accept": null}]}},
 {"rule": {"family": "inet", "table": "wso2lint", "chain": "wso2lint-in", "expr": [{"match": {"op": "==", "left": {"payload": {"protocol": "tcp", "field": "dport"}}, "right": 9443}}, {"accept": null}]}},
 {"rule": {"family": "inet", "table": "wso2lint", "chain": "wso2lint-in", "expr": [{"match": {"op": "==", "left": {"payload": {"protocol": "ip6", "field": "saddr"}}, "right": {"set": ["fd00::2", {"prefix": {"addr": "2001:db8:1::", "len": 64}}]}}}, {"match": {"op": "==", "left": {"payload": {"protocol": "udp", "field": "dport"}}, "right": 45564}}, {"accept": null}]}},
 {"rule": {"family": "inet", "table": "other", "chain": "wso2lint-in", "expr": [{"match": {"op": "==", "left": {"payload": {"protocol": "tcp", "field": "dport"}}, "right": 1}}, {"accept": null}]}}
]}`
	got, err := parseNftJSON([]byte(data))
	if err != nil {
		t.Fatal(err)
	}
	want := &nftReadBack{
		Accepts: sortAccepted([]accepted{
			{"ip", "in", "tcp", 4000, 4002, "10.0.0.0/16"},
			{"ip", "in", "tcp", 9443, 0, ""},
			{"ip6", "in", "tcp", 9443, 0, ""},
			{"ip6", "in", "udp", 45564, 0, "fd00::2/128"},
			{"ip6", "in", "udp", 45564, 0, "2001:db8:1::/64"},
		}),
		Base: []string{"input input drop -> wso2lint-in"},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("parseNftJSON (-want +got):\n%s", diff)
	}
	for _, bad := range []string{
		`{"match": {"op": "!=", "left": {"payload": {"protocol": "tcp", "field": "dport"}}, "right": 1}}, {"accept": null}`,
		`{"match": {"op": "==", "left": {"payload": {"protocol": "tcp", "field": "dport"}}, "right": 1}}, {"drop": null}`,
		`{"match": {"op": "==", "left": {"payload": {"protocol": "tcp", "field": "dport"}}, "right": 1}}`,
		`{"match": {"op": "==", "left": {"payload": {"protocol": "ip", "field": "daddr"}}, "right": "10.0.0.1"}}, {"match": {"op": "==", "left": {"payload": {"protocol": "tcp", "field": "dport"}}, "right": 1}}, {"accept": null}`,
	} {
		doc := `{"nftables": [{"rule": {"family": "inet", "table": "wso2lint", "chain": "wso2lint-in", "expr": [` + bad + `]}}]}`
		if _, err := parseNftJSON([]byte(doc)); err == nil {
			t.Errorf("parseNftJSON accepted a rule it does not know: %s", bad)
		}
	}
}

func TestParseIptablesSave(t *testing.T) {
	text := `# Generated by iptables-save
*nat
:PREROUTING ACCEPT [0:0]
-A PREROUTING -j WSO2LINT-IN
COMMIT
*filter
:INPUT DROP [0:0]
:FORWARD ACCEPT [0:0]
:OUTPUT ACCEPT [0:0]
:WSO2LINT-IN - [0:0]
-A INPUT -i lo -j ACCEPT
-A INPUT -p tcp -m tcp --dport 22 -m comment --comment ssh -j ACCEPT
-A INPUT -j WSO2LINT-IN
-A WSO2LINT-IN -s 10.0.0.0/16 -p tcp -m tcp --dport 4000:4002 -m comment --comment "hazelcast-member a/b.xml:30 (+1 more)" -j ACCEPT
-A WSO2LINT-IN -p udp -m udp --dport 45564 -m comment --comment "say \"x\"" -j ACCEPT
-A WSO2LINT-IN -s 10.200.0.2/32 -p tcp -m tcp --dport 9999 -j ACCEPT
COMMIT
`
	got, err := parseIptablesSave("ip", text)
	if err != nil {
		t.Fatal(err)
	}
	want := &iptReadBack{
		Accepts: sortAccepted([]accepted{
			{"ip", "in", "tcp", 4000, 4002, "10.0.0.0/16"},
			{"ip", "in", "udp", 45564, 0, ""},
			{"ip", "in", "tcp", 9999, 0, "10.200.0.2/32"},
		}),
		Base: []string{"INPUT DROP -> WSO2LINT-IN"},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("parseIptablesSave (-want +got):\n%s", diff)
	}
	for _, bad := range []string{
		"-A WSO2LINT-IN -p tcp -m tcp --dport 1 -j DROP",
		"-A WSO2LINT-IN -p tcp -m tcp --dport 1 -m state --state NEW -j ACCEPT",
		"-A WSO2LINT-IN -p tcp -m tcp --dport 1 -m comment --comment \"open",
		"-A WSO2LINT-IN -p tcp -j ACCEPT",
	} {
		if _, err := parseIptablesSave("ip", "*filter\n"+bad+"\nCOMMIT\n"); err == nil {
			t.Errorf("parseIptablesSave accepted %q", bad)
		}
	}
}

func TestPlanAccepts(t *testing.T) {
	p := &Plan{Rules: []Rule{
		{Port: 9443, Proto: tcp, Dir: model.DirIn},
		{Port: 4000, PortEnd: 4002, Proto: tcp, Dir: model.DirIn, Sources: pfx("10.0.0.0/16")},
		{Port: 9999, Proto: tcp, Dir: model.DirIn, Sources: pfx("10.200.0.2/32", "fd00::/64")},
		{Port: 514, Proto: udp, Dir: model.DirOut, Sources: pfx("192.0.2.1/32")},
	}}
	want := sortAccepted([]accepted{
		{"ip", "in", "tcp", 9443, 0, ""},
		{"ip6", "in", "tcp", 9443, 0, ""},
		{"ip", "in", "tcp", 4000, 4002, "10.0.0.0/16"},
		{"ip", "in", "tcp", 9999, 0, "10.200.0.2/32"},
		{"ip6", "in", "tcp", 9999, 0, "fd00::/64"},
		{"ip", "out", "udp", 514, 0, "192.0.2.1/32"},
	})
	if diff := cmp.Diff(want, planAccepts(p)); diff != "" {
		t.Errorf("planAccepts (-want +got):\n%s", diff)
	}
}
