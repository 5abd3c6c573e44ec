// Package packaging holds only tests: they check the ways wso2lint is
// installed and run outside a Go checkout, from the repository's own files.
// The Dockerfile is linted (pinned bases, non-root USER, exec-form
// ENTRYPOINT, no ADD of URLs) and its build step run as a script, giving a
// static binary; the GitHub Action's steps (action.yml) and the GitLab CI
// template's script lines run against that binary and fixture homes; `make
// release` runs twice from two clones and gives the same checksums; `go
// install` in a fresh clone reports the clone's commit in --version.
//
// It imports nothing of the project but internal/testenv (in tests).
package packaging
