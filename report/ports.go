package report

import (
	"encoding/json"
	"fmt"
	"io"
	"path"
	"sort"
	"strings"
	"text/tabwriter"

	"github.com/wso2lint/wso2lint/internal/model"
)

// PortsOptions control the listing of the ports command.
type PortsOptions struct {
	// All also lists the listeners that are configured but disabled.
	All bool
	// ProductName gives the display name of a product key ("WSO2 API
	// Manager"); the key itself is shown when it is nil.
	ProductName func(key model.ProductKey) string
}

func (o PortsOptions) productName(key model.ProductKey) string {
	if o.ProductName == nil {
		return string(key)
	}
	return o.ProductName(key)
}

// PortsFormats lists the formats WritePorts knows, in a fixed order.
func PortsFormats() []string { return []string{"text", "json"} }

// WritePorts writes the listeners of the homes in format ("text" or "json"):
// per home its product and offset, then every listener sorted by port, with
// the file:line its value came from. The JSON form is a contract pipelines
// parse (see README).
func WritePorts(w io.Writer, format string, homes []*model.Home, opt PortsOptions) error {
	switch format {
	case "text":
		return writePortsText(w, homes, opt)
	case "json":
		return writePortsJSON(w, homes, opt)
	}
	return fmt.Errorf("unknown ports format %q (want one of %s)", format, strings.Join(PortsFormats(), ", "))
}

// portRow is one listener of a home with its server.
type portRow struct {
	server *model.Server
	l      model.Listener
}

func homeRows(h *model.Home, all bool) []portRow {
	var rows []portRow
	for i := range h.Servers {
		s := &h.Servers[i]
		for _, l := range s.Listeners {
			if l.Enabled || all {
				rows = append(rows, portRow{s, l})
			}
		}
	}
	sort.SliceStable(rows, func(i, j int) bool {
		a, b := rows[i].l, rows[j].l
		if a.Port() != b.Port() {
			return a.Port() < b.Port()
		}
		if a.Proto != b.Proto {
			return a.Proto < b.Proto
		}
		if a.Dir != b.Dir {
			return a.Dir < b.Dir
		}
		if rows[i].server.Profile != rows[j].server.Profile {
			return rows[i].server.Profile < rows[j].server.Profile
		}
		return model.LessListener(a, b)
	})
	return rows
}

// displayFile joins the home path as given with a home-relative file.
func displayFile(home, rel string) string {
	if rel == "" {
		return home
	}
	return path.Join(strings.TrimSuffix(toSlash(home), "/"), rel)
}

func toSlash(p string) string { return strings.ReplaceAll(p, "\\", "/") }

// listenerSource is the SOURCE column of l: its position, marked
// "(default)" when the distribution's stock file opens it (an overlay lacks
// the file); the position is then the line that governs it, if any.
func listenerSource(home string, l model.Listener) string {
	src := sourceString(home, l.Source)
	if l.Origin == model.FromDistribution && l.Source.File != "" {
		src += " (default)"
	}
	return src
}

func sourceString(home string, p model.Pos) string {
	if p.File == "" {
		return "(default)"
	}
	q := p
	q.File = displayFile(home, p.File)
	return q.String()
}

func portString(l model.Listener) string {
	s := fmt.Sprint(l.Port())
	if l.BaseEnd != 0 {
		s += "-" + fmt.Sprint(l.PortEnd())
	}
	return s
}

func writePortsText(w io.Writer, homes []*model.Home, opt PortsOptions) error {
	all := opt.All
	for i, h := range homes {
		if i > 0 {
			fmt.Fprintln(w)
		}
		fmt.Fprintf(w, "%s: %s\n", h.Dir, productLine(h, opt))
		multi := len(h.Servers) > 1
		if multi {
			for _, s := range h.Servers {
				fmt.Fprintf(w, "  profile %s: offset %d (%s)\n", s.Profile, s.Offset.Value, offsetOrigin(h.Dir, s.Offset))
			}
		} else if len(h.Servers) == 1 {
			s := h.Servers[0]
			fmt.Fprintf(w, "  offset %d (%s)\n", s.Offset.Value, offsetOrigin(h.Dir, s.Offset))
		}
		tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
		head := "PORT\tPROTO\tDIR\tSERVICE\tEXPOSURE\tOFFSET\t"
		if multi {
			head += "PROFILE\t"
		}
		if all {
			head += "STATE\t"
		}
		fmt.Fprintln(tw, head+"SOURCE")
		for _, r := range homeRows(h, all) {
			off := "-"
			if r.l.Offsetable {
				off = fmt.Sprintf("+%d", r.l.Offset)
			}
			line := fmt.Sprintf("%s\t%s\t%s\t%s\t%s\t%s\t", portString(r.l), r.l.Proto, r.l.Dir, serviceLabel(r.l), r.l.Exposure, off)
			if multi {
				line += r.server.Profile + "\t"
			}
			if all {
				state := "enabled"
				if !r.l.Enabled {
					state = "disabled"
				}
				line += state + "\t"
			}
			fmt.Fprintln(tw, line+listenerSource(h.Dir, r.l))
		}
		if err := tw.Flush(); err != nil {
			return err
		}
	}
	return nil
}

func serviceLabel(l model.Listener) string {
	if l.Dir == model.DirOut && l.Host != "" {
		return l.ID + " -> " + l.Host
	}
	return l.ID
}

func productLine(h *model.Home, opt PortsOptions) string {
	s := opt.productName(h.Product.Key)
	if h.Product.Version != "" {
		s += " " + h.Product.Version
	}
	s += " (" + string(h.Product.Key) + ")"
	if g := productGuess(h); g != "" {
		s += ", guessed: " + g
	}
	return s
}

// productGuess returns why a deployment.toml home's product was guessed from
// the toml's keys, or "" when the product is stated or certain.
func productGuess(h *model.Home) string {
	if h.ProductGuess != nil {
		return h.ProductGuess.Reason
	}
	return ""
}

func offsetOrigin(home string, o model.Offset) string {
	if o.Pos.File != "" {
		return o.Origin + " " + sourceString(home, o.Pos)
	}
	return o.Origin
}

// JSON output of `ports`: a contract that pipelines parse (see README).
type portsJSON struct {
	Homes []homeJSON `json:"homes"`
}

type homeJSON struct {
	Path    string `json:"path"`
	Product string `json:"product"`
	Version string `json:"version"`
	// ProductGuess says why the product was guessed from deployment.toml's
	// keys; absent when it is stated or certain.
	ProductGuess string       `json:"product_guess,omitempty"`
	Servers      []serverJSON `json:"servers"`
}

type serverJSON struct {
	Profile      string         `json:"profile"`
	Offset       int            `json:"offset"`
	OffsetOrigin string         `json:"offset_origin"`
	OffsetSource *sourceJSON    `json:"offset_source,omitempty"`
	Listeners    []listenerJSON `json:"listeners"`
}

type listenerJSON struct {
	Service       string     `json:"service"`
	Port          int        `json:"port"`
	PortEnd       int        `json:"port_end,omitempty"`
	Protocol      string     `json:"protocol"`
	Direction     string     `json:"direction"`
	Enabled       bool       `json:"enabled"`
	OffsetApplied bool       `json:"offset_applied"`
	Offset        int        `json:"offset"`
	Configured    string     `json:"configured"`
	Bind          string     `json:"bind,omitempty"`
	Host          string     `json:"host,omitempty"`
	Exposure      string     `json:"exposure"`
	Origin        string     `json:"origin"`
	Source        sourceJSON `json:"source"`
}

type sourceJSON struct {
	File   string `json:"file"`
	Line   int    `json:"line"`
	Column int    `json:"column"`
}

func writePortsJSON(w io.Writer, homes []*model.Home, opt PortsOptions) error {
	all := opt.All
	out := portsJSON{Homes: []homeJSON{}}
	for _, h := range homes {
		hj := homeJSON{Path: h.Dir, Product: string(h.Product.Key), Version: h.Product.Version, ProductGuess: productGuess(h), Servers: []serverJSON{}}
		for _, s := range h.Servers {
			sj := serverJSON{Profile: s.Profile, Offset: s.Offset.Value, OffsetOrigin: s.Offset.Origin, Listeners: []listenerJSON{}}
			if s.Offset.Pos.File != "" {
				sj.OffsetSource = &sourceJSON{File: s.Offset.Pos.File, Line: s.Offset.Pos.Line, Column: s.Offset.Pos.Col}
			}
			for _, l := range s.Listeners {
				if !l.Enabled && !all {
					continue
				}
				sj.Listeners = append(sj.Listeners, listenerJSON{
					Service: l.ID, Port: int(l.Port()), PortEnd: int(l.PortEnd()), Protocol: l.Proto.String(),
					Direction: l.Dir.String(), Enabled: l.Enabled, OffsetApplied: l.Offsetable, Offset: l.Offset,
					Configured: l.Configured, Bind: l.Bind, Host: l.Host, Exposure: l.Exposure.String(),
					Origin: l.Origin.String(), Source: sourceJSON{File: l.Source.File, Line: l.Source.Line, Column: l.Source.Col},
				})
			}
			hj.Servers = append(hj.Servers, sj)
		}
		out.Homes = append(out.Homes, hj)
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(out)
}
