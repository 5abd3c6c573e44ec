package catalog

import "github.com/wso2lint/wso2lint/internal/model"

// elbEntries returns the Elastic Load Balancer ports beyond the common ones.
func elbEntries() []Entry {
	return []Entry{
		passthru(model.SvcPassthruHTTP, 8280, "http", "load-balanced HTTP traffic (PassThrough or NIO transport)"),
		passthru(model.SvcPassthruHTTPS, 8243, "https", "load-balanced HTTPS traffic (PassThrough or NIO transport)"),
	}
}
