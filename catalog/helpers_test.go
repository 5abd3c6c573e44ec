package catalog

import (
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/wso2lint/wso2lint/internal/testenv"
)

var update = flag.Bool("update", false, "rewrite golden files")

// repoRoot walks up from the working directory to the folder holding go.mod.
func repoRoot(t *testing.T) string { return testenv.RepoRoot(t) }

// sharedDir returns <repo>/../shared, skipping the test when it is absent
// outside CI.
func sharedDir(t *testing.T) string { return testenv.Shared(t) }

// golden compares got with testdata/name, rewriting it with -update.
func golden(t *testing.T, path string, got []byte) {
	t.Helper()
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatalf("write %s: %v", path, err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("read %s (run with -update to create it): %v", path, err)
	}
	if string(want) != string(got) {
		t.Errorf("%s differs from the current output; run go test ./catalog -update and review the diff", path)
	}
}
