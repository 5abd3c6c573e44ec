package xmlpos

import (
	"encoding/xml"

	"github.com/beevik/etree"
)

// treeBuilder builds the etree document from the tokens the scanner reads, so
// that each file is tokenized once rather than twice (once for the positions,
// once more by etree.Document.ReadFromBytes): XML tokenizing is most of the
// time spent reading a home. The tree is the one ReadFromBytes builds with the
// same decoder settings: the same elements, attributes, text (with etree's
// white-space flag), comments, directives and processing instructions.
type treeBuilder struct {
	doc   *etree.Document
	stack []*etree.Element
}

func newTreeBuilder() *treeBuilder {
	doc := etree.NewDocument()
	doc.ReadSettings = etree.ReadSettings{CharsetReader: identityCharset}
	return &treeBuilder{doc: doc, stack: []*etree.Element{&doc.Element}}
}

func (t *treeBuilder) top() *etree.Element { return t.stack[len(t.stack)-1] }

// token adds one raw token that the scanner has checked (end tags match their
// start tags, nesting is within bounds, no attribute is repeated). It returns
// the element a start tag creates, nil for other tokens.
func (t *treeBuilder) token(tok xml.Token) *etree.Element {
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
