package lint

import (
	"testing"

	"github.com/wso2lint/wso2lint/internal/model"
)

func TestWL303DefaultAdminCredentials(t *testing.T) {
	user := set(model.KeyAdminUserName, "admin", userMgtXML, 10)
	pw := set(model.KeyAdminPassword, "admin", userMgtXML, 11)
	tuser := set(model.KeyTomlPrefix+"super_admin.username", `"admin"`, toml, 9)
	tpw := set(model.KeyTomlPrefix+"super_admin.password", "admin", toml, 10)
	strong := set(model.KeyTomlPrefix+"super_admin.password", "s3cr3t!", toml, 10)
	testRule(t, "WL303", []ruleCase{
		{
			name:  "user-mgt.xml",
			homes: []*model.Home{home("a", srv(0, nil, user, pw))},
			want: []string{
				`a|repository/conf/user-mgt.xml:11:5: error: super admin user "admin" has the default password "admin"; expected a strong password kept in the secure vault [WL303]`,
			},
		},
		{
			name:  "deployment.toml",
			homes: []*model.Home{home("a", srv(0, nil, tuser, tpw))},
			want: []string{
				`a|repository/conf/deployment.toml:10:5: error: super admin user "admin" has the default password "admin"; expected a strong password kept in the secure vault [WL303]`,
			},
		},
		{
			name:  "toml password changed, generated user-mgt.xml stale",
			homes: []*model.Home{home("a", srv(0, nil, user, pw, tuser, strong))},
		},
		{
			name:  "password in the secure vault",
			homes: []*model.Home{home("a", srv(0, nil, user, pw, set(model.KeySecretAlias, "UserManager.AdminUser.Password", userMgtXML, 11)))},
		},
		{
			name:  "alias on another element",
			homes: []*model.Home{home("a", srv(0, nil, user, pw, set(model.KeySecretAlias, "Carbon.Security.KeyStore.Password", carbonXML, 11)))},
			want: []string{
				`a|repository/conf/user-mgt.xml:11:5: error: super admin user "admin" has the default password "admin"; expected a strong password kept in the secure vault [WL303]`,
			},
		},
		{
			name:  "other user",
			homes: []*model.Home{home("a", srv(0, nil, set(model.KeyAdminUserName, "root", userMgtXML, 10), pw))},
		},
	})
}
