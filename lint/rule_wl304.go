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
	ex := func() []Example {
		return []Example{
			{Name: "carbon.xml uses the shipped keystore", Fires: true, Files: map[string]string{
				"repository/conf/carbon.xml": `<Server xmlns="http://wso2.org/projects/carbon/carbon.xml">
    <Security>
        <KeyStore>
            <Location>${carbon.home}/repository/resources/security/wso2carbon.jks</Location>
            <Password>wso2carbon</Password>
        </KeyStore>
    </Security>
</Server>
`,
			}},
			{Name: "deployment.toml changes [keystore.tls] only, so the primary keystore is still wso2carbon.jks", Fires: true, Files: map[string]string{
				"repository/conf/deployment.toml": `[server]
hostname = "apim.example.com"

[keystore.tls]
file_name = "prod-tls.jks"
password = "$secret{tls}"
`,
			}},
			{Name: "the PassThrough HTTPS listener (8243) keeps the shipped keystore and password", Fires: true, Files: map[string]string{
				"repository/conf/axis2/axis2.xml": `<axisconfig name="AxisJava2.0">
    <transportReceiver name="https" class="org.apache.synapse.transport.passthru.PassThroughHttpSSLListener">
        <parameter name="port" locked="false">8243</parameter>
        <parameter name="keystore" locked="false">
            <KeyStore>
                <Location>repository/resources/security/wso2carbon.jks</Location>
                <Type>JKS</Type>
                <Password>wso2carbon</Password>
                <KeyPassword>wso2carbon</KeyPassword>
            </KeyStore>
        </parameter>
    </transportReceiver>
</axisconfig>
`,
			}},
			{Name: "own keystores everywhere", Files: map[string]string{
				"repository/conf/deployment.toml": `[server]
hostname = "apim.example.com"

[keystore.primary]
file_name = "prod.jks"
password = "$secret{primary}"

[keystore.tls]
file_name = "prod-tls.jks"
password = "$secret{tls}"
`,
			}},
		}
	}
	return &Rule{
		ID:       "WL304",
		Name:     "default-keystore",
		Title:    "the server uses the shipped wso2carbon keystore or its password",
		Severity: model.SeverityWarning,
		Scope:    ScopeServer,
		Check:    checkDefaultKeystore,
		examples: ex,
		doc: func() string {
			return exampleDoc(`Every WSO2 distribution ships the same wso2carbon.jks with the same private key and the password
`+"`wso2carbon`"+`. Anyone can impersonate a server that keeps it, decrypt what it encrypts with that key and
forge the tokens it signs. Checked: carbon.xml `+"`<KeyStore>`"+` and `+"`<InternalKeyStore>`"+`, the
catalina-server.xml connectors' `+"`keystoreFile`"+`/`+"`keystorePass`"+`, the axis2.xml PassThrough HTTPS listener's
keystore (8243), and the deployment.toml keystores, where `+"`[keystore.primary]`"+` must be set even when
`+"`[keystore.tls]`"+` was changed.`, ex(), `Create a keystore with your own key pair and a CA-signed certificate, with a strong password, and
configure it everywhere the shipped one is named: carbon.xml `+"`<KeyStore>`"+`, catalina-server.xml
`+"`keystoreFile`"+`/`+"`keystorePass`"+`, or `+"`[keystore.primary]`"+` and `+"`[keystore.tls]`"+` in deployment.toml.
In deployment.toml, `+"`[keystore.primary]`"+` with its own `+"`file_name`"+` and `+"`password`"+` is needed even when
`+"`[keystore.tls]`"+` was changed; deployment.toml renders carbon.xml and catalina-server.xml, so the finding
points at the toml. Keep the passwords in the secure vault.`)
		},
	}
}

func checkDefaultKeystore(p *Pass) {
	s := p.Server
	shipped := false // a finding already names the shipped keystore file
	for _, set := range s.Settings {
		file, pass := keystoreSetting(set.Key)
		if (!file && !pass) || vaulted(s, set) || renderedXML(s, set.Pos.File) {
			// deployment.toml renders the XML: its keys are checked instead.
			continue
		}
		v := unquote(set.Value)
		switch {
		case file && isShippedKeystore(v):
			shipped = true
			p.Reportf(set.Pos, "keystore %q is the one shipped with every distribution; expected a keystore with your own key", v)
		case pass && v == defaultKeystorePassword:
			p.Reportf(set.Pos, "keystore password is the shipped default %q; expected your own password, kept in the secure vault", v)
		}
	}
	if !shipped {
		checkTomlPrimaryKeystore(p, s)
	}
}

// isShippedKeystore reports whether a keystore path names wso2carbon.jks.
func isShippedKeystore(v string) bool {
	return strings.HasSuffix(strings.ReplaceAll(v, `\`, "/"), defaultKeystoreFile)
}

// checkTomlPrimaryKeystore reports a server configured by deployment.toml
// whose [keystore.primary] leaves file_name or password unset: the primary
// keystore (carbon.xml <KeyStore>, and the internal and TLS keystores that
// default to it) is then the shipped wso2carbon.jks with password wso2carbon,
// even when [keystore.tls] names another. Explicit default values are reported
// by checkDefaultKeystore at the keys; the caller skips this when a finding
// already names the shipped file, so the stock tomls get no second finding.
func checkTomlPrimaryKeystore(p *Pass, s *model.Server) {
	if s.Toml == nil {
		return
	}
	if carbon := confFile(s, "carbon.xml"); hasFile(p.Home, carbon) && !renderedXML(s, carbon) {
		return // -DavoidConfigUpdate=true keeps carbon.xml: its <KeyStore> was checked
	}
	_, fileSet := tomlSetting(s, "keystore.primary.file_name")
	_, passSet := tomlSetting(s, "keystore.primary.password")
	where := tomlAnchor(s, s.Toml.File, "keystore.primary", "keystore.tls", "server")
	switch {
	case !fileSet && !passSet:
		p.Reportf(where, "[keystore.primary] sets no file_name or password, so the primary keystore is the shipped %q with password %q; expected [keystore.primary] naming your own keystore",
			defaultKeystoreFile, defaultKeystorePassword)
	case !fileSet:
		p.Reportf(where, "[keystore.primary] sets no file_name, so the primary keystore is the shipped %q; expected [keystore.primary] naming your own keystore",
			defaultKeystoreFile)
	case !passSet:
		p.Reportf(where, "[keystore.primary] sets no password, so the primary keystore password is the shipped default %q; expected your own password, kept in the secure vault",
			defaultKeystorePassword)
	}
}

// keystoreSetting reports whether the setting key names a keystore file or a
// keystore (or key) password.
func keystoreSetting(key string) (file, pass bool) {
	switch key {
	case model.KeyKeyStoreLocation, model.KeyInternalKeyStoreLocation, model.KeyPassthruKeyStoreLocation:
		return true, false
	case model.KeyKeyStorePassword, model.KeyKeyStoreKeyPassword, model.KeyInternalKeyStorePassword,
		model.KeyInternalKeyStoreKeyPassword, model.KeyConnectorKeystorePass,
		model.KeyPassthruKeyStorePassword, model.KeyPassthruKeyPassword:
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
