package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/wso2lint/wso2lint/internal/testenv"
)

// TestPreCommitHook runs the repository's .pre-commit-hooks.yaml with the real
// pre-commit on a temporary git repository of configuration files: a clean
// home passes, and two homes whose ports collide fail.
func TestPreCommitHook(t *testing.T) {
	testenv.SkipShort(t, "pre-commit builds the hook with go install")
	testenv.NeedCommands(t, "apt-get install -y pre-commit", "pre-commit", "git")
	root := repoRoot(t)
	repo := t.TempDir()
	git := func(args ...string) {
		t.Helper()
		cmd := exec.Command("git", args...)
		cmd.Dir = repo
		cmd.Env = append(os.Environ(), "GIT_AUTHOR_NAME=t", "GIT_AUTHOR_EMAIL=t@example.com", "GIT_COMMITTER_NAME=t", "GIT_COMMITTER_EMAIL=t@example.com")
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("git %s: %v\n%s", strings.Join(args, " "), err, out)
		}
	}
	tryRepo := func() (int, string) {
		cmd := exec.Command("pre-commit", "try-repo", root, "wso2lint", "--all-files")
		cmd.Dir = repo
		out, err := cmd.CombinedOutput()
		if ee, ok := err.(*exec.ExitError); ok {
			return ee.ExitCode(), string(out)
		} else if err != nil {
			t.Fatalf("pre-commit: %v\n%s", err, out)
		}
		return 0, string(out)
	}
	git("init", "-q")
	copyTree(t, filepath.Join(root, "testdata/clean/wso2am-2.6.0"), filepath.Join(repo, "apim"))
	git("add", ".")
	git("commit", "-q", "-m", "clean")
	if code, out := tryRepo(); code != 0 {
		t.Fatalf("clean configuration: pre-commit exit %d, want 0\n%s", code, out)
	}
	copyTree(t, filepath.Join(root, "testdata/clean/wso2am-2.6.0"), filepath.Join(repo, "apim-2"))
	git("add", ".")
	git("commit", "-q", "-m", "second home on the same host")
	code, out := tryRepo()
	if code == 0 || !strings.Contains(out, "WL101") {
		t.Fatalf("colliding homes: pre-commit exit %d, want a failure naming WL101\n%s", code, out)
	}
}

// copyTree copies a directory of regular files.
func copyTree(t *testing.T, src, dst string) { testenv.CopyTree(t, src, dst) }
