package catalog

import (
	"fmt"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/wso2lint/wso2lint/internal/model"
)

// TestCustomTransport: Identity Server 7's catalina-server.xml.j2 renders a
// Tomcat connector per [[custom_transport]], offset like the stock ones
// (DOMAIN.md section 8); earlier versions and API Manager have no such loop.
func TestCustomTransport(t *testing.T) {
	set := func(key, value string, line int) model.Setting { return tomlSet(tomlPath, key, value, line, 1) }
	two := []model.Setting{
		set("custom_transport.properties.protocol", "org.apache.coyote.http11.Http11NioProtocol", 41),
		set("custom_transport.properties.port", "9853", 42),
		set("custom_transport.properties.scheme", "https", 43),
		set("custom_transport.properties.SSLEnabled", "true", 44),
		set("custom_transport.properties.protocol", "org.apache.coyote.http11.Http11NioProtocol", 47),
		set("custom_transport.properties.port", "9080", 48),
	}
	tests := []struct {
		name     string
		product  model.ProductKey
		version  string
		settings []model.Setting
		want     []string
	}{
		{name: "is 7.0 two connectors", product: model.KeyIS, version: "7.0.0", settings: two,
			want: []string{"servlet-http 9081 line 48", "servlet-https 9854 line 42"}},
		{name: "is 7.1 port first", product: model.KeyIS, version: "7.1.0", settings: []model.Setting{
			set("custom_transport.properties.port", "8443", 41), set("custom_transport.properties.scheme", "http", 42)},
			want: []string{"servlet-http 8444 line 41"}},
		{name: "no port, no connector listener", product: model.KeyIS, version: "7.0.0", settings: []model.Setting{
			set("custom_transport.properties.scheme", "https", 41)}},
		{name: "is 6.1 has no loop", product: model.KeyIS, version: "6.1.0", settings: two},
		{name: "api manager has no loop", product: model.KeyAM, version: "4.5.0", settings: two},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s := model.Server{Profile: "default", ConfDir: "repository/conf", Offset: model.Offset{Value: 1, Origin: model.OriginToml},
				Settings: tc.settings, Toml: tomlFacts("repository/conf", tomlPath)}
			s.Sort()
			h := &model.Home{Product: model.Product{Key: tc.product, Version: tc.version}, Servers: []model.Server{s}}
			Resolve(h)
			var got []string
			for _, l := range h.Servers[0].Listeners {
				if l.Source.Path == "custom_transport.properties.port" {
					if !l.Enabled || !l.Offsetable {
						t.Errorf("%s %d: enabled %v offsetable %v, want both", l.ID, l.Port(), l.Enabled, l.Offsetable)
					}
					got = append(got, fmt.Sprintf("%s %d line %d", l.ID, l.Port(), l.Source.Line))
				}
			}
			if d := cmp.Diff(tc.want, got); d != "" {
				t.Errorf("custom connectors (-want +got):\n%s", d)
			}
		})
	}
}
