package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/wso2lint/wso2lint/internal/testenv"
)

// TestPortsPictureLinksHosts runs ports --format html and dot on a gateway
// and a key manager declared as two hosts in .wso2lint.yaml: the gateway's
// key-manager URL names host km, so the picture draws an arrow from that
// connection to the key manager's servlet-https. Without the configuration
// the two homes are one unnamed host and "km" names none of them: no arrow.
func TestPortsPictureLinksHosts(t *testing.T) {
	root := t.TempDir()
	src := filepath.Join(repoRoot(t), "testdata", "example", "wso2am-2.6.0")
	gw, km := filepath.Join(root, "gw", "wso2am-2.6.0"), filepath.Join(root, "km", "wso2am-2.6.0")
	testenv.CopyTree(t, src, gw)
	testenv.CopyTree(t, src, km)
	write := func(name, content string) {
		t.Helper()
		if err := os.WriteFile(name, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Mkdir(filepath.Join(root, ".git"), 0o755); err != nil {
		t.Fatal(err)
	}
	write(filepath.Join(gw, "repository", "conf", "api-manager.xml"),
		"<APIManager>\n  <APIKeyValidator>\n    <ServerURL>https://km.example.com:9443/services/</ServerURL>\n  </APIKeyValidator>\n</APIManager>\n")
	write(filepath.Join(root, ".wso2lint.yaml"), "hosts:\n  - name: gw\n    homes: [gw/*]\n  - name: km\n    homes: [km/*]\n")

	run := func(args ...string) string {
		t.Helper()
		var stdout, stderr strings.Builder
		if code := run(append(append([]string{"wso2lint", "ports"}, args...), gw, km), &stdout, &stderr, noEnv); code != 0 {
			t.Fatalf("ports %s: exit %d\n%s", strings.Join(args, " "), code, stderr.String())
		}
		return stdout.String()
	}
	// The key-manager URL is a listener of home 0; servlet-https one of home 1.
	edge := regexp.MustCompile(`<path class="edge m-host" data-from="(l0-0-\d+)" data-to="(l1-0-\d+)"`)
	html := run("--format", "html")
	ms := edge.FindAllStringSubmatch(html, -1)
	if len(ms) != 1 {
		t.Fatalf("html: %d host arrows from the gateway to the key manager, want 1:\n%s", len(ms), html)
	}
	for _, want := range []struct{ id, text string }{{ms[0][1], "→ km.example.com:9443/tcp keymanager-url — "}, {ms[0][2], "9443/tcp servlet-https — "}} {
		row := regexp.MustCompile(`data-listener="` + want.id + `"[^>]*><title>([^<]*)</title>`).FindStringSubmatch(html)
		if row == nil || !strings.Contains(row[1], want.text) {
			t.Errorf("html: row %s is %q, want it to show %q", want.id, row, want.text)
		}
	}
	for _, host := range []string{"host: gw", "host: km"} {
		if !strings.Contains(html, ">"+host+"<") {
			t.Errorf("html: no frame labelled %q", host)
		}
	}
	dot := run("--format", "dot")
	if !strings.Contains(dot, strings.ReplaceAll(ms[0][1], "-", "_")+" -> "+strings.ReplaceAll(ms[0][2], "-", "_")+" [label=\"host\"") {
		t.Errorf("dot: no edge %s -> %s:\n%s", ms[0][1], ms[0][2], dot)
	}

	if n := strings.Count(run("--format", "html", "--no-config"), `<path class="edge m-`); n != 0 {
		t.Errorf("html without hosts: %d arrows, want none (km names no host of the run)", n)
	}
}
