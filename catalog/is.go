package catalog

import "github.com/wso2lint/wso2lint/internal/model"

// isEntries returns the Identity Server 5.x ports beyond the common ones.
func isEntries() []Entry {
	const loginNote = "public: login pages, OAuth/OpenID Connect, SAML and SCIM endpoints share the port with the /carbon console"
	return []Entry{
		{
			Service: model.SvcServletHTTP, Port: 9763, Proto: model.ProtoTCP, Dir: model.DirIn,
			Exposure: model.ExposurePublic, Offset: true, DefaultOn: true,
			File: "tomcat/catalina-server.xml", Location: "Service/Connector[@port] (the plain HTTP connector)",
			Description: "servlet transport over HTTP: identity endpoints, console and admin services",
			Note:        loginNote,
		},
		{
			Service: model.SvcServletHTTPS, Port: 9443, Proto: model.ProtoTCP, Dir: model.DirIn,
			Exposure: model.ExposurePublic, Offset: true, DefaultOn: true,
			File: "tomcat/catalina-server.xml", Location: "Service/Connector[@scheme=\"https\"]/@port",
			Description: "servlet transport over HTTPS: identity endpoints, console and admin services",
			Note:        loginNote,
		},
		{
			Service: model.SvcEmbeddedLDAP, Port: 10389, Proto: model.ProtoTCP, Dir: model.DirIn,
			Exposure: model.ExposureLocal, Offset: true, DefaultOn: true,
			File: "carbon.xml", Location: "Ports/EmbeddedLDAP/LDAPServerPort",
			Description: "embedded LDAP server (ApacheDS), the default primary user store",
			Note: "identity/embedded-ldap.xml reads it as ${Ports.EmbeddedLDAP.LDAPServerPort}; enable is true in the shipped file; " +
				"binds all interfaces; a literal ldap://localhost:10389 client URL is not offset",
		},
		{
			Service: model.SvcThriftEntitle, Port: 10500, Proto: model.ProtoTCP, Dir: model.DirIn,
			Exposure: model.ExposureManagement, Offset: true, DefaultOn: false,
			File: "identity/identity.xml", Location: "EntitlementSettings/ThirftBasedEntitlementConfig/ReceivePort",
			Description: "Thrift entitlement (XACML PDP) service for policy enforcement points",
			Note: "the element name is misspelt (Thirft) in the shipped file; its value ${Ports.ThriftEntitlementReceivePort} comes from carbon.xml; " +
				"on only when EnableThriftService is true (off by default)",
		},
	}
}

// isKMEntries returns the ports of the Identity Server key manager pack
// (wso2is-km): Identity Server's, plus the key manager's Thrift server that
// API Manager 2.x gateways call (its api-manager.xml ships EnableThriftServer
// true, as API Manager's does).
func isKMEntries() []Entry {
	es := isEntries()
	for i := range es {
		if es[i].Service == model.SvcEmbeddedLDAP {
			es[i].Note += "; whether the key manager pack ships embedded-ldap.xml enabled as Identity Server does is unverified " +
				"(API Manager ships it disabled)"
		}
	}
	return append(es, keyManagerThrift())
}
