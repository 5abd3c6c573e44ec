package parse

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/wso2lint/wso2lint/internal/model"
)

const shRel = "bin/wso2server.sh"

func TestReadScriptSh(t *testing.T) {
	s := runStep(t, readScript, map[string]string{shRel: readFixture(t, "wso2server-debug.sh")})
	wantSet := []model.Setting{
		{Key: model.KeyScriptJDWP, Value: "-agentlib:jdwp=transport=dt_socket,server=y,suspend=n,address=127.0.0.1:5005", Pos: pos(shRel, 24, 23, "")},
		{Key: model.KeyScriptJMXRemotePort, Value: "-Dcom.sun.management.jmxremote.port=9010", Pos: pos(shRel, 25, 30, "")},
		{Key: model.KeyScriptJMXRemote, Value: "-Dcom.sun.management.jmxremote", Pos: pos(shRel, 32, 5, "")},
		{Key: model.KeyScriptPortOffset, Value: "-DportOffset=4", Pos: pos(shRel, 33, 18, "")},
		{Key: model.KeyScriptHostnameVerifier, Value: "-Dhttpclient.hostnameVerifier=AllowAll", Pos: pos(shRel, 34, 5, "")},
		{Key: model.KeyScriptAvoidConfigUpdate, Value: "-DavoidConfigUpdate=true", Pos: pos(shRel, 35, 5, "")},
		{Key: model.KeyScriptProfile, Value: "-Dprofile=gateway-worker", Pos: pos(shRel, 36, 5, "")},
	}
	if diff := cmp.Diff(wantSet, s.srv.Settings); diff != "" {
		t.Errorf("settings (-want +got):\n%s", diff)
	}
	want := []model.Listener{
		{ID: model.SvcJDWP, Base: 5005, Configured: "5005", Proto: model.ProtoTCP, Dir: model.DirIn, Enabled: true, Bind: "127.0.0.1",
			Source: pos(shRel, 24, 95, ""), Note: "debug agent always on"},
		{ID: model.SvcJMXRemote, Base: 9010, Configured: "9010", Proto: model.ProtoTCP, Dir: model.DirIn, Enabled: true,
			Source: pos(shRel, 25, 66, ""), Note: "jvm jmx agent"},
	}
	if diff := cmp.Diff(want, s.srv.Listeners); diff != "" {
		t.Errorf("listeners (-want +got):\n%s", diff)
	}
	if s.script == nil || !s.script.offsetSet || s.script.offset != 4 || s.script.offsetPos != pos(shRel, 33, 18, "") {
		t.Errorf("script offset = %+v, want 4 at %s:33:18", s.script, shRel)
	}
	wantIg := []model.Ignore{{Rules: []string{"WL310"}, Reason: "debugging the staging box", Pos: pos(shRel, 23, 1, ""), FromLine: 23, ToLine: 24}}
	if diff := cmp.Diff(wantIg, s.ignores); diff != "" {
		t.Errorf("ignores (-want +got):\n%s", diff)
	}
}

func TestReadScriptBat(t *testing.T) {
	const batRel = "bin/wso2server.bat"
	s := runStep(t, readScript, map[string]string{batRel: readFixture(t, "wso2server.bat")})
	wantSet := []model.Setting{
		{Key: model.KeyScriptJMXRemote, Value: "-Dcom.sun.management.jmxremote", Pos: pos(batRel, 15, 61, "")},
		{Key: model.KeyScriptPortOffset, Value: "-DportOffset=6", Pos: pos(batRel, 15, 105, "")},
	}
	if diff := cmp.Diff(wantSet, s.srv.Settings); diff != "" {
		t.Errorf("settings (-want +got):\n%s", diff)
	}
	if len(s.srv.Listeners) != 0 {
		t.Errorf("listeners = %+v, want none (debug section only)", s.srv.Listeners)
	}
	if s.script == nil || s.script.offset != 6 {
		t.Errorf("script offset = %+v, want 6", s.script)
	}
}

func TestScanShConditions(t *testing.T) {
	for _, tc := range []struct {
		name, src string
		want      []string
	}{
		{"top level", "JAVA_OPTS=\"$JAVA_OPTS -DportOffset=1\"\n", []string{"-DportOffset=1"}},
		{"export", "export JAVA_OPTS='-Xrunjdwp:transport=dt_socket,server=y,address=8000'\n", []string{"-Xrunjdwp:transport=dt_socket,server=y,address=8000"}},
		{"inside if", "if [ -n \"$X\" ]; then\n  JAVA_OPTS=-DportOffset=1\nfi\n", nil},
		{"one-line if", "if [ -n \"$X\" ]; then JAVA_OPTS=-DportOffset=1; fi\nJAVA_OPTS=-DportOffset=2\n", []string{"-DportOffset=2"}},
		{"and-chained", "[ -n \"$X\" ] && JAVA_OPTS=-DportOffset=1\n", nil},
		{"case", "case $1 in\n  x) JAVA_OPTS=-DportOffset=1;;\nesac\n", nil},
		{"comment", "# JAVA_OPTS=-DportOffset=1\nJAVA_OPTS=a # -DportOffset=3\n", nil},
		{"echo", "echo \"use -DportOffset=1\"\n", nil},
		{"hash inside quotes", "JAVA_OPTS=\"#x -DportOffset=5\"\n", []string{"-DportOffset=5"}},
		{"continuation", "$JAVACMD \\\n  -Dfoo=1 \\\n  -DportOffset=2 \\\n  Main\n", []string{"-Dfoo=1", "-DportOffset=2"}},
		{"while loop is not a condition", "while true\ndo\n  java -DportOffset=2\ndone\n", []string{"-DportOffset=2"}},
		{"nested if", "if a; then\n if b; then\n x\n fi\n java -Da=1\nfi\njava -Db=2\n", []string{"-Db=2"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			sc := scanSh("s.sh", []byte(tc.src))
			var got []string
			for _, o := range sc.opts {
				got = append(got, o.text)
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("options (-want +got):\n%s", diff)
			}
		})
	}
}

func TestReadScriptOptions(t *testing.T) {
	for _, tc := range []struct {
		name, line string
		want       []model.Listener
		wantRefs   int
	}{
		{"agentlib any host", "JAVA_OPTS=\"-agentlib:jdwp=transport=dt_socket,server=y,address=*:5005\"",
			[]model.Listener{{ID: model.SvcJDWP, Base: 5005, Configured: "5005", Proto: model.ProtoTCP, Dir: model.DirIn, Enabled: true,
				Source: pos(shRel, 1, 66, ""), Note: "debug agent always on"}}, 0},
		{"client mode", "JAVA_OPTS=\"-agentlib:jdwp=transport=dt_socket,server=n,address=5005\"",
			[]model.Listener{{ID: model.SvcJDWP, Base: 5005, Configured: "5005", Proto: model.ProtoTCP, Dir: model.DirOut, Enabled: true, Host: "localhost",
				Source: pos(shRel, 1, 64, ""), Note: "debug agent connects to a debugger"}}, 0},
		{"address in the middle", "JAVA_OPTS=-Xrunjdwp:transport=dt_socket,address=8000,server=y,suspend=n",
			[]model.Listener{{ID: model.SvcJDWP, Base: 8000, Configured: "8000", Proto: model.ProtoTCP, Dir: model.DirIn, Enabled: true,
				Source: pos(shRel, 1, 49, ""), Note: "debug agent always on"}}, 0},
		{"variable port", "JAVA_OPTS=\"-Xrunjdwp:transport=dt_socket,server=y,address=$DEBUG_PORT\"", nil, 1},
		{"rmi port", "JAVA_OPTS=-Dcom.sun.management.jmxremote.rmi.port=9011",
			[]model.Listener{{ID: model.SvcJMXRemote, Base: 9011, Configured: "9011", Proto: model.ProtoTCP, Dir: model.DirIn, Enabled: true,
				Source: pos(shRel, 1, 51, ""), Note: "jvm jmx agent rmi server port"}}, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := runStep(t, readScript, map[string]string{shRel: tc.line + "\n"})
			if diff := cmp.Diff(tc.want, s.srv.Listeners); diff != "" {
				t.Errorf("listeners (-want +got):\n%s", diff)
			}
			if len(s.srv.Unresolved) != tc.wantRefs {
				t.Errorf("unresolved = %+v, want %d", s.srv.Unresolved, tc.wantRefs)
			}
		})
	}
}

func TestReadScriptBadOffset(t *testing.T) {
	s := testServer(t, map[string]string{shRel: "#!/bin/sh\nJAVA_OPTS=-DportOffset=abc\n"})
	err := readScript(s)
	if err == nil || !strings.Contains(err.Error(), "bin/wso2server.sh:2: port offset \"abc\" is not a whole number") {
		t.Fatalf("error = %v", err)
	}
	s = testServer(t, map[string]string{shRel: "JAVA_OPTS=-DportOffset=70000\n"})
	if err := readScript(s); err == nil || !strings.Contains(err.Error(), "out of range") {
		t.Fatalf("error = %v", err)
	}
}

func TestScriptFilesEI(t *testing.T) {
	s := &server{bin: "wso2/broker/bin", srv: model.Server{Profile: "broker"}}
	want := []string{"wso2/broker/bin/wso2server.sh", "wso2/broker/bin/wso2server.bat", "bin/broker.sh", "bin/broker.bat"}
	if diff := cmp.Diff(want, scriptFiles(s)); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	s = &server{bin: "bin", srv: model.Server{Profile: "integrator"}}
	want = []string{"bin/wso2server.sh", "bin/wso2server.bat", "bin/integrator.sh", "bin/integrator.bat"}
	if diff := cmp.Diff(want, scriptFiles(s)); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}
