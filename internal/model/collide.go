package model

import (
	"slices"
	"sort"
)

// Claim is one enabled inbound listener of a host, with the home and server it belongs to.
// Listener points into Server.Listeners (or at a listener the caller made):
// a host of 1000 homes has some 30000 claims, and collisions hold them again,
// so a copy of each listener in each claim was some 20 MB (issue 15 item 2).
// Claims are read, never written through.
type Claim struct {
	Home     *Home
	Server   *Server
	Listener *Listener
}

// Collision is a group of two or more claims on the same port and protocol of one
// host. Claims are in command-line order of homes, then server order, then
// listener order.
type Collision struct {
	Port   Port
	Proto  Protocol
	Claims []Claim
}

// Claims lists every enabled inbound listener of the homes, which together make
// up one host.
func Claims(homes []*Home) []Claim {
	n := 0 // counted first: a host of 1000 homes has some 20000 claims of 200 bytes
	for _, h := range homes {
		for si := range h.Servers {
			for li := range h.Servers[si].Listeners {
				if l := &h.Servers[si].Listeners[li]; l.Enabled && l.Dir == DirIn {
					n++
				}
			}
		}
	}
	out := make([]Claim, 0, n)
	for _, h := range homes {
		for si := range h.Servers {
			s := &h.Servers[si]
			for li := range s.Listeners {
				if l := &s.Listeners[li]; l.Enabled && l.Dir == DirIn {
					out = append(out, Claim{Home: h, Server: s, Listener: l})
				}
			}
		}
	}
	return out
}

// Collisions finds ports that more than one enabled inbound listener of the host
// claims. Two listeners of one server with the same ID and port (the same socket
// described twice) do not collide. The result is sorted by port, then protocol.
//
// The pairs of overlapping claims come from a ClaimIndex rather than from
// comparing every pair; they are taken in the order of a pairwise scan (first
// claim, then second, in command-line order), so each collision lists its
// claims in the order that scan meets them.
func Collisions(homes []*Home) []Collision {
	return NewClaimIndex(Claims(homes)).Collisions()
}

// Collisions is the package's Collisions for the homes whose claims x
// indexes: a caller that already holds the index (lint's WL101 keeps one per
// host) does not list and index the claims again.
func (x *ClaimIndex) Collisions() []Collision {
	claims := x.claims
	type key struct {
		port  Port
		proto Protocol
	}
	var out []Collision
	at := map[key]int{}          // collision -> index in out
	met := map[[2]int]struct{}{} // (collision, claim) pairs already added
	add := func(k int, c int) {
		if _, ok := met[[2]int{k, c}]; ok {
			return // met before: added then, or a duplicate of a claim added then
		}
		met[[2]int{k, c}] = struct{}{}
		out[k].Claims = appendClaim(out[k].Claims, claims[c])
	}
	var later []int
	for i := range claims {
		a := claims[i]
		later = later[:0]
		x.Overlapping(a.Listener, func(j int) bool {
			if j > i && !sameSocket(a, claims[j]) {
				later = append(later, j)
			}
			return true
		})
		slices.Sort(later)
		for _, j := range later {
			b := claims[j]
			port := a.Listener.Port()
			if b.Listener.Port() > port {
				port = b.Listener.Port()
			}
			k, ok := at[key{port, a.Listener.Proto}]
			if !ok {
				// A new collision takes both claims as they are, as the
				// pairwise scan did.
				k = len(out)
				at[key{port, a.Listener.Proto}] = k
				out = append(out, Collision{Port: port, Proto: a.Listener.Proto, Claims: []Claim{a, b}})
				met[[2]int{k, i}], met[[2]int{k, j}] = struct{}{}, struct{}{}
				continue
			}
			add(k, i)
			add(k, j)
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Port != out[j].Port {
			return out[i].Port < out[j].Port
		}
		return out[i].Proto < out[j].Proto
	})
	return out
}

// sameSocket reports whether claims a and b can hold their ports together:
// the same socket described twice (one server, ID and port), or two Hazelcast
// members, or two Hazelcast multicast listeners. A Hazelcast member whose
// port is taken binds the next one (4001, 4002, ...: the member range), and
// multicast members join one group port; two clustered servers on one host
// both start. Two listeners bound to distinct specific addresses (127.0.0.1
// and 10.0.0.1) both bind too; a host name or all interfaces may overlap any
// address and so collides.
func sameSocket(a, b Claim) bool {
	return CanShare(a, b)
}

// CanShare reports whether claims a and b can hold overlapping ports
// together on one host without a bind failure (see sameSocket): the rule
// Collisions applies to every pair, for callers that place listeners one by
// one (the offset planner).
func CanShare(a, b Claim) bool {
	if distinctBinds(a.Listener.BindAddr, b.Listener.BindAddr) {
		return true
	}
	if a.Listener.ID == b.Listener.ID && (a.Listener.ID == SvcHazelcastMember || a.Listener.ID == SvcHazelcastMcast) {
		return true
	}
	return a.Server == b.Server && a.Listener.ID == b.Listener.ID && a.Listener.Port() == b.Listener.Port()
}

func appendClaim(cs []Claim, c Claim) []Claim {
	for _, x := range cs {
		if x.Server == c.Server && x.Listener.ID == c.Listener.ID && x.Listener.Source == c.Listener.Source {
			return cs
		}
	}
	return append(cs, c)
}

// distinctBinds reports whether two bind addresses are specific (not all
// interfaces, not a host name) and differ.
func distinctBinds(a, b IP) bool {
	x, y := a.Addr(), b.Addr()
	return x.IsValid() && y.IsValid() && !x.IsUnspecified() && !y.IsUnspecified() && x != y
}
