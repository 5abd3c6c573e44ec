package catalog

import "github.com/wso2lint/wso2lint/internal/model"

// Resolve completes a parsed home. Parse reports only what the files of the
// home say; Resolve merges them over the distribution's defaults and is the
// one stage that applies the port offset. In order: it decides what each
// port-opening file absent from the home means (resolveDistribution: an
// overlay gets the stock file's listeners, a full home records the file in
// Server.Removed); for deployment.toml-era servers it builds the listeners
// from the toml settings and the built-in defaults (ResolveToml); it adds
// every server's offset to its listeners exactly once (applyOffsets) and
// sorts them; then it sets the Exposure of every listener of every server of
// h that has none (model.ExposureUnknown), from ExposureOf(h.Product.Key, server profile, listener ID).
// Listeners of services the catalog does not know become management when
// inbound and outbound when outbound or device-side. Nothing else changes.
func Resolve(h *model.Home) {
	if h == nil {
		return
	}
	resolveDistribution(h)
	ResolveToml(h)
	applyOffsets(h)
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
