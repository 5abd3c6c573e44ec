package model

import "sort"

// Claim is one enabled inbound listener of a host, with the home and server it belongs to.
type Claim struct {
	Home     *Home
	Server   *Server
	Listener Listener
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
	var out []Claim
	for _, h := range homes {
		for si := range h.Servers {
			s := &h.Servers[si]
			for _, l := range s.Listeners {
				if l.Enabled && l.Dir == DirIn {
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
func Collisions(homes []*Home) []Collision {
	claims := Claims(homes)
	var out []Collision
	for i := range claims {
		a := claims[i]
		for j := i + 1; j < len(claims); j++ {
			b := claims[j]
			if !a.Listener.Overlaps(b.Listener) || sameSocket(a, b) {
				continue
			}
			port := a.Listener.Port()
			if b.Listener.Port() > port {
				port = b.Listener.Port()
			}
			out = addClaim(out, port, a.Listener.Proto, a, b)
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

func sameSocket(a, b Claim) bool {
	return a.Server == b.Server && a.Listener.ID == b.Listener.ID && a.Listener.Port() == b.Listener.Port()
}

func addClaim(out []Collision, port Port, proto Protocol, a, b Claim) []Collision {
	for i := range out {
		if out[i].Port == port && out[i].Proto == proto {
			out[i].Claims = appendClaim(out[i].Claims, a)
			out[i].Claims = appendClaim(out[i].Claims, b)
			return out
		}
	}
	return append(out, Collision{Port: port, Proto: proto, Claims: []Claim{a, b}})
}

func appendClaim(cs []Claim, c Claim) []Claim {
	for _, x := range cs {
		if x.Server == c.Server && x.Listener.ID == c.Listener.ID && x.Listener.Source == c.Listener.Source {
			return cs
		}
	}
	return append(cs, c)
}
