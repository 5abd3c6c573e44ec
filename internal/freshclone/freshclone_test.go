package freshclone

import (
	"bufio"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/wso2lint/wso2lint/internal/testenv"
)

// corpusUse marks a test file that needs ../shared.
var corpusUse = regexp.MustCompile(`testenv\.(Corpus|Shared|HaveCorpus)\(`)

// corpusPackages lists, as ./dir patterns, the packages under root whose
// tests use ../shared.
func corpusPackages(t *testing.T, root string) []string {
	t.Helper()
	seen := map[string]bool{}
	err := filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (d.Name() == ".git" || d.Name() == "testdata") {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(p, "_test.go") {
			return nil
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		if corpusUse.Match(data) {
			rel, err := filepath.Rel(root, filepath.Dir(p))
			if err != nil {
				return err
			}
			seen["./"+filepath.ToSlash(rel)] = true
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	var pkgs []string
	for p := range seen {
		pkgs = append(pkgs, p)
	}
	sort.Strings(pkgs)
	return pkgs
}

// cleanEnv is the environment without the variables that turn skips into
// failures.
func cleanEnv() []string {
	var out []string
	for _, e := range os.Environ() {
		if strings.HasPrefix(e, testenv.StrictVar+"=") || strings.HasPrefix(e, "CI=") {
			continue
		}
		out = append(out, e)
	}
	return out
}

// TestFreshClonePassesWithoutShared clones the committed HEAD into a folder
// with no ../shared beside it and runs the corpus-dependent packages' tests
// there (with -short, so in minutes): they pass, and the corpus tests say in
// one line that they skip.
func TestFreshClonePassesWithoutShared(t *testing.T) {
	testenv.SkipShort(t, "fresh-clone test (clones the repository and runs go test in it)")
	testenv.NeedCommands(t, "apt-get install -y git", "git", "go")
	root := testenv.RepoRoot(t)
	head, err := exec.Command("git", "-C", root, "rev-parse", "HEAD").Output()
	if err != nil {
		testenv.Skipf(t, "%s is not a git checkout: %v", root, err)
	}
	dst := filepath.Join(t.TempDir(), "wso2lint")
	if _, err := os.Stat(filepath.Join(filepath.Dir(dst), "shared")); err == nil {
		t.Fatalf("%s has a shared folder beside it", dst)
	}
	if out, err := exec.Command("git", "clone", "--quiet", "--no-local", "--no-checkout", root, dst).CombinedOutput(); err != nil {
		t.Fatalf("git clone: %v\n%s", err, out)
	}
	if out, err := exec.Command("git", "-C", dst, "checkout", "--quiet", "--detach", strings.TrimSpace(string(head))).CombinedOutput(); err != nil {
		t.Fatalf("git checkout: %v\n%s", err, out)
	}
	pkgs := corpusPackages(t, dst)
	if len(pkgs) < 3 {
		t.Fatalf("found %d packages using the corpus (%v): the search is broken", len(pkgs), pkgs)
	}
	t.Logf("fresh clone of %s at %s; packages: %s", root, dst, strings.Join(pkgs, " "))

	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, "go", append([]string{"test", "-short", "-count=1", "-v"}, pkgs...)...)
	cmd.Dir = dst
	// Every module is in the module cache already (this test was built): no network.
	cmd.Env = append(cleanEnv(), "GOPROXY=off")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("go test in the fresh clone failed: %v\n%s", err, tail(out, 60))
	}
	var skips []string
	sc := bufio.NewScanner(strings.NewReader(string(out)))
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		if strings.Contains(sc.Text(), "../shared/corpus not found at "+filepath.Join(filepath.Dir(dst), "shared", "corpus")) {
			skips = append(skips, strings.TrimSpace(sc.Text()))
		}
	}
	if len(skips) == 0 {
		t.Fatalf("no skip line names the missing corpus:\n%s", tail(out, 60))
	}
	t.Logf("%d skip lines, for example: %s", len(skips), skips[0])
	// Every CLI golden case that reads the corpus is among them.
	cases, err := filepath.Glob(filepath.Join(dst, "testdata", "cli", "*", "args"))
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, args := range cases {
		data, err := os.ReadFile(args)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(data), "../shared/") {
			continue
		}
		n++
		name := filepath.Base(filepath.Dir(args))
		if !strings.Contains(string(out), "--- SKIP: TestGolden/"+name+" ") {
			t.Errorf("CLI golden case %s reads ../shared but did not skip", name)
		}
	}
	if n == 0 {
		t.Error("no CLI golden case reads ../shared: the check above proves nothing")
	}
	if strings.Contains(string(out), "--- FAIL") {
		t.Errorf("a test failed though go test passed:\n%s", tail(out, 60))
	}
}

// tail returns the last n lines of out.
func tail(out []byte, n int) string {
	lines := strings.Split(strings.TrimRight(string(out), "\n"), "\n")
	if len(lines) > n {
		lines = lines[len(lines)-n:]
	}
	return strings.Join(lines, "\n")
}
