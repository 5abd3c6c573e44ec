// Package catalog holds the default ports of WSO2 products as typed Go data: one
// file per product, each entry citing the configuration file that sets it. It
// answers which service a port belongs to, how exposed it should be
// (Resolve fills in Listener.Exposure), and writes the table as text, JSON or
// Markdown (docs/ports.md is generated from it).
//
// Package catalog imports only internal/model of wso2lint. It must not import
// parse, lint, emit or cmd, and it does no I/O beyond the io.Writer it is given.
package catalog
