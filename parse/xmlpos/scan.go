package xmlpos

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"math"
	"strings"

	"github.com/beevik/etree"
)

// Parse reads data as one XML document. It rejects DTD entity and
// attribute-list declarations, invalid UTF-8, UTF-16, duplicate attributes
// and documents beyond the limits (MaxDepth, MaxElements, MaxAttrs,
// MaxMarked); it never resolves external entities. A rejection is an *Error.
func Parse(data []byte, opt Options) (*Document, error) {
	src, err := toUTF8(data)
	if err != nil {
		return nil, &Error{Msg: err.Error()}
	}
	if len(bytes.TrimSpace(src)) == 0 {
		return nil, &Error{Msg: "empty file, expected an XML document"}
	}
	if len(src) > math.MaxInt32 {
		return nil, &Error{Msg: fmt.Sprintf("file is larger than %d bytes, too large to read as XML", math.MaxInt32)}
	}
	d := &Document{src: src, lines: newLineIndex(src), elems: map[*etree.Element]*elemInfo{}}
	if err := d.scan(opt); err != nil {
		return nil, err
	}
	d.setPaths()
	return d, nil
}

// scanner is the state of one scan.
type scanner struct {
	d       *Document
	tree    *treeBuilder
	stack   []*elemInfo
	pending []int // indexes into d.Marked of comments waiting for the next element
	seen    map[xml.Name]struct{}
}

// errAt returns an *Error at byte offset off; withCol adds the column.
func (s *scanner) errAt(off int, withCol bool, format string, args ...any) *Error {
	p := s.d.lines.pos(s.d.src, off)
	if !withCol {
		p.Col = 0
	}
	return &Error{Line: p.Line, Col: p.Col, Msg: fmt.Sprintf(format, args...)}
}

// scan walks the raw tokens, recording element offsets and marked comments,
// and builds the document tree from them.
func (d *Document) scan(opt Options) error {
	dec := xml.NewDecoder(bytes.NewReader(d.src))
	dec.Strict = true
	dec.CharsetReader = identityCharset
	s := &scanner{d: d, tree: newTreeBuilder()}
	d.Tree = s.tree.doc
	for {
		off := int(dec.InputOffset())
		tok, err := dec.RawToken()
		if err == io.EOF {
			break
		}
		if err != nil {
			line, _ := dec.InputPos()
			var se *xml.SyntaxError
			if errors.As(err, &se) {
				return &Error{Line: se.Line, Msg: "malformed XML: " + se.Msg}
			}
			return &Error{Line: line, Msg: "malformed XML: " + err.Error()}
		}
		endOff := int(dec.InputOffset())
		var info *elemInfo
		switch t := tok.(type) {
		case xml.StartElement:
			if info, err = s.start(t, off, endOff); err != nil {
				return err
			}
		case xml.EndElement:
			if err := s.end(t, off, endOff); err != nil {
				return err
			}
		case xml.Comment:
			if opt.Marker != "" && strings.Contains(string(t), opt.Marker) {
				if len(d.Marked) >= MaxMarked {
					return s.errAt(off, false, "more than %d %s comments; not a configuration file", MaxMarked, opt.Marker)
				}
				c := Comment{Text: string(t), Pos: d.lines.pos(d.src, off)}
				lineStart := d.lines.start(c.Pos.Line)
				c.Trailing = len(bytes.TrimSpace(d.src[lineStart:off])) > 0
				d.Marked = append(d.Marked, c)
				if !c.Trailing {
					s.pending = append(s.pending, len(d.Marked)-1)
				}
			}
		case xml.CharData:
			if len(bytes.TrimSpace(t)) > 0 {
				// Text between a comment and the next element: the comment
				// stands before no element.
				s.pending = nil
			}
		case xml.Directive:
			if bytes.Contains(t, []byte("ENTITY")) {
				return s.errAt(off, false, "DTD entity declarations are not allowed (possible entity expansion or external entity attack)")
			}
			if i := bytes.Index(d.src[off:endOff], []byte("<!ATTLIST")); i >= 0 {
				return s.errAt(off+i, true, "DTD attribute-list declarations (<!ATTLIST>) are not supported: their default values would add attributes the file does not show; remove the DOCTYPE's internal subset")
			}
		}
		if e := s.tree.token(tok); e != nil {
			d.elems[e] = info
			for _, k := range s.pending {
				d.Marked[k].Next = e
			}
			s.pending = nil
		}
	}
	if len(s.stack) > 0 {
		return s.errAt(len(d.src), false, "malformed XML: unexpected end of file")
	}
	if len(d.elems) == 0 {
		return &Error{Msg: "no root element"}
	}
	return nil
}

// start checks a start tag at offsets off to endOff and records it.
func (s *scanner) start(t xml.StartElement, off, endOff int) (*elemInfo, error) {
	switch {
	case len(s.stack) >= MaxDepth:
		return nil, s.errAt(off, false, "XML nested deeper than %d elements", MaxDepth)
	case len(s.d.elems) >= MaxElements:
		return nil, s.errAt(off, false, "more than %d XML elements; not a configuration file", MaxElements)
	case len(t.Attr) > MaxAttrs:
		return nil, s.errAt(off, false, "element <%s> has more than %d attributes; not a configuration file", qname(t.Name), MaxAttrs)
	case len(s.stack) == 0 && len(s.d.elems) > 0:
		return nil, s.errAt(off, false, "malformed XML: more than one root element")
	}
	if i := s.repeatedAttr(t.Attr); i >= 0 {
		attrs := startTagAttrs(s.d.src[off:endOff])
		at := off
		if i < len(attrs) {
			at += attrs[i].nameOff
		}
		return nil, s.errAt(at, true, "malformed XML: attribute %q appears more than once in element <%s>", qname(t.Attr[i].Name), qname(t.Name))
	}
	info := &elemInfo{start: off, startEnd: endOff, name: qname(t.Name)}
	s.stack = append(s.stack, info)
	return info, nil
}

// repeatedAttr returns the index of the first attribute whose name (as
// written) an earlier attribute of the same tag has, or -1.
func (s *scanner) repeatedAttr(attrs []xml.Attr) int {
	if len(attrs) <= 8 {
		for i := 1; i < len(attrs); i++ {
			for j := range i {
				if attrs[j].Name == attrs[i].Name {
					return i
				}
			}
		}
		return -1
	}
	if s.seen == nil {
		s.seen = map[xml.Name]struct{}{}
	}
	clear(s.seen)
	for i, a := range attrs {
		if _, dup := s.seen[a.Name]; dup {
			return i
		}
		s.seen[a.Name] = struct{}{}
	}
	return -1
}

// end checks an end tag at offsets off to endOff (equal for the end of a
// self-closing tag) against the open element.
func (s *scanner) end(t xml.EndElement, off, endOff int) error {
	if len(s.stack) == 0 {
		return s.errAt(off, false, "malformed XML: unexpected end element")
	}
	info := s.stack[len(s.stack)-1]
	if got := qname(t.Name); got != info.name {
		return s.errAt(off, false, "malformed XML: element <%s> closed by </%s>", info.name, got)
	}
	s.stack = s.stack[:len(s.stack)-1]
	info.last = max(endOff-1, info.start)
	return nil
}

// qname returns a name as written in the document.
func qname(n xml.Name) string {
	if n.Space != "" {
		return n.Space + ":" + n.Local
	}
	return n.Local
}
