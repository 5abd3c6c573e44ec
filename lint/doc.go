// Package lint checks a product home, as read into the shared model, against
// WSO2 defaults and security guidelines and reports Findings.
//
// Each check is a Rule value kept in its own rule_wlNNN.go file; Rules lists
// them in an explicit slice (there is no init() registration and no global
// mutable registry). Run applies the rules, the options and the inline
// `wso2lint:ignore` suppressions and returns the findings in a deterministic
// order (home, position, rule, message), whatever order the rules report in.
// GenerateDocs writes docs/rules.md and Explain prints one rule.
//
// A rule's Scope says what its Check sees: most rules are ScopeServer and run
// once per server of each home with Pass.Home and Pass.Server set; ScopeHome
// rules see a home as a whole, ScopeHost rules every home of the host at once
// (Pass.Home nil), and ScopeIgnores rules the outcome of the inline ignores.
// Check reports with Pass.Reportf, at a position of the home being checked;
// rules that see several homes name the home with Pass.Report. Helpers shared
// by several rules live in helpers.go; a helper of one rule stays in its file.
//
// Adding a rule means adding one file (rule_wlNNN.go, with its test
// rule_wlNNN_test.go) and one line in Rules; Example_newRule in
// example_rule_test.go shows a whole rule and its test. A rule's doc has an
// "Example:" and a "Fix:" section. Every built-in rule lists the
// configurations of its example in Rule.Examples (at least one it reports and
// one it does not) and builds its doc with exampleDoc, so the doc shows
// exactly what TestRuleExamples runs it on; the package's tests fail when a
// rule has no structured examples, or no test case where it fires and one
// where it stays silent.
//
// Package lint imports internal/model and catalog (WL402 takes the known
// deployment.toml keys from catalog) of wso2lint: it must not import parse,
// emit, cmd or the output formats, and it does no I/O of its own beyond
// writing to the io.Writer it is given. The catalog's default ports reach it
// through Options.DefaultPort, which cmd fills. Its tests also use parse, to
// read the documented examples as the command reads a home.
package lint
