package catalog

import (
	"fmt"
	"sort"
	"strings"

	"github.com/wso2lint/wso2lint/internal/model"
	prodtable "github.com/wso2lint/wso2lint/internal/product"
)

// Products lists every known product, sorted by key. The slice is new on every
// call.
func Products() []ProductInfo {
	ps := products()
	out := make([]ProductInfo, len(ps))
	for i, p := range ps {
		out[i] = p.info
	}
	return out
}

// FamilyOf returns the product line of key: model.KeyAM for API Manager and
// its 4.5+ split products, else key itself.
func FamilyOf(key model.ProductKey) model.ProductKey { return prodtable.FamilyOf(key) }

// Known reports whether key is a known product key.
func Known(key model.ProductKey) bool {
	_, ok := find(key)
	return ok
}

func find(key model.ProductKey) (product, bool) {
	for _, p := range products() {
		if p.info.Key == key {
			return p, true
		}
	}
	return product{}, false
}

// knownKeys returns the product keys joined by ", ", for error messages.
func knownKeys() string {
	var ks []string
	for _, p := range products() {
		ks = append(ks, string(p.info.Key))
	}
	return strings.Join(ks, ", ")
}

// own returns the entries that belong to the product itself (for "carbon", the
// common entries), stamped with the product key.
func own(p product) []Entry {
	var es []Entry
	switch {
	case p.info.Key == keyCarbon:
		es = carbonEntries()
	case p.entries != nil:
		es = p.entries()
	}
	for i := range es {
		es[i].Product = p.info.Key
	}
	return es
}

// Entries returns the common "carbon" entries and the product's own entries,
// sorted by port, protocol, service and profile. A product entry with the
// same service and profile as a common entry replaces it (API Manager's public
// 9443, say). An unknown key is an error.
func Entries(product model.ProductKey) ([]Entry, error) {
	p, ok := find(product)
	if !ok {
		return nil, fmt.Errorf("unknown product %q (known: %s)", product, knownKeys())
	}
	return merged(p), nil
}

func merged(p product) []Entry {
	out := unsorted(p)
	sortEntries(out)
	return out
}

// unsorted returns the entries of merged, not yet sorted.
func unsorted(p product) []Entry {
	mine := own(p)
	if p.info.Key == keyCarbon {
		return mine
	}
	type key struct{ service, profile string }
	replaced := make(map[key]bool, len(mine))
	for _, e := range mine {
		replaced[key{e.Service, e.Profile}] = true
	}
	out := mine
	for _, c := range carbonEntries() {
		if replaced[key{c.Service, c.Profile}] {
			continue
		}
		c.Product = keyCarbon
		out = append(out, c)
	}
	return out
}

func sortEntries(es []Entry) {
	sort.SliceStable(es, func(i, j int) bool { return lessEntry(es[i], es[j]) })
}

// lessEntry orders entries by port, protocol, service, profile and product.
func lessEntry(a, b Entry) bool {
	if a.Port != b.Port {
		return a.Port < b.Port
	}
	if a.Proto != b.Proto {
		return a.Proto < b.Proto
	}
	if a.Service != b.Service {
		return a.Service < b.Service
	}
	if a.Profile != b.Profile {
		return a.Profile < b.Profile
	}
	return a.Product < b.Product
}

// All returns every entry of every product (each product's own entries; the
// common ones once, under "carbon"), sorted by product, port, protocol,
// service and profile.
func All() []Entry {
	var out []Entry
	for _, p := range products() {
		es := own(p)
		sortEntries(es)
		out = append(out, es...)
	}
	return out
}

// Lookup returns the catalogued entry of the service in the product, for
// the server profile (EI "broker", IoT "analytics"; "" or the product's main
// profile for single-server products). It prefers the profile's own entry,
// then the product's entry for its main server (empty Profile), then the
// common entry, then the product's entry for any other profile (the lowest
// port when there are several). An unknown product gets the common entries
// only.
func Lookup(product model.ProductKey, profile, service string) (Entry, bool) {
	t := catalogTables()
	p, ok := t.findProduct(product)
	if !ok {
		p, _ = t.findProduct(keyCarbon)
	}
	// The first entry of merged(p) that passes, found without sorting
	// merged(p): the least passing entry, the earliest of equal ones (the
	// sort is stable). Lookup runs for every listener of every home.
	es := t.unsorted[p.info.Key]()
	for _, pass := range []func(Entry) bool{
		func(e Entry) bool { return profile != "" && e.Product != keyCarbon && e.Profile == profile },
		func(e Entry) bool { return e.Product != keyCarbon && e.Profile == "" },
		func(e Entry) bool { return e.Product == keyCarbon },
		func(e Entry) bool { return true },
	} {
		best := -1
		for i, e := range es {
			if e.Service == service && pass(e) && (best < 0 || lessEntry(e, es[best])) {
				best = i
			}
		}
		if best >= 0 {
			return es[best], true
		}
	}
	return Entry{}, false
}

// DefaultBase returns the default port of the service on a server of the
// profile before the port offset: what the configuration file holds in a
// fresh distribution. Entries of a profile with its own default offset give
// the port at that offset (the EI broker's 5675), so that offset is taken off
// again (5672, as broker.xml has it). An entry of another profile is no
// default for this one: ok is false then.
func DefaultBase(product model.ProductKey, profile, service string) (port model.Port, ok bool) {
	e, ok := Lookup(product, profile, service)
	if !ok || (e.Profile != "" && e.Profile != profile) {
		return 0, false
	}
	if e.Profile != "" && e.Offset {
		return e.Port - model.Port(ProfileOffset(product, profile)), true
	}
	return e.Port, true
}

// ProfileOffset returns the port offset the profile's carbon.xml ships with
// (EI business-process 2, broker 3, micro-integrator 10; IoT analytics 2,
// broker 3), 0 for every other profile: the product table's Profiles.
func ProfileOffset(product model.ProductKey, profile string) int {
	return prodtable.ProfileOffset(product, profile)
}

// ExposureOf returns the catalogued exposure of the service in the product.
// A service the product's own entries do not list (the data-bridge receivers
// of an Identity Server, the key-manager Thrift server of an IS key manager)
// gets the exposure most products that catalogue it give it (the first such
// product by key on a tie), so that one listener is one class of network
// whatever the product. The result is model.ExposureUnknown when no product
// catalogues the service.
func ExposureOf(product model.ProductKey, profile, service string) model.Exposure {
	if e, ok := Lookup(product, profile, service); ok {
		return e.Exposure
	}
	votes := map[model.Exposure]int{}
	var order []model.Exposure
	t := catalogTables()
	own := t.own()
	for _, p := range t.products {
		seen := map[model.Exposure]bool{}
		for _, e := range own[p.info.Key] {
			if e.Service != service || e.Dir == model.DirDevice || seen[e.Exposure] {
				continue
			}
			seen[e.Exposure] = true
			if votes[e.Exposure] == 0 {
				order = append(order, e.Exposure)
			}
			votes[e.Exposure]++
		}
	}
	best := model.ExposureUnknown
	for _, x := range order {
		if best == model.ExposureUnknown || votes[x] > votes[best] {
			best = x
		}
	}
	return best
}
