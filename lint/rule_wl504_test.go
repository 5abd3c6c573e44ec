package lint

import (
	"testing"

	"github.com/wso2lint/wso2lint/internal/model"
)

func TestWL504Cases(t *testing.T) {
	svc := "---\n" + amService(9443, 8243, 9611, 5672)
	cases := []ruleCase{
		{name: "exec probe on the HTTPS port"},
		{name: "exec probe on a closed port", want: []string{
			`a|../k8s/am.yaml:17:42: error: readiness probe of Deployment "am" checks port 9446, which a does not open; the check always fails; probe a port the server opens [WL504]`,
		}},
		{name: "named probe port that no container declares", want: []string{
			`a|../k8s/am.yaml:17:21: error: liveness probe names port "https", which no container of Deployment "am" declares; name a containerPort [WL504]`,
		}},
		{name: "compose healthcheck on a closed port", want: []string{
			`a|../compose.yaml:6:58: error: healthcheck of compose service "am" checks port 9763, which a does not open; the check always fails; probe a port the server opens [WL504]`,
		}},
		{name: "compose healthcheck with curl on the HTTPS port"},
	}
	liveness := amDeployment("") + "          livenessProbe:\n            httpGet:\n              port: https\n"
	files := []map[string]string{
		{"k8s/am.yaml": amDeployment("nc -z localhost 9443") + svc},
		{"k8s/am.yaml": amDeployment("nc -z localhost 9446") + svc},
		{"k8s/am.yaml": liveness + svc},
		{"compose.yaml": "services:\n  am:\n    labels: {wso2lint.io/home: a}\n    ports: [\"9443:9443\", \"8243:8243\"]\n    expose: [9611, 5672]\n    healthcheck: {test: [\"CMD\", \"nc\", \"-z\", \"localhost\", \"9763\"]}\n"},
		{"compose.yaml": "services:\n  am:\n    labels: {wso2lint.io/home: a}\n    ports: [\"9443:9443\", \"8243:8243\"]\n    expose: [9611, 5672]\n    healthcheck:\n      test: curl -kf https://127.0.0.1:9443/carbon/admin/login.jsp\n"},
	}
	for i := range cases {
		h := home("a", amServer(0))
		cases[i].homes = []*model.Home{h}
		cases[i].opt = withManifests(t, cases[i].homes, files[i])
	}
	testRule(t, "WL504", cases)
}
