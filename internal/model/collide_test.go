package model

import "testing"

func TestCollisions(t *testing.T) {
	l := func(id string, base Port, off int) Listener {
		return Listener{ID: id, Base: base, Offset: off, Offsetable: true, Proto: ProtoTCP, Dir: DirIn, Enabled: true}
	}
	a := &Home{Dir: "a", Servers: []Server{{Profile: "default", Listeners: []Listener{l("servlet-https", 9443, 0), l("servlet-http", 9763, 0)}}}}
	b := &Home{Dir: "b", Servers: []Server{{Profile: "default", Listeners: []Listener{l("servlet-https", 9443, 0), l("servlet-http", 9763, 1)}}}}
	got := Collisions([]*Home{a, b})
	if len(got) != 1 || got[0].Port != 9443 || len(got[0].Claims) != 2 {
		t.Fatalf("Collisions = %+v, want one collision on 9443 with two claims", got)
	}
	if got[0].Claims[0].Home != a || got[0].Claims[1].Home != b {
		t.Errorf("claims not in command-line order")
	}
	// A disabled or outbound listener never collides.
	b.Servers[0].Listeners[0].Enabled = false
	if got := Collisions([]*Home{a, b}); len(got) != 0 {
		t.Errorf("disabled listener collided: %+v", got)
	}
	// A range overlapping a single port collides.
	r := l("hazelcast-member", 4000, 0)
	r.Offsetable, r.BaseEnd = false, 4002
	c := &Home{Dir: "c", Servers: []Server{{Listeners: []Listener{r, l("other", 4001, 0)}}}}
	if got := Collisions([]*Home{c}); len(got) != 1 || got[0].Port != 4001 {
		t.Errorf("range collision = %+v, want one on 4001", got)
	}
	// Two Hazelcast members, or two multicast listeners, share their ports:
	// a member whose port is taken binds the next one of its range.
	m := func(dir string) *Home {
		mc := l(SvcHazelcastMcast, 45564, 0)
		mc.Offsetable, mc.Proto = false, ProtoUDP
		return &Home{Dir: dir, Servers: []Server{{Listeners: []Listener{r, mc}}}}
	}
	if got := Collisions([]*Home{m("d"), m("e")}); len(got) != 0 {
		t.Errorf("clustered members collided: %+v", got)
	}
}

func TestParseBind(t *testing.T) {
	for _, tc := range []struct {
		in, want string
		loopback bool
	}{
		{"127.0.0.1", "127.0.0.1", true},
		{" localhost ", "127.0.0.1", true},
		{"[::1]", "::1", true},
		{"::ffff:127.0.0.2", "127.0.0.2", true},
		{"0.0.0.0", "0.0.0.0", false},
		{"10.1.2.3", "10.1.2.3", false},
		{"apim.example.com", "", false},
		{"", "", false},
	} {
		got := ParseBind(tc.in)
		if got.String() != tc.want || got.IsLoopback() != tc.loopback {
			t.Errorf("ParseBind(%q) = %q (loopback %v), want %q (loopback %v)", tc.in, got, got.IsLoopback(), tc.want, tc.loopback)
		}
	}
	if !ParseBind("localhost").Equal(ParseBind("127.0.0.1")) || ParseBind("::1").Equal(IP{}) {
		t.Errorf("IP.Equal")
	}
}

// TestCollisionsOneHome checks that one home collides with itself only when
// the server would really fail to bind (issue 12 item 6): two enabled
// listeners of one server (JVM) on one port and protocol, or two servers of
// the home (EI profiles are separate JVMs). One socket described twice, a
// disabled listener, another protocol, or two distinct specific bind
// addresses do not collide.
func TestCollisionsOneHome(t *testing.T) {
	l := func(id string, port Port, bind string) Listener {
		return Listener{ID: id, Base: port, Offsetable: true, Proto: ProtoTCP, Dir: DirIn, Enabled: true, Bind: bind, BindAddr: ParseBind(bind)}
	}
	off := l("presentation", 11000, "")
	off.Enabled = false
	udp := l("udp", 9443, "")
	udp.Proto = ProtoUDP
	tests := []struct {
		name    string
		servers []Server
		want    int
	}{
		{"two listeners of one server", []Server{{Listeners: []Listener{l("a", 9443, ""), l("b", 9443, "")}}}, 1},
		{"one socket described twice", []Server{{Listeners: []Listener{l("a", 9443, ""), l("a", 9443, "")}}}, 0},
		{"disabled listener", []Server{{Listeners: []Listener{l("a", 11000, ""), off}}}, 0},
		{"other protocol", []Server{{Listeners: []Listener{l("a", 9443, ""), udp}}}, 0},
		{"distinct bind addresses", []Server{{Listeners: []Listener{l("a", 9443, "127.0.0.1"), l("b", 9443, "10.0.0.1")}}}, 0},
		{"one bind address and all interfaces", []Server{{Listeners: []Listener{l("a", 9443, "127.0.0.1"), l("b", 9443, "0.0.0.0")}}}, 1},
		{"same bind address", []Server{{Listeners: []Listener{l("a", 9443, "10.0.0.1"), l("b", 9443, "10.0.0.1")}}}, 1},
		{"host name bind is not known to differ", []Server{{Listeners: []Listener{l("a", 9443, "gw.example.com"), l("b", 9443, "10.0.0.1")}}}, 1},
		{"two profiles (JVMs) of one home", []Server{{Profile: "integrator", Listeners: []Listener{l("a", 9443, "")}}, {Profile: "broker", Listeners: []Listener{l("a", 9443, "")}}}, 1},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			h := &Home{Dir: "h", Servers: tc.servers}
			if got := Collisions([]*Home{h}); len(got) != tc.want {
				t.Errorf("Collisions = %+v, want %d", got, tc.want)
			}
		})
	}
}
