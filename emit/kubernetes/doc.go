// Package kubernetes writes Kubernetes manifests for product homes: per home
// a Service with every public, management and cluster port (named by service
// id, protocol right), a NetworkPolicy per exposure class whose sources are
// the --allow prefixes (ipBlock) or pod and namespace selectors, and, as a
// fragment, a strategic-merge patch that gives a Deployment's container its
// ports. The output is plain, deterministic YAML that decodes strictly into
// the k8s.io/api core/v1, networking/v1 and apps/v1 types (the tests check).
//
// Package kubernetes imports only internal/model, internal/yamlnode and emit
// of wso2lint (never parse, catalog or lint), and does no I/O but writing to
// the io.Writer it is given.
package kubernetes
