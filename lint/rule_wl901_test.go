package lint

import (
	"testing"

	"github.com/wso2lint/wso2lint/internal/model"
)

func TestWL901IgnoreWithoutReason(t *testing.T) {
	withIgnore := func(reason string) *model.Home {
		h := home("a", srv(0, nil))
		h.Ignores = []model.Ignore{{Rules: []string{"WL104"}, Reason: reason, Pos: pos(catalinaXML, 79), FromLine: 80, ToLine: 80}}
		return h
	}
	testRule(t, "WL901", []ruleCase{
		{
			name:  "no reason",
			homes: []*model.Home{withIgnore(" ")},
			want: []string{
				`a|repository/conf/tomcat/catalina-server.xml:79:5: warning: ignore of "WL104" gives no reason; expected the rule IDs followed by why the finding does not apply [WL901]`,
			},
		},
		{
			name:  "reason given",
			homes: []*model.Home{withIgnore("bound through authbind")},
		},
		{
			name:  "inline ignores off",
			homes: []*model.Home{withIgnore("")},
			opt:   Options{NoInlineIgnores: true},
		},
	})
}
