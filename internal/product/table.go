package product

import "sync"

// table is Rows built once, for the lookups of this package, which read it
// and never change it or hand out a slice of it to change: parse and catalog
// ask them for every home and every listener (issue 15).
var table = sync.OnceValue(Rows)
