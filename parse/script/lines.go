package script

import (
	"bytes"
	"sort"
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

// cutLine returns the line of data that starts at byte offset off, without
// its \n or \r\n (as splitLines does), and the offset of the next line: -1
// when it is the last line.
func cutLine(data []byte, off int) ([]byte, int) {
	l, next := data[off:], -1
	if i := bytes.IndexByte(l, '\n'); i >= 0 {
		l, next = l[:i], off+i+1
	}
	return bytes.TrimSuffix(l, []byte("\r")), next
}

// lineMark maps a byte offset of a joined logical line to its physical line.
type lineMark struct {
	off  int    // where the line starts in the logical line
	line int    // 1-based line number
	src  string // the physical line
}

// posMap maps byte offsets of one logical line (physical lines joined at
// their continuations) to positions. It remembers the last position it gave,
// so that offsets asked in increasing order, as the options of a command are,
// cost the bytes between them rather than the whole line each.
type posMap struct {
	marks []lineMark // by off, ascending
	mark  int        // the mark of the last position; -1 before the first
	k     int        // its byte offset in the mark's line
	runes int        // the runes of the mark's line before k
}

// newPosMap returns a posMap over marks, which must hold at least one mark.
func newPosMap(marks []lineMark) *posMap {
	return &posMap{marks: marks, mark: -1}
}

// pos returns the position of byte offset off of the logical line: on the
// last physical line that starts at or before it, the column counted in runes
// and clamped to the end of that line.
func (p *posMap) pos(off int) Pos {
	i := max(sort.Search(len(p.marks), func(i int) bool { return p.marks[i].off > off })-1, 0)
	m := p.marks[i]
	k := min(off-m.off, len(m.src))
	// Rune counts add up across a split in front of an ASCII byte (a
	// multi-byte or invalid sequence never extends over one), or at the end.
	if i == p.mark && k >= p.k && (p.k == len(m.src) || m.src[p.k] < utf8.RuneSelf) {
		p.runes += utf8.RuneCountInString(m.src[p.k:k])
	} else {
		p.runes = utf8.RuneCountInString(m.src[:k])
	}
	p.mark, p.k = i, k
	return Pos{Line: m.line, Col: p.runes + 1}
}
