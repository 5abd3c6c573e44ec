package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/wso2lint/wso2lint/internal/testenv"
)

// preCommitRepo skips the test with -short or unless pre-commit and git are
// installed (CI installs them), and returns a new git repository with a git function that runs in it
// and a tryRepo function that runs this repository's .pre-commit-hooks.yaml
// on all its files with pre-commit try-repo, returning the exit status and the
// output.
func preCommitRepo(t *testing.T) (repo string, git func(args ...string), tryRepo func() (int, string)) {
	t.Helper()
	testenv.SkipShort(t, "pre-commit builds the hook with go install")
	testenv.NeedCommands(t, "apt-get install -y pre-commit", "pre-commit", "git")
	root := repoRoot(t)
	repo = t.TempDir()
	git = func(args ...string) {
		t.Helper()
		cmd := exec.Command("git", args...)
		cmd.Dir = repo
		cmd.Env = append(os.Environ(), "GIT_AUTHOR_NAME=t", "GIT_AUTHOR_EMAIL=t@example.com", "GIT_COMMITTER_NAME=t", "GIT_COMMITTER_EMAIL=t@example.com")
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("git %s: %v\n%s", strings.Join(args, " "), err, out)
		}
	}
	tryRepo = func() (int, string) {
		t.Helper()
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
	return repo, git, tryRepo
}

// TestPreCommitHook runs the repository's .pre-commit-hooks.yaml with the real
// pre-commit on a temporary git repository of configuration files: a clean
// home passes, and a second copy of it (another environment) is linted as a
// host of its own, so it does not collide with the first.
func TestPreCommitHook(t *testing.T) {
	root := repoRoot(t)
	repo, git, tryRepo := preCommitRepo(t)
	copyTree(t, filepath.Join(root, "testdata/clean/wso2am-2.6.0"), filepath.Join(repo, "apim"))
	git("add", ".")
	git("commit", "-q", "-m", "clean")
	if code, out := tryRepo(); code != 0 {
		t.Fatalf("clean configuration: pre-commit exit %d, want 0\n%s", code, out)
	}
	copyTree(t, filepath.Join(root, "testdata/clean/wso2am-2.6.0"), filepath.Join(repo, "apim-2"))
	git("add", ".")
	git("commit", "-q", "-m", "second environment")
	if code, out := tryRepo(); code != 0 || strings.Contains(out, "WL101") {
		t.Fatalf("two environments: pre-commit exit %d, want 0 and no WL101 (each home is a host of its own)\n%s", code, out)
	}
}

// TestPreCommitHookAPIM4 runs the hook on a repository holding an API Manager
// 4.x home with its repository/resources/conf tree (deployment templates that
// once made repository/resources look like a home, exit 2) and a templates/
// folder: it passes, and a bad edit fails naming the finding.
func TestPreCommitHookAPIM4(t *testing.T) {
	corpus := testenv.Corpus(t)
	repo, git, tryRepo := preCommitRepo(t)
	home := filepath.Join(repo, "prod", "wso2am-4.2.0")
	copyTree(t, filepath.Join(corpus, "wso2am-4.2.0"), home)
	for name, data := range map[string]string{
		"prod/wso2am-4.2.0/repository/resources/conf/deployment-templates/x.toml": "[server]\noffset = 1\n",
		"templates/deployment.toml.j2":                                            "[server]\noffset = {{ offset }}\n",
		"templates/am/repository/conf/deployment.toml":                            "[server]\noffset = {{ offset }}\n",
		// The stock home has findings (default passwords, JMX on): a project
		// config turns those rules off, so that the clean state passes.
		".wso2lint.yaml": "disable: [WL301, WL303, WL304, WL307, WL309, WL318]\n",
	} {
		p := filepath.Join(repo, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	git("add", ".")
	git("commit", "-q", "-m", "API Manager 4.2.0")
	if code, out := tryRepo(); code != 0 {
		t.Fatalf("API Manager 4.x home with repository/resources and templates: pre-commit exit %d, want 0\n%s", code, out)
	}
	toml := filepath.Join(home, "repository", "conf", "deployment.toml")
	data, err := os.ReadFile(toml)
	if err != nil {
		t.Fatal(err)
	}
	// The HTTP servlet moved onto the HTTPS port: a collision in one home.
	if err := os.WriteFile(toml, append(data, "\n[transport.http.properties]\nport = 9443\n"...), 0o644); err != nil {
		t.Fatal(err)
	}
	git("commit", "-q", "-am", "bad edit")
	code, out := tryRepo()
	if code == 0 || !strings.Contains(out, "WL101") || strings.Contains(out, "exit code: 2") {
		t.Fatalf("bad edit: pre-commit exit %d, want a failure from the finding WL101 (not wso2lint exit 2)\n%s", code, out)
	}
}

// copyTree copies a directory of regular files.
func copyTree(t *testing.T, src, dst string) { testenv.CopyTree(t, src, dst) }
