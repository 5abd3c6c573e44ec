package parse

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/wso2lint/wso2lint/internal/model"
)

const catalinaRel = "repository/conf/tomcat/catalina-server.xml"

func TestReadCatalina(t *testing.T) {
	src := `<Server port="8005" shutdown="SHUTDOWN">
    <Service className="org.wso2.carbon.tomcat.ext.service.ExtendedStandardService" name="Catalina">
        <!-- <Connector port="7777"/> -->
        <Connector protocol="org.apache.coyote.http11.Http11NioProtocol"
                   port="9763" proxyPort="80" address="10.1.1.1"/>
        <Connector protocol="org.apache.coyote.http11.Http11NioProtocol"
                   port="9443"
                   proxyPort="443"
                   SSLEnabled="true"
                   sslProtocol="TLS"
                   sslEnabledProtocols="TLSv1,TLSv1.2"
                   keystorePass="wso2carbon"/>
        <Connector port="8444" scheme="https" sslProtocol="TLSv1.2"/>
        <Connector secure="true"/>
        <Connector protocol="AJP/1.3" port="8009"/>
    </Service>
</Server>
`
	s := runStep(t, readCatalina, map[string]string{catalinaRel: src})
	in := func(id string, base model.Port, conf string, p model.Pos, bind, note string) model.Listener {
		return model.Listener{ID: id, Base: base, Configured: conf, Offsetable: true, Proto: model.ProtoTCP, Dir: model.DirIn,
			Enabled: true, Bind: bind, Source: p, Note: note}
	}
	want := []model.Listener{
		in(model.SvcServletHTTP, 9763, "9763", pos(catalinaRel, 5, 26, "/Server/Service/Connector[1]/@port"), "10.1.1.1", ""),
		in(model.SvcServletHTTPS, 9443, "9443", pos(catalinaRel, 7, 26, "/Server/Service/Connector[2]/@port"), "", ""),
		in(model.SvcServletHTTPS, 8444, "8444", pos(catalinaRel, 13, 26, "/Server/Service/Connector[3]/@port"), "", ""),
		in(model.SvcServletHTTPS, 8080, "", pos(catalinaRel, 14, 9, "/Server/Service/Connector[4]"), "", "no port attribute: tomcat default 8080"),
		in(model.SvcServletHTTP, 8009, "8009", pos(catalinaRel, 15, 45, "/Server/Service/Connector[5]/@port"), "", "AJP connector"),
	}
	if diff := cmp.Diff(want, s.srv.Listeners); diff != "" {
		t.Errorf("listeners (-want +got):\n%s", diff)
	}
	wantSet := []model.Setting{
		{Key: model.KeyConnectorSSLProtocols, Value: "TLSv1,TLSv1.2", Pos: pos(catalinaRel, 11, 41, "/Server/Service/Connector[2]/@sslEnabledProtocols")},
		{Key: model.KeyConnectorKeystorePass, Value: "wso2carbon", Pos: pos(catalinaRel, 12, 34, "/Server/Service/Connector[2]/@keystorePass")},
		{Key: model.KeyConnectorSSLProtocols, Value: "TLSv1.2", Pos: pos(catalinaRel, 13, 60, "/Server/Service/Connector[3]/@sslProtocol")},
	}
	if diff := cmp.Diff(wantSet, s.srv.Settings); diff != "" {
		t.Errorf("settings (-want +got):\n%s", diff)
	}
}

func TestReadCatalinaErrors(t *testing.T) {
	for _, tc := range []struct{ name, src, want string }{
		{"port not a number", `<Server><Service><Connector port="http"/></Service></Server>`, `catalina-server.xml:1: port "http" is not a number`},
		{"port out of range", "<Server>\n<Service>\n<Connector port=\"70000\"/></Service></Server>", `catalina-server.xml:3: port 70000 is out of range`},
		{"malformed", "<Server>\n<Service>\n<Connector port=\"1\"></Service></Server>", `catalina-server.xml:3: malformed XML`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := testServer(t, map[string]string{catalinaRel: tc.src})
			err := readCatalina(s)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("error = %v, want it to contain %q", err, tc.want)
			}
		})
	}
}

func TestReadCatalinaPlaceholder(t *testing.T) {
	s := runStep(t, readCatalina, map[string]string{catalinaRel: `<Server><Service><Connector port="${https.port}"/></Service></Server>`})
	if len(s.srv.Listeners) != 0 {
		t.Errorf("listeners = %+v, want none for an unresolved placeholder", s.srv.Listeners)
	}
	want := []model.Ref{{Expr: "${https.port}", Pos: pos(catalinaRel, 1, 35, "/Server/Service/Connector/@port")}}
	if diff := cmp.Diff(want, s.srv.Unresolved); diff != "" {
		t.Errorf("unresolved (-want +got):\n%s", diff)
	}
}
