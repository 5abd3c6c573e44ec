package lint

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/wso2lint/wso2lint/internal/model"
)

// Test builders for hand-written homes.

const (
	carbonXML   = "repository/conf/carbon.xml"
	catalinaXML = "repository/conf/tomcat/catalina-server.xml"
	axis2XML    = "repository/conf/axis2/axis2.xml"
	userMgtXML  = "repository/conf/user-mgt.xml"
	jmxXML      = "repository/conf/etc/jmx.xml"
	ldapXML     = "repository/conf/identity/embedded-ldap.xml"
	script      = "bin/wso2server.sh"
	toml        = "repository/conf/deployment.toml"
	dsXML       = "repository/conf/datasources/master-datasources.xml"
	csrfGuard   = "repository/conf/security/Owasp.CsrfGuard.Carbon.properties"
)

func pos(file string, line int) model.Pos { return model.Pos{File: file, Line: line, Col: 5} }

// in is an enabled, offsettable inbound tcp listener.
func in(id string, base model.Port, off int, file string, line int) model.Listener {
	return model.Listener{ID: id, Base: base, Offset: off, Offsetable: true, Proto: model.ProtoTCP,
		Dir: model.DirIn, Enabled: true, Source: pos(file, line)}
}

// fixed is an enabled inbound tcp listener the offset does not move.
func fixed(id string, base model.Port, file string, line int) model.Listener {
	l := in(id, base, 0, file, line)
	l.Offsetable = false
	return l
}

// out is an enabled outbound tcp connection.
func out(id, host string, port model.Port, file string, line int) model.Listener {
	return model.Listener{ID: id, Base: port, Proto: model.ProtoTCP, Dir: model.DirOut, Enabled: true,
		Host: host, Source: pos(file, line)}
}

func set(key, value, file string, line int) model.Setting {
	return model.Setting{Key: key, Value: value, Pos: pos(file, line)}
}

// srv is a default-profile server with its offset in carbon.xml.
func srv(off int, ls []model.Listener, ss ...model.Setting) model.Server {
	s := model.Server{Profile: "default", ConfDir: "repository/conf", Listeners: ls, Settings: ss,
		Offset: model.Offset{Value: off, Origin: model.OriginCarbon, Pos: pos(carbonXML, 98)}}
	s.Sort()
	return s
}

func home(dir string, servers ...model.Server) *model.Home {
	return &model.Home{Dir: dir, Product: model.Product{Key: "am", Version: "2.6.0"}, Servers: servers,
		Files: []string{carbonXML}}
}

func lookup(t *testing.T, id string) *Rule {
	t.Helper()
	r, ok := Lookup(id)
	if !ok {
		t.Fatalf("rule %s not found", id)
	}
	return r
}

// runRule runs the one rule over homes and returns the findings as
// "home|file:line:col: severity: message [ID]" lines.
func runRule(t *testing.T, id string, opt Options, homes ...*model.Home) []string {
	t.Helper()
	return lines(Run(homes, []*Rule{lookup(t, id)}, opt))
}

func lines(fs []model.Finding) []string {
	var out []string
	for _, f := range fs {
		out = append(out, f.Home+"|"+f.String())
	}
	return out
}

// ruleCase is one case of a rule's table test.
type ruleCase struct {
	name  string
	homes []*model.Home
	opt   Options
	want  []string
}

func testRule(t *testing.T, id string, cases []ruleCase) {
	t.Helper()
	fired, silent := false, false
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got := runRule(t, id, tc.opt, tc.homes...)
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("%s findings mismatch (-want +got):\n%s", id, diff)
			}
		})
		fired = fired || len(tc.want) > 0
		silent = silent || len(tc.want) == 0
	}
	recordCoverage(id, fired, silent)
	if !fired || !silent {
		t.Errorf("%s: the table needs a case that fires and one that stays silent", id)
	}
}
