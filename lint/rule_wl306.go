package lint

import (
	"strings"

	"github.com/wso2lint/wso2lint/internal/model"
)

func ruleWL306() *Rule {
	return &Rule{
		ID:       "WL306",
		Name:     "weak-tls-protocol",
		Title:    "a connector enables SSLv3, TLSv1 or TLSv1.1",
		Severity: model.SeverityWarning,
		Scope:    ScopeHome,
		Check:    checkWeakTLSProtocol,
		Doc: `SSLv3, TLSv1 and TLSv1.1 are deprecated (RFC 8996) and open to downgrade and padding attacks; WSO2's
security guidelines ask for TLSv1.2 or later on every HTTPS connector.

Example:

    <Connector port="9443" ... sslEnabledProtocols="TLSv1,TLSv1.1,TLSv1.2"/>   (catalina-server.xml)

Fix:

List only current protocols: ` + "`sslEnabledProtocols=\"TLSv1.2,TLSv1.3\"`" + `.`,
	}
}

func checkWeakTLSProtocol(p *Pass) {
	for si := range p.Home.Servers {
		for _, set := range p.Home.Servers[si].SettingsOf(model.KeyConnectorSSLProtocols) {
			if weak := weakProtocols(set.Value); len(weak) > 0 {
				p.Report(p.Home, set.Pos, "connector enables %s in %q; expected only TLSv1.2 and later", strings.Join(weak, ", "), unquote(set.Value))
			}
		}
	}
}

// weakProtocols returns the deprecated protocols a comma-separated list turns
// on, in list order. Tomcat's "+TLSv1" adds and "-TLSv1" removes a protocol.
func weakProtocols(list string) []string {
	var out []string
	for _, tok := range strings.FieldsFunc(unquote(list), func(r rune) bool { return r == ',' || r == ' ' }) {
		if strings.HasPrefix(tok, "-") {
			continue
		}
		tok = strings.TrimPrefix(tok, "+")
		switch strings.ToLower(tok) {
		case "sslv3", "tlsv1", "tlsv1.1":
			out = append(out, tok)
		}
	}
	return out
}
