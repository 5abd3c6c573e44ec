package lint

import (
	"testing"

	"github.com/wso2lint/wso2lint/internal/model"
)

func TestWL315XSSCSRF(t *testing.T) {
	testRule(t, "WL315", []ruleCase{
		{
			name: "both off",
			homes: []*model.Home{home("a", srv(0, nil,
				set(model.KeyCarbonXSSPreventionEnabled, "false", carbonXML, 485),
				set(model.KeyCarbonCSRFPreventionEnabled, "False", carbonXML, 495),
			))},
			want: []string{
				`a|repository/conf/carbon.xml:485:5: error: XSSPreventionConfig is disabled, so console requests are not filtered; expected <Enabled>true</Enabled> [WL315]`,
				`a|repository/conf/carbon.xml:495:5: error: CSRFPreventionConfig is disabled, so console requests are not filtered; expected <Enabled>true</Enabled> [WL315]`,
			},
		},
		{
			name: "toml off, rendered carbon.xml not reported",
			homes: []*model.Home{renderedHome(srv(0, nil, tomlFile,
				set(model.KeyTomlPrefix+"admin_console.xss_prevention.enabled", "false", toml, 20),
				set(model.KeyCarbonXSSPreventionEnabled, "false", carbonXML, 485),
			), carbonXML)},
			want: []string{
				`a|repository/conf/deployment.toml:20:5: error: [admin_console.xss_prevention] enabled = false switches the console's request filter off; expected true [WL315]`,
			},
		},
		{
			name:  "on",
			homes: []*model.Home{home("a", srv(0, nil, set(model.KeyCarbonXSSPreventionEnabled, "true", carbonXML, 485)))},
		},
	})
}
