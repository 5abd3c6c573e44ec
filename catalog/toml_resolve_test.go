package catalog

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/wso2lint/wso2lint/internal/model"
)

const tomlPath = "repository/conf/deployment.toml"

// tomlFacts is what parse records for a deployment.toml at file of a server
// whose conf directory is conf: the core XML files it renders.
func tomlFacts(conf, file string) *model.TomlFacts {
	return &model.TomlFacts{File: file, Rendered: []string{conf + "/axis2/axis2.xml", conf + "/carbon.xml", conf + "/tomcat/catalina-server.xml"}}
}

// tomlServer is a toml-configured server with an XML servlet-https listener
// read from a generated catalina-server.xml at 9445 (parse reports it
// without the offset; Resolve applies it).
func tomlServer(avoid bool, extra ...model.Setting) model.Server {
	xml := model.Listener{ID: model.SvcServletHTTPS, Base: 9445, Configured: "9445", Offsetable: true, Proto: model.ProtoTCP,
		Dir: model.DirIn, Enabled: true, Source: model.Pos{File: "repository/conf/tomcat/catalina-server.xml", Line: 80, Col: 20}}
	s := model.Server{Profile: "default", ConfDir: "repository/conf", Listeners: []model.Listener{xml},
		Offset:   model.Offset{Value: 1, Origin: model.OriginToml},
		Settings: extra, Toml: tomlFacts("repository/conf", tomlPath)}
	s.Toml.AvoidConfigUpdate = avoid
	s.Sort()
	return s
}

func TestResolveTomlXMLAndDrift(t *testing.T) {
	drift := model.Drift{Item: model.SvcServletHTTPS, XML: 9445, Toml: 9443,
		Pos: model.Pos{File: "repository/conf/tomcat/catalina-server.xml", Line: 80, Col: 20}}
	tests := []struct {
		name      string
		avoid     bool
		wantHTTPS model.Listener
	}{
		{
			name: "toml wins",
			wantHTTPS: model.Listener{ID: model.SvcServletHTTPS, Base: 9443, Offsetable: true, Offset: 1, Proto: model.ProtoTCP, Dir: model.DirIn,
				Enabled: true, Exposure: model.ExposurePublic, Source: model.Pos{File: tomlPath, Path: "transport.https.properties.port"}},
		},
		{
			name:  "avoidConfigUpdate keeps the XML",
			avoid: true,
			wantHTTPS: model.Listener{ID: model.SvcServletHTTPS, Base: 9445, Configured: "9445", Offsetable: true, Offset: 1, Proto: model.ProtoTCP,
				Dir: model.DirIn, Enabled: true, Exposure: model.ExposurePublic, Source: model.Pos{File: "repository/conf/tomcat/catalina-server.xml", Line: 80, Col: 20}},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			h := &model.Home{Product: model.Product{Key: "is", Version: "7.0.0"}, Servers: []model.Server{tomlServer(tc.avoid)}}
			Resolve(h)
			s := h.Servers[0]
			var https []model.Listener
			for _, l := range s.Listeners {
				if l.ID == model.SvcServletHTTPS {
					https = append(https, l)
				}
			}
			if diff := cmp.Diff([]model.Listener{tc.wantHTTPS}, https); diff != "" {
				t.Errorf("servlet-https mismatch (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff([]model.Drift{drift}, s.Toml.Drift); diff != "" {
				t.Errorf("drift mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func TestResolveTomlMIInboundOffset(t *testing.T) {
	inbound := model.Listener{ID: model.SvcInboundHTTP, Base: 8085, Offsetable: true, Proto: model.ProtoTCP, Dir: model.DirIn, Enabled: true,
		Source: model.Pos{File: "repository/deployment/server/synapse-configs/default/inbound-endpoints/in.xml", Line: 5}}
	for _, tc := range []struct {
		name  string
		extra []model.Setting
		want  model.Port
	}{
		{"off by default", nil, 8085},
		{"port_offset_enable", []model.Setting{{Key: model.KeyTomlPrefix + "mediation.inbound.port_offset_enable", Value: "true"}}, 8095},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := model.Server{Profile: "default", ConfDir: "conf", Listeners: []model.Listener{inbound},
				Offset:   model.Offset{Value: 10, Origin: model.OriginDefault},
				Settings: tc.extra, Toml: tomlFacts("conf", "conf/deployment.toml")}
			h := &model.Home{Product: model.Product{Key: "mi", Version: "4.2.0"}, Servers: []model.Server{s}}
			Resolve(h)
			for _, l := range h.Servers[0].Listeners {
				if l.ID == model.SvcInboundHTTP && l.Port() != tc.want {
					t.Errorf("inbound port = %d, want %d", l.Port(), tc.want)
				}
			}
		})
	}
}

func TestTomlDefaultsRows(t *testing.T) {
	for _, r := range TomlDefaults() {
		if r.ID == "" || r.Port == 0 || len(r.Products) == 0 || r.Source == "" || r.Exposure == model.ExposureUnknown {
			t.Errorf("incomplete row %+v", r)
		}
		// The embedded LDAP port, the multicast port and MQTT (hard-coded off)
		// are fixed in the templates.
		fixed := r.ID == model.SvcEmbeddedLDAP || r.ID == model.SvcHazelcastMcast || r.ID == model.SvcMQTT || r.ID == model.SvcMQTTSSL
		if r.PortKey == "" && r.Static == "" && !fixed {
			t.Errorf("row %s: neither a toml key nor a static file sets the port", r.ID)
		}
	}
	if compareVersions("4.10", "4.9") <= 0 || compareVersions("4.2.0", "4.2") != 0 {
		t.Errorf("compareVersions orders numerically")
	}
}

// TestResolveTomlStaticEndpoint: API Manager 4.x's WebhookServer.xml has no
// template. Read from the home it is the webhook listener, offset; missing
// from a home that holds the endpoints directory it was removed; missing from
// a configuration repository the distribution's file applies, pointing at the
// toml.
func TestResolveTomlStaticEndpoint(t *testing.T) {
	const dir = "repository/deployment/server/synapse-configs/default/inbound-endpoints"
	const file = dir + "/WebhookServer.xml"
	read := model.Listener{ID: model.SvcInboundHTTP, Base: 9021, Proto: model.ProtoTCP, Dir: model.DirIn, Enabled: true,
		Source: model.Pos{File: file, Line: 4, Col: 41}, Note: "inbound endpoint port, not offset"}
	toml := []model.Setting{
		{Key: model.KeyTomlPrefix + "server.hostname", Value: `"localhost"`, Pos: model.Pos{File: "repository/conf/deployment.toml", Line: 2, Col: 12, Path: "server.hostname"}},
	}
	for _, tc := range []struct {
		name     string
		files    []string
		ls       []model.Listener
		dir      bool       // the home holds the inbound endpoints directory
		wantPort model.Port // 0: no webhook-http listener
		wantLine int
	}{
		{"read from the home, offset", []string{file}, []model.Listener{read}, false, 9023, 4},
		{"removed from a full home", nil, nil, true, 0, 0},
		{"configuration repository", nil, nil, false, 9023, 2},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := model.Server{Profile: "default", ConfDir: "repository/conf", Listeners: tc.ls,
				Offset: model.Offset{Value: 2, Origin: model.OriginToml}, Settings: append([]model.Setting{}, toml...),
				Toml: tomlFacts("repository/conf", "repository/conf/deployment.toml")}
			s.Toml.InboundDir = tc.dir
			s.Sort()
			h := &model.Home{Product: model.Product{Key: "am", Version: "4.2.0"}, Servers: []model.Server{s}, Files: tc.files}
			Resolve(h)
			var got *model.Listener
			for i, l := range h.Servers[0].Listeners {
				if l.Port() == 9021 || l.Port() == 9023 {
					got = &h.Servers[0].Listeners[i]
				}
			}
			switch {
			case tc.wantPort == 0 && got != nil:
				t.Fatalf("listener %+v, want none", *got)
			case tc.wantPort == 0:
			case got == nil:
				t.Fatalf("no webhook listener, want port %d", tc.wantPort)
			case got.ID != model.SvcWebhookHTTP || got.Port() != tc.wantPort || got.Source.Line != tc.wantLine:
				t.Errorf("listener %s port %d line %d, want %s port %d line %d", got.ID, got.Port(), got.Source.Line, model.SvcWebhookHTTP, tc.wantPort, tc.wantLine)
			}
		})
	}
}
