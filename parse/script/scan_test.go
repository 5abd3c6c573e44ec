package script

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// scanCase is a script and the options a scan finds in it, by context.
type scanCase struct {
	name, src string
	want      []string // Always
	wantCond  []string // Conditional
}

const jdwp = "-agentlib:jdwp=transport=dt_socket,server=y,suspend=n,address=5005"

// shCases are the shell scanner's table cases (also the seeds of FuzzScan).
func shCases() []scanCase {
	return []scanCase{
		{"top level", "JAVA_OPTS=\"$JAVA_OPTS -DportOffset=1\"\n", []string{"-DportOffset=1"}, nil},
		{"export", "export JAVA_OPTS='-Xrunjdwp:transport=dt_socket,server=y,address=8000'\n", []string{"-Xrunjdwp:transport=dt_socket,server=y,address=8000"}, nil},
		{"inside if", "if [ -n \"$X\" ]; then\n  JAVA_OPTS=-DportOffset=1\nfi\n", nil, []string{"-DportOffset=1"}},
		{"one-line if", "if [ -n \"$X\" ]; then JAVA_OPTS=-DportOffset=1; fi\nJAVA_OPTS=-DportOffset=2\n", []string{"-DportOffset=2"}, []string{"-DportOffset=1"}},
		{"and-chained", "[ -n \"$X\" ] && JAVA_OPTS=-DportOffset=1\n", nil, []string{"-DportOffset=1"}},
		{"case", "case $1 in\n  x) JAVA_OPTS=-DportOffset=1;;\nesac\n", nil, []string{"-DportOffset=1"}},
		{"comment", "# JAVA_OPTS=-DportOffset=1\nJAVA_OPTS=a # -DportOffset=3\n", nil, nil},
		{"echo", "echo \"use -DportOffset=1\"\n", nil, nil},
		{"hash inside quotes", "JAVA_OPTS=\"#x -DportOffset=5\"\n", []string{"-DportOffset=5"}, nil},
		{"continuation", "$JAVACMD \\\n  -Dfoo=1 \\\n  -DportOffset=2 \\\n  Main\n", []string{"-Dfoo=1", "-DportOffset=2"}, nil},
		{"while loop is not a condition", "while true\ndo\n  java -DportOffset=2\ndone\n", []string{"-DportOffset=2"}, nil},
		{"nested if", "if a; then\n if b; then\n x\n fi\n java -Da=1\nfi\njava -Db=2\n", []string{"-Db=2"}, []string{"-Da=1"}},

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
		{"non-jdwp options under a condition", "if [ -n \"$X\" ]; then JAVA_OPTS=\"-DportOffset=1 -Dcom.sun.management.jmxremote\"; fi\n", nil, []string{"-DportOffset=1", "-Dcom.sun.management.jmxremote"}},

		// (c) Conditions a default start decides: no arguments, and the
		// variables the script has not assigned yet are unset.
		{"-z of an unset variable", "if [ -z \"$JVM_MEM_OPTS\" ]; then\n  JVM_MEM_OPTS=\"-Xms256m -DportOffset=5\"\nfi\njava $JVM_MEM_OPTS Main\n", []string{"-Xms256m", "-DportOffset=5"}, nil},
		{"-z of a variable set before", "JVM_MEM_OPTS=-Xmx1g\nif [ -z \"$JVM_MEM_OPTS\" ]; then\n  JAVA_OPTS=-DportOffset=5\nfi\n", nil, []string{"-DportOffset=5"}},
		{"-z of a variable set conditionally before", "[ -x /x ] && M=1\nif [ -z \"$M\" ]; then\n  JAVA_OPTS=-DportOffset=5\nfi\n", nil, []string{"-DportOffset=5"}},
		{"-z of a variable unset again", "M=1\nunset M\nif [ -z \"$M\" ]; then\n  JAVA_OPTS=-DportOffset=5\nfi\n", []string{"-DportOffset=5"}, nil},
		{"-z of JAVA_HOME (from the environment)", "if [ -z \"$JAVA_HOME\" ]; then\n  JAVA_OPTS=-DportOffset=5\nfi\n", nil, []string{"-DportOffset=5"}},
		{"-z after sourcing a file", ". ./setenv.sh\nif [ -z \"$M\" ]; then\n  JAVA_OPTS=-DportOffset=5\nfi\n", nil, []string{"-DportOffset=5"}},
		{"else of -n", "if [ -n \"$X\" ]; then\n  x\nelse\n  JAVA_OPTS=-DportOffset=5\nfi\n", []string{"-DportOffset=5"}, nil},
		{"else of -z is not taken", "if [ -z \"$X\" ]; then\n  x\nelse\n  JAVA_OPTS=-DportOffset=5\nfi\n", nil, []string{"-DportOffset=5"}},
		{"elif after a false if", "if [ -n \"$X\" ]; then\n  x\nelif [ \"$Y\" = \"\" ]; then\n  JAVA_OPTS=-DportOffset=5\nelse\n  JAVA_OPTS=-DportOffset=6\nfi\n", []string{"-DportOffset=5"}, []string{"-DportOffset=6"}},
		{"elif after an unknown if", "if [ -x \"$J\" ]; then\n  x\nelif [ -z \"$Y\" ]; then\n  JAVA_OPTS=-DportOffset=5\nfi\n", nil, []string{"-DportOffset=5"}},
		{"negated test", "if ! [ -n \"$X\" ]; then JAVA_OPTS=-DportOffset=5; fi\nif [ ! -z \"$X\" ]; then JAVA_OPTS=-DportOffset=6; fi\n", []string{"-DportOffset=5"}, []string{"-DportOffset=6"}},
		{"test of a known value", "MODE=prod\nif [ \"x$MODE\" = \"xprod\" ]; then JAVA_OPTS=-DportOffset=5; fi\n", []string{"-DportOffset=5"}, nil},
		{"test of $1", "if [ \"$1\" = \"\" ]; then JAVA_OPTS=-DportOffset=5; fi\nif test -n \"$1\"; then JAVA_OPTS=-DportOffset=6; fi\n", []string{"-DportOffset=5"}, []string{"-DportOffset=6"}},
		{"and-chain that runs", "[ -z \"$X\" ] && JAVA_OPTS=-DportOffset=5\n", []string{"-DportOffset=5"}, nil},
		{"or-chain that runs", "[ -n \"$X\" ] || JAVA_OPTS=-DportOffset=5\n", []string{"-DportOffset=5"}, nil},
		{"or-chain that does not run", "[ -z \"$X\" ] || JAVA_OPTS=-DportOffset=5\n", nil, []string{"-DportOffset=5"}},
		{"compound condition", "if [ -z \"$A\" ] && [ -z \"$B\" ]; then JAVA_OPTS=-DportOffset=5; fi\n" +
			"if [ -z \"$A\" ] && [ -x /j ]; then JAVA_OPTS=-DportOffset=6; fi\n", []string{"-DportOffset=5"}, []string{"-DportOffset=6"}},
		{"nested default-start blocks", "if [ -z \"$A\" ]; then\n  if [ -z \"$B\" ]; then\n    JAVA_OPTS=\"" + jdwp + "\"\n  fi\nfi\n", []string{jdwp}, nil},
		{"--debug inside a default-start block", "if [ -z \"$A\" ]; then\n  if [ \"$1\" = \"--debug\" ]; then\n    JAVA_OPTS=\"" + jdwp + "\"\n  fi\nfi\n", nil, nil},
		{"jmx in the JVM_MEM_OPTS block", "if [ -z \"$JVM_MEM_OPTS\" ]; then\n  JVM_MEM_OPTS=\"-Xmx1g -Dcom.sun.management.jmxremote.port=9999 -Dcom.sun.management.jmxremote.authenticate=false\"\nfi\n$JAVACMD $JVM_MEM_OPTS Main\n",
			[]string{"-Xmx1g", "-Dcom.sun.management.jmxremote.port=9999", "-Dcom.sun.management.jmxremote.authenticate=false"}, nil},
	}
}

// batCases are the batch scanner's table cases (also the seeds of FuzzScan).
func batCases() []scanCase {
	const java = "\"%JAVA_HOME%\\bin\\java\" %CMD_LINE_ARGS% Main\r\n"
	return []scanCase{
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
		{"non-jdwp under a condition", "if \"%P%\"==\"x\" (\r\n  set JAVA_OPTS=%JAVA_OPTS% -DportOffset=8\r\n)\r\n", nil, []string{"-DportOffset=8"}},
	}
}

func TestScanSh(t *testing.T) {
	for _, tc := range shCases() {
		t.Run(tc.name, func(t *testing.T) {
			checkScan(t, tc, ScanSh([]byte(tc.src)))
		})
	}
}

func TestScanBat(t *testing.T) {
	for _, tc := range batCases() {
		t.Run(tc.name, func(t *testing.T) {
			checkScan(t, tc, ScanBat([]byte(tc.src)))
		})
	}
}

// checkScan compares the options sc found with tc's, by context.
func checkScan(t *testing.T, tc scanCase, sc *Script) {
	t.Helper()
	if diff := cmp.Diff(tc.want, optTexts(sc.Options, Always)); diff != "" {
		t.Errorf("always-on options (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(tc.wantCond, optTexts(sc.Options, Conditional)); diff != "" {
		t.Errorf("conditional options (-want +got):\n%s", diff)
	}
}

// optTexts returns the texts of the options of opts in context ctx.
func optTexts(opts []Option, ctx Context) []string {
	var out []string
	for _, o := range opts {
		if o.Context == ctx {
			out = append(out, o.Text)
		}
	}
	return out
}
