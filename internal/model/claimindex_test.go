package model

import (
	"fmt"
	"math/rand/v2"
	"sort"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// pairwiseCollisions is the original O(n²) Collisions, kept as the reference
// the indexed one must match exactly: same collisions, same claims, same order.
func pairwiseCollisions(homes []*Home) []Collision {
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
			out = pairwiseAdd(out, port, a.Listener.Proto, a, b)
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

func pairwiseAdd(out []Collision, port Port, proto Protocol, a, b Claim) []Collision {
	for i := range out {
		if out[i].Port == port && out[i].Proto == proto {
			out[i].Claims = appendClaim(out[i].Claims, a)
			out[i].Claims = appendClaim(out[i].Claims, b)
			return out
		}
	}
	return append(out, Collision{Port: port, Proto: proto, Claims: []Claim{a, b}})
}

// collisionLines renders collisions with the identity of each claim's home and
// server, so that a claim of another server with equal fields does not pass.
func collisionLines(homes []*Home, cs []Collision) []string {
	where := map[*Server]string{}
	for hi, h := range homes {
		for si := range h.Servers {
			where[&h.Servers[si]] = fmt.Sprintf("h%d/s%d", hi, si)
		}
	}
	var out []string
	for _, c := range cs {
		out = append(out, fmt.Sprintf("%d/%s", c.Port, c.Proto))
		for _, cl := range c.Claims {
			out = append(out, fmt.Sprintf("  %s home=%s %s %d-%d %s", where[cl.Server], cl.Home.Dir, cl.Listener.ID,
				cl.Listener.Port(), cl.Listener.PortEnd(), cl.Listener.Source))
		}
	}
	return out
}

// randomHost builds homes with few distinct ports so that collisions abound:
// ranges (some reversed), repeated sockets, same-source duplicates on other
// ports, both protocols, disabled and outbound listeners.
func randomHost(r *rand.Rand) []*Home {
	ids := []string{"a", "b", "c"}
	var homes []*Home
	for h := range 1 + r.IntN(5) {
		home := &Home{Dir: fmt.Sprintf("home%d", h)}
		for range 1 + r.IntN(3) {
			var s Server
			for range r.IntN(8) {
				l := Listener{
					ID:         ids[r.IntN(len(ids))],
					Base:       Port(100 + r.IntN(12)),
					Offset:     r.IntN(3),
					Offsetable: r.IntN(2) == 0,
					Proto:      Protocol(1 + r.IntN(2)),
					Dir:        DirIn,
					Enabled:    r.IntN(6) != 0,
					Source:     Pos{File: "f.xml", Line: 1 + r.IntN(4)},
				}
				switch r.IntN(8) {
				case 0:
					l.BaseEnd = l.Base + Port(r.IntN(4))
				case 1:
					l.BaseEnd = l.Base - Port(1+r.IntN(3)) // reversed range
				case 2:
					l.Dir = DirOut
				}
				s.Listeners = append(s.Listeners, l)
				if r.IntN(5) == 0 {
					s.Listeners = append(s.Listeners, l) // the same socket twice
				}
				if r.IntN(5) == 0 {
					d := l
					d.Base++ // same server, ID and source, another port
					s.Listeners = append(s.Listeners, d)
				}
			}
			home.Servers = append(home.Servers, s)
		}
		homes = append(homes, home)
	}
	return homes
}

func TestCollisionsMatchPairwise(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	collided := 0
	for n := range 3000 {
		homes := randomHost(r)
		want := collisionLines(homes, pairwiseCollisions(homes))
		got := collisionLines(homes, Collisions(homes))
		if diff := cmp.Diff(want, got); diff != "" {
			t.Fatalf("host %d: Collisions differs from the pairwise scan (-want +got):\n%s", n, diff)
		}
		if len(want) > 0 {
			collided++
		}
	}
	if collided < 1000 {
		t.Fatalf("only %d of 3000 random hosts collided; the test does not exercise Collisions", collided)
	}
}

func TestClaimIndex(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	for range 500 {
		claims := Claims(randomHost(r))
		x := NewClaimIndex(claims)
		for range 20 {
			q := Listener{Base: Port(95 + r.IntN(25)), Proto: Protocol(1 + r.IntN(2))}
			if r.IntN(3) == 0 {
				q.BaseEnd = q.Base + Port(r.IntN(5)) - 2
			}
			var want, got []int
			for i, c := range claims {
				if q.Overlaps(c.Listener) {
					want = append(want, i)
				}
			}
			x.Overlapping(&q, func(i int) bool { got = append(got, i); return true })
			sort.Ints(got)
			if diff := cmp.Diff(want, got); diff != "" {
				t.Fatalf("Overlapping(%+v) (-want +got):\n%s", q, diff)
			}
		}
	}
}

// BenchmarkCollisions measures a host of many homes whose offsets keep most
// ports apart, as in scripts/bench.sh.
func BenchmarkCollisions(b *testing.B) {
	for _, n := range []int{10, 100, 1000} {
		b.Run(fmt.Sprintf("homes=%d", n), func(b *testing.B) {
			bases := []Port{9443, 9763, 8243, 8280, 9999, 11111, 5672, 8672, 9611, 9711, 7611, 7711, 10389, 10397, 1883, 8883, 9099}
			homes := make([]*Home, n)
			for i := range homes {
				var s Server
				for k, p := range bases {
					s.Listeners = append(s.Listeners, Listener{ID: fmt.Sprint(k), Base: p, Offset: i, Offsetable: true,
						Proto: ProtoTCP, Dir: DirIn, Enabled: i%2 == 0 || k%3 != 0})
				}
				homes[i] = &Home{Dir: fmt.Sprint(i), Servers: []Server{s}}
			}
			b.ReportAllocs()
			for b.Loop() {
				Collisions(homes)
			}
		})
	}
}
