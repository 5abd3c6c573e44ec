package picture

import (
	"fmt"
	"io"
	"path"
	"sort"
	"strings"

	"github.com/wso2lint/wso2lint/internal/model"
)

// Input is what the picture draws.
type Input struct {
	// Homes are the homes of the run, host by host.
	Homes []*model.Home
	// Hosts group Homes (indexes into Homes); a home no host lists is drawn
	// as a host of its own. Nil: every home is a host of its own.
	Hosts []model.RunHost
	// Links are the connections to draw (model.Links of Homes and Hosts).
	// A link to or from a listener that is not drawn is left out.
	Links []model.Link
	// All also draws the listeners that are configured but disabled.
	All bool
	// ProductName gives the display name of a product key; the key itself
	// is shown when it is nil.
	ProductName func(key model.ProductKey) string
}

// Formats lists the formats Write knows, in a fixed order.
func Formats() []string { return []string{"dot", "html"} }

// Write draws in as format "dot" (Graphviz) or "html" (one self-contained page).
func Write(w io.Writer, format string, in Input) error {
	g := build(in)
	switch format {
	case "dot":
		return writeDOT(w, g)
	case "html":
		return writeHTML(w, g)
	}
	return fmt.Errorf("unknown picture format %q (want one of %s)", format, strings.Join(Formats(), ", "))
}

// class is one group of listeners of a server: an exposure class of inbound
// listeners, or the outbound connections, or the ports devices use.
type class struct {
	// Key is the class name shown and used in CSS ("public", "outbound", ...).
	Key string
	// Label says in words who reaches the ports, so that colour is never
	// the only cue.
	Label string
	// Colour is the class colour (fill of the swatch and row marker).
	Colour string
}

// classes in drawing order.
var classes = [...]class{
	{"public", "public: reachable from anywhere", "#b03a2e"},
	{"management", "management: admin networks only", "#b9770e"},
	{"cluster", "cluster: the other members only", "#1f618d"},
	{"local", "local: this host only", "#1e8449"},
	{"unknown", "unknown class: handled as management", "#616a6b"},
	{"outbound", "outbound: connections this server opens", "#6c3483"},
	{"device", "device: client devices to a third party", "#5d6d7e"},
}

// classOf returns the index in classes of l's group.
func classOf(l model.Listener) int {
	switch l.Dir {
	case model.DirOut:
		return 5
	case model.DirDevice:
		return 6
	}
	switch l.Exposure {
	case model.ExposurePublic:
		return 0
	case model.ExposureManagement:
		return 1
	case model.ExposureCluster:
		return 2
	case model.ExposureLocal:
		return 3
	case model.ExposureOutbound:
		return 5
	}
	return 4
}

// graph is the picture before layout.
type graph struct {
	Title string
	Hosts []hostNode
	// Edges in the order of Input.Links, those with both ends drawn.
	Edges []edge
	// Classes are the classes drawn somewhere, in drawing order (the legend).
	Classes []class
}

type hostNode struct {
	Label   string
	Servers []serverNode
}

type serverNode struct {
	// ID is "sH-S" (home and server index): DOT cluster names, SVG ids.
	ID string
	// Title is the home path and the profile; Sub the product, version and offset.
	Title, Sub string
	Groups     []group
	// Home is the index of the home; columns are per home.
	Home int
}

type group struct {
	Class class
	Rows  []row
}

type row struct {
	// ID is "lH-S-L", the listener's home, server and listener index: the
	// data-listener attribute and DOT node name.
	ID string
	// Port is "9443/tcp" or "4000-4100/tcp"; Text the rest of the row.
	Port, Text string
	// Host is the destination of an outbound connection as written.
	Host string
	// Title is the full description (tooltip, DOT tooltip).
	Title    string
	Disabled bool
}

// shown is the row as drawn: "9443/tcp servlet-https", "→ km:9443/tcp keymanager-url".
func (r row) shown() string {
	if r.Host != "" {
		return "→ " + r.Host + ":" + r.Port + " " + r.Text
	}
	return r.Port + " " + r.Text
}

type edge struct {
	From, To string // row IDs
	Match    string
	// Title describes the connection in words.
	Title string
}

func rowID(r model.ListenerRef) string {
	return fmt.Sprintf("l%d-%d-%d", r.Home, r.Server, r.Listener)
}

func portText(l model.Listener) string {
	s := fmt.Sprint(l.Port())
	if l.BaseEnd != 0 {
		s += "-" + fmt.Sprint(l.PortEnd())
	}
	return s + "/" + l.Proto.String()
}

func build(in Input) graph {
	g := graph{Title: "wso2lint ports"}
	used := make([]bool, len(classes))
	drawn := map[string]bool{}
	onHost := make([]bool, len(in.Homes))
	var hosts []model.RunHost
	for _, h := range in.Hosts {
		var idx []int
		for _, i := range h.Homes {
			if i >= 0 && i < len(in.Homes) && !onHost[i] {
				onHost[i] = true
				idx = append(idx, i)
			}
		}
		if len(idx) > 0 {
			hosts = append(hosts, model.RunHost{Name: h.Name, Homes: idx})
		}
	}
	for i := range in.Homes {
		if !onHost[i] {
			hosts = append(hosts, model.RunHost{Homes: []int{i}})
		}
	}
	for hi, h := range hosts {
		hn := hostNode{Label: h.Name}
		if hn.Label == "" {
			hn.Label = "the homes given (no hosts: declared)"
			if len(hosts) > 1 {
				hn.Label = fmt.Sprintf("host %d (no name declared)", hi+1)
			}
		}
		for _, i := range h.Homes {
			home := in.Homes[i]
			for si := range home.Servers {
				s := &home.Servers[si]
				sn := serverNode{ID: fmt.Sprintf("s%d-%d", i, si), Home: i, Title: home.Dir, Sub: productText(home, in.ProductName)}
				if len(home.Servers) > 1 || s.Profile != "default" && s.Profile != "" {
					sn.Title += " [" + s.Profile + "]"
				}
				sn.Sub += fmt.Sprintf(", offset %d", s.Offset.Value)
				byClass := make([][]row, len(classes))
				order := make([]int, 0, len(s.Listeners))
				for li, l := range s.Listeners {
					if l.Enabled || in.All {
						order = append(order, li)
					}
				}
				sort.SliceStable(order, func(a, b int) bool {
					x, y := s.Listeners[order[a]], s.Listeners[order[b]]
					if x.Port() != y.Port() {
						return x.Port() < y.Port()
					}
					if x.Proto != y.Proto {
						return x.Proto < y.Proto
					}
					return x.ID < y.ID
				})
				for _, li := range order {
					l := s.Listeners[li]
					r := row{ID: rowID(model.ListenerRef{Home: i, Server: si, Listener: li}), Port: portText(l), Disabled: !l.Enabled}
					r.Text = l.ID
					if l.Dir == model.DirOut && l.Host != "" {
						r.Host = l.Host
					}
					if l.Bind != "" {
						r.Text += " @" + l.Bind
					}
					if !l.Enabled {
						r.Text += " (disabled)"
					}
					r.Title = r.shown() + " — " + sourceText(home.Dir, l.Source)
					if l.Note != "" {
						r.Title += " — " + l.Note
					}
					c := classOf(l)
					used[c] = true
					drawn[r.ID] = true
					byClass[c] = append(byClass[c], r)
				}
				for c, rows := range byClass {
					if len(rows) > 0 {
						sn.Groups = append(sn.Groups, group{Class: classes[c], Rows: rows})
					}
				}
				hn.Servers = append(hn.Servers, sn)
			}
		}
		g.Hosts = append(g.Hosts, hn)
	}
	for c, u := range used {
		if u {
			g.Classes = append(g.Classes, classes[c])
		}
	}
	for _, k := range in.Links {
		from, to := rowID(k.From), rowID(k.To)
		if !drawn[from] || !drawn[to] {
			continue
		}
		g.Edges = append(g.Edges, edge{From: from, To: to, Match: k.Match,
			Title: describe(in.Homes, k.From) + " connects to " + describe(in.Homes, k.To) + " (" + matchText(k.Match) + ")"})
	}
	return g
}

func matchText(m string) string {
	switch m {
	case model.LinkLoopback:
		return "peer on the same host"
	case model.LinkHost:
		return "peer host named in hosts:"
	case model.LinkMulticast:
		return "Hazelcast multicast members"
	}
	return m
}

func describe(homes []*model.Home, r model.ListenerRef) string {
	h := homes[r.Home]
	s := h.Servers[r.Server]
	l := s.Listeners[r.Listener]
	name := h.Dir
	if len(h.Servers) > 1 {
		name += " [" + s.Profile + "]"
	}
	return name + " " + l.ID + " " + portText(l)
}

func productText(h *model.Home, name func(model.ProductKey) string) string {
	s := string(h.Product.Key)
	if name != nil {
		s = name(h.Product.Key)
	}
	if h.Product.Version != "" {
		s += " " + h.Product.Version
	}
	return s
}

func sourceText(home string, p model.Pos) string {
	if p.File == "" {
		return "default"
	}
	q := p
	q.File = path.Join(strings.TrimSuffix(strings.ReplaceAll(home, "\\", "/"), "/"), p.File)
	return q.String()
}
