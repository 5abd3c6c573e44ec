// Package script scans the start scripts of a Java server, POSIX shell (sh)
// and Windows batch (bat), for the JVM options they pass and when they pass
// them.
//
// ScanSh and ScanBat tokenise a script (quotes, comments, line continuations,
// ;, && and || lists), follow its if/elif/else and case arms, batch if lines,
// blocks and label sections, fold the variables it assigns, and follow the
// options written in a command or assigned to a variable to the java command
// line. Each option comes with its position (line and column), the statement it
// is written in (for baselines) and its Context: always passed in a default
// start (no arguments, the variables of the script unset until assigned), only
// under a condition, or only in the stock --debug branch. Comments are
// returned with the lines they speak for.
//
// The package knows shell and batch syntax and semantics, not products: which
// options matter and what they open is for package parse. It must not import
// internal/model or any other package of this module.
//
// The scan is linear in the size of the script: hostile input (variables that
// double at every line, deep nesting, thousands of options in one command) is
// bounded by the caps of the scanner, far above what real start scripts use.
package script
