//go:build wso2lint_testhook

package main

import (
	"context"
	"os"

	"github.com/wso2lint/wso2lint/internal/atomicfile"
)

// holdTempEnv, in a binary built with -tags wso2lint_testhook (the signal
// tests build one; release builds lack the tag and ignore it), makes every
// -o or --write-baseline write stop once its temporary file exists and wait
// until the run's context ends (a signal), so that a test can signal a run in
// the middle of a write.
const holdTempEnv = "WSO2LINT_TEST_HOLD_TEMP"

// fileWriter is how -o and --write-baseline replace files; with holdTempEnv
// set it holds each write open after creating the temporary file.
// It arms the run's signal handling (armSignals) first.
func fileWriter(ctx context.Context) atomicfile.Writer {
	armSignals(ctx)
	if os.Getenv(holdTempEnv) == "" {
		return atomicfile.Writer{}
	}
	return atomicfile.Writer{AfterCreate: func(ctx context.Context, _ string) error {
		<-ctx.Done()
		return ctx.Err()
	}}
}
