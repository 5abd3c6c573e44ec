package product

import (
	"slices"
	"testing"

	"github.com/wso2lint/wso2lint/internal/model"
)

// TestLookupsReadTableOnce checks that the lookups read the table built once
// instead of building every row again (parse and catalog ask them for every
// home and listener; issue 15 item 2).
func TestLookupsReadTableOnce(t *testing.T) {
	table()
	for _, tc := range []struct {
		name string
		f    func()
	}{
		{"Lookup", func() { Lookup(model.KeyMI) }},
		{"FamilyOf", func() { FamilyOf(model.KeyAMControl) }},
		{"ByServerKey", func() { ByServerKey("SS") }},
		{"ProfileOffset", func() { ProfileOffset(model.KeyEI, "broker") }},
	} {
		// Rows alone makes well over a hundred allocations.
		if n := testing.AllocsPerRun(50, tc.f); n > 1 {
			t.Errorf("%s: %.0f allocations per call, want at most 1", tc.name, n)
		}
	}
}

// TestStartProfilesOfIsCallers checks that changing what StartProfilesOf
// returns changes no later answer: the table is shared.
func TestStartProfilesOfIsCallers(t *testing.T) {
	want := StartProfilesOf(model.KeyAMControl)
	if len(want) == 0 {
		t.Fatal("no start profiles for the API Control Plane (its family's)")
	}
	got := StartProfilesOf(model.KeyAMControl)
	for i := range got {
		got[i] = "changed"
	}
	if again := StartProfilesOf(model.KeyAMControl); !slices.Equal(again, want) {
		t.Errorf("StartProfilesOf after a caller changed its result = %v, want %v", again, want)
	}
}
