package emit_test

import (
	"context"
	"fmt"
	"net/netip"
	"os"
	"path/filepath"
	"testing"

	"github.com/wso2lint/wso2lint/catalog"
	"github.com/wso2lint/wso2lint/emit"
	"github.com/wso2lint/wso2lint/internal/model"
	"github.com/wso2lint/wso2lint/parse"
)

// benchExample reads the repository's example home as cmd does.
func benchExample(b *testing.B) *model.Home {
	b.Helper()
	dir, err := os.Getwd()
	if err != nil {
		b.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			break
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			b.Fatal("repository root (go.mod) not found")
		}
		dir = parent
	}
	h, err := parse.Home(filepath.Join(dir, "testdata", "example", "wso2am-2.6.0"), parse.Options{})
	if err != nil {
		b.Fatal(err)
	}
	catalog.Resolve(h)
	return h
}

// benchHost returns n copies of the example home that can share one host (a
// ruleset is only rendered for a host without collisions): copy i gets its
// own directory and the smallest offset that keeps its ports clear of the
// copies before it (listeners the offset does not move are moved by it too,
// as if configured apart), and JMX is off in every other copy.
func benchHost(b *testing.B, n int) []*model.Home {
	b.Helper()
	base := benchExample(b)
	used := map[[2]int]bool{} // port, protocol
	homes := make([]*model.Home, 0, n)
	off := 0
	for i := range n {
		var h *model.Home
		for ; ; off++ {
			h = benchCopy(base, i, off)
			if !benchClashes(h, used) {
				break
			}
			if off > 20000 {
				b.Fatalf("no free offset for copy %d", i)
			}
		}
		for _, c := range model.Claims([]*model.Home{h}) {
			for p := c.Listener.Port(); p <= max(c.Listener.Port(), c.Listener.PortEnd()); p++ {
				used[[2]int{int(p), int(c.Listener.Proto)}] = true
			}
		}
		homes = append(homes, h)
	}
	if cs := model.Collisions(homes); len(cs) > 0 {
		b.Fatalf("copies collide: %d collisions", len(cs))
	}
	return homes
}

func benchCopy(base *model.Home, i, off int) *model.Home {
	h := *base
	h.Dir = fmt.Sprintf("site-%03d/wso2am-2.6.0", i)
	h.Servers = make([]model.Server, len(base.Servers))
	for si, s := range base.Servers {
		s.Offset.Value = off
		s.Listeners = append([]model.Listener(nil), s.Listeners...)
		for li := range s.Listeners {
			l := &s.Listeners[li]
			if l.Dir != model.DirIn {
				continue
			}
			if l.Offsetable {
				l.Offset = off
			} else {
				l.Base += model.Port(off)
				if l.BaseEnd != 0 {
					l.BaseEnd += model.Port(off)
				}
			}
			if i%2 == 1 && (l.ID == model.SvcJMXRegistry || l.ID == model.SvcJMXServer) {
				l.Enabled = false
			}
		}
		h.Servers[si] = s
	}
	return &h
}

func benchClashes(h *model.Home, used map[[2]int]bool) bool {
	for _, c := range model.Claims([]*model.Home{h}) {
		for p := c.Listener.Port(); p <= max(c.Listener.Port(), c.Listener.PortEnd()); p++ {
			if used[[2]int{int(p), int(c.Listener.Proto)}] || p > model.MaxPort {
				return true
			}
		}
	}
	return false
}

// BenchmarkRender plans and renders the ruleset of every emitter for 1 and
// 100 homes of one host, with management and cluster sources so that most
// ports open.
func BenchmarkRender(b *testing.B) {
	for _, target := range emit.Targets() {
		b.Run(target, func(b *testing.B) { benchRender(b, target) })
	}
}

func benchRender(b *testing.B, target string) {
	opt := emit.Options{Target: target, Allow: map[model.Exposure][]netip.Prefix{
		model.ExposureManagement: {netip.MustParsePrefix("10.0.0.0/24")},
		model.ExposureCluster:    {netip.MustParsePrefix("10.0.1.0/24"), netip.MustParsePrefix("fd00::/64")},
	}}
	for _, n := range []int{1, 100} {
		b.Run(fmt.Sprintf("homes=%d", n), func(b *testing.B) {
			homes := benchHost(b, n)
			ctx := context.Background()
			b.ReportAllocs()
			for b.Loop() {
				out, err := emit.Render(ctx, homes, opt)
				if err != nil {
					b.Fatal(err)
				}
				if len(out) == 0 {
					b.Fatal("empty ruleset")
				}
			}
		})
	}
}
