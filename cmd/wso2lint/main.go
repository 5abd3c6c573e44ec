// Command wso2lint reads WSO2 Carbon product homes, works out every port the
// servers will open, lints the configuration and writes host firewall rules.
package main

import (
	"context"
	"os"
	"runtime/debug"
	"sync"

	"github.com/wso2lint/wso2lint/internal/hugeheap"
)

// softMemoryLimit is the Go heap's soft limit (debug.SetMemoryLimit) unless
// GOMEMLIMIT is set: with it the collector runs more often as a run over a
// thousand homes nears the limit, instead of letting the heap double between
// collections (GOGC=100), which keeps the peak resident size of such a run
// under 100 MB (issue 15 item 5). It is a soft limit: a run that needs more
// gets more.
const softMemoryLimit = 64 << 20

// gcPercent is the collector's GOGC unless GOGC is set. Below the soft
// memory limit the heap may grow to five times what is live before a
// collection, not twice: a run over a thousand homes allocates over a
// gigabyte but keeps about 15 MB, so at GOGC=100 it collected some sixty
// times, a quarter of its CPU time (4.2 s of CPU at 400 against 5.8 s at
// 100, peak RSS 83 MB against 79 MB). The memory limit still bounds the heap.
const gcPercent = 400

// gcSettings returns the soft memory limit and GOGC main sets, each -1 when
// the environment (lookup) sets it and the runtime has taken it from there.
func gcSettings(lookup func(string) (string, bool)) (limit int64, percent int) {
	limit, percent = softMemoryLimit, gcPercent
	if _, set := lookup("GOMEMLIMIT"); set {
		limit = -1
	}
	if _, set := lookup("GOGC"); set {
		percent = -1
	}
	return limit, percent
}

func main() {
	if readsHomes(os.Args[1:]) {
		// Advice only: without huge pages the run is as before, slower.
		// Given before the command line is even parsed, it finds less of the
		// heap touched page by page (about 1.5 % of a one-home run here).
		_ = hugeheap.Advise()
	}
	ctx, stop := signalContext(context.Background())
	ctx = context.WithValue(ctx, gcSettingsKey{}, new(sync.Once))
	code := runContext(ctx, os.Args, os.Stdout, os.Stderr, os.Getenv)
	stop()
	os.Exit(code)
}

// readsHomes reports whether the command line args (without the program
// name) may read product homes, so that main asks for huge pages for the heap
// (hugeheap.Advise, 0.5 to 1 ms) only then: not for a run that asks for help
// or the version, nor for catalog, explain, completion, help or version. A guess
// either way only changes the speed.
func readsHomes(args []string) bool {
	for _, a := range args {
		switch a {
		case "--":
			return true
		case "-h", "--help", "-v", "--version", completionFlag:
			return false
		}
	}
	if len(args) > 0 {
		switch args[0] {
		case "catalog", "explain", "completion", "help", "h", "version":
			return false
		}
	}
	return true
}

// gcSettingsKey is the context key of main's *sync.Once that applies
// gcSettings.
type gcSettingsKey struct{}

// applyGCSettings sets the soft memory limit and GOGC of gcSettings, once,
// for a run of main (in-process runs, as in tests, leave the test's settings
// alone). The load step calls it before reading anything:
// debug.SetMemoryLimit and debug.SetGCPercent each stop the world (about
// 0.2 ms at start-up), which `--version`, `--help`, `catalog` and `explain`
// do not need to pay (issue 15 item 4).
func applyGCSettings(ctx context.Context) {
	once, ok := ctx.Value(gcSettingsKey{}).(*sync.Once)
	if !ok {
		return
	}
	once.Do(func() {
		limit, percent := gcSettings(os.LookupEnv)
		if limit >= 0 {
			debug.SetMemoryLimit(limit)
		}
		if percent >= 0 {
			debug.SetGCPercent(percent)
		}
	})
}
