// Package inlinewant reads expectations written inline in test fixtures, in
// the style of go/analysis's analysistest, so that a fixture says what it must
// produce where it produces it instead of a test counting lines and columns by
// hand. A comment of the fixture's own syntax holding
//
//	want "regexp" ...
//	want:COL "regexp" ...
//
// (<!-- want "WL307" -->, # want "...", // want `...`; Go double-quoted or
// back-quoted strings) expects, on the comment's own line, one diagnostic
// whose text matches each regexp; with :COL, at that column too. Match pairs
// expectations with diagnostics and reports each unexpected diagnostic and
// each unmet expectation.
//
// Only _test.go files import inlinewant. It imports nothing of the project.
package inlinewant
