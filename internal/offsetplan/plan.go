package offsetplan

import (
	"fmt"

	"github.com/wso2lint/wso2lint/internal/model"
)

// Proposal is the planned offset of one server.
type Proposal struct {
	// Home and Server are the server the proposal is for.
	Home   *model.Home
	Server *model.Server
	// Current is the offset the server has now (its winning source), and
	// Proposed the smallest offset that keeps it clear of every listener
	// placed before it. Proposed is -1 when no offset up to model.MaxOffset
	// clears it.
	Current, Proposed int
	// Moving counts the server's enabled inbound listeners the offset moves.
	Moving int
	// Fixed lists the conflicts no offset can clear: a listener of the
	// server the offset does not move that meets one placed before it.
	Fixed []Conflict
}

// Changed reports whether the proposal changes the server's offset.
func (p Proposal) Changed() bool { return p.Proposed >= 0 && p.Proposed != p.Current }

// Conflict is a listener of the planned server, at the plan's offset, and
// a listener placed before it that claims the same port.
type Conflict struct {
	Listener model.Listener
	Other    model.Claim
}

// Plan places the servers of homes one after the other, in order, after the
// host services, and proposes for each the smallest offset from 0 that
// leaves its moving listeners clear of everything placed and within the
// port range. Two listeners of one server that the offset moves together
// keep the distance they have at every offset, so a collision between them
// is left to WL101. The homes are not changed.
func Plan(homes []*model.Home, hostServices []model.HostService) []Proposal {
	var placed []model.Claim
	if len(hostServices) > 0 {
		h := &model.Home{Product: model.Product{Key: "host"}, Servers: []model.Server{{Profile: "host"}}}
		for _, svc := range hostServices {
			h.Servers[0].Listeners = append(h.Servers[0].Listeners, svc.Listener())
		}
		placed = model.Claims([]*model.Home{h})
	}
	var out []Proposal
	for _, h := range homes {
		for si := range h.Servers {
			s := &h.Servers[si]
			p, claims := place(h, s, placed)
			out = append(out, p)
			placed = append(placed, claims...)
		}
	}
	return out
}

// place plans server s of home h against the placed claims and returns the
// proposal and the server's claims at the proposed offset (at its current
// offset when none clears it).
func place(h *model.Home, s *model.Server, placed []model.Claim) (Proposal, []model.Claim) {
	p := Proposal{Home: h, Server: s, Current: s.Offset.Value, Proposed: -1}
	var moving, fixed []model.Listener
	for _, l := range s.Listeners {
		if !l.Enabled || l.Dir != model.DirIn {
			continue
		}
		if l.Offsetable {
			moving = append(moving, l)
		} else {
			fixed = append(fixed, l)
		}
	}
	p.Moving = len(moving)
	x := model.NewClaimIndex(placed)
	claim := func(l *model.Listener) model.Claim { return model.Claim{Home: h, Server: s, Listener: l} }
	// meets reports the first placed claim (or fixed listener of the server)
	// that l cannot share its port with.
	meets := func(l *model.Listener, withFixed bool) (model.Claim, bool) {
		var hit model.Claim
		found := false
		x.Overlapping(l, func(i int) bool {
			if c := placed[i]; !model.CanShare(claim(l), c) {
				hit, found = c, true
				return false
			}
			return true
		})
		if found || !withFixed {
			return hit, found
		}
		for fi := range fixed {
			if f := &fixed[fi]; l.Overlaps(f) && !model.CanShare(claim(l), claim(f)) {
				return claim(f), true
			}
		}
		return hit, false
	}
	if len(moving) == 0 {
		p.Proposed = p.Current
	} else {
		for n := 0; n <= model.MaxOffset && p.Proposed < 0; n++ {
			if clears(moving, n, meets) {
				p.Proposed = n
			}
		}
	}
	at := p.Proposed
	if at < 0 {
		at = p.Current
	}
	var claims []model.Claim
	for fi := range fixed {
		l := &fixed[fi]
		if c, ok := meets(l, false); ok {
			p.Fixed = append(p.Fixed, Conflict{Listener: *l, Other: c})
		}
		claims = append(claims, claim(l))
	}
	for mi := range moving {
		l := &moving[mi]
		l.ApplyOffset(at)
		claims = append(claims, claim(l))
	}
	return p, claims
}

// clears reports whether every moving listener, at offset n, stays in the
// port range and meets nothing.
func clears(moving []model.Listener, n int, meets func(*model.Listener, bool) (model.Claim, bool)) bool {
	for _, l := range moving {
		l.ApplyOffset(n)
		end := l.PortEnd()
		if end == 0 {
			end = l.Port()
		}
		if end > model.MaxPort {
			return false
		}
		if _, hit := meets(&l, true); hit {
			return false
		}
	}
	return true
}

// Change says how to give a server its proposed offset: where its offset
// is set now, and the start-up flag that overrides every file.
type Change struct {
	// File, Line and Column are where the winning offset is written; File
	// is empty when no file sets it (the default 0, --offset).
	Pos model.Pos
	// Setting is the edit in that file's own syntax, or the file to add it
	// to when no file sets it: "<Offset>3</Offset>", "offset = 3".
	Setting string
	// In names the file Setting belongs to ("repository/conf/carbon.xml").
	In string
	// Flag is the system property that sets the offset at start-up; empty
	// for a Carbon 5 server (deployment.yaml, carbon.yml), which has none.
	Flag string
}

// ChangeFor describes the edit that gives the proposal's server its offset.
func ChangeFor(p Proposal) Change {
	n := p.Proposed
	c := Change{Pos: p.Server.Offset.Pos, Flag: fmt.Sprintf("-DportOffset=%d", n)}
	switch p.Server.Offset.Origin {
	case model.OriginCarbon:
		c.Setting, c.In = fmt.Sprintf("<Offset>%d</Offset>", n), "carbon.xml"
	case model.OriginToml:
		c.Setting, c.In = fmt.Sprintf("[server] offset = %d", n), "deployment.toml"
	case model.OriginYAML, model.OriginCarbonYML:
		// Carbon 5 servers read the offset from their YAML only.
		c.Setting, c.In, c.Flag = fmt.Sprintf("wso2.carbon: ports: offset: %d", n), p.Server.Offset.Origin, ""
	case model.OriginScript:
		c.Setting, c.In = c.Flag, "the start script"
	default:
		// No file sets it: say where the server's own configuration would.
		if p.Server.Toml != nil && p.Server.Toml.File != "" {
			c.Setting, c.In = fmt.Sprintf("[server] offset = %d", n), p.Server.Toml.File
		} else {
			c.Setting, c.In = fmt.Sprintf("<Offset>%d</Offset> under <Ports>", n), "repository/conf/carbon.xml"
		}
	}
	if c.Pos.File != "" {
		c.In = c.Pos.File
	}
	return c
}
