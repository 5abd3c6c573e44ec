package lint

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestExplainListNamesEveryRule checks that the list has a header, one line
// per rule in order with its ID, name, severity and title, and the
// documentation address.
func TestExplainListNamesEveryRule(t *testing.T) {
	rules := Rules()
	var b bytes.Buffer
	if err := ExplainList(&b, rules); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimRight(b.String(), "\n"), "\n")
	if len(lines) != len(rules)+3 {
		t.Fatalf("got %d lines, want header + %d rules + blank + footer:\n%s", len(lines), len(rules), b.String())
	}
	if got := strings.Fields(lines[0]); !cmp.Equal(got, []string{"ID", "NAME", "SEVERITY", "TITLE"}) {
		t.Errorf("header %q", lines[0])
	}
	for i, r := range rules {
		f := strings.Fields(lines[i+1])
		if len(f) < 4 || f[0] != r.ID || f[1] != r.Name || f[2] != r.Severity.String() || !strings.Contains(lines[i+1], r.Title) {
			t.Errorf("line %d = %q, want %s %s %s %s", i+1, lines[i+1], r.ID, r.Name, r.Severity, r.Title)
		}
		if off := strings.HasSuffix(lines[i+1], "(off by default)"); off != r.OffByDefault {
			t.Errorf("%s: line says off by default %v, rule %v", r.ID, off, r.OffByDefault)
		}
	}
	if !strings.Contains(lines[len(lines)-1], DocBaseURL) {
		t.Errorf("footer %q does not name %s", lines[len(lines)-1], DocBaseURL)
	}
}

// TestExplainJSON decodes the json list and checks every field against the
// rules, the URL against DocURL.
func TestExplainJSON(t *testing.T) {
	rules := Rules()
	var b bytes.Buffer
	if err := ExplainJSON(&b, rules); err != nil {
		t.Fatal(err)
	}
	var got []ruleJSON
	if err := json.Unmarshal(b.Bytes(), &got); err != nil {
		t.Fatalf("not JSON: %v", err)
	}
	var want []ruleJSON
	for _, r := range rules {
		want = append(want, ruleJSON{ID: r.ID, Name: r.Name, Severity: r.Severity.String(), Scope: userScope(r.Scope).String(),
			OffByDefault: r.OffByDefault, Title: r.Title, URL: r.DocURL(), Doc: strings.TrimSpace(r.Documentation())})
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("explain json (-want +got):\n%s", diff)
	}
	if strings.Contains(b.String(), `\u003c`) {
		t.Error("json escapes < as \\u003c: the docs' XML examples should stay readable")
	}
	b.Reset()
	if err := ExplainRuleJSON(&b, rules[0]); err != nil {
		t.Fatal(err)
	}
	var one ruleJSON
	if err := json.Unmarshal(b.Bytes(), &one); err != nil || one != want[0] {
		t.Errorf("ExplainRuleJSON = %+v, %v; want %+v", one, err, want[0])
	}
}

// TestExplainMarkdownIsTheDocsSection checks that one rule's markdown is its
// section of the generated docs/rules.md, plus the link.
func TestExplainMarkdownIsTheDocsSection(t *testing.T) {
	var docs bytes.Buffer
	rules := Rules()
	if err := GenerateDocs(&docs, rules); err != nil {
		t.Fatal(err)
	}
	for _, r := range rules {
		var b bytes.Buffer
		if err := ExplainMarkdown(&b, r); err != nil {
			t.Fatal(err)
		}
		section, link, ok := strings.Cut(b.String(), "\nDocumentation: ")
		if !ok || link != "<"+r.DocURL()+">\n" {
			t.Errorf("%s: no documentation link to %s:\n%s", r.ID, r.DocURL(), b.String())
		}
		if !strings.Contains(docs.String(), "\n"+section) {
			t.Errorf("%s: section is not part of docs/rules.md:\n%s", r.ID, section)
		}
	}
	if err := ExplainMarkdown(&bytes.Buffer{}, nil); err == nil {
		t.Error("ExplainMarkdown(nil) gave no error")
	}
}
