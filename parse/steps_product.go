package parse

// productSteps lists the parsers of product files (api-manager.xml, broker.xml,
// data-bridge, embedded LDAP, identity.xml, user-mgt.xml, inbound endpoints,
// the OWASP CSRFGuard properties, Spark, event-processor.xml, jndi.properties,
// datasources, EI analytics
// deployment.yaml and the 4.4.x product extras). They run after the core steps,
// so a parser may look at what those recorded (servlet ports, clustering).
func productSteps() []step {
	return []step{
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
	}
}
