package script

import (
	"bytes"
	"strings"
	"unicode/utf8"
)

// splitLines splits data into lines without their \n or \r\n.
func splitLines(data []byte) []string {
	raw := bytes.Split(data, []byte("\n"))
	out := make([]string, len(raw))
	for i, l := range raw {
		out[i] = strings.TrimSuffix(string(l), "\r")
	}
	return out
}

// lineMark maps a byte offset of a joined logical line to its physical line.
type lineMark struct {
	off  int    // where the line starts in the logical line
	line int    // 1-based line number
	src  string // the physical line
}

// posMap maps byte offsets of one logical line (physical lines joined at
// their continuations) to positions.
type posMap struct {
	marks []lineMark // by off, ascending
}

// newPosMap returns a posMap over marks, which must hold at least one mark.
func newPosMap(marks []lineMark) *posMap {
	return &posMap{marks: marks}
}

// pos returns the position of byte offset off of the logical line: on the
// last physical line that starts at or before it, the column counted in runes
// and clamped to the end of that line.
func (p *posMap) pos(off int) Pos {
	m := p.marks[0]
	for _, x := range p.marks {
		if x.off <= off {
			m = x
		}
	}
	k := min(off-m.off, len(m.src))
	return Pos{Line: m.line, Col: utf8.RuneCountInString(m.src[:k]) + 1}
}
