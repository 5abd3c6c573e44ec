// Package config reads the project configuration file (.wso2lint.yaml) and
// baselines of accepted findings.
//
// Find locates the configuration file by walking up from a product home; Load
// parses it strictly (unknown keys, bad severities and bad globs are errors
// that name the file and line). Rule IDs and names in the file are checked
// against the known rules with ResolveRules, which the caller feeds from the
// rule list, so that package config need not import lint. A Baseline records
// findings by rule, file and configuration location (not by line) so that
// only new findings are reported.
//
// Package config imports internal/model, internal/regfile (which refuses a
// named pipe, socket or device without blocking), gopkg.in/yaml.v3 and the
// standard library only; it must not import lint, parse, catalog, emit or
// report, and it writes no files (the CLI writes through internal/atomicfile).
package config
