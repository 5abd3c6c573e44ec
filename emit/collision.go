package emit

import (
	"fmt"
	"strings"

	"github.com/wso2lint/wso2lint/internal/model"
)

// CollisionError reports that listeners of the host claim the same port, so no
// ruleset can be right; nothing is rendered.
type CollisionError struct {
	// Collisions is as returned by model.Collisions.
	Collisions []model.Collision
}

// Error lists every collision on one line each.
func (e *CollisionError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%d port collision(s) on this host, no rules written", len(e.Collisions))
	for _, c := range e.Collisions {
		fmt.Fprintf(&b, "\n  %d/%s:", c.Port, c.Proto)
		for i, cl := range c.Claims {
			if i > 0 {
				b.WriteString(",")
			}
			b.WriteString(" " + claimOrigin(cl).text())
		}
	}
	return b.String()
}

func claimOrigin(c model.Claim) origin {
	return listenerOrigin(c.Home, c.Server, *c.Listener)
}

func listenerOrigin(h *model.Home, s *model.Server, l model.Listener) origin {
	return origin{id: l.ID, home: homeName(h.Dir), profile: s.Profile, file: l.Source.File, line: l.Source.Line,
		distribution: l.Origin == model.FromDistribution}
}
