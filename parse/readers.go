package parse

// step reads one file (or kind of file) of a server.
type step func(s *server) error

// steps lists every reader of a server, in the order they run. The order
// matters:
//   - carbon.xml first: its Ports tree resolves ${Ports.*} placeholders for the
//     readers after it;
//   - then the start script (its -DportOffset beats carbon.xml);
//   - then the Carbon 4.4.x core files; readHazelcast runs after readAxis2, as
//     it overrides the clustering listeners axis2.xml recorded;
//   - then the product files, which may look at what the core readers recorded
//     (servlet ports, clustering);
//   - deployment.toml last: it knows which XML files it renders and so which
//     readings above it replaces.
func steps() []step {
	return []step{
		// carbon.xml and the start scripts (bin/wso2server.sh, api-manager.sh, ...)
		readCarbon,
		readScript,
		// Carbon 4.4.x core files
		readCatalina,
		readAxis2,
		readHazelcast,
		readJMX,
		readLog4j,
		// product files: EI analytics deployment.yaml, MSF4J, data-bridge,
		// broker.xml, embedded LDAP, identity.xml, user-mgt.xml, the OWASP
		// CSRFGuard properties, api-manager.xml, inbound endpoints, Spark,
		// event-processor.xml, jndi.properties, datasources and the 4.4.x
		// product extras
		readDeploymentYAML,
		readMSF4J,
		readDataBridge,
		readBroker,
		readEmbeddedLDAP,
		readIdentity,
		readUserMgt,
		readCSRFGuard,
		readAPIManager,
		readInbound,
		readSpark,
		readEventProcessor,
		readJNDI,
		readDatasources,
		readJNDIProvider,
		readMachineLearner,
		readCassandra,
		readHDFS,
		readPush,
		// deployment.toml-era homes
		readToml,
	}
}
