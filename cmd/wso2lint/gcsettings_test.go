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
