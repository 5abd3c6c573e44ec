package lint

import (
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/wso2lint/wso2lint/internal/model"
)

// randomOffsetHost builds homes whose servers have offsets and listeners on a
// few ports, so that collisions abound: ranges (some
// reversed), the same socket twice, offsettable and fixed listeners of one ID
// on one port, disabled and outbound listeners, ports near 65535.
func randomOffsetHost(r *rand.Rand) []*model.Home {
	ids := []string{"a", "b", "c"}
	var homes []*model.Home
	for h := range 1 + r.IntN(4) {
		home := &model.Home{Dir: fmt.Sprintf("home%d", h)}
		for range 1 + r.IntN(3) {
			off := r.IntN(4)
			s := model.Server{Offset: model.Offset{Value: off, Origin: model.OriginCarbon}}
			high := r.IntN(10) == 0
			for range 1 + r.IntN(7) {
				l := model.Listener{
					ID:         ids[r.IntN(len(ids))],
					Base:       model.Port(100 + r.IntN(14)),
					Offsetable: r.IntN(3) != 0,
					Proto:      model.Protocol(1 + r.IntN(2)),
					Dir:        model.DirIn,
					Enabled:    r.IntN(6) != 0,
					Source:     model.Pos{File: "f.xml", Line: 1 + r.IntN(4)},
				}
				if high {
					l.Base += 65400
				}
				switch r.IntN(8) {
				case 0:
					l.BaseEnd = l.Base + model.Port(r.IntN(4))
				case 1:
					l.BaseEnd = l.Base - model.Port(1+r.IntN(3))
				case 2:
					l.Dir = model.DirOut
				}
				if l.Offsetable {
					l.Offset = off
				}
				s.Listeners = append(s.Listeners, l)
				if r.IntN(6) == 0 {
					s.Listeners = append(s.Listeners, l)
				}
				if r.IntN(6) == 0 {
					// The same ID offsettable and fixed: from one source
					// (twins), or from another on a nearby port.
					d := l
					d.Offsetable, d.Offset = !l.Offsetable, off-l.Offset
					if r.IntN(2) == 0 {
						d.Source.Line += 10
						d.Base += model.Port(r.IntN(3))
					}
					s.Listeners = append(s.Listeners, d)
				}
			}
			home.Servers = append(home.Servers, s)
		}
		homes = append(homes, home)
	}
	return homes
}

func TestOffsetSearchMatchesOffsetClears(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	var clear, blocked int
	for host := range 600 {
		homes := randomOffsetHost(r)
		x := model.NewClaimIndex(model.Claims(homes))
		for _, h := range homes {
			for si := range h.Servers {
				s := &h.Servers[si]
				f := newOffsetSearch(homes, x, h, s)
				if f.twins {
					continue // checked by offsetClears itself
				}
				for n := 0; n <= 24; n++ {
					want := offsetClears(homes, h, s, n)
					if got := f.clears(n); got != want {
						t.Fatalf("host %d, %s server %d, offset %d: clears = %t, offsetClears = %t", host, h.Dir, si, n, got, want)
					}
					if want {
						clear++
					} else {
						blocked++
					}
				}
			}
		}
	}
	if clear < 2000 || blocked < 2000 {
		t.Fatalf("weak test: %d offsets clear, %d blocked", clear, blocked)
	}
	t.Logf("%d offsets clear, %d blocked", clear, blocked)
}
