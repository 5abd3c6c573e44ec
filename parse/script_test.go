package parse

import (
	"strings"
	"testing"
	"unicode/utf8"

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
		{Key: model.KeyScriptPortOffset, Value: "-DportOffset=4", Pos: pos(shRel, 33, 18, "")},
		{Key: model.KeyScriptHostnameVerifier, Value: "-Dhttpclient.hostnameVerifier=AllowAll", Pos: pos(shRel, 34, 5, "")},
		{Key: model.KeyScriptAvoidConfigUpdate, Value: "-DavoidConfigUpdate=true", Pos: pos(shRel, 35, 5, "")},
		{Key: model.KeyScriptProfile, Value: "-Dprofile=gateway-worker", Pos: pos(shRel, 36, 5, "")},
		// Line 20 turns JDWP on when $DEBUG is set: not the --debug branch
		// (conditional agents are recorded after the always-on options).
		{Key: model.KeyScriptJDWP, Value: "-agentlib:jdwp=transport=dt_socket,server=y,address=7007", Pos: pos(shRel, 20, 42, "")},
	}
	if diff := cmp.Diff(wantSet, s.srv.Settings, ignoreStatementPath); diff != "" {
		t.Errorf("settings (-want +got):\n%s", diff)
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
		{Key: model.KeyScriptPortOffset, Value: "-DportOffset=6", Pos: pos(batRel, 15, 105, "")},
	}
	if diff := cmp.Diff(wantSet, s.srv.Settings, ignoreStatementPath); diff != "" {
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
	const jdwp = "-agentlib:jdwp=transport=dt_socket,server=y,suspend=n,address=5005"
	for _, tc := range []struct {
		name, src string
		want      []string // always on
		wantCond  []string // JDWP under a condition other than --debug
	}{
		{"top level", "JAVA_OPTS=\"$JAVA_OPTS -DportOffset=1\"\n", []string{"-DportOffset=1"}, nil},
		{"export", "export JAVA_OPTS='-Xrunjdwp:transport=dt_socket,server=y,address=8000'\n", []string{"-Xrunjdwp:transport=dt_socket,server=y,address=8000"}, nil},
		{"inside if", "if [ -n \"$X\" ]; then\n  JAVA_OPTS=-DportOffset=1\nfi\n", nil, nil},
		{"one-line if", "if [ -n \"$X\" ]; then JAVA_OPTS=-DportOffset=1; fi\nJAVA_OPTS=-DportOffset=2\n", []string{"-DportOffset=2"}, nil},
		{"and-chained", "[ -n \"$X\" ] && JAVA_OPTS=-DportOffset=1\n", nil, nil},
		{"case", "case $1 in\n  x) JAVA_OPTS=-DportOffset=1;;\nesac\n", nil, nil},
		{"comment", "# JAVA_OPTS=-DportOffset=1\nJAVA_OPTS=a # -DportOffset=3\n", nil, nil},
		{"echo", "echo \"use -DportOffset=1\"\n", nil, nil},
		{"hash inside quotes", "JAVA_OPTS=\"#x -DportOffset=5\"\n", []string{"-DportOffset=5"}, nil},
		{"continuation", "$JAVACMD \\\n  -Dfoo=1 \\\n  -DportOffset=2 \\\n  Main\n", []string{"-Dfoo=1", "-DportOffset=2"}, nil},
		{"while loop is not a condition", "while true\ndo\n  java -DportOffset=2\ndone\n", []string{"-DportOffset=2"}, nil},
		{"nested if", "if a; then\n if b; then\n x\n fi\n java -Da=1\nfi\njava -Db=2\n", []string{"-Db=2"}, nil},

		// The stock --debug branch, as the 4.4 scripts and the trimmed example write it.
		{"stock --debug branch", "if [ \"$CMD\" = \"--debug\" ]; then\n  JAVA_OPTS=\"-Xdebug -Xnoagent -Xrunjdwp:transport=dt_socket,server=y,suspend=y,address=$PORT\"\n" +
			"elif [ \"$CMD\" = \"start\" ]; then\n  x\nfi\n$JAVACMD $JAVA_OPTS Main\n", nil, nil},
		{"debug branch tests PORT set only after --debug", "for c in \"$@\"; do\n  if [ \"$CMD\" = \"--debug\" ]; then\n    PORT=\"$c\"\n" +
			"  elif [ \"$c\" = \"--debug\" ] || [ \"$c\" = \"-debug\" ]; then\n    CMD=\"--debug\"\n  fi\ndone\n" +
			"if [ \"$PORT\" != \"\" ]; then\n  JAVA_OPTS=\"-Xrunjdwp:transport=dt_socket,server=y,address=$PORT\"\nfi\n", nil, nil},
		{"case --debug arm", "case \"$1\" in\n  -d|--debug)\n    JAVA_OPTS=\"" + jdwp + "\" ;;\nesac\n", nil, nil},
		{"[ --debug ] && one-liner", "[ \"$1\" = \"--debug\" ] && JAVA_OPTS=\"" + jdwp + "\"\n", nil, nil},

		// (a) DEBUG_OPTS assigned at the top level counts only where it is expanded.
		{"DEBUG_OPTS used only in the --debug branch", "DEBUG_OPTS=\"-Xdebug " + jdwp + "\"\n" +
			"if [ \"$CMD\" = \"--debug\" ]; then\n  JAVA_OPTS=\"$JAVA_OPTS $DEBUG_OPTS\"\nfi\n$JAVACMD $JAVA_OPTS Main\n", nil, nil},
		{"DEBUG_OPTS never used", "DEBUG_OPTS=\"" + jdwp + "\"\njava Main\n", nil, nil},
		{"DEBUG_OPTS on the java command line", "DEBUG_OPTS=\"" + jdwp + "\"\nexec java ${DEBUG_OPTS} Main\n", []string{jdwp}, nil},
		{"DEBUG_OPTS through another variable", "A=\"" + jdwp + "\"\nB=\"-Dx=1 $A\"\nJAVA_OPTS=\"$JAVA_OPTS $B\"\n", []string{jdwp, "-Dx=1"}, nil},
		{"DEBUG_OPTS emptied before use", "DEBUG_OPTS=\"" + jdwp + "\"\nDEBUG_OPTS=\"\"\njava $DEBUG_OPTS Main\n", nil, nil},
		{"DEBUG_OPTS in single quotes is not expanded", "DEBUG_OPTS=\"" + jdwp + "\"\njava '$DEBUG_OPTS' Main\n", nil, nil},
		{"other options of DEBUG_OPTS in the --debug branch", "DBG=\"-DportOffset=3\"\nif [ \"$CMD\" = \"--debug\" ]; then JAVA_OPTS=\"$DBG\"; fi\n", nil, nil},

		// (b) JDWP under a condition that is not the --debug branch.
		{"jdwp in a custom if", "if [ \"$ENV\" = \"staging\" ]; then\n  JAVA_OPTS=\"$JAVA_OPTS " + jdwp + "\"\nfi\n", nil, []string{jdwp}},
		{"jdwp in a $DEBUG one-liner", "[ -n \"$DEBUG\" ] && JAVA_OPTS=\"$JAVA_OPTS " + jdwp + "\"\n", nil, []string{jdwp}},
		{"jdwp in a $DEBUG if", "if [ \"${DEBUG}\" = \"true\" ]; then JAVA_OPTS=\"$JAVA_OPTS " + jdwp + "\"; fi\n", nil, []string{jdwp}},
		// A default start (no arguments) takes the * arm and the else of the --debug test.
		{"jdwp in another case arm", "case \"$1\" in\n  --debug) x ;;\n  *) JAVA_OPTS=\"$JAVA_OPTS " + jdwp + "\" ;;\nesac\n", []string{jdwp}, nil},
		{"jdwp in the else of the --debug if", "if [ \"$CMD\" = \"--debug\" ]; then\n  x\nelse\n  JAVA_OPTS=\"" + jdwp + "\"\nfi\n", []string{jdwp}, nil},
		{"jdwp in a case arm a default start does not take", "case \"$1\" in\n  --debug) x ;;\n  staging) JAVA_OPTS=\"" + jdwp + "\" ;;\nesac\n", nil, []string{jdwp}},
		{"jdwp in a case on an unknown word", "case \"`uname`\" in\n  Linux*) JAVA_OPTS=\"" + jdwp + "\" ;;\nesac\n", nil, []string{jdwp}},
		{"jdwp on a java command line inside an if", "if [ -x \"$JAVACMD\" ]; then\n  $JAVACMD " + jdwp + " Main\nfi\n", nil, []string{jdwp}},
		{"conditional DEBUG_OPTS on the java line", "if [ -n \"$REMOTE\" ]; then DEBUG_OPTS=\"" + jdwp + "\"; fi\njava $DEBUG_OPTS Main\n", nil, []string{jdwp}},
		{"DEBUG_OPTS expanded in a custom one-liner", "DEBUG_OPTS=\"" + jdwp + "\"\n[ -n \"$DEBUG\" ] && JAVA_OPTS=\"$JAVA_OPTS $DEBUG_OPTS\"\n", nil, []string{jdwp}},
		{"remote-debug is not --debug", "if [ \"$MODE\" = \"remote-debug\" ]; then JAVA_OPTS=\"" + jdwp + "\"; fi\n", nil, []string{jdwp}},
		{"non-jdwp options under a condition stay out", "if [ -n \"$X\" ]; then JAVA_OPTS=\"-DportOffset=1 -Dcom.sun.management.jmxremote\"; fi\n", nil, nil},

		// (c) Conditions a default start decides: no arguments, and the
		// variables the script has not assigned yet are unset.
		{"-z of an unset variable", "if [ -z \"$JVM_MEM_OPTS\" ]; then\n  JVM_MEM_OPTS=\"-Xms256m -DportOffset=5\"\nfi\njava $JVM_MEM_OPTS Main\n", []string{"-Xms256m", "-DportOffset=5"}, nil},
		{"-z of a variable set before", "JVM_MEM_OPTS=-Xmx1g\nif [ -z \"$JVM_MEM_OPTS\" ]; then\n  JAVA_OPTS=-DportOffset=5\nfi\n", nil, nil},
		{"-z of a variable set conditionally before", "[ -x /x ] && M=1\nif [ -z \"$M\" ]; then\n  JAVA_OPTS=-DportOffset=5\nfi\n", nil, nil},
		{"-z of a variable unset again", "M=1\nunset M\nif [ -z \"$M\" ]; then\n  JAVA_OPTS=-DportOffset=5\nfi\n", []string{"-DportOffset=5"}, nil},
		{"-z of JAVA_HOME (from the environment)", "if [ -z \"$JAVA_HOME\" ]; then\n  JAVA_OPTS=-DportOffset=5\nfi\n", nil, nil},
		{"-z after sourcing a file", ". ./setenv.sh\nif [ -z \"$M\" ]; then\n  JAVA_OPTS=-DportOffset=5\nfi\n", nil, nil},
		{"else of -n", "if [ -n \"$X\" ]; then\n  x\nelse\n  JAVA_OPTS=-DportOffset=5\nfi\n", []string{"-DportOffset=5"}, nil},
		{"else of -z is not taken", "if [ -z \"$X\" ]; then\n  x\nelse\n  JAVA_OPTS=-DportOffset=5\nfi\n", nil, nil},
		{"elif after a false if", "if [ -n \"$X\" ]; then\n  x\nelif [ \"$Y\" = \"\" ]; then\n  JAVA_OPTS=-DportOffset=5\nelse\n  JAVA_OPTS=-DportOffset=6\nfi\n", []string{"-DportOffset=5"}, nil},
		{"elif after an unknown if", "if [ -x \"$J\" ]; then\n  x\nelif [ -z \"$Y\" ]; then\n  JAVA_OPTS=-DportOffset=5\nfi\n", nil, nil},
		{"negated test", "if ! [ -n \"$X\" ]; then JAVA_OPTS=-DportOffset=5; fi\nif [ ! -z \"$X\" ]; then JAVA_OPTS=-DportOffset=6; fi\n", []string{"-DportOffset=5"}, nil},
		{"test of a known value", "MODE=prod\nif [ \"x$MODE\" = \"xprod\" ]; then JAVA_OPTS=-DportOffset=5; fi\n", []string{"-DportOffset=5"}, nil},
		{"test of $1", "if [ \"$1\" = \"\" ]; then JAVA_OPTS=-DportOffset=5; fi\nif test -n \"$1\"; then JAVA_OPTS=-DportOffset=6; fi\n", []string{"-DportOffset=5"}, nil},
		{"and-chain that runs", "[ -z \"$X\" ] && JAVA_OPTS=-DportOffset=5\n", []string{"-DportOffset=5"}, nil},
		{"or-chain that runs", "[ -n \"$X\" ] || JAVA_OPTS=-DportOffset=5\n", []string{"-DportOffset=5"}, nil},
		{"or-chain that does not run", "[ -z \"$X\" ] || JAVA_OPTS=-DportOffset=5\n", nil, nil},
		{"compound condition", "if [ -z \"$A\" ] && [ -z \"$B\" ]; then JAVA_OPTS=-DportOffset=5; fi\n" +
			"if [ -z \"$A\" ] && [ -x /j ]; then JAVA_OPTS=-DportOffset=6; fi\n", []string{"-DportOffset=5"}, nil},
		{"nested default-start blocks", "if [ -z \"$A\" ]; then\n  if [ -z \"$B\" ]; then\n    JAVA_OPTS=\"" + jdwp + "\"\n  fi\nfi\n", []string{jdwp}, nil},
		{"--debug inside a default-start block", "if [ -z \"$A\" ]; then\n  if [ \"$1\" = \"--debug\" ]; then\n    JAVA_OPTS=\"" + jdwp + "\"\n  fi\nfi\n", nil, nil},
		{"jmx in the JVM_MEM_OPTS block", "if [ -z \"$JVM_MEM_OPTS\" ]; then\n  JVM_MEM_OPTS=\"-Xmx1g -Dcom.sun.management.jmxremote.port=9999 -Dcom.sun.management.jmxremote.authenticate=false\"\nfi\n$JAVACMD $JVM_MEM_OPTS Main\n",
			[]string{"-Xmx1g", "-Dcom.sun.management.jmxremote.port=9999", "-Dcom.sun.management.jmxremote.authenticate=false"}, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			sc := scanSh("s.sh", []byte(tc.src))
			if diff := cmp.Diff(tc.want, optTexts(sc.opts)); diff != "" {
				t.Errorf("always-on options (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tc.wantCond, optTexts(sc.cond)); diff != "" {
				t.Errorf("conditional JDWP (-want +got):\n%s", diff)
			}
		})
	}
}

func TestScanBatConditions(t *testing.T) {
	const jdwp = "-agentlib:jdwp=transport=dt_socket,server=y,suspend=n,address=5005"
	const java = "\"%JAVA_HOME%\\bin\\java\" %CMD_LINE_ARGS% Main\r\n"
	for _, tc := range []struct {
		name, src string
		want      []string
		wantCond  []string
	}{
		{"top level", "set JAVA_OPTS=%JAVA_OPTS% " + jdwp + "\r\n", []string{jdwp}, nil},
		{"command line args on the java line", "set CMD_LINE_ARGS=-Dcom.sun.management.jmxremote %JAVA_OPTS%\r\n" + java, []string{"-Dcom.sun.management.jmxremote"}, nil},
		{"stock debug section", "if \"\"%1\"\"==\"\"--debug\"\" goto commandDebug\r\ngoto runServer\r\n:commandDebug\r\nset JAVA_OPTS=-Xdebug " + jdwp + "\r\ngoto runServer\r\n:runServer\r\n", nil, nil},
		{"if --debug line", "if \"%1\"==\"--debug\" set JAVA_OPTS=" + jdwp + "\r\n", nil, nil},
		{"DEBUG_OPTS used only in the debug section", "set DEBUG_OPTS=" + jdwp + "\r\n:commandDebug\r\nset JAVA_OPTS=%DEBUG_OPTS%\r\n:runServer\r\n" +
			"set CMD_LINE_ARGS=%JAVA_OPTS%\r\n" + java, nil, nil},
		{"DEBUG_OPTS on the java line", "set DEBUG_OPTS=" + jdwp + "\r\nset CMD_LINE_ARGS=%debug_opts%\r\n" + java, []string{jdwp}, nil},
		{"if %DEBUG% line", "if \"%DEBUG%\"==\"true\" set JAVA_OPTS=%JAVA_OPTS% " + jdwp + "\r\n", nil, []string{jdwp}},
		{"if defined block", "if defined REMOTE (\r\n  set JAVA_OPTS=%JAVA_OPTS% " + jdwp + "\r\n)\r\n", nil, []string{jdwp}},
		{"else block", "if \"%1\"==\"--debug\" (\r\n  echo x\r\n) else (\r\n  set JAVA_OPTS=" + jdwp + "\r\n)\r\n", nil, []string{jdwp}},
		{"non-jdwp under a condition", "if \"%P%\"==\"x\" (\r\n  set JAVA_OPTS=%JAVA_OPTS% -DportOffset=8\r\n)\r\n", nil, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			sc := scanBat("s.bat", []byte(tc.src))
			if diff := cmp.Diff(tc.want, optTexts(sc.opts)); diff != "" {
				t.Errorf("always-on options (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tc.wantCond, optTexts(sc.cond)); diff != "" {
				t.Errorf("conditional JDWP (-want +got):\n%s", diff)
			}
		})
	}
}

// optTexts returns the texts of opts.
func optTexts(opts []scriptOpt) []string {
	var out []string
	for _, o := range opts {
		out = append(out, o.text)
	}
	return out
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
	set, ok := s.srv.Setting(model.KeyScriptPortOffset)
	if !ok {
		t.Fatal("no port offset setting")
	}
	if want := `sh: JAVA_OPTS="$JAVA_OPTS -DportOffset=2"`; set.Pos.Path != want {
		t.Errorf("Path = %q, want %q", set.Pos.Path, want)
	}
	long := statementPath(strings.Repeat("é", 300))
	if len(long) > maxStatementPath+len("sh: ") || !utf8.ValidString(long) {
		t.Errorf("statementPath of a long statement = %d bytes, valid UTF-8 %v", len(long), utf8.ValidString(long))
	}
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
