package lint

import (
	"testing"

	"github.com/wso2lint/wso2lint/internal/model"
)

func TestWL314HTTPAdminConsole(t *testing.T) {
	testRule(t, "WL314", []ruleCase{
		{
			name:  "true",
			homes: []*model.Home{home("a", srv(0, nil, set(model.KeyCarbonEnableHTTPAdminConsole, "true", carbonXML, 688)))},
			want: []string{
				`a|repository/conf/carbon.xml:688:5: error: EnableHTTPAdminConsole is true, which serves the management console over plain http; expected the element removed or false [WL314]`,
			},
		},
		{
			name:  "false",
			homes: []*model.Home{home("a", srv(0, nil, set(model.KeyCarbonEnableHTTPAdminConsole, "false", carbonXML, 688)))},
		},
		{name: "absent", homes: []*model.Home{home("a", srv(0, nil))}},
	})
}
