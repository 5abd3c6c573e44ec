// Package catalog holds the default ports of WSO2 products as typed Go data: one
// file per product, each entry citing the configuration file that sets it. It
// answers which service a port belongs to, how exposed it should be
// (Resolve fills in Listener.Exposure), and writes the table as text, JSON or
// Markdown (docs/ports.md is generated from it).
//
// The product table itself (keys, names, aliases, markers, profiles, scripts,
// versions) is internal/product, which parse's detection reads too; catalog
// adds each product's entries to its rows (Products).
//
// Package catalog imports only internal/model and internal/product of
// wso2lint. It must not import parse, lint, emit or cmd, and it does no I/O beyond the io.Writer it is given.
package catalog
