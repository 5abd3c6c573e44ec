package xmlpos

import (
	"bytes"
	"errors"
	"slices"
	"testing"
	"unicode/utf8"

	"github.com/beevik/etree"
)

func fuzzSeeds(f *testing.F) {
	for _, s := range []string{
		`<Server port="8005"><Service><Connector port="9443" SSLEnabled="true"/></Service></Server>`,
		"<a><!-- wso2lint:ignore WL101 x --><b c='1'/></a>",
		"<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\r\n<a b=\"caf\xe9\">\xe9t\xe9<![CDATA[x]]>1<?p?>0</a>",
		"<!DOCTYPE a [<!ATTLIST a b CDATA \"1\">]><a/>",
		`<a p="1" p="2"/>`,
		"<a x:p='1' p='2' xmlns:x='u'>\n  <b>1<c/>0</b>\n  <!-- wso2lint:ignore -->\n  <d/>\n</a>\n",
	} {
		f.Add([]byte(s))
	}
}

// checkPos fails unless p is a place in src (1-based line and column, the
// column at most one past the line's last character).
func checkPos(t *testing.T, what string, src []byte, p Pos) {
	t.Helper()
	lines := bytes.Split(src, []byte("\n"))
	if p.Line < 1 || p.Line > len(lines) {
		t.Fatalf("%s: line %d outside 1-%d", what, p.Line, len(lines))
	}
	if n := utf8.RuneCount(lines[p.Line-1]); p.Col < 1 || p.Col > n+1 {
		t.Fatalf("%s: column %d outside 1-%d on line %d", what, p.Col, n+1, p.Line)
	}
}

func before(a, b Pos) bool { return a.Line < b.Line || (a.Line == b.Line && a.Col <= b.Col) }

// FuzzParse checks that Parse never panics, that a rejection is a one-line
// *Error, and that every position of an accepted document is in the text and
// in order.
func FuzzParse(f *testing.F) {
	fuzzSeeds(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		d, err := Parse(data, Options{Marker: "wso2lint:ignore"})
		if err != nil {
			var xe *Error
			if !errors.As(err, &xe) {
				t.Fatalf("error %v (%T), want an *Error", err, err)
			}
			if bytes.ContainsAny([]byte(xe.Msg), "\r\n") || xe.Line < 0 || xe.Col < 0 {
				t.Fatalf("error %+v", xe)
			}
			return
		}
		if d.Root() == nil {
			t.Fatal("accepted without a root")
		}
		n := 0
		for e := range d.Elements {
			n++
			start, ok1 := d.Start(e)
			text, ok2 := d.TextStart(e)
			end, ok3 := d.End(e)
			if !ok1 || !ok2 || !ok3 || d.Path(e) == "" {
				t.Fatalf("element <%s> has no place", e.Tag)
			}
			checkPos(t, "start", []byte(d.src), start)
			checkPos(t, "text", []byte(d.src), text)
			checkPos(t, "end", []byte(d.src), end)
			if !before(start, end) || !before(start, text) {
				t.Fatalf("<%s>: start %v, text %v, end %v out of order", e.Tag, start, text, end)
			}
			for _, a := range e.Attr {
				name := a.FullKey()
				p, ok := d.Attr(e, name)
				if !ok {
					t.Fatalf("<%s>: attribute %s has no place", e.Tag, name)
				}
				checkPos(t, "attribute", []byte(d.src), p)
				if !before(start, p) || !before(p, text) {
					t.Fatalf("<%s>: attribute %s at %v outside the start tag %v-%v", e.Tag, name, p, start, text)
				}
			}
			_ = Text(e)
		}
		if n != len(d.elems) {
			t.Fatalf("%d elements in the tree, %d scanned", n, len(d.elems))
		}
		for _, c := range d.Marked {
			checkPos(t, "comment", []byte(d.src), c.Pos)
			if c.Next != nil {
				if _, ok := d.Start(c.Next); !ok {
					t.Fatal("a comment stands before an element not in the document")
				}
			}
		}
		// The tree is the one etree reads from the same text.
		ref := etree.NewDocument()
		ref.ReadSettings = etree.ReadSettings{CharsetReader: identityCharset}
		if err := ref.ReadFromBytes([]byte(d.src)); err != nil {
			t.Fatalf("accepted what etree rejects: %v", err)
		}
		var want, got []string
		dumpTree(&ref.Element, 0, &want)
		dumpTree(&d.Tree.Element, 0, &got)
		if !slices.Equal(want, got) {
			t.Fatalf("tree differs from etree's:\n%q\n%q", want, got)
		}
	})
}

// FuzzStartTagAttrs checks that the start-tag lexer never panics on any
// text and reports offsets inside it, in order.
func FuzzStartTagAttrs(f *testing.F) {
	for _, s := range []string{`<a p="1" x:q='2'/>`, "<a\n\tp = '1'>", `<a b`, `<`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, tag []byte) {
		last := 0
		for _, a := range startTagAttrs(string(tag)) {
			if a.nameOff <= last || a.valueOff <= a.nameOff || a.valueOff > len(tag) {
				t.Fatalf("attribute %+v out of place in %q", a, tag)
			}
			if string(tag[a.nameOff:a.nameOff+len(a.name)]) != a.name {
				t.Fatalf("attribute %+v: name not at its offset", a)
			}
			last = a.valueOff
		}
	})
}
