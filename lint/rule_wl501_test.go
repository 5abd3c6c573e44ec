package lint

import (
	"testing"

	"github.com/wso2lint/wso2lint/internal/model"
)

func TestWL501Cases(t *testing.T) {
	all := amService(9443, 8243, 9611, 5672)
	cases := []struct {
		name  string
		files map[string]string
		want  []string
	}{
		{name: "every public and cluster port in the Service",
			files: map[string]string{"k8s/am.yaml": amDeployment("") + "---\n" + all}},
		{name: "the Service leaves out the pass-through port",
			files: map[string]string{"k8s/am.yaml": amDeployment("") + "---\n" + amService(9443, 9611, 5672)},
			want:  []string{`a|../k8s/am.yaml:17:1: error: public port 8243/tcp (passthru-https, repository/conf/deployment.toml:3:5) is not exposed by Service "am" of Deployment "am"; add it to spec.ports [WL501]`}},
		{name: "no Service: the container ports are compared",
			files: map[string]string{"k8s/am.yaml": amDeployment("", 9443)},
			want:  []string{`a|../k8s/am.yaml:2:1: error: public port 8243/tcp (passthru-https, repository/conf/deployment.toml:3:5) is not a container port of Deployment "am", and no Service selects its pods; add a Service [WL501]`}},
		{name: "compose: expose: does not publish a public port",
			files: map[string]string{"compose.yaml": "services:\n  am:\n    labels: [\"wso2lint.io/home=a\"]\n    ports: [\"9443:9443\"]\n    expose: [\"8243\"]\n"},
			want:  []string{`a|../compose.yaml:2:3: error: public port 8243/tcp (passthru-https, repository/conf/deployment.toml:3:5) is not published by compose service "am"; add it to ports: [WL501]`}},
		{name: "a workload of no home is not checked",
			files: map[string]string{"k8s/other.yaml": "apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\nspec:\n  containers:\n    - name: x\n"}},
		{name: "the offset moves the ports the Service must hold",
			files: map[string]string{"k8s/am.yaml": amDeployment("") + "---\n" + all}},
	}
	var tc []ruleCase
	for i, c := range cases {
		s := amServer(0)
		if i == len(cases)-1 {
			s = amServer(1)
		}
		h := home("a", s)
		tc = append(tc, ruleCase{name: c.name, homes: []*model.Home{h}, opt: withManifests(t, []*model.Home{h}, c.files), want: c.want})
	}
	// The last case has offset 1: the Service lists the ports without it.
	tc[len(tc)-1].want = []string{
		`a|../k8s/am.yaml:17:1: error: public port 8244/tcp (passthru-https, repository/conf/deployment.toml:3:5) is not exposed by Service "am" of Deployment "am"; add it to spec.ports [WL501]`,
		`a|../k8s/am.yaml:17:1: error: public port 9444/tcp (servlet-https, repository/conf/deployment.toml:2:5) is not exposed by Service "am" of Deployment "am"; add it to spec.ports [WL501]`,
	}
	testRule(t, "WL501", tc)
}
