package catalog

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/wso2lint/wso2lint/internal/model"
)

// sortedLookup is Lookup as first written: the first passing entry of the
// sorted merged table. Lookup finds the same entry without sorting.
func sortedLookup(product model.ProductKey, profile, service string) (Entry, bool) {
	p, ok := find(product)
	if !ok {
		p, _ = find(keyCarbon)
	}
	es := merged(p)
	for _, pass := range []func(Entry) bool{
		func(e Entry) bool { return profile != "" && e.Product != keyCarbon && e.Profile == profile },
		func(e Entry) bool { return e.Product != keyCarbon && e.Profile == "" },
		func(e Entry) bool { return e.Product == keyCarbon },
		func(e Entry) bool { return true },
	} {
		for _, e := range es {
			if e.Service == service && pass(e) {
				return e, true
			}
		}
	}
	return Entry{}, false
}

func TestLookupMatchesSortedTable(t *testing.T) {
	services := map[string]bool{"no-such-service": true}
	for _, e := range All() {
		services[e.Service] = true
	}
	profiles := map[string]bool{"": true, "default": true}
	for _, e := range All() {
		profiles[e.Profile] = true
	}
	keys := []model.ProductKey{"no-such-product"}
	for _, p := range products() {
		keys = append(keys, p.info.Key)
	}
	n := 0
	for _, k := range keys {
		for pr := range profiles {
			for s := range services {
				want, wok := sortedLookup(k, pr, s)
				got, gok := Lookup(k, pr, s)
				if diff := cmp.Diff(want, got); diff != "" || wok != gok {
					t.Errorf("Lookup(%q, %q, %q) = %v (-sorted +got):\n%s", k, pr, s, gok, diff)
				}
				if wok {
					n++
				}
			}
		}
	}
	if n < 100 {
		t.Fatalf("only %d lookups found an entry; the test does not exercise Lookup", n)
	}
}
