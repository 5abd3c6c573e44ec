package lint

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/wso2lint/wso2lint/internal/model"
)

func TestWL302JMXRemoteRandomPorts(t *testing.T) {
	const bat = "bin/wso2server.bat"
	flag := set(model.KeyScriptJMXRemote, "-Dcom.sun.management.jmxremote", script, 280)
	port := set(model.KeyScriptJMXRemotePort, "-Dcom.sun.management.jmxremote.port=9010", script, 150)
	rmi := set(model.KeyScriptJMXRemote, "-Dcom.sun.management.jmxremote.rmi.port=9011", script, 151)
	noAuth := set(model.KeyScriptJMXRemote, "-Dcom.sun.management.jmxremote.authenticate=false", script, 152)
	noSSL := set(model.KeyScriptJMXRemote, "-Dcom.sun.management.jmxremote.ssl=false", script, 153)
	auth := set(model.KeyScriptJMXRemote, "-Dcom.sun.management.jmxremote.authenticate=true", script, 152)
	testRule(t, "WL302", []ruleCase{
		{
			name:  "jmxremote in the script",
			homes: []*model.Home{home("a", srv(0, nil, flag))},
			want: []string{
				`a|bin/wso2server.sh:280:5: warning: start script enables "-Dcom.sun.management.jmxremote", whose rmi server port is chosen at random at each start; expected no jvm jmx agent, or fixed jmxremote.port and jmxremote.rmi.port [WL302]`,
			},
		},
		{
			name:  "stock script",
			homes: []*model.Home{home("a", srv(0, nil, set(model.KeyScriptJDWP, "-Xdebug", script, 200)))},
		},
		{
			// What the message asks for: both ports fixed.
			name:  "port and rmi port fixed",
			homes: []*model.Home{home("a", srv(0, nil, flag, port, rmi, auth))},
		},
		{
			// jmxremote.port alone starts the agent.
			name:  "port without the jmxremote flag",
			homes: []*model.Home{home("a", srv(0, nil, port))},
			want: []string{
				`a|bin/wso2server.sh:150:5: warning: start script sets "-Dcom.sun.management.jmxremote.port=9010", which starts the jvm jmx agent with its rmi server port chosen at random at each start; expected no jvm jmx agent, or fixed jmxremote.port and jmxremote.rmi.port with authentication and ssl on [WL302]`,
			},
		},
		{
			name:  "port and flag: one finding, at the port",
			homes: []*model.Home{home("a", srv(0, nil, flag, port, noAuth, noSSL))},
			want: []string{
				`a|bin/wso2server.sh:150:5: warning: start script sets "-Dcom.sun.management.jmxremote.port=9010", which starts the jvm jmx agent with its rmi server port chosen at random at each start, with authentication and ssl disabled; expected no jvm jmx agent, or fixed jmxremote.port and jmxremote.rmi.port with authentication and ssl on [WL302]`,
			},
		},
		{
			name:  "fixed ports without authentication",
			homes: []*model.Home{home("a", srv(0, nil, port, rmi, noAuth))},
			want: []string{
				`a|bin/wso2server.sh:152:5: warning: start script runs the jvm jmx agent on ports 9010 and 9011, with authentication disabled ("-Dcom.sun.management.jmxremote.authenticate=false"): anyone who reaches the ports can manage the jvm; expected authentication and ssl on [WL302]`,
			},
		},
		{
			name:  "fixed ports without ssl",
			homes: []*model.Home{home("a", srv(0, nil, port, rmi, noSSL))},
			want: []string{
				`a|bin/wso2server.sh:153:5: warning: start script runs the jvm jmx agent on ports 9010 and 9011, with ssl disabled ("-Dcom.sun.management.jmxremote.ssl=false"): anyone who reaches the ports can manage the jvm; expected authentication and ssl on [WL302]`,
			},
		},
		{
			// Each start script is judged on its own: the .bat still has the bare flag.
			name: "scripts judged apart",
			homes: []*model.Home{home("a", srv(0, nil, port, rmi,
				set(model.KeyScriptJMXRemote, "-Dcom.sun.management.jmxremote", bat, 40)))},
			want: []string{
				`a|bin/wso2server.bat:40:5: warning: start script enables "-Dcom.sun.management.jmxremote", whose rmi server port is chosen at random at each start; expected no jvm jmx agent, or fixed jmxremote.port and jmxremote.rmi.port [WL302]`,
			},
		},
	})
}

// TestWL302CorpusHome lints edited copies of a real start script, and checks
// that fixed agent ports become listeners the firewall knows.
func TestWL302CorpusHome(t *testing.T) {
	const sh = "bin/wso2server.sh"
	const anchor = `echo "Using Java memory options: $JVM_MEM_OPTS"`
	addOpts := func(opts string) func(t *testing.T, dir string) {
		return func(t *testing.T, dir string) {
			editHomeFile(t, dir, sh, anchor, anchor+"\nJAVA_OPTS=\"$JAVA_OPTS "+opts+"\"")
		}
	}
	type port struct {
		Port    model.Port
		Enabled bool
	}
	for _, tc := range []struct {
		name      string
		edit      func(t *testing.T, dir string)
		want      []string
		wantPorts []port
	}{
		{"stock", nil, []string{
			`bin/wso2server.sh:301:5: warning: start script enables "-Dcom.sun.management.jmxremote", whose rmi server port is chosen at random at each start; expected no jvm jmx agent, or fixed jmxremote.port and jmxremote.rmi.port [WL302]`,
		}, nil},
		{"both ports fixed", addOpts("-Dcom.sun.management.jmxremote.port=9010 -Dcom.sun.management.jmxremote.rmi.port=9011"),
			nil, []port{{9010, true}, {9011, true}}},
		{"port alone, without the flag, no authentication or ssl", func(t *testing.T, dir string) {
			editHomeFile(t, dir, sh, "    -Dcom.sun.management.jmxremote \\\n", "")
			addOpts("-Dcom.sun.management.jmxremote.port=9010 -Dcom.sun.management.jmxremote.authenticate=false -Dcom.sun.management.jmxremote.ssl=false")(t, dir)
		}, []string{
			`bin/wso2server.sh:289:23: warning: start script sets "-Dcom.sun.management.jmxremote.port=9010", which starts the jvm jmx agent with its rmi server port chosen at random at each start, with authentication and ssl disabled; expected no jvm jmx agent, or fixed jmxremote.port and jmxremote.rmi.port with authentication and ssl on [WL302]`,
		}, []port{{9010, true}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, h := lintCorpusCopy(t, "wso2am-2.6.0", tc.edit, "WL302")
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("WL302 findings mismatch (-want +got):\n%s", diff)
			}
			var ports []port
			for _, l := range h.Servers[0].Listeners {
				if l.ID == model.SvcJMXRemote {
					ports = append(ports, port{l.Port(), l.Enabled})
				}
			}
			if diff := cmp.Diff(tc.wantPorts, ports); diff != "" {
				t.Errorf("jmxremote listeners mismatch (-want +got):\n%s", diff)
			}
		})
	}
}
