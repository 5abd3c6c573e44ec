package packaging

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/wso2lint/wso2lint/internal/testenv"
)

// TestGoInstallFromClone follows the README's installation from a clean
// clone: go install ./cmd/wso2lint, with VCS stamping on (the Go default),
// gives a binary whose --version names the clone's commit, not modified,
// and the Go version.
func TestGoInstallFromClone(t *testing.T) {
	testenv.SkipShort(t, "clones the repository and runs go install")
	dir := clone(t, filepath.Join(t.TempDir(), "wso2lint"))
	rev := exec.Command("git", "rev-parse", "HEAD")
	rev.Dir = dir
	code, head := exitCode(t, rev)
	if code != 0 {
		t.Fatal(head)
	}
	head = strings.TrimSpace(head)
	gobin := t.TempDir()
	cmd := exec.Command("go", "install", "./cmd/wso2lint")
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOBIN="+gobin, "GOFLAGS=-buildvcs=auto")
	if code, out := exitCode(t, cmd); code != 0 {
		t.Fatalf("go install: exit %d\n%s", code, out)
	}
	code, out := exitCode(t, exec.Command(filepath.Join(gobin, "wso2lint"), "--version"))
	if code != 0 {
		t.Fatalf("--version: exit %d %s", code, out)
	}
	for _, want := range []string{"wso2lint version v0.0.0-", "commit " + head + " (", "go1."} {
		if !strings.Contains(out, want) {
			t.Errorf("--version = %q, want it to contain %q", out, want)
		}
	}
	if strings.Contains(out, "modified") {
		t.Errorf("--version = %q: a clean clone is not modified", out)
	}
}
