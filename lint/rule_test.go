package lint

import (
	"os"
	"strings"
	"testing"

	"github.com/wso2lint/wso2lint/internal/model"
)

func TestRulesValid(t *testing.T) {
	if err := Validate(Rules()); err != nil {
		t.Fatalf("Validate(Rules()) = %v", err)
	}
}

func TestRulesSortedAndFresh(t *testing.T) {
	rules := Rules()
	for i := 1; i < len(rules); i++ {
		if rules[i-1].ID >= rules[i].ID {
			t.Errorf("rules not sorted by ID: %s before %s", rules[i-1].ID, rules[i].ID)
		}
	}
	rules[0].Title = "changed"
	if Rules()[0].Title == "changed" {
		t.Errorf("Rules returns shared rule values; want a new slice of new values")
	}
}

func TestRuleDocSections(t *testing.T) {
	for _, r := range Rules() {
		doc := r.Documentation()
		ex := strings.Index(doc, "\nExample:\n")
		fix := strings.Index(doc, "\nFix:\n")
		if ex < 0 || fix < 0 || fix < ex {
			t.Errorf("%s: doc needs an \"Example:\" section followed by a \"Fix:\" section", r.ID)
			continue
		}
		if strings.TrimSpace(doc[ex+len("\nExample:\n"):fix]) == "" || strings.TrimSpace(doc[fix+len("\nFix:\n"):]) == "" {
			t.Errorf("%s: empty example or fix section", r.ID)
		}
		if strings.TrimSpace(doc[:ex]) == "" {
			t.Errorf("%s: doc does not say why the rule matters before the example", r.ID)
		}
	}
}

func TestValidateRejects(t *testing.T) {
	good := func() *Rule {
		return &Rule{ID: "WL999", Name: "ok-rule", Title: "a title", Doc: "doc", Severity: model.SeverityInfo, Scope: ScopeHome, Check: func(*Pass) {}}
	}
	cases := []struct {
		name  string
		edit  func(r *Rule)
		extra bool // add a second copy of good()
		want  string
	}{
		{"bad id", func(r *Rule) { r.ID = "WL1" }, false, `id "WL1" does not look like WL and three digits`},
		{"bad name", func(r *Rule) { r.Name = "Not_Kebab" }, false, `name "Not_Kebab" is not a kebab-case slug`},
		{"empty title", func(r *Rule) { r.Title = "" }, false, "empty title"},
		{"title period", func(r *Rule) { r.Title = "a title." }, false, "ends with a period"},
		{"title case", func(r *Rule) { r.Title = "A title" }, false, "does not start lower case"},
		{"empty doc", func(r *Rule) { r.Doc = " " }, false, "empty doc"},
		{"severity", func(r *Rule) { r.Severity = model.SeverityInvalid }, false, "invalid severity"},
		{"scope", func(r *Rule) { r.Scope = ScopeInvalid }, false, "invalid scope"},
		{"check", func(r *Rule) { r.Check = nil }, false, "nil check"},
		{"duplicate", func(r *Rule) {}, true, `duplicate id "WL999"`},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			r := good()
			tc.edit(r)
			rules := []*Rule{r}
			if tc.extra {
				rules = append(rules, good())
			}
			err := Validate(rules)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("Validate = %v, want an error containing %q", err, tc.want)
			}
		})
	}
	if err := Validate([]*Rule{good()}); err != nil {
		t.Errorf("Validate(good) = %v", err)
	}
}

func TestLookup(t *testing.T) {
	for _, q := range []string{"WL101", "wl101", "port-collision"} {
		r, ok := Lookup(q)
		if !ok || r.ID != "WL101" {
			t.Errorf("Lookup(%q) = %v, %v; want WL101", q, r, ok)
		}
	}
	if r, ok := Lookup("WL400"); ok {
		t.Errorf("Lookup(WL400) = %v; want none", r.ID)
	}
}

func TestDocURLMatchesRulesMarkdownAnchor(t *testing.T) {
	md, err := os.ReadFile("../docs/rules.md")
	if err != nil {
		t.Fatal(err)
	}
	// GitHub's anchor for "## WL101 port-collision" is "wl101-port-collision".
	anchors := map[string]bool{}
	for _, line := range strings.Split(string(md), "\n") {
		if h, ok := strings.CutPrefix(line, "## "); ok {
			anchors[strings.ToLower(strings.ReplaceAll(h, " ", "-"))] = true
		}
	}
	for _, r := range Rules() {
		base, anchor, ok := strings.Cut(r.DocURL(), "#")
		if !ok || base != DocBaseURL || !anchors[anchor] {
			t.Errorf("%s: DocURL %q names no heading of docs/rules.md", r.ID, r.DocURL())
		}
	}
}

// TestDocsBuiltOnDemand checks that a built-in rule's documentation is
// written only when asked for: Rules leaves Doc empty and Documentation
// builds the same text each time.
func TestDocsBuiltOnDemand(t *testing.T) {
	for _, r := range Rules() {
		if r.Doc != "" {
			t.Errorf("%s: Doc built by Rules (%d bytes); want it left to Documentation", r.ID, len(r.Doc))
		}
		if a, b := r.Documentation(), r.Documentation(); a == "" || a != b {
			t.Errorf("%s: Documentation gave %d then %d bytes", r.ID, len(a), len(b))
		}
	}
}
