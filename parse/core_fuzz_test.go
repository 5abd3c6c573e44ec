package parse

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/wso2lint/wso2lint/internal/model"
)

// fuzzStep writes data as the home-relative file rel of a fresh home and runs
// the step on it; it must return an error or nothing, never panic.
func fuzzStep(t *testing.T, rel string, data []byte, st step) {
	dir := t.TempDir()
	p := filepath.Join(dir, filepath.FromSlash(rel))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	h, err := newHome(dir, &Options{})
	if err != nil {
		t.Fatal(err)
	}
	s := &server{h: h, conf: "repository/conf", bin: "bin", srv: model.Server{Profile: "default"},
		ports: map[string]portEntry{"JMX.RMIRegistryPort": {value: "9999"}}}
	if err := s.run(st); err != nil {
		return
	}
	for _, l := range s.srv.Listeners {
		if l.ID == "" || l.Proto == model.ProtoInvalid || l.Dir == model.DirInvalid {
			t.Fatalf("incomplete listener %+v", l)
		}
	}
}

func seedFixtures(f *testing.F, names ...string) {
	for _, n := range names {
		f.Add([]byte(readFixture(f, n)))
	}
}

func FuzzCatalina(f *testing.F) {
	f.Add([]byte(`<Server port="8005"><Service><Connector port="9443" SSLEnabled="true" sslEnabledProtocols="TLSv1" keystorePass="x"/><Connector port="${Ports.JMX.RMIRegistryPort}"/></Service></Server>`))
	f.Add([]byte(`<Server><Service><Connector/></Service></Server>`))
	f.Fuzz(func(t *testing.T, data []byte) {
		fuzzStep(t, "repository/conf/tomcat/catalina-server.xml", data, readCatalina)
	})
}

func FuzzAxis2(f *testing.F) {
	seedFixtures(f, "axis2-trap.xml")
	f.Fuzz(func(t *testing.T, data []byte) {
		fuzzStep(t, "repository/conf/axis2/axis2.xml", data, func(s *server) error {
			if err := readAxis2(s); err != nil {
				return err
			}
			return readHazelcast(s)
		})
	})
}

func FuzzLog4j(f *testing.F) {
	f.Add([]byte("log4j.rootLogger=INFO, S, K\nlog4j.appender.S=org.apache.log4j.net.SyslogAppender\nlog4j.appender.S.SyslogHost=[::1]:514\n" +
		"log4j.appender.K=org.apache.log4j.net.SocketAppender\nlog4j.appender.K.RemoteHost=h\nlog4j.appender.K.Port=4560\n" +
		"log4j.appender.J=org.apache.log4j.net.JMSAppender\nlog4j.appender.J.ProviderURL=tcp://b:61616\n"))
	f.Fuzz(func(t *testing.T, data []byte) { fuzzStep(t, "repository/conf/log4j.properties", data, readLog4j) })
}

func FuzzJMX(f *testing.F) {
	f.Add([]byte("<JMX><StartRMIServer>true</StartRMIServer><RMIRegistryPort>${Ports.JMX.RMIRegistryPort}</RMIRegistryPort><RMIServerPort>11111</RMIServerPort></JMX>"))
	f.Fuzz(func(t *testing.T, data []byte) { fuzzStep(t, "repository/conf/etc/jmx.xml", data, readJMX) })
}

func FuzzReadToml(f *testing.F) {
	f.Add([]byte("[server]\noffset = 1\n[transport.https.properties]\nport = \"$ref{server.offset}\"\n"))
	f.Add([]byte("[transport.http]\nlistener.port = 8280\n[[apim.gateway.environment]]\nname = 'x'\n"))
	f.Fuzz(func(t *testing.T, data []byte) { fuzzStep(t, "repository/conf/deployment.toml", data, readToml) })
}
