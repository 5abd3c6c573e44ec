package lint

import (
	"strings"

	"github.com/wso2lint/wso2lint/internal/model"
)

func ruleWL316() *Rule {
	ex := func() []Example {
		return []Example{
			{Name: "catalina-server.xml connector allows RC4 and 3DES", Fires: true, Files: map[string]string{
				"repository/conf/tomcat/catalina-server.xml": `<Server port="8005" shutdown="SHUTDOWN">
    <Service name="Catalina">
        <Connector protocol="org.apache.coyote.http11.Http11NioProtocol" port="9443" SSLEnabled="true" scheme="https" secure="true"
                   ciphers="TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256,SSL_RSA_WITH_RC4_128_MD5,TLS_RSA_WITH_3DES_EDE_CBC_SHA"/>
    </Service>
</Server>
`}},
			{Name: "PassThrough HTTPS listener prefers a NULL cipher", Fires: true, Files: map[string]string{
				"repository/conf/axis2/axis2.xml": `<axisconfig name="AxisJava2.0">
    <transportReceiver name="https" class="org.apache.synapse.transport.passthru.PassThroughHttpSSLListener">
        <parameter name="port" locked="false">8243</parameter>
        <parameter name="PreferredCiphers">TLS_RSA_WITH_NULL_SHA256,TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384</parameter>
    </transportReceiver>
</axisconfig>
`}},
			{Name: "deployment.toml lists an export cipher", Fires: true, Files: map[string]string{
				"repository/conf/deployment.toml": `[server]
hostname = "apim.example.com"

[transport.https.sslHostConfig.properties]
ciphers = "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256,TLS_RSA_EXPORT_WITH_DES40_CBC_SHA"
`}},
			{Name: "only AEAD suites", Files: map[string]string{
				"repository/conf/deployment.toml": `[server]
hostname = "apim.example.com"

[transport.https.sslHostConfig.properties]
ciphers = "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256,TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256"
`}},
		}
	}
	return &Rule{
		ID:       "WL316",
		Name:     "weak-tls-cipher",
		Title:    "an https connector, listener or sender allows a weak cipher suite",
		Severity: model.SeverityWarning,
		Scope:    ScopeServer,
		Check:    checkWeakCiphers,
		examples: ex,
		doc: func() string {
			return exampleDoc(`RC4, DES and 3DES (SWEET32), NULL (no encryption), EXPORT (40/56-bit keys), anonymous (anon, no
server authentication) and MD5-based suites are broken; WSO2's security guidelines ask to list only
strong suites. Checked: the `+"`ciphers`"+` attribute of catalina-server.xml connectors, the `+"`PreferredCiphers`"+`
parameter of the axis2.xml PassThrough HTTPS listener and sender, and the `+"`ciphers`"+` / `+"`PreferredCiphers`"+`
keys of deployment.toml `+"`[transport...]`"+` tables (`+"`[transport.https.sslHostConfig.properties] ciphers`"+`,
`+"`[transport.passthru_https.listener.parameters] PreferredCiphers`"+`). Protocols (SSLv2Hello, SSLv3,
TLSv1, TLSv1.1) are WL306. Unset lists leave the JVM's defaults, which are not reported.`, ex(),
				"List only ECDHE suites with AES-GCM or CHACHA20-POLY1305 (and TLS 1.3 suites). Where deployment.toml\n"+
					"renders the XML, change the toml.")
		},
	}
}

// weakCipherMarks are the name parts of a JSSE / OpenSSL suite that make it weak.
var weakCipherMarks = []string{"RC4", "DES", "NULL", "EXPORT", "ANON", "MD5", "EXP-", "ADH", "AECDH"}

// weakCiphers returns the suites of a list (comma, colon or space separated,
// or a toml array) that are weak, in list order. "DES" covers 3DES and
// DES40; "AES" suites are not matched by it.
func weakCiphers(list string) []string {
	var out []string
	sep := func(r rune) bool {
		return r == ',' || r == ':' || r == ' ' || r == '\n' || r == '\t' || r == '[' || r == ']' || r == '"' || r == '\''
	}
	for _, c := range strings.FieldsFunc(unquote(list), sep) {
		if strings.HasPrefix(c, "!") || strings.HasPrefix(c, "-") {
			continue // OpenSSL exclusions
		}
		u := strings.ToUpper(c)
		for _, m := range weakCipherMarks {
			if hasCipherMark(u, m) {
				out = append(out, c)
				break
			}
		}
	}
	return out
}

// hasCipherMark reports whether the suite name u holds the mark m as a
// whole part ("_DES_", "DES-CBC3", "3DES"), so that "DES" does not match
// inside another word.
func hasCipherMark(u, m string) bool {
	for i := 0; ; {
		j := strings.Index(u[i:], m)
		if j < 0 {
			return false
		}
		j += i
		before := j == 0 || strings.ContainsRune("_-3", rune(u[j-1]))
		end := j + len(m)
		after := end == len(u) || strings.ContainsRune("_-0123456789", rune(u[end])) || strings.HasSuffix(m, "-")
		if before && after {
			return true
		}
		i = j + 1
	}
}

// tomlCiphersKey reports whether a dotted deployment.toml key lists the
// cipher suites of a transport.
func tomlCiphersKey(key string) bool {
	if !strings.HasPrefix(key, "transport.") {
		return false
	}
	name := key[strings.LastIndexByte(key, '.')+1:]
	return name == "ciphers" || name == "PreferredCiphers" || name == "preferred_ciphers"
}

func checkWeakCiphers(p *Pass) {
	s := p.Server
	for _, set := range s.Settings {
		key, ok := strings.CutPrefix(set.Key, model.KeyTomlPrefix)
		if !ok || !tomlCiphersKey(key) {
			continue
		}
		if weak := weakCiphers(set.Value); len(weak) > 0 {
			i := strings.LastIndexByte(key, '.')
			p.Reportf(set.Pos, "[%s] %s allows weak cipher suites %s; expected only strong suites (ECDHE with AES-GCM or CHACHA20-POLY1305)", key[:i], key[i+1:], strings.Join(weak, ", "))
		}
	}
	for _, k := range []struct{ key, what string }{
		{model.KeyConnectorCiphers, "connector ciphers"},
		{model.KeyPassthruCiphers, "PassThrough HTTPS PreferredCiphers"},
	} {
		for _, set := range s.SettingsOf(k.key) {
			if renderedXML(s, set.Pos.File) {
				continue // the toml it is rendered from is checked
			}
			if weak := weakCiphers(set.Value); len(weak) > 0 {
				p.Reportf(set.Pos, "%s allow weak cipher suites %s; expected only strong suites (ECDHE with AES-GCM or CHACHA20-POLY1305)", k.what, strings.Join(weak, ", "))
			}
		}
	}
}
