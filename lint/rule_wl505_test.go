package lint

import (
	"testing"

	"github.com/wso2lint/wso2lint/internal/model"
)

func TestWL505Cases(t *testing.T) {
	cases := []ruleCase{
		{name: "offset 2 applied everywhere"},
		{name: "probe and targetPort without the offset", want: []string{
			`a|../k8s/am.yaml:17:42: error: readiness probe 9443 of Deployment "am" is servlet-https without the port offset 2 (repository/conf/deployment.toml:2:5): the server listens on 9445; use 9445 [WL505]`,
			`a|../k8s/am.yaml:28:7: error: Service "am" targetPort 8243 of Deployment "am" is passthru-https without the port offset 2 (repository/conf/deployment.toml:3:5): the server listens on 8245; use 8245 [WL505]`,
		}},
		{name: "no offset: 9443 is the port"},
	}
	files := []map[string]string{
		{"k8s/am.yaml": amDeployment("nc -z localhost 9445") + "---\n" + amService(9445, 8245, 9613, 5674)},
		{"k8s/am.yaml": amDeployment("nc -z localhost 9443") + "---\n" + amService(9445, 8243, 9613, 5674)},
		{"k8s/am.yaml": amDeployment("nc -z localhost 9443") + "---\n" + amService(9443, 8243, 9611, 5672)},
	}
	offs := []int{2, 2, 0}
	for i := range cases {
		h := home("a", amServer(offs[i]))
		cases[i].homes = []*model.Home{h}
		cases[i].opt = withManifests(t, cases[i].homes, files[i])
	}
	testRule(t, "WL505", cases)
}
