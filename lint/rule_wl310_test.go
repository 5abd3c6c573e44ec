package lint

import (
	"testing"

	"github.com/wso2lint/wso2lint/internal/model"
)

func TestWL310JDWPAlwaysOn(t *testing.T) {
	testRule(t, "WL310", []ruleCase{
		{
			name:  "agent in JAVA_OPTS",
			homes: []*model.Home{home("a", srv(0, nil, set(model.KeyScriptJDWP, "-agentlib:jdwp=transport=dt_socket,server=y,suspend=n,address=5005", script, 150)))},
			want: []string{
				`a|bin/wso2server.sh:150:5: error: start script always starts the debug agent with "-agentlib:jdwp=transport=dt_socket,server=y,suspend=n,address=5005"; expected it only behind --debug, never in production [WL310]`,
			},
		},
		{
			name:  "stock script",
			homes: []*model.Home{home("a", srv(0, nil, set(model.KeyScriptHostnameVerifier, "-Dhttpclient.hostnameVerifier=Strict", script, 290)))},
		},
	})
}
