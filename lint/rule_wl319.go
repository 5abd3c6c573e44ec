package lint

import (
	"github.com/wso2lint/wso2lint/internal/model"
)

func ruleWL319() *Rule {
	store := func(extra string) string {
		return `<UserManager>
    <Realm>
        <UserStoreManager class="org.wso2.carbon.user.core.jdbc.JDBCUserStoreManager">
            <Property name="ReadOnly">false</Property>
        </UserStoreManager>
        <UserStoreManager class="org.wso2.carbon.user.core.ldap.ReadOnlyLDAPUserStoreManager">
            <Property name="ConnectionURL">ldaps://ldap.example.com</Property>` + extra + `
        </UserStoreManager>
    </Realm>
</UserManager>
`
	}
	ex := func() []Example {
		return []Example{
			{Name: "secondary user store without DomainName", Fires: true, Files: map[string]string{
				"repository/conf/user-mgt.xml": store(""),
			}},
			{Name: "secondary user store with its DomainName", Files: map[string]string{
				"repository/conf/user-mgt.xml": store(`
            <Property name="DomainName">CORP</Property>`),
			}},
		}
	}
	return &Rule{
		ID:       "WL319",
		Name:     "skipped-user-store",
		Title:    "a secondary user store has no DomainName and is skipped",
		Severity: model.SeverityWarning,
		Scope:    ScopeServer,
		Check:    checkSkippedUserStores,
		examples: ex,
		doc: func() string {
			return exampleDoc(`Carbon reads every `+"`<UserStoreManager>`"+` of user-mgt.xml (carbon-kernel 4.4.x
`+"`RealmConfigXMLProcessor`"+`): the first is the primary store, and a later one is chained as a secondary
store only if it has a `+"`DomainName`"+` property. Without one Carbon skips it with a warning in the log, so
its users cannot log in although the file looks configured. The rule reports each such store.`, ex(),
				"Give the store a unique `<Property name=\"DomainName\">CORP</Property>` (users then log in as\n"+
					"`CORP/name`), or remove the block.")
		},
	}
}

func checkSkippedUserStores(p *Pass) {
	for _, set := range p.Server.Settings {
		if set.Key != model.KeyUserStoreSkipped {
			continue
		}
		class := set.Value
		if class == "" {
			class = "(no class)"
		}
		p.Reportf(set.Pos, "secondary user store %s has no DomainName property; Carbon skips it", class)
	}
}
