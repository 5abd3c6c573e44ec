package catalog

import (
	"testing"

	"github.com/wso2lint/wso2lint/internal/model"
)

// TestTomlMQTTOff: API Manager's broker.xml.j2 hard-codes MQTT off with no
// toml key, so a hand-edited broker.xml that enables it is regenerated at the
// next start and opens nothing, unless the server runs with
// -DavoidConfigUpdate=true (DOMAIN.md section 5).
func TestTomlMQTTOff(t *testing.T) {
	for _, tc := range []struct {
		name    string
		version string
		avoid   bool
		want    bool // an enabled MQTT listener remains
	}{
		{name: "3.2 regenerated", version: "3.2.0"},
		{name: "4.2 regenerated", version: "4.2.0"},
		{name: "4.2 avoidConfigUpdate keeps the edit", version: "4.2.0", avoid: true, want: true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			broker := "repository/conf/broker.xml"
			xml := model.Listener{ID: model.SvcMQTT, Base: 1883, Configured: "1883", Offsetable: true, Proto: model.ProtoTCP,
				Dir: model.DirIn, Enabled: true, Source: model.Pos{File: broker, Line: 90, Col: 13}}
			s := model.Server{Profile: "default", ConfDir: "repository/conf", Listeners: []model.Listener{xml},
				Settings: []model.Setting{tomlSet(tomlPath, "broker.transport.mqtt.enabled", "true", 30, 1)},
				Toml:     &model.TomlFacts{File: tomlPath, Rendered: []string{broker}, AvoidConfigUpdate: tc.avoid}}
			h := &model.Home{Product: model.Product{Key: model.KeyAM, Version: tc.version}, Servers: []model.Server{s}}
			Resolve(h)
			got := false
			for _, l := range h.Servers[0].Listeners {
				if (l.ID == model.SvcMQTT || l.ID == model.SvcMQTTSSL) && l.Enabled {
					got = true
				}
			}
			if got != tc.want {
				t.Errorf("enabled MQTT listener = %v, want %v (listeners %+v)", got, tc.want, h.Servers[0].Listeners)
			}
		})
	}
}

// TestWebhookStaticOffset: WebhookServer.xml has no template and stays
// authoritative; API Manager offsets its 9021 (inbound.port.offset.enable),
// so an overlay with the file and [server] offset = 3 listens on 9024.
func TestWebhookStaticOffset(t *testing.T) {
	const file = inboundDir + "WebhookServer.xml"
	for _, tc := range []struct {
		name   string
		inHome bool
		want   model.Port
		origin model.ListenerOrigin
	}{
		{name: "file in the home", inHome: true, want: 9024, origin: model.FromFile},
		{name: "file from the distribution", want: 9024, origin: model.FromDistribution},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var ls []model.Listener
			files := []string{tomlPath}
			if tc.inHome {
				// parse read it as a plain inbound endpoint, not offset.
				ls = append(ls, model.Listener{ID: model.SvcInboundHTTP, Base: 9021, Configured: "9021", Proto: model.ProtoTCP,
					Dir: model.DirIn, Enabled: true, Source: model.Pos{File: file, Line: 5, Col: 9}})
				files = append(files, file)
			}
			s := model.Server{Profile: "default", ConfDir: "repository/conf", Listeners: ls,
				Offset:   model.Offset{Value: 3, Origin: model.OriginToml},
				Settings: []model.Setting{tomlSet(tomlPath, "server.offset", "3", 3, 1)}, Toml: tomlFacts("repository/conf", tomlPath)}
			h := &model.Home{Product: model.Product{Key: model.KeyAM, Version: "4.2.0"}, Files: files, Servers: []model.Server{s}}
			Resolve(h)
			n := 0
			for _, l := range h.Servers[0].Listeners {
				if l.ID != model.SvcWebhookHTTP {
					continue
				}
				n++
				if l.Port() != tc.want || !l.Enabled || l.Origin != tc.origin {
					t.Errorf("webhook-http %d enabled %v origin %v, want %d enabled %v", l.Port(), l.Enabled, l.Origin, tc.want, tc.origin)
				}
			}
			if n != 1 {
				t.Errorf("%d webhook-http listeners, want 1", n)
			}
		})
	}
}
