package lint

import "github.com/wso2lint/wso2lint/internal/model"

func ruleWL303() *Rule {
	return &Rule{
		ID:       "WL303",
		Name:     "default-admin-credentials",
		Title:    "the super admin keeps the default admin/admin credentials",
		Severity: model.SeverityError,
		Scope:    ScopeHome,
		Check:    checkDefaultAdminCredentials,
		Doc: `Every WSO2 distribution ships with the super admin ` + "`admin`" + ` / ` + "`admin`" + `. It is the first thing anyone
tries on the management console, the admin services, JMX and the APIs.

Example:

    <AdminUser>
        <UserName>admin</UserName>
        <Password>admin</Password>        (repository/conf/user-mgt.xml)
    </AdminUser>

    [super_admin]
    username = "admin"
    password = "admin"                    (repository/conf/deployment.toml)

Fix:

Set a strong password (and preferably another user name) before the first start, keep it in the
secure vault (` + "`[secrets]`" + ` in deployment.toml, or cipher-tool for user-mgt.xml), and change it in the user
store of servers that already ran.`,
	}
}

func checkDefaultAdminCredentials(p *Pass) {
	for si := range p.Home.Servers {
		s := &p.Home.Servers[si]
		if pw, ok := defaultAdmin(s); ok {
			p.Report(p.Home, pw.Pos, "super admin user %q has the default password %q; expected a strong password kept in the secure vault", "admin", unquote(pw.Value))
		}
	}
}

// defaultAdmin returns the password setting when the super admin is admin/admin,
// looking at deployment.toml first (it generates user-mgt.xml) and then at
// user-mgt.xml. A password kept in the secure vault is not the text written.
func defaultAdmin(s *model.Server) (model.Setting, bool) {
	pairs := [][2]string{
		{model.KeyTomlPrefix + "super_admin.username", model.KeyTomlPrefix + "super_admin.password"},
		{model.KeyAdminUserName, model.KeyAdminPassword},
	}
	for _, pair := range pairs {
		user, okU := s.Setting(pair[0])
		pw, okP := s.Setting(pair[1])
		if !okU || !okP {
			continue
		}
		if unquote(user.Value) == "admin" && unquote(pw.Value) == "admin" && !vaulted(s, pw) {
			return pw, true
		}
		return model.Setting{}, false
	}
	return model.Setting{}, false
}

// vaulted reports whether the password setting set comes from an element
// that carries a secure-vault alias (model.KeySecretAlias at the same
// position): the server reads the password from the vault, not the text.
func vaulted(s *model.Server, set model.Setting) bool {
	for _, a := range s.SettingsOf(model.KeySecretAlias) {
		if a.Pos == set.Pos {
			return true
		}
	}
	return false
}
