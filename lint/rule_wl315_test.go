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
			name: "CSRFGuard off",
			homes: []*model.Home{home("a", srv(0, nil,
				set(model.KeyCSRFGuardEnabled, "FALSE", csrfGuard, 49),
			))},
			want: []string{
				`a|repository/conf/security/Owasp.CsrfGuard.Carbon.properties:49:5: error: org.owasp.csrfguard.Enabled is "FALSE", so console requests are not checked for cross-site request forgery; expected true [WL315]`,
			},
		},
		{
			// deployment.toml renders carbon.xml with XSS prevention on; a
			// table of deployment.toml named like the filter is not a switch.
			name: "rendered carbon.xml and invented toml key not reported",
			homes: []*model.Home{renderedHome(srv(0, nil,
				set(model.KeyTomlPrefix+"admin_console.xss_prevention.enabled", "false", toml, 20),
				set(model.KeyCarbonXSSPreventionEnabled, "false", carbonXML, 485),
			), carbonXML)},
		},
		{
			name:  "on",
			homes: []*model.Home{home("a", srv(0, nil, set(model.KeyCarbonXSSPreventionEnabled, "true", carbonXML, 485)))},
		},
	})
}
