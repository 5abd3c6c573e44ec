package parse

import (
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/wso2lint/wso2lint/internal/model"
)

const workerYAML = `wso2.carbon:
  id: wso2-sp
  ports:
    # offset: 9
    offset: 1
wso2.transport.http:
  listenerConfigurations:
    -
      id: "default"
      host: "0.0.0.0"
      port: 9091
    -
      id: "msf4j-https"
      port: 9444
      scheme: https
siddhi.stores.query.api:
  listenerConfigurations:
    - {id: default, port: 7070}
databridge.config:
  dataReceivers:
  -
    dataReceiver:
      type: Thrift
      properties:
        tcpPort: '7612'
        sslPort: '7712'
  -
    dataReceiver:
      type: Binary
      properties:
        tcpPort: '9611'
        hostName: 10.1.1.1
`

func TestReadDeploymentYAML(t *testing.T) {
	const rel = "wso2/analytics/conf/worker/deployment.yaml"
	h := mustHome(t, map[string]string{"conf/carbon.xml": carbonAt("0"), rel: workerYAML}, Options{})
	if len(h.Servers) != 2 || h.Servers[1].Profile != "analytics-worker" {
		t.Fatalf("servers = %+v", h.Servers)
	}
	s := h.Servers[1]
	wantOff := model.Offset{Value: 1, Origin: model.OriginYAML, Pos: model.Pos{File: rel, Line: 5, Col: 13, Path: "wso2.carbon.ports.offset"}}
	if diff := cmp.Diff(wantOff, s.Offset); diff != "" {
		t.Errorf("offset (-want +got):\n%s", diff)
	}
	want := []pl{
		in(model.SvcSiddhiStoreAPI, 7071, true, true, 18),
		in(model.SvcDatabridgeThrift, 7613, true, true, 25),
		in(model.SvcDatabridgeThriftSSL, 7713, true, true, 26),
		{ID: model.SvcAnalyticsHTTP, Port: 9091, Enabled: true, Dir: model.DirIn, Proto: model.ProtoTCP, Bind: "0.0.0.0", Line: 11},
		in(model.SvcAnalyticsHTTPS, 9444, false, true, 14),
		{ID: model.SvcDatabridgeBinary, Port: 9612, Offsetable: true, Enabled: true, Dir: model.DirIn, Proto: model.ProtoTCP, Bind: "10.1.1.1", Line: 31},
	}
	if diff := cmp.Diff(want, listenersOf(s)); diff != "" {
		t.Errorf("listeners (-want +got):\n%s", diff)
	}
	for _, tc := range []struct{ name, yaml string }{
		{"bad offset", "wso2.carbon:\n  ports:\n    offset: one\n"},
		{"bad port", "wso2.transport.http:\n  listenerConfigurations:\n    - port: 90x1\n"},
		{"malformed", "wso2.carbon: [\n"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := homeOf(t, map[string]string{"conf/carbon.xml": carbonAt("0"), rel: tc.yaml}, Options{})
			var pe *Error
			if !errors.As(err, &pe) {
				t.Fatalf("err = %v, want an input error", err)
			}
		})
	}
}
