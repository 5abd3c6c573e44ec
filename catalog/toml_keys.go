package catalog

import (
	"github.com/wso2lint/wso2lint/internal/model"
	prodtable "github.com/wso2lint/wso2lint/internal/product"
)

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
	// NearOnly marks a table that also takes keys wso2lint does not list
	// ([server] differs between products and versions): only a key written
	// directly under it that is a near miss of a listed key (a typo such as
	// "ofset") is judged; any other key passes.
	NearOnly bool
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
		{Prefix: "apim.webhooks", Keys: []string{"enable", "https.port", "https.enable"}, Source: corpus},
		{Prefix: "broker.transport.amqp", Keys: []string{"enabled", "default_connection.port", "default_connection.host",
			"default_connection.enabled", "ssl_connection.port", "ssl_connection.host", "ssl_connection.enabled"}, Source: corpus},
		{Prefix: "transport.binary.receiver", Keys: []string{"tcpPort", "sslPort", "enable", "hostname"}, Source: corpus},
		{Prefix: "transport.thrift.receiver", Keys: []string{"tcpPort", "sslPort", "enable", "hostname"}, Source: corpus},
		{Prefix: "clustering", Keys: []string{"membership_scheme", "local_member_host", "local_member_port", "domain",
			"members", "multicast_port", "properties"}, Source: corpus},
		{Prefix: "keystore.tls", Keys: []string{"file_name", "type", "password", "alias", "key_password"}, Source: corpus},
		{Prefix: "keystore.primary", Keys: []string{"file_name", "type", "password", "alias", "key_password"}, Source: corpus},
		{Prefix: "keystore.internal", Keys: []string{"file_name", "type", "password", "alias", "key_password"}, Source: corpus},
		{Prefix: "truststore", Keys: []string{"file_name", "type", "password", "alias", "algorithm"},
			Source: corpus + "; Micro Integrator keeps its secure-vault key in the truststore (alias, algorithm)"},
		{Prefix: "server", NearOnly: true, Keys: []string{
			"hostname", "node_ip", "offset", "mode", "base_path", "server_role", "discard_empty_caches",
			"disable_shutdown_from_ui", "disable_restart_from_ui", "default_cache_timeout", "force_local_cache",
			"enableMTOM", "enableSwA", "enable_mtom", "enable_swa", "send_stacktrace_details_with_faults",
			"drill_down_to_root_cause_for_fault_reason", "userAgent", "serverDetails", "hide_menu_items",
			"globally_engaged_modules", "proxy_context_path", "hot_deployment", "hide_admin_service_wsdl",
			"hide_admin_service_wsdls", "enable_security_deployment_interceptor", "synapse_config_file_path",
			"identity_server_username", "identity_server_password", "http_content_negotiation",
			"auth2_token_validation_service", "enable_port_forward", "pattern", "internal_hostname"},
			Source: corpus + ", API Manager default.json and the API Manager config catalog"},
	}
}

// TomlTables lists the top-level table names (first part of a dotted key)
// that the products know, from the corpus deployment.toml files (with their
// commented-out examples), MI's deployment-full.toml, API Manager's
// default.json and the Identity Server config catalog. The products take more
// than these, so a name that is not listed is judged only when it is a near
// miss of a listed one ([sever]). The slice is new on every call.
func TomlTables() []string {
	return []string{
		"account_recovery", "admin_console", "admin_service", "analytics", "apim", "authentication", "authorization_manager",
		"blocking", "broker", "catalina", "clustering", "config_data", "config_endpoint", "console", "cors",
		"custom_message_builders", "custom_message_formatters", "custom_transport", "dashboard_config", "database",
		"datasource", "default_cache_timeout", "embedded_ldap", "encryption", "error_page", "event_handler",
		"event_listener", "external_vault", "governance", "governance_data", "http_access_log", "identity",
		"identity_mgt", "indexing", "integration", "internal_apis", "keystore", "management_api", "mediation",
		"message_builder", "message_builders", "message_formatter", "message_formatters", "monitoring",
		"multi_tenancy", "myaccount", "n_http", "oauth", "opentelemetry", "output_adapter", "passive_sts",
		"passthru_http", "prometheus_api", "qpid", "realm_manager", "recaptcha", "resource",
		"resource_access_control", "saml", "scim2", "secrets", "server", "server_conf", "service_catalog",
		"service_provider", "session", "static_configuration", "sts", "super_admin", "synapse_handlers",
		"synapse_properties", "system", "system_applications", "tasks", "tenant_context", "tenant_mgt",
		"throttle_properties", "tomcat", "transaction_counter", "transport", "truststore", "user_store",
		"user_store_mgt", "version_resources", "xml_input_factory",
	}
}

// TomlKeyMistake is a key that one product ignores while another product (or
// another spelling) uses it: [transport.http] enable works in API Manager 4.7+
// but Identity Server reads enabled.
type TomlKeyMistake struct {
	// Products are the product keys that ignore Key.
	Products []model.ProductKey
	// Key is the dotted key as written; Want is the key the product reads.
	Key, Want string
	// Source says where the fact comes from.
	Source string
}

// TomlKeyMistakes lists keys known to be ignored by some products. The slice
// is new on every call.
func TomlKeyMistakes() []TomlKeyMistake {
	amKeys, isKeys := prodtable.Family(model.KeyAM), prodtable.Family(model.KeyIS)
	const is = "DOMAIN.md §5: Identity Server switches the servlet transports with transport.http.enabled / transport.https.enabled"
	const mi = "DOMAIN.md §5: Micro Integrator has no passthru_* keys; its PassThrough listeners switch with transport.http.listener.enable / secured_enable"
	const am = "DOMAIN.md §5: API Manager switches the PassThrough listeners with transport.passthru_http(s).listener.enable only"
	return []TomlKeyMistake{
		{Products: isKeys, Key: "transport.http.enable", Want: "transport.http.enabled", Source: is},
		{Products: isKeys, Key: "transport.https.enable", Want: "transport.https.enabled", Source: is},
		{Products: []model.ProductKey{model.KeyMI}, Key: "transport.passthru_http.listener.enable", Want: "transport.http.listener.enable", Source: mi},
		{Products: []model.ProductKey{model.KeyMI}, Key: "transport.passthru_https.listener.enable", Want: "transport.http.listener.secured_enable", Source: mi},
		{Products: []model.ProductKey{model.KeyMI}, Key: "transport.https.listener.enable", Want: "transport.http.listener.secured_enable", Source: mi},
		{Products: amKeys, Key: "transport.http.listener.enable", Want: "transport.passthru_http.listener.enable", Source: am},
		{Products: amKeys, Key: "transport.https.listener.enable", Want: "transport.passthru_https.listener.enable", Source: am},
	}
}

// TomlTransports lists the transport names known under [transport.<name>]
// (second segment of the key). A key under another transport name is an
// invented one, e.g. [transport.servlet_http.connector].
// Only keys of a table under [transport.<name>] are judged: a key directly under
// [transport] (MI's default_content_type) is not a transport name. Besides the
// transports, MI's deployment-full.toml has the axis2 tables parameters,
// modules and phase_order(s) under [transport], and API Manager's default.json
// has netty, blocking_http(s), receiver and client. The most used names come
// first: the nearest-key suggestion prefers earlier names on ties.
func TomlTransports() []string {
	return []string{"http", "https", "passthru_http", "passthru_https", "ws", "wss", "binary", "thrift", "jms",
		"blocking", "blocking_http", "blocking_https", "client", "fix", "hl7", "jndi", "kafka", "local", "mail", "modules",
		"mqtt", "msmq", "netty", "parameters", "phase_order", "phase_orders", "rabbitmq", "receiver", "sap", "tcp", "udp", "vfs"}
}
