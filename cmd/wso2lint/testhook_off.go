//go:build !wso2lint_testhook

package main

import (
	"context"

	"github.com/wso2lint/wso2lint/internal/atomicfile"
)

// fileWriter is how -o and --write-baseline replace files. Binaries built
// with -tags wso2lint_testhook can hold a write open (testhook_on.go); this
// one never does. It arms the run's signal handling (armSignals) first.
func fileWriter(ctx context.Context) atomicfile.Writer {
	armSignals(ctx)
	return atomicfile.Writer{}
}
