// Package compose writes the ports: and expose: blocks of a compose service
// for each product home: public ports are published on the host, management
// and cluster ports are exposed to the other services of the compose
// network only. The output is a plain, deterministic compose file fragment
// (services: NAME: ports/expose) that the compose specification accepts (the
// tests load it with compose-spec/compose-go).
//
// Package compose imports only internal/model, internal/yamlnode and emit of
// wso2lint, and does no I/O but writing to the io.Writer it is given.
package compose
