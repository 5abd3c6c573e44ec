package parse

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/wso2lint/wso2lint/internal/model"
)

func settingsWithPrefix(s *server, prefixes ...string) []string {
	var out []string
	for _, st := range s.srv.Settings {
		for _, p := range prefixes {
			if strings.HasPrefix(st.Key, p) {
				out = append(out, st.Key+"="+st.Value+"@"+st.Pos.String())
				break
			}
		}
	}
	return out
}

func TestReadSecuritySwitches(t *testing.T) {
	carbon := `<Server xmlns="http://wso2.org/projects/carbon/carbon.xml">
    <HideAdminServiceWSDLs>false</HideAdminServiceWSDLs>
    <EnableHTTPAdminConsole>true</EnableHTTPAdminConsole>
    <Security>
        <XSSPreventionConfig>
            <Enabled>false</Enabled>
        </XSSPreventionConfig>
    </Security>
</Server>
`
	axis2 := `<axisconfig name="AxisJava2.0">
    <transportReceiver name="https" class="org.apache.synapse.transport.passthru.PassThroughHttpSSLListener">
        <parameter name="port" locked="false">8243</parameter>
        <parameter name="keystore" locked="false">
            <KeyStore>
                <Location>repository/resources/security/wso2carbon.jks</Location>
                <Password>wso2carbon</Password>
            </KeyStore>
        </parameter>
        <parameter name="PreferredCiphers">TLS_RSA_WITH_RC4_128_MD5</parameter>
    </transportReceiver>
    <transportSender name="https" class="org.apache.synapse.transport.passthru.PassThroughHttpSSLSender">
        <parameter name="HostnameVerifier">AllowAll</parameter>
    </transportSender>
</axisconfig>
`
	catalina := `<Server><Service><Connector port="9443" SSLEnabled="true" scheme="https" ciphers="TLS_RSA_WITH_NULL_SHA"/></Service></Server>
`
	s := testServer(t, map[string]string{
		"repository/conf/carbon.xml":                 carbon,
		"repository/conf/axis2/axis2.xml":            axis2,
		"repository/conf/tomcat/catalina-server.xml": catalina,
	})
	for _, st := range []step{readAxis2, readCatalina} {
		if err := st(s); err != nil {
			t.Fatal(err)
		}
	}
	got := settingsWithPrefix(s, "carbon.HideAdmin", "carbon.EnableHTTP", "carbon.Security.XSS", "axis2.transport", "axis2.Preferred", "catalina.Connector.ciphers")
	want := []string{
		model.KeyCarbonHideAdminConsole + "=false@repository/conf/carbon.xml:2:28",
		model.KeyCarbonEnableHTTPAdminConsole + "=true@repository/conf/carbon.xml:3:29",
		model.KeyCarbonXSSPreventionEnabled + "=false@repository/conf/carbon.xml:6:22",
		model.KeyPassthruKeyStoreLocation + "=repository/resources/security/wso2carbon.jks@repository/conf/axis2/axis2.xml:6:27",
		model.KeyPassthruKeyStorePassword + "=wso2carbon@repository/conf/axis2/axis2.xml:7:27",
		model.KeyPassthruCiphers + "=TLS_RSA_WITH_RC4_128_MD5@repository/conf/axis2/axis2.xml:10:44",
		model.KeyPassthruSenderHostnameVerifier + "=AllowAll@repository/conf/axis2/axis2.xml:13:44",
		model.KeyConnectorCiphers + "=TLS_RSA_WITH_NULL_SHA@repository/conf/tomcat/catalina-server.xml:1:83",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("settings (-want +got):\n%s", diff)
	}
}

// TestReadCSRFGuard: org.owasp.csrfguard.Enabled is recorded at its value.
func TestReadCSRFGuard(t *testing.T) {
	const rel = "repository/conf/security/Owasp.CsrfGuard.Carbon.properties"
	src := "# If csrfguard filter is enabled\norg.owasp.csrfguard.Enabled = false\norg.owasp.csrfguard.Ajax = true\n"
	s := runStep(t, readCSRFGuard, map[string]string{rel: src})
	want := []model.Setting{{Key: model.KeyCSRFGuardEnabled, Value: "false", Pos: pos(rel, 2, 31, "org.owasp.csrfguard.Enabled")}}
	if diff := cmp.Diff(want, s.srv.Settings); diff != "" {
		t.Errorf("settings (-want +got):\n%s", diff)
	}
}
