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
// The file may group homes into hosts (hosts: each with a name, globs of its
// homes relative to the file, its host services and firewall policy), name
// CIDR lists (networks:) and give a committed firewall policy (firewall:)
// whose allow lists name those networks; HostOf, HostFirewall and
// HostServicesOf answer per home and per host.
//
// Package config imports internal/model, internal/regfile (which refuses a
// named pipe, socket or device without blocking), gopkg.in/yaml.v3 and the
// standard library only; it must not import lint, parse, catalog, emit or
// report, and it writes no files (the CLI writes through internal/atomicfile).
package config
