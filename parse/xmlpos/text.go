package xmlpos

import (
	"strings"

	"github.com/beevik/etree"
)

// Text returns all the character data of e's own content, CDATA sections
// included, joined in document order: what a DOM or Axiom reader takes as the
// element's text. Comments and processing instructions between the pieces are
// left out and do not cut the text short (etree's Element.Text stops at the
// first processing instruction or child element); the text of child elements
// is not part of it.
func Text(e *etree.Element) string {
	if e == nil {
		return ""
	}
	var first string
	var b strings.Builder
	n := 0
	for _, c := range e.Child {
		cd, ok := c.(*etree.CharData)
		if !ok {
			continue
		}
		switch n {
		case 0:
			first = cd.Data
		case 1:
			b.WriteString(first)
			b.WriteString(cd.Data)
		default:
			b.WriteString(cd.Data)
		}
		n++
	}
	if n <= 1 {
		return first
	}
	return b.String()
}
