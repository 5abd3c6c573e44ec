package catalog

import (
	"testing"

	"github.com/wso2lint/wso2lint/internal/golden"
	"github.com/wso2lint/wso2lint/internal/testenv"
)

// repoRoot walks up from the working directory to the folder holding go.mod.
func repoRoot(t *testing.T) string { return testenv.RepoRoot(t) }

// sharedDir returns <repo>/../shared, skipping the test when it is absent
// outside CI.
func sharedDir(t *testing.T) string { return testenv.Shared(t) }

// checkGolden compares got with the golden file at path (internal/golden).
func checkGolden(t *testing.T, path string, got []byte) {
	t.Helper()
	golden.Check(t, path, got)
}
