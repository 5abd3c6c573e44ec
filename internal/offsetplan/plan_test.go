package offsetplan

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/wso2lint/wso2lint/internal/model"
)

// in builds an enabled inbound TCP listener.
func in(id string, base model.Port, offsetable bool) model.Listener {
	return model.Listener{ID: id, Base: base, Offsetable: offsetable, Proto: model.ProtoTCP, Dir: model.DirIn, Enabled: true}
}

// home builds a one-server home whose listeners sit at offset n.
func home(dir string, n int, ls ...model.Listener) *model.Home {
	s := model.Server{Profile: "default", Offset: model.Offset{Value: n, Origin: model.OriginCarbon, Pos: model.Pos{File: "repository/conf/carbon.xml", Line: 95, Col: 9}}}
	for _, l := range ls {
		l.ApplyOffset(n)
		s.Listeners = append(s.Listeners, l)
	}
	return &model.Home{Dir: dir, Servers: []model.Server{s}}
}

func TestPlan(t *testing.T) {
	carbon := []model.Listener{in("servlet-https", 9443, true), in("servlet-http", 9763, true), in("jmx-rmi-registry", 9999, true)}
	type got struct {
		Dir                       string
		Current, Proposed, NFixed int
	}
	tests := []struct {
		name  string
		homes []*model.Home
		host  []model.HostService
		want  []got
	}{
		{
			name:  "second home moves to the first clear offset",
			homes: []*model.Home{home("a", 0, carbon...), home("b", 0, carbon...)},
			want:  []got{{"a", 0, 0, 0}, {"b", 0, 1, 0}},
		},
		{
			name:  "smallest offset, not the current one",
			homes: []*model.Home{home("a", 5, carbon...), home("b", 9, carbon...)},
			want:  []got{{"a", 5, 0, 0}, {"b", 9, 1, 0}},
		},
		{
			name:  "a host service on 9444 pushes the second home past offset 1",
			homes: []*model.Home{home("a", 0, carbon...), home("b", 0, carbon...)},
			host:  []model.HostService{{Port: 9444, Proto: model.ProtoTCP}},
			want:  []got{{"a", 0, 0, 0}, {"b", 0, 2, 0}},
		},
		{
			name: "the offset must not move a port onto a fixed port of the same server",
			homes: []*model.Home{
				home("a", 0, in("servlet-https", 9443, true)),
				home("b", 0, in("servlet-https", 9443, true), in("thrift", 9444, false)),
			},
			want: []got{{"a", 0, 0, 0}, {"b", 0, 2, 0}},
		},
		{
			name: "a fixed port taken by an earlier home is a conflict no offset clears",
			homes: []*model.Home{
				home("a", 0, in("servlet-https", 9443, true), in("binary-receiver", 9611, false)),
				home("b", 0, in("servlet-https", 9443, true), in("binary-receiver", 9611, false)),
			},
			want: []got{{"a", 0, 0, 0}, {"b", 0, 1, 1}},
		},
		{
			name: "listeners on distinct specific addresses share a port",
			homes: []*model.Home{
				home("a", 0, bound(in("servlet-https", 9443, true), "10.0.0.1")),
				home("b", 0, bound(in("servlet-https", 9443, true), "10.0.0.2")),
			},
			want: []got{{"a", 0, 0, 0}, {"b", 0, 0, 0}},
		},
		{
			name: "an offset that pushes a port past 65535 is not proposed",
			homes: []*model.Home{
				home("a", 0, in("x", 65535, true)),
				home("b", 0, in("x", 65535, true)),
			},
			want: []got{{"a", 0, 0, 0}, {"b", 0, -1, 0}},
		},
		{
			name:  "a server with no port the offset moves keeps its offset",
			homes: []*model.Home{home("a", 7, in("x", 7611, false))},
			want:  []got{{"a", 7, 7, 0}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var gotten []got
			for _, p := range Plan(tt.homes, tt.host) {
				gotten = append(gotten, got{p.Home.Dir, p.Current, p.Proposed, len(p.Fixed)})
			}
			if diff := cmp.Diff(tt.want, gotten); diff != "" {
				t.Errorf("Plan (-want +got):\n%s", diff)
			}
		})
	}
}

func bound(l model.Listener, addr string) model.Listener {
	l.Bind = addr
	l.BindAddr = model.ParseBind(addr)
	return l
}

func TestPlanLeavesHomesUnchanged(t *testing.T) {
	a, b := home("a", 0, in("servlet-https", 9443, true)), home("b", 0, in("servlet-https", 9443, true))
	Plan([]*model.Home{a, b}, nil)
	if got := b.Servers[0].Listeners[0].Port(); got != 9443 {
		t.Errorf("Plan changed the home: port %d, want 9443", got)
	}
}

func TestPlanResultIsCollisionFree(t *testing.T) {
	// Five copies of one server: after the plan, model.Collisions (what
	// WL101 reports) finds nothing.
	var homes []*model.Home
	for i := 0; i < 5; i++ {
		homes = append(homes, home(string(rune('a'+i)), 0, in("servlet-https", 9443, true), in("servlet-http", 9763, true), in("passthru-https", 8243, true), in("passthru-http", 8280, true)))
	}
	for _, p := range Plan(homes, nil) {
		for i := range p.Server.Listeners {
			p.Server.Listeners[i].ApplyOffset(p.Proposed)
		}
	}
	if c := model.Collisions(homes); len(c) != 0 {
		t.Errorf("collisions after the plan: %+v", c)
	}
}

func TestChangeFor(t *testing.T) {
	carbonPos := model.Pos{File: "repository/conf/carbon.xml", Line: 95, Col: 9}
	tomlPos := model.Pos{File: "repository/conf/deployment.toml", Line: 4, Col: 1}
	tests := []struct {
		name   string
		offset model.Offset
		toml   *model.TomlFacts
		want   Change
	}{
		{"carbon.xml", model.Offset{Value: 0, Origin: model.OriginCarbon, Pos: carbonPos}, nil,
			Change{Pos: carbonPos, Setting: "<Offset>3</Offset>", In: "repository/conf/carbon.xml", Flag: "-DportOffset=3"}},
		{"deployment.toml", model.Offset{Value: 1, Origin: model.OriginToml, Pos: tomlPos}, nil,
			Change{Pos: tomlPos, Setting: "[server] offset = 3", In: "repository/conf/deployment.toml", Flag: "-DportOffset=3"}},
		{"default of a toml home", model.Offset{Origin: model.OriginDefault}, &model.TomlFacts{File: "conf/deployment.toml"},
			Change{Setting: "[server] offset = 3", In: "conf/deployment.toml", Flag: "-DportOffset=3"}},
		{"default of a carbon home", model.Offset{Origin: model.OriginDefault}, nil,
			Change{Setting: "<Offset>3</Offset> under <Ports>", In: "repository/conf/carbon.xml", Flag: "-DportOffset=3"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := &model.Server{Offset: tt.offset, Toml: tt.toml}
			got := ChangeFor(Proposal{Server: s, Current: tt.offset.Value, Proposed: 3})
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("ChangeFor (-want +got):\n%s", diff)
			}
		})
	}
}

func TestChangeForCarbon5HasNoFlag(t *testing.T) {
	pos := model.Pos{File: "wso2/analytics/conf/worker/deployment.yaml", Line: 26, Col: 13}
	s := &model.Server{Offset: model.Offset{Origin: model.OriginYAML, Pos: pos}}
	got := ChangeFor(Proposal{Server: s, Proposed: 2})
	want := Change{Pos: pos, Setting: "wso2.carbon: ports: offset: 2", In: pos.File}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("ChangeFor (-want +got):\n%s", diff)
	}
}
