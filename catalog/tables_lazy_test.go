package catalog

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/wso2lint/wso2lint/internal/model"
)

// TestTablesLazy checks that the tables, whose entries are built per product
// on first use, hold for every product exactly what own and unsorted build.
func TestTablesLazy(t *testing.T) {
	tb := buildTables()
	if len(tb.products) == 0 {
		t.Fatal("no products")
	}
	ownOf := tb.own()
	for _, p := range tb.products {
		if diff := cmp.Diff(unsorted(p), tb.unsorted[p.info.Key]()); diff != "" {
			t.Errorf("%s: unsorted entries (-want +got):\n%s", p.info.Key, diff)
		}
		if diff := cmp.Diff(own(p), ownOf[p.info.Key]); diff != "" {
			t.Errorf("%s: own entries (-want +got):\n%s", p.info.Key, diff)
		}
	}
}

// BenchmarkFirstLookup is what a run's first catalog lookup costs: the
// tables, then API Manager's entries (issue 15 item 4: 199 KB and 239
// allocations when every product's entries were built at once, 27 KB and
// 138 allocations with API Manager's alone).
func BenchmarkFirstLookup(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		tb := buildTables()
		p, ok := tb.findProduct(model.KeyAM)
		if !ok || len(tb.unsorted[p.info.Key]()) == 0 {
			b.Fatal("no API Manager entries")
		}
	}
}
