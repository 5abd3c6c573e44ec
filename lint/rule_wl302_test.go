package lint

import (
	"testing"

	"github.com/wso2lint/wso2lint/internal/model"
)

func TestWL302JMXRemoteRandomPorts(t *testing.T) {
	testRule(t, "WL302", []ruleCase{
		{
			name:  "jmxremote in the script",
			homes: []*model.Home{home("a", srv(0, nil, set(model.KeyScriptJMXRemote, "-Dcom.sun.management.jmxremote", script, 280)))},
			want: []string{
				`a|bin/wso2server.sh:280:5: warning: start script enables "-Dcom.sun.management.jmxremote", whose rmi server port is chosen at random at each start; expected no jvm jmx agent, or fixed jmxremote.port and jmxremote.rmi.port [WL302]`,
			},
		},
		{
			name:  "stock script",
			homes: []*model.Home{home("a", srv(0, nil, set(model.KeyScriptJDWP, "-Xdebug", script, 200)))},
		},
	})
}
