package lint

import (
	"testing"

	"github.com/wso2lint/wso2lint/internal/model"
)

func TestWL313AdminServiceWSDLs(t *testing.T) {
	testRule(t, "WL313", []ruleCase{
		{
			name:  "carbon.xml false",
			homes: []*model.Home{home("a", srv(0, nil, set(model.KeyCarbonHideAdminConsole, "false", carbonXML, 327)))},
			want: []string{
				`a|repository/conf/carbon.xml:327:5: warning: HideAdminServiceWSDLs is "false", which publishes the wsdls of the admin services; expected true [WL313]`,
			},
		},
		{
			name: "toml enable",
			homes: []*model.Home{renderedHome(srv(0, nil,
				set(model.KeyTomlPrefix+"admin_service.wsdl.enable", "true", toml, 12),
				set(model.KeyCarbonHideAdminConsole, "false", carbonXML, 327),
			), carbonXML)},
			want: []string{
				`a|repository/conf/deployment.toml:12:5: warning: [admin_service.wsdl] enable = true publishes the wsdls of the admin services; expected false (the default) [WL313]`,
			},
		},
		{
			name:  "carbon.xml true",
			homes: []*model.Home{home("a", srv(0, nil, set(model.KeyCarbonHideAdminConsole, "true", carbonXML, 327)))},
		},
		{
			name:  "toml false",
			homes: []*model.Home{renderedHome(srv(0, nil, set(model.KeyTomlPrefix+"admin_service.wsdl.enable", "false", toml, 12)))},
		},
	})
}
