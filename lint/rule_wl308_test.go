package lint

import (
	"testing"

	"github.com/wso2lint/wso2lint/internal/model"
)

func TestWL308EmbeddedLDAPDefaultCredentials(t *testing.T) {
	ldap := in(model.SvcEmbeddedLDAP, 10389, 0, ldapXML, 42)
	enable := set(model.KeyEmbeddedLDAPEnable, "true", ldapXML, 10)
	pw := set(model.KeyEmbeddedLDAPPassword, "admin", ldapXML, 30)
	tuser := set(model.KeyTomlPrefix+"super_admin.username", "admin", toml, 9)
	tpw := set(model.KeyTomlPrefix+"super_admin.password", "admin", toml, 10)
	user := set(model.KeyAdminUserName, "admin", userMgtXML, 10)
	upw := set(model.KeyAdminPassword, "admin", userMgtXML, 11)
	testRule(t, "WL308", []ruleCase{
		{
			name:  "embedded-ldap.xml",
			homes: []*model.Home{home("a", srv(0, []model.Listener{ldap}, enable, pw))},
			want: []string{
				`a|repository/conf/identity/embedded-ldap.xml:30:5: warning: embedded ldap is enabled with connection password "admin"; expected a strong password, or the embedded ldap switched off [WL308]`,
			},
		},
		{
			name:  "listener while admin/admin",
			homes: []*model.Home{home("a", srv(0, []model.Listener{ldap}, tuser, tpw))},
			want: []string{
				`a|repository/conf/identity/embedded-ldap.xml:42:5: warning: embedded ldap listens on 10389 while the admin credentials are "admin"/"admin"; expected a strong admin password, or the embedded ldap switched off [WL308]`,
			},
		},
		{
			name: "connection password in the secure vault",
			homes: []*model.Home{home("a", srv(0, []model.Listener{ldap}, enable, pw, user, upw,
				set(model.KeySecretAlias, "EmbeddedLDAP.ConnectionPassword", ldapXML, 30)))},
		},
		{
			name:  "admin password in the secure vault",
			homes: []*model.Home{home("a", srv(0, []model.Listener{ldap}, user, upw, set(model.KeySecretAlias, "UserManager.AdminUser.Password", userMgtXML, 11)))},
		},
		{
			name:  "switched off",
			homes: []*model.Home{home("a", srv(0, nil, set(model.KeyEmbeddedLDAPEnable, "false", ldapXML, 10), pw))},
		},
		{
			name:  "password changed",
			homes: []*model.Home{home("a", srv(0, []model.Listener{ldap}, enable, set(model.KeyEmbeddedLDAPPassword, "n0t-admin", ldapXML, 30), tuser, tpw))},
		},
	})
}
