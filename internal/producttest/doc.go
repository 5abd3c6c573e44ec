// Package producttest holds tests that join the parser and the catalog: every
// product home (corpus or fixture) must yield the catalog's default listeners.
// It has no non-test code.
package producttest
