package lint

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/wso2lint/wso2lint/catalog"
	"github.com/wso2lint/wso2lint/internal/model"
	"github.com/wso2lint/wso2lint/internal/testenv"
	"github.com/wso2lint/wso2lint/parse"
)

func TestWL301JMXRemoteEnabled(t *testing.T) {
	reg := in(model.SvcJMXRegistry, 9999, 0, carbonXML, 120)
	rmi := in(model.SvcJMXServer, 11111, 0, carbonXML, 121)
	off := reg
	off.Enabled = false
	tomlReg := in(model.SvcJMXRegistry, 9999, 0, toml, 2)
	testRule(t, "WL301", []ruleCase{
		{
			name: "deployment.toml: the toml switch, at its line when written",
			homes: []*model.Home{home("a", func() model.Server {
				s := srv(0, []model.Listener{tomlReg}, set(model.KeyTomlPrefix+"monitoring.jmx.rmi_server_start", "true", toml, 40))
				s.Toml = tomlFacts()
				return s
			}())},
			want: []string{
				`a|repository/conf/deployment.toml:40:5: warning: JMX is on, so jmx-rmi-registry 9999 listen on all interfaces; expected [monitoring.jmx] rmi_server_start = false in deployment.toml unless JMX monitoring needs it, with the ports kept to the management network [WL301]`,
			},
		},
		{
			name:  "start rmi server true",
			homes: []*model.Home{home("a", srv(0, []model.Listener{reg, rmi}, set(model.KeyJMXStartRMIServer, "true", jmxXML, 20)))},
			want: []string{
				`a|repository/conf/etc/jmx.xml:20:5: warning: StartRMIServer is "true", so jmx-rmi-registry 9999 and jmx-rmi-server 11111 listen on all interfaces; expected "false" unless JMX monitoring needs it, with the ports kept to the management network [WL301]`,
			},
		},
		{
			name:  "no jmx.xml setting",
			homes: []*model.Home{home("a", srv(0, []model.Listener{reg}))},
			want: []string{
				`a|repository/conf/carbon.xml:120:5: warning: jmx-rmi-registry listens on 9999 on all interfaces; expected it off (StartRMIServer false in jmx.xml) unless JMX monitoring needs it [WL301]`,
			},
		},
		{
			name:  "disabled",
			homes: []*model.Home{home("a", srv(0, []model.Listener{off}, set(model.KeyJMXStartRMIServer, "false", jmxXML, 20)))},
		},
		{
			// jmx.xml without StartRMIServer: the parser records the listeners disabled.
			name:  "no StartRMIServer element",
			homes: []*model.Home{home("a", srv(0, []model.Listener{off}))},
		},
	})
}

// TestWL301CorpusHome lints edited copies of a real 4.4.x home: the Carbon
// kernel (JMXServerManager.parseJMXConfigXML) starts the RMI registry and
// server only when jmx.xml has StartRMIServer true.
func TestWL301CorpusHome(t *testing.T) {
	const jmx = "repository/conf/etc/jmx.xml"
	const start = "<StartRMIServer>true</StartRMIServer>"
	for _, tc := range []struct {
		name string
		edit func(t *testing.T, dir string)
		want []string
	}{
		{"stock", nil, []string{
			`repository/conf/etc/jmx.xml:22:21: warning: StartRMIServer is "true", so jmx-rmi-registry 9999 and jmx-rmi-server 11111 listen on all interfaces; expected "false" unless JMX monitoring needs it, with the ports kept to the management network [WL301]`,
		}},
		{"StartRMIServer removed", func(t *testing.T, dir string) { editHomeFile(t, dir, jmx, start, "") }, nil},
		{"StartRMIServer commented out", func(t *testing.T, dir string) { editHomeFile(t, dir, jmx, start, "<!-- "+start+" -->") }, nil},
		{"StartRMIServer false", func(t *testing.T, dir string) {
			editHomeFile(t, dir, jmx, start, "<StartRMIServer>false</StartRMIServer>")
		}, nil},
		// A configuration repository without jmx.xml runs the distribution's,
		// which ships StartRMIServer true: the ports come from carbon.xml.
		{"jmx.xml absent", func(t *testing.T, dir string) {
			if err := os.Remove(filepath.Join(dir, filepath.FromSlash(jmx))); err != nil {
				t.Fatal(err)
			}
		}, []string{
			`repository/conf/carbon.xml:132:30: warning: jmx-rmi-registry listens on 9999 on all interfaces; expected it off (StartRMIServer false in jmx.xml) unless JMX monitoring needs it [WL301]`,
			`repository/conf/carbon.xml:134:28: warning: jmx-rmi-server listens on 11111 on all interfaces; expected it off (StartRMIServer false in jmx.xml) unless JMX monitoring needs it [WL301]`,
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, _ := lintCorpusCopy(t, "wso2am-2.6.0", tc.edit, "WL301")
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("WL301 findings mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

// lintCorpusCopy copies the corpus home name into a temporary directory,
// applies edit (when not nil), parses and resolves it as cmd does and runs
// the rule id. It returns the findings as "file:line:col: ..." lines and the
// home.
func lintCorpusCopy(t *testing.T, name string, edit func(t *testing.T, dir string), id string) ([]string, *model.Home) {
	t.Helper()
	dir := filepath.Join(t.TempDir(), name)
	testenv.CopyTree(t, filepath.Join(testenv.Corpus(t), name), dir)
	if edit != nil {
		edit(t, dir)
	}
	h, err := parse.Home(dir, parse.Options{})
	if err != nil {
		t.Fatal(err)
	}
	catalog.Resolve(h)
	var out []string
	for _, f := range Run([]*model.Home{h}, []*Rule{lookup(t, id)}, Options{DefaultPort: catalog.DefaultBase}) {
		out = append(out, f.String())
	}
	return out, h
}

// editHomeFile replaces the one occurrence of old in the home-relative file.
func editHomeFile(t *testing.T, dir, rel, old, new string) {
	t.Helper()
	p := filepath.Join(dir, filepath.FromSlash(rel))
	data, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(string(data), old); n != 1 {
		t.Fatalf("%s: %q found %d times, want once", rel, old, n)
	}
	if err := os.WriteFile(p, []byte(strings.Replace(string(data), old, new, 1)), 0o644); err != nil {
		t.Fatal(err)
	}
}
