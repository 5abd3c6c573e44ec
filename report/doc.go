// Package report writes lint findings in the formats the CLI offers: text,
// json, sarif, checkstyle, github (workflow commands), gitlab (Code Quality),
// junit and markdown; and, with WritePorts, the listeners of the ports
// command as a text table or as the JSON document pipelines parse.
//
// Rule metadata arrives as plain RuleInfo values, so report does not import
// lint; it imports only internal/model and the standard library, and reads no
// file itself (source lines come from Options.Source). Output is
// deterministic: findings are written in the order given (text, junit and
// markdown group them by home or file, keeping that order within a group),
// rules in the order of Options.Rules, and nothing depends on map order or
// the clock. The text format ends with a summary line and a hint to
// `explain`; in a pipe it stays one line per finding, easy to grep and diff.
package report
