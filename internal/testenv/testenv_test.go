package testenv

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

const envHelper = "WSO2LINT_TESTENV_HELPER"

// TestHelperSkip is not a test: run as a child process with envHelper set, it
// asks for a command that does not exist.
func TestHelperSkip(t *testing.T) {
	if os.Getenv(envHelper) == "" {
		t.Skip("helper process for TestSkipfStrict")
	}
	NeedCommands(t, "no way to install it", "wso2lint-no-such-command")
	t.Log("reached after NeedCommands")
}

// env returns the environment without StrictVar and CI, plus extra.
func env(extra ...string) []string {
	var out []string
	for _, e := range os.Environ() {
		if !strings.HasPrefix(e, StrictVar+"=") && !strings.HasPrefix(e, "CI=") {
			out = append(out, e)
		}
	}
	return append(out, extra...)
}

func TestSkipfStrict(t *testing.T) {
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name     string
		env      []string
		wantFail bool
	}{
		{"unset: skip", nil, false},
		{"generic CI is not the project's CI", []string{"CI=true"}, false},
		{"WSO2LINT_CI=0: skip", []string{StrictVar + "=0"}, false},
		{"WSO2LINT_CI=1: fail", []string{StrictVar + "=1"}, true},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			cmd := exec.Command(exe, "-test.run=^TestHelperSkip$", "-test.v")
			cmd.Env = env(append([]string{envHelper + "=1"}, tc.env...)...)
			out, err := cmd.CombinedOutput()
			s := string(out)
			if !strings.Contains(s, "needs wso2lint-no-such-command on PATH (no way to install it)") {
				t.Errorf("output lacks the reason:\n%s", s)
			}
			if strings.Contains(s, "reached after NeedCommands") {
				t.Errorf("the test went on without the command:\n%s", s)
			}
			if tc.wantFail {
				if err == nil || !strings.Contains(s, "--- FAIL: TestHelperSkip") {
					t.Errorf("want a failure, got err %v:\n%s", err, s)
				}
			} else if err != nil || !strings.Contains(s, "--- SKIP: TestHelperSkip") {
				t.Errorf("want a skip, got err %v:\n%s", err, s)
			}
		})
	}
}

func TestSharedDirIsBesideTheRepository(t *testing.T) {
	root := RepoRoot(t)
	if _, err := os.Stat(filepath.Join(root, "go.mod")); err != nil {
		t.Fatalf("RepoRoot %s holds no go.mod: %v", root, err)
	}
	if got, want := SharedDir(t), filepath.Join(filepath.Dir(root), "shared"); got != want {
		t.Errorf("SharedDir = %s, want %s", got, want)
	}
	if HaveCorpus(t) != isDir(filepath.Join(SharedDir(t), "corpus")) {
		t.Error("HaveCorpus disagrees with the file system")
	}
}

func TestCopyTree(t *testing.T) {
	src, dst := t.TempDir(), filepath.Join(t.TempDir(), "copy")
	if err := os.MkdirAll(filepath.Join(src, "a", "b"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(src, "a", "b", "f.xml"), []byte("<x/>"), 0o444); err != nil {
		t.Fatal(err)
	}
	CopyTree(t, src, dst)
	fi, err := os.Stat(filepath.Join(dst, "a", "b", "f.xml"))
	if err != nil {
		t.Fatal(err)
	}
	if fi.Mode().Perm() != 0o644 {
		t.Errorf("copy mode %v, want 0644 (read-only source made writable)", fi.Mode().Perm())
	}
}
