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

// refParse is Parse as it was before the byte scanner (issue 15 item 3): encoding/xml
// tokens, checked, and an etree tree built from them. It is the oracle of
// FuzzDifferential. It reads data as one XML document. It rejects DTD entity and
// attribute-list declarations, invalid UTF-8, UTF-16, duplicate attributes
// and documents beyond the limits (MaxDepth, MaxElements, MaxAttrs,
// MaxMarked); it never resolves external entities. A rejection is an *Error.
func refParse(data []byte, opt Options) (*Document, error) {
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
	text := string(src)
	d := &Document{src: text, lines: newLineIndex(text), elems: map[*etree.Element]*elemInfo{}}
	if err := refScan(d, opt); err != nil {
		return nil, err
	}
	return d, nil
}

// scanner is the state of one scan.
type refScanner struct {
	d       *Document
	tree    *refTreeBuilder
	stack   []*elemInfo
	names   []string // the names of the open elements as written
	pending []int    // indexes into d.Marked of comments waiting for the next element
	seen    map[xml.Name]struct{}
}

// errAt returns an *Error at byte offset off; withCol adds the column.
func (s *refScanner) errAt(off int, withCol bool, format string, args ...any) *Error {
	p := s.d.lines.pos(s.d.src, off)
	if !withCol {
		p.Col = 0
	}
	return &Error{Line: p.Line, Col: p.Col, Msg: fmt.Sprintf(format, args...)}
}

// scan walks the raw tokens, recording element offsets and marked comments,
// and builds the document tree from them.
func refScan(d *Document, opt Options) error {
	dec := xml.NewDecoder(strings.NewReader(d.src))
	dec.Strict = true
	dec.CharsetReader = identityCharset
	s := &refScanner{d: d, tree: newRefTreeBuilder()}
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
				c.Trailing = len(strings.TrimSpace(d.src[lineStart:off])) > 0
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
			if i := strings.Index(d.src[off:endOff], "<!ATTLIST"); i >= 0 {
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
func (s *refScanner) start(t xml.StartElement, off, endOff int) (*elemInfo, error) {
	switch {
	case len(s.stack) >= MaxDepth:
		return nil, s.errAt(off, false, "XML nested deeper than %d elements", MaxDepth)
	case len(s.d.elems) >= MaxElements:
		return nil, s.errAt(off, false, "more than %d XML elements; not a configuration file", MaxElements)
	case len(t.Attr) > MaxAttrs:
		return nil, s.errAt(off, false, "element <%s> has more than %d attributes; not a configuration file", refQname(t.Name), MaxAttrs)
	case len(s.stack) == 0 && len(s.d.elems) > 0:
		return nil, s.errAt(off, false, "malformed XML: more than one root element")
	}
	if i := s.repeatedAttr(t.Attr); i >= 0 {
		attrs := startTagAttrs(s.d.src[off:endOff])
		at := off
		if i < len(attrs) {
			at += attrs[i].nameOff
		}
		return nil, s.errAt(at, true, "malformed XML: attribute %q appears more than once in element <%s>", refQname(t.Attr[i].Name), refQname(t.Name))
	}
	info := &elemInfo{start: off, startEnd: endOff}
	s.stack = append(s.stack, info)
	s.names = append(s.names, refQname(t.Name))
	return info, nil
}

// repeatedAttr returns the index of the first attribute whose name (as
// written) an earlier attribute of the same tag has, or -1.
func (s *refScanner) repeatedAttr(attrs []xml.Attr) int {
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
func (s *refScanner) end(t xml.EndElement, off, endOff int) error {
	if len(s.stack) == 0 {
		return s.errAt(off, false, "malformed XML: unexpected end element")
	}
	info := s.stack[len(s.stack)-1]
	name := s.names[len(s.names)-1]
	if got := refQname(t.Name); got != name {
		return s.errAt(off, false, "malformed XML: element <%s> closed by </%s>", name, got)
	}
	s.stack = s.stack[:len(s.stack)-1]
	s.names = s.names[:len(s.names)-1]
	info.last = max(endOff-1, info.start)
	return nil
}

// qname returns a name as written in the document.
func refQname(n xml.Name) string {
	if n.Space != "" {
		return n.Space + ":" + n.Local
	}
	return n.Local
}

// refTreeBuilder (the tree builder before the byte scanner) builds the etree document from the tokens the scanner reads, so
// that each file is tokenized once rather than twice (once for the positions,
// once more by etree.Document.ReadFromBytes): XML tokenizing is most of the
// time spent reading a home. The tree is the one ReadFromBytes builds with the
// same decoder settings: the same elements, attributes, text (with etree's
// white-space flag), comments, directives and processing instructions.
type refTreeBuilder struct {
	doc   *etree.Document
	stack []*etree.Element
}

func newRefTreeBuilder() *refTreeBuilder {
	doc := etree.NewDocument()
	doc.ReadSettings = etree.ReadSettings{CharsetReader: identityCharset}
	return &refTreeBuilder{doc: doc, stack: []*etree.Element{&doc.Element}}
}

func (t *refTreeBuilder) top() *etree.Element { return t.stack[len(t.stack)-1] }

// token adds one raw token that the scanner has checked (end tags match their
// start tags, nesting is within bounds, no attribute is repeated). It returns
// the element a start tag creates, nil for other tokens.
func (t *refTreeBuilder) token(tok xml.Token) *etree.Element {
	switch tok := tok.(type) {
	case xml.StartElement:
		e := t.top().CreateElement("x")
		e.Space, e.Tag = tok.Name.Space, tok.Name.Local
		for _, a := range tok.Attr {
			// CreateAttr splits its key at the first colon and replaces an
			// attribute of the same name; a key no attribute has (XML names
			// hold no NUL) makes it append, then the name is set as the
			// decoder read it.
			na := e.CreateAttr("\x00", a.Value)
			na.Space, na.Key = a.Name.Space, a.Name.Local
		}
		t.stack = append(t.stack, e)
		return e
	case xml.EndElement:
		if len(t.stack) > 1 {
			t.stack = t.stack[:len(t.stack)-1]
		}
	case xml.CharData:
		c := t.top().CreateText("")
		c.SetData(string(tok)) // sets the white-space flag as etree's reader does
	case xml.Comment:
		t.top().CreateComment(string(tok))
	case xml.Directive:
		t.top().CreateDirective(string(tok))
	case xml.ProcInst:
		t.top().CreateProcInst(tok.Target, string(tok.Inst))
	}
	return nil
}
