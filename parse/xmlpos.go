package parse

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/beevik/etree"

	"github.com/wso2lint/wso2lint/internal/model"
)

// maxXMLDepth bounds element nesting; real WSO2 files stay below 20.
const maxXMLDepth = 512

// maxXMLElements bounds the elements of one file, and maxXMLAttrs the attributes
// of one element: real WSO2 files hold at most a few hundred elements of a few
// attributes each, and a flood of tiny elements would otherwise cost hundreds of
// bytes of memory per input byte.
const (
	maxXMLElements = 100000
	maxXMLAttrs    = 1000
	// maxXMLIgnores bounds the wso2lint:ignore comments of one file.
	maxXMLIgnores = 10000
)

// xmlFile is a parsed XML file with the source position of every element.
type xmlFile struct {
	rel   string
	src   []byte // UTF-8 text
	lines lineIndex
	doc   *etree.Document
	elems map[*etree.Element]*elemInfo
	// ignores are the wso2lint:ignore comments found in the file.
	ignores []model.Ignore
}

// elemInfo holds the byte offsets of an element's start tag and end.
type elemInfo struct {
	start    int // offset of '<'
	startEnd int // offset just after the start tag's '>'
	end      int // offset just after the end tag (or the self-closing tag)
	path     string
	// pendingIgnores are indexes into xmlFile.ignores of comments that cover this element.
	pendingIgnores []int
	// name is the start tag's name as written (prefix:local), to match the end tag.
	name string
}

// parseXML reads data as XML. It rejects DTD entities, invalid UTF-8, UTF-16 and
// nesting deeper than maxXMLDepth; it never resolves external entities.
func parseXML(rel string, data []byte) (*xmlFile, error) {
	src, err := toUTF8(data)
	if err != nil {
		return nil, &xmlError{msg: err.Error()}
	}
	if len(bytes.TrimSpace(src)) == 0 {
		return nil, &xmlError{msg: "empty file, expected an XML document"}
	}
	if len(src) > math.MaxInt32 {
		return nil, &xmlError{msg: fmt.Sprintf("file is larger than %d bytes, too large to read as XML", math.MaxInt32)}
	}
	f := &xmlFile{rel: rel, src: src, lines: newLineIndex(src), elems: map[*etree.Element]*elemInfo{}}
	tree := newXMLTree()
	infos, err := f.scan(tree)
	if err != nil {
		return nil, err
	}
	doc := tree.doc
	doc.ReadSettings = etree.ReadSettings{CharsetReader: identityCharset}
	if doc.Root() == nil {
		return nil, &xmlError{msg: "no root element"}
	}
	f.doc = doc
	// Pair etree elements (pre-order) with the scanned start tags (document order).
	i := 0
	var walk func(e *etree.Element, parent string, siblings map[string]int, counts map[string]int)
	walk = func(e *etree.Element, parent string, idx map[string]int, counts map[string]int) {
		if i >= len(infos) {
			return
		}
		info := infos[i]
		i++
		name := e.Tag
		idx[name]++
		p := parent + "/" + name
		if counts[name] > 1 {
			p += "[" + strconv.Itoa(idx[name]) + "]"
		}
		info.path = p
		f.elems[e] = info
		for _, k := range info.pendingIgnores {
			f.ignores[k].Path = p
		}
		childIdx, childCounts := map[string]int{}, map[string]int{}
		for _, c := range e.ChildElements() {
			childCounts[c.Tag]++
		}
		for _, c := range e.ChildElements() {
			walk(c, p, childIdx, childCounts)
		}
	}
	walk(doc.Root(), "", map[string]int{}, map[string]int{doc.Root().Tag: 1})
	return f, nil
}

type xmlError struct {
	line int
	msg  string
}

func (e *xmlError) Error() string { return e.msg }

// scan walks the raw tokens, recording element offsets and ignore comments,
// and builds the document tree from them.
func (f *xmlFile) scan(tree *xmlTree) ([]*elemInfo, error) {
	d := xml.NewDecoder(bytes.NewReader(f.src))
	d.Strict = true
	d.CharsetReader = identityCharset
	var (
		infos   []*elemInfo
		stack   []*elemInfo
		pending []int // indexes into f.ignores waiting for the next element
	)
	for {
		off := int(d.InputOffset())
		tok, err := d.RawToken()
		if err == io.EOF {
			break
		}
		if err != nil {
			line, _ := d.InputPos()
			var se *xml.SyntaxError
			if errors.As(err, &se) {
				line = se.Line
				return nil, &xmlError{line: line, msg: "malformed XML: " + se.Msg}
			}
			return nil, &xmlError{line: line, msg: "malformed XML: " + err.Error()}
		}
		endOff := int(d.InputOffset())
		switch t := tok.(type) {
		case xml.StartElement:
			if len(stack) >= maxXMLDepth {
				return nil, &xmlError{line: f.lines.line(off), msg: fmt.Sprintf("XML nested deeper than %d elements", maxXMLDepth)}
			}
			if len(infos) >= maxXMLElements {
				return nil, &xmlError{line: f.lines.line(off), msg: fmt.Sprintf("more than %d XML elements; not a configuration file", maxXMLElements)}
			}
			if len(t.Attr) > maxXMLAttrs {
				return nil, &xmlError{line: f.lines.line(off), msg: fmt.Sprintf("element <%s> has more than %d attributes; not a configuration file", qname(t.Name), maxXMLAttrs)}
			}
			if len(stack) == 0 && len(infos) > 0 {
				return nil, &xmlError{line: f.lines.line(off), msg: "malformed XML: more than one root element"}
			}
			info := &elemInfo{start: off, startEnd: endOff, name: qname(t.Name)}
			infos = append(infos, info)
			stack = append(stack, info)
			if len(pending) > 0 {
				info.pendingIgnores = pending
				pending = nil
			}
		case xml.EndElement:
			if len(stack) == 0 {
				return nil, &xmlError{line: f.lines.line(off), msg: "malformed XML: unexpected end element"}
			}
			info := stack[len(stack)-1]
			if got := qname(t.Name); got != info.name {
				return nil, &xmlError{line: f.lines.line(off), msg: fmt.Sprintf("malformed XML: element <%s> closed by </%s>", info.name, got)}
			}
			stack = stack[:len(stack)-1]
			info.end = endOff
			for _, k := range info.pendingIgnores {
				f.ignores[k].ToLine = f.lines.line(max(endOff-1, off))
			}
		case xml.Comment:
			text := string(t)
			if ig, ok := parseIgnore(text); ok {
				if len(f.ignores) >= maxXMLIgnores {
					return nil, &xmlError{line: f.lines.line(off), msg: fmt.Sprintf("more than %d wso2lint:ignore comments; not a configuration file", maxXMLIgnores)}
				}
				ig.Pos = f.pos(off)
				lineStart := f.lines.start(f.lines.line(off))
				if len(bytes.TrimSpace(f.src[lineStart:off])) > 0 {
					// At the end of a line: covers that line.
					ig.FromLine, ig.ToLine = ig.Pos.Line, ig.Pos.Line
					f.ignores = append(f.ignores, ig)
				} else {
					ig.FromLine = ig.Pos.Line
					f.ignores = append(f.ignores, ig)
					pending = append(pending, len(f.ignores)-1)
				}
			}
		case xml.CharData:
			if len(pending) > 0 && len(bytes.TrimSpace(t)) > 0 {
				// Text between the comment and the next element: the comment covers its own line.
				for _, k := range pending {
					f.ignores[k].FromLine, f.ignores[k].ToLine = f.ignores[k].Pos.Line, f.ignores[k].Pos.Line
				}
				pending = nil
			}
		case xml.Directive:
			if bytes.Contains(t, []byte("ENTITY")) {
				return nil, &xmlError{line: f.lines.line(off), msg: "DTD entity declarations are not allowed (possible entity expansion or external entity attack)"}
			}
		}
		tree.token(tok)
	}
	if len(stack) > 0 {
		return nil, &xmlError{line: f.lines.line(len(f.src)), msg: "malformed XML: unexpected end of file"}
	}
	for _, k := range pending {
		f.ignores[k].FromLine, f.ignores[k].ToLine = f.ignores[k].Pos.Line, f.ignores[k].Pos.Line
	}
	if len(infos) == 0 {
		return nil, &xmlError{msg: "no root element"}
	}
	return infos, nil
}

// pos converts a byte offset into a position.
func (f *xmlFile) pos(off int) model.Pos {
	line := f.lines.line(off)
	start := f.lines.start(line)
	return model.Pos{File: f.rel, Line: line, Col: utf8.RuneCount(f.src[start:off]) + 1}
}

// elemPos returns the position of e's start tag.
func (f *xmlFile) elemPos(e *etree.Element) model.Pos {
	info := f.elems[e]
	if info == nil {
		return model.Pos{File: f.rel}
	}
	p := f.pos(info.start)
	p.Path = info.path
	return p
}

// textPos returns the position of e's text content (just after the start tag),
// skipping leading white space.
func (f *xmlFile) textPos(e *etree.Element) model.Pos {
	info := f.elems[e]
	if info == nil {
		return model.Pos{File: f.rel}
	}
	off := info.startEnd
	for off < len(f.src) && (f.src[off] == ' ' || f.src[off] == '\t' || f.src[off] == '\r' || f.src[off] == '\n') {
		off++
	}
	p := f.pos(off)
	p.Path = info.path
	return p
}

// attrPos returns the position of attribute name's value in e's start tag (the
// first character inside the quotes), or the element position when absent.
func (f *xmlFile) attrPos(e *etree.Element, name string) model.Pos {
	info := f.elems[e]
	if info == nil {
		return model.Pos{File: f.rel}
	}
	tag := f.src[info.start:info.startEnd]
	if i := findAttr(tag, name); i >= 0 {
		p := f.pos(info.start + i)
		p.Path = info.path + "/@" + name
		return p
	}
	return f.elemPos(e)
}

// findAttr returns the offset in tag of the first byte of attribute name's value.
func findAttr(tag []byte, name string) int {
	i := 0
	for {
		j := bytes.Index(tag[i:], []byte(name))
		if j < 0 {
			return -1
		}
		j += i
		before := j > 0 && isXMLSpace(tag[j-1])
		k := j + len(name)
		for k < len(tag) && isXMLSpace(tag[k]) {
			k++
		}
		if before && k < len(tag) && tag[k] == '=' {
			k++
			for k < len(tag) && isXMLSpace(tag[k]) {
				k++
			}
			if k < len(tag) && (tag[k] == '"' || tag[k] == '\'') {
				return k + 1
			}
		}
		i = j + len(name)
	}
}

func isXMLSpace(b byte) bool { return b == ' ' || b == '\t' || b == '\r' || b == '\n' }

// toUTF8 returns data as UTF-8: it converts ISO-8859-1 when the declaration says
// so and rejects UTF-16 and invalid UTF-8.
func toUTF8(data []byte) ([]byte, error) {
	if len(data) >= 2 && ((data[0] == 0xFE && data[1] == 0xFF) || (data[0] == 0xFF && data[1] == 0xFE)) {
		return nil, errors.New("UTF-16 encoded file; save it as UTF-8")
	}
	if bytes.IndexByte(data, 0) >= 0 {
		return nil, errors.New("binary data (NUL byte), expected a text file")
	}
	data = bytes.TrimPrefix(data, []byte("\xEF\xBB\xBF"))
	enc := strings.ToLower(declaredEncoding(data))
	switch enc {
	case "iso-8859-1", "latin1", "latin-1", "iso8859-1", "windows-1252", "cp1252":
		if utf8.Valid(data) {
			return data, nil
		}
		var b strings.Builder
		b.Grow(len(data) + len(data)/8)
		for _, c := range data {
			b.WriteRune(rune(c))
		}
		return []byte(b.String()), nil
	case "utf-16", "utf-16le", "utf-16be":
		return nil, errors.New("UTF-16 encoded file; save it as UTF-8")
	}
	if !utf8.Valid(data) {
		return nil, errors.New("invalid UTF-8 text")
	}
	return data, nil
}

func declaredEncoding(data []byte) string {
	if !bytes.HasPrefix(data, []byte("<?xml")) {
		return ""
	}
	end := bytes.Index(data, []byte("?>"))
	if end < 0 {
		return ""
	}
	decl := data[:end]
	i := bytes.Index(decl, []byte("encoding"))
	if i < 0 {
		return ""
	}
	rest := bytes.TrimLeft(decl[i+len("encoding"):], " \t\r\n=")
	if len(rest) == 0 || (rest[0] != '"' && rest[0] != '\'') {
		return ""
	}
	q := rest[0]
	rest = rest[1:]
	if j := bytes.IndexByte(rest, q); j >= 0 {
		return string(rest[:j])
	}
	return ""
}

// identityCharset accepts any declared charset: toUTF8 has already converted the text.
func identityCharset(_ string, r io.Reader) (io.Reader, error) { return r, nil }

// lineIndex maps byte offsets to 1-based lines. Offsets are int32 (parseXML
// rejects larger input) so that a file of blank lines costs 4 bytes per line.
type lineIndex []int32 // start offset of each line

func newLineIndex(src []byte) lineIndex {
	idx := make(lineIndex, 1, bytes.Count(src, []byte{'\n'})+1)
	for i, c := range src {
		if c == '\n' {
			idx = append(idx, int32(i+1))
		}
	}
	return idx
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

// qname returns a name as written in the document.
func qname(n xml.Name) string {
	if n.Space != "" {
		return n.Space + ":" + n.Local
	}
	return n.Local
}
