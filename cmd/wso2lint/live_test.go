package main

import (
	"encoding/json"
	"fmt"
	"io"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/wso2lint/wso2lint/internal/testenv"
)

// liveHomeCopy copies the ELB fixture (8243, 8280, 9443, 9763, 9999, 11111)
// with the HTTP connector bound to 127.0.0.1.
func liveHomeCopy(t *testing.T) string {
	t.Helper()
	home := filepath.Join(t.TempDir(), "wso2elb-2.2.0")
	testenv.CopyTree(t, filepath.Join(repoRoot(t), "testdata", "homes", "wso2elb-2.2.0"), home)
	f := filepath.Join(home, "repository", "conf", "tomcat", "catalina-server.xml")
	data, err := os.ReadFile(f)
	if err != nil {
		t.Fatal(err)
	}
	edited := strings.Replace(string(data), `port="9763"`, `port="9763" address="127.0.0.1"`, 1)
	if edited == string(data) {
		t.Fatal("fixture has no 9763 connector")
	}
	if err := os.WriteFile(f, []byte(edited), 0o644); err != nil {
		t.Fatal(err)
	}
	return home
}

var livePort = regexp.MustCompile(`(?:port |:)(\d+)(?:/tcp)?`)

// liveFindings runs lint with the live options and returns "RULE PORT" for
// each live finding (WL6xx), sorted.
func liveFindings(t *testing.T, res cliResult) []string {
	t.Helper()
	var out struct {
		Findings []struct {
			Rule    string `json:"rule"`
			Message string `json:"message"`
		} `json:"findings"`
	}
	if err := json.Unmarshal([]byte(res.stdout), &out); err != nil {
		t.Fatalf("lint JSON (exit %d): %v\n%s", res.code, err, res.stderr)
	}
	var got []string
	for _, f := range out.Findings {
		if !strings.HasPrefix(f.Rule, "WL6") {
			continue
		}
		port := "?"
		switch f.Rule {
		case "WL602":
			if m := regexp.MustCompile(`listens on \S*:(\d+)/`).FindStringSubmatch(f.Message); m != nil {
				port = m[1]
			}
		default:
			if m := livePort.FindStringSubmatch(f.Message); m != nil {
				port = m[1]
			}
		}
		got = append(got, f.Rule+" "+port)
	}
	slices.Sort(got)
	return got
}

// wantLive are the live findings of liveHomeCopy with the sockets the tests
// open: 11111 missing, 41873 unexplained, 9763 on every interface.
var wantLive = []string{"WL601 11111", "WL602 41873", "WL603 9763"}

func TestLiveFromSS(t *testing.T) {
	home := liveHomeCopy(t)
	ss := filepath.Join(t.TempDir(), "ss.txt")
	os.WriteFile(ss, []byte(`Netid State  Recv-Q Send-Q Local Address:Port  Peer Address:Port Process
tcp   LISTEN 0      50           0.0.0.0:8243      0.0.0.0:*     users:(("java",pid=4242,fd=300))
tcp   LISTEN 0      50           0.0.0.0:8280      0.0.0.0:*     users:(("java",pid=4242,fd=301))
tcp   LISTEN 0      50                 *:9443            *:*     users:(("java",pid=4242,fd=302))
tcp   LISTEN 0      50           0.0.0.0:9763      0.0.0.0:*     users:(("java",pid=4242,fd=303))
tcp   LISTEN 0      50                 *:9999            *:*     users:(("java",pid=4242,fd=304))
tcp   LISTEN 0      50                 *:41873           *:*     users:(("java",pid=4242,fd=305))
tcp   LISTEN 0      128          0.0.0.0:22        0.0.0.0:*     users:(("sshd",pid=700,fd=3))
`), 0o644)
	res := runArgs("lint", "--format", "json", "--fail-on", "none", "--no-config", "--live-from", ss, home)
	if diff := cmp.Diff(wantLive, liveFindings(t, res)); diff != "" {
		t.Errorf("live findings (-want +got):\n%s", diff)
	}
	// The unexplained socket points at its line of the ss output.
	if !strings.Contains(res.stdout, `"file": "`+ss+`"`) || !strings.Contains(res.stdout, `"line": 7`) {
		t.Errorf("WL602 does not point at %s:7:\n%s", ss, res.stdout)
	}
	// Nothing of the home listening: one finding for the server, not six.
	os.WriteFile(ss, []byte("Netid State Recv-Q Send-Q Local Address:Port Peer Address:Port Process\ntcp LISTEN 0 128 0.0.0.0:22 0.0.0.0:* users:((\"sshd\",pid=700,fd=3))\n"), 0o644)
	res = runArgs("lint", "--format", "json", "--fail-on", "none", "--no-config", "--live-from", ss, home)
	if got := liveFindings(t, res); len(got) != 1 || !strings.HasPrefix(got[0], "WL601") || !strings.Contains(res.stdout, "none of the 6 listeners") {
		t.Errorf("server not running: %v\n%s", got, res.stdout)
	}
	// Bad input is one line naming the file and line, exit 2.
	os.WriteFile(ss, []byte("tcp LISTEN 0 50 0.0.0.0:https 0.0.0.0:*\n"), 0o644)
	res = runArgs("lint", "--live-from", ss, home)
	if res.code != 2 || !strings.Contains(res.stderr, ss+":1:") || strings.Count(strings.TrimSpace(res.stderr), "\n") != 0 {
		t.Errorf("junk ss output: exit %d, stderr %q", res.code, res.stderr)
	}
	res = runArgs("lint", "--live", "--live-from", ss, home)
	if res.code != 2 {
		t.Errorf("--live with --live-from: exit %d, want a usage error", res.code)
	}
}

// TestLiveInNetns starts real listeners in a network namespace the test
// creates (expected ones, one missing, one unexplained, one wider than its
// configured bind address) and runs lint --live inside it, then lint
// --live-from on the namespace's own ss -ltnup output.
func TestLiveInNetns(t *testing.T) {
	testenv.SkipShort(t, "live check in a network namespace")
	testenv.NeedRoot(t)
	testenv.NeedCommands(t, "iproute2 provides ip and ss", "ip", "ss")
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	home := liveHomeCopy(t)
	ns := fmt.Sprintf("wl-live-%d", os.Getpid())
	if out, err := exec.Command("ip", "netns", "add", ns).CombinedOutput(); err != nil {
		t.Fatalf("ip netns add: %v\n%s", err, out)
	}
	t.Cleanup(func() { exec.Command("ip", "netns", "del", ns).Run() })
	exec.Command("ip", "netns", "exec", ns, "ip", "link", "set", "lo", "up").Run()

	ports := []string{"8243", "8280", "9443", "9763", "9999", "41873"}
	lis := exec.Command("ip", "netns", "exec", ns, exe, "-test.run=^TestHelperLiveListen$")
	lis.Env = append(os.Environ(), "WSO2LINT_LIVE_LISTEN="+strings.Join(ports, ","))
	stdin, err := lis.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := lis.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { stdin.Close(); lis.Process.Kill(); lis.Wait() })
	var ss string
	for deadline := time.Now().Add(15 * time.Second); ; {
		out, _ := exec.Command("ip", "netns", "exec", ns, "ss", "-ltnup").Output()
		ss = string(out)
		up := 0
		for _, p := range ports {
			if strings.Contains(ss, ":"+p+" ") {
				up++
			}
		}
		if up == len(ports) {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("listeners not up in %s:\n%s", ns, ss)
		}
		time.Sleep(50 * time.Millisecond)
	}

	lintLive := exec.Command("ip", "netns", "exec", ns, exe, "-test.run=^TestHelperLiveLint$")
	lintLive.Env = append(os.Environ(), "WSO2LINT_LIVE_LINT="+home)
	out, err := lintLive.Output()
	if err != nil {
		t.Fatalf("lint --live in %s: %v\n%s", ns, err, out)
	}
	_, js, ok := strings.Cut(string(out), "WSO2LINT-LIVE-JSON\n")
	if !ok {
		t.Fatalf("helper printed no result:\n%s", out)
	}
	js, _, _ = strings.Cut(js, "\nWSO2LINT-LIVE-END")
	if diff := cmp.Diff(wantLive, liveFindings(t, cliResult{stdout: js})); diff != "" {
		t.Errorf("lint --live findings (-want +got):\n%s", diff)
	}
	if !strings.Contains(js, "/proc/net/tcp") {
		t.Errorf("WL602 does not point into /proc/net/tcp*:\n%s", js)
	}

	file := filepath.Join(t.TempDir(), "ss.txt")
	os.WriteFile(file, []byte(ss), 0o644)
	res := runArgs("lint", "--format", "json", "--fail-on", "none", "--no-config", "--live-from", file, home)
	if diff := cmp.Diff(wantLive, liveFindings(t, res)); diff != "" {
		t.Errorf("lint --live-from on the namespace's ss -ltnup (-want +got):\n%s\n%s", diff, ss)
	}
}

// TestHelperLiveListen is not a test: run in a namespace with
// WSO2LINT_LIVE_LISTEN set, it listens on every interface on the ports until
// stdin closes.
func TestHelperLiveListen(t *testing.T) {
	spec := os.Getenv("WSO2LINT_LIVE_LISTEN")
	if spec == "" {
		t.Skip("helper process for TestLiveInNetns")
	}
	for _, p := range strings.Split(spec, ",") {
		n, _ := strconv.Atoi(p)
		l, err := net.ListenTCP("tcp4", &net.TCPAddr{Port: n})
		if err != nil {
			t.Fatalf("listen %s: %v", p, err)
		}
		defer l.Close()
	}
	io.Copy(io.Discard, os.Stdin)
}

// TestHelperLiveLint is not a test: run in a namespace with
// WSO2LINT_LIVE_LINT naming a home, it prints lint --live's JSON between
// markers.
func TestHelperLiveLint(t *testing.T) {
	home := os.Getenv("WSO2LINT_LIVE_LINT")
	if home == "" {
		t.Skip("helper process for TestLiveInNetns")
	}
	res := runArgs("lint", "--format", "json", "--fail-on", "none", "--no-config", "--live", home)
	fmt.Printf("WSO2LINT-LIVE-JSON\n%s\nWSO2LINT-LIVE-END\n", res.stdout)
	if res.code != 0 {
		t.Fatalf("exit %d: %s", res.code, res.stderr)
	}
}
