package lint

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/wso2lint/wso2lint/internal/golden"
	"github.com/wso2lint/wso2lint/internal/model"
	"github.com/wso2lint/wso2lint/internal/testenv"
)

// repoRoot walks up from the working directory to the folder holding go.mod.
func repoRoot(t *testing.T) string { return testenv.RepoRoot(t) }

func TestRulesDocUpToDate(t *testing.T) {
	var b bytes.Buffer
	if err := GenerateDocs(&b, Rules()); err != nil {
		t.Fatal(err)
	}
	// make docs (go test ./lint -update) regenerates docs/rules.md.
	golden.Check(t, filepath.Join(repoRoot(t), "docs", "rules.md"), b.Bytes())
	for _, r := range Rules() {
		if !strings.Contains(b.String(), "\n## "+r.ID+" "+r.Name+"\n") {
			t.Errorf("docs lack the heading of %s", r.ID)
		}
	}
}

func TestExplain(t *testing.T) {
	r := &Rule{ID: "WL999", Name: "test-rule", Title: "a test rule", Severity: model.SeverityWarning, Scope: ScopeHost,
		Doc: "\nWhy.\n\nExample:\n\n    bad\n\nFix:\n\nGood.\n", Check: func(*Pass) {}}
	var b bytes.Buffer
	if err := Explain(&b, r); err != nil {
		t.Fatal(err)
	}
	want := "WL999 test-rule: a test rule\nseverity: warning, scope: host\n\nWhy.\n\nExample:\n\n    bad\n\nFix:\n\nGood.\n"
	if diff := cmp.Diff(want, b.String()); diff != "" {
		t.Errorf("Explain mismatch (-want +got):\n%s", diff)
	}
	if err := Explain(&b, nil); err == nil {
		t.Errorf("Explain(nil) = nil, want an error")
	}
}
