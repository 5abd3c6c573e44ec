package catalog

import "github.com/wso2lint/wso2lint/internal/model"

// Resolve completes a parsed home: for deployment.toml-era homes it first
// builds the listeners from the toml settings and the built-in defaults
// (ResolveToml); for an overlay home it adds the listeners of the stock
// port-opening files the home lacks (resolveStock); then it sets the Exposure of every listener of every server of
// h that has none (model.ExposureUnknown), from ExposureOf(h.Product.Key, server profile, listener ID).
// Listeners of services the catalog does not know become management when
// inbound and outbound when outbound or device-side. Nothing else changes.
func Resolve(h *model.Home) {
	if h == nil {
		return
	}
	ResolveToml(h)
	resolveStock(h)
	for si := range h.Servers {
		ls := h.Servers[si].Listeners
		for li := range ls {
			l := &ls[li]
			if l.Exposure != model.ExposureUnknown {
				continue
			}
			if x := ExposureOf(h.Product.Key, h.Servers[si].Profile, l.ID); x != model.ExposureUnknown {
				l.Exposure = x
				continue
			}
			switch l.Dir {
			case model.DirIn:
				l.Exposure = model.ExposureManagement
			case model.DirOut, model.DirDevice:
				l.Exposure = model.ExposureOutbound
			}
		}
	}
}
