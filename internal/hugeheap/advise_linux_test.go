//go:build linux

package hugeheap

import (
	"bufio"
	"errors"
	"os"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"unsafe"
)

// TestAdvise checks that Advise marks the heap mapping that holds os.Args as
// wanting huge pages (VmFlags "hg" in /proc/self/smaps) wherever the kernel
// offers transparent huge pages, and that any error it returns is one of a
// kernel that cannot give them.
func TestAdvise(t *testing.T) {
	err := Advise()
	thp, mode := thpMode(t)
	switch {
	case err == nil:
	case errors.Is(err, syscall.EINVAL), errors.Is(err, syscall.EAGAIN), errors.Is(err, syscall.ENOMEM),
		errors.Is(err, syscall.EPERM):
		// No MADV_COLLAPSE (before Linux 6.1), THP off, or no huge page free.
		t.Logf("Advise: %v (transparent_hugepage %q)", err, mode)
	default:
		t.Fatalf("Advise: %v", err)
	}
	if !thp {
		t.Skipf("transparent huge pages are %q here: nothing to check", mode)
	}
	addr := uintptr(unsafe.Pointer(unsafe.SliceData(os.Args)))
	flags, ok := vmFlags(t, addr)
	if !ok {
		t.Fatalf("no mapping of /proc/self/smaps holds os.Args at %#x", addr)
	}
	if !strings.Contains(" "+flags+" ", " hg ") {
		t.Errorf("the heap mapping at %#x has VmFlags %q after Advise; want hg (MADV_HUGEPAGE)", addr, flags)
	}
}

// thpMode reads /sys/kernel/mm/transparent_hugepage/enabled: whether huge
// pages can be had by asking ("always" or "madvise"), and the mode.
func thpMode(t *testing.T) (bool, string) {
	b, err := os.ReadFile("/sys/kernel/mm/transparent_hugepage/enabled")
	if err != nil {
		return false, "unavailable"
	}
	s := string(b)
	i, j := strings.IndexByte(s, '['), strings.IndexByte(s, ']')
	if i < 0 || j < i {
		t.Fatalf("transparent_hugepage/enabled reads %q", s)
	}
	mode := s[i+1 : j]
	return mode == "always" || mode == "madvise", mode
}

// vmFlags returns the VmFlags line of the mapping of /proc/self/smaps that
// holds addr.
func vmFlags(t *testing.T, addr uintptr) (string, bool) {
	f, err := os.Open("/proc/self/smaps")
	if err != nil {
		t.Skipf("no /proc/self/smaps: %v", err)
	}
	defer f.Close()
	in := false
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if lo, hi, ok := mappingRange(line); ok {
			in = lo <= addr && addr < hi
			continue
		}
		if in {
			if rest, ok := strings.CutPrefix(line, "VmFlags:"); ok {
				return strings.TrimSpace(rest), true
			}
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return "", false
}

// mappingRange parses the first line of a mapping of smaps ("lo-hi perms
// ..."); ok is false for the other lines.
func mappingRange(line string) (lo, hi uintptr, ok bool) {
	field, _, _ := strings.Cut(line, " ")
	a, b, found := strings.Cut(field, "-")
	if !found {
		return 0, 0, false
	}
	x, err1 := strconv.ParseUint(a, 16, 64)
	y, err2 := strconv.ParseUint(b, 16, 64)
	if err1 != nil || err2 != nil {
		return 0, 0, false
	}
	return uintptr(x), uintptr(y), true
}
