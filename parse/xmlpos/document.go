package xmlpos

import (
	"fmt"
	"strconv"
	"strings"
	"sync"

	"github.com/beevik/etree"
)

// Limits on one document. Real WSO2 files stay below 20 levels of nesting and
// hold at most a few hundred elements of a few attributes each; a flood of
// tiny elements would otherwise cost hundreds of bytes of memory per input
// byte.
const (
	// MaxDepth bounds element nesting.
	MaxDepth = 512
	// MaxElements bounds the elements of one document.
	MaxElements = 100000
	// MaxAttrs bounds the attributes of one element.
	MaxAttrs = 1000
	// MaxMarked bounds the marked comments (see Options.Marker) of one document.
	MaxMarked = 10000
)

// Pos is a place in the scanned text. Line and Col are 1-based; Col counts
// runes (characters), not bytes. The zero Pos means unknown.
type Pos struct {
	Line, Col int
}

// Error is a reason the data is not accepted as an XML document, with the
// place it was found at (Line 0: the whole file; Col 0: the line only).
type Error struct {
	Line, Col int
	Msg       string
}

// Error returns the message with its place: "3:7: msg", "3: msg" or "msg".
func (e *Error) Error() string {
	switch {
	case e.Line > 0 && e.Col > 0:
		return fmt.Sprintf("%d:%d: %s", e.Line, e.Col, e.Msg)
	case e.Line > 0:
		return fmt.Sprintf("%d: %s", e.Line, e.Msg)
	}
	return e.Msg
}

// Options control Parse.
type Options struct {
	// Marker selects the comments that Parse reports in Document.Marked: those
	// whose text contains it. Empty reports none.
	Marker string
}

// Comment is a marked comment (see Options.Marker) as found in the text.
type Comment struct {
	// Text is the comment's text, between "<!--" and "-->".
	Text string
	// Pos is the place of "<!--".
	Pos Pos
	// Trailing is true when something other than white space precedes the
	// comment on its line.
	Trailing bool
	// Next is the element the comment stands before: for a comment that is
	// not Trailing, the next element to start, when no text other than white
	// space comes first. Nil when there is none.
	Next *etree.Element
}

// Document is a parsed XML document with the place of every element.
type Document struct {
	// Tree is the document as etree reads it.
	Tree *etree.Document
	// Marked are the marked comments, in document order.
	Marked []Comment

	// src is the UTF-8 text. The tree's names, attribute values, comments
	// and text are substrings of it where they are written without entity
	// references or carriage returns, so the text is held once.
	src   string
	lines lineIndex
	elems map[*etree.Element]*elemInfo
	// mu guards the sibling indexes Path works out (elemInfo.idx).
	mu sync.Mutex
}

// elemInfo holds the byte offsets of an element's start tag and end.
type elemInfo struct {
	start    int // offset of '<'
	startEnd int // offset just after the start tag's '>'
	last     int // offset of the last byte of the end tag (or the self-closing tag)
	// idx is the element's 1-based index among its siblings of the same
	// local name when there are several, 0 when it is the only one; it is
	// set, for all the children of an element at once, when Path first
	// needs it (indexed is then true on the parent).
	idx     int32
	indexed bool
}

// Root returns the root element.
func (d *Document) Root() *etree.Element { return d.Tree.Root() }

// Start returns the place of e's start tag (its '<'); ok is false when e is
// not an element of d.
func (d *Document) Start(e *etree.Element) (p Pos, ok bool) {
	info := d.elems[e]
	if info == nil {
		return Pos{}, false
	}
	return d.lines.pos(d.src, info.start), true
}

// End returns the place of the last character of e (the '>' of its end tag,
// or of its start tag when it is self-closing).
func (d *Document) End(e *etree.Element) (p Pos, ok bool) {
	info := d.elems[e]
	if info == nil {
		return Pos{}, false
	}
	return d.lines.pos(d.src, info.last), true
}

// TextStart returns the place of e's content: just after its start tag,
// skipping white space.
func (d *Document) TextStart(e *etree.Element) (p Pos, ok bool) {
	info := d.elems[e]
	if info == nil {
		return Pos{}, false
	}
	off := info.startEnd
	for off < len(d.src) && isXMLSpace(d.src[off]) {
		off++
	}
	return d.lines.pos(d.src, off), true
}

// Attr returns the place of the value of e's attribute name (written as in
// the start tag, "port" or "svns:secretAlias"): the first character inside
// the quotes. ok is false when e has no such attribute or is not an element
// of d.
func (d *Document) Attr(e *etree.Element, name string) (p Pos, ok bool) {
	info := d.elems[e]
	if info == nil {
		return Pos{}, false
	}
	for _, a := range startTagAttrs(d.src[info.start:info.startEnd]) {
		if a.name == name {
			return d.lines.pos(d.src, info.start+a.valueOff), true
		}
	}
	return Pos{}, false
}

// Path returns e's place in the tree as a path of local names from the root,
// with a 1-based index where siblings share the name:
// "/Server/Service/Connector[2]". It is "" when e is not an element of d.
//
// The paths are worked out when asked for (most elements are never
// reported): the sibling indexes of an element's children once, the first
// time the path of one of them is asked for, so that a path costs its depth
// afterwards, even among thousands of siblings. Several goroutines may ask
// at once.
func (d *Document) Path(e *etree.Element) string {
	if d.elems[e] == nil {
		return ""
	}
	var b strings.Builder
	d.mu.Lock()
	defer d.mu.Unlock()
	d.writePath(&b, e)
	return b.String()
}

// writePath writes the path of e, an element of d, to b.
func (d *Document) writePath(b *strings.Builder, e *etree.Element) {
	parent := e.Parent()
	pinfo := d.elems[parent]
	if pinfo == nil {
		// The root: the document holds no other element.
		b.WriteByte('/')
		b.WriteString(e.Tag)
		return
	}
	d.writePath(b, parent)
	b.WriteByte('/')
	b.WriteString(e.Tag)
	if !pinfo.indexed {
		d.indexChildren(parent)
		pinfo.indexed = true
	}
	if idx := d.elems[e].idx; idx > 0 {
		b.WriteByte('[')
		b.WriteString(strconv.Itoa(int(idx)))
		b.WriteByte(']')
	}
}

// indexChildren sets the sibling index of every child element of parent.
func (d *Document) indexChildren(parent *etree.Element) {
	counts := map[string]int32{}
	for _, t := range parent.Child {
		if c, ok := t.(*etree.Element); ok {
			counts[c.Tag]++
		}
	}
	next := make(map[string]int32, len(counts))
	for _, t := range parent.Child {
		if c, ok := t.(*etree.Element); ok && counts[c.Tag] > 1 {
			next[c.Tag]++
			d.elems[c].idx = next[c.Tag]
		}
	}
}

// Elements calls yield for every element of d, in document order.
func (d *Document) Elements(yield func(*etree.Element) bool) {
	var walk func(e *etree.Element) bool
	walk = func(e *etree.Element) bool {
		if !yield(e) {
			return false
		}
		for _, c := range e.ChildElements() {
			if !walk(c) {
				return false
			}
		}
		return true
	}
	if r := d.Root(); r != nil {
		walk(r)
	}
}

func isXMLSpace(b byte) bool { return b == ' ' || b == '\t' || b == '\r' || b == '\n' }
