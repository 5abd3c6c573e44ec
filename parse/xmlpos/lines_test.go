package xmlpos

import (
	"strings"
	"testing"
)

// TestLineIndex checks the line index against a direct count.
func TestLineIndex(t *testing.T) {
	src := []byte("a\nbb\n\nccc\n")
	x := newLineIndex(string(src))
	for off := range src {
		if got, want := x.line(off), 1+strings.Count(string(src[:off]), "\n"); got != want {
			t.Errorf("line(%d) = %d, want %d", off, got, want)
		}
	}
	if got := x.start(4); got != 6 {
		t.Errorf("start(4) = %d, want 6", got)
	}
	if got := x.start(99); got != len(src) {
		t.Errorf("start(99) = %d, want %d", got, len(src))
	}
	if got := x.start(0); got != 0 {
		t.Errorf("start(0) = %d, want 0", got)
	}
	u := []byte("é\nxé")
	if got, want := newLineIndex(string(u)).pos(string(u), 4), (Pos{Line: 2, Col: 2}); got != want {
		t.Errorf("pos = %+v, want %+v", got, want)
	}
}
