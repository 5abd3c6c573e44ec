package main

import (
	"debug/buildinfo"
	"fmt"
	"os/exec"
	"strings"
	"testing"

	"github.com/wso2lint/wso2lint/internal/testenv"
)

// releaseTags are the build tags of a release build (Makefile BUILDTAGS):
// urfave_cli_no_docs leaves out urfave/cli's man page and markdown
// generators, which wso2lint never calls (issue 15 item 4).
const releaseTags = "urfave_cli_no_docs"

// TestReleaseBuild checks that `make build` builds a static binary
// (CGO_ENABLED=0: no dynamic loader at start-up) with releaseTags.
func TestReleaseBuild(t *testing.T) {
	testenv.NeedCommands(t, "apt-get install make", "make")
	cmd := exec.Command("make", "-n", "build", "BIN=/nonexistent/wso2lint")
	cmd.Dir = repoRoot(t)
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("make -n build: %v\n%s", err, out)
	}
	var build string
	for _, line := range strings.Split(string(out), "\n") {
		if strings.Contains(line, " build ") && strings.Contains(line, "./cmd/wso2lint") {
			build = line
		}
	}
	if build == "" {
		t.Fatalf("make -n build runs no go build of ./cmd/wso2lint:\n%s", out)
	}
	for _, want := range []string{"CGO_ENABLED=0 ", "-tags '" + releaseTags + "'", "-trimpath"} {
		if !strings.Contains(build, want) {
			t.Errorf("make build runs\n\t%s\nwant it to contain %q", build, want)
		}
	}
}

// TestBinaryStatic checks the binary the tests build as a release is built:
// no cgo, the release tags, and neither urfave/cli's doc generators nor
// their markdown libraries linked in.
func TestBinaryStatic(t *testing.T) {
	bin := binary(t)
	info, err := buildinfo.ReadFile(bin)
	if err != nil {
		t.Fatal(err)
	}
	settings := map[string]string{}
	for _, s := range info.Settings {
		settings[s.Key] = s.Value
	}
	if settings["CGO_ENABLED"] != "0" {
		t.Errorf("CGO_ENABLED = %q, want 0 (a static binary)", settings["CGO_ENABLED"])
	}
	if settings["-tags"] != releaseTags {
		t.Errorf("-tags = %q, want %q", settings["-tags"], releaseTags)
	}
	for _, dep := range info.Deps {
		if strings.Contains(dep.Path, "blackfriday") || strings.Contains(dep.Path, "go-md2man") {
			t.Errorf("binary links %s: urfave/cli's doc generators are not left out", dep.Path)
		}
	}
}

// TestInitWork checks that start-up does no per-run work in wso2lint's own
// packages (issue 15 item 4): GODEBUG=inittrace=1 reports what each
// package's initialisation allocates. Regular expressions and lookup maps
// are built on first use (sync.OnceValue). Before, parse allocated 324
// times, lint 116 and main 150; catalog still builds the product table for
// its deployment.toml defaults (amKeys), hence its larger bound.
func TestInitWork(t *testing.T) {
	bin := binary(t)
	cmd := exec.Command(bin, "--version")
	cmd.Env = append(cmd.Environ(), "GODEBUG=inittrace=1")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("%s --version: %v\n%s", bin, err, out)
	}
	bound := map[string]int{"main": 8, "github.com/wso2lint/wso2lint/parse": 32, "github.com/wso2lint/wso2lint/lint": 16, "github.com/wso2lint/wso2lint/catalog": 80}
	seen := 0
	for _, line := range strings.Split(string(out), "\n") {
		// init PKG @T ms, C ms clock, B bytes, N allocs
		f := strings.Fields(line)
		if len(f) != 11 || f[0] != "init" || f[10] != "allocs" {
			continue
		}
		max, ok := bound[f[1]]
		if !ok {
			continue
		}
		seen++
		var n int
		if _, err := fmt.Sscan(f[9], &n); err != nil {
			t.Fatalf("inittrace line %q: %v", line, err)
		}
		if n > max {
			t.Errorf("init of %s allocates %d times, want at most %d: %s", f[1], n, max, line)
		}
	}
	if seen == 0 {
		t.Fatalf("no inittrace line of wso2lint's packages in:\n%s", out)
	}
}
