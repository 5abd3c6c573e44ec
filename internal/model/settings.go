package model

// Setting keys. Parsers record these facts in Server.Settings; lint rules read
// them. A key names the file kind and the configuration item; values are as
// written in the file (trimmed). Add a key here before using it elsewhere.
const (
	// carbon.xml
	KeyCarbonOffset           = "carbon.Ports.Offset" // the <Offset> value
	KeyCarbonHostName         = "carbon.HostName"     // <HostName>; absent or empty when unset
	KeyCarbonMgtHostName      = "carbon.MgtHostName"  // <MgtHostName>
	KeyKeyStoreLocation       = "carbon.Security.KeyStore.Location"
	KeyKeyStorePassword       = "carbon.Security.KeyStore.Password"
	KeyKeyStoreKeyPassword    = "carbon.Security.KeyStore.KeyPassword"
	KeyTrustStoreLocation     = "carbon.Security.TrustStore.Location"
	KeyTrustStorePassword     = "carbon.Security.TrustStore.Password"
	KeyCarbonHideAdminConsole = "carbon.HideAdminServiceWSDLs"

	// etc/jmx.xml
	KeyJMXStartRMIServer = "jmx.StartRMIServer" // "true"/"false"

	// tomcat/catalina-server.xml; one per connector, Pos at the attribute
	KeyConnectorSSLProtocols = "catalina.Connector.sslEnabledProtocols" // value of sslEnabledProtocols (or sslProtocol)
	KeyConnectorKeystorePass = "catalina.Connector.keystorePass"

	// axis2/axis2.xml clustering
	KeyClusteringEnable           = "axis2.clustering.enable"           // "true"/"false"
	KeyClusteringMembershipScheme = "axis2.clustering.membershipScheme" // "multicast", "wka", "kubernetes", ...

	// bin/wso2server.sh and .bat; Value is the option as written, Pos on it.
	// Only options that are always on are recorded (not the stock --debug branch).
	KeyScriptPortOffset        = "script.portOffset"        // -DportOffset=N
	KeyScriptJMXRemote         = "script.jmxremote"         // -Dcom.sun.management.jmxremote
	KeyScriptJMXRemotePort     = "script.jmxremote.port"    // -Dcom.sun.management.jmxremote.port=N
	KeyScriptJDWP              = "script.jdwp"              // -agentlib:jdwp=... / -Xdebug -Xrunjdwp:...
	KeyScriptHostnameVerifier  = "script.hostnameVerifier"  // -Dhttpclient.hostnameVerifier=AllowAll
	KeyScriptAvoidConfigUpdate = "script.avoidConfigUpdate" // -DavoidConfigUpdate=true
	KeyScriptProfile           = "script.profile"           // -Dprofile=gateway-worker

	// user-mgt.xml
	KeyAdminUserName  = "usermgt.AdminUser.UserName"
	KeyAdminPassword  = "usermgt.AdminUser.Password"
	KeyUserStoreClass = "usermgt.UserStoreManager.class"

	// identity/embedded-ldap.xml
	KeyEmbeddedLDAPEnable   = "ldap.EmbeddedLDAP.enable"
	KeyEmbeddedLDAPPassword = "ldap.EmbeddedLDAP.connectionPassword"

	// deployment.toml: every key is recorded as KeyTomlPrefix + the dotted key as
	// written after alias resolution ("toml.server.offset"), Value as text.
	KeyTomlPrefix = "toml."
)
