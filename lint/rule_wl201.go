package lint

import (
	"fmt"
	"slices"
	"strings"

	"github.com/wso2lint/wso2lint/internal/model"
)

func ruleWL201() *Rule {
	carbonFile := `<Server xmlns="http://wso2.org/projects/carbon/carbon.xml">
    <Ports>
        <Offset>1</Offset>
        <EmbeddedLDAP>
            <LDAPServerPort>10389</LDAPServerPort>
        </EmbeddedLDAP>
    </Ports>
</Server>
`
	ldapFile := `<EmbeddedLDAPConfig>
    <EmbeddedLDAP>
        <Property name="enable">true</Property>
        <Property name="port">${Ports.EmbeddedLDAP.LDAPServerPort}</Property>
        <Property name="connectionPassword">Str0ng-ldap-pw</Property>
    </EmbeddedLDAP>
</EmbeddedLDAPConfig>
`
	ex := func() []Example {
		return []Example{
			{Name: "user store URL with the port before the offset", Fires: true, Files: map[string]string{
				"repository/conf/carbon.xml":                 carbonFile,
				"repository/conf/identity/embedded-ldap.xml": ldapFile,
				"repository/conf/user-mgt.xml": `<UserManager>
    <Realm>
        <UserStoreManager class="org.wso2.carbon.user.core.ldap.ReadWriteLDAPUserStoreManager">
            <Property name="ConnectionURL">ldap://localhost:10389</Property>
        </UserStoreManager>
    </Realm>
</UserManager>
`,
			}},
			{Name: "user store URL with the placeholder", Files: map[string]string{
				"repository/conf/carbon.xml":                 carbonFile,
				"repository/conf/identity/embedded-ldap.xml": ldapFile,
				"repository/conf/user-mgt.xml": `<UserManager>
    <Realm>
        <UserStoreManager class="org.wso2.carbon.user.core.ldap.ReadWriteLDAPUserStoreManager">
            <Property name="ConnectionURL">ldap://localhost:${Ports.EmbeddedLDAP.LDAPServerPort}</Property>
        </UserStoreManager>
    </Realm>
</UserManager>
`,
			}},
		}
	}
	return &Rule{
		ID:       "WL201",
		Name:     "literal-peer-port",
		Title:    "a url to this host uses a port before the offset",
		Severity: model.SeverityWarning,
		Scope:    ScopeServer,
		Check:    checkLiteralPeerPort,
		examples: ex,
		doc: func() string {
			return exampleDoc(`Literal ports in peer URLs are never offset. When a server of this host runs with a port offset, a
URL that points at this host with the default (un-offset) port reaches nothing, or worse, another server:
the classic case is the LDAP `+"`ConnectionURL`"+` of user-mgt.xml still saying 10389 while the embedded LDAP,
at offset 1, listens on 10390. The rule looks at key manager, analytics, throttling, JMS broker, LDAP and
other peer URLs whose host is localhost, 127.0.0.1, ::1, empty, ${carbon.local.ip} (the server's own
address) or the server's own HostName, and reports a port that equals the base port of an offset
listener of the host while no listener of the host serves that port.`, ex(), `Use the placeholder, which follows the offset (`+"`ldap://localhost:${Ports.EmbeddedLDAP.LDAPServerPort}`"+`,
`+"`https://localhost:${mgt.transport.https.port}/services/`"+`), or write the effective port (10390).`)
		},
	}
}

// peerService reports whether id is an outbound service whose URL may point
// at this host.
func peerService(id string) bool {
	switch id {
	case model.SvcLDAPClient, model.SvcKeyManager, model.SvcAnalyticsURL, model.SvcThrottleURL,
		model.SvcThrottleAuth, model.SvcJMSBroker, model.SvcPeerURL:
		return true
	}
	return false
}

// portPlaceholder returns the placeholder that follows the offset for the
// listener with service id, or "".
func portPlaceholder(id string) string {
	switch id {
	case model.SvcEmbeddedLDAP:
		return "${Ports.EmbeddedLDAP.LDAPServerPort}"
	case model.SvcKDC:
		return "${Ports.EmbeddedLDAP.KDCServerPort}"
	case model.SvcJMXRegistry:
		return "${Ports.JMX.RMIRegistryPort}"
	case model.SvcJMXServer:
		return "${Ports.JMX.RMIServerPort}"
	case model.SvcThriftEntitle:
		return "${Ports.ThriftEntitlementReceivePort}"
	case model.SvcServletHTTPS:
		return "${mgt.transport.https.port}"
	case model.SvcServletHTTP:
		return "${mgt.transport.http.port}"
	case model.SvcPassthruHTTP:
		return "${http.nio.port}"
	case model.SvcPassthruHTTPS:
		return "${https.nio.port}"
	}
	return ""
}

func checkLiteralPeerPort(p *Pass) {
	x := p.claimIndex()
	claims := x.Claims()
	s := p.Server
	for _, l := range s.Listeners {
		if !outbound(l) || !peerService(l.ID) || !localHost(s, l.Host) {
			continue
		}
		port := l.Port()
		listened := false
		x.Overlapping(&model.Listener{Base: port, Proto: l.Proto}, func(i int) bool {
			listened = claims[i].Listener.Contains(port)
			return !listened
		})
		if listened {
			continue
		}
		i := slices.IndexFunc(claims, func(c model.Claim) bool {
			m := c.Listener
			return m.Offsetable && m.Offset != 0 && m.BaseEnd == 0 && m.Base == port && m.Proto == l.Proto
		})
		if i < 0 {
			continue
		}
		m := claims[i]
		p.Reportf(l.Source,
			"%s connects to %q port %d, but nothing on this host listens there: %s of %s listens on %d (%d plus %s); expected %s",
			l.ID, l.Host, port, m.Listener.ID, serverName(m.Home, m.Server), m.Listener.Port(), m.Listener.Base, offsetFrom(m.Server), peerFix(*m.Listener))
	}
}

// localHost reports whether host names this host from the server's view.
func localHost(s *model.Server, host string) bool {
	host = strings.Trim(strings.TrimSpace(host), "[]")
	switch strings.ToLower(host) {
	case "", "localhost", "127.0.0.1", "::1", "0.0.0.0",
		"${carbon.local.ip}": // Carbon sets carbon.local.ip to the server's own address

		return true
	}
	for _, key := range []string{model.KeyCarbonHostName, model.KeyTomlPrefix + "server.hostname"} {
		if set, ok := s.Setting(key); ok && unquote(set.Value) != "" && strings.EqualFold(unquote(set.Value), host) {
			return true
		}
	}
	return false
}

// peerFix proposes the placeholder that follows the offset, or the effective port.
func peerFix(m model.Listener) string {
	ph := portPlaceholder(m.ID)
	if strings.HasPrefix(m.Configured, "${") {
		ph = m.Configured
	}
	if ph == "" {
		return fmt.Sprintf("port %d", m.Port())
	}
	return fmt.Sprintf("%q or port %d", ph, m.Port())
}
