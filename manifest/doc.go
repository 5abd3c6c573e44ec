// Package manifest reads deployment manifests (Kubernetes YAML, rendered Helm
// output, compose files) into model.Manifests, with the file, line and column
// of every port, probe and object, and matches each workload to the product
// home it runs (Match).
//
// Reading is a parser's job: multi-document YAML with "---" separators and
// "# Source:" comments, unknown kinds and keys tolerated, while a file that is
// not YAML, is too large, too deeply nested or not a regular file is one
// error naming the file. Package manifest imports internal/model and
// internal/regfile of wso2lint and gopkg.in/yaml.v3; it never imports parse,
// catalog, lint or emit.
package manifest
