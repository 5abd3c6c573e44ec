package catalog

import (
	"sync"

	"github.com/wso2lint/wso2lint/internal/model"
)

// tables is the catalog as the per-listener lookups read it: built on first
// use, and never changed afterwards (no caller gets a slice of it to
// modify). Resolve asks for the exposure of every listener of every home, and
// building the product table and each product's entries for each question
// cost more than reading the homes' smaller files (issue 15). Each product's
// entries are built when first asked for: a run over API Manager homes builds
// API Manager's and the common ones, not those of twenty other products
// (200 KB before the first home was resolved; issue 15 item 4).
type tables struct {
	// products is products() as the product table gives it.
	products []product
	// own returns own(p) of each product, built on the first call.
	own func() map[model.ProductKey][]Entry
	// unsorted holds, for each product, a function returning unsorted(p),
	// built on its first call.
	unsorted map[model.ProductKey]func() []Entry
}

// catalogTables returns the tables, built on the first call.
var catalogTables = sync.OnceValue(buildTables)

// buildTables returns the tables with nothing but the product list built.
func buildTables() *tables {
	t := &tables{products: products()}
	t.own = sync.OnceValue(func() map[model.ProductKey][]Entry {
		m := make(map[model.ProductKey][]Entry, len(t.products))
		for _, p := range t.products {
			m[p.info.Key] = own(p)
		}
		return m
	})
	t.unsorted = make(map[model.ProductKey]func() []Entry, len(t.products))
	for _, p := range t.products {
		t.unsorted[p.info.Key] = sync.OnceValue(func() []Entry { return unsorted(p) })
	}
	return t
}

// findProduct is find on the tables.
func (t *tables) findProduct(key model.ProductKey) (product, bool) {
	for _, p := range t.products {
		if p.info.Key == key {
			return p, true
		}
	}
	return product{}, false
}
