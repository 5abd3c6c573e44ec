package parse

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/wso2lint/wso2lint/internal/model"
)

func TestXMLPositions(t *testing.T) {
	src := "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\r\n" +
		"<Server xmlns=\"http://wso2.org/projects/carbon/carbon.xml\">\r\n" +
		"  <!-- <Offset>9</Offset>\r\n <Connector port=\"1\"/> -->\r\n" +
		"  <Ports>\r\n" +
		"    <Offset> 2 </Offset>\r\n" +
		"    <C a=\"x\"  port = '9443'/><C port=\"9763\"/>\r\n" +
		"  </Ports>\r\n" +
		"</Server>\r\n"
	f, err := parseXML("repository/conf/carbon.xml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	root := f.doc.Root()
	off := root.FindElement("Ports/Offset")
	cs := root.FindElements("Ports/C")
	got := []model.Pos{f.elemPos(root), f.textPos(off), f.attrPos(cs[0], "port"), f.attrPos(cs[1], "port")}
	want := []model.Pos{
		{File: "repository/conf/carbon.xml", Line: 2, Col: 1, Path: "/Server"},
		{File: "repository/conf/carbon.xml", Line: 6, Col: 14, Path: "/Server/Ports/Offset"},
		{File: "repository/conf/carbon.xml", Line: 7, Col: 23, Path: "/Server/Ports/C[1]/@port"},
		{File: "repository/conf/carbon.xml", Line: 7, Col: 39, Path: "/Server/Ports/C[2]/@port"},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("positions (-want +got):\n%s", diff)
	}
}

func TestXMLIgnoreCoversElement(t *testing.T) {
	src := "<a>\n  <!-- wso2lint:ignore WL101,WL102 two servers share it -->\n  <b\n    port=\"1\">\n    <c/>\n  </b>\n  <d/> <!-- wso2lint:ignore WL103 -->\n</a>\n"
	f, err := parseXML("x.xml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	want := []model.Ignore{
		{Rules: []string{"WL101", "WL102"}, Reason: "two servers share it", Pos: model.Pos{File: "x.xml", Line: 2, Col: 3}, FromLine: 2, ToLine: 6, Path: "/a/b"},
		{Rules: []string{"WL103"}, Pos: model.Pos{File: "x.xml", Line: 7, Col: 8}, FromLine: 7, ToLine: 7},
	}
	if diff := cmp.Diff(want, f.ignores); diff != "" {
		t.Errorf("ignores (-want +got):\n%s", diff)
	}
}

func TestXMLRejects(t *testing.T) {
	deep := strings.Repeat("<a>", 100000) + strings.Repeat("</a>", 100000)
	for name, src := range map[string]string{
		"entity bomb": `<?xml version="1.0"?><!DOCTYPE l [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;">]><l>&b;</l>`,
		"xxe":         `<?xml version="1.0"?><!DOCTYPE l [<!ENTITY x SYSTEM "file:///etc/passwd">]><l>&x;</l>`,
		"deep":        deep,
		"empty":       "  \n",
		"binary":      "\x00\x01\x02",
		"utf16":       "\xff\xfe<\x00a\x00/\x00>\x00",
		"bad utf8":    "<a>\xff\xfe\xfd</a>",
		"unclosed":    "<a><b></a>",
		"not xml":     "hello world",
		"two roots":   "<a/><b/>",
	} {
		if _, err := parseXML("x.xml", []byte(src)); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
}
