// Package report writes lint findings in the formats the CLI offers: text,
// json, sarif, checkstyle and github (workflow commands); and, with
// WritePorts, the listeners of the ports command as a text table or as the
// JSON document pipelines parse.
//
// Rule metadata arrives as plain RuleInfo values, so report does not import
// lint; it imports only internal/model and the standard library. Output is
// deterministic: findings are written in the order given, rules in the order
// of Options.Rules, and nothing depends on map order or the clock. Report
// never prints a summary line: the text format is one line per finding, so the
// output stays easy to grep and diff; a summary, if any, is the CLI's to write
// on stderr.
package report
