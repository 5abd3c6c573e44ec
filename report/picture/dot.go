package picture

import (
	"bufio"
	"io"
	"strconv"
	"strings"
)

// dotQuote returns s as a DOT quoted string: backslashes and quotes escaped,
// line breaks as \n, other control characters dropped.
func dotQuote(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '"' || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r == '\n':
			b.WriteString(`\n`)
		case r < 0x20 || r == 0x7f:
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}

// dotID turns a row or server ID ("l0-1-2") into a DOT identifier.
func dotID(id string) string { return strings.ReplaceAll(id, "-", "_") }

// writeDOT writes g as a Graphviz digraph: a cluster per host, a cluster per
// server inside it, a cluster per class inside that holding one node per
// listener, and an edge per connection.
func writeDOT(w io.Writer, g graph) error {
	bw := bufio.NewWriter(w)
	p := func(indent int, s ...string) {
		bw.WriteString(strings.Repeat("  ", indent))
		for _, x := range s {
			bw.WriteString(x)
		}
		bw.WriteByte('\n')
	}
	p(0, "digraph ports {")
	p(1, "graph [label=", dotQuote(g.Title), ", labelloc=t, fontname=\"Helvetica\", rankdir=LR, compound=true];")
	p(1, "node [shape=box, style=\"rounded,filled\", fillcolor=\"#ffffff\", fontname=\"Helvetica\", fontsize=11];")
	p(1, "edge [fontname=\"Helvetica\", fontsize=9];")
	for hi, h := range g.Hosts {
		p(1, "subgraph cluster_h", strconv.Itoa(hi), " {")
		p(2, "label=", dotQuote("host: "+h.Label), "; style=\"rounded\"; color=\"#444444\";")
		for _, s := range h.Servers {
			p(2, "subgraph cluster_", dotID(s.ID), " {")
			p(3, "label=", dotQuote(s.Title+"\n"+s.Sub), "; style=\"rounded,filled\"; fillcolor=\"#f4f6f7\"; color=\"#7b7d7d\";")
			for _, gr := range s.Groups {
				p(3, "subgraph cluster_", dotID(s.ID), "_", gr.Class.Key, " {")
				p(4, "label=", dotQuote(gr.Class.Label), "; style=\"rounded\"; color=", dotQuote(gr.Class.Colour), "; fontcolor=", dotQuote(gr.Class.Colour), ";")
				for _, r := range gr.Rows {
					attrs := "label=" + dotQuote(r.shown()) + ", tooltip=" + dotQuote(r.Title) + ", color=" + dotQuote(gr.Class.Colour)
					if r.Disabled {
						attrs += ", style=\"rounded,dashed\""
					}
					p(4, dotID(r.ID), " [", attrs, "];")
				}
				p(3, "}")
			}
			p(2, "}")
		}
		p(1, "}")
	}
	for _, e := range g.Edges {
		attrs := "label=" + dotQuote(e.Match) + ", tooltip=" + dotQuote(e.Title)
		if e.Match == "multicast" {
			attrs += ", style=dashed"
		}
		p(1, dotID(e.From), " -> ", dotID(e.To), " [", attrs, "];")
	}
	p(0, "}")
	return bw.Flush()
}
