package main

import (
	"os"
	"regexp"
	"strings"
	"sync"

	"github.com/urfave/cli/v2"
)

// The command line is rewritten in one place, normalizeArgs, before
// urfave/cli parses it, because urfave/cli v2 stops reading options at the
// first PATH (`wso2lint ./home --format json` would read "--format" as a
// home) and knows no `help` or `version` words.

// completionFlag is urfave/cli's shell completion request; it must stay last.
const completionFlag = "--generate-bash-completion"

// commandWord matches a first argument that reads as a command name rather
// than a PATH: letters and dashes only.
var commandWord = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^[A-Za-z][A-Za-z-]*$`) })

// normalizeArgs returns args (args[0] is the program) rewritten for
// urfave/cli:
//   - `help` and `help COMMAND` become --help; `version` becomes --version;
//   - a first word that names no command, reads as one (letters and dashes)
//     and exists as no path is a usage error, with a suggestion when a
//     command name is near;
//   - the options of the command (or of the default lint command) are moved
//     before its PATHs, each with its value when it takes one; `--` ends the
//     options. Options written before a command name stay there, so that
//     rejectRootFlags refuses them.
func normalizeArgs(app *cli.App, args []string) ([]string, error) {
	if len(args) < 2 || args[len(args)-1] == completionFlag {
		return args, nil
	}
	prog, first := args[0], args[1]
	switch first {
	case "help":
		if len(args) > 2 {
			if cmd := app.Command(args[2]); cmd != nil {
				return []string{prog, cmd.Name, "--help"}, nil
			}
			if commandWord().MatchString(args[2]) {
				return nil, unknownCommand(app, args[2])
			}
		}
		return []string{prog, "--help"}, nil
	case "version":
		return []string{prog, "--version"}, nil
	}
	if cmd := app.Command(first); cmd != nil {
		rest, err := reorder(args[2:], flagSpecs(cmd.Flags))
		return append([]string{prog, first}, rest...), err
	}
	if !strings.HasPrefix(first, "-") {
		if _, err := os.Lstat(first); err != nil && commandWord().MatchString(first) {
			return nil, unknownCommand(app, first)
		}
	}
	root := flagSpecs(append([]cli.Flag{cli.VersionFlag}, app.Flags...))
	if p, ok := firstPositional(args[1:], root); ok && app.Command(p) != nil {
		// Options before a command name: left for rejectRootFlags.
		return args, nil
	}
	rest, err := reorder(args[1:], root)
	return append([]string{prog}, rest...), err
}

// unknownCommand is the usage error for a word that is no command.
func unknownCommand(app *cli.App, word string) error {
	names := commandNames(app)
	if s, ok := suggest(word, names); ok {
		return usageErr("unknown command %q; did you mean %q?", word, s)
	}
	return usageErr("unknown command %q, and no such PATH (commands: %s)", word, strings.Join(names, ", "))
}

// commandNames lists the command names of app, then the words help and version.
func commandNames(app *cli.App) []string {
	var names []string
	for _, c := range app.Commands {
		if !c.Hidden {
			names = append(names, c.Names()...)
		}
	}
	return append(names, "help", "version")
}

// flagSpec is what the rewrite needs to know of an option name: whether its
// flag takes a value (-o FILE) or not (--all), and the flag's first name, so
// that two names of one flag are known as one.
type flagSpec struct {
	takes   bool
	primary string
}

// flagSpecs maps every name of flags, and of the help flag, (without dashes)
// to its flagSpec.
func flagSpecs(flags []cli.Flag) map[string]flagSpec {
	m := make(map[string]flagSpec, 2*len(flags)+2)
	for _, f := range append([]cli.Flag{cli.HelpFlag}, flags...) {
		spec := flagSpec{primary: f.Names()[0]}
		if d, ok := f.(cli.DocGenerationFlag); ok {
			spec.takes = d.TakesValue()
		}
		for _, n := range f.Names() {
			m[n] = spec
		}
	}
	return m
}

// isOption reports whether a reads as an option (not "-", standard input).
func isOption(a string) bool { return len(a) > 1 && a[0] == '-' }

// optionName returns the name of an option argument and whether it carries
// its value (--format=json).
func optionName(a string) (name string, inline bool) {
	name = strings.TrimLeft(a, "-")
	if i := strings.IndexByte(name, '='); i >= 0 {
		return name[:i], true
	}
	return name, false
}

// firstPositional returns the first argument that is neither an option nor
// an option's value; specs is flagSpecs of the options.
func firstPositional(args []string, specs map[string]flagSpec) (string, bool) {
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a == "--" {
			break
		}
		if !isOption(a) {
			return a, true
		}
		if name, inline := optionName(a); !inline && specs[name].takes {
			i++
		}
	}
	return "", false
}

// reorder moves the options of args before its positional arguments, each
// option with its value when it takes one, keeping the order within each
// group. `--` ends the options; it is kept in front of the positional
// arguments so that a PATH starting with a dash stays a PATH. Unknown options
// are moved without a value: urfave/cli then reports them. An option that
// takes a value but ends the line is a usage error: moved, it would take the
// first PATH for its value. specs is flagSpecs of the options.
//
// An option given by two of its names (-o a --output b) is written each time
// with the name it was first given by: urfave/cli refuses two forms of one
// flag.
func reorder(args []string, specs map[string]flagSpec) ([]string, error) {
	var opts, pos []string
	dashes := false
	spelled := map[string]string{} // a flag's primary name -> the option as first written, without its value
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a == "--" {
			dashes = true
			pos = append(pos, args[i+1:]...)
			break
		}
		if !isOption(a) {
			pos = append(pos, a)
			continue
		}
		name, inline := optionName(a)
		spec, known := specs[name]
		if known {
			head, _, _ := strings.Cut(a, "=")
			if first, seen := spelled[spec.primary]; !seen {
				spelled[spec.primary] = head
			} else if first != head {
				a = first + a[len(head):]
			}
		}
		opts = append(opts, a)
		if !inline && spec.takes {
			if i+1 == len(args) || args[i+1] == "--" {
				return nil, usageErr("option %s needs a value (see --help)", dashed(name))
			}
			opts = append(opts, args[i+1])
			i++
		}
	}
	out := opts
	if dashes {
		out = append(out, "--")
	}
	return append(out, pos...), nil
}

// undefinedFlag matches the error of Go's flag package for an unknown option.
var undefinedFlag = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^flag provided but not defined: -+(.+)$`) })

// unknownOption rewrites the flag package's error for an unknown option, with
// a suggestion when an option of the command is near; nil for any other
// error.
func unknownOption(c *cli.Context, err error) error {
	m := undefinedFlag().FindStringSubmatch(err.Error())
	if m == nil {
		return nil
	}
	var flags []cli.Flag
	if c != nil && c.Command != nil && len(c.Command.Flags) > 0 {
		flags = c.Command.Flags
	} else if c != nil && c.App != nil {
		flags = append([]cli.Flag{cli.VersionFlag}, c.App.Flags...)
	}
	var names []string
	for _, f := range append([]cli.Flag{cli.HelpFlag}, flags...) {
		names = append(names, f.Names()...)
	}
	given := dashed(m[1])
	if s, ok := suggest(m[1], names); ok {
		return usageErr("unknown option %s; did you mean %s?", given, dashed(s))
	}
	return usageErr("unknown option %s (see --help)", given)
}

// dashed writes an option name as typed: -o, --format.
func dashed(name string) string {
	if len(name) == 1 {
		return "-" + name
	}
	return "--" + name
}

// suggest returns the candidate nearest to word, when its edit distance
// (Damerau-Levenshtein, optimal string alignment) is at most 2 and smaller
// than word's length; the first such candidate wins ties.
func suggest(word string, candidates []string) (string, bool) {
	best, bestD := "", 3
	for _, c := range candidates {
		if d := editDistance(strings.ToLower(word), c); d < bestD && d < len(word) {
			best, bestD = c, d
		}
	}
	return best, best != ""
}

// editDistance is the optimal string alignment distance between a and b:
// insertions, deletions, substitutions and transpositions of adjacent
// characters, each costing 1.
func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	d := make([][]int, len(ra)+1)
	for i := range d {
		d[i] = make([]int, len(rb)+1)
		d[i][0] = i
	}
	for j := range d[0] {
		d[0][j] = j
	}
	for i := 1; i <= len(ra); i++ {
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			d[i][j] = min(d[i-1][j]+1, d[i][j-1]+1, d[i-1][j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				d[i][j] = min(d[i][j], d[i-2][j-2]+1)
			}
		}
	}
	return d[len(ra)][len(rb)]
}

// usageError is onUsageError's message for err: unknown options get a
// suggestion; other errors are passed on with a pointer to --help.
func usageError(c *cli.Context, err error) error {
	if e := unknownOption(c, err); e != nil {
		return e
	}
	return usageErr("%v (see --help)", err)
}
