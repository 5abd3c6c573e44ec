package lint

import (
	"slices"
	"strings"

	"github.com/wso2lint/wso2lint/internal/model"
)

// minAdminPassword is the shortest super admin password not reported as weak.
const minAdminPassword = 8

// commonPasswords are passwords tried first by anyone guessing (lower case).
var commonPasswords = []string{
	"admin", "administrator", "password", "passw0rd", "p@ssw0rd", "password1", "changeme", "changeit",
	"secret", "root", "toor", "wso2", "wso2carbon", "carbon", "qwerty", "letmein", "welcome", "default",
	"test", "guest", "123456", "12345678", "123456789", "1234567890", "admin123", "admin@123",
}

func ruleWL317() *Rule {
	ex := func() []Example {
		return []Example{
			{Name: "user-mgt.xml super admin with a common password", Fires: true, Files: map[string]string{
				"repository/conf/user-mgt.xml": `<UserManager>
    <Realm>
        <Configuration>
            <AdminUser>
                <UserName>opsadmin</UserName>
                <Password>password</Password>
            </AdminUser>
        </Configuration>
    </Realm>
</UserManager>
`}},
			{Name: "deployment.toml super admin with a short password", Fires: true, Files: map[string]string{
				"repository/conf/deployment.toml": `[server]
hostname = "apim.example.com"

[super_admin]
username = "opsadmin"
password = "Xy7!k"
`}},
			{Name: "password from the secure vault", Files: map[string]string{
				"repository/conf/deployment.toml": `[server]
hostname = "apim.example.com"

[super_admin]
username = "opsadmin"
password = "$secret{admin_password}"
`}},
		}
	}
	return &Rule{
		ID:       "WL317",
		Name:     "weak-admin-password",
		Title:    "the super admin password is short or common",
		Severity: model.SeverityError,
		Scope:    ScopeServer,
		Check:    checkWeakAdminPassword,
		examples: ex,
		doc: func() string {
			return exampleDoc(`The super admin can do everything on the server. A password on the lists guessers try first, or
shorter than 8 characters, falls to a dictionary attack on the console, the admin services or the APIs.
admin/admin itself is WL303; this rule reports the other weak passwords of user-mgt.xml
`+"`<AdminUser><Password>`"+` and deployment.toml `+"`[super_admin] password`"+`. Passwords from the secure vault
(`+"`$secret{...}`"+`, `+"`svns:secretAlias`"+`) or the environment (`+"`$env{...}`"+`, `+"`${...}`"+`) are not judged.`, ex(),
				"Set a long random password, keep it in the secure vault, and change it in the user store of servers\n"+
					"that already ran (the configured value only seeds a new user store).")
		},
	}
}

func checkWeakAdminPassword(p *Pass) {
	s := p.Server
	if _, ok := defaultAdmin(s); ok {
		return // WL303
	}
	for _, key := range []string{model.KeyTomlPrefix + "super_admin.password", model.KeyAdminPassword} {
		pw, ok := s.Setting(key)
		if !ok || vaulted(s, pw) || renderedXML(s, pw.Pos.File) {
			continue
		}
		v := unquote(pw.Value)
		if v == "" || indirectValue(v) {
			continue
		}
		switch {
		case slices.Contains(commonPasswords, strings.ToLower(v)):
			p.Reportf(pw.Pos, "super admin password is the common password %q; expected a long random password kept in the secure vault", v)
		case len([]rune(v)) < minAdminPassword:
			p.Reportf(pw.Pos, "super admin password has %d characters; expected at least %d, random, kept in the secure vault", len([]rune(v)), minAdminPassword)
		}
	}
}
