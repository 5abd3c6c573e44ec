package emit

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"net"
	"net/netip"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/wso2lint/wso2lint/internal/model"
	"github.com/wso2lint/wso2lint/internal/testenv"
)

// Environment variables that turn the helper tests into helper processes.
const (
	envListen = "WSO2LINT_HELPER_LISTEN" // comma-separated ports to listen on (tcp)
	envProbe  = "WSO2LINT_HELPER_PROBE"  // comma-separated host:port to dial
)

// e2eListener is a fixture listener and whether a client at 10.200.0.2 may reach it.
type e2eListener struct {
	l model.Listener
	// open reports whether the port must accept from the client, given whether
	// management is allowed from it. Written here, not derived from the plan.
	open func(mgmtAllowed bool) bool
}

func e2eListeners() []e2eListener {
	always := func(bool) bool { return true }
	never := func(bool) bool { return false }
	ifMgmt := func(m bool) bool { return m }
	hz := in(model.SvcHazelcastMember, 4000, 0, tcp, model.ExposureCluster, "repository/conf/axis2/axis2.xml", 30)
	hz.BaseEnd = 4002
	return []e2eListener{
		{in(model.SvcServletHTTPS, 9443, 1, tcp, model.ExposurePublic, "repository/conf/tomcat/catalina-server.xml", 80), always},
		{in(model.SvcServletHTTP, 9763, 1, tcp, model.ExposurePublic, "repository/conf/tomcat/catalina-server.xml", 72), always},
		{in(model.SvcPassthruHTTPS, 8243, 1, tcp, model.ExposurePublic, "repository/conf/axis2/axis2.xml", 150), always},
		{in(model.SvcJMXRegistry, 9999, 1, tcp, model.ExposureManagement, "repository/conf/carbon.xml", 40), ifMgmt},
		{in(model.SvcJMXServer, 11111, 1, tcp, model.ExposureManagement, "repository/conf/carbon.xml", 41), ifMgmt},
		{hz, never},
		{in(model.SvcEmbeddedLDAP, 10389, 1, tcp, model.ExposureLocal, "repository/conf/identity/embedded-ldap.xml", 20), never},
	}
}

func e2eHome() *model.Home {
	s := model.Server{Profile: "default", Offset: model.Offset{Value: 1}}
	for _, e := range e2eListeners() {
		s.Listeners = append(s.Listeners, e.l)
	}
	s.Sort()
	return &model.Home{Dir: "wso2am-e2e", Servers: []model.Server{s}}
}

// e2ePorts lists every inbound TCP port of the fixture with the expectation.
func e2ePorts(mgmt bool) map[int]bool {
	want := map[int]bool{}
	for _, e := range e2eListeners() {
		end := e.l.PortEnd()
		if end == 0 {
			end = e.l.Port()
		}
		for p := e.l.Port(); p <= end; p++ {
			want[int(p)] = e.open(mgmt)
		}
	}
	return want
}

// TestEndToEnd loads the generated rules into a server network namespace and
// probes every listener from a client namespace over a veth pair.
func TestEndToEnd(t *testing.T) {
	testenv.SkipShort(t, "end-to-end firewall test")
	needTools(t, "ip", "ss", "nft", "iptables-restore", "ip6tables-restore", "iptables-save", "ip6tables-save", "ip6tables")
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	for _, target := range []string{"nftables", "iptables"} {
		for _, mgmt := range []bool{false, true} {
			name := target + "/no-allow"
			opt := Options{Target: target}
			if mgmt {
				name = target + "/allow-management"
				// The IPv6 source is never probed; the read-back checks it.
				opt.Allow = map[model.Exposure][]netip.Prefix{model.ExposureManagement: pfx("10.200.0.2/32", "fd00:200::2/128")}
			}
			t.Run(name, func(t *testing.T) { e2eRun(t, exe, opt, mgmt) })
		}
	}
}

func e2eRun(t *testing.T, exe string, opt Options, mgmt bool) {
	id := strconv.Itoa(os.Getpid() % 100000)
	srv, cli := "wl-srv-"+id, "wl-cli-"+id
	vs, vc := "wls"+id, "wlc"+id
	t.Cleanup(func() {
		_, _ = execOut("ip", "netns", "del", srv)
		_, _ = execOut("ip", "netns", "del", cli)
	})
	run(t, "ip", "netns", "add", srv)
	run(t, "ip", "netns", "add", cli)
	run(t, "ip", "link", "add", vs, "type", "veth", "peer", "name", vc)
	run(t, "ip", "link", "set", vs, "netns", srv)
	run(t, "ip", "link", "set", vc, "netns", cli)
	run(t, "ip", "-n", srv, "addr", "add", "10.200.0.1/30", "dev", vs)
	run(t, "ip", "-n", cli, "addr", "add", "10.200.0.2/30", "dev", vc)
	for _, ns := range []struct{ ns, dev string }{{srv, vs}, {cli, vc}} {
		run(t, "ip", "-n", ns.ns, "link", "set", "lo", "up")
		run(t, "ip", "-n", ns.ns, "link", "set", ns.dev, "up")
	}

	// Load the rules into the server namespace.
	dir := t.TempDir()
	homes := []*model.Home{e2eHome()}
	plan, err := MakePlan(context.Background(), homes, opt)
	if err != nil {
		t.Fatal(err)
	}
	target := opt.Target
	if opt.Target == "nftables" {
		f := renderTo(t, homes, opt, filepath.Join(dir, "rules.nft"))
		run(t, "ip", "netns", "exec", srv, "nft", "-f", f)
	} else {
		f := renderTo(t, homes, opt, filepath.Join(dir, "rules.v4"))
		run(t, "ip", "netns", "exec", srv, "iptables-restore", f)
		opt.Target = "ip6tables"
		f6 := renderTo(t, homes, opt, filepath.Join(dir, "rules.v6"))
		run(t, "ip", "netns", "exec", srv, "ip6tables-restore", f6)
	}
	for _, d := range e2eReadBack(t, srv, target, plan) {
		t.Error(d)
	}

	want := e2ePorts(mgmt)
	var ports []int
	for p := range want {
		ports = append(ports, p)
	}
	sort.Ints(ports)

	// Listen on every port inside the server namespace.
	var list []string
	for _, p := range ports {
		list = append(list, strconv.Itoa(p))
	}
	lis := exec.Command("ip", "netns", "exec", srv, exe, "-test.run=^TestHelperListen$")
	lis.Env = append(os.Environ(), envListen+"="+strings.Join(list, ","))
	stdin, err := lis.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := lis.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		_ = stdin.Close()
		_ = lis.Process.Kill()
		_ = lis.Wait()
	})
	waitListening(t, srv, ports)

	// Probe from the client namespace.
	var targets []string
	for _, p := range ports {
		targets = append(targets, "10.200.0.1:"+strconv.Itoa(p))
	}
	probe := exec.Command("ip", "netns", "exec", cli, exe, "-test.run=^TestHelperProbe$")
	probe.Env = append(os.Environ(), envProbe+"="+strings.Join(targets, ","))
	out, err := probe.CombinedOutput()
	if err != nil {
		t.Fatalf("probe: %v\n%s", err, out)
	}
	got := map[int]bool{}
	sc := bufio.NewScanner(strings.NewReader(string(out)))
	for sc.Scan() {
		var port int
		var state string
		if n, _ := fmt.Sscanf(sc.Text(), "probe %d %s", &port, &state); n == 2 {
			got[port] = state == "open"
		}
	}
	for _, p := range ports {
		r, ok := got[p]
		switch {
		case !ok:
			t.Errorf("port %d: not probed\n%s", p, out)
		case r != want[p]:
			t.Errorf("port %d: reachable = %v, want %v", p, r, want[p])
		}
	}
	// The read-back must see a rule the plan does not have.
	if target == "nftables" {
		run(t, "ip", "netns", "exec", srv, "nft", "add", "rule", "inet", "wso2lint", "wso2lint-in", "ip6", "saddr", "fd00::9", "udp", "dport", "7", "accept")
	} else {
		run(t, "ip", "netns", "exec", srv, "ip6tables", "-A", "WSO2LINT-IN", "-s", "fd00::9", "-p", "udp", "-m", "udp", "--dport", "7", "-j", "ACCEPT")
	}
	if d := e2eReadBack(t, srv, target, plan); len(d) != 1 || !strings.Contains(d[0], "fd00::9/128") {
		t.Errorf("read-back after adding a rule: %q, want one difference naming fd00::9/128", d)
	}
}

// e2eReadBack reads the ruleset back from the kernel of namespace ns (nft -j
// list ruleset; iptables-save and ip6tables-save) and checks that wso2lint's
// chains accept exactly what the plan says, for IPv4 and IPv6, and that the
// input hook drops by default and jumps to them. It returns the differences.
func e2eReadBack(t *testing.T, ns, target string, p *Plan) []string {
	t.Helper()
	var diffs []string
	want := planAccepts(p)
	if len(want) == 0 {
		t.Fatal("the plan accepts nothing: the read-back proves nothing")
	}
	save := func(cmd string, args ...string) []byte {
		t.Helper()
		out, err := exec.Command("ip", append([]string{"netns", "exec", ns, cmd}, args...)...).Output()
		if err != nil {
			t.Fatalf("%s: %v", cmd, err)
		}
		return out
	}
	switch target {
	case "nftables":
		rb, err := parseNftJSON(save("nft", "-j", "list", "ruleset"))
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(want, rb.Accepts); diff != "" {
			diffs = append(diffs, "nft ruleset read back differs from the plan (-plan +kernel):\n"+diff)
		}
		if diff := cmp.Diff([]string{"input input drop -> wso2lint-in"}, rb.Base); diff != "" {
			diffs = append(diffs, "nft base chains (-want +kernel):\n"+diff)
		}
	case "iptables":
		for _, fam := range []struct{ name, save string }{{"ip", "iptables-save"}, {"ip6", "ip6tables-save"}} {
			rb, err := parseIptablesSave(fam.name, string(save(fam.save, "-t", "filter")))
			if err != nil {
				t.Fatal(err)
			}
			var wantFam []accepted
			for _, a := range want {
				if a.Family == fam.name {
					wantFam = append(wantFam, a)
				}
			}
			if diff := cmp.Diff(wantFam, rb.Accepts); diff != "" {
				diffs = append(diffs, fam.save+" read back differs from the plan (-plan +kernel):\n"+diff)
			}
			if diff := cmp.Diff([]string{"INPUT DROP -> WSO2LINT-IN"}, rb.Base); diff != "" {
				diffs = append(diffs, fam.save+" base chains (-want +kernel):\n"+diff)
			}
		}
	default:
		t.Fatalf("no read-back for target %s", target)
	}
	return diffs
}

func renderTo(t *testing.T, homes []*model.Home, opt Options, path string) string {
	t.Helper()
	b, err := Render(context.Background(), homes, opt)
	if err != nil {
		t.Fatal(err)
	}
	writeFile(t, path, string(b))
	return path
}

// waitListening polls ss inside the namespace until every port listens.
func waitListening(t *testing.T, ns string, ports []int) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for {
		out, _ := execOut("ip", "netns", "exec", ns, "ss", "-Hltn")
		missing := 0
		for _, p := range ports {
			if !strings.Contains(out, ":"+strconv.Itoa(p)+" ") {
				missing++
			}
		}
		if missing == 0 {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("%d listeners not up in %s:\n%s", missing, ns, out)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// TestHelperListen is not a test: run as a child process with envListen set, it
// accepts (and closes) connections on the ports until stdin closes.
func TestHelperListen(t *testing.T) {
	spec := os.Getenv(envListen)
	if spec == "" {
		t.Skip("helper process for TestEndToEnd")
	}
	for _, p := range strings.Split(spec, ",") {
		l, err := net.Listen("tcp", ":"+p)
		if err != nil {
			t.Fatalf("listen %s: %v", p, err)
		}
		go func() {
			for {
				c, err := l.Accept()
				if err != nil {
					return
				}
				_ = c.Close()
			}
		}()
	}
	_, _ = io.Copy(io.Discard, os.Stdin)
}

// TestHelperProbe is not a test: run as a child process with envProbe set, it
// dials every address with a one-second timeout and prints "probe PORT open"
// or "probe PORT closed".
func TestHelperProbe(t *testing.T) {
	spec := os.Getenv(envProbe)
	if spec == "" {
		t.Skip("helper process for TestEndToEnd")
	}
	addrs := strings.Split(spec, ",")
	res := make([]string, len(addrs))
	var wg sync.WaitGroup
	for i, a := range addrs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			_, port, _ := net.SplitHostPort(a)
			state := "closed"
			if c, err := net.DialTimeout("tcp", a, time.Second); err == nil {
				state = "open"
				_ = c.Close()
			}
			res[i] = "probe " + port + " " + state
		}()
	}
	wg.Wait()
	for _, r := range res {
		fmt.Println(r)
	}
}
