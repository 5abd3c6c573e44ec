// Package atomicfile replaces a file's content all at once: readers see the old
// file or the new one, never a half-written mix, and a failed write leaves the
// old file as it was. The CLI uses it for -o FILE and --write-baseline.
//
// Package atomicfile imports only the standard library.
package atomicfile
