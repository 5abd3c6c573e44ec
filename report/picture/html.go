package picture

import (
	"html/template"
	"io"
	"strings"
	"sync"
)

// page is what the HTML template receives.
type page struct {
	Title   string
	CSS     template.CSS
	Classes []class
	Layout  layout
	Edges   []edge
	// Listeners counts the listeners drawn.
	Listeners int
}

// classCSS is the style sheet: fixed rules and one colour rule per class,
// built from the constant class table only (never from input).
func classCSS() template.CSS {
	var b strings.Builder
	b.WriteString(`body{margin:8px;font:14px/1.4 "DejaVu Sans",Helvetica,Arial,sans-serif;color:#1b2631;background:#fff}
h1{font-size:18px;margin:0 0 4px}
.legend{list-style:none;margin:0 0 6px;padding:0;display:flex;flex-wrap:wrap;gap:4px 16px;font-size:13px}
.legend li{display:flex;align-items:center;gap:6px}
.sw{display:inline-block;width:12px;height:12px;border:1px solid #1b2631}
svg{display:block;font-family:"DejaVu Sans Mono",Menlo,Consolas,monospace;font-size:12px}
.host{fill:none;stroke:#566573;stroke-width:1.5;stroke-dasharray:6 3}
.hostlabel{font:bold 13px "DejaVu Sans",Helvetica,Arial,sans-serif;fill:#1b2631}
.server{fill:#f4f6f7;stroke:#7b7d7d}
.stitle{font:bold 13px "DejaVu Sans",Helvetica,Arial,sans-serif;fill:#1b2631}
.ssub{font:11px "DejaVu Sans",Helvetica,Arial,sans-serif;fill:#424949}
.ghead{font:bold 11px "DejaVu Sans",Helvetica,Arial,sans-serif;text-transform:uppercase;letter-spacing:.5px}
.row text{fill:#1b2631}
.row.off text{fill:#7b7d7d;font-style:italic}
.edge{fill:none;stroke:#1b2631;stroke-width:1.6}
.edge.m-multicast{stroke-dasharray:5 3}
.arrow{fill:#1b2631}
table{border-collapse:collapse;font-size:13px;margin-top:8px}
th,td{border:1px solid #d5d8dc;padding:2px 8px;text-align:left}
`)
	for _, c := range classes {
		b.WriteString(".c-" + c.Key + " .mark,.sw.c-" + c.Key + "{fill:" + c.Colour + ";background:" + c.Colour + "}\n")
		b.WriteString(".ghead.c-" + c.Key + "{fill:" + c.Colour + "}\n")
	}
	return template.CSS(b.String())
}

// htmlTemplate is parsed on first use, not at start-up (issue 15 item 4):
// parsing it allocates some 700 objects that only --format html needs.
var htmlTemplate = sync.OnceValue(func() *template.Template {
	return template.Must(template.New("picture").Parse(htmlPage))
})

// htmlPage is the text of htmlTemplate.
const htmlPage = `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{.Title}}</title>
<style>
{{.CSS}}</style>
</head>
<body>
<h1>{{.Title}}</h1>
<ul class="legend" aria-label="exposure classes">
{{- range .Classes}}
<li><span class="sw c-{{.Key}}"></span>{{.Label}}</li>
{{- end}}
<li><svg width="28" height="10" aria-hidden="true"><path class="edge" d="M2 5 H20"/><path class="arrow" d="M20 1 L27 5 L20 9 Z"/></svg>connection to a home of this run</li>
</ul>
<svg role="img" aria-label="listeners by host, server and exposure class" width="{{.Layout.Width}}" height="{{.Layout.Height}}" viewBox="0 0 {{.Layout.Width}} {{.Layout.Height}}">
<defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="8" markerHeight="8" orient="auto-start-reverse"><path class="arrow" d="M0 0 L10 5 L0 10 Z"/></marker></defs>
{{- range .Layout.Hosts}}
<g class="hostbox"><rect class="host" x="{{.X}}" y="{{.Y}}" width="{{.W}}" height="{{.H}}" rx="8"/><text class="hostlabel" x="{{.X}}" dx="10" y="{{.Y}}" dy="16">{{.Label}}</text></g>
{{- end}}
{{- range .Layout.Servers}}
<g class="srv" id="{{.ID}}"><title>{{.FullTitle}}</title>
<rect class="server" x="{{.X}}" y="{{.Y}}" width="{{.W}}" height="{{.H}}" rx="6"/>
<text class="stitle" x="{{.X}}" dx="8" y="{{.Y}}" dy="17">{{.Title}}</text>
<text class="ssub" x="{{.X}}" dx="8" y="{{.Y}}" dy="32">{{.Sub}}</text>
{{- range .Groups}}
<text class="ghead c-{{.Key}}" x="{{.X}}" y="{{.Y}}">{{.Label}}</text>
{{- range .Rows}}
<g class="row c-{{.Key}}{{if .Disabled}} off{{end}}" data-listener="{{.ID}}" data-port="{{.Port}}"{{if .Host}} data-host="{{.Host}}"{{end}} data-class="{{.Key}}"><title>{{.Title}}</title><rect class="mark" x="{{.MarkX}}" y="{{.MarkY}}" width="9" height="9"/><text x="{{.X}}" y="{{.Y}}">{{.Line}}</text></g>
{{- end}}
{{- end}}
</g>
{{- end}}
{{- range .Layout.Edges}}
<path class="edge m-{{.Match}}" data-from="{{.From}}" data-to="{{.To}}" d="{{.D}}" marker-end="url(#arrow)"><title>{{.Title}}</title></path>
{{- end}}
</svg>
{{- if .Edges}}
<table aria-label="connections">
<thead><tr><th>connection</th><th>how the peer was recognised</th></tr></thead>
<tbody>
{{- range .Edges}}
<tr data-from="{{.From}}" data-to="{{.To}}"><td>{{.Title}}</td><td>{{.Match}}</td></tr>
{{- end}}
</tbody>
</table>
{{- end}}
<p>{{.Listeners}} listeners drawn; hover a row for its file and line.</p>
</body>
</html>
`

// writeHTML writes g as one self-contained HTML page: inline CSS and SVG, no
// script and no reference to any other file or address.
func writeHTML(w io.Writer, g graph) error {
	p := page{Title: g.Title, CSS: classCSS(), Classes: g.Classes, Layout: lay(g), Edges: g.Edges}
	for _, h := range g.Hosts {
		for _, s := range h.Servers {
			for _, gr := range s.Groups {
				p.Listeners += len(gr.Rows)
			}
		}
	}
	return htmlTemplate().Execute(w, p)
}
