package report

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"github.com/wso2lint/wso2lint/internal/model"
)

// RuleInfo describes one rule for the formats that carry rule metadata
// (sarif, github). It mirrors the fields of lint.Rule without importing lint.
type RuleInfo struct {
	// ID is the stable rule ID ("WL101").
	ID string
	// Name is the kebab-case rule name ("port-collision").
	Name string
	// Title is one line, lower case, no period.
	Title string
	// Doc explains why the rule matters and how to fix a finding.
	Doc string
	// Severity is the rule's default severity.
	Severity model.Severity
	// DocURL is the address of the rule's documentation (sarif helpUri,
	// markdown links); omitted when empty.
	DocURL string
	// SecuritySeverity, for a security rule, is its score from "0.0" to
	// "10.0" (sarif security-severity, gitlab severity); "" for other rules.
	SecuritySeverity string
}

// Options control how findings are written.
type Options struct {
	// Color turns on ANSI colours in the text format. The CLI decides from
	// --color (auto: a terminal and NO_COLOR unset); other formats ignore it.
	Color bool
	// ToolName names the tool in sarif and checkstyle output; "wso2lint" when empty.
	ToolName string
	// ToolVersion is the tool's version; sarif also gives it as semanticVersion
	// when it is a semantic version ("1.2.3", "v1.2.3-rc.1").
	ToolVersion string
	// RuleSetVersion, when set, is recorded in the sarif driver's properties.
	RuleSetVersion string
	// Rules lists every known rule, in the order sarif lists them.
	Rules []RuleInfo
	// ShowHost makes the text format name the host of each finding; the CLI
	// sets it when the findings come from more than one host. The json and
	// sarif formats name the host whenever a finding has one.
	ShowHost bool
	// InfoURI is the tool's home page (sarif informationUri); omitted when empty.
	InfoURI string
	// Width, when positive, is the width of the terminal the text format
	// writes to: findings are then wrapped to it and shown with their source
	// line and a caret under the column. Zero gives one line per finding.
	Width int
	// Source returns line n (1-based) of the file at path (the home-joined
	// path the formats print), without its line ending; ok is false when it
	// is unknown. The text format shows the line on a terminal, and the
	// fingerprints of sarif and gitlab hash it, so that they survive lines
	// inserted above. Nil means no source lines.
	Source func(path string, n int) (line string, ok bool)
	// PathPrefix is joined in front of relative file paths in the sarif,
	// gitlab, github, checkstyle, junit and markdown formats, to make them
	// relative to the repository root when the homes are in a subdirectory
	// of it ("deploy" turns "wso2am/conf/x" into "deploy/wso2am/conf/x").
	PathPrefix string
	// Category distinguishes analyses of one repository in GitHub code
	// scanning: sarif gives automationDetails.id "CATEGORY/"; the tool name
	// when empty.
	Category string
	// Homes lists every home that was linted, in order, findings or not: the
	// text summary and markdown count them and junit gives each a test suite.
	// When empty, the homes of the findings are used.
	Homes []string
}

// DefaultToolName is the tool name used when Options.ToolName is empty.
const DefaultToolName = "wso2lint"

func (o Options) toolName() string {
	if o.ToolName == "" {
		return DefaultToolName
	}
	return o.ToolName
}

// rule returns the index of the rule with the ID in o.Rules, or -1.
func (o Options) rule(id string) int {
	for i, r := range o.Rules {
		if r.ID == id {
			return i
		}
	}
	return -1
}

// writerFunc writes a format's output to b as it makes it; Write flushes b.
// The writer fails only when writing does (b keeps the first such error).
type writerFunc func(b *bufio.Writer, findings []model.Finding, opt Options) error

// streamFunc writes a format's output to w as it makes it, with its own
// buffer; it fails only when writing to w does.
type streamFunc func(w io.Writer, findings []model.Finding, opt Options) error

// format is a format's name and its writer: write or stream.
type format struct {
	name   string
	write  writerFunc
	stream streamFunc
}

// writeBufferSize is how much a format gathers before Write passes it on.
const writeBufferSize = 32 << 10

func formats() []format {
	return []format{
		{name: "text", write: writeText},
		{name: "json", stream: writeJSON},
		{name: "sarif", write: writeSARIF},
		{name: "checkstyle", write: writeCheckstyle},
		{name: "github", write: writeGitHub},
		{name: "gitlab", write: writeGitLab},
		{name: "junit", write: writeJUnit},
		{name: "markdown", write: writeMarkdown},
	}
}

// Formats returns the names of the output formats, in the order the CLI lists
// them. The slice is new on every call.
func Formats() []string {
	fs := formats()
	out := make([]string, len(fs))
	for i, f := range fs {
		out[i] = f.name
	}
	return out
}

// Write writes the findings to w in the named format (one of Formats),
// keeping their order. Every format is written to w in pieces as it is made,
// so that a long report (a run over many homes) is never held whole in
// memory; only an error of w stops it, and then part of it may have been
// written (the CLI writes files atomically).
func Write(w io.Writer, format string, findings []model.Finding, opt Options) error {
	for _, f := range formats() {
		if f.name != format {
			continue
		}
		var err error
		if f.stream != nil {
			err = f.stream(w, findings, opt)
		} else {
			b := bufio.NewWriterSize(w, writeBufferSize)
			if err = f.write(b, findings, opt); err == nil {
				err = b.Flush()
			}
		}
		if err != nil {
			return fmt.Errorf("write %s report: %w", format, err)
		}
		return nil
	}
	return fmt.Errorf("unknown output format %q (want %s)", format, strings.Join(Formats(), ", "))
}
