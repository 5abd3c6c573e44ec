package lint

import (
	"testing"

	"github.com/wso2lint/wso2lint/internal/model"
)

func TestWL202ScriptOffsetMismatch(t *testing.T) {
	carbon := model.OffsetSource{Origin: model.OriginCarbon, Text: "1", Value: 1, Known: true, Pos: pos(carbonXML, 98)}
	scr := func(text string, n int, known bool) model.OffsetSource {
		return model.OffsetSource{Origin: model.OriginScript, Text: text, Value: n, Known: known, Pos: pos(script, 300)}
	}
	with := func(s model.Server, offs ...model.OffsetSource) model.Server {
		s.Offsets = offs
		return s
	}
	testRule(t, "WL202", []ruleCase{
		{
			name:  "script 2, carbon.xml 1",
			homes: []*model.Home{home("a", with(srv(2, nil), carbon, scr("-DportOffset=2", 2, true)))},
			want: []string{
				`a|bin/wso2server.sh:300:5: warning: start script sets "-DportOffset=2", which overrides carbon.xml <Offset> "1" at repository/conf/carbon.xml:98:5; expected one offset, kept in one place [WL202]`,
			},
		},
		{
			name: "toml wins over carbon.xml",
			homes: []*model.Home{home("a", with(srv(2, nil), carbon,
				model.OffsetSource{Origin: model.OriginToml, Text: "2", Value: 2, Known: true, Pos: pos(toml, 3)},
				scr("-DportOffset=1", 1, true)))},
			want: []string{
				`a|bin/wso2server.sh:300:5: warning: start script sets "-DportOffset=1", which overrides deployment.toml [server] offset "2" at repository/conf/deployment.toml:3:5; expected one offset, kept in one place [WL202]`,
			},
		},
		{
			name:  "a variable differs from a number",
			homes: []*model.Home{home("a", with(srv(1, nil), carbon, scr("-DportOffset=$OFFSET", 0, false)))},
			want: []string{
				`a|bin/wso2server.sh:300:5: warning: start script sets "-DportOffset=$OFFSET", which overrides carbon.xml <Offset> "1" at repository/conf/carbon.xml:98:5; expected one offset, kept in one place [WL202]`,
			},
		},
		{
			name: "the same variable",
			homes: []*model.Home{home("a", with(srv(1, nil),
				model.OffsetSource{Origin: model.OriginToml, Text: "$env{OFFSET}", Pos: pos(toml, 3)}, scr("-DportOffset=$env{OFFSET}", 0, false)))},
		},
		{
			name:  "same value",
			homes: []*model.Home{home("a", with(srv(1, nil), carbon, scr("-DportOffset=01", 1, true)))},
		},
		{
			name:  "no script offset",
			homes: []*model.Home{home("a", with(srv(1, nil), carbon))},
		},
	})
}
