package lint

import (
	"testing"

	"github.com/wso2lint/wso2lint/internal/model"
)

// TestRunWithoutIgnoresBuildsNoRules checks that Run over homes without
// inline ignores does not gather the built-in rules (issue 15 item 4): only
// an ignore needs the names of rules outside the run. Before, every Run
// (every host) called Rules(): 102 allocations here with the rules built
// once per process, some 1850 when Rules() built them and their docs.
func TestRunWithoutIgnoresBuildsNoRules(t *testing.T) {
	h := home("a", srv(0, nil))
	rules := []*Rule{reporter("WL991", "host-rule", ScopeHost, 5)}
	n := testing.AllocsPerRun(20, func() { Run([]*model.Home{h}, rules, Options{}) })
	if n > 24 {
		t.Errorf("Run allocates %.0f times on a home without ignores, want at most 24", n)
	}
}

// TestExampleDocLayout pins exampleDoc's layout: firing examples first,
// files sorted, four-space indentation, trailing spaces and final newlines
// dropped, blank lines kept empty.
func TestExampleDocLayout(t *testing.T) {
	ex := []Example{
		{Name: "quiet", Files: map[string]string{"b.xml": "<b/>\n"}},
		{Name: "loud", Fires: true, Files: map[string]string{"z.xml": "<z>  \n\n  \t<y/>\n</z>\n\n", "a.xml": "<a/>"}, Live: "tcp LISTEN  \n"},
	}
	got := exampleDoc("  why it matters\n", ex, "\nfix it  \n")
	want := "why it matters\n\nExample:\n" +
		"\nreported: loud\n\n" +
		"    # a.xml\n    <a/>\n" +
		"\n    # z.xml\n    <z>\n\n      \t<y/>\n    </z>\n" +
		"\n    # ss -ltnup\n    tcp LISTEN\n" +
		"\nnot reported: quiet\n\n" +
		"    # b.xml\n    <b/>\n" +
		"\nFix:\n\nfix it"
	if got != want {
		t.Errorf("exampleDoc =\n%q\nwant\n%q", got, want)
	}
}

// TestLookupIn checks that LookupIn finds a rule of the given list by ID
// (any case) or name, and only in that list.
func TestLookupIn(t *testing.T) {
	rules := []*Rule{reporter("WL991", "host-rule", ScopeHost), reporter("WL992", "home-rule", ScopeHome)}
	for _, s := range []string{"WL992", "wl992", "home-rule"} {
		if r, ok := LookupIn(rules, s); !ok || r != rules[1] {
			t.Errorf("LookupIn(%q) = %v, %v; want WL992", s, r, ok)
		}
	}
	for _, s := range []string{"WL101", "port-collision", "", "WL99"} {
		if r, ok := LookupIn(rules, s); ok {
			t.Errorf("LookupIn(%q) = %s, want none", s, r.ID)
		}
	}
}
