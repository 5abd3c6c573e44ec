package parse

import (
	"errors"
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

// stepError runs st on a fresh server of files and returns its error.
func stepError(t *testing.T, st step, files map[string]string) (*server, error) {
	t.Helper()
	h, err := newHome(writeHome(t, files), &Options{})
	if err != nil {
		t.Fatal(err)
	}
	s := &server{h: h, conf: "repository/conf", bin: "bin", srv: model.Server{Profile: "default", ConfDir: "repository/conf"}}
	return s, s.run(st)
}

// TestXMLValueText checks that a value is all the character data of its
// element, as the runtime reads it, wherever comments or processing
// instructions split it.
func TestXMLValueText(t *testing.T) {
	for _, tc := range []struct {
		name, offset string
		want         int
	}{
		{"plain", "<Offset>7 </Offset>", 7},
		{"split by a processing instruction", "<Offset>1<?x?>0</Offset>", 10},
		{"split by a comment", "<Offset>1<!-- c -->0</Offset>", 10},
		{"after a processing instruction", "<Offset><?x?>12</Offset>", 12},
		{"CDATA", "<Offset>1<![CDATA[3]]></Offset>", 13},
	} {
		t.Run(tc.name, func(t *testing.T) {
			carbon := "<Server>\n  <Ports>\n    " + tc.offset + "\n  </Ports>\n</Server>\n"
			s := runStep(t, readCarbon, map[string]string{"repository/conf/carbon.xml": carbon})
			if !s.carbon.offsetSet || s.carbon.offset != tc.want {
				t.Errorf("offset = %d (set %t), want %d", s.carbon.offset, s.carbon.offsetSet, tc.want)
			}
			if want := pos("repository/conf/carbon.xml", 3, 13, "/Server/Ports/Offset"); s.carbon.offsetPos != want {
				t.Errorf("offset at %v, want %v", s.carbon.offsetPos, want)
			}
		})
	}
}

// TestXMLValueChildElement checks that a child element where a value is
// expected is an input error at the child, whichever reader reads the value,
// and that it is reported before an error the misread value causes.
func TestXMLValueChildElement(t *testing.T) {
	const carbonRel, axis2Rel = "repository/conf/carbon.xml", "repository/conf/axis2/axis2.xml"
	for _, tc := range []struct {
		name  string
		st    step
		files map[string]string
		want  string
	}{
		{"offset", readCarbon, map[string]string{carbonRel: "<Server><Ports>\n  <Offset><x/>1</Offset></Ports></Server>"},
			"repository/conf/carbon.xml:2:11: element <Offset> holds the element <x> where a value is expected"},
		{"offset with only a child", readCarbon, map[string]string{carbonRel: "<Server><Ports>\n  <Offset>\n    <Value>1</Value>\n  </Offset></Ports></Server>"},
			"repository/conf/carbon.xml:3:5: element <Offset> holds the element <Value> where a value is expected"},
		{"offset misread", readCarbon, map[string]string{carbonRel: "<Server><Ports>\n  <Offset>x<y/></Offset></Ports></Server>"},
			"repository/conf/carbon.xml:2:12: element <Offset> holds the element <y> where a value is expected"},
		{"prefixed child", readCarbon, map[string]string{carbonRel: "<Server xmlns:p='u'><ServerKey>AM<p:k/></ServerKey></Server>"},
			"repository/conf/carbon.xml:1:34: element <ServerKey> holds the element <p:k> where a value is expected"},
		{"jmx registry port", readJMX, map[string]string{"repository/conf/etc/jmx.xml": "<JMX>\n<StartRMIServer>true</StartRMIServer>\n<RMIRegistryPort>99<b/>99</RMIRegistryPort>\n</JMX>"},
			"repository/conf/etc/jmx.xml:3:20: element <RMIRegistryPort> holds the element <b> where a value is expected"},
		{"axis2 port parameter", readAxis2, map[string]string{axis2Rel: "<axisconfig>\n<transportReceiver name=\"http\" class=\"org.apache.synapse.transport.passthru.PassThroughHttpListener\">\n" +
			"  <parameter name=\"port\" locked=\"false\"><value>8280</value></parameter>\n</transportReceiver>\n</axisconfig>"},
			"repository/conf/axis2/axis2.xml:3:41: element <parameter> holds the element <value> where a value is expected"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s, err := stepError(t, tc.st, tc.files)
			if err == nil {
				t.Fatal("no error")
			}
			var pe *Error
			if !errors.As(err, &pe) {
				t.Fatalf("error %v (%T), want a *parse.Error", err, err)
			}
			if got := strings.TrimPrefix(err.Error(), s.h.dir+"/"); got != tc.want {
				t.Errorf("error\n  %q, want\n  %q", got, tc.want)
			}
		})
	}
}
