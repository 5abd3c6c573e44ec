package catalog

// TomlSection is a deployment.toml table whose keys are all known, so that an
// unknown key under it is almost surely a typo or an invented key (which the
// server ignores silently). Tables that pass keys through (the Tomcat
// connector [transport.https.properties], datasource options, event handler
// properties) are deliberately absent: wso2lint only judges keys under the
// tables listed here.
type TomlSection struct {
	// Prefix is the dotted table name ("monitoring.jmx").
	Prefix string
	// Keys are the known keys under it, relative to Prefix ("rmi_server_start").
	Keys []string
	// Source says where the list comes from.
	Source string
}

// TomlSections returns the tables whose keys wso2lint knows, built from the
// corpus deployment.toml files (API Manager 3.2-4.5, Identity Server 5.11-7.1,
// Micro Integrator 1.2-4.3 and MI's deployment-full.toml) and DOMAIN.md §5.
// The slice is new on every call.
func TomlSections() []TomlSection {
	const corpus = "corpus deployment.toml files and DOMAIN.md §5"
	return []TomlSection{
		{Prefix: "super_admin", Keys: []string{"username", "password", "create_admin_account", "admin_role"}, Source: corpus},
		{Prefix: "monitoring.jmx", Keys: []string{"rmi_registry_port", "rmi_server_port", "rmi_server_start", "rmi_hostname"}, Source: corpus},
		{Prefix: "apim.ws", Keys: []string{"port", "enable"}, Source: corpus},
		{Prefix: "apim.wss", Keys: []string{"port", "enable"}, Source: corpus},
		{Prefix: "apim.webhooks", Keys: []string{"enable", "https.port"}, Source: corpus},
		{Prefix: "broker.transport.amqp", Keys: []string{"enabled", "default_connection.port", "default_connection.host",
			"ssl_connection.port", "ssl_connection.host"}, Source: corpus},
		{Prefix: "transport.binary.receiver", Keys: []string{"tcpPort", "sslPort", "enable", "hostname"}, Source: corpus},
		{Prefix: "transport.thrift.receiver", Keys: []string{"tcpPort", "sslPort", "enable", "hostname"}, Source: corpus},
		{Prefix: "clustering", Keys: []string{"membership_scheme", "local_member_host", "local_member_port", "domain",
			"members", "multicast_port", "properties"}, Source: corpus},
		{Prefix: "keystore.tls", Keys: []string{"file_name", "type", "password", "alias", "key_password"}, Source: corpus},
		{Prefix: "keystore.primary", Keys: []string{"file_name", "type", "password", "alias", "key_password"}, Source: corpus},
		{Prefix: "keystore.internal", Keys: []string{"file_name", "type", "password", "alias", "key_password"}, Source: corpus},
		{Prefix: "truststore", Keys: []string{"file_name", "type", "password", "algorithm"}, Source: corpus},
	}
}

// TomlTransports lists the transport names known under [transport.<name>]
// (second segment of the key). A key under another transport name is an
// invented one, e.g. [transport.servlet_http.connector].
func TomlTransports() []string {
	return []string{"binary", "blocking", "fix", "hl7", "http", "https", "jms", "jndi", "kafka", "local", "mail", "mqtt",
		"msmq", "passthru_http", "passthru_https", "rabbitmq", "sap", "tcp", "thrift", "udp", "vfs", "ws", "wss"}
}
