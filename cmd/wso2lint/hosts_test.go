package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/wso2lint/wso2lint/internal/testenv"
)

// hostRepo is a configuration repository built in a temporary folder from
// copies of one corpus home: dev/ and prod/ environments of two nodes each,
// and a shared machine carrying two copies (which collide).
type hostRepo struct {
	t    *testing.T
	root string
}

// hostHomes are the homes of a hostRepo, relative to its root.
var hostHomes = []string{
	"dev/node1/wso2am-4.2.0", "dev/node2/wso2am-4.2.0",
	"prod/node1/wso2am-4.2.0", "prod/node2/wso2am-4.2.0",
	"shared/is-a", "shared/is-b",
}

func newHostRepo(t *testing.T, cfg string) *hostRepo {
	t.Helper()
	src := filepath.Join(testenv.Corpus(t), "wso2am-4.2.0")
	r := &hostRepo{t: t, root: t.TempDir()}
	if err := os.Mkdir(filepath.Join(r.root, ".git"), 0o755); err != nil {
		t.Fatal(err)
	}
	for _, h := range hostHomes {
		testenv.CopyTree(t, src, filepath.Join(r.root, filepath.FromSlash(h)))
	}
	if cfg != "" {
		r.write(".wso2lint.yaml", cfg)
	}
	return r
}

func (r *hostRepo) write(name, content string) {
	r.t.Helper()
	if err := os.WriteFile(filepath.Join(r.root, name), []byte(content), 0o644); err != nil {
		r.t.Fatal(err)
	}
}

// homes returns the absolute paths of the named homes (all when none).
func (r *hostRepo) homes(names ...string) []string {
	if len(names) == 0 {
		names = hostHomes
	}
	var out []string
	for _, n := range names {
		out = append(out, filepath.Join(r.root, filepath.FromSlash(n)))
	}
	return out
}

// run runs wso2lint with args followed by paths and returns the exit code,
// stdout and stderr.
func (r *hostRepo) run(args []string, paths ...string) (int, string, string) {
	r.t.Helper()
	var stdout, stderr bytes.Buffer
	code := run(append(append([]string{"wso2lint"}, args...), paths...), &stdout, &stderr, noEnv)
	return code, stdout.String(), stderr.String()
}

const hostsConfig = `networks:
  mgmt-net: [10.0.0.0/24, "fd00:0:0:1::/64"]
  dev-cluster: [10.1.0.0/24]
  prod-cluster: 10.2.0.0/24
firewall:
  target: nftables
  allow:
    management: [mgmt-net]
hosts:
  - name: dev-1
    homes: [dev/node1/*]
    firewall:
      allow: {cluster: [dev-cluster]}
  - name: dev-2
    homes: [dev/node2/*]
  - name: prod-1
    homes: [prod/node1/*]
    firewall:
      target: iptables
      allow: {cluster: [prod-cluster], public: [198.51.100.0/24]}
      ssh-port: 2222
  - name: prod-2
    homes: [prod/node2/*]
  - name: shared
    homes: [shared/*]
`

type jsonFindings struct {
	Findings []struct {
		Rule string `json:"rule"`
		Home string `json:"home"`
		Host string `json:"host"`
	} `json:"findings"`
}

// wl101 returns "host home" for each WL101 finding of a json report, home
// relative to root.
func wl101(t *testing.T, root, out string) []string {
	t.Helper()
	var r jsonFindings
	if err := json.Unmarshal([]byte(out), &r); err != nil {
		t.Fatalf("json output: %v\n%s", err, out)
	}
	var got []string
	for _, f := range r.Findings {
		if f.Rule == "WL101" {
			rel, _ := filepath.Rel(root, f.Home)
			got = append(got, f.Host+" "+filepath.ToSlash(rel))
		}
	}
	return got
}

func TestHostsGrouping(t *testing.T) {
	r := newHostRepo(t, hostsConfig)
	code, out, errOut := r.run([]string{"lint", "--format", "json", "--fail-on", "none"}, r.homes()...)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	got := wl101(t, r.root, out)
	// Only the two homes of the shared host collide, each with the other,
	// once per colliding port; dev/ and prod/ copies do not.
	for _, g := range got {
		if g != "shared shared/is-a" && g != "shared shared/is-b" {
			t.Errorf("unexpected WL101 finding %q: dev/ and prod/ copies must not collide", g)
		}
	}
	if !strings.Contains(strings.Join(got, "\n"), "shared shared/is-a") || !strings.Contains(strings.Join(got, "\n"), "shared shared/is-b") {
		t.Errorf("WL101 findings %q: want the two homes of host shared to collide", got)
	}

	// Without hosts:, the same homes given together are one host and collide
	// across environments (as before this change).
	r2 := newHostRepo(t, "")
	_, out, _ = r2.run([]string{"lint", "--format", "json", "--fail-on", "none"}, r2.homes("dev/node1/wso2am-4.2.0", "prod/node1/wso2am-4.2.0")...)
	if got := wl101(t, r2.root, out); len(got) == 0 {
		t.Errorf("without hosts:, dev and prod homes named together found no WL101; want one host as before")
	}

	// --host limits the run to one host.
	_, out, _ = r.run([]string{"lint", "--format", "json", "--fail-on", "none", "--host", "dev-1"}, r.homes()...)
	var rep jsonFindings
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatal(err)
	}
	if len(rep.Findings) == 0 {
		t.Fatal("--host dev-1: no findings")
	}
	for _, f := range rep.Findings {
		if f.Host != "dev-1" {
			t.Errorf("--host dev-1 reported a finding of host %q (%s)", f.Host, f.Home)
		}
	}
	code, _, errOut = r.run([]string{"lint", "--host", "qa-1"}, r.homes()...)
	if code != exitInput || !strings.Contains(errOut, `--host "qa-1"`) || !strings.Contains(errOut, "dev-1, dev-2, prod-1, prod-2, shared") {
		t.Errorf("--host qa-1: exit %d, stderr %q; want a usage error naming the hosts", code, errOut)
	}

	// Text output names the host when there is more than one.
	_, out, _ = r.run([]string{"lint", "--fail-on", "none"}, r.homes("shared/is-a", "dev/node1/wso2am-4.2.0")...)
	if !strings.Contains(out, "[WL303] (host shared)\n") || !strings.Contains(out, " (host dev-1)\n") {
		t.Errorf("text output of two hosts does not name them:\n%s", out)
	}
	// One host: text output as without hosts:.
	_, withHost, _ := r.run([]string{"lint", "--fail-on", "none"}, r.homes("shared/is-a", "shared/is-b")...)
	_, without, _ := r.run([]string{"lint", "--fail-on", "none", "--no-config"}, r.homes("shared/is-a", "shared/is-b")...)
	if diff := cmp.Diff(without, withHost); diff != "" {
		t.Errorf("one declared host changed the text output (-no config +config):\n%s", diff)
	}
}

func TestHostsUndeclaredAndAmbiguous(t *testing.T) {
	// A home no host matches is a host of its own.
	r := newHostRepo(t, "hosts:\n  - name: dev-1\n    homes: [dev/node1/*]\n")
	_, out, _ := r.run([]string{"lint", "--format", "json", "--fail-on", "none"}, r.homes("dev/node1/wso2am-4.2.0", "shared/is-a", "shared/is-b")...)
	if got := wl101(t, r.root, out); len(got) != 0 {
		t.Errorf("homes on no declared host collided: %q; want each a host of its own", got)
	}
	// A home two hosts match is an input error naming the file and line.
	r = newHostRepo(t, "hosts:\n  - name: a\n    homes: [shared/*]\n  - name: b\n    homes:\n      - shared/is-a\n")
	code, _, errOut := r.run([]string{"lint"}, r.homes("shared/is-a")...)
	want := filepath.Join(r.root, ".wso2lint.yaml") + `:6: home shared/is-a is on host "a" (line 3) and on host "b"`
	if code != exitInput || !strings.Contains(errOut, want) {
		t.Errorf("ambiguous home: exit %d, stderr %q; want exit 2 with %q", code, errOut, want)
	}
	// Unknown network: input error with file and line, for every command.
	r = newHostRepo(t, "firewall:\n  allow:\n    management: [mgmt]\n")
	for _, cmd := range []string{"lint", "ports", "rules"} {
		code, _, errOut = r.run([]string{cmd}, r.homes("shared/is-a")...)
		want = filepath.Join(r.root, ".wso2lint.yaml") + `:3: unknown network "mgmt" in allow management (no networks are defined)`
		if code != exitInput || !strings.Contains(errOut, want) {
			t.Errorf("%s with an unknown network: exit %d, stderr %q; want exit 2 with %q", cmd, code, errOut, want)
		}
	}
}

func TestHostsRulesFromConfig(t *testing.T) {
	r := newHostRepo(t, hostsConfig)
	homes := r.homes()
	cases := []struct {
		host, home string
		flags      []string
	}{
		{"dev-1", "dev/node1/wso2am-4.2.0", []string{"--target", "nftables", "--allow", "management=10.0.0.0/24,fd00:0:0:1::/64", "--allow", "cluster=10.1.0.0/24"}},
		{"dev-2", "dev/node2/wso2am-4.2.0", []string{"--target", "nftables", "--allow", "management=10.0.0.0/24,fd00:0:0:1::/64"}},
		{"prod-1", "prod/node1/wso2am-4.2.0", []string{"--target", "iptables", "--allow", "management=10.0.0.0/24,fd00:0:0:1::/64", "--allow", "cluster=10.2.0.0/24", "--allow", "public=198.51.100.0/24", "--ssh-port", "2222"}},
	}
	for _, tc := range cases {
		code, fromFile, errOut := r.run([]string{"rules", "--host", tc.host}, homes...)
		if code != 0 {
			t.Fatalf("rules --host %s: exit %d: %s", tc.host, code, errOut)
		}
		code, fromFlags, errOut := r.run(append([]string{"rules", "--no-config"}, tc.flags...), r.homes(tc.home)...)
		if code != 0 {
			t.Fatalf("rules with flags for %s: exit %d: %s", tc.host, code, errOut)
		}
		if fromFile != fromFlags {
			t.Errorf("rules --host %s from .wso2lint.yaml differs from the same flags:\n%s", tc.host, cmp.Diff(fromFlags, fromFile))
		}
	}
	// A flag overrides the file.
	_, out, _ := r.run([]string{"rules", "--host", "dev-2", "--target", "iptables"}, homes...)
	if !strings.Contains(out, "*filter") {
		t.Errorf("--target iptables did not override the file's nftables:\n%s", out)
	}

	// Several hosts: without -o, a usage error naming them.
	code, _, errOut := r.run([]string{"rules"}, homes...)
	if code != exitInput || !strings.Contains(errOut, "dev-1, dev-2, prod-1, prod-2, shared") {
		t.Errorf("rules of several hosts without -o: exit %d, stderr %q; want a usage error naming the hosts", code, errOut)
	}
	// The shared host collides: nothing is written for any host.
	dir := filepath.Join(t.TempDir(), "firewall") + "/"
	code, _, errOut = r.run([]string{"rules", "-o", dir}, homes...)
	if code != exitFindings || !strings.Contains(errOut, "shared") {
		t.Errorf("rules with a colliding host: exit %d, stderr %q; want 1 naming the host", code, errOut)
	}
	if _, err := os.Stat(dir); err == nil {
		t.Errorf("rules with a colliding host wrote %s", dir)
	}

	// Without the colliding host: one file per host, each as --host writes it.
	homes = r.homes(hostHomes[:4]...)
	if code, _, errOut = r.run([]string{"rules", "-o", dir}, homes...); code != 0 {
		t.Fatalf("rules -o DIR/: exit %d: %s", code, errOut)
	}
	for _, f := range []struct{ host, file string }{{"dev-1", "dev-1.nft"}, {"dev-2", "dev-2.nft"}, {"prod-1", "prod-1.rules"}, {"prod-2", "prod-2.nft"}} {
		data, err := os.ReadFile(filepath.Join(dir, f.file))
		if err != nil {
			t.Fatal(err)
		}
		_, one, _ := r.run([]string{"rules", "--host", f.host}, homes...)
		if string(data) != one {
			t.Errorf("%s differs from rules --host %s", f.file, f.host)
		}
	}
	// --check DIR/ passes, then fails on drift with a diff naming the file.
	if code, out, errOut := r.run([]string{"rules", "--check", dir}, homes...); code != 0 {
		t.Fatalf("rules --check DIR/ right after -o: exit %d\n%s%s", code, out, errOut)
	}
	r.write(".wso2lint.yaml", strings.Replace(hostsConfig, "allow: {cluster: [dev-cluster]}", "allow: {cluster: [dev-cluster], management: [10.0.9.0/24]}", 1))
	code, out, errOut = r.run([]string{"rules", "--check", dir}, homes...)
	if code != exitFindings || !strings.Contains(out, "10.0.9.0/24") || !strings.Contains(errOut, "dev-1.nft is out of date") {
		t.Errorf("rules --check after a policy change: exit %d\nstdout %s\nstderr %s", code, out, errOut)
	}
	if strings.Contains(errOut, "dev-2.nft") {
		t.Errorf("rules --check named an unchanged host's file: %s", errOut)
	}
}

func TestHostsFilesAndConfigErrors(t *testing.T) {
	r := newHostRepo(t, hostsConfig)
	// --files: a change in one home of the shared host is linted with the
	// rest of that host, so the collision is found; a change in dev/ alone
	// collides with nothing.
	changed := filepath.Join(r.root, "shared/is-a/repository/conf/deployment.toml")
	_, out, errOut := r.run([]string{"lint", "--files", "--format", "json", "--fail-on", "none"}, changed)
	if got := wl101(t, r.root, out); !slices.Contains(got, "shared shared/is-a") || !slices.Contains(got, "shared shared/is-b") {
		t.Errorf("--files on one home of host shared: WL101 %q; want both homes\n%s", got, errOut)
	}
	changed = filepath.Join(r.root, "dev/node1/wso2am-4.2.0/repository/conf/deployment.toml")
	_, out, _ = r.run([]string{"lint", "--files", "--format", "json", "--fail-on", "none"}, changed, filepath.Join(r.root, "prod/node1/wso2am-4.2.0/repository/conf/deployment.toml"))
	if got := wl101(t, r.root, out); len(got) != 0 {
		t.Errorf("--files on dev and prod homes: WL101 %q; want none", got)
	}

	cases := []struct{ cfg, want string }{
		{"firewall:\n  target: pf\n", `:2: unknown firewall target "pf" (want one of`},
		{"firewall:\n  target: nftables\n  allow: {outbound: [10.0.0.0/8]}\n", `: firewall allow outbound limits outbound rules, which only egress: true writes`},
	}
	for _, tc := range cases {
		r.write(".wso2lint.yaml", tc.cfg)
		code, _, errOut := r.run([]string{"rules"}, r.homes("dev/node1/wso2am-4.2.0")...)
		want := filepath.Join(r.root, ".wso2lint.yaml") + tc.want
		if code != exitInput || !strings.Contains(errOut, want) {
			t.Errorf("rules with %q: exit %d, stderr %q; want exit 2 with %q", tc.cfg, code, errOut, want)
		}
	}
	// No target anywhere: the usage error of old.
	r.write(".wso2lint.yaml", "networks: {a: [10.0.0.0/8]}\n")
	if code, _, errOut := r.run([]string{"rules"}, r.homes("dev/node1/wso2am-4.2.0")...); code != exitInput || !strings.Contains(errOut, "--target is required") {
		t.Errorf("rules without a target: exit %d, stderr %q", code, errOut)
	}
}

// TestHostsRepositoryPath runs the commands on the repository folder itself,
// whose homes are found by searching it, as the README's CI job does.
func TestHostsRepositoryPath(t *testing.T) {
	r := newHostRepo(t, hostsConfig)
	_, out, errOut := r.run([]string{"lint", "--format", "json", "--fail-on", "none"}, r.root)
	got := wl101(t, r.root, out)
	if len(got) == 0 {
		t.Fatalf("lint of the repository: no WL101; want the shared host's collision\n%s", errOut)
	}
	if !strings.Contains(errOut, "found 6 under it, grouped by the hosts of "+filepath.Join(r.root, ".wso2lint.yaml")+": ") {
		t.Errorf("lint of the repository: the note does not say hosts: groups the homes found:\n%s", errOut)
	}
	for _, g := range got {
		if !strings.HasPrefix(g, "shared shared/") {
			t.Errorf("lint of the repository: WL101 %q outside host shared", g)
		}
	}
	// Without the colliding host, rules -o DIR/ and --check DIR/ on the
	// repository folder.
	r.write(".wso2lint.yaml", strings.Replace(hostsConfig, "  - name: shared\n    homes: [shared/*]\n", "  - name: shared\n    homes: [shared/is-a]\n", 1))
	if err := os.RemoveAll(filepath.Join(r.root, "shared/is-b")); err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(t.TempDir(), "fw") + "/"
	if code, _, errOut := r.run([]string{"rules", "-o", dir}, r.root); code != 0 {
		t.Fatalf("rules -o DIR/ of the repository: exit %d: %s", code, errOut)
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	if diff := cmp.Diff([]string{"dev-1.nft", "dev-2.nft", "prod-1.rules", "prod-2.nft", "shared.nft"}, names); diff != "" {
		t.Errorf("rules -o DIR/ files (-want +got):\n%s", diff)
	}
	if code, out, errOut := r.run([]string{"rules", "--check", dir}, r.root); code != 0 {
		t.Errorf("rules --check DIR/ of the repository: exit %d\n%s%s", code, out, errOut)
	}
	// One declared host and -o DIR/: its file in the folder, as with several.
	if code, _, errOut := r.run([]string{"rules", "--host", "dev-2", "-o", dir}, r.root); code != 0 {
		t.Fatalf("rules --host dev-2 -o DIR/: exit %d: %s", code, errOut)
	}
	if code, out, errOut := r.run([]string{"rules", "--host", "prod-1", "--check", dir}, r.root); code != 0 {
		t.Errorf("rules --host prod-1 --check DIR/: exit %d\n%s%s", code, out, errOut)
	}
}
