package lint

import (
	"strconv"
	"strings"
	"testing"
)

// TestSecuritySeverity checks the table: every scored rule exists, every score
// is a number GitHub accepts (0.0 to 10.0, one decimal), and the rules whose
// findings are plainly security weaknesses are scored.
func TestSecuritySeverity(t *testing.T) {
	byID := map[string]*Rule{}
	for _, r := range Rules() {
		byID[r.ID] = r
	}
	for id, s := range securitySeverity() {
		if byID[id] == nil {
			t.Errorf("securitySeverity names %s, which is not a rule", id)
		}
		v, err := strconv.ParseFloat(s, 64)
		if err != nil || v < 0 || v > 10 || !strings.Contains(s, ".") || len(s[strings.IndexByte(s, '.')+1:]) != 1 {
			t.Errorf("%s: security severity %q is not a number from 0.0 to 10.0 with one decimal", id, s)
		}
	}
	for _, id := range []string{"WL301", "WL303", "WL305", "WL310", "WL314", "WL317"} {
		if byID[id] == nil {
			t.Fatalf("rule %s is missing", id)
		}
		if byID[id].SecuritySeverity() == "" {
			t.Errorf("%s is a security rule but has no security severity", id)
		}
	}
	for _, id := range []string{"WL101", "WL102", "WL105", "WL201", "WL309", "WL902"} {
		if got := byID[id].SecuritySeverity(); got != "" {
			t.Errorf("%s is not a security rule, but SecuritySeverity() = %q", id, got)
		}
	}
	if got, want := byID["WL303"].SecuritySeverity(), "9.8"; got != want {
		t.Errorf("WL303 (admin/admin) security severity = %q, want %q (critical)", got, want)
	}
}
