// Package testenv locates the repository and the shared test material for
// tests of every package (the repository root, ../shared next to it with the
// corpus of real WSO2 configuration and the seed port table), copies homes into
// temporary directories, and decides what a test does when something it needs
// is missing: the corpus, root, a network namespace tool, nft, iptables,
// firewalld, pre-commit, git.
//
// A test that lacks what it needs is skipped with one line saying what is
// missing, so that `make test` passes on a fresh clone with nothing beside it.
// Only the project's own CI, through WSO2LINT_CI=1 (set by .ci/run; the generic
// CI variable is not used), turns those skips into failures: CI has everything.
//
// Only _test.go files import testenv. It imports nothing of the project.
package testenv
