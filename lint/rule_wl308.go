package lint

import (
	"slices"

	"github.com/wso2lint/wso2lint/internal/model"
)

func ruleWL308() *Rule {
	carbonFile := `<Server xmlns="http://wso2.org/projects/carbon/carbon.xml">
    <Ports>
        <Offset>1</Offset>
        <EmbeddedLDAP>
            <LDAPServerPort>10389</LDAPServerPort>
        </EmbeddedLDAP>
    </Ports>
</Server>
`
	ex := func() []Example {
		return []Example{
			{Name: "embedded LDAP on with the shipped password", Fires: true, Files: map[string]string{
				"repository/conf/carbon.xml": carbonFile,
				"repository/conf/identity/embedded-ldap.xml": `<EmbeddedLDAPConfig>
    <EmbeddedLDAP>
        <Property name="enable">true</Property>
        <Property name="port">${Ports.EmbeddedLDAP.LDAPServerPort}</Property>
        <Property name="connectionPassword">admin</Property>
    </EmbeddedLDAP>
</EmbeddedLDAPConfig>
`,
			}},
			{Name: "embedded LDAP switched off", Files: map[string]string{
				"repository/conf/carbon.xml": carbonFile,
				"repository/conf/identity/embedded-ldap.xml": `<EmbeddedLDAPConfig>
    <EmbeddedLDAP>
        <Property name="enable">false</Property>
        <Property name="port">${Ports.EmbeddedLDAP.LDAPServerPort}</Property>
        <Property name="connectionPassword">admin</Property>
    </EmbeddedLDAP>
</EmbeddedLDAPConfig>
`,
			}},
		}
	}
	return &Rule{
		ID:       "WL308",
		Name:     "embedded-ldap-default-credentials",
		Title:    "the embedded ldap runs with the default admin password",
		Severity: model.SeverityWarning,
		Scope:    ScopeServer,
		Check:    checkEmbeddedLDAPDefaultCredentials,
		examples: ex,
		doc: func() string {
			return exampleDoc(`The embedded ApacheDS LDAP (10389 plus the offset) binds all interfaces. Its connection password ships as
`+"`admin`"+`, and in deployment.toml-era products it follows the super admin password, often still `+"`admin`"+`.
Anyone who reaches the port can then read and change every user of the store.`, ex(), `Use an external user store (JDBC or a real LDAP) in production and set `+"`enable`"+` to false. If the
embedded LDAP must stay, change `+"`connectionPassword`"+` (and the user-mgt.xml `+"`ConnectionPassword`"+`, which must
match), and keep 10389 to the local host with the firewall.`)
		},
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
