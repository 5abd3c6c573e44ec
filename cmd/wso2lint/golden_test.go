package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/wso2lint/wso2lint/internal/golden"
	"github.com/wso2lint/wso2lint/internal/testenv"
)

// repoRoot returns the repository root (the folder holding go.mod).
func repoRoot(t testing.TB) string { return testenv.RepoRoot(t) }

// noEnv is an environment with nothing set.
func noEnv(string) string { return "" }

// runCLI runs the command line in-process and renders the result as a golden
// file: the exit status, then stdout, then stderr.
func runCLI(args []string) string {
	var stdout, stderr bytes.Buffer
	code := run(append([]string{"wso2lint"}, args...), &stdout, &stderr, noEnv)
	return fmt.Sprintf("exit: %d\n--- stdout\n%s--- stderr\n%s", code, stdout.String(), stderr.String())
}

// TestGolden runs every case under testdata/cli: each has a file "args" (one
// argument per line, paths relative to the repository root) and a golden file
// "want". go test ./cmd/wso2lint -update rewrites the golden files.
func TestGolden(t *testing.T) {
	root := repoRoot(t)
	t.Chdir(root)
	cases, err := filepath.Glob("testdata/cli/*/args")
	if err != nil {
		t.Fatal(err)
	}
	if len(cases) == 0 {
		t.Fatal("no golden cases found under testdata/cli")
	}
	for _, argsFile := range cases {
		dir := filepath.Dir(argsFile)
		t.Run(filepath.Base(dir), func(t *testing.T) {
			raw, err := os.ReadFile(argsFile)
			if err != nil {
				t.Fatal(err)
			}
			var args []string
			for _, line := range strings.Split(strings.TrimRight(string(raw), "\n"), "\n") {
				if line != "" && !strings.HasPrefix(line, "#") {
					args = append(args, line)
				}
			}
			for _, a := range args {
				if a == "../shared" || strings.HasPrefix(a, "../shared/") {
					testenv.Corpus(t) // skips (fails under WSO2LINT_CI=1) without ../shared/corpus
					break
				}
			}
			got := runCLI(args)
			// Repeat: output must be byte-identical from run to run.
			if again := runCLI(args); again != got {
				t.Fatalf("output differs between two runs:\n%s", cmp.Diff(got, again))
			}
			t.Logf("wso2lint %s", strings.Join(args, " "))
			golden.Check(t, filepath.Join(dir, "want"), []byte(got))
		})
	}
}
