package kubernetes

import (
	"bytes"
	"net/netip"
	"path/filepath"
	"strings"
	"testing"

	"github.com/wso2lint/wso2lint/catalog"
	"github.com/wso2lint/wso2lint/internal/golden"
	"github.com/wso2lint/wso2lint/internal/model"
	"github.com/wso2lint/wso2lint/internal/testenv"
	"github.com/wso2lint/wso2lint/parse"
)

// fixtureHome is a hand-built home with a listener of every kind the
// emitter treats differently.
func fixtureHome() *model.Home {
	const toml = "repository/conf/deployment.toml"
	l := func(id string, base, end model.Port, proto model.Protocol, cls model.Exposure, line int) model.Listener {
		return model.Listener{ID: id, Base: base, BaseEnd: end, Offsetable: true, Offset: 1, Proto: proto, Dir: model.DirIn,
			Enabled: true, Exposure: cls, Source: model.Pos{File: toml, Line: line, Col: 1}}
	}
	off := l("servlet-http", 9763, 0, model.ProtoTCP, model.ExposurePublic, 3)
	off.Enabled = false
	lo := l("carbon-ui", 9000, 0, model.ProtoTCP, model.ExposurePublic, 4)
	lo.Bind, lo.BindAddr = "127.0.0.1", model.ParseBind("127.0.0.1")
	member := l("hazelcast-member", 4000, 4002, model.ProtoTCP, model.ExposureCluster, 9)
	member.Offsetable, member.Offset = false, 0
	return &model.Home{Dir: "homes/wso2am-4.2.0", Product: model.Product{Key: "am", Version: "4.2.0"}, Servers: []model.Server{{
		Profile: "default",
		Listeners: []model.Listener{
			l("servlet-https", 9443, 0, model.ProtoTCP, model.ExposurePublic, 2),
			off, lo, member,
			l("databridge-binary-ssl", 9711, 0, model.ProtoTCP, model.ExposureCluster, 5),
			l("databridge-binary", 9611, 0, model.ProtoTCP, model.ExposureCluster, 6),
			l("jmx-rmi-registry", 9999, 0, model.ProtoTCP, model.ExposureManagement, 7),
			l("hazelcast-multicast", 54327, 0, model.ProtoUDP, model.ExposureUnknown, 8),
			l("carbon-local", 9001, 0, model.ProtoTCP, model.ExposureLocal, 10),
			{ID: "analytics", Base: 7612, Proto: model.ProtoTCP, Dir: model.DirOut, Enabled: true, Host: "analytics"},
		},
	}}}
}

func emitString(t *testing.T, homes []*model.Home, opt Options) string {
	t.Helper()
	var buf bytes.Buffer
	if err := Emit(&buf, homes, opt); err != nil {
		t.Fatal(err)
	}
	return buf.String()
}

func TestGolden(t *testing.T) {
	allow := map[model.Exposure][]netip.Prefix{
		model.ExposureManagement: {netip.MustParsePrefix("10.0.0.0/24"), netip.MustParsePrefix("10.0.0.7/32"), netip.MustParsePrefix("fd00::/8")},
		model.ExposurePublic:     {netip.MustParsePrefix("192.0.2.0/24")},
	}
	from := map[model.Exposure][]Peer{
		model.ExposureCluster: {{Pods: []model.KV{{Key: "app", Value: "gw"}}, Namespaces: []model.KV{{Key: "team", Value: "api"}}}},
	}
	two := fixtureHome()
	two.Dir = "other/wso2am-4.2.0" // same base name: the second gets a suffix
	cases := []struct {
		name  string
		homes []*model.Home
		opt   Options
	}{
		{"fixture", []*model.Home{fixtureHome()}, Options{}},
		{"fixture-allow", []*model.Home{fixtureHome()}, Options{Allow: allow, From: from}},
		{"fixture-patch", []*model.Home{fixtureHome()}, Options{Patch: true}},
		{"two-homes", []*model.Home{fixtureHome(), two}, Options{}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got := emitString(t, tc.homes, tc.opt)
			golden.Check(t, filepath.Join("testdata", tc.name+".yaml"), []byte(got))
			checkStrict(t, got, tc.opt.Patch)
			if again := emitString(t, tc.homes, tc.opt); again != got {
				t.Error("a second run wrote different output")
			}
		})
	}
}

// corpusHomes are the corpus homes of the golden tests, by directory name.
var corpusHomes = []string{"wso2am-4.2.0", "wso2is-7.0.0", "wso2mi-4.2.0", "wso2ei-6.4.0", "wso2am-2.6.0"}

// readCorpus reads a corpus home as the command does; its Dir is the bare
// name so that the output does not depend on where the corpus is.
func readCorpus(t *testing.T, name string) *model.Home {
	t.Helper()
	h, err := parse.Home(filepath.Join(testenv.Corpus(t), name), parse.Options{})
	if err != nil {
		t.Fatal(err)
	}
	catalog.Resolve(h)
	h.Dir = name
	return h
}

func TestCorpusGolden(t *testing.T) {
	for _, name := range corpusHomes {
		t.Run(name, func(t *testing.T) {
			h := readCorpus(t, name)
			opt := Options{Allow: map[model.Exposure][]netip.Prefix{model.ExposureManagement: {netip.MustParsePrefix("10.1.0.0/16")}}}
			got := emitString(t, []*model.Home{h}, opt)
			golden.Check(t, filepath.Join("testdata", "corpus-"+name+".yaml"), []byte(got))
			checkStrict(t, got, false)
			patch := emitString(t, []*model.Home{h}, Options{Patch: true})
			checkStrict(t, patch, true)
		})
	}
}

func TestNames(t *testing.T) {
	for _, tc := range []struct{ dir, want string }{
		{"wso2am-4.2.0", "wso2am-4-2-0"},
		{"/srv/WSO2_AM/", "wso2-am"},
		{`C:\homes\4.2.0`, "wso2-4-2-0"},
		{"...", "wso2"},
		{strings.Repeat("a", 80), strings.Repeat("a", 55)},
	} {
		if got := objectName(tc.dir); got != tc.want {
			t.Errorf("objectName(%q) = %q, want %q", tc.dir, got, tc.want)
		}
	}
	used := map[string]bool{}
	var got []string
	for _, id := range []string{"databridge-binary", "databridge-binary-ssl", "databridge-binary", "9999", "hazelcast-member"} {
		got = append(got, portName(id, "", used))
	}
	want := []string{"databridge-bina", "databridge-bi-2", "databridge-bi-3", "p-9999", "hazelcast-membe"}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("port names %q, want %q", got, want)
	}
}
