package catalog

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/wso2lint/wso2lint/internal/model"
)

// tomlSet is a toml key setting at line:col of the toml file.
func tomlSet(file, key, value string, line, col int) model.Setting {
	return model.Setting{Key: model.KeyTomlPrefix + key, Value: value, Pos: model.Pos{File: file, Line: line, Col: col, Path: key}}
}

// resolveOnly runs ResolveToml on a one-server home of the product and returns
// the listeners with the ids.
func resolveOnly(product model.ProductKey, version, file string, settings []model.Setting, ids ...string) []model.Listener {
	s := model.Server{Profile: "default", ConfDir: "repository/conf", Offset: model.Offset{Value: 0, Origin: model.OriginDefault},
		Settings: settings, Toml: tomlFacts("repository/conf", file)}
	s.Sort()
	h := &model.Home{Product: model.Product{Key: product, Version: version}, Servers: []model.Server{s}}
	Resolve(h)
	var out []model.Listener
	for _, l := range h.Servers[0].Listeners {
		for _, id := range ids {
			if l.ID == id {
				out = append(out, l)
			}
		}
	}
	return out
}

func TestResolveTomlClustering(t *testing.T) {
	hostname := tomlSet(tomlPath, "server.hostname", "localhost", 2, 12)
	scheme := func(v string) model.Setting { return tomlSet(tomlPath, "clustering.membership_scheme", v, 40, 21) }
	at := func(line, col int, path string) model.Pos {
		return model.Pos{File: tomlPath, Line: line, Col: col, Path: path}
	}
	member := func(base, end model.Port, configured string, src model.Pos) model.Listener {
		return model.Listener{ID: model.SvcHazelcastMember, Base: base, BaseEnd: end, Configured: configured, Proto: model.ProtoTCP,
			Dir: model.DirIn, Enabled: true, Exposure: model.ExposureCluster, Source: src}
	}
	mcast := model.Listener{ID: model.SvcHazelcastMcast, Base: 45564, Proto: model.ProtoUDP, Dir: model.DirIn, Enabled: true,
		Exposure: model.ExposureCluster, Source: at(40, 21, "clustering.membership_scheme")}
	tests := []struct {
		name, version string
		product       model.ProductKey
		settings      []model.Setting
		want          []model.Listener
	}{
		{
			name: "multicast", product: "am", version: "4.2.0",
			settings: []model.Setting{hostname, scheme("multicast")},
			want:     []model.Listener{member(4000, 4002, "", at(40, 21, "clustering.local_member_port")), mcast},
		},
		{
			name: "multicast, identity server", product: "is", version: "7.0.0",
			settings: []model.Setting{hostname, scheme("Multicast")},
			want:     []model.Listener{member(4000, 4002, "", at(40, 21, "clustering.local_member_port")), mcast},
		},
		{
			name: "multicast, member port set", product: "am-acp", version: "4.5.0",
			settings: []model.Setting{hostname, scheme("multicast"), tomlSet(tomlPath, "clustering.local_member_port", "4100", 41, 21)},
			want:     []model.Listener{member(4100, 4102, "4100", at(41, 21, "clustering.local_member_port")), mcast},
		},
		{
			name: "wka: no multicast port", product: "am", version: "4.2.0",
			settings: []model.Setting{hostname, scheme("wka")},
			want:     []model.Listener{member(4000, 4002, "", at(40, 21, "clustering.local_member_port"))},
		},
		{
			name: "no clustering", product: "am", version: "4.2.0",
			settings: []model.Setting{hostname},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := resolveOnly(tc.product, tc.version, tomlPath, tc.settings, model.SvcHazelcastMember, model.SvcHazelcastMcast)
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("clustering listeners mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func TestResolveTomlMIInternalAPISwitch(t *testing.T) {
	const miToml = "conf/deployment.toml"
	hostname := tomlSet(miToml, "server.hostname", "localhost", 2, 12)
	tests := []struct {
		name     string
		settings []model.Setting
		wantOn   bool
	}{
		{"default on", []model.Setting{hostname}, true},
		{"switched off", []model.Setting{hostname, tomlSet(miToml, "mediation.internal_http_api_enable", "false", 8, 28)}, false},
		{"switched on", []model.Setting{hostname, tomlSet(miToml, "mediation.internal_http_api_enable", "true", 8, 28)}, true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := resolveOnly("mi", "4.2.0", miToml, tc.settings, model.SvcMIInternalHTTP, model.SvcMIManagementAPI)
			if len(got) != 2 {
				t.Fatalf("listeners = %+v, want the internal HTTP and management API listeners", got)
			}
			for _, l := range got {
				if l.Enabled != tc.wantOn {
					t.Errorf("%s (%d) enabled = %v, want %v", l.ID, l.Port(), l.Enabled, tc.wantOn)
				}
			}
		})
	}
}
