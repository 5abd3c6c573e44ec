package lint

import (
	"strings"

	"github.com/wso2lint/wso2lint/internal/model"
)

func ruleWL306() *Rule {
	ex := func() []Example {
		return []Example{
			{Name: "catalina-server.xml connector allows TLSv1 and TLSv1.1", Fires: true, Files: map[string]string{
				"repository/conf/tomcat/catalina-server.xml": `<Server port="8005" shutdown="SHUTDOWN">
    <Service name="Catalina">
        <Connector protocol="org.apache.coyote.http11.Http11NioProtocol" port="9443" SSLEnabled="true" scheme="https" secure="true" sslEnabledProtocols="TLSv1,TLSv1.1,TLSv1.2"/>
    </Service>
</Server>
`,
			}},
			{Name: "PassThrough HTTPS listener allows SSLv3", Fires: true, Files: map[string]string{
				"repository/conf/axis2/axis2.xml": `<axisconfig name="AxisJava2.0">
    <transportReceiver name="https" class="org.apache.synapse.transport.passthru.PassThroughHttpSSLListener">
        <parameter name="port" locked="false">8243</parameter>
        <parameter name="HttpsProtocols">SSLv3,TLSv1.2</parameter>
    </transportReceiver>
</axisconfig>
`,
			}},
			{Name: "deployment.toml servlet transport allows TLSv1", Fires: true, Files: map[string]string{
				"repository/conf/deployment.toml": `[server]
hostname = "apim.example.com"

[transport.https.sslHostConfig.properties]
protocols = "+TLSv1, +TLSv1.1, +TLSv1.2"
`,
			}},
			{Name: "TLSv1.2 and TLSv1.3 only", Files: map[string]string{
				"repository/conf/tomcat/catalina-server.xml": `<Server port="8005" shutdown="SHUTDOWN">
    <Service name="Catalina">
        <Connector protocol="org.apache.coyote.http11.Http11NioProtocol" port="9443" SSLEnabled="true" scheme="https" secure="true" sslEnabledProtocols="TLSv1.2,TLSv1.3"/>
    </Service>
</Server>
`,
			}},
		}
	}
	return &Rule{
		ID:       "WL306",
		Name:     "weak-tls-protocol",
		Title:    "an HTTPS connector or listener enables SSLv2Hello, SSLv3, TLSv1 or TLSv1.1",
		Severity: model.SeverityWarning,
		Scope:    ScopeServer,
		Check:    checkWeakTLSProtocol,
		examples: ex,
		doc: func() string {
			return exampleDoc(`SSLv3, TLSv1 and TLSv1.1 are deprecated (RFC 8996) and open to downgrade and padding attacks; WSO2's
security guidelines ask for TLSv1.2 or later on every HTTPS connector. SSLv2Hello (the SSLv2-format
hello, the pseudo-protocol JSSE accepts) and SSLv2 are reported too. Weak cipher suites are WL316.`, ex(), `List only current protocols: `+"`sslEnabledProtocols=\"TLSv1.2,TLSv1.3\"`"+`, `+"`HttpsProtocols`"+` `+"`TLSv1.2,TLSv1.3`"+`,
or in deployment.toml `+"`protocols = \"+TLSv1.2, +TLSv1.3\"`"+` (Micro Integrator: `+"`listener.secured_protocols`"+`
under `+"`[transport.http]`"+`). Where deployment.toml renders the XML, change the toml.`)
		},
	}
}

func checkWeakTLSProtocol(p *Pass) {
	s := p.Server
	// What deployment.toml says about a transport replaces what the XML it
	// renders says: no second finding at the generated file.
	tomlSets := map[string]bool{}
	for _, set := range s.Settings {
		if key, ok := strings.CutPrefix(set.Key, model.KeyTomlPrefix); ok {
			if kind, ok := tomlProtocolsKey(key); ok {
				tomlSets[kind] = true
				if weak := weakProtocols(set.Value); len(weak) > 0 {
					table, name := key[:strings.LastIndexByte(key, '.')], key[strings.LastIndexByte(key, '.')+1:]
					p.Reportf(set.Pos, "[%s] %s enables %s in %q; expected only TLSv1.2 and later", table, name, strings.Join(weak, ", "), unquote(set.Value))
				}
			}
		}
	}
	for _, set := range s.SettingsOf(model.KeyConnectorSSLProtocols) {
		if tomlSets[transportServlet] && renderedXML(s, set.Pos.File) {
			continue
		}
		if weak := weakProtocols(set.Value); len(weak) > 0 {
			p.Reportf(set.Pos, "connector enables %s in %q; expected only TLSv1.2 and later", strings.Join(weak, ", "), unquote(set.Value))
		}
	}
	for _, set := range s.SettingsOf(model.KeyPassthruHTTPSProtocols) {
		if tomlSets[transportPassthru] && renderedXML(s, set.Pos.File) {
			continue
		}
		if weak := weakProtocols(set.Value); len(weak) > 0 {
			p.Reportf(set.Pos, "PassThrough HTTPS listener enables %s in HttpsProtocols %q; expected only TLSv1.2 and later", strings.Join(weak, ", "), unquote(set.Value))
		}
	}
}

// Transports whose TLS protocols deployment.toml sets (tomlProtocolsKey).
const (
	transportServlet  = "servlet"  // the Tomcat HTTPS connector (catalina-server.xml)
	transportPassthru = "passthru" // the PassThrough HTTPS listener (axis2.xml)
	transportOther    = "other"    // event receivers and the like
)

// tomlProtocolsKey reports whether a dotted deployment.toml key lists the TLS
// protocols of a listener, and of which transport:
//   - [transport.https.sslHostConfig.properties] protocols (and
//     sslEnabledProtocols under [transport.https...]): the servlet connector;
//   - [transport.passthru_https.listener.parameters] HttpsProtocols (API
//     Manager) and [transport.http] listener.secured_protocols (Micro
//     Integrator): the PassThrough HTTPS listener;
//   - ssl_enabled_protocols / sslEnabledProtocols of other [transport...]
//     tables, such as the data bridge receiver ([transport.receiver]).
//
// Keys of outbound senders (sender.secured_protocols) are not listeners.
func tomlProtocolsKey(key string) (kind string, ok bool) {
	if !strings.HasPrefix(key, "transport.") {
		return "", false
	}
	parts := strings.Split(key, ".")
	name := parts[len(parts)-1]
	for _, p := range parts[:len(parts)-1] {
		if p == "sender" {
			return "", false
		}
	}
	switch name {
	case "protocols":
		if !strings.Contains(key, ".sslHostConfig.") {
			return "", false
		}
	case "sslEnabledProtocols", "ssl_enabled_protocols", "HttpsProtocols":
	case "secured_protocols":
		if !strings.Contains(key, ".listener.") {
			return "", false
		}
	default:
		return "", false
	}
	switch {
	case strings.HasPrefix(key, "transport.https."):
		return transportServlet, true
	case strings.HasPrefix(key, "transport.passthru_https."), strings.HasPrefix(key, "transport.http.listener."):
		return transportPassthru, true
	}
	return transportOther, true
}

// weakProtocols returns the deprecated protocols a list turns on, in list
// order: comma-, space- or plus-separated text ("TLSv1+TLSv1.2", the form the
// Identity Server docs give for [transport.https.sslHostConfig.properties]
// protocols), or a toml array ("[TLSv1, TLSv1.2]"). Tomcat's "+TLSv1" adds and
// "-TLSv1" removes a protocol.
func weakProtocols(list string) []string {
	var out []string
	sep := func(r rune) bool {
		return r == ',' || r == ' ' || r == '+' || r == '[' || r == ']' || r == '"' || r == '\''
	}
	for _, tok := range strings.FieldsFunc(unquote(list), sep) {
		if strings.HasPrefix(tok, "-") {
			continue
		}
		tok = strings.TrimPrefix(tok, "+")
		switch strings.ToLower(tok) {
		case "sslv2", "sslv2hello", "sslv3", "tlsv1", "tlsv1.1":
			out = append(out, tok)
		}
	}
	return out
}
