package lint

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/wso2lint/wso2lint/internal/model"
)

// privileged is a home with servlet-https on 443 (a WL104 finding at
// catalina-server.xml:80) and the given ignores.
func privileged(ignores ...model.Ignore) *model.Home {
	h := home("a", srv(0, []model.Listener{in(model.SvcServletHTTPS, 443, 0, catalinaXML, 80)}))
	h.Ignores = ignores
	return h
}

func ignore(line, from, to int, reason string, rules ...string) model.Ignore {
	return model.Ignore{Rules: rules, Reason: reason, Pos: pos(catalinaXML, line), FromLine: from, ToLine: to}
}

func TestWL902UnusedIgnore(t *testing.T) {
	wl104, wl902 := lookup(t, "WL104"), lookup(t, "WL902")
	cases := []struct {
		name string
		home *model.Home
		opt  Options
		want []string
	}{
		{
			name: "used by name",
			home: privileged(ignore(79, 80, 80, "authbind", "privileged-port")),
		},
		{
			name: "wrong lines",
			home: privileged(ignore(60, 61, 61, "authbind", "WL104")),
			want: []string{
				`a|repository/conf/tomcat/catalina-server.xml:60:5: warning: ignore of "WL104" suppressed nothing on lines 61-61; expected a finding of that rule there, or no ignore [WL902]`,
				`a|repository/conf/tomcat/catalina-server.xml:80:5: warning: servlet-https listens on privileged port 443, which needs root or CAP_NET_BIND_SERVICE; expected a port of 1024 or more [WL104]`,
			},
		},
		{
			name: "unknown rule",
			home: privileged(ignore(79, 80, 80, "typo", "WL999")),
			want: []string{
				`a|repository/conf/tomcat/catalina-server.xml:79:5: warning: ignore names unknown rule "WL999"; expected a rule ID or name that ` + "`wso2lint explain`" + ` knows [WL902]`,
				`a|repository/conf/tomcat/catalina-server.xml:80:5: warning: servlet-https listens on privileged port 443, which needs root or CAP_NET_BIND_SERVICE; expected a port of 1024 or more [WL104]`,
			},
		},
		{
			name: "no rule named",
			home: privileged(ignore(79, 80, 80, "just because")),
			want: []string{
				`a|repository/conf/tomcat/catalina-server.xml:79:5: warning: ignore names no rule; expected a rule ID such as "WL101" before the reason [WL902]`,
				`a|repository/conf/tomcat/catalina-server.xml:80:5: warning: servlet-https listens on privileged port 443, which needs root or CAP_NET_BIND_SERVICE; expected a port of 1024 or more [WL104]`,
			},
		},
		{
			name: "named rule disabled: not reported",
			home: privileged(ignore(60, 61, 61, "authbind", "WL104")),
			opt:  Options{Disable: []string{"wl104"}},
		},
		{
			name: "named rule off in this run (the rule did not run)",
			home: privileged(ignore(60, 61, 61, "authbind", "WL310")),
			want: []string{
				`a|repository/conf/tomcat/catalina-server.xml:80:5: warning: servlet-https listens on privileged port 443, which needs root or CAP_NET_BIND_SERVICE; expected a port of 1024 or more [WL104]`,
			},
		},
		{
			name: "inline ignores off",
			home: privileged(ignore(79, 80, 80, "authbind", "WL104")),
			opt:  Options{NoInlineIgnores: true},
			want: []string{
				`a|repository/conf/tomcat/catalina-server.xml:80:5: warning: servlet-https listens on privileged port 443, which needs root or CAP_NET_BIND_SERVICE; expected a port of 1024 or more [WL104]`,
			},
		},
	}
	fired, silent := false, false
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got := lines(Run([]*model.Home{tc.home}, []*Rule{wl104, wl902}, tc.opt))
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("findings mismatch (-want +got):\n%s", diff)
			}
		})
		for _, w := range tc.want {
			fired = fired || len(w) > 0 && w[len(w)-7:] == "[WL902]"
		}
		silent = silent || len(tc.want) == 0
	}
	recordCoverage("WL902", fired, silent)
	if !fired || !silent {
		t.Errorf("the table needs a case where WL902 fires and one where it stays silent")
	}
}
