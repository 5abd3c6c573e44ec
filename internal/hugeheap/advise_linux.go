//go:build linux

package hugeheap

import (
	"errors"
	"os"
	"syscall"
	"unsafe"
)

// Linux madvise advice values (include/uapi/asm-generic/mman-common.h);
// package syscall lacks MADV_COLLAPSE (Linux 6.1).
const (
	madvHugePage = 14
	madvCollapse = 25
)

// Advise marks the Go heap mapped so far, from the 4 MB-aligned start of the
// chunk that holds os.Args (the runtime allocates it at start-up, at the
// start of the heap) onwards, as wanting transparent huge pages, and
// collapses that chunk, which start-up has partly touched, into huge pages
// now, so that its untouched pages cost no fault each later.
//
// It is advice: on a kernel without transparent huge pages, with them
// disabled, without MADV_COLLAPSE (before 6.1) or with no huge page free, it
// changes nothing and returns the error, which callers may ignore. The
// runtime maps later chunks afresh, without the advice, so Advise helps a
// short run most; memory stays the Go runtime's to manage either way.
func Advise() error {
	start := uintptr(unsafe.Pointer(unsafe.SliceData(os.Args))) &^ (Chunk - 1)
	if start == 0 {
		return nil
	}
	// The range reaches past what is mapped: madvise applies the advice to
	// the mappings in it and reports ENOMEM for the holes, as expected.
	if err := madvise(start, Region, madvHugePage); err != nil && !errors.Is(err, syscall.ENOMEM) {
		return err
	}
	// The runtime maps its chunks at 2 MB boundaries, not always at 4 MB
	// ones, so each huge page of the chunk is collapsed on its own: one
	// outside the heap's mapping fails alone.
	var err error
	collapsed := false
	for p := start; p < start+Chunk; p += HugePageSize {
		if e := madvise(p, HugePageSize, madvCollapse); e != nil {
			err = e
		} else {
			collapsed = true
		}
	}
	if collapsed {
		return nil
	}
	return err
}

func madvise(addr, length uintptr, advice int) error {
	if _, _, e := syscall.Syscall(syscall.SYS_MADVISE, addr, length, uintptr(advice)); e != 0 {
		return e
	}
	return nil
}
