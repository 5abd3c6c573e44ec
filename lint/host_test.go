package lint

import (
	"fmt"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/wso2lint/wso2lint/internal/model"
)

// TestRunHosts checks that collisions are found within a host and not
// across hosts, that each finding names its host, and that host services
// count only on their host.
func TestRunHosts(t *testing.T) {
	am := func(dir string) *model.Home {
		return home(dir, srv(0, []model.Listener{in(model.SvcServletHTTPS, 9443, 0, catalinaXML, 80)}))
	}
	rabbit := model.HostService{Name: "broker", Port: 9443, Proto: model.ProtoTCP, Origin: "cfg", Line: 1, Col: 1}
	hosts := []Host{
		{Name: "prod-1", Homes: []*model.Home{am("prod/a"), am("prod/b")}},
		{Name: "dev-1", Homes: []*model.Home{am("dev/a")}},
		{Name: "dev-2", Homes: []*model.Home{am("dev/b")}, HostServices: []model.HostService{rabbit}},
	}
	rules := []*Rule{mustRule(t, "WL101")}
	var got []string
	for _, f := range RunHosts(hosts, rules, Options{}) {
		got = append(got, fmt.Sprintf("%s %s %s", f.Host, f.Home, f.Rule))
	}
	want := []string{
		"prod-1 prod/a WL101",
		"prod-1 prod/b WL101",
		"dev-2 dev/b WL101",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("RunHosts findings (-want +got):\n%s", diff)
	}

	// One unnamed host of all the homes is Run: every home collides.
	all := []*model.Home{am("prod/a"), am("prod/b"), am("dev/a")}
	one := RunHosts([]Host{{Homes: all}}, rules, Options{})
	if diff := cmp.Diff(Run(all, rules, Options{}), one); diff != "" {
		t.Errorf("RunHosts with one unnamed host differs from Run (-Run +RunHosts):\n%s", diff)
	}
}

func mustRule(t *testing.T, id string) *Rule {
	t.Helper()
	r, ok := Lookup(id)
	if !ok {
		t.Fatalf("no rule %s", id)
	}
	return r
}

// TestHostHomeIndex checks homeIndex against the first position of each
// home, for hosts below and above indexFrom homes, with a home given twice
// and a home that is not on the host.
func TestHostHomeIndex(t *testing.T) {
	for _, n := range []int{0, 1, indexFrom - 1, indexFrom, 3 * indexFrom} {
		homes := make([]*model.Home, n)
		for i := range homes {
			homes[i] = &model.Home{Dir: fmt.Sprint(i)}
		}
		if n > 2 {
			homes[n-1] = homes[1] // given twice: the first position counts
		}
		h := &host{homes: homes}
		want := func(x *model.Home) int {
			for i, y := range homes {
				if y == x {
					return i
				}
			}
			return len(homes)
		}
		for _, x := range append(append([]*model.Home{}, homes...), &model.Home{Dir: "elsewhere"}) {
			if got, w := h.homeIndex(x), want(x); got != w {
				t.Errorf("%d homes: homeIndex(%q) = %d, want %d", n, x.Dir, got, w)
			}
		}
	}
}
