package lint

import "github.com/wso2lint/wso2lint/internal/model"

func ruleWL303() *Rule {
	ex := func() []Example {
		return []Example{
			{Name: "user-mgt.xml keeps admin/admin", Fires: true, Files: map[string]string{
				"repository/conf/user-mgt.xml": `<UserManager>
    <Realm>
        <Configuration>
            <AdminUser>
                <UserName>admin</UserName>
                <Password>admin</Password>
            </AdminUser>
        </Configuration>
    </Realm>
</UserManager>
`,
			}},
			{Name: "deployment.toml keeps admin/admin", Fires: true, Files: map[string]string{
				"repository/conf/deployment.toml": `[server]
hostname = "apim.example.com"

[super_admin]
username = "admin"
password = "admin"
`,
			}},
			{Name: "password from the secure vault", Files: map[string]string{
				"repository/conf/user-mgt.xml": `<UserManager>
    <Realm>
        <Configuration>
            <AdminUser>
                <UserName>admin</UserName>
                <Password xmlns:svns="http://org.wso2.securevault/configuration" svns:secretAlias="UserManager.AdminUser.Password">admin</Password>
            </AdminUser>
        </Configuration>
    </Realm>
</UserManager>
`,
			}},
		}
	}
	return &Rule{
		ID:       "WL303",
		Name:     "default-admin-credentials",
		Title:    "the super admin keeps the default admin/admin credentials",
		Severity: model.SeverityError,
		Scope:    ScopeServer,
		Check:    checkDefaultAdminCredentials,
		examples: ex,
		doc: func() string {
			return exampleDoc(`Every WSO2 distribution ships with the super admin `+"`admin`"+` / `+"`admin`"+`. It is the first thing anyone
tries on the management console, the admin services, JMX and the APIs.`, ex(), `Set a strong password (and preferably another user name) before the first start, keep it in the
secure vault (`+"`[secrets]`"+` in deployment.toml, or cipher-tool for user-mgt.xml), and change it in the user
store of servers that already ran.`)
		},
	}
}

func checkDefaultAdminCredentials(p *Pass) {
	s := p.Server
	if pw, ok := defaultAdmin(s); ok {
		p.Reportf(pw.Pos, "super admin user %q has the default password %q; expected a strong password kept in the secure vault", "admin", unquote(pw.Value))
	}
}
