// Package yamlnode builds YAML documents as gopkg.in/yaml.v3 nodes, in the
// order the caller gives, and writes them as a deterministic multi-document
// stream: the Kubernetes and compose emitters write their output with it.
//
// Package yamlnode imports nothing of wso2lint; outside the standard library
// only gopkg.in/yaml.v3.
package yamlnode
