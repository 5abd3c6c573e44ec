package catalog_test

import (
	"fmt"
	"path/filepath"
	"slices"
	"sort"
	"testing"

	"github.com/wso2lint/wso2lint/internal/model"
)

// TestDeploymentPatterns runs overlays laid out like WSO2's own deployment
// repositories (self-written minimal files under testdata/patterns, mirroring
// which files each pattern mounts) and checks that every port their Compose
// files, Kubernetes Services and health checks or probes rely on is reported
// open, with the offset (issue 12, "WSO2's own deployment patterns"):
//   - docker-ei 6.x integrator-broker-analytics: ./integrator and ./broker
//     mounted as the server volume; published 9443/8280/8243 and
//     9446/5675/8675/1886 (health checks on 9443 and 9446);
//   - kubernetes-apim 2.6 pattern-2 IS as key manager: ConfigMaps for
//     repository/conf (carbon.xml, api-manager.xml), Service 9763/9443,
//     probes nc -z 9443;
//   - docker-apim 2.6 API Manager: repository/conf overlay without axis2.xml,
//     published 9443/8280/8243;
//   - docker-apim 4.2 apim-with-mi: deployment.toml only; API Manager
//     9443/8280/8243 (health check on 9763), MI 8290/8253 (health check nc
//     8253);
//   - helm-apim 4.5 distributed: gateway Service 8280/8243/9763/9443/9099/
//     8099/9021/8021 and control-plane Service 9763/9443, both with
//     portOffset 1; traffic manager 9443/9611/9711/5672;
//   - docker-is 5.11 and 7.x: deployment.toml only, 9443.
func TestDeploymentPatterns(t *testing.T) {
	tests := []struct {
		dir     string
		product model.ProductKey
		ports   []model.Port
	}{
		{"docker-ei-640/integrator", model.KeyEI, []model.Port{9443, 8280, 8243}},
		{"docker-ei-640/broker", model.KeyEI, []model.Port{9446, 5675, 8675, 1886}},
		{"k8s-apim-260-is-as-km/wso2is-km-5.7.0", model.KeyISKM, []model.Port{9763, 9443}},
		{"docker-apim-260/apim", model.KeyAM, []model.Port{9443, 8280, 8243}},
		{"docker-apim-420-with-mi/conf/apim", model.KeyAM, []model.Port{9443, 9763, 8280, 8243}},
		{"docker-apim-420-with-mi/conf/mi", model.KeyMI, []model.Port{8290, 8253}},
		{"helm-apim-450/gateway", model.KeyAMUniversalGW, []model.Port{8281, 8244, 9764, 9444, 9100, 8100, 9022, 8022}},
		{"helm-apim-450/control-plane", model.KeyAMControl, []model.Port{9764, 9444}},
		{"helm-apim-450/traffic-manager", model.KeyAMTraffic, []model.Port{9443, 9611, 9711, 5672}},
		{"docker-is-5110/wso2is-5.11.0", model.KeyIS, []model.Port{9443}},
		{"docker-is-700/is/wso2is-7.0.0", model.KeyIS, []model.Port{9443}},
	}
	for _, tc := range tests {
		t.Run(tc.dir, func(t *testing.T) {
			h := loadResolved(t, filepath.Join("..", "testdata", "patterns", filepath.FromSlash(tc.dir)))
			if h.Product.Key != tc.product {
				t.Errorf("product %s, want %s", h.Product.Key, tc.product)
			}
			var in []model.Listener
			var all []string
			for _, s := range h.Servers {
				for _, l := range s.Listeners {
					if l.Dir == model.DirIn && l.Enabled {
						in = append(in, l)
						all = append(all, fmt.Sprintf("%s:%s %d", s.Profile, l.ID, l.Port()))
					}
				}
			}
			sort.Strings(all)
			for _, p := range tc.ports {
				if !slices.ContainsFunc(in, func(l model.Listener) bool { return l.Contains(p) }) {
					t.Errorf("port %d that the pattern relies on is not reported open; open: %v", p, all)
				}
			}
		})
	}
}
