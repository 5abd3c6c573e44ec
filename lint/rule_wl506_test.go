package lint

import (
	"testing"

	"github.com/wso2lint/wso2lint/internal/model"
)

func TestWL506Cases(t *testing.T) {
	compose := func(second string) map[string]string {
		return map[string]string{"compose.yaml": "services:\n  am:\n    labels: {wso2lint.io/home: a}\n    ports: [\"9443:9443\", \"8243:8243\"]\n  am-2:\n    ports:\n      - " + second + "\n"}
	}
	cases := []ruleCase{
		{name: "second node on another host port"},
		{name: "second node on the same host port", want: []string{
			`a|../compose.yaml:4:13: error: host port 9443/tcp of compose service "am" is also published by service "am-2" (compose.yaml:7:9); only one can start; publish one on another host port [WL506]`,
		}},
		{name: "different host addresses do not collide"},
		{name: "udp and tcp do not collide"},
		{name: "a range that covers the port", want: []string{
			`a|../compose.yaml:4:26: error: host port 8243/tcp of compose service "am" is also published by service "am-2" (compose.yaml:7:9); only one can start; publish one on another host port [WL506]`,
		}},
	}
	files := []map[string]string{
		compose(`"9444:9443"`),
		compose(`"9443:9443"`),
		{"compose.yaml": "services:\n  am:\n    labels: {wso2lint.io/home: a}\n    ports: [\"10.0.0.1:9443:9443\"]\n  am-2:\n    ports:\n      - \"10.0.0.2:9443:9443\"\n"},
		compose(`"9443:9443/udp"`),
		compose(`"8240-8250:8240-8250"`),
	}
	for i := range cases {
		h := home("a", amServer(0))
		cases[i].homes = []*model.Home{h}
		cases[i].opt = withManifests(t, cases[i].homes, files[i])
	}
	testRule(t, "WL506", cases)
}
