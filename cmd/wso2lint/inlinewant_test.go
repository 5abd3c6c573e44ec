package main

import (
	"bytes"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"github.com/wso2lint/wso2lint/internal/inlinewant"
)

// TestInlineWant lints every home under testdata/want, whose files say inline
// which findings they must produce (<!-- want "RULE severity: message" -->,
// want:COL for a column; see internal/inlinewant): every finding is wanted on
// its line and every expectation is met.
func TestInlineWant(t *testing.T) {
	homes, err := filepath.Glob(filepath.Join("testdata", "want", "*"))
	if err != nil {
		t.Fatal(err)
	}
	if len(homes) == 0 {
		t.Fatal("no homes under testdata/want")
	}
	for _, home := range homes {
		t.Run(filepath.Base(home), func(t *testing.T) {
			exps, err := inlinewant.ParseTree(home)
			if err != nil {
				t.Fatal(err)
			}
			if len(exps) == 0 {
				t.Fatalf("%s has no want comments", home)
			}
			var stdout, stderr bytes.Buffer
			if code := run([]string{"wso2lint", "lint", "--no-config", "--fail-on", "none", "--format", "json", home}, &stdout, &stderr, noEnv); code != 0 {
				t.Fatalf("exit %d: %s", code, stderr.String())
			}
			var out struct {
				Findings []struct {
					Rule, Severity, Message, File string
					Line                          int
					Column                        int
				}
			}
			if err := json.Unmarshal(stdout.Bytes(), &out); err != nil {
				t.Fatalf("json output: %v\n%s", err, stdout.String())
			}
			var diags []inlinewant.Diagnostic
			for _, f := range out.Findings {
				diags = append(diags, inlinewant.Diagnostic{File: f.File, Line: f.Line, Col: f.Column,
					Text: f.Rule + " " + f.Severity + ": " + f.Message})
			}
			if problems := inlinewant.Match(exps, diags); len(problems) > 0 {
				t.Errorf("findings of %s disagree with its want comments:\n%s", home, strings.Join(problems, "\n"))
			}
		})
	}
}
