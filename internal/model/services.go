package model

// Service IDs: the stable names of listeners. parse sets them, catalog describes
// them, lint and emit read them, and the JSON output prints them. Never rename one.
const (
	// Carbon core
	SvcServletHTTP     = "servlet-http"     // catalina-server.xml HTTP connector, 9763
	SvcServletHTTPS    = "servlet-https"    // catalina-server.xml HTTPS connector, 9443
	SvcPassthruHTTP    = "passthru-http"    // axis2.xml PassThrough (or NIO) HTTP listener, 8280
	SvcPassthruHTTPS   = "passthru-https"   // axis2.xml PassThrough (or NIO) HTTPS listener, 8243
	SvcJMXRegistry     = "jmx-rmi-registry" // carbon.xml Ports/JMX/RMIRegistryPort, 9999
	SvcJMXServer       = "jmx-rmi-server"   // carbon.xml Ports/JMX/RMIServerPort, 11111
	SvcHazelcastMember = "hazelcast-member" // axis2.xml clustering localMemberPort, 4000/tcp (+range)
	SvcHazelcastMcast  = "hazelcast-multicast"
	SvcEmbeddedLDAP    = "ldap"               // embedded-ldap.xml, 10389
	SvcKDC             = "kdc"                // embedded-ldap.xml KDCServer, 8000/udp
	SvcThriftEntitle   = "thrift-entitlement" // identity.xml, 10500
	SvcJDWP            = "jdwp"               // start script debug agent
	SvcJMXRemote       = "jmxremote"          // -Dcom.sun.management.jmxremote.port

	// Data bridge and analytics receivers
	SvcDatabridgeThrift    = "databridge-thrift"     // 7611
	SvcDatabridgeThriftSSL = "databridge-thrift-ssl" // 7711
	SvcDatabridgeBinary    = "databridge-binary"     // 9611
	SvcDatabridgeBinarySSL = "databridge-binary-ssl" // 9711

	// Message broker (Andes)
	SvcAMQP        = "amqp"         // 5672
	SvcAMQPSSL     = "amqp-ssl"     // 8672
	SvcMQTT        = "mqtt"         // 1883
	SvcMQTTSSL     = "mqtt-ssl"     // 8883
	SvcAndesThrift = "andes-thrift" // broker.xml coordination thriftServerPort, 7611

	// API Manager
	SvcWebSocket       = "websocket"         // inbound endpoint ws, 9099
	SvcWebSocketSecure = "websocket-secure"  // inbound endpoint wss, 8099
	SvcWebhookHTTP     = "webhook-http"      // 9021
	SvcWebhookHTTPS    = "webhook-https"     // 8021
	SvcKeyMgrThrift    = "keymanager-thrift" // api-manager.xml ThriftServerPort, 10397

	// Micro Integrator
	SvcMIManagementAPI = "mi-management-api" // internal_https_api_port, 9154 (+10)
	SvcMIInternalHTTP  = "mi-internal-http"  // internal_http_api_port, 9191 (+10)
	SvcInboundHTTP     = "inbound-http"      // synapse inbound endpoint (http/https/hl7)

	// Outbound (Dir == DirOut)
	SvcSyslog       = "syslog"            // log4j SyslogAppender, 514/udp
	SvcLog4jSocket  = "log4j-socket"      // log4j SocketAppender
	SvcLDAPClient   = "ldap-client"       // user-mgt.xml ConnectionURL
	SvcJDBC         = "jdbc"              // datasource URL
	SvcSMTP         = "smtp"              // mail sender
	SvcKeyManager   = "keymanager-url"    // api-manager.xml APIKeyValidator ServerURL
	SvcAnalyticsURL = "analytics-url"     // analytics / event receiver URL
	SvcThrottleURL  = "throttle-receiver" // traffic-manager receiver URL
	SvcThrottleAuth = "throttle-auth"     // traffic-manager auth URL
	SvcJMSBroker    = "jms-broker"        // jndi.properties / api-manager.xml broker URL
	SvcPeerURL      = "peer-url"          // any other literal URL to a peer
)
