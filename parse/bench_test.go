package parse

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/wso2lint/wso2lint/internal/model"
)

// benchParser is one parser step measured on its own, with the files of a home.
type benchParser struct {
	name string
	step step
}

// benchParsers lists the parsers measured one by one.
func benchParsers() []benchParser {
	return []benchParser{
		{"carbon", readCarbon},
		{"script", readScript},
		{"catalina", readCatalina},
		{"axis2", readAxis2},
		{"jmx", readJMX},
		{"log4j", readLog4j},
		{"broker", readBroker},
		{"data-bridge", readDataBridge},
		{"api-manager", readAPIManager},
		{"deployment.toml", readToml},
	}
}

// benchTomlHome is a small deployment.toml-era home for when the corpus is absent.
const benchTomlHome = `[server]
hostname = "am.example.com"
offset = 3

[super_admin]
username = "admin"
password = "$secret{admin_password}"

[keystore.tls]
file_name = "wso2carbon.jks"
password = "wso2carbon"

[transport.https.properties]
port = 9443
proxyPort = 443

[transport.passthru_https.listener.parameters]
port = 8243

[apim.throttling]
enable_data_publishing = true
receiver_url = "tcp://${carbon.local.ip}:9611"
auth_url = "ssl://${carbon.local.ip}:9711"

[database.apim_db]
type = "mysql"
url = "jdbc:mysql://db.example.com:3306/apim_db?useSSL=true"
username = "$env{DB_USER}"
password = "$ref{database.shared_db.password}"

[database.shared_db]
type = "mysql"
url = "jdbc:mysql://db.example.com:3306/shared_db"
password = "secret"

[[apim.gateway.environment]]
name = "Default"
type = "hybrid"
service_url = "https://localhost:${mgt.transport.https.port}/services/"
http_endpoint = "http://localhost:${http.nio.port}"
https_endpoint = "https://localhost:${https.nio.port}"
`

// repoRootB returns the repository root (the folder holding go.mod).
func repoRootB(b testing.TB) string {
	b.Helper()
	dir, err := os.Getwd()
	if err != nil {
		b.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			b.Fatal("repository root (go.mod) not found")
		}
		dir = parent
	}
}

// benchTomlDir writes benchTomlHome as a bare configuration repository.
func benchTomlDir(b *testing.B) string {
	dir := filepath.Join(b.TempDir(), "wso2am-4.2.0")
	if err := os.MkdirAll(filepath.Join(dir, "repository", "conf"), 0o755); err != nil {
		b.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "repository", "conf", "deployment.toml"), []byte(benchTomlHome), 0o644); err != nil {
		b.Fatal(err)
	}
	return dir
}

// samePointer reports whether two steps are the same function.
func samePointer(a, b step) bool {
	return reflect.ValueOf(a).Pointer() == reflect.ValueOf(b).Pointer()
}

// benchServer returns the default server of the home at dir after every step
// that runs before target in Home, so that target sees what it sees there.
func benchServer(b *testing.B, dir string, target step) *server {
	b.Helper()
	h, err := newHome(dir, &Options{})
	if err != nil {
		b.Fatal(err)
	}
	layouts := h.layout()
	if len(layouts) == 0 {
		b.Fatalf("%s: no server found", dir)
	}
	l := layouts[0]
	s := &server{h: h, conf: l.conf, bin: l.bin, srv: model.Server{Profile: l.profile, ConfDir: l.conf}}
	found := false
	for _, st := range steps() {
		if samePointer(st, target) {
			found = true
			break
		}
		if err := st(s); err != nil {
			b.Fatal(err)
		}
	}
	if !found {
		b.Fatal("step not among steps()")
	}
	return s
}

// benchStep measures one parser: each iteration starts from the state the
// steps before it left, reads its file(s) and records what it finds.
func benchStep(b *testing.B, dir string, p benchParser) {
	s := benchServer(b, dir, p.step)
	snap := s.srv
	ports, carbon, script := s.ports, s.carbon, s.script
	nIgn := len(s.ignores)
	// A first run checks that the parser finds something to do in this home.
	if err := p.step(s); err != nil {
		b.Fatal(err)
	}
	if len(s.srv.Listeners) == len(snap.Listeners) && len(s.srv.Settings) == len(snap.Settings) &&
		len(s.srv.Unresolved) == len(snap.Unresolved) && s.ports == nil {
		b.Fatalf("%s: parser %s recorded nothing; the fixture lacks its file", dir, p.name)
	}
	reset := func() {
		s.srv = snap
		s.srv.Listeners = snap.Listeners[:len(snap.Listeners):len(snap.Listeners)]
		s.srv.Settings = snap.Settings[:len(snap.Settings):len(snap.Settings)]
		s.srv.Unresolved = snap.Unresolved[:len(snap.Unresolved):len(snap.Unresolved)]
		s.ports, s.carbon, s.script = ports, carbon, script
		s.ignores = s.ignores[:nIgn:nIgn]
	}
	b.ReportAllocs()
	for b.Loop() {
		reset()
		if err := p.step(s); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkParsers measures each parser on the example home of the repository
// (api-manager.xml from the EMM fixture, which has one; deployment.toml from a
// small inline home) and, when the shared corpus is present, on the real files
// of API Manager 2.6.0 and 4.2.0.
func BenchmarkParsers(b *testing.B) {
	root := repoRootB(b)
	example := filepath.Join(root, "testdata", "example", "wso2am-2.6.0")
	b.Run("example", func(b *testing.B) {
		for _, p := range benchParsers() {
			dir := example
			switch p.name {
			case "api-manager":
				dir = filepath.Join(root, "testdata", "homes", "wso2emm-2.2.0")
			case "deployment.toml":
				dir = benchTomlDir(b)
			}
			b.Run(p.name, func(b *testing.B) { benchStep(b, dir, p) })
		}
	})
	b.Run("corpus", func(b *testing.B) {
		c := corpusDir(b)
		for _, p := range benchParsers() {
			dir := filepath.Join(c, "wso2am-2.6.0")
			if p.name == "deployment.toml" {
				dir = filepath.Join(c, "wso2am-4.2.0")
			}
			b.Run(p.name, func(b *testing.B) { benchStep(b, dir, p) })
		}
	})
}

// BenchmarkHome measures a whole home: every server, every parser, the offset
// and the sort.
func BenchmarkHome(b *testing.B) {
	root := repoRootB(b)
	b.Run("example", func(b *testing.B) {
		benchHome(b, filepath.Join(root, "testdata", "example", "wso2am-2.6.0"))
	})
	b.Run("corpus-am-2.6.0", func(b *testing.B) {
		benchHome(b, filepath.Join(corpusDir(b), "wso2am-2.6.0"))
	})
}

func benchHome(b *testing.B, dir string) {
	b.ReportAllocs()
	for b.Loop() {
		h, err := Home(dir, Options{})
		if err != nil {
			b.Fatal(err)
		}
		if len(h.Servers) == 0 || len(h.Servers[0].Listeners) == 0 {
			b.Fatalf("%s: no listeners", dir)
		}
	}
}
