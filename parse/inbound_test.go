package parse

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/wso2lint/wso2lint/internal/model"
)

func inboundXML(proto, suspend, params string) string {
	return `<?xml version="1.0" encoding="UTF-8"?>
<inboundEndpoint xmlns="http://ws.apache.org/ns/synapse" name="ep" protocol="` + proto + `" suspend="` + suspend + `">
    <parameters>
` + params + `
    </parameters>
</inboundEndpoint>
`
}

func TestReadInbound(t *testing.T) {
	const dir = "repository/deployment/server/synapse-configs/default/inbound-endpoints/"
	files := map[string]string{
		"repository/conf/carbon.xml": carbonAt("2"),
		dir + "a-ws.xml": inboundXML("ws", "false", `        <parameter name="inbound.ws.port">9099</parameter>
        <parameter name="ws.use.port.offset">true</parameter>`),
		dir + "b-wss.xml":  inboundXML("wss", "false", `        <parameter name="inbound.ws.port">8099</parameter>`),
		dir + "c-http.xml": inboundXML("http", "true", `        <parameter name="inbound.http.port">8085</parameter>`),
		dir + "d-hl7.xml": inboundXML("hl7", "false", `        <!--<parameter name="inbound.hl7.Port">20001</parameter>-->
        <parameter name="inbound.hl7.Port">20000</parameter>`),
		dir + "e-jms.xml": inboundXML("jms", "false", `        <parameter name="transport.jms.Destination">q</parameter>`),
		dir + "notes.txt": "not an endpoint",
	}
	h := mustHome(t, files, Options{})
	want := []pl{
		in(model.SvcInboundHTTP, 8085, false, false, 4),
		in(model.SvcWebSocketSecure, 8099, false, true, 4),
		in(model.SvcWebSocket, 9101, true, true, 4),
		in(model.SvcInboundHTTP, 20000, false, true, 5),
	}
	if diff := cmp.Diff(want, listenersOf(h.Servers[0])); diff != "" {
		t.Errorf("listeners (-want +got):\n%s", diff)
	}
}

func TestReadInboundEIProfile(t *testing.T) {
	files := map[string]string{
		"conf/carbon.xml":                       carbonAt("0"),
		"wso2/micro-integrator/conf/carbon.xml": carbonAt("10"),
		"wso2/micro-integrator/repository/deployment/server/synapse-configs/default/inbound-endpoints/x.xml": inboundXML("http", "false", `<parameter name="inbound.http.port">8085</parameter>`),
	}
	h := mustHome(t, files, Options{})
	if len(h.Servers) != 2 {
		t.Fatalf("servers = %d, want 2", len(h.Servers))
	}
	if got := listenersOf(h.Servers[0], model.SvcInboundHTTP); len(got) != 0 {
		t.Errorf("integrator inbound = %+v, want none", got)
	}
	want := []pl{in(model.SvcInboundHTTP, 8085, false, true, 4)}
	if diff := cmp.Diff(want, listenersOf(h.Servers[1], model.SvcInboundHTTP)); diff != "" {
		t.Errorf("micro-integrator listeners (-want +got):\n%s", diff)
	}
}
