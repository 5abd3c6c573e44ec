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
// package's initialisation allocates, and every package of this module
// (main included) is held to a few small allocations (12, 1 KB), the
// sync.OnceValue wrappers (2 allocations each) of what is built on first
// use. A regexp.MustCompile, map literal or template at package level
// breaks the bound (a regular expression alone is some 30 allocations, the
// lint package's security-severity map was 1.7 KB). Before, parse allocated 324
// times, lint 116, main 150, report/picture 727 (its HTML template),
// manifest 191, catalog 62 and internal/live 43; parse (worked on
// elsewhere) keeps a larger bound.
func TestInitWork(t *testing.T) {
	bin := binary(t)
	cmd := exec.Command(bin, "--version")
	cmd.Env = append(cmd.Environ(), "GODEBUG=inittrace=1")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("%s --version: %v\n%s", bin, err, out)
	}
	const module = "github.com/wso2lint/wso2lint"
	const maxAllocs, maxBytes = 12, 1024
	bound := map[string]int{module + "/parse": 32}
	seenMain := false
	for _, line := range strings.Split(string(out), "\n") {
		// init PKG @T ms, C ms clock, B bytes, N allocs
		f := strings.Fields(line)
		if len(f) != 11 || f[0] != "init" || f[8] != "bytes," || f[10] != "allocs" {
			continue
		}
		pkg := f[1]
		if pkg != "main" && pkg != module && !strings.HasPrefix(pkg, module+"/") {
			continue
		}
		seenMain = seenMain || pkg == "main"
		var n, b int
		if _, err := fmt.Sscan(f[9], &n); err != nil {
			t.Fatalf("inittrace line %q: %v", line, err)
		}
		if _, err := fmt.Sscan(f[7], &b); err != nil {
			t.Fatalf("inittrace line %q: %v", line, err)
		}
		max, ok := bound[pkg]
		if !ok {
			max = maxAllocs
		}
		if n > max {
			t.Errorf("init of %s allocates %d times, want at most %d: %s", pkg, n, max, line)
		}
		if b > maxBytes {
			t.Errorf("init of %s allocates %d bytes, want at most %d: %s", pkg, b, maxBytes, line)
		}
	}
	if !seenMain {
		t.Fatalf("no inittrace line of package main in:\n%s", out)
	}
}
