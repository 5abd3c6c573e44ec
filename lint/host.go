package lint

import "github.com/wso2lint/wso2lint/internal/model"

// host holds what several rules need about all the homes of one Run, built
// on first use and shared by every Pass of that Run: with 1000 homes, every
// rule listing the claims of the host for every home would cost 2·10^7
// claims.
type host struct {
	homes  []*model.Home
	claims *model.ClaimIndex
	// index holds the position of each home in homes (the first, should
	// one be given twice); made on first use for a host of many homes.
	index map[*model.Home]int
}

// indexFrom is the number of homes from which homeIndex looks homes up in a
// map rather than comparing them one by one.
const indexFrom = 16

// homeIndex returns the position of home in the homes of the host (the
// first, should it be there twice), or len(homes) when it is not one of
// them. With 1000 homes and their 50000 findings, comparing every home for
// every finding was 2.5·10^7 comparisons.
func (h *host) homeIndex(home *model.Home) int {
	if len(h.homes) < indexFrom {
		for i, x := range h.homes {
			if x == home {
				return i
			}
		}
		return len(h.homes)
	}
	if h.index == nil {
		h.index = make(map[*model.Home]int, len(h.homes))
		for i := len(h.homes) - 1; i >= 0; i-- {
			h.index[h.homes[i]] = i
		}
	}
	if i, ok := h.index[home]; ok {
		return i
	}
	return len(h.homes)
}

// claimIndex returns the claims of the host (model.Claims) with their index.
func (h *host) claimIndex() *model.ClaimIndex {
	if h.claims == nil {
		h.claims = model.NewClaimIndex(model.Claims(h.homes))
	}
	return h.claims
}

// claimIndex returns the claims of the host of p with their index.
func (p *Pass) claimIndex() *model.ClaimIndex {
	if p.host == nil {
		p.host = &host{homes: p.Homes}
	}
	return p.host.claimIndex()
}

// Host is one host of a RunHosts call: its name and the homes on it.
type Host struct {
	// Name names the host in findings; "" leaves findings without one.
	Name string
	// Homes are the homes on the host, in command-line order.
	Homes []*model.Home
	// HostServices are services of this host on top of opt.HostServices.
	HostServices []model.HostService
}

// RunHosts runs Run once per host, so that collisions and the other
// host-scope rules see only the homes of one host, and returns the findings
// host by host in the order given, each carrying the host's name. The
// host's HostServices are added to opt.HostServices for its run.
func RunHosts(hosts []Host, rules []*Rule, opt Options) []model.Finding {
	var out []model.Finding
	for _, h := range hosts {
		o := opt
		if len(h.HostServices) > 0 {
			o.HostServices = append(append([]model.HostService(nil), opt.HostServices...), h.HostServices...)
		}
		fs := Run(h.Homes, rules, o)
		for i := range fs {
			fs[i].Host = h.Name
		}
		switch {
		case len(fs) == 0:
		case out == nil:
			out = fs // one host, the common case: no copy of its findings
		default:
			out = append(out, fs...)
		}
	}
	return out
}
