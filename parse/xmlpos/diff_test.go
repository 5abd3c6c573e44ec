package xmlpos

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/beevik/etree"
	"github.com/google/go-cmp/cmp"
)

// diffSeeds are inputs for FuzzDifferential: configuration-like documents and
// the cases where a hand-written scanner most easily parts from encoding/xml.
var diffSeeds = []string{
	// Configuration-like.
	"<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n<!--\n ~ Copyright (c) 2005-2010, WSO2 Inc.\n ~ Licensed under the Apache License -->\n" +
		"<Server xmlns=\"http://wso2.org/projects/carbon/carbon.xml\">\n  <Ports>\n    <!-- Ports offset -->\n    <Offset>0</Offset>\n" +
		"    <JMX><RMIRegistryPort>9999</RMIRegistryPort></JMX>\n  </Ports>\n  <!-- wso2lint:ignore WL101 reason -->\n" +
		"  <HostName>${carbon.local.ip}</HostName>\n</Server>\n",
	"<Server port=\"8005\" shutdown=\"SHUTDOWN\">\r\n  <Service name=\"Catalina\">\r\n    <Connector protocol=\"org.apache.coyote.http11.Http11NioProtocol\"\r\n" +
		"               port=\"9763\" bindOnInit=\"false\"\r\n               compressableMimeType=\"text/html,text/javascript\"/>\r\n  </Service>\r\n</Server>\r\n",
	"<axisconfig name=\"AxisJava2.0\">\n<transportReceiver name=\"http\" class=\"x\">\n<parameter name=\"port\" locked=\"false\">8280</parameter>\n</transportReceiver>\n</axisconfig>",
	"\xef\xbb\xbf<a/>",
	// CDATA.
	"<a><![CDATA[ <raw> & ]] ]> ]]]]><![CDATA[]]>x</a>",
	"<a><![CDATA[\r\nx\ry]]></a>",
	"<a><![CDATA[x</a>",
	"<a><![CDAT[x]]></a>",
	"<a><![CDATA[\x01]]></a>",
	// Processing instructions and declarations.
	"<?xml version=\"1.1\"?><a/>",
	"<?xml version='1.0' encoding='UTF-16'?><a/>",
	"<?xml encoding=\"latin1\" version=\"1.0\" ?><a/>",
	"<?pi ??><a><?x\r\ny?></a>",
	"<? pi?><a/>",
	"<?pi<a/>",
	"<?xml?><a/><?xml version=\"2\"?>",
	// DOCTYPE and other directives.
	"<!DOCTYPE a [<!ELEMENT a ANY><!-- c --><!NOTATION n SYSTEM \"x>\">]><a/>",
	"<!DOCTYPE a [<!ENTITY x \"y\">]><a>&x;</a>",
	"<!DOCTYPE a [<!-- <!ENTITY x \"y\"> -->]><a/>",
	"<!DOCTYPE a [<!ATTLIST a b CDATA \"1\">]><a/>",
	"<!DOCTYPE a [<a <b>> '>' \"<\"]><a/>",
	"<!DOCTYPE a [<!- x>]><a/>",
	"<!>\n<a/>",
	"<!DOCTYPE",
	// Entities and character references.
	"<a b=\"&lt;&gt;&amp;&apos;&quot;&#65;&#x42;&#x10FFFF;\">&#xD800;&#0;</a>",
	"<a>&#x110000;</a>",
	"<a>&#12</a>",
	"<a>&#;</a>",
	"<a>&#x;</a>",
	"<a>&nbsp;</a>",
	"<a>& </a>",
	"<a>&;</a>",
	"<a>&lt</a>",
	"<a>&é;</a>",
	"<a>&lt",
	"<a>&#9",
	"<a>\n&x\n</a>",
	// Line ends, white space and characters.
	"<a>\r\n x \r y\r</a>\r\n",
	"<a b='\r\n\t'>\t</a>",
	"<a>\x01</a>",
	"<a>\xef\xbf\xbe</a>",
	"<a>\xef\xbf\xbd\xef\xbf\xbf</a>",
	"<a b='\x0c'/>",
	"<a>\u00a0text\u0085</a>",
	"<a>]]></a>",
	"<a>]]]></a>",
	"<a b=']]>'/>",
	"<a>]\r]></a>",
	"caf\xe9 <?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><a/>",
	"<a>\xff</a>",
	// Names and namespaces.
	"<x:a xmlns:x='u' x:b='1' b='2' :c='3' d:='4'><x:b/></x:a>",
	"<a:b:c/>",
	"<a b:c:d='1'/>",
	"<a><b></b:x></a>",
	"<é b='1'>x</é>",
	"<a\u00b7b/>",
	"<\u00d7/>",
	"<a \u00d7='1'/>",
	"<\u0300a/>",
	"<a\u0300 b\u00b7='1'/>",
	"<?\u00e9t\u00e9 x?><a/>",
	"<?\u00d7 x?><a/>",
	"<a>&\u00e9t\u00e9;</a>",
	"<1a/>",
	"<-a/>",
	"<a 1b='x'/>",
	"< a/>",
	"</a>",
	"<a></ a>",
	"<a></a >",
	"<a></a x>",
	"<a></a",
	"<a/ >",
	"<a/",
	// Attributes.
	"<a b=c/>",
	"<a b/>",
	"<a b = \"1\"c='2'/>",
	"<a b='1' b='2'/>",
	"<a b='1\" c=\"2'/>",
	"<a b='<'/>",
	"<a b='1",
	"<a b='1'",
	"<a b=",
	"<a b",
	"<a",
	"<",
	// Comments.
	"<!-- a -- b --><a/>",
	"<!----><a/>",
	"<!---><a/>",
	"<a><!-- x ---></a>",
	"<a><!-- x",
	"<a><!- x --></a>",
	"<a><!--\r\n wso2lint:ignore WL101 \r\n--><b/></a>",
	"<a><!-- \x01 --></a>",
	// Structure.
	"<a/><b/>",
	"<a/>text",
	"text<a/>",
	"<a><b>",
	"<a></b>",
	"",
	"   ",
	"<a>\n<b/>\n",
}

// dumpPlaces lists what d reports for every element: its path, start, text,
// end and attribute places, and the marked comments.
func dumpPlaces(d *Document) []string {
	var out []string
	index := map[*etree.Element]int{}
	for e := range d.Elements {
		index[e] = len(index)
		start, _ := d.Start(e)
		text, _ := d.TextStart(e)
		end, _ := d.End(e)
		out = append(out, fmt.Sprintf("%s start=%v text=%v end=%v", d.Path(e), start, text, end))
		for _, a := range e.Attr {
			p, ok := d.Attr(e, a.FullKey())
			out = append(out, fmt.Sprintf("  @%s %v %t", a.FullKey(), p, ok))
		}
	}
	for _, c := range d.Marked {
		next := -1
		if c.Next != nil {
			next = index[c.Next]
		}
		out = append(out, fmt.Sprintf("marked %q %v trailing=%t next=%d", c.Text, c.Pos, c.Trailing, next))
	}
	return out
}

// differential parses data with ParseOwned (on a copy it hands over: what
// wso2lint runs; Parse only copies data first) and with refParse (the
// encoding/xml reader it replaced) and reports how they differ: the verdict,
// the error (message, line and column), the tree, the places.
func differential(data []byte) string {
	const marker = "wso2lint:ignore"
	got, gotErr := ParseOwned(slices.Clone(data), Options{Marker: marker})
	want, wantErr := refParse(data, Options{Marker: marker})
	if gotErr != nil || wantErr != nil {
		var ge, we *Error
		if !errors.As(gotErr, &ge) || !errors.As(wantErr, &we) {
			return fmt.Sprintf("verdict: Parse %v, encoding/xml %v", gotErr, wantErr)
		}
		return cmp.Diff(*we, *ge)
	}
	var wt, gt []string
	dumpTree(&want.Tree.Element, 0, &wt)
	dumpTree(&got.Tree.Element, 0, &gt)
	if diff := cmp.Diff(wt, gt); diff != "" {
		return "tree (-encoding/xml +Parse):\n" + diff
	}
	if diff := cmp.Diff(dumpPlaces(want), dumpPlaces(got)); diff != "" {
		return "places (-encoding/xml +Parse):\n" + diff
	}
	return ""
}

// FuzzDifferential checks the byte scanner against the encoding/xml reader it
// replaced (refParse: encoding/xml's RawToken in strict mode, the checks and
// an etree tree built from the tokens): the same verdict, the same error
// (message, line, column), the same tree (elements, attributes in order,
// text with its white-space flag, comments, directives, processing
// instructions, parents and indexes) and the same places and element paths.
// Where encoding/xml and etree's own reader accept what wso2lint rejects,
// TestEtreeDifferences states it.
func FuzzDifferential(f *testing.F) {
	for _, s := range diffSeeds {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		if diff := differential(data); diff != "" {
			t.Fatalf("%q:\n%s", data, diff)
		}
	})
}

// TestDifferentialLimits runs the differential check on documents at and
// beyond the limits, too large for the fuzzer to build. The elements stand on
// lines of their own: a column is counted from the start of its line, and
// the check asks for the places of every element.
func TestDifferentialLimits(t *testing.T) {
	attrs := func(n int) string {
		var b strings.Builder
		for i := range n {
			fmt.Fprintf(&b, " a%d='%d'", i, i)
		}
		return b.String()
	}
	for name, src := range map[string]string{
		"MaxDepth":                   strings.Repeat("<a>", MaxDepth) + strings.Repeat("</a>", MaxDepth),
		"beyond MaxDepth":            strings.Repeat("<a>", MaxDepth+1) + strings.Repeat("</a>", MaxDepth+1),
		"MaxElements":                "<a>" + strings.Repeat("<b/>\n", MaxElements-1) + "</a>",
		"beyond MaxElements":         "<a>\n" + strings.Repeat("<b/>\n", MaxElements) + "</a>",
		"MaxAttrs":                   "<a" + attrs(MaxAttrs) + "/>",
		"beyond MaxAttrs":            "<a" + attrs(MaxAttrs+1) + "/>",
		"duplicate among many":       "<a" + attrs(20) + " a7='x'/>",
		"MaxMarked":                  "<a>" + strings.Repeat("<!-- wso2lint:ignore -->\n", MaxMarked) + "</a>",
		"beyond MaxMarked":           "<a>\n" + strings.Repeat("<!-- wso2lint:ignore -->\n", MaxMarked+1) + "</a>",
		"many siblings":              "<a>" + strings.Repeat("<b>1</b>\n<c/>\n", 2000) + "</a>",
		"long text with a reference": "<a>" + strings.Repeat("x", 100000) + "&amp;" + strings.Repeat("\r\n", 1000) + "</a>",
	} {
		if diff := differential([]byte(src)); diff != "" {
			t.Errorf("%s:\n%s", name, diff)
		}
	}
}

// TestDifferentialFiles runs the differential check on every XML file of the
// repository's fixtures and of the shared corpus, and on each of them cut
// short at a few places (where a scanner is most likely to fail differently).
func TestDifferentialFiles(t *testing.T) {
	n := 0
	for _, dir := range xmlFixtureDirs(t) {
		eachXMLFile(t, dir, func(path string, data []byte) {
			n++
			if diff := differential(data); diff != "" {
				t.Errorf("%s:\n%s", path, diff)
			}
			for _, cut := range []int{len(data) / 3, len(data) / 2, len(data) - 2} {
				if cut > 0 && cut < len(data) {
					if diff := differential(data[:cut]); diff != "" {
						t.Errorf("%s cut at %d:\n%s", path, cut, diff)
					}
				}
			}
		})
	}
	if n < 50 {
		t.Fatalf("only %d XML files compared", n)
	}
}
