package catalog

import "github.com/wso2lint/wso2lint/internal/model"

// emmEntries returns the Enterprise Mobility Manager ports beyond the common
// ones: push notifications and, from EMM 1.1.0, the embedded API Manager.
func emmEntries() []Entry {
	out := pushEntries()
	km := keyManagerThrift()
	km.Note += "; EMM 1.1.0 and later"
	return append(out,
		passthru(model.SvcPassthruHTTP, 8280, "http", "gateway HTTP transport of the embedded API Manager (EMM 1.1.0 and later)"),
		passthru(model.SvcPassthruHTTPS, 8243, "https", "gateway HTTPS transport of the embedded API Manager (EMM 1.1.0 and later)"),
		km,
	)
}
