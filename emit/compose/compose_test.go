package compose

import (
	"bytes"
	"context"
	"errors"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/compose-spec/compose-go/v2/loader"
	"github.com/compose-spec/compose-go/v2/types"

	"github.com/wso2lint/wso2lint/catalog"
	"github.com/wso2lint/wso2lint/internal/golden"
	"github.com/wso2lint/wso2lint/internal/model"
	"github.com/wso2lint/wso2lint/internal/testenv"
	"github.com/wso2lint/wso2lint/parse"
)

func fixtureHome() *model.Home {
	const toml = "repository/conf/deployment.toml"
	l := func(id string, base, end model.Port, proto model.Protocol, cls model.Exposure, line int) model.Listener {
		return model.Listener{ID: id, Base: base, BaseEnd: end, Offsetable: true, Offset: 1, Proto: proto, Dir: model.DirIn,
			Enabled: true, Exposure: cls, Source: model.Pos{File: toml, Line: line, Col: 1}}
	}
	lo := l("carbon-ui", 9000, 0, model.ProtoTCP, model.ExposurePublic, 4)
	lo.Bind, lo.BindAddr = "127.0.0.1", model.ParseBind("127.0.0.1")
	member := l("hazelcast-member", 4000, 4002, model.ProtoTCP, model.ExposureCluster, 9)
	member.Offsetable, member.Offset = false, 0
	return &model.Home{Dir: "homes/wso2am-4.2.0", Servers: []model.Server{{Profile: "default", Listeners: []model.Listener{
		l("servlet-https", 9443, 0, model.ProtoTCP, model.ExposurePublic, 2), lo, member,
		l("databridge-binary", 9611, 0, model.ProtoTCP, model.ExposureCluster, 6),
		l("jmx-rmi-registry", 9999, 0, model.ProtoTCP, model.ExposureManagement, 7),
		l("hazelcast-multicast", 54327, 0, model.ProtoUDP, model.ExposureCluster, 8),
	}}}}
}

func emitString(t *testing.T, homes []*model.Home) string {
	t.Helper()
	var buf bytes.Buffer
	if err := Emit(&buf, homes); err != nil {
		t.Fatal(err)
	}
	return buf.String()
}

// checkSpec loads out with compose-go, which validates it against the
// compose specification's JSON schema (unknown keys are errors), and
// returns the services' ports as "service host:container/proto" and exposes
// as "service expose N".
func checkSpec(t *testing.T, out string) []string {
	t.Helper()
	// A service needs an image to be complete; the fragment merges into
	// the user's file, which has it.
	var full strings.Builder
	full.WriteString(out)
	project, err := loader.LoadWithContext(context.Background(), types.ConfigDetails{
		WorkingDir:  t.TempDir(),
		ConfigFiles: []types.ConfigFile{{Filename: "wso2lint.yaml", Content: []byte(full.String())}},
		Environment: types.Mapping{},
	}, func(o *loader.Options) {
		o.SetProjectName("wso2lint", true)
		o.SkipConsistencyCheck = true
		o.SkipResolveEnvironment = true
	})
	if err != nil {
		t.Fatalf("compose-go rejects the output: %v\n%s", err, out)
	}
	var got []string
	for name, s := range project.Services {
		for _, p := range s.Ports {
			got = append(got, name+" "+p.Published+":"+itoa(p.Target)+"/"+p.Protocol)
		}
		for _, e := range s.Expose {
			got = append(got, name+" expose "+e)
		}
	}
	slices.Sort(got)
	return got
}

func itoa(n uint32) string {
	var b []byte
	for n > 0 || len(b) == 0 {
		b = append([]byte{byte('0' + n%10)}, b...)
		n /= 10
	}
	return string(b)
}

func TestHostPortCollision(t *testing.T) {
	two := fixtureHome()
	two.Dir = "other/wso2am-4.2.0"
	var buf bytes.Buffer
	err := Emit(&buf, []*model.Home{fixtureHome(), two})
	var he *HostPortError
	if !errors.As(err, &he) || strings.Join(he.Collisions, ",") != "9444/tcp: wso2am-4-2-0 and wso2am-4-2-0-2" {
		t.Fatalf("Emit = %v, want a HostPortError for 9444/tcp", err)
	}
	if buf.Len() != 0 {
		t.Errorf("wrote %d bytes on an error", buf.Len())
	}
}

func TestGolden(t *testing.T) {
	two := fixtureHome()
	two.Dir = "other/wso2am-4.2.0"
	for i := range two.Servers[0].Listeners {
		two.Servers[0].Listeners[i].ApplyOffset(2) // a second node with its own offset
	}
	got := emitString(t, []*model.Home{fixtureHome(), two})
	golden.Check(t, filepath.Join("testdata", "fixture.yaml"), []byte(got))
	ports := checkSpec(t, got)
	want := []string{
		"wso2am-4-2-0 9444:9444/tcp",
		"wso2am-4-2-0 expose 10000",
		"wso2am-4-2-0 expose 4000-4002",
		"wso2am-4-2-0 expose 54328/udp",
		"wso2am-4-2-0 expose 9612",
		"wso2am-4-2-0-2 9445:9445/tcp",
		"wso2am-4-2-0-2 expose 10001",
		"wso2am-4-2-0-2 expose 4000-4002",
		"wso2am-4-2-0-2 expose 54329/udp",
		"wso2am-4-2-0-2 expose 9613",
	}
	if strings.Join(ports, "\n") != strings.Join(want, "\n") {
		t.Errorf("ports as compose-go reads them:\n%s\nwant:\n%s", strings.Join(ports, "\n"), strings.Join(want, "\n"))
	}
	if again := emitString(t, []*model.Home{fixtureHome(), two}); again != got {
		t.Error("a second run wrote different output")
	}
}

func TestCorpusGolden(t *testing.T) {
	for _, name := range []string{"wso2am-4.2.0", "wso2is-7.0.0", "wso2mi-4.2.0", "wso2ei-6.4.0"} {
		t.Run(name, func(t *testing.T) {
			h, err := parse.Home(filepath.Join(testenv.Corpus(t), name), parse.Options{})
			if err != nil {
				t.Fatal(err)
			}
			catalog.Resolve(h)
			h.Dir = name
			got := emitString(t, []*model.Home{h})
			golden.Check(t, filepath.Join("testdata", "corpus-"+name+".yaml"), []byte(got))
			if len(checkSpec(t, got)) == 0 {
				t.Error("no port")
			}
		})
	}
}
