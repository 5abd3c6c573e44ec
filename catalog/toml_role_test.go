package catalog

import (
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/wso2lint/wso2lint/internal/model"
)

// TestTomlRoleFromStartProfile checks that the role comes from the start
// profile parse decided (--profile or the script's -Dprofile), then
// server.server_role, then the split product's role.
func TestTomlRoleFromStartProfile(t *testing.T) {
	role := func(name string) model.StartProfile {
		return model.StartProfile{Name: name, Origin: model.ProfileOriginFlag}
	}
	serverRole := model.Setting{Key: model.KeyTomlPrefix + "server.server_role", Value: `"traffic-manager"`}
	tests := []struct {
		name     string
		product  model.ProductKey
		profile  model.StartProfile
		settings []model.Setting
		want     string
	}{
		{"none", model.KeyAM, model.StartProfile{}, nil, RoleDefault},
		{"control plane", model.KeyAM, role("control-plane"), nil, RoleControlPlane},
		{"gateway from the script", model.KeyAM, model.StartProfile{Name: "gateway-worker", Origin: model.ProfileOriginScript}, nil, RoleGatewayWorker},
		{"3.2 key manager opens what a control plane opens", model.KeyAM, role("api-key-manager"), nil, RoleControlPlane},
		{"profile beats server_role", model.KeyAM, role("gateway-worker"), []model.Setting{serverRole}, RoleGatewayWorker},
		{"server_role", model.KeyAM, model.StartProfile{}, []model.Setting{serverRole}, RoleTrafficManager},
		{"split product", model.KeyAMUniversalGW, model.StartProfile{}, nil, RoleGatewayWorker},
		{"profile beats the split product", model.KeyAMUniversalGW, role("control-plane"), nil, RoleControlPlane},
		// The setting alone is what the script wrote; parse turns it into the
		// start profile, and the resolver reads only that.
		{"script setting without a start profile", model.KeyAM, model.StartProfile{},
			[]model.Setting{{Key: model.KeyScriptProfile, Value: "-Dprofile=gateway-worker"}}, RoleDefault},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s := &model.Server{StartProfile: tc.profile, Settings: tc.settings}
			if got := tomlRole(tc.product, s); got != tc.want {
				t.Errorf("tomlRole = %q, want %q", got, tc.want)
			}
		})
	}
}

// TestResolveTomlControlPlaneDropsGatewayListeners resolves an API Manager
// 4.2 server started with --profile control-plane: no PassThrough, WebSocket
// or webhook listeners.
func TestResolveTomlControlPlaneDropsGatewayListeners(t *testing.T) {
	ports := func(p model.StartProfile) []model.Port {
		s := model.Server{Profile: "default", ConfDir: "repository/conf", Toml: tomlFacts("repository/conf", tomlPath), StartProfile: p}
		h := &model.Home{Product: model.Product{Key: model.KeyAM, Version: "4.2.0"}, Servers: []model.Server{s}}
		Resolve(h)
		var out []model.Port
		for _, l := range h.Servers[0].Listeners {
			if l.Enabled && !slices.Contains(out, l.Base) {
				out = append(out, l.Base)
			}
		}
		return out
	}
	all := ports(model.StartProfile{})
	cp := ports(model.StartProfile{Name: "control-plane", Origin: model.ProfileOriginFlag})
	var dropped []model.Port
	for _, p := range all {
		if !slices.Contains(cp, p) {
			dropped = append(dropped, p)
		}
	}
	want := []model.Port{8021, 8099, 8243, 8280, 9021, 9099}
	if diff := cmp.Diff(want, dropped); diff != "" {
		t.Errorf("control-plane drops (-want +got):\n%s", diff)
	}
}
