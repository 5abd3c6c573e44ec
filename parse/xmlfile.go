package parse

import (
	"fmt"
	"strings"

	"github.com/beevik/etree"

	"github.com/wso2lint/wso2lint/internal/model"
	"github.com/wso2lint/wso2lint/parse/xmlpos"
)

// xmlFile is a parsed XML file of the home: the etree tree the product
// readers walk, and the positions (as model.Pos) and wso2lint:ignore
// comments (as model.Ignore) that xmlpos found.
type xmlFile struct {
	rel string
	doc *etree.Document
	x   *xmlpos.Document
	// ignores are the wso2lint:ignore comments found in the file.
	ignores []model.Ignore
	// valueErr is the first value error text found (see text); the step
	// that read the file reports it.
	valueErr *valueError
}

// valueError is an element read for its value that holds a child element.
type valueError struct {
	pos  model.Pos // the child element
	elem string    // the element read for its value
	kid  string    // the child element's name
}

// parseXML reads data, the content of the home-relative file rel, as XML (see
// xmlpos.Parse for what is rejected). A rejection is an *xmlpos.Error. The
// file keeps data (xmlpos.ParseOwned): the caller hands it over and never
// changes it; detach copies what the home keeps of it.
func parseXML(rel string, data []byte) (*xmlFile, error) {
	x, err := xmlpos.ParseOwned(data, xmlpos.Options{Marker: ignoreMarker})
	if err != nil {
		return nil, err
	}
	f := &xmlFile{rel: rel, doc: x.Tree, x: x}
	for _, c := range x.Marked {
		ig, ok := parseIgnore(c.Text)
		if !ok {
			continue
		}
		ig.Pos = f.modelPos(c.Pos)
		ig.FromLine, ig.ToLine = c.Pos.Line, c.Pos.Line
		if c.Next != nil {
			if end, ok := x.End(c.Next); ok {
				ig.ToLine = end.Line
			}
			ig.Path = x.Path(c.Next)
		}
		f.ignores = append(f.ignores, ig)
	}
	return f, nil
}

// modelPos returns p as a position in f.
func (f *xmlFile) modelPos(p xmlpos.Pos) model.Pos {
	return model.Pos{File: f.rel, Line: p.Line, Col: p.Col}
}

// elemPos returns the position of e's start tag.
func (f *xmlFile) elemPos(e *etree.Element) model.Pos {
	p, ok := f.x.Start(e)
	if !ok {
		return model.Pos{File: f.rel}
	}
	mp := f.modelPos(p)
	mp.Path = f.x.Path(e)
	return mp
}

// textPos returns the position of e's text content (just after the start tag),
// skipping leading white space.
func (f *xmlFile) textPos(e *etree.Element) model.Pos {
	p, ok := f.x.TextStart(e)
	if !ok {
		return model.Pos{File: f.rel}
	}
	mp := f.modelPos(p)
	mp.Path = f.x.Path(e)
	return mp
}

// attrPos returns the position of attribute name's value in e's start tag (the
// first character inside the quotes), or the element position when absent.
func (f *xmlFile) attrPos(e *etree.Element, name string) model.Pos {
	p, ok := f.x.Attr(e, name)
	if !ok {
		return f.elemPos(e)
	}
	mp := f.modelPos(p)
	mp.Path = f.x.Path(e) + "/@" + name
	return mp
}

// text returns the value of e, an element read for its value: all its
// character data joined (as the runtime reads it), trimmed; "" for nil. A
// child element where the value belongs is an input error, which the step
// reading the file reports (see valueErr); text then returns the character
// data alone.
func (f *xmlFile) text(e *etree.Element) string {
	if e == nil {
		return ""
	}
	if f.valueErr == nil {
		for _, c := range e.Child {
			if k, ok := c.(*etree.Element); ok {
				f.valueErr = &valueError{pos: f.elemPos(k), elem: e.FullTag(), kid: k.FullTag()}
				break
			}
		}
	}
	return strings.TrimSpace(xmlpos.Text(e))
}

// err returns valueErr as an input error naming the file as display.
func (v *valueError) err(display string) error {
	return &Error{File: display, Line: v.pos.Line, Col: v.pos.Col,
		Err: fmt.Errorf("element <%s> holds the element <%s> where a value is expected", v.elem, v.kid)}
}
