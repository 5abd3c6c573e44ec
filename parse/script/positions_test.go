package script

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
)

func TestScanPositions(t *testing.T) {
	for _, tc := range []struct {
		name string
		scan func([]byte) *Script
		src  string
		want []Option
	}{
		{"quoted JAVA_OPTS", ScanSh, "JAVA_OPTS=\"$JAVA_OPTS   -DportOffset=2\"\n", []Option{
			{Text: "-DportOffset=2", Raw: "-DportOffset=2\"", Pos: Pos{1, 25}, Statement: `sh: JAVA_OPTS="$JAVA_OPTS -DportOffset=2"`, Context: Always},
		}},
		{"continued java line, tabs and UTF-8", ScanSh, "\"$JAVACMD\" \\\n\t-Dé=1 \\\n\t  -Dx=2 Main\n", []Option{
			{Text: "-Dé=1", Raw: "-Dé=1", Pos: Pos{2, 2}, Statement: `sh: "$JAVACMD" -Dé=1 -Dx=2 Main`, Context: Always},
			{Text: "-Dx=2", Raw: "-Dx=2", Pos: Pos{3, 4}, Statement: `sh: "$JAVACMD" -Dé=1 -Dx=2 Main`, Context: Always},
		}},
		{"segments of one line", ScanSh, "cd x; java -Da=1 && echo -Db; java -Dc\n", []Option{
			{Text: "-Da=1", Raw: "-Da=1", Pos: Pos{1, 12}, Statement: "sh: java -Da=1", Context: Always},
			{Text: "-Dc", Raw: "-Dc", Pos: Pos{1, 36}, Statement: "sh: java -Dc", Context: Always},
		}},
		{"case arm after its pattern", ScanSh, "case \"$1\" in\n  *) java -Dx=1 ;;\nesac\n", []Option{
			{Text: "-Dx=1", Raw: "-Dx=1", Pos: Pos{2, 11}, Statement: "sh: java -Dx=1", Context: Always},
		}},
		{"stock --debug branch", ScanSh, "if [ \"$1\" = \"--debug\" ]; then\n  JAVA_OPTS=\"-Xdebug\"\nfi\n", []Option{
			{Text: "-Xdebug", Raw: "-Xdebug\"", Pos: Pos{2, 14}, Statement: `sh: JAVA_OPTS="-Xdebug"`, Context: Debug},
		}},
		{"batch continuation", ScanBat, "set JAVA_OPTS=-Da=1 ^\r\n  -Db=2\r\n", []Option{
			{Text: "-Da=1", Raw: "-Da=1", Pos: Pos{1, 15}, Statement: "sh: set JAVA_OPTS=-Da=1 -Db=2", Context: Always},
			{Text: "-Db=2", Raw: "-Db=2", Pos: Pos{2, 3}, Statement: "sh: set JAVA_OPTS=-Da=1 -Db=2", Context: Always},
		}},
		{"batch debug section", ScanBat, ":commandDebug\r\nset JAVA_OPTS=\"-Xdebug\"\r\n:runServer\r\nset JAVA_OPTS=-Dx\r\n", []Option{
			{Text: "-Xdebug", Raw: "-Xdebug\"", Pos: Pos{2, 16}, Statement: `sh: set JAVA_OPTS="-Xdebug"`, Context: Debug},
			{Text: "-Dx", Raw: "-Dx", Pos: Pos{4, 15}, Statement: "sh: set JAVA_OPTS=-Dx", Context: Always},
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if diff := cmp.Diff(tc.want, tc.scan([]byte(tc.src)).Options); diff != "" {
				t.Errorf("options (-want +got):\n%s", diff)
			}
		})
	}
}

func TestScanComments(t *testing.T) {
	for _, tc := range []struct {
		name string
		scan func([]byte) *Script
		src  string
		want []Comment
	}{
		// A comment on a line of its own speaks for the next statement too,
		// over blank and comment lines and through continuations.
		{"sh", ScanSh, "#!/bin/sh\n# one\n\n# two\njava -Da \\\n -Db # three\necho x # four \\\n",
			[]Comment{
				{Text: "!/bin/sh", Pos: Pos{1, 1}, FromLine: 1, ToLine: 6},
				{Text: " one", Pos: Pos{2, 1}, FromLine: 2, ToLine: 6},
				{Text: " two", Pos: Pos{4, 1}, FromLine: 4, ToLine: 6},
				{Text: " three", Pos: Pos{6, 6}, FromLine: 6, ToLine: 6},
				{Text: " four \\", Pos: Pos{7, 8}, FromLine: 7, ToLine: 7},
			}},
		{"quoted # is no comment", ScanSh, "JAVA_OPTS=\"#x\" a#b\n", nil},
		{"bat", ScanBat, "@REM one\r\n:: two\r\nset JAVA_OPTS=-Da ^\r\n -Db & rem three\r\nrem four\r\n",
			[]Comment{
				{Text: " one", Pos: Pos{1, 2}, FromLine: 1, ToLine: 4},
				{Text: " two", Pos: Pos{2, 1}, FromLine: 2, ToLine: 4},
				{Text: "three", Pos: Pos{4, 6}, FromLine: 3, ToLine: 4},
				{Text: " four", Pos: Pos{5, 1}, FromLine: 5, ToLine: 5},
			}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if diff := cmp.Diff(tc.want, tc.scan([]byte(tc.src)).Comments); diff != "" {
				t.Errorf("comments (-want +got):\n%s", diff)
			}
		})
	}
}

func TestValuePos(t *testing.T) {
	o := Option{Text: "-DportOffset=2", Raw: "-DportOffset=\"2\"", Pos: Pos{3, 5}}
	for _, tc := range []struct {
		i    int
		want Pos
	}{
		{0, Pos{3, 5}},
		{len("-DportOffset="), Pos{3, 19}}, // past the opening quote
		{len(o.Text), Pos{3, 21}},          // past the closing quote
	} {
		if got := o.ValuePos(tc.i); got != tc.want {
			t.Errorf("ValuePos(%d) = %v, want %v", tc.i, got, tc.want)
		}
	}
}

func TestStatementPath(t *testing.T) {
	for _, tc := range []struct{ text, want string }{
		{"  JAVA_OPTS=\"$JAVA_OPTS \t -Dx\"  ", `sh: JAVA_OPTS="$JAVA_OPTS -Dx"`},
		{strings.Repeat("a", 300), "sh: " + strings.Repeat("a", MaxStatement)},
		// Cut at a rune boundary.
		{strings.Repeat("é", 300), "sh: " + strings.Repeat("é", MaxStatement/2)},
		{"x" + strings.Repeat("é", 300), "sh: x" + strings.Repeat("é", (MaxStatement-1)/2)},
		// Exactly MaxStatement bytes once joined, and one more: the cut is on
		// the joined fields, whatever the blanks between them.
		{strings.Repeat("a", 99) + " \t\t " + strings.Repeat("b", 100), "sh: " + strings.Repeat("a", 99) + " " + strings.Repeat("b", 100)},
		{strings.Repeat("a", 100) + "  " + strings.Repeat("b", 100) + " c", "sh: " + strings.Repeat("a", 100) + " " + strings.Repeat("b", 99)},
		{strings.Repeat("a", 99) + " " + strings.Repeat("b", 100) + " c", "sh: " + strings.Repeat("a", 99) + " " + strings.Repeat("b", 100)},
		// Invalid UTF-8 is cut only where the statement is: a short one keeps it.
		{"-X\xff", "sh: -X\xff"},
		{"-X\xff " + strings.Repeat("a", 300), "sh: -X"},
	} {
		got := statementPath(tc.text)
		if got != tc.want || utf8.ValidString(tc.text) && !utf8.ValidString(got) {
			t.Errorf("statementPath(%.20q...) = %q, want %q", tc.text, got, tc.want)
		}
	}
}

func TestPosMap(t *testing.T) {
	// Two physical lines joined: "aé-x " and "\t-y"; offsets asked in
	// increasing order, then again from the start.
	m := newPosMap([]lineMark{{off: 0, line: 4, src: "aé-x"}, {off: 6, line: 5, src: "\t-y"}})
	for _, tc := range []struct {
		off  int
		want Pos
	}{
		{0, Pos{4, 1}}, {3, Pos{4, 3}}, {4, Pos{4, 4}}, {5, Pos{4, 5}}, {7, Pos{5, 2}}, {100, Pos{5, 4}}, {3, Pos{4, 3}},
	} {
		if got := m.pos(tc.off); got != tc.want {
			t.Errorf("pos(%d) = %v, want %v", tc.off, got, tc.want)
		}
	}
}

func TestNamesDebugArg(t *testing.T) {
	for _, tc := range []struct {
		cond string
		want bool
	}{
		{`[ "$1" = "--debug" ]`, true},
		{`[ "$1" = "-DEBUG" ]`, true},
		{`[ "$CMD" = "Debug" ]`, true},
		{`if "%1"=="debug"`, true},
		{`[ -n "$DEBUG" ]`, false},
		{`[ -n "${DEBUG}" ]`, false},
		{`if defined %DEBUG%`, false},
		{`[ -n "$DEBUG_PORT" ]`, false},
		{`[ "$X" = "debugger" ]`, false},
		{`[ "$X" = "---debug" ]`, false}, // a third dash is a variable-like byte
		{`x.debug`, false},
		{`debu`, false},
		{"\xc4\xb0debug", true}, // a byte above ASCII is no name byte
		{`DEBUX debug`, true},
	} {
		if got := namesDebugArg(tc.cond); got != tc.want {
			t.Errorf("namesDebugArg(%q) = %v, want %v", tc.cond, got, tc.want)
		}
	}
}
