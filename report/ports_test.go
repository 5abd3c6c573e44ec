package report

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/wso2lint/wso2lint/internal/golden"
	"github.com/wso2lint/wso2lint/internal/model"
)

// portsHomes are two homes of one host: a single-server home with a port
// range, a bound and a disabled listener and an outbound peer, and a
// two-profile home whose product was guessed from deployment.toml.
func portsHomes() []*model.Home {
	am := &model.Home{
		Dir:     "homes/wso2am-2.6.0/",
		Product: model.Product{Key: "am", Version: "2.6.0"},
		Servers: []model.Server{{
			Profile: "default",
			Offset:  model.Offset{Value: 3, Origin: model.OriginCarbon, Pos: model.Pos{File: "repository/conf/carbon.xml", Line: 10, Col: 13}},
			Listeners: []model.Listener{
				{ID: "servlet-https", Base: 9443, Configured: "9443", Offsetable: true, Offset: 3, Proto: model.ProtoTCP, Dir: model.DirIn, Enabled: true,
					Exposure: model.ExposurePublic, Source: model.Pos{File: "repository/conf/tomcat/catalina-server.xml", Line: 80, Col: 9}},
				{ID: "hazelcast-member", Base: 4000, BaseEnd: 4100, Configured: "4000", Proto: model.ProtoTCP, Dir: model.DirIn, Enabled: true, Bind: "10.0.0.5",
					Exposure: model.ExposureCluster, Source: model.Pos{File: "repository/conf/axis2/axis2.xml", Line: 3, Col: 1}},
				{ID: "servlet-http", Base: 9763, Offsetable: true, Offset: 3, Proto: model.ProtoTCP, Dir: model.DirIn, Enabled: false,
					Exposure: model.ExposurePublic},
				{ID: "analytics-thrift", Base: 7612, Configured: "${Ports.ThriftPort}", Proto: model.ProtoTCP, Dir: model.DirOut, Enabled: true, Host: "analytics.example",
					Exposure: model.ExposureOutbound, Source: model.Pos{File: "repository/conf/api-manager.xml", Line: 20, Col: 5}},
			},
		}},
	}
	is := &model.Home{
		Dir:          "my homes\\is",
		Product:      model.Product{Key: "is"},
		ProductGuess: &model.ProductGuess{Reason: "[authentication] table", Pos: model.Pos{File: "repository/conf/deployment.toml"}},
		Servers: []model.Server{
			{Profile: "worker", Offset: model.Offset{Value: 0, Origin: model.OriginDefault},
				Listeners: []model.Listener{{ID: "udp-stats", Base: 8125, Proto: model.ProtoUDP, Dir: model.DirIn, Enabled: true,
					Exposure: model.ExposureLocal, Source: model.Pos{File: "conf/deployment.toml", Line: 2}}}},
			{Profile: "manager", Offset: model.Offset{Value: 1, Origin: model.OriginFlag},
				Listeners: []model.Listener{{ID: "servlet-https", Base: 9443, Offsetable: true, Offset: 1, Proto: model.ProtoTCP, Dir: model.DirIn, Enabled: true,
					Exposure: model.ExposureManagement, Source: model.Pos{File: "conf/deployment.toml", Line: 7, Col: 1}}}},
		},
	}
	return []*model.Home{am, is}
}

func productNames(key model.ProductKey) string {
	if key == "am" {
		return "WSO2 API Manager"
	}
	return "WSO2 Carbon product"
}

func TestPortsGolden(t *testing.T) {
	cases := []struct {
		name string
		opt  PortsOptions
	}{
		{"ports", PortsOptions{ProductName: productNames}},
		{"ports-all", PortsOptions{All: true, ProductName: productNames}},
		{"ports-keys", PortsOptions{}},
	}
	for _, tc := range cases {
		for _, format := range PortsFormats() {
			t.Run(tc.name+"/"+format, func(t *testing.T) {
				var b bytes.Buffer
				if err := WritePorts(&b, format, portsHomes(), tc.opt); err != nil {
					t.Fatalf("WritePorts: %v", err)
				}
				golden.Check(t, filepath.Join("testdata", tc.name+"."+format+goldenExt(format)), b.Bytes())
			})
		}
	}
}

func TestWritePortsNoHomes(t *testing.T) {
	for format, want := range map[string]string{"text": "", "json": "{\n  \"homes\": []\n}\n"} {
		var b bytes.Buffer
		if err := WritePorts(&b, format, nil, PortsOptions{}); err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(want, b.String()); diff != "" {
			t.Errorf("%s (-want +got):\n%s", format, diff)
		}
	}
}

func TestWritePortsUnknownFormat(t *testing.T) {
	var b bytes.Buffer
	err := WritePorts(&b, "sarif", portsHomes(), PortsOptions{})
	if err == nil || !strings.Contains(err.Error(), `unknown ports format "sarif"`) {
		t.Errorf("err = %v, want unknown ports format", err)
	}
	if b.Len() != 0 {
		t.Errorf("wrote %q on an error", b.String())
	}
}
