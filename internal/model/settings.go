package model

// Setting keys. Parsers record these facts in Server.Settings; lint rules read
// them. A key names the file kind and the configuration item; values are as
// written in the file (trimmed). Add a key here before using it elsewhere.
const (
	// carbon.xml
	KeyCarbonHostName         = "carbon.HostName"    // <HostName>; absent or empty when unset
	KeyCarbonMgtHostName      = "carbon.MgtHostName" // <MgtHostName>
	KeyKeyStoreLocation       = "carbon.Security.KeyStore.Location"
	KeyKeyStorePassword       = "carbon.Security.KeyStore.Password"
	KeyKeyStoreKeyPassword    = "carbon.Security.KeyStore.KeyPassword"
	KeyTrustStoreLocation     = "carbon.Security.TrustStore.Location"
	KeyTrustStorePassword     = "carbon.Security.TrustStore.Password"
	KeyCarbonHideAdminConsole = "carbon.HideAdminServiceWSDLs"

	// <Security><InternalKeyStore>: the keystore that encrypts internal data
	// (IS 5.7+, EI 6.4 profiles); absent means the primary <KeyStore>.
	KeyInternalKeyStoreLocation    = "carbon.Security.InternalKeyStore.Location"
	KeyInternalKeyStorePassword    = "carbon.Security.InternalKeyStore.Password"
	KeyInternalKeyStoreKeyPassword = "carbon.Security.InternalKeyStore.KeyPassword"

	// etc/jmx.xml
	KeyJMXStartRMIServer = "jmx.StartRMIServer" // "true"/"false"

	// tomcat/catalina-server.xml; one per connector, Pos at the attribute
	KeyConnectorSSLProtocols = "catalina.Connector.sslEnabledProtocols" // value of sslEnabledProtocols (or sslProtocol)
	KeyConnectorKeystorePass = "catalina.Connector.keystorePass"

	// axis2/axis2.xml clustering
	KeyClusteringEnable           = "axis2.clustering.enable"           // "true"/"false"
	KeyClusteringMembershipScheme = "axis2.clustering.membershipScheme" // "multicast", "wka", "kubernetes", ...

	// axis2/axis2.xml PassThrough (or NIO) HTTPS transportReceiver parameter
	// HttpsProtocols; one per receiver, Pos at the parameter's text.
	KeyPassthruHTTPSProtocols = "axis2.transportReceiver.HttpsProtocols"

	// bin/wso2server.sh and .bat (and the other start scripts); Value is the
	// option as written, Pos on it. Options of the stock --debug branch are
	// not recorded; JDWP under any other condition of the script is.
	KeyScriptJMXRemote        = "script.jmxremote"        // -Dcom.sun.management.jmxremote and its .rmi.port, .authenticate, .ssl options
	KeyScriptJMXRemotePort    = "script.jmxremote.port"   // -Dcom.sun.management.jmxremote.port=N
	KeyScriptJDWP             = "script.jdwp"             // -agentlib:jdwp=... / -Xdebug -Xrunjdwp:...
	KeyScriptHostnameVerifier = "script.hostnameVerifier" // -Dhttpclient.hostnameVerifier=AllowAll
	KeyScriptIgnoreHostname   = "script.ignoreHostname"   // -Dorg.wso2.ignoreHostnameVerification=true, -Dorg.opensaml.httpclient.https.disableHostnameVerification=true
	KeyScriptProfile          = "script.profile"          // -Dprofile=gateway-worker

	// datasources/*.xml (master-datasources.xml and product files): the
	// <password> of each datasource's definition/configuration, Pos at its text.
	KeyDatasourcePassword = "datasources.password"

	// user-mgt.xml
	KeyAdminUserName  = "usermgt.AdminUser.UserName"
	KeyAdminPassword  = "usermgt.AdminUser.Password"
	KeyUserStoreClass = "usermgt.UserStoreManager.class"
	// KeyUserStoreSkipped is a secondary <UserStoreManager> without a
	// DomainName property, which Carbon skips with a warning: Value is its
	// class, Pos its start tag.
	KeyUserStoreSkipped = "usermgt.UserStoreManager.skipped"

	// identity/embedded-ldap.xml
	KeyEmbeddedLDAPEnable   = "ldap.EmbeddedLDAP.enable"
	KeyEmbeddedLDAPPassword = "ldap.EmbeddedLDAP.connectionPassword"

	// Secure vault: a password element carrying a secret alias
	// (svns:secretAlias="...", any prefix bound to the secure vault namespace
	// http://org.wso2.securevault/configuration, or an unprefixed secretAlias)
	// is resolved from the vault at run time, and its text is not the password.
	// Value is the alias; Pos is the Pos of the password setting recorded for
	// the same element (its text), so that rules match the two by position.
	KeySecretAlias = "securevault.secretAlias"

	// deployment.toml: every key is recorded as KeyTomlPrefix + the dotted key as
	// written after alias resolution ("toml.server.offset"), Value as text.
	KeyTomlPrefix = "toml."
)
