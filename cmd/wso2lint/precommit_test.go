package main

import (
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"gopkg.in/yaml.v3"

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
	env := preCommitEnv(t)
	tryRepo = func() (int, string) {
		t.Helper()
		return runPreCommit(t, repo, env, "try-repo", root, "wso2lint", "--all-files")
	}
	git("init", "-q")
	return repo, git, tryRepo
}

// preCommitTimeout bounds one pre-commit run: building the hook and linting
// take well under a minute; a run that hangs fails with what it printed.
const preCommitTimeout = 5 * time.Minute

// preCommitEnv is the environment pre-commit runs in: a pre-commit home of the
// test's own, so that no other pre-commit (another test, another package's
// fresh clone running the same tests) shares its store and its lock, and the
// golang hook built from the module cache this test was built from, never
// from the network (GOPROXY=off): an install that would download fails at
// once instead of waiting on a connection.
func preCommitEnv(t *testing.T) []string {
	t.Helper()
	out, err := exec.Command("go", "env", "GOMODCACHE").Output()
	if err != nil {
		t.Fatalf("go env GOMODCACHE: %v", err)
	}
	return append(os.Environ(), "PRE_COMMIT_HOME="+t.TempDir(), "GOMODCACHE="+strings.TrimSpace(string(out)), "GOPROXY=off")
}

// runPreCommit runs pre-commit with args in dir and env, and returns its exit
// status and output; it fails the test if pre-commit cannot be run or takes
// longer than preCommitTimeout.
func runPreCommit(t *testing.T, dir string, env []string, args ...string) (int, string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), preCommitTimeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, "pre-commit", args...)
	cmd.Dir, cmd.Env = dir, env
	cmd.WaitDelay = 10 * time.Second // a hook's child still holding the output pipe
	out, err := cmd.CombinedOutput()
	if ctx.Err() != nil {
		t.Fatalf("pre-commit %s: still running after %v; output so far:\n%s", strings.Join(args, " "), preCommitTimeout, out)
	}
	var ee *exec.ExitError
	if errors.As(err, &ee) {
		return ee.ExitCode(), string(out)
	} else if err != nil {
		t.Fatalf("pre-commit: %v\n%s", err, out)
	}
	return 0, string(out)
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

// preCommitHook is one hook of .pre-commit-hooks.yaml.
type preCommitHook struct {
	ID            string `yaml:"id"`
	Entry         string `yaml:"entry"`
	Language      string `yaml:"language"`
	Files         string `yaml:"files"`
	PassFilenames bool   `yaml:"pass_filenames"`
	RequireSerial bool   `yaml:"require_serial"`
}

// preCommitHooks reads the repository's .pre-commit-hooks.yaml by language.
func preCommitHooks(t *testing.T) map[string]preCommitHook {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(repoRoot(t), ".pre-commit-hooks.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	var hooks []preCommitHook
	if err := yaml.Unmarshal(data, &hooks); err != nil {
		t.Fatal(err)
	}
	out := map[string]preCommitHook{}
	for _, h := range hooks {
		if _, dup := out[h.Language]; dup {
			t.Errorf("two hooks of language %s", h.Language)
		}
		out[h.Language] = h
	}
	return out
}

// TestPreCommitHookFlavours checks that the hooks come in three flavours,
// golang (built by pre-commit), system (wso2lint on PATH) and docker_image
// (the image, whose ENTRYPOINT is wso2lint), running the same command on the
// same files.
func TestPreCommitHookFlavours(t *testing.T) {
	hooks := preCommitHooks(t)
	golang, system, docker := hooks["golang"], hooks["system"], hooks["docker_image"]
	if golang.ID != "wso2lint" || system.ID == "" || docker.ID == "" {
		t.Fatalf("want hooks of languages golang (id wso2lint), system and docker_image; got %+v", hooks)
	}
	want := golang
	want.ID, want.Language = "", ""
	for _, h := range []preCommitHook{system, docker} {
		got := h
		got.ID, got.Language = "", ""
		if h.Language == "docker_image" {
			image, args, _ := strings.Cut(h.Entry, " ")
			if !strings.HasPrefix(image, "ghcr.io/wso2lint/wso2lint:") {
				t.Errorf("docker_image entry %q: want the wso2lint image first", h.Entry)
			}
			got.Entry = "wso2lint " + args // the image's ENTRYPOINT is wso2lint
		}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("hook %s differs from the golang hook (-want +got):\n%s", h.ID, diff)
		}
	}
	if !strings.HasPrefix(want.Entry, "wso2lint lint --files") || !want.PassFilenames || !want.RequireSerial {
		t.Errorf("golang hook %+v: want entry wso2lint lint --files, pass_filenames, require_serial", golang)
	}
}

// TestPreCommitHookSystemAndDocker runs the system hook with the real
// pre-commit (try-repo, the built wso2lint on PATH) and the docker_image
// hook's command as docker would run it in the image (the entry with the
// image replaced by its ENTRYPOINT, the changed files appended, in the
// repository): a clean home passes, a collision fails with WL101.
func TestPreCommitHookSystemAndDocker(t *testing.T) {
	testenv.NeedCommands(t, "apt-get install -y pre-commit", "pre-commit", "git")
	hooks := preCommitHooks(t)
	root := repoRoot(t)
	repo, git, _ := preCommitRepo(t)
	env := append(preCommitEnv(t), "PATH="+filepath.Dir(binary(t))+string(os.PathListSeparator)+os.Getenv("PATH"))
	system := func() (int, string) {
		return runPreCommit(t, repo, env, "try-repo", root, hooks["system"].ID, "--all-files")
	}
	docker := func() (int, string) {
		files := exec.Command("git", "ls-files")
		files.Dir = repo
		list, err := files.Output()
		if err != nil {
			t.Fatal(err)
		}
		re := regexp.MustCompile(hooks["docker_image"].Files)
		_, args, _ := strings.Cut(hooks["docker_image"].Entry, " ")
		argv := strings.Fields(args)
		for _, f := range strings.Fields(string(list)) {
			if re.MatchString(f) {
				argv = append(argv, f)
			}
		}
		cmd := exec.Command(binary(t), argv...)
		cmd.Dir = repo
		out, err := cmd.CombinedOutput()
		var ee *exec.ExitError
		if errors.As(err, &ee) {
			return ee.ExitCode(), string(out)
		} else if err != nil {
			t.Fatal(err)
		}
		return 0, string(out)
	}
	copyTree(t, filepath.Join(root, "testdata/clean/wso2am-2.6.0"), filepath.Join(repo, "apim"))
	git("add", ".")
	git("commit", "-q", "-m", "clean")
	for name, hook := range map[string]func() (int, string){"system": system, "docker_image": docker} {
		if code, out := hook(); code != 0 {
			t.Errorf("%s hook, clean configuration: exit %d, want 0\n%s", name, code, out)
		}
	}
	// The HTTP servlet port moved onto the HTTPS one: WL101 in one home.
	p := filepath.Join(repo, "apim/repository/conf/tomcat/catalina-server.xml")
	data, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	bad := strings.Replace(string(data), `port="9763"`, `port="9443"`, 1)
	if bad == string(data) {
		t.Fatal("fixture catalina-server.xml has no port=\"9763\"")
	}
	if err := os.WriteFile(p, []byte(bad), 0o644); err != nil {
		t.Fatal(err)
	}
	git("commit", "-q", "-am", "bad edit")
	for name, hook := range map[string]func() (int, string){"system": system, "docker_image": docker} {
		if code, out := hook(); code != 1 || !strings.Contains(out, "WL101") {
			t.Errorf("%s hook, bad edit: exit %d, want a failure naming WL101\n%s", name, code, out)
		}
	}
}
