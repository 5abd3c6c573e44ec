package catalog

import "github.com/wso2lint/wso2lint/internal/model"

// carbonEntries returns the ports that the Carbon 4.4.x kernel gives every
// product (the seed's "Common ports").
func carbonEntries() []Entry {
	return []Entry{
		{
			Service: model.SvcServletHTTP, Port: 9763, Proto: model.ProtoTCP, Dir: model.DirIn,
			Exposure: model.ExposureManagement, Offset: true, DefaultOn: true,
			File: "tomcat/catalina-server.xml", Location: "Service/Connector[@port] (the plain HTTP connector)",
			Description: "servlet transport over HTTP: management console and admin services",
			Note:        "public for API Manager and Identity Server, whose portals and login pages share the port",
		},
		{
			Service: model.SvcServletHTTPS, Port: 9443, Proto: model.ProtoTCP, Dir: model.DirIn,
			Exposure: model.ExposureManagement, Offset: true, DefaultOn: true,
			File: "tomcat/catalina-server.xml", Location: "Service/Connector[@scheme=\"https\"]/@port",
			Description: "servlet transport over HTTPS: management console (/carbon) and admin services",
			Note:        "public for API Manager and Identity Server, whose portals and login pages share the port",
		},
		{
			Service: model.SvcJMXRegistry, Port: 9999, Proto: model.ProtoTCP, Dir: model.DirIn,
			Exposure: model.ExposureManagement, Offset: true, DefaultOn: true,
			File: "carbon.xml", Location: "Ports/JMX/RMIRegistryPort",
			Description: "JMX RMI registry, for JMX clients such as JConsole",
			Note: "the seed swaps the two JMX ports (it calls 11111 the registry); carbon.xml and the kernel use 9999 for the registry; " +
				"etc/jmx.xml reads it as ${Ports.JMX.RMIRegistryPort} and opens it when StartRMIServer is true; binds all interfaces whatever jmx.xml HostName says",
		},
		{
			Service: model.SvcJMXServer, Port: 11111, Proto: model.ProtoTCP, Dir: model.DirIn,
			Exposure: model.ExposureManagement, Offset: true, DefaultOn: true,
			File: "carbon.xml", Location: "Ports/JMX/RMIServerPort",
			Description: "JMX RMI server, used together with the registry port by remote JMX clients",
			Note: "the seed swaps the two JMX ports (it calls 9999 the RMI server); carbon.xml and the kernel use 11111 for the RMI server; " +
				"etc/jmx.xml reads it as ${Ports.JMX.RMIServerPort}",
		},
		{
			Service: model.SvcHazelcastMember, Port: 4000, Proto: model.ProtoTCP, Dir: model.DirIn,
			Exposure: model.ExposureCluster, Offset: false, DefaultOn: false,
			File: "axis2/axis2.xml", Location: "clustering/parameter[@name=\"localMemberPort\"]",
			Description: "Hazelcast cluster member port",
			Note: "only with clustering enabled; never offset; Hazelcast takes 4001, 4002, ... when the port is in use, so several members on one host need a range; " +
				"members talk over TCP on this port whatever the membership scheme (the seed ties it to wka only)",
		},
		{
			Service: model.SvcHazelcastMcast, Port: 45564, Proto: model.ProtoUDP, Dir: model.DirIn,
			Exposure: model.ExposureCluster, Offset: false, DefaultOn: false,
			File: "axis2/axis2.xml", Location: "clustering/parameter[@name=\"mcastPort\"]",
			Description: "Hazelcast multicast discovery",
			Note:        "only with clustering enabled and membershipScheme multicast; discovery only, members still need the TCP member port; never offset",
		},
		{
			Service: model.SvcEmbeddedLDAP, Port: 10389, Proto: model.ProtoTCP, Dir: model.DirIn,
			Exposure: model.ExposureLocal, Offset: true, DefaultOn: false,
			File: "carbon.xml", Location: "Ports/EmbeddedLDAP/LDAPServerPort",
			Description: "embedded LDAP server (ApacheDS)",
			Note: "identity/embedded-ldap.xml reads it as ${Ports.EmbeddedLDAP.LDAPServerPort} and starts it when its enable property is true (Identity Server ships it on; products without identity/embedded-ldap.xml never start it); " +
				"binds all interfaces; a literal ldap://localhost:10389 client URL is not offset",
		},
		{
			Service: model.SvcKDC, Port: 8000, Proto: model.ProtoUDP, Dir: model.DirIn,
			Exposure: model.ExposureLocal, Offset: true, DefaultOn: false,
			File: "carbon.xml", Location: "Ports/EmbeddedLDAP/KDCServerPort",
			Description: "Kerberos key distribution center of the embedded LDAP server",
			Note:        "switched on in identity/embedded-ldap.xml KDCServer (off by default); the seed names no protocol: the KDC uses UDP",
		},
		{
			Service: model.SvcSyslog, Port: 514, Proto: model.ProtoUDP, Dir: model.DirOut,
			Exposure: model.ExposureOutbound, Offset: false, DefaultOn: false,
			File: "log4j.properties", Location: "log4j.appender.<name>.SyslogHost",
			Description: "log4j SyslogAppender sending to a syslog server",
			Note:        "outbound to the host the appender names; the appender also opens a random local UDP port, which is a lint finding rather than a catalog port",
		},
	}
}
