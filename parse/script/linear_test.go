package script

import (
	"runtime"
	"strings"
	"testing"
)

// allocated returns the bytes that f allocates.
func allocated(f func()) uint64 {
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	f()
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}

// TestScanLinear checks that a scan's memory grows linearly with the long
// inputs of longScripts: eight times the input may take about eight times the
// bytes, not sixty-four. (A statement path built once per option, and a value
// that doubles at every line, once made it quadratic and exponential.)
func TestScanLinear(t *testing.T) {
	small, large := longScripts(200), longScripts(1600)
	for i := range small {
		for _, c := range []struct {
			kind         string
			scan         func([]byte) *Script
			small, large string
		}{
			{"sh", ScanSh, small[i].sh, large[i].sh},
			{"bat", ScanBat, small[i].bat, large[i].bat},
		} {
			a := allocated(func() { c.scan([]byte(c.small)) })
			b := allocated(func() { c.scan([]byte(c.large)) })
			if b > 16*a {
				t.Errorf("%s %s: %d bytes for %d input bytes, %d for %d", c.kind, small[i].name, a, len(c.small), b, len(c.large))
			}
		}
	}
}

// TestScanValueBound checks that a variable which doubles at every line
// becomes unknown instead of growing: the scan ends, and a test on it is
// undecided.
func TestScanValueBound(t *testing.T) {
	src := "A=x\n" + strings.Repeat("A=\"$A$A\"\n", 64) + "if [ -n \"$A\" ]; then JAVA_OPTS=-Dx=1; fi\nB=\"-Dy=2\"\njava $B Main\n"
	sc := ScanSh([]byte(src))
	if got := optTexts(sc.Options, Conditional); len(got) != 1 || got[0] != "-Dx=1" {
		t.Errorf("conditional options = %q, want [-Dx=1]", got)
	}
	if got := optTexts(sc.Options, Always); len(got) != 1 || got[0] != "-Dy=2" {
		t.Errorf("always-on options = %q, want [-Dy=2]", got)
	}
}
