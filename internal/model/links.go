package model

import (
	"net/netip"
	"strings"
)

// RunHost is one host of a run: its name as declared in the project
// configuration (hosts:), empty when none is declared, and the indexes of its
// homes in the run's home list.
type RunHost struct {
	Name  string
	Homes []int
}

// ListenerRef names one listener of a run: Homes[Home].Servers[Server].Listeners[Listener].
type ListenerRef struct {
	Home, Server, Listener int
}

// Link matches.
const (
	// LinkLoopback: the peer host is the local host (localhost, 127.0.0.1,
	// ::1), so the peer is a home of the same host.
	LinkLoopback = "loopback"
	// LinkHost: the peer host is the name (or address) of a declared host, or
	// a name under it ("km" matches "km.example.com").
	LinkHost = "host"
	// LinkMulticast: both servers are Hazelcast members that discover each
	// other by multicast on the same group port; the configuration names no
	// peer, and every member connects to the others.
	LinkMulticast = "multicast"
)

// Link is an outbound connection of a server that reaches a listener of a home
// of the same run.
type Link struct {
	// From is the outbound listener (Dir == DirOut); for LinkMulticast the
	// Hazelcast member listener of the connecting server.
	From ListenerRef
	// To is the inbound listener the connection reaches.
	To ListenerRef
	// Match says how the peer was recognised: LinkLoopback, LinkHost or
	// LinkMulticast.
	Match string
}

// Links resolves the outbound connections of homes to the homes of the same
// run: an enabled outbound listener whose host is the local host, or the name
// of a host of hosts, reaches every enabled inbound listener of that host's
// homes with the same protocol whose port (or range) covers its port.
// Hazelcast members that discover each other by multicast on the same group
// port are linked to one another. A host name that names no host of the run
// links to nothing: homes are never matched by port alone. hosts must cover
// every home once; a home no host lists is a host of its own without a name.
// The result is in home, server and listener order of From, then of To.
func Links(homes []*Home, hosts []RunHost) []Link {
	hostOf := make([]int, len(homes))
	for i := range hostOf {
		hostOf[i] = -1
	}
	for hi, h := range hosts {
		for _, i := range h.Homes {
			if i >= 0 && i < len(homes) {
				hostOf[i] = hi
			}
		}
	}
	// homesOf lists the homes of host hi (self alone when no host lists it).
	homesOf := func(hi, self int) []int {
		if hi < 0 {
			return []int{self}
		}
		return hosts[hi].Homes
	}
	var out []Link
	for hi, h := range homes {
		for si := range h.Servers {
			s := &h.Servers[si]
			for li, l := range s.Listeners {
				if !l.Enabled {
					continue
				}
				from := ListenerRef{hi, si, li}
				switch {
				case l.Dir == DirOut:
					peer := peerHost(l.Host)
					if peer == "" {
						continue
					}
					if isLoopback(peer) {
						out = appendTargets(out, homes, homesOf(hostOf[hi], hi), from, l, LinkLoopback)
						continue
					}
					for _, t := range hosts {
						if namesHost(peer, t.Name) {
							out = appendTargets(out, homes, t.Homes, from, l, LinkHost)
						}
					}
				case l.Dir == DirIn && l.ID == SvcHazelcastMcast:
					out = appendMulticast(out, homes, hi, si, l)
				}
			}
		}
	}
	return out
}

// appendTargets links from (the outbound listener l) to every enabled inbound
// listener of the homes idx that serves l's protocol and port.
func appendTargets(out []Link, homes []*Home, idx []int, from ListenerRef, l Listener, match string) []Link {
	for _, hi := range sortedUnique(idx, len(homes)) {
		for si := range homes[hi].Servers {
			for li, t := range homes[hi].Servers[si].Listeners {
				if t.Enabled && t.Dir == DirIn && t.Proto == l.Proto && t.Contains(l.Port()) {
					out = append(out, Link{From: from, To: ListenerRef{hi, si, li}, Match: match})
				}
			}
		}
	}
	return out
}

// appendMulticast links the Hazelcast member of server (hi, si), which
// discovers its peers through the multicast listener mc, to the member of every
// other server of the run with an enabled multicast listener on the same port.
func appendMulticast(out []Link, homes []*Home, hi, si int, mc Listener) []Link {
	from, ok := memberOf(&homes[hi].Servers[si])
	if !ok {
		return out
	}
	for ti, h := range homes {
		for tj := range h.Servers {
			if ti == hi && tj == si {
				continue
			}
			t := &h.Servers[tj]
			if !hasMulticast(t, mc) {
				continue
			}
			if to, ok := memberOf(t); ok {
				out = append(out, Link{From: ListenerRef{hi, si, from}, To: ListenerRef{ti, tj, to}, Match: LinkMulticast})
			}
		}
	}
	return out
}

func memberOf(s *Server) (int, bool) {
	for i, l := range s.Listeners {
		if l.Enabled && l.Dir == DirIn && l.ID == SvcHazelcastMember {
			return i, true
		}
	}
	return 0, false
}

func hasMulticast(s *Server, mc Listener) bool {
	for _, l := range s.Listeners {
		if l.Enabled && l.Dir == DirIn && l.ID == SvcHazelcastMcast && l.Proto == mc.Proto && l.Port() == mc.Port() {
			return true
		}
	}
	return false
}

// sortedUnique returns the valid indexes of idx in increasing order, once each.
func sortedUnique(idx []int, n int) []int {
	seen := make([]bool, n)
	for _, i := range idx {
		if i >= 0 && i < n {
			seen[i] = true
		}
	}
	var out []int
	for i, ok := range seen {
		if ok {
			out = append(out, i)
		}
	}
	return out
}

// peerHost normalises an outbound host as written: brackets, a trailing dot
// and case removed; empty for a host that is a network prefix or a list.
func peerHost(h string) string {
	h = strings.ToLower(strings.TrimSpace(h))
	h = strings.TrimSuffix(strings.TrimPrefix(h, "["), "]")
	h = strings.TrimSuffix(h, ".")
	if h == "" || strings.ContainsAny(h, "/ ,${}") {
		return ""
	}
	return h
}

func isLoopback(h string) bool {
	if h == "localhost" || strings.HasSuffix(h, ".localhost") {
		return true
	}
	a, err := netip.ParseAddr(h)
	return err == nil && a.Unmap().IsLoopback()
}

// namesHost reports whether the peer host names the declared host name: the
// same name or address, or a name whose first label is the host name (a
// host "km" and a peer "km.example.com"), or the other way round.
func namesHost(peer, name string) bool {
	name = strings.TrimSuffix(strings.ToLower(strings.TrimSpace(name)), ".")
	if name == "" {
		return false
	}
	if peer == name {
		return true
	}
	if _, err := netip.ParseAddr(peer); err == nil {
		return false // an address names only the host called by that address
	}
	if _, err := netip.ParseAddr(name); err == nil {
		return false
	}
	pl, _, _ := strings.Cut(peer, ".")
	nl, _, _ := strings.Cut(name, ".")
	return (pl == name && strings.Contains(peer, ".")) || (nl == peer && strings.Contains(name, "."))
}
