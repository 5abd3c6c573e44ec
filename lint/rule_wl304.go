package lint

import (
	"strings"

	"github.com/wso2lint/wso2lint/internal/model"
)

// Names of the keystore every WSO2 distribution ships, and its password.
const (
	defaultKeystoreFile     = "wso2carbon.jks"
	defaultKeystorePassword = "wso2carbon"
)

func ruleWL304() *Rule {
	return &Rule{
		ID:       "WL304",
		Name:     "default-keystore",
		Title:    "the server uses the shipped wso2carbon keystore or its password",
		Severity: model.SeverityWarning,
		Scope:    ScopeHome,
		Check:    checkDefaultKeystore,
		Doc: `Every WSO2 distribution ships the same wso2carbon.jks with the same private key and the password
` + "`wso2carbon`" + `. Anyone can impersonate a server that keeps it, decrypt what it encrypts with that key and
forge the tokens it signs.

Example:

    <KeyStore>
        <Location>${carbon.home}/repository/resources/security/wso2carbon.jks</Location>
        <Password>wso2carbon</Password>                 (repository/conf/carbon.xml)
    </KeyStore>
    <Connector ... keystorePass="wso2carbon"/>          (catalina-server.xml)

Fix:

Create a keystore with your own key pair and a CA-signed certificate, with a strong password, and
configure it everywhere the shipped one is named: carbon.xml ` + "`<KeyStore>`" + `, catalina-server.xml
` + "`keystoreFile`" + `/` + "`keystorePass`" + `, or ` + "`[keystore.primary]`" + ` and ` + "`[keystore.tls]`" + ` in deployment.toml.
Keep the passwords in the secure vault.`,
	}
}

func checkDefaultKeystore(p *Pass) {
	for si := range p.Home.Servers {
		s := &p.Home.Servers[si]
		for _, set := range s.Settings {
			file, pass := keystoreSetting(set.Key)
			v := unquote(set.Value)
			switch {
			case file && strings.HasSuffix(strings.ReplaceAll(v, `\`, "/"), defaultKeystoreFile):
				p.Report(p.Home, set.Pos, "keystore %q is the one shipped with every distribution; expected a keystore with your own key", v)
			case pass && v == defaultKeystorePassword:
				p.Report(p.Home, set.Pos, "keystore password is the shipped default %q; expected your own password, kept in the secure vault", v)
			}
		}
	}
}

// keystoreSetting reports whether the setting key names a keystore file or a
// keystore (or key) password.
func keystoreSetting(key string) (file, pass bool) {
	switch key {
	case model.KeyKeyStoreLocation:
		return true, false
	case model.KeyKeyStorePassword, model.KeyKeyStoreKeyPassword, model.KeyConnectorKeystorePass:
		return false, true
	}
	rest, ok := strings.CutPrefix(key, model.KeyTomlPrefix+"keystore.")
	if !ok || strings.Count(rest, ".") != 1 {
		return false, false
	}
	switch rest[strings.IndexByte(rest, '.')+1:] {
	case "file_name":
		return true, false
	case "password", "key_password":
		return false, true
	}
	return false, false
}
