package lint

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/wso2lint/wso2lint/internal/model"
)

func TestWL310JDWPAlwaysOn(t *testing.T) {
	testRule(t, "WL310", []ruleCase{
		{
			name:  "agent in JAVA_OPTS",
			homes: []*model.Home{home("a", srv(0, nil, set(model.KeyScriptJDWP, "-agentlib:jdwp=transport=dt_socket,server=y,suspend=n,address=5005", script, 150)))},
			want: []string{
				`a|bin/wso2server.sh:150:5: error: start script starts the debug agent with "-agentlib:jdwp=transport=dt_socket,server=y,suspend=n,address=5005" outside the --debug branch; expected it only behind --debug, never in production [WL310]`,
			},
		},
		{
			name:  "stock script",
			homes: []*model.Home{home("a", srv(0, nil, set(model.KeyScriptHostnameVerifier, "-Dhttpclient.hostnameVerifier=Strict", script, 290)))},
		},
	})
}

// TestWL310CorpusHome lints edited copies of a real start script: JDWP
// counts outside the stock --debug branch, including under the script's
// own conditions, and not where only that branch expands it.
func TestWL310CorpusHome(t *testing.T) {
	const sh = "bin/wso2server.sh"
	const anchor = `echo "Using Java memory options: $JVM_MEM_OPTS"`
	const stockDebug = `  JAVA_OPTS="-Xdebug -Xnoagent -Djava.compiler=NONE -Xrunjdwp:transport=dt_socket,server=y,suspend=y,address=$PORT"`
	const jdwp = "-agentlib:jdwp=transport=dt_socket,server=y,suspend=n,address=*:5005"
	after := func(line string) func(t *testing.T, dir string) {
		return func(t *testing.T, dir string) { editHomeFile(t, dir, sh, anchor, anchor+"\n"+line) }
	}
	msg := func(pos string) string {
		return sh + ":" + pos + `: error: start script starts the debug agent with "` + jdwp + `" outside the --debug branch; expected it only behind --debug, never in production [WL310]`
	}
	for _, tc := range []struct {
		name string
		edit func(t *testing.T, dir string)
		want []string
	}{
		{"stock", nil, nil},
		{"DEBUG_OPTS at the top level, expanded only in the --debug branch", func(t *testing.T, dir string) {
			editHomeFile(t, dir, sh, "#!/bin/sh\n", "#!/bin/sh\nDEBUG_OPTS=\"-Xdebug "+jdwp+"\"\n")
			editHomeFile(t, dir, sh, stockDebug, `  JAVA_OPTS="$DEBUG_OPTS"`)
		}, nil},
		{"in JAVA_OPTS", after(`JAVA_OPTS="$JAVA_OPTS ` + jdwp + `"`), []string{msg("289:23")}},
		{"in a && one-liner", after(`[ -n "$DEBUG" ] && JAVA_OPTS="$JAVA_OPTS ` + jdwp + `"`), []string{msg("289:42")}},
		{"in an if of the script's own", after("if [ \"$ENVIRONMENT\" != \"prod\" ]; then\n  JAVA_OPTS=\"$JAVA_OPTS " + jdwp + "\"\nfi"), []string{msg("290:25")}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, _ := lintCorpusCopy(t, "wso2am-2.6.0", tc.edit, "WL310")
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("WL310 findings mismatch (-want +got):\n%s", diff)
			}
		})
	}
}
