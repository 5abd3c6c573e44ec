// Package atomicfile replaces a file's content all at once: readers see the old
// file or the new one, never a half-written mix, and a failed write leaves the
// old file as it was. The CLI uses it for -o FILE and --write-baseline.
//
// The temporary file is named ".BASE.tmp-PID-RANDOM" next to the target. A
// write whose context ends (the CLI cancels it on SIGINT, SIGTERM and SIGHUP)
// removes it; one killed outright (SIGKILL) cannot, so each write first
// removes the stale temporary files of its target: its exact name pattern,
// regular files of the current user, whose PID no process has (or older than
// an hour, when the PID was reused). A live write's file is never touched.
//
// Package atomicfile imports only the standard library.
package atomicfile
