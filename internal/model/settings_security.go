package model

// Security settings read for the hardening rules (WL305, WL306, WL313-WL318).
// Positions are those of the value (element text or attribute value).
const (
	// carbon.xml
	KeyCarbonEnableHTTPAdminConsole = "carbon.EnableHTTPAdminConsole"        // <EnableHTTPAdminConsole>
	KeyCarbonXSSPreventionEnabled   = "carbon.Security.XSSPreventionConfig"  // <Security><XSSPreventionConfig><Enabled>
	KeyCarbonCSRFPreventionEnabled  = "carbon.Security.CSRFPreventionConfig" // <Security><CSRFPreventionConfig><Enabled>

	// security/Owasp.CsrfGuard.Carbon.properties org.owasp.csrfguard.Enabled.
	KeyCSRFGuardEnabled = "csrfguard.Enabled"

	// axis2.xml PassThrough HTTPS listener (transportReceiver https) keystore and truststore.
	KeyPassthruKeyStoreLocation   = "axis2.transportReceiver.keystore.Location"
	KeyPassthruKeyStorePassword   = "axis2.transportReceiver.keystore.Password"
	KeyPassthruKeyPassword        = "axis2.transportReceiver.keystore.KeyPassword"
	KeyPassthruTrustStoreLocation = "axis2.transportReceiver.truststore.Location"
	KeyPassthruTrustStorePassword = "axis2.transportReceiver.truststore.Password"
	// PreferredCiphers of a PassThrough HTTPS listener or sender.
	KeyPassthruCiphers = "axis2.PreferredCiphers"
	// HostnameVerifier parameter of the https transportSender.
	KeyPassthruSenderHostnameVerifier = "axis2.transportSender.HostnameVerifier"

	// catalina-server.xml Connector ciphers attribute.
	KeyConnectorCiphers = "catalina.Connector.ciphers"
)
