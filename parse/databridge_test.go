package parse

import (
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/wso2lint/wso2lint/internal/model"
)

func TestReadDataBridge(t *testing.T) {
	const rel = "repository/conf/data-bridge/data-bridge-config.xml"
	for _, tc := range []struct {
		name    string
		xml     string
		want    []pl
		refs    int
		wantErr bool
	}{
		{
			name: "new schema with a comment trap",
			xml: `<dataBridgeConfiguration>
    <dataReceiver name="Thrift">
        <config name="tcpPort">7611</config>
        <!--<config name="sslPort">7799</config>-->
        <config name="sslPort">7711</config>
    </dataReceiver>
    <dataReceiver name="Binary">
        <config name="tcpPort">9611</config>
    </dataReceiver>
</dataBridgeConfiguration>
`,
			want: []pl{
				in(model.SvcDatabridgeThrift, 7613, true, true, 3),
				in(model.SvcDatabridgeThriftSSL, 7713, true, true, 5),
				in(model.SvcDatabridgeBinary, 9613, true, true, 8),
				in(model.SvcDatabridgeBinarySSL, 9713, true, true, 7), // defaulted: the receiver element
			},
		},
		{
			name: "old DAS schema with a default namespace",
			xml: "<dataBridgeConfiguration xmlns=\"http://wso2.org/carbon/databridge\">\r\n" +
				"  <thriftDataReceiver>\r\n    <hostName>10.0.0.5</hostName>\r\n    <port>7611</port>\r\n    <securePort>7711</securePort>\r\n  </thriftDataReceiver>\r\n" +
				"</dataBridgeConfiguration>\r\n",
			want: []pl{
				{ID: model.SvcDatabridgeThrift, Port: 7613, Offsetable: true, Enabled: true, Dir: model.DirIn, Proto: model.ProtoTCP, Bind: "10.0.0.5", Line: 4},
				{ID: model.SvcDatabridgeThriftSSL, Port: 7713, Offsetable: true, Enabled: true, Dir: model.DirIn, Proto: model.ProtoTCP, Bind: "10.0.0.5", Line: 5},
			},
		},
		{
			name: "unresolved placeholder",
			xml:  `<dataBridgeConfiguration><dataReceiver name="Binary"><config name="tcpPort">${binary.port}</config><config name="sslPort">9711</config></dataReceiver></dataBridgeConfiguration>`,
			want: []pl{in(model.SvcDatabridgeBinarySSL, 9713, true, true, 1)},
			refs: 1,
		},
		{
			name:    "bad port",
			xml:     "<dataBridgeConfiguration>\n<dataReceiver name=\"Thrift\">\n<config name=\"tcpPort\">76x1</config>\n</dataReceiver>\n</dataBridgeConfiguration>",
			wantErr: true,
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			h, err := homeOf(t, map[string]string{"repository/conf/carbon.xml": carbonAt("2"), rel: tc.xml}, Options{})
			if tc.wantErr {
				var pe *Error
				if !errors.As(err, &pe) || pe.Line != 3 {
					t.Fatalf("err = %v, want an input error on line 3", err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tc.want, listenersOf(h.Servers[0])); diff != "" {
				t.Errorf("listeners (-want +got):\n%s", diff)
			}
			if got := len(h.Servers[0].Unresolved); got != tc.refs {
				t.Errorf("unresolved = %d, want %d", got, tc.refs)
			}
		})
	}
}
