package parse

import (
	"errors"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/wso2lint/wso2lint/internal/model"
)

func TestReadJNDI(t *testing.T) {
	const props = "# connectionfactory.Old = amqp://a:b@c/carbon?brokerlist='tcp://trap:1'\r\n" +
		"connectionfactory.TopicConnectionFactory = amqp://admin:admin@clientID/carbon?brokerlist='tcp://localhost:5672'\r\n" +
		"java.naming.provider.url=tcp://mq:61616\r\n" +
		"connectionfactory.Self = amqp://a:b@c/carbon?brokerlist='tcp://localhost:${jms.port}'\r\n"
	h := mustHome(t, map[string]string{"conf/carbon.xml": carbonAt("1"), "conf/jndi.properties": props}, Options{})
	want := []pl{
		out(model.SvcJMSBroker, "localhost", 5672, false, true, 2),
		out(model.SvcJMSBroker, "localhost", 5673, true, true, 4),
		out(model.SvcJMSBroker, "mq", 61616, false, true, 3),
	}
	if diff := cmp.Diff(want, listenersOf(h.Servers[0])); diff != "" {
		t.Errorf("listeners (-want +got):\n%s", diff)
	}
}

func TestReadEventProcessor(t *testing.T) {
	const xml = `<eventProcessorConfig>
    <mode name="SingleNode" enable="false"/>
    <mode name="HA" enable="true">
        <eventSync><hostName>10.0.0.1</hostName><port>11224</port></eventSync>
        <management><port>10005</port></management>
    </mode>
</eventProcessorConfig>
`
	h := mustHome(t, map[string]string{"repository/conf/carbon.xml": carbonAt("1"), "repository/conf/event-processor.xml": xml}, Options{})
	s := h.Servers[0]
	want := []pl{
		in(model.SvcCEPHAMember, 10006, true, true, 5),
		{ID: model.SvcCEPHA, Port: 11225, Offsetable: true, Enabled: true, Dir: model.DirIn, Proto: model.ProtoTCP, Bind: "10.0.0.1", Line: 4},
	}
	if diff := cmp.Diff(want, listenersOf(s)); diff != "" {
		t.Errorf("listeners (-want +got):\n%s", diff)
	}
	if st, ok := s.Setting(model.KeyCEPMode); !ok || st.Value != "HA" {
		t.Errorf("mode setting = %+v, %v", st, ok)
	}
}

// TestReadJNDIJavaKeys checks keys and values Java reads through escapes and
// continuation lines (issue 14 item 5): \uXXXX in a key, a key continued onto
// the next line, an escaped separator, and a value continued over lines.
func TestReadJNDIJavaKeys(t *testing.T) {
	const props = "connection\\u0066actory.A = amqp://a:b@c/carbon?brokerlist='tcp://one:5672'\n" +
		"connectionfactory.\\\n    B = amqp://a:b@c/carbon?brokerlist='tcp://two:5673'\n" +
		"java.naming.provider\\u002Eurl\\=x=tcp://ignored:1\n" +
		"connectionfactory.C = amqp://a:b@c/carbon?\\\n    brokerlist='tcp://three:5674'\n"
	h := mustHome(t, map[string]string{"conf/carbon.xml": carbonAt("1"), "conf/jndi.properties": props}, Options{})
	want := []pl{
		out(model.SvcJMSBroker, "one", 5672, false, true, 1),
		out(model.SvcJMSBroker, "two", 5673, false, true, 3),
		out(model.SvcJMSBroker, "three", 5674, false, true, 5),
	}
	if diff := cmp.Diff(want, listenersOf(h.Servers[0])); diff != "" {
		t.Errorf("listeners (-want +got):\n%s", diff)
	}
}

// TestReadPropsMalformedEscape checks that a malformed \uXXXX escape, which
// makes Java refuse the file, is an input error naming the file and line.
func TestReadPropsMalformedEscape(t *testing.T) {
	dir := writeHome(t, map[string]string{"conf/carbon.xml": carbonAt("1"), "conf/jndi.properties": "a=1\njava.naming.provider.url=tcp://mq:\\u61x6\n"})
	_, err := Home(dir, Options{})
	var pe *Error
	if !errors.As(err, &pe) || filepath.Base(pe.File) != "jndi.properties" || pe.Line != 2 || !strings.Contains(err.Error(), `malformed \uxxxx encoding`) {
		t.Fatalf("err = %v, want jndi.properties:2 malformed \\uxxxx encoding", err)
	}
}

// TestReadEventProcessorSwitches checks the HA node type switches (issue 12
// item 3, DOMAIN.md section 8): <presenter enable="false"/> starts no
// presentation port, a worker never starts it, a presenter-only node does,
// and a block with enable="false" starts nothing.
func TestReadEventProcessorSwitches(t *testing.T) {
	ha := func(nodeType, mgmtAttr string) string {
		return `<eventProcessorConfig>
    <mode name="HA" enable="true">
        ` + nodeType + `
        <eventSync><port>11224</port></eventSync>
        <management` + mgmtAttr + `><port>10005</port></management>
        <presentation><port>11000</port></presentation>
    </mode>
</eventProcessorConfig>
`
	}
	for _, tc := range []struct {
		name, nodeType, mgmt string
		want                 map[string]bool
	}{
		{"presenter disabled", `<nodeType><worker enable="true"/><presenter enable="false"/></nodeType>`, "",
			map[string]bool{model.SvcCEPHA: true, model.SvcCEPHAMember: true, model.SvcCEPPresentation: false}},
		{"worker and presenter", `<nodeType><worker enable="true"/><presenter enable="true"/></nodeType>`, "",
			map[string]bool{model.SvcCEPHA: true, model.SvcCEPHAMember: true, model.SvcCEPPresentation: false}},
		{"presenter only", `<nodeType><worker enable="false"/><presenter enable="true"/></nodeType>`, "",
			map[string]bool{model.SvcCEPHA: true, model.SvcCEPHAMember: true, model.SvcCEPPresentation: true}},
		{"no node type", "", "",
			map[string]bool{model.SvcCEPHA: true, model.SvcCEPHAMember: true, model.SvcCEPPresentation: false}},
		{"disabled block", "", ` enable="false"`,
			map[string]bool{model.SvcCEPHA: true, model.SvcCEPHAMember: false, model.SvcCEPPresentation: false}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			h := mustHome(t, map[string]string{"repository/conf/carbon.xml": carbonAt("0"), "repository/conf/event-processor.xml": ha(tc.nodeType, tc.mgmt)}, Options{})
			got := map[string]bool{}
			for _, l := range listenersOf(h.Servers[0]) {
				got[l.ID] = l.Enabled
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("enabled (-want +got):\n%s", diff)
			}
		})
	}
}

// TestReadMachineLearnerH2O checks DOMAIN.md section 8 (issue 12 item 4): ML
// 1.x's H2O is configured in etc/h2o-config.xml (enabled, mode) and in local
// mode listens on 54321 plus the offset.
func TestReadMachineLearnerH2O(t *testing.T) {
	const ml = "<MachineLearner/>\n"
	h2o := func(enabled, mode string) string {
		return "<h2oSettings>\n<property name=\"enabled\">" + enabled + "</property>\n<property name=\"mode\">" + mode + "</property>\n</h2oSettings>\n"
	}
	for _, tc := range []struct {
		name, h2o string
		want      []pl
	}{
		{"no h2o-config.xml", "", []pl{in(model.SvcH2O, 54323, true, true, 1)}},
		{"local", h2o("true", "local"), []pl{in(model.SvcH2O, 54323, true, true, 2)}},
		{"disabled", h2o("false", "local"), []pl{in(model.SvcH2O, 54323, true, false, 2)}},
		{"client mode", h2o("true", "client"), nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			files := map[string]string{"repository/conf/carbon.xml": carbonAt("2"), "repository/conf/machine-learner.xml": ml}
			if tc.h2o != "" {
				files["repository/conf/etc/h2o-config.xml"] = tc.h2o
			}
			h := mustHome(t, files, Options{})
			if diff := cmp.Diff(tc.want, listenersOf(h.Servers[0], model.SvcH2O)); diff != "" {
				t.Errorf("h2o (-want +got):\n%s", diff)
			}
		})
	}
}
