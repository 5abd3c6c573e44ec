package lint

import (
	"testing"

	"github.com/wso2lint/wso2lint/internal/model"
)

func TestWL106UnresolvedPlaceholder(t *testing.T) {
	s := srv(0, nil)
	s.Unresolved = []model.Ref{
		{Expr: "${Ports.JMX.RMIRegistyPort}", Pos: pos(jmxXML, 27)},
		{Expr: "$env{HTTPS_PORT}", Pos: pos(toml, 12)},
	}
	testRule(t, "WL106", []ruleCase{
		{
			name:  "typo and environment",
			homes: []*model.Home{home("a", s)},
			want: []string{
				`a|repository/conf/deployment.toml:12:5: warning: reference "$env{HTTPS_PORT}" is only known at run time; expected a value wso2lint can read, or the same value given to wso2lint [WL106]`,
				`a|repository/conf/etc/jmx.xml:27:5: warning: placeholder "${Ports.JMX.RMIRegistyPort}" cannot be resolved; expected a value defined in the configuration (carbon.xml <Ports>, a toml key) or a literal [WL106]`,
			},
		},
		{
			name: "a toml port from the environment is WL404's",
			homes: []*model.Home{home("a", func() model.Server {
				s := srv(0, nil)
				s.Runtime = []model.RuntimeRef{{Kind: model.RuntimeEnv, Name: "HTTPS_PORT", Expr: "$env{HTTPS_PORT}", Port: true, Pos: pos(toml, 12)}}
				s.Unresolved = []model.Ref{{Expr: "$env{HTTPS_PORT}", Pos: pos(toml, 12)}, {Expr: "$env{HOST_NAME}", Pos: pos(toml, 3)}}
				return s
			}())},
			want: []string{
				`a|repository/conf/deployment.toml:3:5: warning: reference "$env{HOST_NAME}" is only known at run time; expected a value wso2lint can read, or the same value given to wso2lint [WL106]`,
			},
		},
		{
			name:  "everything resolved",
			homes: []*model.Home{home("a", srv(0, []model.Listener{in(model.SvcJMXRegistry, 9999, 0, jmxXML, 27)}))},
		},
	})
}
