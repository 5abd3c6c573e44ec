package xmlpos

import (
	"strings"
	"unicode/utf8"
)

// lineIndex maps byte offsets to 1-based lines. Offsets are int32 (Parse
// rejects larger input) so that a file of blank lines costs 4 bytes per line.
type lineIndex []int32 // start offset of each line

func newLineIndex(src string) lineIndex {
	idx := make(lineIndex, 1, strings.Count(src, "\n")+1)
	for off := 0; ; {
		i := strings.IndexByte(src[off:], '\n')
		if i < 0 {
			return idx
		}
		off += i + 1
		idx = append(idx, int32(off))
	}
}

// line returns the 1-based line holding offset off.
func (x lineIndex) line(off int) int {
	lo, hi := 0, len(x)
	for lo+1 < hi {
		mid := (lo + hi) / 2
		if int(x[mid]) <= off {
			lo = mid
		} else {
			hi = mid
		}
	}
	return lo + 1
}

// start returns the offset of the first byte of 1-based line n.
func (x lineIndex) start(n int) int {
	if n < 1 {
		return 0
	}
	if n > len(x) {
		return int(x[len(x)-1])
	}
	return int(x[n-1])
}

// pos returns the line and column (in runes, 1-based) of byte offset off of src.
func (x lineIndex) pos(src string, off int) Pos {
	line := x.line(off)
	return Pos{Line: line, Col: utf8.RuneCountInString(src[x.start(line):off]) + 1}
}
