package main

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

var (
	buildOnce sync.Once
	binPath   string
	buildErr  error
)

// binary builds the wso2lint binary once per test run.
func binary(t *testing.T) string {
	t.Helper()
	buildOnce.Do(func() {
		dir, err := os.MkdirTemp("", "wso2lint-bin")
		if err != nil {
			buildErr = err
			return
		}
		binPath = filepath.Join(dir, "wso2lint")
		// Built as the Makefile builds a release (see TestReleaseBuild).
		cmd := exec.Command("go", "build", "-tags", releaseTags, "-o", binPath, ".")
		cmd.Env = append(os.Environ(), "CGO_ENABLED=0")
		out, err := cmd.CombinedOutput()
		if err != nil {
			buildErr = errors.New(string(out))
		}
	})
	if buildErr != nil {
		t.Fatalf("build: %v", buildErr)
	}
	return binPath
}

// execCLI runs the built binary from the repository root.
func execCLI(t *testing.T, env []string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	cmd := exec.Command(binary(t), args...)
	cmd.Dir = repoRoot(t)
	cmd.Env = append(os.Environ(), env...)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	err := cmd.Run()
	var ee *exec.ExitError
	switch {
	case err == nil:
	case errors.As(err, &ee):
		code = ee.ExitCode()
	default:
		t.Fatalf("run: %v", err)
	}
	return code, out.String(), errb.String()
}

func TestBinaryExitCodes(t *testing.T) {
	example := "testdata/example/wso2am-2.6.0"
	clean := "testdata/clean/wso2am-2.6.0"
	tests := []struct {
		name string
		args []string
		want int
	}{
		{"clean home passes", []string{clean}, 0},
		{"clean home lint command", []string{"lint", clean}, 0},
		{"info fails with --fail-on info", []string{"lint", "--fail-on", "info", clean}, 1},
		{"example has warnings", []string{example}, 1},
		{"fail-on none", []string{"lint", "--fail-on", "none", example}, 0},
		{"fail-on error with the error disabled", []string{"lint", "--fail-on", "error", "--disable", "WL303", example}, 0},
		{"ports", []string{"ports", example}, 0},
		{"catalog", []string{"catalog"}, 0},
		{"explain", []string{"explain", "WL101"}, 0},
		{"version", []string{"--version"}, 0},
		{"help", []string{"--help"}, 0},
		{"unknown flag", []string{"--no-such-flag", example}, 2},
		{"missing home", []string{"testdata/no-such-home"}, 2},
		{"malformed xml", []string{"testdata/bad/malformed-xml"}, 2},
		{"bad fail-on", []string{"lint", "--fail-on", "fatal", example}, 2},
		{"unknown rule", []string{"lint", "--disable", "WL999", example}, 2},
		{"rules without target", []string{"rules", example}, 2},
		{"explain unknown", []string{"explain", "WL999"}, 2},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			code, _, stderr := execCLI(t, nil, tc.args...)
			if code != tc.want {
				t.Errorf("wso2lint %s: exit %d, want %d (stderr %q)", strings.Join(tc.args, " "), code, tc.want, stderr)
			}
			if code == 2 && strings.Count(strings.TrimRight(stderr, "\n"), "\n") > 0 {
				t.Errorf("error is not one line: %q", stderr)
			}
		})
	}
}

func TestBinaryOutputFileAtomic(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "rules.nft")
	if err := os.WriteFile(out, []byte("previous\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	// An input error must leave the previous file untouched and no temp file behind.
	code, _, _ := execCLI(t, nil, "rules", "--target", "nftables", "-o", out, "testdata/bad/malformed-xml")
	if code != 2 {
		t.Fatalf("exit %d, want 2", code)
	}
	if got, _ := os.ReadFile(out); string(got) != "previous\n" {
		t.Errorf("output file changed on error: %q", got)
	}
	code, stdout, _ := execCLI(t, nil, "rules", "--target", "nftables", "-o", out, "testdata/example/wso2am-2.6.0")
	if code != 0 || stdout != "" {
		t.Fatalf("exit %d, stdout %q; want 0 and nothing on stdout", code, stdout)
	}
	got, err := os.ReadFile(out)
	if err != nil || !strings.Contains(string(got), "table inet wso2lint") {
		t.Errorf("rules file = %q, %v", got, err)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("directory holds %d files, want only the output", len(entries))
	}
}

func TestBinaryNoColor(t *testing.T) {
	// Output to a pipe is never coloured; NO_COLOR must not change anything either.
	_, plain, _ := execCLI(t, nil, "testdata/example/wso2am-2.6.0")
	_, nocolor, _ := execCLI(t, []string{"NO_COLOR=1"}, "testdata/example/wso2am-2.6.0")
	if strings.Contains(plain, "\x1b[") || plain != nocolor {
		t.Errorf("unexpected colour in piped output")
	}
}

// TestBinaryHomeNamedLikeHelp checks that a home named "h" is linted, not
// taken for the help command.
func TestBinaryHomeNamedLikeHelp(t *testing.T) {
	dir := t.TempDir()
	copyTree(t, filepath.Join(repoRoot(t), "testdata/clean/wso2am-2.6.0"), filepath.Join(dir, "h"))
	for _, args := range [][]string{{"h"}, {"lint", "h"}, {"ports", "h"}} {
		cmd := exec.Command(binary(t), args...)
		cmd.Dir = dir
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Errorf("wso2lint %s: %v\n%s", strings.Join(args, " "), err, out)
		}
		if strings.Contains(string(out), "USAGE:") || !strings.Contains(string(out), "h/repository/conf/") {
			t.Errorf("wso2lint %s printed help instead of results:\n%s", strings.Join(args, " "), out)
		}
	}
}
