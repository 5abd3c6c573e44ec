package parse

import (
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/wso2lint/wso2lint/internal/model"
)

const apimXML = `<APIManager>
    <APIKeyValidator>
        <ServerURL>https://localhost:${mgt.transport.https.port}${carbon.context}services/</ServerURL>
        <!--ThriftClientPort>10397</ThriftClientPort-->
        <EnableThriftServer>true</EnableThriftServer>
        <ThriftServerHost>localhost</ThriftServerHost>
        <!--ThriftServerPort>10397</ThriftServerPort-->
    </APIKeyValidator>
    <Analytics>
        <Enabled>false</Enabled>
        <StreamProcessorServerURL>{tcp://an1:7612/,tcp://an2:7612},{tcp://an3:7613}</StreamProcessorServerURL>
        <StreamProcessorAuthServerURL>ssl://an1:7712</StreamProcessorAuthServerURL>
    </Analytics>
    <APIGateway><Environments><Environment>
        <GatewayWSEndpoint>ws://${carbon.local.ip}:9099</GatewayWSEndpoint>
    </Environment></Environments></APIGateway>
    <ThrottlingConfigurations>
        <EnableAdvanceThrottling>true</EnableAdvanceThrottling>
        <TrafficManager>
            <ReceiverUrlGroup>tcp://${carbon.local.ip}:${receiver.url.port}</ReceiverUrlGroup>
            <AuthUrlGroup>ssl://tm:${unknown.port}</AuthUrlGroup>
        </TrafficManager>
        <JMSConnectionDetails>
            <Enabled>true</Enabled>
            <JMSConnectionParameters>
                <connectionfactory.TopicConnectionFactory>amqp://u:p@clientid/carbon?brokerlist='tcp://mb:5675'</connectionfactory.TopicConnectionFactory>
            </JMSConnectionParameters>
        </JMSConnectionDetails>
    </ThrottlingConfigurations>
</APIManager>
`

func TestReadAPIManager(t *testing.T) {
	kmThrift := pl{ID: model.SvcKeyMgrThrift, Port: 10399, Offsetable: true, Enabled: true, Dir: model.DirIn, Proto: model.ProtoTCP, Bind: "localhost", Line: 5}
	want := []pl{
		out(model.SvcJMSBroker, "mb", 5675, false, true, 26),
		out(model.SvcAnalyticsURL, "an1", 7612, false, false, 11),
		out(model.SvcAnalyticsURL, "an2", 7612, false, false, 11),
		out(model.SvcAnalyticsURL, "an3", 7613, false, false, 11),
		out(model.SvcAnalyticsURLSSL, "an1", 7712, false, false, 12),
		out(model.SvcPeerURL, "${carbon.local.ip}", 9099, false, true, 15),
		out(model.SvcKeyManager, "localhost", 9445, true, true, 3),
		out(model.SvcThrottleURL, "${carbon.local.ip}", 9613, true, true, 20),
		kmThrift,
	}
	for _, tc := range []struct {
		name string
		xml  string
	}{
		{"lf", apimXML},
		{"crlf", crlf(apimXML)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			h := mustHome(t, map[string]string{
				"repository/conf/carbon.xml":      carbonAt("2"),
				"repository/conf/api-manager.xml": tc.xml,
			}, Options{})
			s := h.Servers[0]
			if diff := cmp.Diff(want, listenersOf(s)); diff != "" {
				t.Errorf("listeners (-want +got):\n%s", diff)
			}
			wantRefs := []model.Ref{{Expr: "${unknown.port}", Pos: model.Pos{File: "repository/conf/api-manager.xml", Line: 21, Col: 27, Path: "/APIManager/ThrottlingConfigurations/TrafficManager/AuthUrlGroup"}}}
			if diff := cmp.Diff(wantRefs, s.Unresolved); diff != "" {
				t.Errorf("unresolved (-want +got):\n%s", diff)
			}
			if st, ok := s.Setting(model.KeyAPIMThriftServer); !ok || st.Value != "true" || st.Pos.Line != 5 {
				t.Errorf("setting %s = %+v, %v", model.KeyAPIMThriftServer, st, ok)
			}
		})
	}
}

func TestReadAPIManagerThriftPort(t *testing.T) {
	for _, tc := range []struct {
		name, body string
		want       []pl
		wantErr    bool
	}{
		{
			name: "explicit port is not offset",
			body: "<EnableThriftServer>true</EnableThriftServer>\n<ThriftServerPort>10398</ThriftServerPort>",
			want: []pl{in(model.SvcKeyMgrThrift, 10398, false, true, 4)},
		},
		{
			name: "disabled",
			body: "<EnableThriftServer>false</EnableThriftServer>\n<ThriftServerPort>10397</ThriftServerPort>",
			want: []pl{in(model.SvcKeyMgrThrift, 10397, false, false, 4)},
		},
		{
			// DOMAIN.md section 8: 10397 + offset while the port is commented out.
			name: "commented-out port is the default plus the offset",
			body: "<EnableThriftServer>true</EnableThriftServer>\n<!--ThriftServerPort>10397</ThriftServerPort-->",
			want: []pl{in(model.SvcKeyMgrThrift, 10398, true, true, 3)},
		},
		{name: "absent", body: "<KeyValidatorClientType>WSClient</KeyValidatorClientType>"},
		{name: "bad port", body: "<EnableThriftServer>true</EnableThriftServer>\n<ThriftServerPort>ten</ThriftServerPort>", wantErr: true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			xml := "<APIManager>\n<APIKeyValidator>\n" + tc.body + "\n</APIKeyValidator>\n</APIManager>\n"
			h, err := homeOf(t, map[string]string{
				"repository/conf/carbon.xml":      carbonAt("1"),
				"repository/conf/api-manager.xml": xml,
			}, Options{})
			if tc.wantErr {
				var pe *Error
				if !errors.As(err, &pe) || pe.Line != 4 {
					t.Fatalf("err = %v, want an input error on line 4", err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tc.want, listenersOf(h.Servers[0], model.SvcKeyMgrThrift)); diff != "" {
				t.Errorf("listeners (-want +got):\n%s", diff)
			}
		})
	}
}
