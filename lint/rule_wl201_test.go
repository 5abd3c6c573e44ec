package lint

import (
	"testing"

	"github.com/wso2lint/wso2lint/internal/model"
)

func TestWL201LiteralPeerPort(t *testing.T) {
	ldap := in(model.SvcEmbeddedLDAP, 10389, 1, ldapXML, 42)
	ldap.Configured = "${Ports.EmbeddedLDAP.LDAPServerPort}"
	url := out(model.SvcLDAPClient, "localhost", 10389, userMgtXML, 60)
	is := home("is", srv(1, []model.Listener{ldap, url}))
	fixedURL := out(model.SvcLDAPClient, "localhost", 10390, userMgtXML, 60)
	remote := out(model.SvcLDAPClient, "ldap.example.com", 10389, userMgtXML, 60)
	km := out(model.SvcKeyManager, "km.example.com", 9443, "repository/conf/api-manager.xml", 30)
	kmLocal := out(model.SvcKeyManager, "km.example.com", 9443, "repository/conf/api-manager.xml", 30)
	am := home("am", srv(0, []model.Listener{in(model.SvcServletHTTPS, 9444, 0, catalinaXML, 80), kmLocal},
		set(model.KeyCarbonHostName, "km.example.com", carbonXML, 12)))
	iskm := home("iskm", srv(1, []model.Listener{in(model.SvcServletHTTPS, 9443, 1, catalinaXML, 80)}))
	jdbc := out(model.SvcJDBC, "localhost", 10389, "repository/conf/datasources/master-datasources.xml", 20)
	testRule(t, "WL201", []ruleCase{
		{
			name:  "ldap url not offset",
			homes: []*model.Home{is},
			want: []string{
				`is|repository/conf/user-mgt.xml:60:5: warning: ldap-client connects to "localhost" port 10389, but nothing on this host listens there: ldap of "is" listens on 10390 (10389 plus offset 1 from repository/conf/carbon.xml:98:5); expected "${Ports.EmbeddedLDAP.LDAPServerPort}" or port 10390 [WL201]`,
			},
		},
		{
			name:  "key manager in another home, by host name",
			homes: []*model.Home{am, iskm},
			want: []string{
				`am|repository/conf/api-manager.xml:30:5: warning: keymanager-url connects to "km.example.com" port 9443, but nothing on this host listens there: servlet-https of "iskm" listens on 9444 (9443 plus offset 1 from repository/conf/carbon.xml:98:5); expected "${mgt.transport.https.port}" or port 9444 [WL201]`,
			},
		},
		{
			name:  "carbon.local.ip is this host",
			homes: []*model.Home{home("is", srv(1, []model.Listener{ldap, out(model.SvcLDAPClient, "${carbon.local.ip}", 10389, userMgtXML, 60)}))},
			want: []string{
				`is|repository/conf/user-mgt.xml:60:5: warning: ldap-client connects to "${carbon.local.ip}" port 10389, but nothing on this host listens there: ldap of "is" listens on 10390 (10389 plus offset 1 from repository/conf/carbon.xml:98:5); expected "${Ports.EmbeddedLDAP.LDAPServerPort}" or port 10390 [WL201]`,
			},
		},
		{
			name:  "effective port used",
			homes: []*model.Home{home("is", srv(1, []model.Listener{ldap, fixedURL}))},
		},
		{
			name:  "remote host",
			homes: []*model.Home{home("is", srv(1, []model.Listener{ldap, remote}))},
		},
		{
			name:  "port served by another listener",
			homes: []*model.Home{is, home("other", srv(0, []model.Listener{fixed("ldap", 10389, ldapXML, 42)}))},
		},
		{
			name:  "remote key manager, other host name",
			homes: []*model.Home{home("am", srv(0, []model.Listener{km})), iskm},
		},
		{
			name:  "service not a peer url",
			homes: []*model.Home{home("is", srv(1, []model.Listener{ldap, jdbc}))},
		},
	})
}
