package lint

import (
	"testing"

	"github.com/wso2lint/wso2lint/internal/model"
)

func TestWL202ScriptOffsetMismatch(t *testing.T) {
	carbon := set(model.KeyCarbonOffset, "1", carbonXML, 98)
	testRule(t, "WL202", []ruleCase{
		{
			name:  "script 2, carbon.xml 1",
			homes: []*model.Home{home("a", srv(2, nil, carbon, set(model.KeyScriptPortOffset, "-DportOffset=2", script, 300)))},
			want: []string{
				`a|bin/wso2server.sh:300:5: warning: start script sets "-DportOffset=2", which overrides carbon.xml <Offset> "1" at repository/conf/carbon.xml:98:5; expected one offset, kept in one place [WL202]`,
			},
		},
		{
			name: "toml wins over carbon.xml",
			homes: []*model.Home{home("a", srv(2, nil, carbon,
				set(model.KeyTomlPrefix+"server.offset", "2", toml, 3),
				set(model.KeyScriptPortOffset, "-DportOffset=1", script, 300)))},
			want: []string{
				`a|bin/wso2server.sh:300:5: warning: start script sets "-DportOffset=1", which overrides deployment.toml [server] offset "2" at repository/conf/deployment.toml:3:5; expected one offset, kept in one place [WL202]`,
			},
		},
		{
			name:  "same value",
			homes: []*model.Home{home("a", srv(1, nil, carbon, set(model.KeyScriptPortOffset, "-DportOffset=01", script, 300)))},
		},
		{
			name:  "no script offset",
			homes: []*model.Home{home("a", srv(1, nil, carbon))},
		},
	})
}
