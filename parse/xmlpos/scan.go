package xmlpos

import (
	"fmt"
	"math"
	"strings"
	"unsafe"

	"github.com/beevik/etree"
)

// Parse reads data as one XML document. It rejects DTD entity and
// attribute-list declarations, invalid UTF-8, UTF-16, duplicate attributes
// and documents beyond the limits (MaxDepth, MaxElements, MaxAttrs,
// MaxMarked); it never resolves external entities. A rejection is an *Error.
//
// The text is read by a byte scanner (see scanner) that accepts and rejects
// what encoding/xml's Decoder.RawToken does in strict mode, with the same
// messages at the same lines, and builds the tree etree's reader builds from
// those tokens; FuzzDifferential checks both against the encoding/xml reader
// wso2lint used before.
func Parse(data []byte, opt Options) (*Document, error) {
	return parse(data, opt, false)
}

// ParseOwned is Parse for data the caller hands over: the document's text
// and the tree's strings share data's bytes instead of a copy of them, so the
// caller must never change data afterwards. wso2lint reads each file into a
// buffer of its own and parses it once; the copy was a fifth of what reading
// a home allocated.
func ParseOwned(data []byte, opt Options) (*Document, error) {
	return parse(data, opt, true)
}

func parse(data []byte, opt Options, owned bool) (*Document, error) {
	src, err := toUTF8(data)
	if err != nil {
		return nil, &Error{Msg: err.Error()}
	}
	if len(src) > math.MaxInt32 {
		return nil, &Error{Msg: fmt.Sprintf("file is larger than %d bytes, too large to read as XML", math.MaxInt32)}
	}
	var text string
	if owned && len(src) > 0 {
		text = unsafe.String(&src[0], len(src)) // src is data, or a conversion of it that nothing else holds
	} else {
		text = string(src)
	}
	if len(strings.TrimSpace(text)) == 0 {
		return nil, &Error{Msg: "empty file, expected an XML document"}
	}
	// Every element ends with "</" or "/>": their count bounds the elements
	// (comments make it larger), so the map of places is sized once.
	hint := min(strings.Count(text, "</")+strings.Count(text, "/>"), MaxElements)
	d := &Document{src: text, lines: newLineIndex(text), elems: make(map[*etree.Element]*elemInfo, hint)}
	doc := etree.NewDocument()
	doc.ReadSettings = etree.ReadSettings{CharsetReader: identityCharset}
	d.Tree = doc
	s := &scanner{d: d, s: text, opt: opt, open: []*etree.Element{&doc.Element}}
	if err := s.scan(); err != nil {
		return nil, err
	}
	return d, nil
}

// scanner is the state of one scan of Document.src. Offsets are byte
// offsets into s; "consumed" offsets (the end of what encoding/xml would have
// read when it found an error) give the line of a syntax error.
type scanner struct {
	d   *Document
	s   string
	opt Options
	// open are the open elements, the document itself first; infos and
	// names hold the place and the name as written of each open element
	// (names[i] and infos[i] belong to open[i+1]).
	open    []*etree.Element
	infos   []*elemInfo
	names   []string
	pending []int // indexes into d.Marked of comments waiting for the next element
	count   int   // elements so far
	attrs   []rawAttr
	buf     []byte
	slab    []elemInfo
	seen    map[string]struct{}
}

// rawAttr is one attribute of a start tag: its name as written, split as
// encoding/xml splits it, its value and the offset of its name.
type rawAttr struct {
	name, space, local, value string
	nameOff                   int
}

// syntax returns the error encoding/xml reports when it has consumed the
// first consumed bytes of the text: a message and the line, no column.
func (s *scanner) syntax(consumed int, msg string) *Error {
	return &Error{Line: s.d.lines.line(consumed), Msg: "malformed XML: " + msg}
}

// eof is the error for text that ends inside a token.
func (s *scanner) eof() *Error { return s.syntax(len(s.s), "unexpected EOF") }

// errAt returns an *Error at byte offset off; withCol adds the column.
func (s *scanner) errAt(off int, withCol bool, format string, args ...any) *Error {
	p := s.d.lines.pos(s.d.src, off)
	if !withCol {
		p.Col = 0
	}
	return &Error{Line: p.Line, Col: p.Col, Msg: fmt.Sprintf(format, args...)}
}

func (s *scanner) top() *etree.Element { return s.open[len(s.open)-1] }

// scan reads the text token by token, checks it and builds the tree.
func (s *scanner) scan() error {
	src := s.s
	n := len(src)
	for p := 0; p < n; {
		if src[p] != '<' {
			data, next, err := s.text(p, -1, false)
			if err != nil {
				return err
			}
			s.charData(data)
			p = next
			continue
		}
		if p+1 >= n {
			return s.eof()
		}
		var next int
		var err *Error
		switch src[p+1] {
		case '/':
			next, err = s.endTag(p)
		case '?':
			next, err = s.procInst(p)
		case '!':
			next, err = s.bang(p)
		default:
			next, err = s.startTag(p)
		}
		if err != nil {
			return err
		}
		p = next
	}
	if len(s.infos) > 0 {
		return s.errAt(n, false, "malformed XML: unexpected end of file")
	}
	if s.count == 0 {
		return &Error{Msg: "no root element"}
	}
	return nil
}

// charData adds text (from character data or a CDATA section).
func (s *scanner) charData(data string) {
	if len(strings.TrimSpace(data)) > 0 {
		// Text between a comment and the next element: the comment stands
		// before no element.
		s.pending = s.pending[:0]
	}
	c := s.top().CreateText("")
	c.SetData(data) // sets the white-space flag as etree's reader does
}

// startTag reads the start tag at off ('<' and a name), checks it and opens
// its element (and closes it when it is self-closing). It returns the offset
// after the tag.
func (s *scanner) startTag(off int) (int, *Error) {
	src := s.s
	n := len(src)
	name, _, _, i, err := s.nsname(off+1, "expected element name after <")
	if err != nil {
		return 0, err
	}
	s.attrs = s.attrs[:0]
	empty := false
	for {
		i = skipSpace(src, i)
		if i >= n {
			return 0, s.eof()
		}
		b := src[i]
		i++
		if b == '/' {
			if i >= n {
				return 0, s.eof()
			}
			if src[i] != '>' {
				return 0, s.syntax(i+1, "expected /> in element")
			}
			i++
			empty = true
			break
		}
		if b == '>' {
			break
		}
		i--
		a := rawAttr{nameOff: i}
		a.name, a.space, a.local, i, err = s.nsname(i, "expected attribute name in element")
		if err != nil {
			return 0, err
		}
		i = skipSpace(src, i)
		if i >= n {
			return 0, s.eof()
		}
		if src[i] != '=' {
			return 0, s.syntax(i+1, "attribute name without = in element")
		}
		i = skipSpace(src, i+1)
		if i >= n {
			return 0, s.eof()
		}
		q := src[i]
		if q != '"' && q != '\'' {
			return 0, s.syntax(i+1, "unquoted or missing attribute value in element")
		}
		a.value, i, err = s.text(i+1, int(q), false)
		if err != nil {
			return 0, err
		}
		s.attrs = append(s.attrs, a)
	}
	// The checks the scanner made of every start tag before, in that order.
	switch {
	case len(s.infos) >= MaxDepth:
		return 0, s.errAt(off, false, "XML nested deeper than %d elements", MaxDepth)
	case s.count >= MaxElements:
		return 0, s.errAt(off, false, "more than %d XML elements; not a configuration file", MaxElements)
	case len(s.attrs) > MaxAttrs:
		return 0, s.errAt(off, false, "element <%s> has more than %d attributes; not a configuration file", name, MaxAttrs)
	case len(s.infos) == 0 && s.count > 0:
		return 0, s.errAt(off, false, "malformed XML: more than one root element")
	}
	if k := s.repeatedAttr(); k >= 0 {
		return 0, s.errAt(s.attrs[k].nameOff, true, "malformed XML: attribute %q appears more than once in element <%s>", s.attrs[k].name, name)
	}
	info := s.newInfo()
	info.start, info.startEnd = off, i
	e := s.top().CreateElement("x")
	e.Space, e.Tag = splitName(name)
	for _, a := range s.attrs {
		// CreateAttr splits its key at the first colon and replaces an
		// attribute of the same name; a key no attribute has (XML names
		// hold no NUL) makes it append, then the name is set as read.
		na := e.CreateAttr("\x00", a.value)
		na.Space, na.Key = a.space, a.local
	}
	s.count++
	s.d.elems[e] = info
	for _, k := range s.pending {
		s.d.Marked[k].Next = e
	}
	s.pending = s.pending[:0]
	if empty {
		info.last = max(i-1, off)
		return i, nil
	}
	s.open = append(s.open, e)
	s.infos = append(s.infos, info)
	s.names = append(s.names, name)
	return i, nil
}

// newInfo returns a zero elemInfo, allocated with others in blocks.
func (s *scanner) newInfo() *elemInfo {
	if len(s.slab) == 0 {
		s.slab = make([]elemInfo, 64)
	}
	info := &s.slab[0]
	s.slab = s.slab[1:]
	return info
}

// repeatedAttr returns the index of the first attribute of s.attrs whose
// name (as written) an earlier attribute has, or -1.
func (s *scanner) repeatedAttr() int {
	attrs := s.attrs
	if len(attrs) <= 8 {
		for i := 1; i < len(attrs); i++ {
			for j := range i {
				if attrs[j].name == attrs[i].name {
					return i
				}
			}
		}
		return -1
	}
	if s.seen == nil {
		s.seen = map[string]struct{}{}
	}
	clear(s.seen)
	for i, a := range attrs {
		if _, dup := s.seen[a.name]; dup {
			return i
		}
		s.seen[a.name] = struct{}{}
	}
	return -1
}

// endTag reads the end tag at off ("</") and closes the open element.
func (s *scanner) endTag(off int) (int, *Error) {
	src := s.s
	name, _, local, i, err := s.nsname(off+2, "expected element name after </")
	if err != nil {
		return 0, err
	}
	i = skipSpace(src, i)
	if i >= len(src) {
		return 0, s.eof()
	}
	if src[i] != '>' {
		return 0, s.syntax(i+1, "invalid characters between </"+local+" and >")
	}
	i++
	if len(s.infos) == 0 {
		return 0, s.errAt(off, false, "malformed XML: unexpected end element")
	}
	top := len(s.infos) - 1
	if want := s.names[top]; name != want {
		return 0, s.errAt(off, false, "malformed XML: element <%s> closed by </%s>", want, name)
	}
	s.infos[top].last = i - 1
	s.infos, s.names = s.infos[:top], s.names[:top]
	s.open = s.open[:len(s.open)-1]
	return i, nil
}

// procInst reads the processing instruction at off ("<?").
func (s *scanner) procInst(off int) (int, *Error) {
	src := s.s
	i, ok, err := s.readName(off + 2)
	if err != nil {
		return 0, err
	}
	if !ok {
		return 0, s.syntax(i, "expected target name after <?")
	}
	target := src[off+2 : i]
	if err := s.checkName(target, i); err != nil {
		return 0, err
	}
	i = skipSpace(src, i)
	k := strings.Index(src[i:], "?>")
	if k < 0 {
		return 0, s.eof()
	}
	inst := src[i : i+k]
	i += k + 2
	if target == "xml" {
		if ver := procInstParam("version", inst); ver != "" && ver != "1.0" {
			// Not a syntax error in encoding/xml: the message has its "xml: ".
			return 0, s.syntax(i, fmt.Sprintf("xml: unsupported version %q; only version 1.0 is supported", ver))
		}
		// Any encoding is accepted: toUTF8 has converted the text.
	}
	s.top().CreateProcInst(target, inst)
	return i, nil
}

// procInstParam returns the value of param in the text of an XML declaration
// as encoding/xml reads it: after the first `param=` directly followed by a
// quote, up to the next such quote; "" when there is none.
func procInstParam(param, inst string) string {
	param += "="
	i := 0
	var quote byte
	for i < len(inst) {
		rest := inst[i:]
		k := strings.Index(rest, param)
		if k < 0 || k+len(param) >= len(rest) {
			return ""
		}
		i += k + len(param) + 1
		if c := rest[k+len(param)]; c == '\'' || c == '"' {
			quote = c
			break
		}
	}
	if quote == 0 {
		return ""
	}
	j := strings.IndexByte(inst[i:], quote)
	if j < 0 {
		return ""
	}
	return inst[i : i+j]
}

// bang reads what starts with "<!" at off: a comment, a CDATA section or a
// directive (DOCTYPE).
func (s *scanner) bang(off int) (int, *Error) {
	src := s.s
	n := len(src)
	if off+2 >= n {
		return 0, s.eof()
	}
	switch src[off+2] {
	case '-':
		if off+3 >= n {
			return 0, s.eof()
		}
		if src[off+3] != '-' {
			return 0, s.syntax(off+4, "invalid sequence <!- not part of <!--")
		}
		return s.comment(off)
	case '[':
		for k := range len("CDATA[") {
			i := off + 3 + k
			if i >= n {
				return 0, s.eof()
			}
			if src[i] != "CDATA["[k] {
				return 0, s.syntax(i+1, "invalid <![ sequence")
			}
		}
		data, next, err := s.text(off+9, -1, true)
		if err != nil {
			return 0, err
		}
		s.charData(data)
		return next, nil
	}
	return s.directive(off)
}

// comment reads the comment at off ("<!--"): its text runs to the first
// "--", which must be followed by '>'.
func (s *scanner) comment(off int) (int, *Error) {
	src := s.s
	p := off + 4
	k := strings.Index(src[p:], "--")
	if k < 0 || p+k+2 >= len(src) {
		return 0, s.eof()
	}
	if src[p+k+2] != '>' {
		return 0, s.syntax(p+k+3, `invalid sequence "--" not allowed in comments`)
	}
	text := src[p : p+k]
	next := p + k + 3
	if m := s.opt.Marker; m != "" && strings.Contains(text, m) {
		d := s.d
		if len(d.Marked) >= MaxMarked {
			return 0, s.errAt(off, false, "more than %d %s comments; not a configuration file", MaxMarked, m)
		}
		c := Comment{Text: text, Pos: d.lines.pos(d.src, off)}
		lineStart := d.lines.start(c.Pos.Line)
		c.Trailing = len(strings.TrimSpace(d.src[lineStart:off])) > 0
		d.Marked = append(d.Marked, c)
		if !c.Trailing {
			s.pending = append(s.pending, len(d.Marked)-1)
		}
	}
	s.top().CreateComment(text)
	return next, nil
}

// directive reads the directive at off ("<!" and anything but "-" or "["),
// as encoding/xml does: up to the first '>' outside quotes and nested angle
// brackets, each comment inside replaced by a space. It rejects entity and
// attribute-list declarations.
func (s *scanner) directive(off int) (int, *Error) {
	src := s.s
	n := len(src)
	buf := append(s.buf[:0], src[off+2])
	i := off + 3
	var quote byte
	depth := 0
	for {
		if i >= n {
			return 0, s.eof()
		}
		b := src[i]
		i++
		if quote == 0 && b == '>' && depth == 0 {
			break
		}
	handle:
		buf = append(buf, b)
		switch {
		case b == quote:
			quote = 0
		case quote != 0:
		case b == '\'' || b == '"':
			quote = b
		case b == '>':
			depth--
		case b == '<':
			const open = "!--"
			for k := range len(open) {
				if i >= n {
					return 0, s.eof()
				}
				b = src[i]
				i++
				if b != open[k] {
					buf = append(buf, open[:k]...)
					depth++
					goto handle
				}
			}
			buf = buf[:len(buf)-1] // the '<'
			k := strings.Index(src[i:], "-->")
			if k < 0 {
				return 0, s.eof()
			}
			i += k + 3
			buf = append(buf, ' ')
		}
	}
	s.buf = buf
	data := string(buf)
	if strings.Contains(data, "ENTITY") {
		return 0, s.errAt(off, false, "DTD entity declarations are not allowed (possible entity expansion or external entity attack)")
	}
	if k := strings.Index(src[off:i], "<!ATTLIST"); k >= 0 {
		return 0, s.errAt(off+k, true, "DTD attribute-list declarations (<!ATTLIST>) are not supported: their default values would add attributes the file does not show; remove the DOCTYPE's internal subset")
	}
	s.top().CreateDirective(data)
	return i, nil
}

// skipSpace returns the offset of the first byte at or after i that is not
// XML white space.
func skipSpace(src string, i int) int {
	for i < len(src) && isXMLSpace(src[i]) {
		i++
	}
	return i
}

// splitName splits a name as encoding/xml does: at its colon when there is
// one with something on both sides; otherwise all of it is the local name.
func splitName(name string) (space, local string) {
	if k := strings.IndexByte(name, ':'); k > 0 && k < len(name)-1 {
		return name[:k], name[k+1:]
	}
	return "", name
}
