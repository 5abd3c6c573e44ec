package lint

import (
	"testing"

	"github.com/wso2lint/wso2lint/internal/model"
)

func TestWL502Cases(t *testing.T) {
	cases := []ruleCase{
		{name: "the Service holds 9611 and 5672"},
		{name: "a Service without 9611 and 5672 silently breaks throttling", want: []string{
			`a|../k8s/am.yaml:17:1: error: cluster port 5672/tcp (amqp, repository/conf/deployment.toml:5:5) is not exposed by Service "am" of Deployment "am"; add it to spec.ports [WL502]`,
			`a|../k8s/am.yaml:17:1: error: cluster port 9611/tcp (databridge-binary, repository/conf/deployment.toml:4:5) is not exposed by Service "am" of Deployment "am"; add it to spec.ports [WL502]`,
		}},
		{name: "compose: expose: is enough for a cluster port"},
		{name: "compose: neither ports: nor expose:", want: []string{
			`a|../compose.yaml:2:3: error: cluster port 5672/tcp (amqp, repository/conf/deployment.toml:5:5) is not published or exposed by compose service "am"; add it to ports: or expose: [WL502]`,
		}},
	}
	files := []map[string]string{
		{"k8s/am.yaml": amDeployment("") + "---\n" + amService(9443, 8243, 9611, 5672)},
		{"k8s/am.yaml": amDeployment("") + "---\n" + amService(9443, 8243)},
		{"compose.yaml": "services:\n  am:\n    labels: {wso2lint.io/home: a}\n    ports: [\"9443:9443\", 8243]\n    expose: [9611, \"5672\"]\n"},
		{"compose.yaml": "services:\n  am:\n    labels: {wso2lint.io/home: a}\n    ports: [\"9443:9443\", 8243]\n    expose: [9611]\n"},
	}
	for i := range cases {
		h := home("a", amServer(0))
		cases[i].homes = []*model.Home{h}
		cases[i].opt = withManifests(t, cases[i].homes, files[i])
	}
	testRule(t, "WL502", cases)
}
