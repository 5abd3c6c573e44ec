package catalog

import (
	"sync"

	"github.com/wso2lint/wso2lint/internal/model"
)

// tables is the catalog as the per-listener lookups read it: built once, on
// first use, and never changed afterwards (no caller gets a slice of it to
// modify). Resolve asks for the exposure of every listener of every home, and
// building the product table and each product's entries for each question
// cost more than reading the homes' smaller files (issue 15).
type tables struct {
	// products is products() as the product table gives it.
	products []product
	// own is own(p) of each product.
	own map[model.ProductKey][]Entry
	// unsorted is unsorted(p) of each product.
	unsorted map[model.ProductKey][]Entry
}

// catalogTables returns the tables, built on the first call.
var catalogTables = sync.OnceValue(func() *tables {
	t := &tables{products: products()}
	t.own = make(map[model.ProductKey][]Entry, len(t.products))
	t.unsorted = make(map[model.ProductKey][]Entry, len(t.products))
	for _, p := range t.products {
		t.own[p.info.Key] = own(p)
		t.unsorted[p.info.Key] = unsorted(p)
	}
	return t
})

// findProduct is find on the tables.
func (t *tables) findProduct(key model.ProductKey) (product, bool) {
	for _, p := range t.products {
		if p.info.Key == key {
			return p, true
		}
	}
	return product{}, false
}
