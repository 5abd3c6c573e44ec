package lint

import (
	"testing"

	"github.com/wso2lint/wso2lint/internal/model"
)

func TestWL503Cases(t *testing.T) {
	other := "---\napiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: km\nspec:\n  template:\n    metadata:\n      labels:\n        app: am\n    spec:\n      containers: []\n"
	cases := []ruleCase{
		{name: "every declared port is opened"},
		{name: "a typo in a Service and a container port of nothing", want: []string{
			`a|../k8s/am.yaml:17:15: warning: containerPort 9673/tcp of Deployment "am": nothing of a listens on it; remove it or fix the number [WL503]`,
			`a|../k8s/am.yaml:31:7: warning: Service "am" targetPort 9673/tcp of Deployment "am": nothing of a listens on it; remove it or fix the number [WL503]`,
		}},
		{name: "a Service in front of another workload too is left alone"},
		{name: "a named targetPort that no container declares", want: []string{
			`a|../k8s/am.yaml:27:7: warning: Service "am" targetPort names port "https", which no container of Deployment "am" declares; name a containerPort [WL503]`,
		}},
		{name: "a port without the offset is WL505's"},
	}
	files := []map[string]string{
		{"k8s/am.yaml": amDeployment("", 9443) + "---\n" + amService(9443, 8243, 9611, 5672)},
		{"k8s/am.yaml": amDeployment("", 9443, 9673) + "---\n" + amService(9443, 8243, 9611, 5672, 9673)},
		{"k8s/am.yaml": amDeployment("", 9443) + "---\n" + amService(9443, 8243, 9611, 5672, 9673) + other},
		{"k8s/am.yaml": amDeployment("", 9443) + "---\n" + amService(9443) + "      targetPort: https\n"},
		{"k8s/am.yaml": amDeployment("", 9443) + "---\n" + amService(9444, 8244, 9612, 5673, 9443)},
	}
	for i := range cases {
		s := amServer(0)
		if i == len(cases)-1 {
			s = amServer(1)
		}
		h := home("a", s)
		cases[i].homes = []*model.Home{h}
		cases[i].opt = withManifests(t, cases[i].homes, files[i])
	}
	testRule(t, "WL503", cases)
}
