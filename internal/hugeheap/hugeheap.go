// Package hugeheap asks the kernel to back the start of the Go heap with
// transparent huge pages.
//
// A one-home run of wso2lint touches some 4 MB of heap, and each first
// touch of a 4 KB page is a page fault. On the virtual machines wso2lint is
// measured on (issue 15) a fault costs about 13 µs: some 600 faults, a
// quarter of the run, where one 2 MB huge page costs about one millisecond.
// The Go runtime does not ask for huge pages for the heap (it stopped in Go
// 1.21.1), and Linux's default transparent_hugepage mode, "madvise", gives
// them only to memory that asks for them.
package hugeheap

// HugePageSize is the size of a transparent huge page on the platforms
// Advise supports (x86-64 and arm64 with 4 KB pages).
const HugePageSize = 2 << 20

// Region is the span of address space Advise marks: the Go runtime reserves
// heap address space in arenas of 64 MB.
const Region = 64 << 20
