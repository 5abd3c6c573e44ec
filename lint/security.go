package lint

import "sync"

// securitySeverity scores the rules whose findings are security weaknesses, on
// the CVSS scale that GitHub code scanning reads from a SARIF rule's
// "security-severity" property (9.0 and above critical, 7.0 high, 4.0 medium,
// below 4.0 low). A rule not listed is not a security rule: its findings are
// about ports, offsets and configuration that runs but is wrong.
//
// The scores follow what an attacker gains: remote code execution through an
// open debug agent or the admin account (critical), an exposed JMX console or
// plain-text administration (high), weakened transport security or
// information disclosure (medium), a plain http listener (low).
//
// The map is built on first use, not at start-up (issue 15 item 4).
var securitySeverity = sync.OnceValue(func() map[string]string {
	return map[string]string{
		"WL301": "8.1", // jmx-remote-enabled: remote JMX console on every interface
		"WL302": "6.5", // jmxremote-random-ports: the JVM's own JMX agent
		"WL303": "9.8", // default-admin-credentials: admin/admin
		"WL304": "7.5", // default-keystore: the private key everyone has
		"WL305": "7.4", // hostname-verification-disabled: man in the middle
		"WL306": "5.9", // weak-tls-protocol
		"WL307": "3.7", // plaintext-http
		"WL308": "8.8", // embedded-ldap-default-credentials
		"WL310": "9.8", // jdwp-always-on: remote code execution
		"WL311": "5.3", // multicast-clustering: anyone on the segment joins the cluster
		"WL313": "5.3", // admin-service-wsdls-exposed: information disclosure
		"WL314": "8.1", // http-admin-console: credentials in clear text
		"WL315": "7.1", // xss-csrf-protection-disabled
		"WL316": "5.9", // weak-tls-cipher
		"WL317": "9.1", // weak-admin-password
		"WL318": "5.5", // plaintext-password
		"WL403": "5.3", // ignored-listener-switch: a listener stays open
		"WL602": "6.5", // live-unexplained-listener: a random JMX or debug port nobody firewalled
		"WL603": "6.5", // live-wider-bind: a port meant for loopback open on every interface
	}
})

// SecuritySeverity returns the rule's security severity, a decimal number from
// 0.0 to 10.0 as a string ("9.8"), or "" when the rule is not a security rule.
// SARIF output gives it as the rule's "security-severity" property and tags
// the rule "security", so that GitHub code scanning shows its findings as
// security alerts ranked critical, high, medium or low.
func (r Rule) SecuritySeverity() string {
	return securitySeverity()[r.ID]
}
