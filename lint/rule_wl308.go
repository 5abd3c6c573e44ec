package lint

import (
	"slices"

	"github.com/wso2lint/wso2lint/internal/model"
)

func ruleWL308() *Rule {
	return &Rule{
		ID:       "WL308",
		Name:     "embedded-ldap-default-credentials",
		Title:    "the embedded ldap runs with the default admin password",
		Severity: model.SeverityWarning,
		Scope:    ScopeServer,
		Check:    checkEmbeddedLDAPDefaultCredentials,
		Doc: `The embedded ApacheDS LDAP (10389 plus the offset) binds all interfaces. Its connection password ships as
` + "`admin`" + `, and in deployment.toml-era products it follows the super admin password, often still ` + "`admin`" + `.
Anyone who reaches the port can then read and change every user of the store.

Example:

    <EmbeddedLDAP>
        <Property name="enable">true</Property>
        <Property name="connectionPassword">admin</Property>   (repository/conf/identity/embedded-ldap.xml)
    </EmbeddedLDAP>

Fix:

Use an external user store (JDBC or a real LDAP) in production and set ` + "`enable`" + ` to false. If the
embedded LDAP must stay, change ` + "`connectionPassword`" + ` (and the user-mgt.xml ` + "`ConnectionPassword`" + `, which must
match), and keep 10389 to the local host with the firewall.`,
	}
}

func checkEmbeddedLDAPDefaultCredentials(p *Pass) {
	s := p.Server
	ldap := slices.IndexFunc(s.Listeners, func(l model.Listener) bool { return inbound(l) && l.ID == model.SvcEmbeddedLDAP })
	on := ldap >= 0
	if set, ok := s.Setting(model.KeyEmbeddedLDAPEnable); ok {
		on = isTrue(set.Value)
	}
	if !on {
		return
	}
	if pw, ok := s.Setting(model.KeyEmbeddedLDAPPassword); ok {
		if unquote(pw.Value) == "admin" && !vaulted(s, pw) {
			p.Reportf(pw.Pos, "embedded ldap is enabled with connection password %q; expected a strong password, or the embedded ldap switched off", unquote(pw.Value))
		}
		return
	}
	if _, ok := defaultAdmin(s); ok && ldap >= 0 {
		l := s.Listeners[ldap]
		p.Reportf(l.Source, "embedded ldap listens on %s while the admin credentials are %q/%q; expected a strong admin password, or the embedded ldap switched off",
			portText(l), "admin", "admin")
	}
}
