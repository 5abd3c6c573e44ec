package lint

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/wso2lint/wso2lint/catalog"
	"github.com/wso2lint/wso2lint/internal/model"
	"github.com/wso2lint/wso2lint/internal/testenv"
	"github.com/wso2lint/wso2lint/parse"
)

// tomlFacts is what parse records for the deployment.toml of a server in
// repository/conf: the core XML files it renders.
func tomlFacts() *model.TomlFacts {
	var rendered []string
	for _, f := range []string{"api-manager.xml", "axis2/axis2.xml", "broker.xml", "carbon.xml", "data-bridge/data-bridge-config.xml",
		"datasources/master-datasources.xml", "etc/jmx.xml", "identity/embedded-ldap.xml", "identity/identity.xml", "tomcat/catalina-server.xml", "user-mgt.xml"} {
		rendered = append(rendered, "repository/conf/"+f)
	}
	return &model.TomlFacts{File: toml, Rendered: rendered}
}

// renderedHome is a home configured by deployment.toml; files lists the other
// files read (a generated carbon.xml, say).
func renderedHome(s model.Server, files ...string) *model.Home {
	s.Toml = tomlFacts()
	h := home("a", s)
	h.Product = model.Product{Key: "am", Version: "4.2.0"}
	h.Files = append([]string{toml}, files...)
	return h
}

func TestWL309HostnameUnset(t *testing.T) {
	flagged := srv(0, nil)
	flagged.Offset = model.Offset{Value: 1, Origin: model.OriginFlag}
	noCarbon := home("a", srv(0, nil))
	noCarbon.Files = []string{toml}
	tlocal := set(model.KeyTomlPrefix+"server.hostname", "localhost", toml, 2)
	tset := set(model.KeyTomlPrefix+"server.hostname", "apim.example.com", toml, 2)
	clocal := set(model.KeyCarbonHostName, "localhost", carbonXML, 12)
	cset := set(model.KeyCarbonHostName, "apim.example.com", carbonXML, 12)
	testRule(t, "WL309", []ruleCase{
		{
			name:  "absent",
			homes: []*model.Home{home("a", srv(0, nil))},
			want: []string{
				`a|repository/conf/carbon.xml:98:5: info: carbon.xml sets no <HostName>; expected the name clients use to reach the server [WL309]`,
			},
		},
		{
			name:  "absent, offset from the command line",
			homes: []*model.Home{home("a", flagged)},
			want: []string{
				`a|repository/conf/carbon.xml: info: carbon.xml sets no <HostName>; expected the name clients use to reach the server [WL309]`,
			},
		},
		{
			name:  "localhost",
			homes: []*model.Home{home("a", srv(0, nil, clocal))},
			want: []string{
				`a|repository/conf/carbon.xml:12:5: info: host name is "localhost"; expected the name clients use to reach the server [WL309]`,
			},
		},
		{
			name:  "set",
			homes: []*model.Home{home("a", srv(0, nil, cset))},
		},
		{
			name:  "set in deployment.toml",
			homes: []*model.Home{home("a", srv(0, nil, set(model.KeyTomlPrefix+"server.hostname", `"apim.example.com"`, toml, 2), clocal))},
		},
		{
			name:  "no carbon.xml",
			homes: []*model.Home{noCarbon},
		},
		{
			name:  "deployment.toml localhost, no carbon.xml",
			homes: []*model.Home{renderedHome(srv(0, nil, tlocal))},
			want: []string{
				`a|repository/conf/deployment.toml:2:5: info: [server] hostname is "localhost"; expected the name clients use to reach the server [WL309]`,
			},
		},
		{
			name:  "deployment.toml localhost, generated carbon.xml not reported",
			homes: []*model.Home{renderedHome(srv(0, nil, tlocal, clocal), carbonXML)},
			want: []string{
				`a|repository/conf/deployment.toml:2:5: info: [server] hostname is "localhost"; expected the name clients use to reach the server [WL309]`,
			},
		},
		{
			name: "deployment.toml without hostname: first key of [server]",
			homes: []*model.Home{renderedHome(srv(0, nil,
				set(model.KeyTomlPrefix+"server.offset", "2", toml, 3),
				set(model.KeyTomlPrefix+"server.node_ip", "127.0.0.1", toml, 2),
				set(model.KeyTomlPrefix+"super_admin.username", "admin", toml, 1),
			), carbonXML)},
			want: []string{
				`a|repository/conf/deployment.toml:2:5: info: deployment.toml sets no [server] hostname; expected the name clients use to reach the server [WL309]`,
			},
		},
		{
			name:  "deployment.toml without [server]: the file",
			homes: []*model.Home{renderedHome(srv(0, nil, set(model.KeyTomlPrefix+"super_admin.username", "admin", toml, 1)))},
			want: []string{
				`a|repository/conf/deployment.toml: info: deployment.toml sets no [server] hostname; expected the name clients use to reach the server [WL309]`,
			},
		},
		{
			name:  "deployment.toml set, generated carbon.xml stale",
			homes: []*model.Home{renderedHome(srv(0, nil, tset, clocal), carbonXML)},
		},
		{
			name:  "deployment.toml from the environment",
			homes: []*model.Home{renderedHome(srv(0, nil, set(model.KeyTomlPrefix+"server.hostname", "$env{HOST_NAME}", toml, 2)))},
		},
		{
			name:  "-DavoidConfigUpdate=true keeps carbon.xml",
			homes: []*model.Home{avoided(renderedHome(srv(0, nil, tlocal, cset), carbonXML))},
		},
	})
}

// lintCorpus parses a home as the command does and returns the findings of
// rule id as Finding.String() lines.
func lintCorpus(t *testing.T, dir, id string) []string {
	t.Helper()
	h, err := parse.Home(dir, parse.Options{})
	if err != nil {
		t.Fatalf("parse %s: %v", dir, err)
	}
	catalog.Resolve(h)
	var out []string
	for _, f := range Run([]*model.Home{h}, []*Rule{lookup(t, id)}, Options{}) {
		out = append(out, f.String())
	}
	return out
}

func TestWL309CorpusToml(t *testing.T) {
	corpus := testenv.Corpus(t)
	for _, tc := range []struct{ home, conf string }{
		{"wso2am-3.2.0", "repository/conf"},
		{"wso2am-4.2.0", "repository/conf"},
		{"wso2am-universal-gw-4.5.0", "repository/conf"},
		{"wso2is-7.0.0", "repository/conf"},
		{"wso2mi-4.3.0", "conf"},
	} {
		t.Run(tc.home, func(t *testing.T) {
			want := []string{tc.conf + `/deployment.toml:2:12: info: [server] hostname is "localhost"; expected the name clients use to reach the server [WL309]`}
			if diff := cmp.Diff(want, lintCorpus(t, filepath.Join(corpus, tc.home), "WL309")); diff != "" {
				t.Errorf("WL309 findings mismatch (-want +got):\n%s", diff)
			}
		})
	}
	t.Run("generated carbon.xml next to the toml", func(t *testing.T) {
		dir := t.TempDir()
		testenv.CopyTree(t, filepath.Join(corpus, "wso2am-4.2.0"), dir)
		writeFile(t, filepath.Join(dir, "repository", "conf", "carbon.xml"), renderedCarbon)
		want := []string{`repository/conf/deployment.toml:2:12: info: [server] hostname is "localhost"; expected the name clients use to reach the server [WL309]`}
		if diff := cmp.Diff(want, lintCorpus(t, dir, "WL309")); diff != "" {
			t.Errorf("WL309 findings mismatch (-want +got):\n%s", diff)
		}
	})
}

// renderedCarbon is a carbon.xml as deployment.toml renders it: HostName
// localhost and the shipped keystore.
const renderedCarbon = `<?xml version="1.0" encoding="ISO-8859-1"?>
<Server xmlns="http://wso2.org/projects/carbon/carbon.xml">
    <HostName>localhost</HostName>
    <Ports>
        <Offset>0</Offset>
    </Ports>
    <Security>
        <KeyStore>
            <Location>${carbon.home}/repository/resources/security/wso2carbon.jks</Location>
            <Password>wso2carbon</Password>
            <KeyPassword>wso2carbon</KeyPassword>
        </KeyStore>
        <InternalKeyStore>
            <Location>${carbon.home}/repository/resources/security/wso2carbon.jks</Location>
            <Password>wso2carbon</Password>
        </InternalKeyStore>
    </Security>
</Server>
`

// writeFile writes a file of a copied home.
func writeFile(t *testing.T, name, content string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(name, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

// avoided marks the servers of h as started with -DavoidConfigUpdate=true.
func avoided(h *model.Home) *model.Home {
	for i := range h.Servers {
		h.Servers[i].Toml.AvoidConfigUpdate = true
	}
	return h
}
