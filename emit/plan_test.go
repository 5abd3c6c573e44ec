package emit

import (
	"context"
	"errors"
	"net/netip"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/wso2lint/wso2lint/internal/model"
)

func oneHome(ls ...model.Listener) []*model.Home {
	s := model.Server{Profile: "default", Listeners: ls}
	s.Sort()
	return []*model.Home{{Dir: "h", Servers: []model.Server{s}}}
}

func TestMakePlan(t *testing.T) {
	const f = "conf/x.xml"
	mgmt := in("jmx-rmi-registry", 9999, 0, tcp, model.ExposureManagement, f, 1)
	pub := in("servlet-https", 9443, 0, tcp, model.ExposurePublic, f, 2)
	loc := in("ldap", 10389, 0, tcp, model.ExposureLocal, f, 3)
	dev := model.Listener{ID: "push", Base: 5223, Proto: tcp, Dir: model.DirDevice, Enabled: true}
	db := out("jdbc", "db.example.com", 3306, tcp, f, 4)
	lit := out("ldap-client", "::ffff:10.1.2.3", 389, tcp, f, 5)
	bad := in("bad", 65535, 1, tcp, model.ExposurePublic, f, 6)
	tests := []struct {
		name  string
		homes []*model.Home
		opt   Options
		want  *Plan
	}{
		{
			name:  "public any, management closed with flag, local closed, device skipped",
			homes: oneHome(mgmt, pub, loc, dev),
			want: &Plan{
				Rules: []Rule{{Port: 9443, Proto: tcp, Dir: model.DirIn, Class: model.ExposurePublic,
					Comment: "servlet-https h/conf/x.xml:2", Group: "h/default"}},
				Closed: []ClosedPort{
					{Port: 9999, Proto: tcp, Dir: model.DirIn, Class: model.ExposureManagement, Comment: "jmx-rmi-registry h/conf/x.xml:1",
						Reason: "no source given for class management", Flag: "--allow management=CIDR"},
					{Port: 10389, Proto: tcp, Dir: model.DirIn, Class: model.ExposureLocal, Comment: "ldap h/conf/x.xml:3",
						Reason: "local class: reachable from this host only"},
				},
				Notes: []string{"push h (default): port 5223 is used by client devices towards a third party, not a rule for this host"},
			},
		},
		{
			name:  "management allowed, public restricted, prefixes normalised",
			homes: oneHome(mgmt, pub),
			opt: Options{Allow: map[model.Exposure][]netip.Prefix{
				model.ExposureManagement: pfx("2001:db8::1/64", "10.0.0.7/8", "10.1.0.0/16", "::ffff:192.0.2.0/120"),
				model.ExposurePublic:     pfx("198.51.100.0/24"),
			}},
			want: &Plan{Rules: []Rule{
				{Port: 9443, Proto: tcp, Dir: model.DirIn, Class: model.ExposurePublic, Sources: pfx("198.51.100.0/24"),
					Comment: "servlet-https h/conf/x.xml:2", Group: "h/default"},
				{Port: 9999, Proto: tcp, Dir: model.DirIn, Class: model.ExposureManagement,
					Sources: pfx("10.0.0.0/8", "192.0.2.0/24", "2001:db8::/64"),
					Comment: "jmx-rmi-registry h/conf/x.xml:1", Group: "h/default"},
			}},
		},
		{
			name:  "outbound ignored without egress, invalid port noted",
			homes: oneHome(db, bad),
			want:  &Plan{Notes: []string{"bad h/conf/x.xml:6: port 65536 out of range 1-65535, skipped"}},
		},
		{
			name:  "egress: literal used, host name closed",
			homes: oneHome(db, lit),
			opt:   Options{Egress: true},
			want: &Plan{
				Rules: []Rule{{Port: 389, Proto: tcp, Dir: model.DirOut, Class: model.ExposureOutbound, Sources: pfx("10.1.2.3/32"),
					Comment: "ldap-client h/conf/x.xml:5", Group: "h/default"}},
				Closed: []ClosedPort{{Port: 3306, Proto: tcp, Dir: model.DirOut, Class: model.ExposureOutbound,
					Comment: "jdbc h/conf/x.xml:4", Reason: "destination db.example.com not resolved",
					Flag: "--resolve or --allow outbound=CIDR"}},
			},
		},
		{
			name: "egress: a destination that is a prefix is closed, never a rule for the prefix",
			homes: oneHome(out("syslog", "0.0.0.0/0", 514, udp, "conf/log4j.properties", 7),
				out("peer", "[2001:db8::/32]", 5701, tcp, f, 8), out("bad", "10.0.0.0/33", 25, tcp, f, 9)),
			opt: Options{Egress: true, Resolve: true, LookupHost: fakeLookup},
			want: &Plan{Closed: []ClosedPort{
				{Port: 25, Proto: tcp, Dir: model.DirOut, Class: model.ExposureOutbound, Comment: "bad h/conf/x.xml:9",
					Reason: "destination 10.0.0.0/33 is a network prefix, not a host address or name", Flag: "--allow outbound=CIDR"},
				{Port: 5701, Proto: tcp, Dir: model.DirOut, Class: model.ExposureOutbound, Comment: "peer h/conf/x.xml:8",
					Reason: "destination 2001:db8::/32 is a network prefix, not a host address or name", Flag: "--allow outbound=CIDR"},
				{Port: 514, Proto: udp, Dir: model.DirOut, Class: model.ExposureOutbound, Comment: "syslog h/conf/log4j.properties:7",
					Reason: "destination 0.0.0.0/0 is a network prefix, not a host address or name", Flag: "--allow outbound=CIDR"},
			}},
		},
		{
			name:  "egress: a prefix destination takes the outbound allow, as an unresolved name does",
			homes: oneHome(out("syslog", "0.0.0.0/0", 514, udp, "conf/log4j.properties", 7)),
			opt:   Options{Egress: true, Allow: map[model.Exposure][]netip.Prefix{model.ExposureOutbound: pfx("192.0.2.5/32")}},
			want: &Plan{Rules: []Rule{{Port: 514, Proto: udp, Dir: model.DirOut, Class: model.ExposureOutbound,
				Sources: pfx("192.0.2.5/32"), Comment: "syslog h/conf/log4j.properties:7", Group: "h/default"}}},
		},
		{
			name:  "egress: resolved",
			homes: oneHome(db),
			opt:   Options{Egress: true, Resolve: true, LookupHost: fakeLookup},
			want: &Plan{Rules: []Rule{{Port: 3306, Proto: tcp, Dir: model.DirOut, Class: model.ExposureOutbound,
				Sources: pfx("192.0.2.10/32", "2001:db8::10/128"), Comment: "jdbc h/conf/x.xml:4", Group: "h/default"}}},
		},
		{
			name:  "egress: outbound allow gives destinations",
			homes: oneHome(db),
			opt:   Options{Egress: true, Allow: map[model.Exposure][]netip.Prefix{model.ExposureOutbound: pfx("192.0.2.0/24")}},
			want: &Plan{Rules: []Rule{{Port: 3306, Proto: tcp, Dir: model.DirOut, Class: model.ExposureOutbound,
				Sources: pfx("192.0.2.0/24"), Comment: "jdbc h/conf/x.xml:4", Group: "h/default"}}},
		},
		{
			name: "ports and offsets from the environment are left closed",
			homes: func() []*model.Home {
				env := pub
				env.Configured = "$env{HTTPS_PORT}"
				hs := oneHome(env)
				hs[0].Servers[0].Runtime = []model.RuntimeRef{{Kind: model.RuntimeEnv, Name: "HTTPS_PORT", Expr: env.Configured, Port: true, Pos: env.Source}}
				moving := mgmt
				moving.Offsetable = true
				off := oneHome(moving)[0].Servers[0]
				off.Runtime = []model.RuntimeRef{{Kind: model.RuntimeSys, Name: "offset", Expr: "$sys{offset}", Port: true,
					Pos: model.Pos{File: "conf/deployment.toml", Line: 2, Col: 10, Path: "server.offset"}}}
				hs[0].Servers = append(hs[0].Servers, off)
				return hs
			}(),
			want: &Plan{Closed: []ClosedPort{
				{Port: 9443, Proto: tcp, Dir: model.DirIn, Class: model.ExposurePublic, Comment: "servlet-https h/conf/x.xml:2",
					Reason: "port given through _env_HTTPS_PORT_, known only at run time", Flag: "a literal port in deployment.toml"},
				{Port: 9999, Proto: tcp, Dir: model.DirIn, Class: model.ExposureManagement, Comment: "jmx-rmi-registry h/conf/x.xml:1",
					Reason: "port offset given through _sys_offset_, known only at run time", Flag: "a literal [server] offset or --offset"},
			}},
		},
		{
			name: "an unresolved placeholder is noted, an environment reference is not",
			homes: func() []*model.Home {
				hs := oneHome()
				hs[0].Servers[0].Unresolved = []model.Ref{
					{Expr: "${https.port.custom}", Pos: model.Pos{File: "conf/tomcat/catalina-server.xml", Line: 53, Col: 20}},
					{Expr: "$env{HOST}", Pos: model.Pos{File: "conf/deployment.toml", Line: 2, Col: 12}},
				}
				return hs
			}(),
			want: &Plan{Notes: []string{"placeholder https.port.custom h/conf/tomcat/catalina-server.xml:53: not resolved, so a port it gives has no rule (WL106)"}},
		},
		{
			name:  "same socket twice merges with a count",
			homes: oneHome(pub, in("servlet-https", 9443, 0, tcp, model.ExposurePublic, "conf/y.xml", 9)),
			want: &Plan{Rules: []Rule{{Port: 9443, Proto: tcp, Dir: model.DirIn, Class: model.ExposurePublic,
				Comment: "servlet-https h/conf/x.xml:2 (+1 more)", Group: "h/default"}}},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := MakePlan(context.Background(), tc.homes, tc.opt)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tc.want, got, cmp.Comparer(func(a, b netip.Prefix) bool { return a == b })); diff != "" {
				t.Errorf("plan mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func TestMakePlanErrors(t *testing.T) {
	a := oneHome(in("servlet-https", 9443, 0, tcp, model.ExposurePublic, "a.xml", 1))
	b := oneHome(in("ldap", 9443, 0, tcp, model.ExposureLocal, "b.xml", 1))
	_, err := MakePlan(context.Background(), append(a, b...), Options{})
	var ce *CollisionError
	if !errors.As(err, &ce) || len(ce.Collisions) != 1 || !strings.Contains(err.Error(), "9443/tcp: servlet-https h/a.xml:1, ldap h/b.xml:1") {
		t.Errorf("collision error = %v, want one collision on 9443 naming both listeners", err)
	}
	if out, err := Render(context.Background(), append(a, b...), Options{Target: "nftables"}); err == nil || out != nil {
		t.Errorf("Render with collision = %q, %v; want no output and an error", out, err)
	}
	db := oneHome(out("jdbc", "nowhere.invalid", 3306, tcp, "c.xml", 1))
	if _, err := MakePlan(context.Background(), db, Options{Egress: true, Resolve: true, LookupHost: fakeLookup}); err == nil ||
		!strings.Contains(err.Error(), `resolve "nowhere.invalid"`) {
		t.Errorf("resolve failure error = %v", err)
	}
	for _, opt := range []Options{
		{Mode: "partial"},
		{SSHPort: 70000},
		{Allow: map[model.Exposure][]netip.Prefix{model.ExposureLocal: pfx("10.0.0.0/8")}},
		{Allow: map[model.Exposure][]netip.Prefix{model.ExposureManagement: {netip.Prefix{}}}},
	} {
		if _, err := MakePlan(context.Background(), nil, opt); err == nil {
			t.Errorf("options %+v accepted", opt)
		}
	}
	if _, err := Render(context.Background(), nil, Options{Target: "pf"}); err == nil {
		t.Error("unknown target accepted")
	}
}

func TestTargetsLookup(t *testing.T) {
	want := []string{"nftables", "iptables", "ip6tables", "firewalld"}
	if diff := cmp.Diff(want, Targets()); diff != "" {
		t.Errorf("targets (-want +got):\n%s", diff)
	}
	for _, n := range want {
		if e, ok := Lookup(n); !ok || e.Name() != n {
			t.Errorf("Lookup(%q) = %v, %v", n, e, ok)
		}
	}
	if _, ok := Lookup("pf"); ok {
		t.Error("Lookup(pf) found an emitter")
	}
}

func TestSanitize(t *testing.T) {
	tests := []struct {
		in   string
		max  int
		want string
	}{
		{"servlet-https h/conf/a.xml:80", 0, "servlet-https h/conf/a.xml:80"},
		{"a\"b\\c\n*/d`$(x)'é<!-- x -->", 0, "a_b_c _/d__(x)_____- x -_"},
		{"  lead\t\ttabs \r\n", 0, "lead tabs"},
		{"head-" + strings.Repeat("x", 200) + "-tail:80", 20, "head-xxx...x-tail:80"},
	}
	for _, tc := range tests {
		got := Sanitize(tc.in, tc.max)
		if got != tc.want {
			t.Errorf("Sanitize(%q, %d) = %q, want %q", tc.in, tc.max, got, tc.want)
		}
		if strings.ContainsAny(got, "\"\\\n'`$<>*") || strings.Contains(got, "--") {
			t.Errorf("Sanitize(%q) = %q keeps an unsafe character", tc.in, got)
		}
	}
}
