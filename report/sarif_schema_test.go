package report

import (
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/wso2lint/wso2lint/internal/testenv"
)

// TestSARIFSchema validates the SARIF golden files against the official SARIF
// 2.1.0 schema with scripts/sarif/validate.sh, which needs npm and npx (and
// the npm registry on first use). Without npx the test is skipped, except in
// CI (CI=true), where a missing validator is a failure.
func TestSARIFSchema(t *testing.T) {
	if _, err := exec.LookPath("npx"); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("npx not found and CI=true: install nodejs and npm to validate SARIF output: %v", err)
		}
		t.Skip("npx not found: skipping SARIF schema validation (install nodejs and npm, or set CI=true to make this a failure)")
	}
	if testing.Short() {
		t.Skip("-short: skipping SARIF schema validation (runs npm)")
	}
	root := repoRoot(t)
	script := filepath.Join(root, "scripts", "sarif", "validate.sh")
	dir := t.TempDir()
	var files []string
	for _, name := range []string{"findings", "empty"} {
		data, err := os.ReadFile(filepath.Join("testdata", name+".sarif.json.golden"))
		if err != nil {
			t.Fatal(err)
		}
		// ajv needs the data file name to end in .json.
		f := filepath.Join(dir, name+".json")
		if err := os.WriteFile(f, data, 0o644); err != nil {
			t.Fatal(err)
		}
		files = append(files, f)
	}
	cmd := exec.Command("bash", append([]string{script}, files...)...)
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("%s failed: %v\n%s", script, err, out)
	}
	t.Logf("%s", out)
}

// repoRoot walks up from the working directory to the folder holding go.mod.
func repoRoot(t *testing.T) string { return testenv.RepoRoot(t) }
