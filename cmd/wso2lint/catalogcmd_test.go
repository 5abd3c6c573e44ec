package main

import (
	"testing"

	"github.com/wso2lint/wso2lint/catalog"
)

// TestProductName checks that productName, which reads the product table,
// names every product as the catalog's product list does, and an unknown key
// as a Carbon product.
func TestProductName(t *testing.T) {
	ps := catalog.Products()
	if len(ps) == 0 {
		t.Fatal("catalog.Products() is empty")
	}
	for _, p := range ps {
		if got := productName(p.Key); got != p.Name {
			t.Errorf("productName(%q) = %q, want %q", p.Key, got, p.Name)
		}
	}
	if got, want := productName("no-such-product"), "WSO2 Carbon product"; got != want {
		t.Errorf("productName of an unknown key = %q, want %q", got, want)
	}
}
