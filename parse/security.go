package parse

import (
	"strings"

	"github.com/beevik/etree"

	"github.com/wso2lint/wso2lint/internal/model"
)

// readCarbonSecurity records the carbon.xml switches the hardening rules
// judge: HideAdminServiceWSDLs, EnableHTTPAdminConsole and the Enabled flags
// of the XSS and CSRF prevention filters. An element that is absent records
// nothing: the rules treat that as the Carbon default.
func readCarbonSecurity(s *server, f *xmlFile, root *etree.Element) {
	for _, k := range []struct{ path, key string }{
		{"HideAdminServiceWSDLs", model.KeyCarbonHideAdminConsole},
		{"EnableHTTPAdminConsole", model.KeyCarbonEnableHTTPAdminConsole},
		{"Security/XSSPreventionConfig/Enabled", model.KeyCarbonXSSPreventionEnabled},
		{"Security/CSRFPreventionConfig/Enabled", model.KeyCarbonCSRFPreventionEnabled},
	} {
		if e := root.FindElement(k.path); e != nil {
			s.set(k.key, f.text(e), f.textPos(e))
		}
	}
}

// readPassthruSecurity records the keystore, truststore and PreferredCiphers
// of a PassThrough HTTPS transportReceiver r.
func readPassthruSecurity(s *server, f *xmlFile, r *etree.Element) {
	for _, k := range []struct{ path, key string }{
		{"keystore/KeyStore/Location", model.KeyPassthruKeyStoreLocation},
		{"keystore/KeyStore/Password", model.KeyPassthruKeyStorePassword},
		{"keystore/KeyStore/KeyPassword", model.KeyPassthruKeyPassword},
		{"truststore/TrustStore/Location", model.KeyPassthruTrustStoreLocation},
		{"truststore/TrustStore/Password", model.KeyPassthruTrustStorePassword},
	} {
		name, rest, _ := strings.Cut(k.path, "/")
		p := param(r, name)
		if p == nil {
			continue
		}
		if e := p.FindElement(rest); e != nil {
			if strings.HasSuffix(k.path, "Location") {
				s.set(k.key, f.text(e), f.textPos(e))
			} else {
				s.setSecret(k.key, f, e)
			}
		}
	}
	if v, p := f.paramText(r, "PreferredCiphers"); p != nil {
		s.set(model.KeyPassthruCiphers, v, f.textPos(p))
	}
}

// readSenderSecurity records the HostnameVerifier and PreferredCiphers of an
// https transportSender t (PassThroughHttpSSLSender, HttpCoreNIOSSLSender).
func readSenderSecurity(s *server, f *xmlFile, t *etree.Element) {
	if !strings.Contains(t.SelectAttrValue("class", ""), "SSLSender") {
		return
	}
	if v, p := f.paramText(t, "HostnameVerifier"); p != nil {
		s.set(model.KeyPassthruSenderHostnameVerifier, v, f.textPos(p))
	}
	if v, p := f.paramText(t, "PreferredCiphers"); p != nil {
		s.set(model.KeyPassthruCiphers, v, f.textPos(p))
	}
}

// readConnectorSecurity records the ciphers attribute of a Tomcat connector.
func readConnectorSecurity(s *server, f *xmlFile, c *etree.Element) {
	if v := c.SelectAttr("ciphers"); v != nil {
		s.set(model.KeyConnectorCiphers, strings.TrimSpace(v.Value), f.attrPos(c, "ciphers"))
	}
}

// csrfGuardFile is the OWASP CSRFGuard configuration of the management
// console (Carbon 4.4.x), under the conf directory.
const csrfGuardFile = "security/Owasp.CsrfGuard.Carbon.properties"

// readCSRFGuard records org.owasp.csrfguard.Enabled of the OWASP CSRFGuard
// configuration (KeyCSRFGuardEnabled, at the value); CSRFGuard is on when the
// key is absent.
func readCSRFGuard(s *server) error {
	f, ok, err := s.readProps(s.rel(csrfGuardFile))
	if err != nil || !ok {
		return err
	}
	if e, ok := f.get("org.owasp.csrfguard.Enabled"); ok {
		s.set(model.KeyCSRFGuardEnabled, strings.TrimSpace(e.value), e.valuePos)
	}
	return nil
}
