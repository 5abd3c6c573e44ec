package parse

import (
	"sort"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/wso2lint/wso2lint/internal/model"
)

// TestTomlRendered: one sorted list of the files deployment.toml renders,
// with API Manager 4.x's inbound endpoints and the templates present.
func TestTomlRendered(t *testing.T) {
	core := func(conf string) []string {
		var out []string
		for _, f := range tomlRenderedCore {
			out = append(out, conf+f)
		}
		return out
	}
	inbound := []string{tomlInboundDir + "/SecureWebSocketInboundEndpoint.xml", tomlInboundDir + "/SecureWebhookServer.xml",
		tomlInboundDir + "/WebSocketInboundEndpoint.xml"}
	for _, tc := range []struct {
		name      string
		conf      string
		product   model.Product
		templates []string
		want      []string
	}{
		{"identity server", "repository/conf", model.Product{Key: "is", Version: "7.0.0"}, nil, core("repository/conf/")},
		{"api manager 3.2", "repository/conf", model.Product{Key: "am", Version: "3.2.0"}, nil, core("repository/conf/")},
		{"api manager 4.2", "repository/conf", model.Product{Key: "am", Version: "4.2.0"}, nil, append(core("repository/conf/"), inbound...)},
		{"api manager of unknown version", "repository/conf", model.Product{Key: "am-tm"}, nil, append(core("repository/conf/"), inbound...)},
		{"templates, one a core file", "conf", model.Product{Key: "mi", Version: "4.2.0"}, []string{"conf/carbon.xml", "conf/log4j2.properties"},
			append(core("conf/"), "conf/log4j2.properties")},
		{"configuration repository", "", model.Product{Key: "is"}, nil, core("")},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := tomlRendered(tc.conf, tc.product, tc.templates)
			want := append([]string(nil), tc.want...)
			sort.Strings(want)
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("rendered mismatch (-want +got):\n%s", diff)
			}
		})
	}
}
