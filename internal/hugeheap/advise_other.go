//go:build !linux

package hugeheap

// Advise does nothing: transparent huge pages are a Linux feature.
func Advise() error { return nil }
