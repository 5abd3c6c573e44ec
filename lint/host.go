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
