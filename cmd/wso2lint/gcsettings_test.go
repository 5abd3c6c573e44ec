package main

import "testing"

// TestGCSettings checks that main tunes the collector only where the
// environment leaves it: GOMEMLIMIT and GOGC, even set empty, are the user's.
func TestGCSettings(t *testing.T) {
	for _, tc := range []struct {
		env     map[string]string
		limit   int64
		percent int
		name    string
	}{
		{name: "neither", env: map[string]string{}, limit: softMemoryLimit, percent: gcPercent},
		{name: "GOGC", env: map[string]string{"GOGC": "50"}, limit: softMemoryLimit, percent: -1},
		{name: "GOMEMLIMIT", env: map[string]string{"GOMEMLIMIT": "1GiB"}, limit: -1, percent: gcPercent},
		{name: "both", env: map[string]string{"GOGC": "off", "GOMEMLIMIT": "off"}, limit: -1, percent: -1},
		{name: "empty", env: map[string]string{"GOGC": ""}, limit: softMemoryLimit, percent: -1},
	} {
		lookup := func(k string) (string, bool) { v, ok := tc.env[k]; return v, ok }
		limit, percent := gcSettings(lookup)
		if limit != tc.limit || percent != tc.percent {
			t.Errorf("%s: gcSettings = %d, %d; want %d, %d", tc.name, limit, percent, tc.limit, tc.percent)
		}
	}
	if gcPercent <= 100 || softMemoryLimit > 100<<20 {
		t.Errorf("gcPercent %d, softMemoryLimit %d: the point is fewer collections under a limit below 100 MB", gcPercent, softMemoryLimit)
	}
}

// TestReadsHomes checks which command lines main gives the huge-page advice:
// those that may read homes, not those that print help, the version, the
// catalog, a rule's documentation or completions.
func TestReadsHomes(t *testing.T) {
	for _, tc := range []struct {
		args []string
		want bool
	}{
		{[]string{"./wso2am-2.6.0"}, true},
		{[]string{}, true},
		{[]string{"lint", "--format", "sarif", "a", "b"}, true},
		{[]string{"ports", "--all", "a"}, true},
		{[]string{"rules", "--target", "nftables", "a"}, true},
		{[]string{"diff", "old", "new"}, true},
		{[]string{"plan-offsets", "a", "b"}, true},
		{[]string{"lint", "--", "--help"}, true}, // a home named --help
		{[]string{"--version"}, false},
		{[]string{"-v"}, false},
		{[]string{"lint", "--help"}, false},
		{[]string{"-h"}, false},
		{[]string{"catalog", "--format", "json"}, false},
		{[]string{"explain", "WL101"}, false},
		{[]string{"completion", "bash"}, false},
		{[]string{"help"}, false},
		{[]string{"version"}, false},
		{[]string{"ports", "--generate-bash-completion"}, false},
	} {
		if got := readsHomes(tc.args); got != tc.want {
			t.Errorf("readsHomes(%q) = %v, want %v", tc.args, got, tc.want)
		}
	}
}
