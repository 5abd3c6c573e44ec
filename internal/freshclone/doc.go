// Package freshclone holds one test and no code: it clones the repository
// into a temporary folder with nothing beside it (no ../shared) and runs the
// tests of every package that uses the shared corpus there, which must pass,
// skipping what needs the corpus with one line each (issue 13 item 4).
//
// It imports internal/testenv only.
package freshclone
