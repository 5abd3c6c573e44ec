package parse

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/wso2lint/wso2lint/internal/model"
)

const shRel = "bin/wso2server.sh"

func TestReadScriptSh(t *testing.T) {
	s := runStep(t, readScript, map[string]string{shRel: readFixture(t, "wso2server-debug.sh")})
	wantSet := []model.Setting{
		{Key: model.KeyScriptJDWP, Value: "-agentlib:jdwp=transport=dt_socket,server=y,suspend=n,address=127.0.0.1:5005", Pos: pos(shRel, 24, 23, "")},
		{Key: model.KeyScriptJMXRemotePort, Value: "-Dcom.sun.management.jmxremote.port=9010", Pos: pos(shRel, 25, 30, "")},
		{Key: model.KeyScriptJMXRemote, Value: "-Dcom.sun.management.jmxremote", Pos: pos(shRel, 32, 5, "")},
		{Key: model.KeyScriptHostnameVerifier, Value: "-Dhttpclient.hostnameVerifier=AllowAll", Pos: pos(shRel, 34, 5, "")},
		{Key: model.KeyScriptProfile, Value: "-Dprofile=gateway-worker", Pos: pos(shRel, 36, 5, "")},
		// Line 20 turns JDWP on when $DEBUG is set: not the --debug branch
		// (conditional agents are recorded after the always-on options).
		{Key: model.KeyScriptJDWP, Value: "-agentlib:jdwp=transport=dt_socket,server=y,address=7007", Pos: pos(shRel, 20, 42, "")},
	}
	if diff := cmp.Diff(wantSet, s.srv.Settings, ignoreStatementPath); diff != "" {
		t.Errorf("settings (-want +got):\n%s", diff)
	}
	wantOff := []model.OffsetSource{{Origin: model.OriginScript, Text: "-DportOffset=4", Value: 4, Known: true, Pos: pos(shRel, 33, 18, "")}}
	if diff := cmp.Diff(wantOff, s.srv.Offsets, ignoreStatementPath); diff != "" {
		t.Errorf("offsets (-want +got):\n%s", diff)
	}
	if got, want := s.avoidConfigUpdate, pos(shRel, 35, 5, ""); got == nil || got.File != want.File || got.Line != want.Line || got.Col != want.Col {
		t.Errorf("-DavoidConfigUpdate=true at %v, want %v", got, want)
	}
	want := []model.Listener{
		{ID: model.SvcJDWP, Base: 5005, Configured: "5005", Proto: model.ProtoTCP, Dir: model.DirIn, Enabled: true, Bind: "127.0.0.1",
			Source: pos(shRel, 24, 95, ""), Note: "debug agent always on"},
		{ID: model.SvcJMXRemote, Base: 9010, Configured: "9010", Proto: model.ProtoTCP, Dir: model.DirIn, Enabled: true,
			Source: pos(shRel, 25, 66, ""), Note: "jvm jmx agent"},
		{ID: model.SvcJDWP, Base: 7007, Configured: "7007", Proto: model.ProtoTCP, Dir: model.DirIn,
			Source: pos(shRel, 20, 94, ""), Note: "debug agent on when a condition of the start script (not --debug) holds"},
	}
	if diff := cmp.Diff(want, s.srv.Listeners, ignoreStatementPath); diff != "" {
		t.Errorf("listeners (-want +got):\n%s", diff)
	}
	if s.script == nil || !s.script.offsetSet || s.script.offset != 4 || s.script.offsetPos.File != shRel || s.script.offsetPos.Line != 33 || s.script.offsetPos.Col != 18 {
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
	}
	if diff := cmp.Diff(wantSet, s.srv.Settings, ignoreStatementPath); diff != "" {
		t.Errorf("settings (-want +got):\n%s", diff)
	}
	wantOff := []model.OffsetSource{{Origin: model.OriginScript, Text: "-DportOffset=6", Value: 6, Known: true, Pos: pos(batRel, 15, 105, "")}}
	if diff := cmp.Diff(wantOff, s.srv.Offsets, ignoreStatementPath); diff != "" {
		t.Errorf("offsets (-want +got):\n%s", diff)
	}
	if len(s.srv.Listeners) != 0 {
		t.Errorf("listeners = %+v, want none (debug section only)", s.srv.Listeners)
	}
	if s.script == nil || s.script.offset != 6 {
		t.Errorf("script offset = %+v, want 6", s.script)
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
		{"variable port under a condition", "[ -n \"$DEBUG\" ] && JAVA_OPTS=\"-Xrunjdwp:transport=dt_socket,server=y,address=$DEBUG_PORT\"", nil, 0},
		{"conditional agent", "[ -n \"$DEBUG\" ] && JAVA_OPTS=\"-agentlib:jdwp=transport=dt_socket,server=y,address=*:5005\"",
			[]model.Listener{{ID: model.SvcJDWP, Base: 5005, Configured: "5005", Proto: model.ProtoTCP, Dir: model.DirIn,
				Source: pos(shRel, 1, 85, ""), Note: "debug agent on when a condition of the start script (not --debug) holds"}}, 0},
		// Without jmxremote.port the agent opens no remote connector: rmi.port alone is not a listener.
		{"rmi port alone", "JAVA_OPTS=-Dcom.sun.management.jmxremote.rmi.port=9011",
			[]model.Listener{{ID: model.SvcJMXRemote, Base: 9011, Configured: "9011", Proto: model.ProtoTCP, Dir: model.DirIn,
				Source: pos(shRel, 1, 51, ""), Note: "jvm jmx agent rmi server port; jmxremote.port unset: the agent does not listen"}}, 0},
		{"port and rmi port", "JAVA_OPTS=\"-Dcom.sun.management.jmxremote.rmi.port=9011 -Dcom.sun.management.jmxremote.port=9010\"",
			[]model.Listener{
				{ID: model.SvcJMXRemote, Base: 9011, Configured: "9011", Proto: model.ProtoTCP, Dir: model.DirIn, Enabled: true,
					Source: pos(shRel, 1, 52, ""), Note: "jvm jmx agent rmi server port"},
				{ID: model.SvcJMXRemote, Base: 9010, Configured: "9010", Proto: model.ProtoTCP, Dir: model.DirIn, Enabled: true,
					Source: pos(shRel, 1, 93, ""), Note: "jvm jmx agent"},
			}, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := runStep(t, readScript, map[string]string{shRel: tc.line + "\n"})
			if diff := cmp.Diff(tc.want, s.srv.Listeners, ignoreStatementPath); diff != "" {
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

// ignoreStatementPath leaves out the statement text that script option
// positions carry as Path (TestStatementPath checks it).
var ignoreStatementPath = cmpopts.IgnoreFields(model.Pos{}, "Path")

func TestStatementPath(t *testing.T) {
	s := runStep(t, readScript, map[string]string{"bin/wso2server.sh": "#!/bin/sh\nJAVA_OPTS=\"$JAVA_OPTS   -DportOffset=2\"\n"})
	if len(s.srv.Offsets) != 1 {
		t.Fatalf("offsets = %+v, want the script's", s.srv.Offsets)
	}
	set := s.srv.Offsets[0]
	if want := `sh: JAVA_OPTS="$JAVA_OPTS -DportOffset=2"`; set.Pos.Path != want {
		t.Errorf("Path = %q, want %q", set.Pos.Path, want)
	}
}

// FuzzReadScript runs the product side of start script reading (offset,
// listeners, settings) on scanned options, in memory: it must return an error
// or nothing, never panic, and give only complete listeners. The scanner has
// its own fuzz target (parse/script.FuzzScan).
func FuzzReadScript(f *testing.F) {
	seedFixtures(f, "wso2server-debug.sh", "wso2server.bat")
	f.Add([]byte("JAVA_OPTS=\"-agentlib:jdwp=transport=dt_socket,server=y,address=*:5005 -Dcom.sun.management.jmxremote.rmi.port=9011\"\n"))
	f.Add([]byte("[ -n \"$D\" ] && JAVA_OPTS=\"-Xrunjdwp:server=n,address=h:1\"\nset JAVA_OPTS=-DportOffset=%O%\r\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		for _, rel := range []string{"bin/wso2server.sh", "bin/wso2server.bat"} {
			s := &server{h: &home{dir: "h"}, bin: "bin", srv: model.Server{Profile: "default"}}
			if err := readScriptText(s, rel, data); err != nil {
				continue
			}
			for _, l := range s.srv.Listeners {
				if l.ID == "" || l.Proto == model.ProtoInvalid || l.Dir == model.DirInvalid || l.Source.File != rel || l.Source.Line < 1 || l.Source.Col < 1 {
					t.Fatalf("incomplete listener %+v", l)
				}
			}
		}
	})
}

// TestReadScriptIgnoreHostname: the options that turn host name verification
// off (org.wso2.ignoreHostnameVerification, which Carbon's HTTP clients read,
// and OpenSAML's disableHostnameVerification) are recorded at the option.
func TestReadScriptIgnoreHostname(t *testing.T) {
	src := "#!/bin/sh\n" +
		"    $JAVACMD \\\n" +
		"    -Dorg.opensaml.httpclient.https.disableHostnameVerification=true \\\n" +
		"    -Dorg.wso2.ignoreHostnameVerification=true \\\n" +
		"    org.wso2.carbon.bootstrap.Bootstrap $*\n"
	s := runStep(t, readScript, map[string]string{shRel: src})
	want := []model.Setting{
		{Key: model.KeyScriptIgnoreHostname, Value: "-Dorg.opensaml.httpclient.https.disableHostnameVerification=true", Pos: pos(shRel, 3, 5, "")},
		{Key: model.KeyScriptIgnoreHostname, Value: "-Dorg.wso2.ignoreHostnameVerification=true", Pos: pos(shRel, 4, 5, "")},
	}
	if diff := cmp.Diff(want, s.srv.Settings, ignoreStatementPath); diff != "" {
		t.Errorf("settings (-want +got):\n%s", diff)
	}
}
