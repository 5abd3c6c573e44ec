package xmlpos

import (
	"errors"
	"strings"
	"testing"

	"github.com/beevik/etree"
	"github.com/google/go-cmp/cmp"
)

func mustParse(t *testing.T, src string, opt Options) *Document {
	t.Helper()
	d, err := Parse([]byte(src), opt)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// place is what the position methods report for one element.
type place struct {
	Path                   string
	Start, Text, Port, End Pos
	PortOK                 bool
}

func TestPositions(t *testing.T) {
	src := "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\r\n" +
		"<Server xmlns=\"http://wso2.org/projects/carbon/carbon.xml\">\r\n" +
		"  <!-- <Offset>9</Offset>\r\n <Connector port=\"1\"/> -->\r\n" +
		"  <Ports>\r\n" +
		"    <Offset> 2 </Offset>\r\n" +
		"    <C a=\"x port='1'\"  port = '9443'/><C port=\"9763\"/>\r\n" +
		"    <N n=\"caf\xe9\" port=\"1\">\xe9t\xe9</N>\r\n" +
		"  </Ports>\r\n" +
		"</Server>\r\n"
	d := mustParse(t, src, Options{})
	var got []place
	for e := range d.Elements {
		var p place
		p.Path = d.Path(e)
		p.Start, _ = d.Start(e)
		p.Text, _ = d.TextStart(e)
		p.Port, p.PortOK = d.Attr(e, "port")
		p.End, _ = d.End(e)
		got = append(got, p)
	}
	want := []place{
		{Path: "/Server", Start: Pos{2, 1}, Text: Pos{3, 3}, End: Pos{10, 9}},
		{Path: "/Server/Ports", Start: Pos{5, 3}, Text: Pos{6, 5}, End: Pos{9, 10}},
		{Path: "/Server/Ports/Offset", Start: Pos{6, 5}, Text: Pos{6, 14}, End: Pos{6, 24}},
		// The port inside the value of a is not the attribute port.
		{Path: "/Server/Ports/C[1]", Start: Pos{7, 5}, Text: Pos{7, 39}, Port: Pos{7, 32}, PortOK: true, End: Pos{7, 38}},
		{Path: "/Server/Ports/C[2]", Start: Pos{7, 39}, Text: Pos{8, 5}, Port: Pos{7, 48}, PortOK: true, End: Pos{7, 54}},
		// Columns count characters: "café" is 4 columns, 5 bytes in UTF-8.
		{Path: "/Server/Ports/N", Start: Pos{8, 5}, Text: Pos{8, 26}, Port: Pos{8, 23}, PortOK: true, End: Pos{8, 32}},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("positions (-want +got):\n%s", diff)
	}
	if _, ok := d.Start(etree.NewElement("x")); ok {
		t.Error("Start reports a position for an element of another tree")
	}
	if p := d.Path(etree.NewElement("x")); p != "" {
		t.Errorf("Path of an element of another tree = %q", p)
	}
}

func TestMarkedComments(t *testing.T) {
	src := "<a>\n" +
		"  <!-- mark: one -->\n" +
		"  <!-- mark: two -->\n" +
		"  <b\n    port=\"1\">\n    <c/>\n  </b>\n" +
		"  <d/> <!-- mark: trailing -->\n" +
		"  <!-- mark: before text -->\n  text\n  <e/>\n" +
		"  <!-- unmarked -->\n" +
		"  <f><!-- mark: closes first --></f><g/>\n" +
		"  <!-- mark: at the end -->\n" +
		"</a>\n"
	d := mustParse(t, src, Options{Marker: "mark:"})
	a := d.Root()
	b := a.SelectElement("b")
	want := []Comment{
		{Text: " mark: one ", Pos: Pos{2, 3}, Next: b},
		{Text: " mark: two ", Pos: Pos{3, 3}, Next: b},
		{Text: " mark: trailing ", Pos: Pos{8, 8}, Trailing: true},
		{Text: " mark: before text ", Pos: Pos{9, 3}},
		// A comment is pending until an element starts or text comes, even
		// across an end tag.
		{Text: " mark: closes first ", Pos: Pos{13, 6}, Trailing: true},
		{Text: " mark: at the end ", Pos: Pos{14, 3}},
	}
	if diff := cmp.Diff(want, d.Marked, cmp.Comparer(func(x, y *etree.Element) bool { return x == y })); diff != "" {
		t.Errorf("marked comments (-want +got):\n%s", diff)
	}
	if end, _ := d.End(b); end.Line != 7 {
		t.Errorf("end of <b> on line %d, want 7", end.Line)
	}
	if none := mustParse(t, src, Options{}); len(none.Marked) != 0 {
		t.Errorf("no marker: %d comments reported", len(none.Marked))
	}
}

func TestRejects(t *testing.T) {
	many := func(n int) string {
		var b strings.Builder
		for i := range n {
			b.WriteString(" a")
			b.WriteString(strings.Repeat("b", i))
			b.WriteString("='1'")
		}
		return b.String()
	}
	for _, tc := range []struct {
		name, src string
		want      Error // Msg: a part of the message
	}{
		{"entity bomb", `<?xml version="1.0"?><!DOCTYPE l [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;">]><l>&b;</l>`,
			Error{Line: 1, Msg: "DTD entity declarations are not allowed"}},
		{"xxe", "<?xml version=\"1.0\"?>\n<!DOCTYPE l [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><l>&x;</l>",
			Error{Line: 2, Msg: "DTD entity declarations are not allowed"}},
		{"attlist default", "<?xml version=\"1.0\"?>\n<!DOCTYPE Server [\n  <!ATTLIST Connector port CDATA \"8443\">\n]>\n<Server><Connector/></Server>",
			Error{Line: 3, Col: 3, Msg: "DTD attribute-list declarations (<!ATTLIST>) are not supported"}},
		{"attlist fixed", "<!DOCTYPE a [<!ELEMENT a ANY><!ATTLIST a b CDATA #FIXED \"1\">]><a/>",
			Error{Line: 1, Col: 30, Msg: "<!ATTLIST>"}},
		{"attlist outside a doctype", "<!ATTLIST a b CDATA \"1\"><a/>", Error{Line: 1, Col: 1, Msg: "<!ATTLIST>"}},
		{"duplicate attribute", "<Server>\n  <Connector  port=\"9443\"\n     port=\"8443\"/>\n</Server>",
			Error{Line: 3, Col: 6, Msg: `malformed XML: attribute "port" appears more than once in element <Connector>`}},
		{"duplicate prefixed attribute", "<a x:p='1' y:p='2' x:p='3'/>", Error{Line: 1, Col: 20, Msg: `attribute "x:p" appears more than once`}},
		{"duplicate among many attributes", "<a" + many(20) + " ab='2'/>", Error{Line: 1, Col: 1 + len("<a"+many(20)) + 1, Msg: `attribute "ab" appears more than once`}},
		{"deep", strings.Repeat("<a>", 100000) + strings.Repeat("</a>", 100000), Error{Line: 1, Msg: "XML nested deeper than 512 elements"}},
		{"element flood", "<a>\n" + strings.Repeat("<b/>", MaxElements) + "</a>", Error{Line: 2, Msg: "more than 100000 XML elements"}},
		{"attribute flood", "<a" + many(MaxAttrs+1) + "/>", Error{Line: 1, Msg: "more than 1000 attributes"}},
		{"marked comment flood", "<a>\n" + strings.Repeat("<!-- mark -->\n", MaxMarked+1) + "</a>", Error{Line: MaxMarked + 2, Msg: "more than 10000 mark comments"}},
		{"empty", "  \n", Error{Msg: "empty file"}},
		{"binary", "\x00\x01\x02", Error{Msg: "binary data (NUL byte)"}},
		{"utf16 le bom", "\xff\xfe<\x00a\x00/\x00>\x00", Error{Msg: "UTF-16"}},
		{"utf16 be bom", "\xfe\xff\x00<\x00a\x00/\x00>", Error{Msg: "UTF-16"}},
		{"utf16 declared", `<?xml version="1.0" encoding="UTF-16"?><a/>`, Error{Msg: "UTF-16"}},
		{"bad utf8", "<a>\xff\xfe\xfd</a>", Error{Msg: "invalid UTF-8"}},
		{"unclosed", "<a>\n<b></a>", Error{Line: 2, Msg: "malformed XML: element <b> closed by </a>"}},
		{"end of file", "<a>\n<b/>", Error{Line: 2, Msg: "malformed XML: unexpected end of file"}},
		{"not xml", "hello world", Error{Msg: "no root element"}},
		{"two roots", "<a/>\n<b/>", Error{Line: 2, Msg: "malformed XML: more than one root element"}},
		{"syntax", "<a>\n<b c=d/></a>", Error{Line: 2, Msg: "malformed XML: unquoted or missing attribute value"}},
		{"undefined entity", "<a>&x;</a>", Error{Line: 1, Msg: "malformed XML: invalid character entity &x;"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d, err := Parse([]byte(tc.src), Options{Marker: "mark"})
			if err == nil {
				t.Fatalf("accepted, root <%s>", d.Root().Tag)
			}
			var xe *Error
			if !errors.As(err, &xe) {
				t.Fatalf("error %v (%T), want an *Error", err, err)
			}
			if xe.Line != tc.want.Line || xe.Col != tc.want.Col {
				t.Errorf("error at %d:%d, want %d:%d (%v)", xe.Line, xe.Col, tc.want.Line, tc.want.Col, err)
			}
			if !strings.Contains(xe.Msg, tc.want.Msg) {
				t.Errorf("error %q does not contain %q", xe.Msg, tc.want.Msg)
			}
			if strings.ContainsAny(xe.Msg, "\r\n") {
				t.Errorf("error is not one line: %q", xe.Msg)
			}
		})
	}
}

// TestAccepts checks documents near the rejections that are well-formed.
func TestAccepts(t *testing.T) {
	var attrs strings.Builder
	for i := range MaxAttrs {
		attrs.WriteString(" a" + strings.Repeat("b", i) + "=''")
	}
	for name, src := range map[string]string{
		"MaxDepth levels": strings.Repeat("<a>", MaxDepth) + strings.Repeat("</a>", MaxDepth),
		"MaxElements":     "<a>" + strings.Repeat("<b/>", MaxElements-1) + "</a>",
		"MaxAttrs":        "<a" + attrs.String() + "/>",
		"MaxMarked":       "<a>" + strings.Repeat("<!-- mark -->", MaxMarked) + "</a>",

		"same local name, other prefix": `<a p="1" x:p="2" xmlns:x="u"/>`,
		"doctype without subset":        "<!DOCTYPE Server>\n<Server/>",
		"doctype with element decls":    "<!DOCTYPE a [<!ELEMENT a ANY>]><a/>",
		"attlist in text":               "<a>&lt;!ATTLIST a b CDATA \"1\"&gt;</a>",
		"latin1":                        "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><a b=\"caf\xe9\">\xe9t\xe9</a>",
		"bom":                           "\xef\xbb\xbf<a/>",
	} {
		if _, err := Parse([]byte(src), Options{Marker: "mark"}); err != nil {
			t.Errorf("%s: %v", name, err)
		}
	}
}

func TestErrorString(t *testing.T) {
	for _, tc := range []struct {
		e    Error
		want string
	}{
		{Error{Line: 3, Col: 7, Msg: "m"}, "3:7: m"},
		{Error{Line: 3, Msg: "m"}, "3: m"},
		{Error{Msg: "m"}, "m"},
	} {
		if got := tc.e.Error(); got != tc.want {
			t.Errorf("%+v: %q, want %q", tc.e, got, tc.want)
		}
	}
}
