package main

import (
	"debug/buildinfo"
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
