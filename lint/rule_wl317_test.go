package lint

import (
	"testing"

	"github.com/wso2lint/wso2lint/internal/model"
)

func TestWL317WeakAdminPassword(t *testing.T) {
	user := set(model.KeyAdminUserName, "ops", userMgtXML, 10)
	testRule(t, "WL317", []ruleCase{
		{
			name:  "common",
			homes: []*model.Home{home("a", srv(0, nil, user, set(model.KeyAdminPassword, "Admin", userMgtXML, 11)))},
			want: []string{
				`a|repository/conf/user-mgt.xml:11:5: error: super admin password is the common password "Admin"; expected a long random password kept in the secure vault [WL317]`,
			},
		},
		{
			name: "short toml",
			homes: []*model.Home{renderedHome(srv(0, nil,
				set(model.KeyTomlPrefix+"super_admin.username", `"ops"`, toml, 5),
				set(model.KeyTomlPrefix+"super_admin.password", `"a1B2c"`, toml, 6),
				set(model.KeyAdminPassword, "a1B2c", userMgtXML, 11),
			), userMgtXML)},
			want: []string{
				`a|repository/conf/deployment.toml:6:5: error: super admin password has 5 characters; expected at least 8, random, kept in the secure vault [WL317]`,
			},
		},
		{
			name:  "admin/admin is WL303",
			homes: []*model.Home{home("a", srv(0, nil, set(model.KeyAdminUserName, "admin", userMgtXML, 10), set(model.KeyAdminPassword, "admin", userMgtXML, 11)))},
		},
		{
			name:  "vaulted",
			homes: []*model.Home{home("a", srv(0, nil, user, set(model.KeyAdminPassword, "admin", userMgtXML, 11), set(model.KeySecretAlias, "UserManager.AdminUser.Password", userMgtXML, 11)))},
		},
		{
			name:  "strong",
			homes: []*model.Home{home("a", srv(0, nil, user, set(model.KeyAdminPassword, "c0rrect-h0rse-battery", userMgtXML, 11)))},
		},
		{
			name:  "from the environment",
			homes: []*model.Home{home("a", srv(0, nil, user, set(model.KeyAdminPassword, "$env{ADMIN_PW}", userMgtXML, 11)))},
		},
	})
}
