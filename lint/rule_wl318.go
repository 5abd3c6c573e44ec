package lint

import (
	"slices"
	"strings"

	"github.com/wso2lint/wso2lint/internal/model"
)

// xmlPasswordKeys are the XML password settings the parsers read.
var xmlPasswordKeys = []string{
	model.KeyKeyStorePassword, model.KeyKeyStoreKeyPassword, model.KeyTrustStorePassword,
	model.KeyInternalKeyStorePassword, model.KeyInternalKeyStoreKeyPassword, model.KeyConnectorKeystorePass,
	model.KeyAdminPassword, model.KeyEmbeddedLDAPPassword,
	model.KeyPassthruKeyStorePassword, model.KeyPassthruKeyPassword, model.KeyPassthruTrustStorePassword,
	model.KeyDatasourcePassword,
}

func ruleWL318() *Rule {
	ex := func() []Example {
		return []Example{
			{Name: "carbon.xml keystore password written in clear", Fires: true, Files: map[string]string{
				"repository/conf/carbon.xml": `<Server xmlns="http://wso2.org/projects/carbon/carbon.xml">
    <Security>
        <KeyStore>
            <Location>${carbon.home}/repository/resources/security/prod.jks</Location>
            <Password>Str0ng-but-plain</Password>
        </KeyStore>
    </Security>
</Server>
`}},
			{Name: "deployment.toml password written in clear", Fires: true, Files: map[string]string{
				"repository/conf/deployment.toml": `[server]
hostname = "apim.example.com"

[super_admin]
username = "opsadmin"
password = "Str0ng-but-plain"
`}},
			{Name: "master-datasources.xml database password written in clear", Fires: true, Files: map[string]string{
				"repository/conf/datasources/master-datasources.xml": `<datasources-configuration>
    <datasources>
        <datasource>
            <name>WSO2AM_DB</name>
            <definition type="RDBMS">
                <configuration>
                    <url>jdbc:mysql://db.example.com:3306/apim</url>
                    <username>apim</username>
                    <password>Str0ng-but-plain</password>
                </configuration>
            </definition>
        </datasource>
    </datasources>
</datasources-configuration>
`}},
			{Name: "passwords from the secure vault", Files: map[string]string{
				"repository/conf/carbon.xml": `<Server xmlns="http://wso2.org/projects/carbon/carbon.xml" xmlns:svns="http://org.wso2.securevault/configuration">
    <Security>
        <KeyStore>
            <Location>${carbon.home}/repository/resources/security/prod.jks</Location>
            <Password svns:secretAlias="Carbon.Security.KeyStore.Password">password</Password>
        </KeyStore>
    </Security>
</Server>
`}},
		}
	}
	return &Rule{
		ID:       "WL318",
		Name:     "plaintext-password",
		Title:    "a password is written in clear text outside the secure vault",
		Severity: model.SeverityInfo,
		Scope:    ScopeServer,
		Check:    checkPlaintextPasswords,
		examples: ex,
		doc: func() string {
			return exampleDoc(`WSO2's production guidelines keep every password of the configuration in the secure vault: anyone
who can read repository/conf (a backup, a support bundle, a container image) otherwise has the keystore,
admin and LDAP passwords. One finding per password written in clear: carbon.xml keystore, internal
keystore and truststore passwords, catalina-server.xml `+"`keystorePass`"+`, user-mgt.xml `+"`<AdminUser><Password>`"+`,
the embedded LDAP connection password, the axis2.xml PassThrough HTTPS keystore and truststore
passwords, the `+"`<password>`"+` of every datasource in datasources/*.xml (master-datasources.xml and the
product's files), and every deployment.toml key whose name contains `+"`password`"+`. A value with a
`+"`secretAlias`"+` / `+"`svns:secretAlias`"+` attribute, `+"`$secret{...}`"+`, `+"`$env{...}`"+` or `+"`${...}`"+` is not reported.
Not read yet: the passwords of other product files (api-manager.xml, identity.xml, ...).`, ex(),
				"Encrypt the passwords with the cipher tool: in deployment.toml put them under `[secrets]` and refer to\n"+
					"them as `$secret{alias}`; in the XML of Carbon 4.4.x list them in cipher-text.properties and mark the\n"+
					"elements with `svns:secretAlias`.")
		},
	}
}

func checkPlaintextPasswords(p *Pass) {
	s := p.Server
	for _, set := range s.Settings {
		key, isToml := strings.CutPrefix(set.Key, model.KeyTomlPrefix)
		if isToml {
			if strings.HasPrefix(key, "secrets.") || !strings.Contains(strings.ToLower(key[strings.LastIndexByte(key, '.')+1:]), "password") {
				continue
			}
		} else if !slices.Contains(xmlPasswordKeys, set.Key) || vaulted(s, set) || renderedXML(s, set.Pos.File) {
			continue
		}
		v := unquote(set.Value)
		if v == "" || indirectValue(v) {
			continue
		}
		if isToml {
			i := strings.LastIndexByte(key, '.')
			table := ""
			if i >= 0 {
				table = key[:i]
			}
			p.Reportf(set.Pos, "[%s] %s is written in clear text; expected $secret{alias} from the secure vault", table, key[i+1:])
			continue
		}
		p.Reportf(set.Pos, "password is written in clear text; expected it in the secure vault (svns:secretAlias)")
	}
}
