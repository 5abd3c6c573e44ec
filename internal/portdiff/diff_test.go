package portdiff

import (
	"fmt"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/wso2lint/wso2lint/internal/model"
)

func in(id string, base model.Port, offset int) model.Listener {
	l := model.Listener{ID: id, Base: base, Offsetable: true, Proto: model.ProtoTCP, Dir: model.DirIn, Enabled: true, Exposure: model.ExposurePublic}
	l.ApplyOffset(offset)
	return l
}

func server(profile string, ls ...model.Listener) model.Server {
	return model.Server{Profile: profile, Listeners: ls}
}

func home(ss ...model.Server) *model.Home { return &model.Home{Servers: ss} }

// summary renders a change on one line for the table's want lists.
func summary(c Change) string {
	port := func(l *model.Listener) string {
		if l == nil {
			return "-"
		}
		return fmt.Sprintf("%d/%s %s %q", l.Port(), l.Proto, l.Exposure, l.Bind)
	}
	return fmt.Sprintf("%s %s %s moved=%t rebound=%t exposure=%t %s -> %s", c.Kind, c.Server, c.ID, c.Moved, c.Rebound, c.Exposure, port(c.Old), port(c.New))
}

func TestCompare(t *testing.T) {
	disabled := in("mqtt", 1883, 0)
	disabled.Enabled = false
	local := in("servlet-http", 9763, 0)
	local.Exposure = model.ExposureLocal
	bound := in("servlet-https", 9443, 0)
	bound.Bind = "127.0.0.1"
	out := in("km", 9443, 0)
	out.Dir = model.DirOut
	tests := []struct {
		name      string
		old, new  *model.Home
		want      []string
		unchanged int
	}{
		{
			name: "identical homes",
			old:  home(server("default", in("servlet-https", 9443, 0))),
			new:  home(server("default", in("servlet-https", 9443, 0))),
			want: nil, unchanged: 1,
		},
		{
			name: "offset moves every offsettable listener",
			old:  home(server("default", in("servlet-https", 9443, 0), in("servlet-http", 9763, 0))),
			new:  home(server("default", in("servlet-https", 9443, 3), in("servlet-http", 9763, 3))),
			want: []string{
				`changed default servlet-http moved=true rebound=false exposure=false 9763/tcp public "" -> 9766/tcp public ""`,
				`changed default servlet-https moved=true rebound=false exposure=false 9443/tcp public "" -> 9446/tcp public ""`,
			},
		},
		{
			name: "added and removed by service id; disabled and outbound listeners are not opened",
			old:  home(server("default", in("servlet-https", 9443, 0), in("thrift", 10397, 0), disabled)),
			new:  home(server("default", in("servlet-https", 9443, 0), in("binary-receiver", 9611, 0), out)),
			want: []string{
				`added default binary-receiver moved=false rebound=false exposure=false - -> 9611/tcp public ""`,
				`removed default thrift moved=false rebound=false exposure=false 10397/tcp public "" -> -`,
			},
			unchanged: 1,
		},
		{
			name: "exposure and bind changes",
			old:  home(server("default", in("servlet-http", 9763, 0), in("servlet-https", 9443, 0))),
			new:  home(server("default", local, bound)),
			want: []string{
				`changed default servlet-http moved=false rebound=false exposure=true 9763/tcp public "" -> 9763/tcp local ""`,
				`changed default servlet-https moved=false rebound=true exposure=false 9443/tcp public "" -> 9443/tcp public "127.0.0.1"`,
			},
		},
		{
			name: "a listener added beside an unchanged one of the same id is added, not a move",
			old:  home(server("default", in("ws", 9099, 0))),
			new:  home(server("default", in("ws", 8099, 0), in("ws", 9099, 0))),
			want: []string{
				`added default ws moved=false rebound=false exposure=false - -> 8099/tcp public ""`,
			},
			unchanged: 1,
		},
		{
			name: "single servers match across profile names; several servers match by profile",
			old:  home(server("default", in("servlet-https", 9443, 0))),
			new:  home(server("gateway-worker", in("servlet-https", 9443, 0))),
			want: nil, unchanged: 1,
		},
		{
			name: "several servers: the same id on another profile is added and removed",
			old:  home(server("integrator", in("servlet-https", 9443, 0)), server("broker", in("amqp", 5675, 0))),
			new:  home(server("integrator", in("servlet-https", 9443, 0)), server("analytics", in("amqp", 5675, 0))),
			want: []string{
				`added analytics amqp moved=false rebound=false exposure=false - -> 5675/tcp public ""`,
				`removed broker amqp moved=false rebound=false exposure=false 5675/tcp public "" -> -`,
			},
			unchanged: 1,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := Compare(tt.old, tt.new)
			var got []string
			for _, c := range r.Changes {
				got = append(got, summary(c))
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Compare changes (-want +got):\n%s", diff)
			}
			if r.Unchanged != tt.unchanged {
				t.Errorf("Unchanged = %d, want %d", r.Unchanged, tt.unchanged)
			}
			a, rm, ch := r.Counts()
			if a+rm+ch != len(r.Changes) {
				t.Errorf("Counts %d+%d+%d != %d changes", a, rm, ch, len(r.Changes))
			}
		})
	}
}

func TestCompareIsSymmetric(t *testing.T) {
	a := home(server("default", in("servlet-https", 9443, 0), in("thrift", 10397, 0)))
	b := home(server("default", in("servlet-https", 9443, 2), in("binary-receiver", 9611, 0)))
	ab, ba := Compare(a, b), Compare(b, a)
	x, y, z := ab.Counts()
	p, q, r := ba.Counts()
	if x != q || y != p || z != r || ab.Unchanged != ba.Unchanged {
		t.Errorf("Compare(a,b) counts %d/%d/%d, Compare(b,a) %d/%d/%d: added and removed should swap", x, y, z, p, q, r)
	}
}

func TestSameBind(t *testing.T) {
	l := func(bind string) model.Listener { return model.Listener{Bind: bind, BindAddr: model.ParseBind(bind)} }
	tests := []struct {
		a, b string
		want bool
	}{
		{"", "0.0.0.0", true},
		{"::", "", true},
		{"127.0.0.1", "localhost", true},
		{"127.0.0.1", "", false},
		{"10.0.0.1", "10.0.0.2", false},
		{"gw.example.com", "GW.example.com", true},
		{"gw.example.com", "10.0.0.1", false},
	}
	for _, tt := range tests {
		if got := sameBind(l(tt.a), l(tt.b)); got != tt.want {
			t.Errorf("sameBind(%q, %q) = %t, want %t", tt.a, tt.b, got, tt.want)
		}
	}
}
