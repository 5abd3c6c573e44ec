package catalog

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/wso2lint/wso2lint/internal/model"
)

// TestLookupAllocations checks that a lookup reads the tables built once
// rather than building the product table and the entries again: Resolve asks
// for every listener of every home (issue 15 item 2).
func TestLookupAllocations(t *testing.T) {
	catalogTables() // built once, outside the measurement
	for _, tc := range []struct {
		name string
		f    func()
	}{
		{"Lookup", func() { Lookup(model.KeyAM, "default", model.SvcServletHTTPS) }},
		{"ExposureOf known", func() { ExposureOf(model.KeyAM, "default", model.SvcServletHTTPS) }},
		{"ExposureOf voted", func() { ExposureOf(model.KeyIS, "default", "no-such-service") }},
		{"DefaultBase", func() { DefaultBase(model.KeyEI, "broker", model.SvcServletHTTPS) }},
	} {
		// Before the tables were kept, each call made several hundred
		// allocations (every product's entries, the product table).
		if n := testing.AllocsPerRun(50, tc.f); n > 16 {
			t.Errorf("%s: %.0f allocations per call, want at most 16", tc.name, n)
		}
	}
}

// TestTablesImmutable checks that what the exported functions return is the
// caller's to change: changing it changes no later answer.
func TestTablesImmutable(t *testing.T) {
	wantEntries, err := Entries(model.KeyAM)
	if err != nil {
		t.Fatal(err)
	}
	wantAll, wantProducts := All(), Products()
	wantLookup, _ := Lookup(model.KeyAM, "default", model.SvcServletHTTPS)

	es, _ := Entries(model.KeyAM)
	for i := range es {
		es[i].Port, es[i].Exposure = 1, model.ExposurePublic
	}
	all := All()
	for i := range all {
		all[i].Service = "changed"
	}
	ps := Products()
	for i := range ps {
		ps[i].Name = "changed"
	}

	gotEntries, _ := Entries(model.KeyAM)
	if d := cmp.Diff(wantEntries, gotEntries); d != "" {
		t.Errorf("Entries changed by a caller (-before +after):\n%s", d)
	}
	if d := cmp.Diff(wantAll, All()); d != "" {
		t.Errorf("All changed by a caller (-before +after):\n%s", d)
	}
	if d := cmp.Diff(wantProducts, Products()); d != "" {
		t.Errorf("Products changed by a caller (-before +after):\n%s", d)
	}
	if got, _ := Lookup(model.KeyAM, "default", model.SvcServletHTTPS); got != wantLookup {
		t.Errorf("Lookup after callers changed results = %+v, want %+v", got, wantLookup)
	}
}
