package model

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestLinks(t *testing.T) {
	in := func(id string, port Port) Listener {
		return Listener{ID: id, Base: port, Proto: ProtoTCP, Dir: DirIn, Enabled: true, Exposure: ExposurePublic}
	}
	out := func(id, host string, port Port) Listener {
		return Listener{ID: id, Base: port, Proto: ProtoTCP, Dir: DirOut, Enabled: true, Host: host, Exposure: ExposureOutbound}
	}
	offset := func(l Listener, n int) Listener { l.Offsetable = true; l.ApplyOffset(n); return l }
	home := func(dir string, ls ...Listener) *Home {
		return &Home{Dir: dir, Servers: []Server{{Profile: "default", Listeners: ls}}}
	}
	member := Listener{ID: SvcHazelcastMember, Base: 4000, BaseEnd: 4100, Proto: ProtoTCP, Dir: DirIn, Enabled: true}
	mcast := Listener{ID: SvcHazelcastMcast, Base: 45564, Proto: ProtoUDP, Dir: DirIn, Enabled: true}
	off := out(SvcKeyManager, "km", 9443)
	off.Enabled = false

	tests := []struct {
		name  string
		homes []*Home
		hosts []RunHost
		want  []Link
	}{
		{
			name: "gateway to key manager and traffic manager by declared host name",
			homes: []*Home{
				home("gw", in("servlet-https", 9443), out(SvcKeyManager, "km.example.com", 9443), out(SvcThrottleURL, "tm", 9612)),
				home("km", in("servlet-https", 9443)),
				home("tm", offset(in("servlet-https", 9443), 1), in("thrift", 9612)),
			},
			hosts: []RunHost{{"gw", []int{0}}, {"km", []int{1}}, {"tm", []int{2}}},
			want: []Link{
				{From: ListenerRef{0, 0, 1}, To: ListenerRef{1, 0, 0}, Match: LinkHost},
				{From: ListenerRef{0, 0, 2}, To: ListenerRef{2, 0, 1}, Match: LinkHost},
			},
		},
		{
			name: "localhost reaches the homes of the same host, the offset counted",
			homes: []*Home{
				home("gw", out(SvcKeyManager, "localhost", 9444), in("servlet-https", 9443)),
				home("km", offset(in("servlet-https", 9443), 1)),
				home("far", offset(in("servlet-https", 9443), 1)),
			},
			hosts: []RunHost{{"", []int{0, 1}}, {"far", []int{2}}},
			want:  []Link{{From: ListenerRef{0, 0, 0}, To: ListenerRef{1, 0, 0}, Match: LinkLoopback}},
		},
		{
			name:  "a server connecting to itself through 127.0.0.1",
			homes: []*Home{home("aio", out(SvcKeyManager, "127.0.0.1", 9443), in("servlet-https", 9443))},
			hosts: []RunHost{{"", []int{0}}},
			want:  []Link{{From: ListenerRef{0, 0, 0}, To: ListenerRef{0, 0, 1}, Match: LinkLoopback}},
		},
		{
			name: "unknown host names, wrong port, wrong protocol, disabled and prefix peers link nothing",
			homes: []*Home{
				home("gw", out(SvcKeyManager, "other.example.com", 9443), out(SvcKeyManager, "km", 9999),
					Listener{ID: SvcSyslog, Base: 9443, Proto: ProtoUDP, Dir: DirOut, Enabled: true, Host: "km"},
					off, out(SvcPeerURL, "10.0.0.0/8", 9443)),
				home("km", in("servlet-https", 9443)),
			},
			hosts: []RunHost{{"gw", []int{0}}, {"km", []int{1}}},
		},
		{
			name: "unnamed hosts are never matched by port alone",
			homes: []*Home{
				home("gw", out(SvcKeyManager, "km", 9443)),
				home("km", in("servlet-https", 9443)),
			},
			hosts: []RunHost{{"", []int{0, 1}}},
		},
		{
			name: "hazelcast tcp-ip member by address, into the member range",
			homes: []*Home{
				home("n1", member, out(SvcHazelcastPeer, "10.0.0.2", 4001)),
				home("n2", member, out(SvcHazelcastPeer, "10.0.0.1", 4000)),
			},
			hosts: []RunHost{{"10.0.0.1", []int{0}}, {"10.0.0.2", []int{1}}},
			want: []Link{
				{From: ListenerRef{0, 0, 1}, To: ListenerRef{1, 0, 0}, Match: LinkHost},
				{From: ListenerRef{1, 0, 1}, To: ListenerRef{0, 0, 0}, Match: LinkHost},
			},
		},
		{
			name: "hazelcast multicast members link to each other on the same group port",
			homes: []*Home{
				home("n1", member, mcast),
				home("n2", member, mcast),
				home("n3", member, Listener{ID: SvcHazelcastMcast, Base: 45565, Proto: ProtoUDP, Dir: DirIn, Enabled: true}),
			},
			hosts: []RunHost{{"a", []int{0}}, {"b", []int{1}}, {"c", []int{2}}},
			want: []Link{
				{From: ListenerRef{0, 0, 0}, To: ListenerRef{1, 0, 0}, Match: LinkMulticast},
				{From: ListenerRef{1, 0, 0}, To: ListenerRef{0, 0, 0}, Match: LinkMulticast},
			},
		},
		{
			name:  "a home no host lists is a host of its own",
			homes: []*Home{home("aio", out(SvcKeyManager, "localhost", 9443), in("servlet-https", 9443)), home("x", in("servlet-https", 9443))},
			want:  []Link{{From: ListenerRef{0, 0, 0}, To: ListenerRef{0, 0, 1}, Match: LinkLoopback}},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if diff := cmp.Diff(tc.want, Links(tc.homes, tc.hosts)); diff != "" {
				t.Errorf("Links (-want +got):\n%s", diff)
			}
		})
	}
}

func TestNamesHost(t *testing.T) {
	tests := []struct {
		peer, name string
		want       bool
	}{
		{"km", "km", true},
		{"km.example.com", "km", true},
		{"km", "KM.example.com", true},
		{"km.example.com", "km.example.com.", true},
		{"km.example.com", "km.other.com", false},
		{"kmx", "km", false},
		{"10.0.0.1", "10", false},
		{"10", "10.0.0.1", false},
		{"10.0.0.1", "10.0.0.1", true},
		{"km", "", false},
	}
	for _, tc := range tests {
		if got := namesHost(tc.peer, tc.name); got != tc.want {
			t.Errorf("namesHost(%q, %q) = %v, want %v", tc.peer, tc.name, got, tc.want)
		}
	}
}
