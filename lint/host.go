package lint

import "github.com/wso2lint/wso2lint/internal/model"

// host holds what several rules need about all the homes of one Run, built
// on first use and shared by every Pass of that Run: with 1000 homes, every
// rule listing the claims of the host for every home would cost 2·10^7
// claims.
type host struct {
	homes  []*model.Home
	claims *model.ClaimIndex
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
		for _, f := range Run(h.Homes, rules, o) {
			f.Host = h.Name
			out = append(out, f)
		}
	}
	return out
}
