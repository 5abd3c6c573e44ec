//go:build !wso2lint_testhook

package main

import "github.com/wso2lint/wso2lint/internal/atomicfile"

// fileWriter is how -o and --write-baseline replace files. Binaries built
// with -tags wso2lint_testhook can hold a write open (testhook_on.go); this
// one never does.
func fileWriter() atomicfile.Writer { return atomicfile.Writer{} }
