package parse

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/wso2lint/wso2lint/internal/model"
)

func TestXMLFilePositions(t *testing.T) {
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

func TestXMLFileIgnores(t *testing.T) {
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

// TestXMLRejectsWithPosition checks that an xmlpos rejection is an input
// error naming the file, line and (where xmlpos gives one) column.
func TestXMLRejectsWithPosition(t *testing.T) {
	for _, tc := range []struct {
		name, src, want string
	}{
		{"duplicate attribute", "<Server>\n<Connector port=\"9443\" port=\"8443\"/>\n</Server>",
			`repository/conf/x.xml:2:24: malformed XML: attribute "port" appears more than once in element <Connector>`},
		{"attlist default", "<!DOCTYPE Server [\n <!ATTLIST Connector port CDATA \"8443\">]>\n<Server><Connector/></Server>",
			"repository/conf/x.xml:2:2: DTD attribute-list declarations (<!ATTLIST>) are not supported"},
		{"entity", "<!DOCTYPE Server [<!ENTITY x \"1\">]><Server/>",
			"repository/conf/x.xml:1: DTD entity declarations are not allowed"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := testServer(t, map[string]string{"repository/conf/x.xml": tc.src})
			_, _, err := s.readXMLAt("repository/conf/x.xml")
			if err == nil {
				t.Fatal("no error")
			}
			got := strings.TrimPrefix(err.Error(), s.h.dir+"/")
			if !strings.HasPrefix(got, tc.want) {
				t.Errorf("error %q, want it to start with %q", got, tc.want)
			}
		})
	}
}
