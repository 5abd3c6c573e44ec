// Package lint checks a product home, as read into the shared model, against
// WSO2 defaults and security guidelines and reports Findings.
//
// Each check is a Rule value kept in its own rule_wlNNN.go file; Rules lists
// them in an explicit slice (there is no init() registration and no global
// mutable registry). Run applies the rules, the options and the inline
// `wso2lint:ignore` suppressions and returns the findings in a deterministic
// order. GenerateDocs writes docs/rules.md and Explain prints one rule.
//
// Adding a rule means adding one file (rule_wlNNN.go, with its test) and one
// line in Rules.
//
// Package lint imports only internal/model of wso2lint: it must not import
// parse, emit, cmd or the output formats, and it does no I/O of its own beyond
// writing to the io.Writer it is given. Catalog defaults reach it through
// Options.DefaultPort.
package lint
