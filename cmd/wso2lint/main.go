// Command wso2lint reads WSO2 Carbon product homes, works out every port the
// servers will open, lints the configuration and writes host firewall rules.
package main

import (
	"context"
	"os"
	"runtime/debug"
)

// softMemoryLimit is the Go heap's soft limit (debug.SetMemoryLimit) unless
// GOMEMLIMIT is set: with it the collector runs more often as a run over a
// thousand homes nears the limit, instead of letting the heap double between
// collections (GOGC=100), which keeps the peak resident size of such a run
// under 100 MB (issue 15 item 5). It is a soft limit: a run that needs more
// gets more.
const softMemoryLimit = 64 << 20

func main() {
	if _, set := os.LookupEnv("GOMEMLIMIT"); !set {
		debug.SetMemoryLimit(softMemoryLimit)
	}
	ctx, stop := signalContext(context.Background())
	code := runContext(ctx, os.Args, os.Stdout, os.Stderr, os.Getenv)
	stop()
	os.Exit(code)
}
