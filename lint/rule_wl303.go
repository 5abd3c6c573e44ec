package lint

import "github.com/wso2lint/wso2lint/internal/model"

func ruleWL303() *Rule {
	return &Rule{
		ID:       "WL303",
		Name:     "default-admin-credentials",
		Title:    "the super admin keeps the default admin/admin credentials",
		Severity: model.SeverityError,
		Scope:    ScopeServer,
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
	s := p.Server
	if pw, ok := defaultAdmin(s); ok {
		p.Reportf(pw.Pos, "super admin user %q has the default password %q; expected a strong password kept in the secure vault", "admin", unquote(pw.Value))
	}
}
