package lint

import "github.com/wso2lint/wso2lint/internal/model"

// offsetSearch tells, for one server and offset after offset, whether giving
// the server that offset clears its collisions (WL101's proposed fix), without
// building the collisions of the whole host for every offset tried: with 1000
// homes that was 1000 offsets times 2·10^8 pairs of listeners per server.
//
// With the server moved to offset n, model.Collisions has a collision mixing
// listeners that move with the server (its enabled inbound offsettable
// listeners) and listeners that stay exactly when a moving listener overlaps
// a staying one, other than the same socket. (Collisions groups overlapping
// pairs by the larger first port P of the pair. A group made of a moving pair
// m1, m2 and a staying pair x, y, with m1 and x starting at P, still has m2
// and y overlapping, as both reach from at most P to at least P; and were
// they the same socket, m1 and y would overlap and be the same socket as well,
// which makes m1 and m2 the same socket and no pair.) clears checks that with
// the index of the host's claims.
//
// Collisions lists a claim once per server, ID and source, so when the server
// has an offsettable and a fixed listener of one ID and source ("twins"), a
// collision may list the one and not the other; clears then falls back to
// offsetClears, which builds the collisions.
type offsetSearch struct {
	homes []*model.Home
	x     *model.ClaimIndex
	h     *model.Home
	s     *model.Server
	// twins: the server has an offsettable and a fixed enabled inbound
	// listener of one ID and source.
	twins bool
	// moving are the enabled inbound offsettable listeners of s.
	moving []model.Listener
	// first is the moving listener that ruled out the last offset: it is
	// tried first, as it most often rules out the next one too.
	first int
	// last is the largest last port at offset 0 (Base, or BaseEnd for a
	// range) of the server's enabled offsettable listeners, inbound or not:
	// offset n keeps them all in range when last+n <= MaxPort. ranged is
	// false when the server has none.
	last   model.Port
	ranged bool
}

// newOffsetSearch prepares the search for server s of home h; x indexes the
// claims of homes.
func newOffsetSearch(homes []*model.Home, x *model.ClaimIndex, h *model.Home, s *model.Server) *offsetSearch {
	f := &offsetSearch{homes: homes, x: x, h: h, s: s}
	var fixed []model.Listener
	for li := range s.Listeners {
		l := &s.Listeners[li]
		if l.Offsetable && l.Enabled {
			end := l.BaseEnd
			if end == 0 {
				end = l.Base
			}
			if !f.ranged || end > f.last {
				f.last, f.ranged = end, true
			}
		}
		switch {
		case !l.Enabled || l.Dir != model.DirIn:
		case l.Offsetable:
			f.moving = append(f.moving, *l)
		default:
			fixed = append(fixed, *l)
		}
	}
	for _, m := range f.moving {
		for _, l := range fixed {
			if m.ID == l.ID && m.Source == l.Source {
				f.twins = true
			}
		}
	}
	return f
}

// moves reports whether claim c moves with the server.
func (f *offsetSearch) moves(c model.Claim) bool {
	return c.Server == f.s && c.Listener.Offsetable
}

// clears reports whether offset n on the server leaves none of its
// offsettable listeners colliding with a listener that stays put, and every
// one of them in range.
func (f *offsetSearch) clears(n int) bool {
	if f.twins {
		return offsetClears(f.homes, f.h, f.s, n)
	}
	// Every enabled offsettable listener in range: its last port at offset
	// n, PortEnd (or Port for a single port), is at most the largest one's.
	if f.ranged && f.last+model.Port(n) > model.MaxPort {
		return false
	}
	for k := range f.moving {
		i := (f.first + k) % len(f.moving)
		m := f.moving[i]
		m.Offset = n
		if f.meetsStaying(m) {
			f.first = i
			return false
		}
	}
	return true
}

// meetsStaying reports whether moving listener m (at its new offset) overlaps
// a claim that stays put and is not the same socket.
func (f *offsetSearch) meetsStaying(m model.Listener) bool {
	claims := f.x.Claims()
	hit := false
	f.x.Overlapping(&m, func(i int) bool {
		c := claims[i]
		if f.moves(c) || (c.Server == f.s && c.Listener.ID == m.ID && c.Listener.Port() == m.Port()) {
			return true
		}
		hit = true
		return false
	})
	return hit
}
