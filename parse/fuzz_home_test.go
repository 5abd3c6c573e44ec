package parse

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/wso2lint/wso2lint/internal/model"
)

// fuzzHomeFiles are the files FuzzHome fills, in the order of its arguments.
var fuzzHomeFiles = []string{
	"repository/conf/carbon.xml",
	"repository/conf/tomcat/catalina-server.xml",
	"repository/conf/axis2/axis2.xml",
	"repository/conf/etc/jmx.xml",
	"repository/conf/log4j.properties",
	"bin/wso2server.sh",
	"repository/conf/deployment.toml",
}

// fuzzParserFiles are the home-relative files that some parser reads; FuzzHomeFile
// writes its input to one of them so that every parser is reached through Home.
var fuzzParserFiles = []string{
	"repository/conf/carbon.xml",
	"repository/conf/tomcat/catalina-server.xml",
	"repository/conf/axis2/axis2.xml",
	"repository/conf/etc/jmx.xml",
	"repository/conf/log4j.properties",
	"bin/wso2server.sh",
	"bin/wso2server.bat",
	"repository/conf/deployment.toml",
	"repository/resources/conf/default.json",
	"repository/conf/identity/identity.xml",
	"repository/conf/identity/embedded-ldap.xml",
	"repository/conf/user-mgt.xml",
	"repository/conf/event-processor.xml",
	"repository/conf/jndi.properties",
	"repository/conf/broker.xml",
	"repository/conf/machine-learner.xml",
	"repository/conf/cdm-config.xml",
	"repository/conf/api-manager.xml",
	"repository/conf/datasources.properties",
	"repository/conf/data-bridge/data-bridge-config.xml",
	"repository/conf/hazelcast.properties",
	"repository/conf/etc/hazelcast.xml",
	"repository/conf/analytics/spark/spark-defaults.conf",
	"repository/conf/datasources/master-datasources.xml",
	"repository/conf/etc/cassandra.yaml",
	"repository/conf/etc/hadoop/core-site.xml",
	"repository/conf/etc/hdfs-site.xml",
	"repository/deployment/server/synapse-configs/default/inbound-endpoints/in.xml",
	"repository/conf/bps.xml",
	"repository/conf/loadbalancer.conf",
	"wso2/analytics/conf/worker/deployment.yaml",
}

// seedHomes are the repository's own homes whose files seed the fuzzers.
var seedHomes = []string{
	"../testdata/example/wso2am-2.6.0",
	"../testdata/clean/wso2am-2.6.0",
	"../testdata/homes/wso2bps-3.6.0",
	"../testdata/homes/wso2cep-4.2.0",
	"../testdata/homes/wso2elb-2.2.0",
	"../testdata/homes/wso2emm-2.2.0",
	"../testdata/homes/wso2ml-1.2.0",
	"../testdata/homes/wso2ss-1.1.0",
	"../testdata/bad/non-numeric-port",
	"../testdata/bad/bad-offset",
	"../testdata/bad/malformed-xml",
}

// seedFile reads a home-relative file of a seed home; empty when absent.
func seedFile(f *testing.F, home, rel string) []byte {
	b, err := os.ReadFile(filepath.Join(home, filepath.FromSlash(rel)))
	if err != nil && !errors.Is(err, os.ErrNotExist) {
		f.Fatal(err)
	}
	return b
}

// checkHome reads the home at dir: it must not panic, an error must be a
// one-line *Error naming a file, and every listener must be complete.
func checkHome(t *testing.T, dir string) {
	t.Helper()
	h, err := Home(dir, Options{})
	if err != nil {
		var pe *Error
		if !errors.As(err, &pe) || pe.File == "" {
			t.Fatalf("error %v (%T) does not name a file", err, err)
		}
		if pe.Line < 0 {
			t.Fatalf("error %v: negative line", err)
		}
		return
	}
	for _, s := range h.Servers {
		for _, l := range s.Listeners {
			if l.ID == "" || l.Proto == model.ProtoInvalid || l.Dir == model.DirInvalid {
				t.Fatalf("incomplete listener %+v", l)
			}
			if l.Base < 0 || l.Base > model.MaxPort || l.BaseEnd < 0 || l.BaseEnd > model.MaxPort {
				t.Fatalf("listener %s: base %d-%d out of range", l.ID, l.Base, l.BaseEnd)
			}
		}
		if s.Offset.Value < 0 || s.Offset.Value > MaxOffset {
			t.Fatalf("offset %d out of range", s.Offset.Value)
		}
	}
}

// writeFuzzHome writes the files (home-relative name → content) into a new
// temporary home; an empty content leaves the file absent.
func writeFuzzHome(t *testing.T, files []string, contents [][]byte) string {
	t.Helper()
	dir := t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, "repository", "conf"), 0o755); err != nil {
		t.Fatal(err)
	}
	for i, name := range files {
		if len(contents[i]) == 0 {
			continue
		}
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, contents[i], 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// FuzzHome fills the main files of a home with fuzzed contents and reads it.
func FuzzHome(f *testing.F) {
	for _, home := range seedHomes {
		var seed [7][]byte
		for i, rel := range fuzzHomeFiles {
			seed[i] = seedFile(f, home, rel)
		}
		f.Add(seed[0], seed[1], seed[2], seed[3], seed[4], seed[5], seed[6])
	}
	carbon := []byte(`<Server><Ports><Offset>2</Offset><JMX><RMIRegistryPort>9999</RMIRegistryPort></JMX></Ports></Server>`)
	f.Add(carbon, []byte(`<Server><Service><Connector port="${Ports.JMX.RMIRegistryPort}"/></Service></Server>`),
		[]byte(`<axisconfig><transportReceiver name="http"><parameter name="port">${Ports.Nope}</parameter></transportReceiver></axisconfig>`),
		[]byte(`<JMX><RMIServerPort>${Ports.JMX.RMIRegistryPort}</RMIServerPort></JMX>`),
		[]byte("log4j.appender.S.SyslogHost=h:99999\n"), []byte("java -DportOffset=7 \\\n -Dx=1\n"),
		[]byte("[server]\noffset = 3\n[transport.http]\nproperties.port = 9763\n"))
	f.Fuzz(func(t *testing.T, carbon, catalina, axis2, jmx, log4j, script, toml []byte) {
		dir := writeFuzzHome(t, fuzzHomeFiles, [][]byte{carbon, catalina, axis2, jmx, log4j, script, toml})
		checkHome(t, dir)
	})
}

// FuzzCarbon reads a home whose only fuzzed file is carbon.xml, next to the
// example home's other files (so placeholders and the offset matter).
func FuzzCarbon(f *testing.F) {
	for _, home := range seedHomes {
		if b := seedFile(f, home, "repository/conf/carbon.xml"); len(b) > 0 {
			f.Add(b)
		}
	}
	f.Add([]byte(`<Server xmlns="http://wso2.org/projects/carbon/carbon.xml"><Ports><Offset> 65535 </Offset><JMX><RMIRegistryPort>x</RMIRegistryPort></JMX></Ports></Server>`))
	f.Add([]byte(`<Server><Ports><Ports><Offset>1</Offset></Ports></Ports><HostName/><Security><KeyStore><Location/></KeyStore></Security></Server>`))
	example := map[string][]byte{}
	for _, rel := range fuzzHomeFiles[1:6] {
		example[rel] = seedFile(f, "../testdata/example/wso2am-2.6.0", rel)
	}
	f.Fuzz(func(t *testing.T, carbon []byte) {
		files := []string{"repository/conf/carbon.xml"}
		contents := [][]byte{carbon}
		for _, rel := range fuzzHomeFiles[1:6] {
			files = append(files, rel)
			contents = append(contents, example[rel])
		}
		checkHome(t, writeFuzzHome(t, files, contents))
	})
}

// FuzzHomeFile writes its input to one of the files some parser reads (chosen
// by which) next to a minimal carbon.xml, so that every parser is fuzzed
// through Home, the way the CLI reaches it.
func FuzzHomeFile(f *testing.F) {
	for i, rel := range fuzzParserFiles {
		for _, home := range seedHomes {
			if b := seedFile(f, home, rel); len(b) > 0 {
				f.Add(uint8(i), b)
			}
		}
	}
	f.Add(uint8(len(fuzzParserFiles)-1), []byte("wso2.carbon:\n  ports:\n    offset: 1\nwso2.transport.http:\n  listenerConfigurations:\n    - {id: default, port: 9090}\n"))
	f.Add(uint8(7), []byte("[transport.http]\nport = \"${Ports.X}\"\n"))
	f.Fuzz(func(t *testing.T, which uint8, data []byte) {
		rel := fuzzParserFiles[int(which)%len(fuzzParserFiles)]
		files := []string{"repository/conf/carbon.xml", rel}
		contents := [][]byte{[]byte(`<Server><Ports><Offset>1</Offset><JMX><RMIRegistryPort>9999</RMIRegistryPort></JMX></Ports></Server>`), data}
		if strings.HasPrefix(rel, "wso2/") {
			files[0] = "conf/carbon.xml"
		}
		if rel == files[0] {
			files, contents = files[1:], contents[1:]
		}
		checkHome(t, writeFuzzHome(t, files, contents))
	})
}
