package tomltest

import (
	"testing"

	"github.com/wso2lint/wso2lint/internal/model"
	"github.com/wso2lint/wso2lint/parse"
)

const catalina = `<Server port="8005" shutdown="SHUTDOWN">
  <Service name="Catalina">
    <Connector protocol="org.apache.coyote.http11.Http11NioProtocol"
               port="9445"
               SSLEnabled="true" scheme="https" secure="true"/>
  </Service>
</Server>
`

func TestCatalinaDrift(t *testing.T) {
	dir := copyHome(t, "wso2am-4.2.0")
	write(t, dir, "repository/conf/tomcat/catalina-server.xml", catalina)
	h := load(t, dir, parse.Options{})
	s := h.Servers[0]
	var drift []model.Drift
	for _, d := range s.Toml.Drift {
		if d.Item == model.SvcServletHTTPS {
			drift = append(drift, d)
		}
	}
	if len(drift) != 1 || drift[0].Pos.File != "repository/conf/tomcat/catalina-server.xml" || drift[0].Pos.Line != 4 {
		t.Fatalf("drift = %+v, want one at catalina-server.xml:4", drift)
	}
	var https []model.Port
	for _, l := range s.Listeners {
		if l.ID == model.SvcServletHTTPS {
			https = append(https, l.Port())
		}
	}
	if len(https) != 1 || https[0] != 9443 {
		t.Errorf("servlet-https ports = %v, want only the toml's 9443", https)
	}
}
