package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/urfave/cli/v2"
	"golang.org/x/term"

	"github.com/wso2lint/wso2lint/internal/model"
	"github.com/wso2lint/wso2lint/internal/regfile"
	"github.com/wso2lint/wso2lint/lint"
	"github.com/wso2lint/wso2lint/report"
)

// Values of --color.
const (
	colorAuto   = "auto"
	colorAlways = "always"
	colorNever  = "never"
)

// lintOutputFlags are lint's output flags: -o (repeatable, FILE or
// FORMAT=FILE), --color, --path-prefix and --sarif-category.
func lintOutputFlags() []cli.Flag {
	return []cli.Flag{
		&cli.StringSliceFlag{Name: "output", Aliases: []string{"o"}, Usage: "write the --format result to `FILE` (atomically) instead of standard output; " +
			"FORMAT=FILE (repeatable) also writes that format to FILE, e.g. -o sarif=wso2lint.sarif -o markdown=$GITHUB_STEP_SUMMARY"},
		&cli.StringFlag{Name: "color", Value: colorAuto, Usage: "colour the text format: `WHEN` is auto (on a terminal, unless NO_COLOR is set), always or never"},
		&cli.StringFlag{Name: "path-prefix", Usage: "join `DIR` in front of relative file paths in sarif, gitlab, github, checkstyle, junit and markdown, to make them relative to the repository root"},
		&cli.StringFlag{Name: "sarif-category", Usage: "sarif automationDetails category `NAME` that tells analyses of one repository apart in GitHub code scanning (default: wso2lint)"},
	}
}

// lintOutput is one destination of a lint run.
type lintOutput struct {
	format string
	file   string // "" is standard output
}

// lintOutputs reads --format and -o: the --format result goes to standard
// output, or to the one -o FILE (or -o -); each -o FORMAT=FILE adds a file.
// A value is FORMAT=FILE only when the part before "=" is a format name, so
// "-o ./x=y" names the file "x=y".
func lintOutputs(c *cli.Context) ([]lintOutput, error) {
	format := c.String("format")
	if !contains(report.Formats(), format) {
		return nil, usageErr("--format %q: want one of %s", format, strings.Join(report.Formats(), ", "))
	}
	main := lintOutput{format: format}
	var extra []lintOutput
	mainSet := false
	seen := map[string]bool{}
	for _, v := range c.StringSlice("output") {
		out := lintOutput{format: format, file: v}
		if f, file, ok := strings.Cut(v, "="); ok && contains(report.Formats(), f) {
			out = lintOutput{format: f, file: file}
			if file == "" {
				return nil, usageErr("--output %q: want FORMAT=FILE with a file name", v)
			}
		} else if mainSet {
			return nil, usageErr("--output %q: the --format result already goes to %q; write other formats with FORMAT=FILE", v, main.file)
		} else {
			mainSet = true
			if v == "-" {
				out.file = ""
			}
			main = out
			continue
		}
		if out.file == "-" {
			out.file = ""
		}
		if seen[out.file] {
			return nil, usageErr("--output %q: %s is written twice", v, displayName(out.file))
		}
		seen[out.file] = true
		extra = append(extra, out)
	}
	if seen[main.file] {
		return nil, usageErr("--output: %s is written twice", displayName(main.file))
	}
	return append([]lintOutput{main}, extra...), nil
}

func displayName(file string) string {
	if file == "" {
		return "standard output"
	}
	return file
}

// checkColorFlag refuses a --color value other than auto, always and never.
func checkColorFlag(c *cli.Context) error {
	switch v := c.String("color"); v {
	case colorAuto, colorAlways, colorNever:
		return nil
	default:
		return usageErr("--color %q: want auto, always or never", v)
	}
}

// useColor decides whether the text written to w is coloured. Following
// https://no-color.org, NO_COLOR set to anything but "" turns colour off in
// auto mode, and the command line (--color always) overrides it.
func useColor(mode string, w io.Writer, getenv env) bool {
	switch mode {
	case colorAlways:
		return true
	case colorNever:
		return false
	}
	return getenv("NO_COLOR") == "" && getenv("TERM") != "dumb" && isTerminal(w)
}

// terminalWidth is the width of the terminal w, or 0 when w is not a
// terminal, so that text output is wrapped on a terminal and stays one line
// per finding in a pipe or file.
func terminalWidth(w io.Writer) int {
	f, ok := w.(*os.File)
	if !ok || !isTerminal(w) {
		return 0
	}
	width, _, err := term.GetSize(int(f.Fd()))
	if err != nil || width < 20 {
		return 0
	}
	return width
}

// writeLintOutputs writes the findings to every destination of outs, each
// file atomically; standard output only after every file was written. Each
// output streams to its file or to standard output as the format makes it
// (report.Write), so that a long report is never held whole in memory
// (issue 15 item 5).
func writeLintOutputs(c *cli.Context, getenv env, outs []lintOutput, findings []model.Finding, rules []*lint.Rule, ld *loaded) error {
	src := newSourceLines(c.Int64("max-file-size"))
	homes := make([]string, 0, len(ld.homes))
	for _, h := range ld.homes {
		homes = append(homes, h.Dir)
	}
	produce := func(out lintOutput) func(io.Writer) error {
		opt := report.Options{
			ToolVersion:    toolVersion().Version,
			RuleSetVersion: ruleSetVersion,
			Rules:          ruleInfos(rules, out.format == "sarif"),
			ShowHost:       len(ld.hosts) > 1,
			Source:         src.line,
			PathPrefix:     c.String("path-prefix"),
			Category:       c.String("sarif-category"),
			Homes:          homes,
		}
		if out.format == "text" {
			var w io.Writer = io.Discard // a file is never a terminal
			if out.file == "" {
				w = c.App.Writer
			}
			opt.Color = useColor(c.String("color"), w, getenv)
			opt.Width = terminalWidth(w)
		}
		return func(w io.Writer) error { return report.Write(w, out.format, findings, opt) }
	}
	var stdout func(io.Writer) error
	for _, out := range outs {
		if out.file == "" {
			stdout = produce(out)
			continue
		}
		if err := writeFileFrom(c.Context, out.file, produce(out)); err != nil {
			return err
		}
	}
	if stdout != nil {
		return stream(c.App.Writer, stdout)
	}
	return nil
}

// writeFileFrom replaces the file name atomically with what produce writes
// (-o FILE): an error writing the file is an input error naming it, as
// writeFile gives; an error of produce is returned as it is.
func writeFileFrom(ctx context.Context, name string, produce func(io.Writer) error) error {
	var perr error
	err := fileWriter(ctx).WriteFrom(ctx, name, 0o644, func(w io.Writer) error {
		perr = produce(w)
		return perr
	})
	if err != nil && err != perr {
		return &exitError{code: exitInput, msg: fmt.Sprintf("%s: %v", name, err)}
	}
	return err
}

// sourceLines reads the lines findings point at, for the text format's
// snippets and the fingerprints of sarif and gitlab. It reads only regular
// files no larger than the limit, each once, and gives up quietly otherwise:
// a source line is a help, never a reason to fail.
//
// A run over many homes asks for lines of thousands of files, so each file
// is kept as one string with the offsets of its lines (nothing for the
// collector to trace line by line), and files with the same content (copies
// of a home, environments that share a file) share one.
type sourceLines struct {
	max   int64
	files map[string]*sourceText // by path; nil when the file gave nothing
	texts map[string]*sourceText // by content
	buf   []byte                 // the file being read
}

// sourceText is a file's content and the offset where each of its lines
// starts.
type sourceText struct {
	text   string
	starts []int
}

func newSourceLines(max int64) *sourceLines {
	return &sourceLines{max: max, files: map[string]*sourceText{}, texts: map[string]*sourceText{}}
}

func (s *sourceLines) line(path string, n int) (string, bool) {
	t, ok := s.files[path]
	if !ok {
		var err error
		if s.buf, err = regfile.AppendFile(s.buf[:0], path, s.max); err == nil {
			// A copy of a file read before costs no memory.
			if t = s.texts[string(s.buf)]; t == nil {
				text := string(s.buf)
				t = &sourceText{text: text, starts: lineStarts(text)}
				s.texts[text] = t
			}
		}
		s.files[path] = t
	}
	if t == nil || n < 1 || n > len(t.starts) {
		return "", false
	}
	line := t.text[t.starts[n-1]:]
	if end := strings.IndexByte(line, '\n'); end >= 0 {
		line = line[:end]
	}
	// Without its line ending: "\n", "\r\n", and one more "\r" before them,
	// as bufio.ScanLines and a TrimSuffix of "\r" gave them.
	line = strings.TrimSuffix(line, "\r")
	return strings.TrimSuffix(line, "\r"), true
}

// lineStarts returns the offset of each line of text: a final newline ends
// the last line rather than starting an empty one, and an empty text has no
// lines.
func lineStarts(text string) []int {
	if text == "" {
		return nil
	}
	starts := make([]int, 1, strings.Count(text, "\n")+1)
	for i := 0; ; {
		j := strings.IndexByte(text[i:], '\n')
		if j < 0 || i+j+1 == len(text) {
			return starts
		}
		i += j + 1
		starts = append(starts, i)
	}
}
