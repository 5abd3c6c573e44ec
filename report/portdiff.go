package report

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/wso2lint/wso2lint/internal/model"
	"github.com/wso2lint/wso2lint/internal/portdiff"
)

// DiffFormats lists the formats WriteDiff knows, in a fixed order.
func DiffFormats() []string { return []string{"text", "json", "markdown"} }

// WriteDiff writes the comparison of the old and new home in format
// ("text", "json" or "markdown"): each listener added, removed or changed
// (moved to another port, bound elsewhere, another exposure class), with
// the file:line:col each side's value came from, then the counts.
func WriteDiff(w io.Writer, format string, old, new *model.Home, r portdiff.Result, opt PortsOptions) error {
	switch format {
	case "text":
		return writeDiffText(w, old, new, r, opt)
	case "json":
		return writeDiffJSON(w, old, new, r, opt)
	case "markdown":
		return writeDiffMarkdown(w, old, new, r, opt)
	}
	return fmt.Errorf("unknown diff format %q (want one of %s)", format, strings.Join(DiffFormats(), ", "))
}

// what says what changed about a Changed listener: "moved", "rebound",
// "exposure", joined by "+".
func what(c portdiff.Change) string {
	if c.Kind != portdiff.Changed {
		return c.Kind.String()
	}
	var parts []string
	if c.Moved {
		parts = append(parts, "moved")
	}
	if c.Rebound {
		parts = append(parts, "rebound")
	}
	if c.Exposure {
		parts = append(parts, "exposure")
	}
	return strings.Join(parts, "+")
}

// sideText is one side of a change: "9443/tcp public" (with the bind
// address when set), or "-".
func sideText(l *model.Listener) string {
	if l == nil {
		return "-"
	}
	s := portString(*l) + "/" + l.Proto.String()
	if l.Bind != "" {
		s = l.Bind + ":" + s
	}
	return s + " " + l.Exposure.String()
}

func diffSummary(r portdiff.Result) string {
	a, rm, ch := r.Counts()
	return fmt.Sprintf("%d added, %d removed, %d changed, %d unchanged", a, rm, ch, r.Unchanged)
}

func writeDiffText(w io.Writer, old, new *model.Home, r portdiff.Result, opt PortsOptions) error {
	fmt.Fprintf(w, "--- %s: %s\n+++ %s: %s\n", old.Dir, productLine(old, opt), new.Dir, productLine(new, opt))
	if len(r.Changes) > 0 {
		tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
		fmt.Fprintln(tw, "CHANGE\tSERVER\tSERVICE\tOLD\tNEW\tSOURCE")
		for _, c := range r.Changes {
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\n", what(c), c.Server, c.ID, sideText(c.Old), sideText(c.New), changeSource(old, new, c))
		}
		if err := tw.Flush(); err != nil {
			return err
		}
	}
	_, err := fmt.Fprintln(w, diffSummary(r))
	return err
}

// changeSource is where the change shows: the new home's line, else the
// old home's (a removed listener).
func changeSource(old, new *model.Home, c portdiff.Change) string {
	if c.New != nil {
		return listenerSource(new.Dir, *c.New)
	}
	return listenerSource(old.Dir, *c.Old)
}

type diffJSON struct {
	Old     diffHomeJSON     `json:"old"`
	New     diffHomeJSON     `json:"new"`
	Changes []diffChangeJSON `json:"changes"`
	Summary diffCountsJSON   `json:"summary"`
}

type diffHomeJSON struct {
	Home    string `json:"home"`
	Product string `json:"product"`
	Version string `json:"version"`
}

type diffChangeJSON struct {
	Change   string            `json:"change"`
	What     []string          `json:"what,omitempty"`
	Server   string            `json:"server"`
	Service  string            `json:"service"`
	Protocol string            `json:"protocol"`
	Old      *diffListenerJSON `json:"old"`
	New      *diffListenerJSON `json:"new"`
}

type diffListenerJSON struct {
	Port     int    `json:"port"`
	PortEnd  int    `json:"port_end,omitempty"`
	Bind     string `json:"bind,omitempty"`
	Exposure string `json:"exposure"`
	Offset   int    `json:"offset"`
	Origin   string `json:"origin"`
	File     string `json:"file,omitempty"`
	Line     int    `json:"line,omitempty"`
	Column   int    `json:"column,omitempty"`
}

type diffCountsJSON struct {
	Added     int `json:"added"`
	Removed   int `json:"removed"`
	Changed   int `json:"changed"`
	Unchanged int `json:"unchanged"`
}

func diffListener(home string, l *model.Listener) *diffListenerJSON {
	if l == nil {
		return nil
	}
	j := &diffListenerJSON{Port: int(l.Port()), PortEnd: int(l.PortEnd()), Bind: l.Bind, Exposure: l.Exposure.String(), Offset: l.Offset, Origin: l.Origin.String()}
	if l.Source.File != "" {
		j.File, j.Line, j.Column = displayFile(home, l.Source.File), l.Source.Line, l.Source.Col
	}
	return j
}

func writeDiffJSON(w io.Writer, old, new *model.Home, r portdiff.Result, opt PortsOptions) error {
	out := diffJSON{
		Old:     diffHomeJSON{Home: old.Dir, Product: string(old.Product.Key), Version: old.Product.Version},
		New:     diffHomeJSON{Home: new.Dir, Product: string(new.Product.Key), Version: new.Product.Version},
		Changes: []diffChangeJSON{},
	}
	for _, c := range r.Changes {
		j := diffChangeJSON{Change: c.Kind.String(), Server: c.Server, Service: c.ID, Protocol: c.Proto.String(),
			Old: diffListener(old.Dir, c.Old), New: diffListener(new.Dir, c.New)}
		if c.Kind == portdiff.Changed {
			j.What = strings.Split(what(c), "+")
		}
		out.Changes = append(out.Changes, j)
	}
	a, rm, ch := r.Counts()
	out.Summary = diffCountsJSON{Added: a, Removed: rm, Changed: ch, Unchanged: r.Unchanged}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}

func writeDiffMarkdown(w io.Writer, old, new *model.Home, r portdiff.Result, opt PortsOptions) error {
	fmt.Fprintf(w, "### Port changes: `%s` → `%s`\n\n", diffCode(old.Dir), diffCode(new.Dir))
	fmt.Fprintf(w, "%s → %s\n\n", diffCell(productLine(old, opt)), diffCell(productLine(new, opt)))
	if len(r.Changes) > 0 {
		fmt.Fprintln(w, "| Change | Server | Service | Old | New | Source |")
		fmt.Fprintln(w, "|---|---|---|---|---|---|")
		for _, c := range r.Changes {
			fmt.Fprintf(w, "| %s | %s | %s | %s | %s | %s |\n", what(c), diffCell(c.Server), diffCell(c.ID),
				diffCell(sideText(c.Old)), diffCell(sideText(c.New)), diffCell(changeSource(old, new, c)))
		}
		fmt.Fprintln(w)
	}
	_, err := fmt.Fprintf(w, "**%s**\n", diffSummary(r))
	return err
}

// diffCell escapes text for a Markdown table cell.
func diffCell(s string) string {
	r := strings.NewReplacer("\\", "\\\\", "|", "\\|", "`", "\\`", "*", "\\*", "_", "\\_", "<", "&lt;", ">", "&gt;", "\n", " ")
	return r.Replace(s)
}

// diffCode makes s safe inside a single-backtick code span.
func diffCode(s string) string { return strings.ReplaceAll(s, "`", "'") }
