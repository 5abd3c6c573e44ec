package lint

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
)

// ExplainFormats are the formats of `wso2lint explain`: text (the default),
// markdown and json.
func ExplainFormats() []string { return []string{"text", "markdown", "json"} }

// ExplainList writes what `wso2lint explain` prints without a rule: one line
// per rule (ID, name, severity, title; "(off by default)" after the title of
// a rule that needs --enable), then where the documentation is.
func ExplainList(w io.Writer, rules []*Rule) error {
	var b strings.Builder
	tw := tabwriter.NewWriter(&b, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tNAME\tSEVERITY\tTITLE")
	for _, r := range rules {
		title := r.Title
		if r.OffByDefault {
			title += " (off by default)"
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", r.ID, r.Name, r.Severity, title)
	}
	if err := tw.Flush(); err != nil {
		return fmt.Errorf("explain: %w", err)
	}
	fmt.Fprintf(&b, "\n`wso2lint explain ID` prints a rule; every rule is documented at %s\n", DocBaseURL)
	if _, err := io.WriteString(w, b.String()); err != nil {
		return fmt.Errorf("explain: %w", err)
	}
	return nil
}

// ExplainMarkdown writes the docs/rules.md section of r, followed by a link
// to its stable documentation address.
func ExplainMarkdown(w io.Writer, r *Rule) error {
	if r == nil {
		return fmt.Errorf("explain: no rule")
	}
	var b strings.Builder
	writeSection(&b, r)
	fmt.Fprintf(&b, "\nDocumentation: <%s>\n", r.DocURL())
	if _, err := io.WriteString(w, b.String()); err != nil {
		return fmt.Errorf("explain %s: %w", r.ID, err)
	}
	return nil
}

// ruleJSON is a rule in the json format of explain.
type ruleJSON struct {
	ID           string `json:"id"`
	Name         string `json:"name"`
	Severity     string `json:"severity"`
	Scope        string `json:"scope"`
	OffByDefault bool   `json:"offByDefault"`
	Title        string `json:"title"`
	URL          string `json:"url"`
	Doc          string `json:"doc"`
}

func toJSON(r *Rule) ruleJSON {
	return ruleJSON{
		ID: r.ID, Name: r.Name, Severity: r.Severity.String(), Scope: userScope(r.Scope).String(),
		OffByDefault: r.OffByDefault, Title: r.Title, URL: r.DocURL(), Doc: strings.TrimSpace(r.Documentation()),
	}
}

// ExplainJSON writes rules as a JSON array of objects (id, name, severity,
// scope, offByDefault, title, url, doc), indented, in the order given.
func ExplainJSON(w io.Writer, rules []*Rule) error {
	out := make([]ruleJSON, 0, len(rules))
	for _, r := range rules {
		out = append(out, toJSON(r))
	}
	return writeJSON(w, out)
}

// ExplainRuleJSON writes one rule as a JSON object (see ExplainJSON).
func ExplainRuleJSON(w io.Writer, r *Rule) error {
	if r == nil {
		return fmt.Errorf("explain: no rule")
	}
	return writeJSON(w, toJSON(r))
}

// writeJSON writes v indented, without escaping <, > and & (the docs hold XML).
func writeJSON(w io.Writer, v any) error {
	var b strings.Builder
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		return fmt.Errorf("explain: %w", err)
	}
	if _, err := io.WriteString(w, b.String()); err != nil {
		return fmt.Errorf("explain: %w", err)
	}
	return nil
}
