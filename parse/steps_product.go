package parse

// productSteps lists the parsers of product files (api-manager.xml, broker.xml,
// data-bridge, embedded LDAP, identity.xml, user-mgt.xml, inbound endpoints,
// Spark, event-processor.xml, jndi.properties, EI analytics).
func productSteps() []step { return nil }
