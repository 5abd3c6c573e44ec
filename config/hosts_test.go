package config

import (
	"net/netip"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/wso2lint/wso2lint/internal/model"
)

func boolPtr(b bool) *bool { return &b }

func prefixes(ss ...string) []netip.Prefix {
	out := []netip.Prefix{}
	for _, s := range ss {
		out = append(out, netip.MustParsePrefix(s))
	}
	return out
}

var cmpHosts = []cmp.Option{
	cmpopts.IgnoreUnexported(Config{}, Host{}),
	cmp.Comparer(func(a, b netip.Prefix) bool { return a == b }),
}

func TestLoadHostsAndFirewall(t *testing.T) {
	content := `networks:
  mgmt-net: [10.0.0.0/24, "fd00::/64"]
  jumphost: 192.0.2.7
  cluster-net:
    - 10.1.0.9/16
firewall:
  target: nftables
  mode: standalone
  allow:
    management: [mgmt-net, jumphost]
    cluster: cluster-net
  ssh-port: 2222
  egress: true
hosts:
  - name: dev-a
    homes: [dev/node-a, ./shared/**]
    host-services:
      - {name: rabbitmq, port: 5672}
  - name: prod-a
    homes:
      - prod/node-a
    firewall:
      target: iptables
      allow:
        management: [198.51.100.0/24]
        public: []
      no-ssh: true
`
	p := writeConfig(t, content)
	got, err := Load(p)
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	top := &Firewall{
		Target: "nftables", TargetLine: 7, Mode: "standalone",
		Allow: map[model.Exposure][]netip.Prefix{
			model.ExposureManagement: prefixes("10.0.0.0/24", "fd00::/64", "192.0.2.7/32"),
			model.ExposureCluster:    prefixes("10.1.0.0/16"),
		},
		SSHPort: intPtr(2222), Egress: boolPtr(true),
	}
	want := &Config{
		Path:     p,
		Firewall: top,
		Hosts: []Host{
			{Name: "dev-a", Homes: []string{"dev/node-a", "shared/**"}, Line: 15,
				HostServices: []model.HostService{{Name: "rabbitmq", Port: 5672, Proto: model.ProtoTCP, Line: 18, Col: 32, Origin: p}}},
			{Name: "prod-a", Homes: []string{"prod/node-a"}, Line: 19, Firewall: &Firewall{
				Target: "iptables", TargetLine: 23,
				Allow: map[model.Exposure][]netip.Prefix{
					model.ExposureManagement: prefixes("198.51.100.0/24"),
					model.ExposurePublic:     prefixes(),
				},
				NoSSH: boolPtr(true),
			}},
		},
	}
	if diff := cmp.Diff(want, got, cmpHosts...); diff != "" {
		t.Fatalf("config mismatch (-want +got):\n%s", diff)
	}

	merged := got.HostFirewall("prod-a")
	wantMerged := &Firewall{
		Target: "iptables", TargetLine: 23, Mode: "standalone",
		Allow: map[model.Exposure][]netip.Prefix{
			model.ExposureManagement: prefixes("198.51.100.0/24"),
			model.ExposureCluster:    prefixes("10.1.0.0/16"),
			model.ExposurePublic:     prefixes(),
		},
		SSHPort: intPtr(2222), NoSSH: boolPtr(true), Egress: boolPtr(true),
	}
	if diff := cmp.Diff(wantMerged, merged, cmpHosts...); diff != "" {
		t.Errorf("HostFirewall(prod-a) mismatch (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(top, got.HostFirewall("dev-a"), cmpHosts...); diff != "" {
		t.Errorf("HostFirewall(dev-a) mismatch (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(top, got.HostFirewall("undeclared"), cmpHosts...); diff != "" {
		t.Errorf("HostFirewall(undeclared) mismatch (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"rabbitmq"}, names(got.HostServicesOf("dev-a"))); diff != "" {
		t.Errorf("HostServicesOf(dev-a) (-want +got):\n%s", diff)
	}
	if n := len(got.HostServicesOf("prod-a")); n != 0 {
		t.Errorf("HostServicesOf(prod-a) has %d services, want 0", n)
	}
}

func names(svcs []model.HostService) []string {
	var out []string
	for _, s := range svcs {
		out = append(out, s.Name)
	}
	return out
}

func TestHostOf(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, FileName)
	content := "hosts:\n  - name: a\n    homes: [dev/node-*, shared/**]\n  - name: b\n    homes:\n      - prod/node-1\n      - prod/x/*\n  - name: c\n    homes: [prod/x/y]\n"
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	cfg, err := Load(p)
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		home, want, err string
	}{
		{"dev/node-1", "a", ""},
		{"dev/node-1/", "a", ""},
		{"dev", "", ""},
		{"dev/node-1/sub", "a", ""},
		{"dev/node-1x", "a", ""},
		{"devx/node-1", "", ""},
		{"shared", "a", ""},
		{"shared/wso2is-5.7.0", "a", ""},
		{"prod/node-1", "b", ""},
		{"prod/node-2", "", ""},
		{"prod/node-1/wso2am-4.2.0", "b", ""},
		{"prod/x/z", "b", ""},
		{"prod/x/y", "", p + `:9: home prod/x/y is on host "b" (line 7) and on host "c": a home can be on one host only`},
		{"prod/x/y/am", "", p + `:9: home prod/x/y/am is on host "b" (line 7) and on host "c": a home can be on one host only`},
	}
	for _, tc := range cases {
		got, err := cfg.HostOf(filepath.Join(dir, filepath.FromSlash(tc.home)))
		gotErr := ""
		if err != nil {
			gotErr = err.Error()
		}
		if got != tc.want || gotErr != tc.err {
			t.Errorf("HostOf(%s) = %q, %q; want %q, %q", tc.home, got, gotErr, tc.want, tc.err)
		}
	}
	// Outside the config's directory: no declared host.
	if got, err := cfg.HostOf(t.TempDir()); got != "" || err != nil {
		t.Errorf("HostOf(outside) = %q, %v; want none", got, err)
	}
	if diff := cmp.Diff([]string{"a", "b", "c"}, cfg.HostNames()); diff != "" {
		t.Errorf("HostNames (-want +got):\n%s", diff)
	}
}

func TestLoadHostsErrors(t *testing.T) {
	cases := []struct {
		name    string
		content string
		want    []string // lines after "FILE:"
	}{
		{"unknown top key", "host:\n  - name: a\n", []string{`1: unknown key "host"`}},
		{"unknown host key", "hosts:\n  - name: a\n    homes: [x]\n    home: [y]\n", []string{`4: unknown key "home" in a host (want name, homes, host-services, firewall)`}},
		{"host without name", "hosts:\n  - homes: [x]\n", []string{`2: host 1 has no name`}},
		{"host without homes", "hosts:\n  - name: a\n", []string{`2: host "a" has no homes`}},
		{"host twice", "hosts:\n  - {name: a, homes: [x]}\n  - {name: a, homes: [y]}\n", []string{`3: host "a" is declared twice (first on line 2)`}},
		{"host name with slash", "hosts:\n  - {name: a/b, homes: [x]}\n", []string{`2: name "a/b" must not hold a slash, a control character, or be . or .. (it names a rules file)`}},
		{"absolute home", "hosts:\n  - name: a\n    homes: [/srv/wso2]\n", []string{`3: home "/srv/wso2" must be relative to the directory of .wso2lint.yaml`}},
		{"dotdot home", "hosts:\n  - name: a\n    homes: [../x]\n", []string{`3: home "../x" has an empty, "." or ".." segment`}},
		{"hosts not a list", "hosts: a\n", []string{`1: unmarshal !!str ` + "`a`" + `: want a list`}},
		{"unknown firewall key", "firewall:\n  target: nftables\n  allow-from: x\n", []string{`3: unknown key "allow-from" in firewall (want target, mode, allow, ssh-port, no-ssh, egress)`}},
		{"unknown host firewall key", "hosts:\n  - name: a\n    homes: [x]\n    firewall: {egres: true}\n", []string{`4: unknown key "egres" in firewall (want target, mode, allow, ssh-port, no-ssh, egress)`}},
		{"unknown network", "networks:\n  mgmt: [10.0.0.0/8]\nfirewall:\n  allow:\n    management: [mgmt, mgnt]\n", []string{`5: unknown network "mgnt" in allow management (networks: mgmt)`}},
		{"unknown network in host", "hosts:\n  - name: a\n    homes: [x]\n    firewall:\n      allow: {cluster: [peers]}\n", []string{`5: unknown network "peers" in allow cluster (no networks are defined)`}},
		{"bad class", "firewall:\n  allow:\n    local: [10.0.0.0/8]\n    admin: [10.0.0.0/8]\n", []string{
			`3: unknown class "local" in allow (want public, management, cluster or outbound)`,
			`4: unknown class "admin" in allow (want public, management, cluster or outbound)`}},
		{"bad cidr", "networks:\n  a: [10.0.0.0/33]\n  b: [fe80::1%eth0]\n", []string{
			`2: network a: "10.0.0.0/33" is not an address or CIDR prefix`,
			`3: network b: "fe80::1%eth0" has an IPv6 zone, which firewall rules cannot match`}},
		{"network named like an address", "networks:\n  10.0.0.1: [10.0.0.0/8]\n", []string{`2: network name "10.0.0.1" is an address; give it a name`}},
		{"network twice", "networks:\n  a: [10.0.0.0/8]\n  a: [10.0.0.0/8]\n", []string{`3: network "a" defined twice`}},
		{"empty network", "networks:\n  a: []\n", []string{`2: network a has no CIDR`}},
		{"bad mode", "firewall: {mode: full}\n", []string{`1: mode "full": want standalone or fragment`}},
		{"bad ssh port", "firewall:\n  ssh-port: 70000\n", []string{`2: ssh-port "70000": want a port from 1 to 65535`}},
		{"ssh contradiction", "firewall:\n  ssh-port: 22\n  no-ssh: true\n", []string{`2: no-ssh and ssh-port contradict each other: give one`}},
		{"firewall not a mapping", "firewall: [nftables]\n", []string{`1: firewall must be a mapping, not a list`}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			p := writeConfig(t, tc.content)
			_, err := Load(p)
			if err == nil {
				t.Fatal("Load succeeded, want an error")
			}
			var got []string
			for _, l := range strings.Split(err.Error(), "\n") {
				got = append(got, strings.TrimPrefix(l, p+":"))
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("errors (-want +got):\n%s", diff)
			}
		})
	}
}

func TestHostHomes(t *testing.T) {
	dir := t.TempDir()
	homes := []string{"dev/node1/am", "dev/node2/am", "prod/node1/am", "shared/is", "shared/deep/mi", ".hidden/x/am", "qa/n1/am", "qa/n1/is"}
	for _, h := range append(homes, "dev/node1/am/conf/sub", "shared/notes") {
		if err := os.MkdirAll(filepath.Join(dir, filepath.FromSlash(h)), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	isHome := func(p string) bool {
		rel, _ := filepath.Rel(dir, p)
		return slices.Contains(homes, filepath.ToSlash(rel))
	}
	p := filepath.Join(dir, FileName)
	if err := os.WriteFile(p, []byte("hosts:\n  - {name: dev, homes: [dev/*/am]}\n  - {name: shared, homes: [shared/**]}\n  - {name: none, homes: [staging/*]}\n  - {name: one, homes: [prod/node1/am, prod/node1/am/conf]}\n  - {name: qa, homes: [qa/n1]}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	cfg, err := Load(p)
	if err != nil {
		t.Fatal(err)
	}
	cases := map[string][]string{
		"dev":     {"dev/node1/am", "dev/node2/am"},
		"shared":  {"shared/deep/mi", "shared/is"},
		"none":    nil,
		"one":     {"prod/node1/am"},
		"unknown": nil,
		"qa":      {"qa/n1/am", "qa/n1/is"},
	}
	for host, want := range cases {
		got, err := cfg.HostHomes(host, isHome)
		if err != nil {
			t.Fatalf("HostHomes(%s): %v", host, err)
		}
		var rel []string
		for _, g := range got {
			r, _ := filepath.Rel(dir, g)
			rel = append(rel, filepath.ToSlash(r))
		}
		if diff := cmp.Diff(want, rel); diff != "" {
			t.Errorf("HostHomes(%s) (-want +got):\n%s", host, diff)
		}
	}
}
