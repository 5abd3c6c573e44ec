package catalog

import "github.com/wso2lint/wso2lint/internal/model"

// esbEntries returns the Enterprise Service Bus ports beyond the common ones.
func esbEntries() []Entry {
	return []Entry{
		passthru(model.SvcPassthruHTTP, 8280, "http", "mediation requests to proxy services and APIs over HTTP (PassThrough or NIO)"),
		passthru(model.SvcPassthruHTTPS, 8243, "https", "mediation requests to proxy services and APIs over HTTPS (PassThrough or NIO)"),
	}
}
