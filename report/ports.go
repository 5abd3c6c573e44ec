package report

import (
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

// writePortsJSON writes the JSON output of `ports`, a contract that pipelines
// parse (see README):
//
//	{"homes": [{"path", "product", "version", "product_guess" (when guessed),
//	  "servers": [{"profile", "offset", "offset_origin", "offset_source"
//	  (when configured), "listeners": [{"service", "port", "port_end" (a
//	  range), "protocol", "direction", "enabled", "offset_applied", "offset",
//	  "configured", "bind", "host" (when set), "exposure", "origin",
//	  "source": {"file", "line", "column"}}]}]}]}
//
// indented by two spaces and written as it is made (see jsonWriter).
func writePortsJSON(w io.Writer, homes []*model.Home, opt PortsOptions) error {
	j := newJSONWriter(w)
	j.open('{')
	j.key("homes")
	j.open('[')
	for _, h := range homes {
		j.elem()
		j.open('{')
		j.str("path", h.Dir)
		j.str("product", string(h.Product.Key))
		j.str("version", h.Product.Version)
		j.strOmit("product_guess", productGuess(h))
		j.key("servers")
		j.open('[')
		for si := range h.Servers {
			writeServerJSON(j, &h.Servers[si], opt.All)
		}
		j.close(']')
		j.close('}')
		j.flushIfFull()
	}
	j.close(']')
	j.close('}')
	return j.end()
}

func writeServerJSON(j *jsonWriter, s *model.Server, all bool) {
	j.elem()
	j.open('{')
	j.str("profile", s.Profile)
	j.int("offset", s.Offset.Value)
	j.str("offset_origin", s.Offset.Origin)
	if s.Offset.Pos.File != "" {
		j.key("offset_source")
		writeSourceJSON(j, s.Offset.Pos)
	}
	j.key("listeners")
	j.open('[')
	for li := range s.Listeners {
		l := &s.Listeners[li]
		if !l.Enabled && !all {
			continue
		}
		j.elem()
		j.open('{')
		j.str("service", l.ID)
		j.int("port", int(l.Port()))
		j.intOmit("port_end", int(l.PortEnd()))
		j.str("protocol", l.Proto.String())
		j.str("direction", l.Dir.String())
		j.bool("enabled", l.Enabled)
		j.bool("offset_applied", l.Offsetable)
		j.int("offset", l.Offset)
		j.str("configured", l.Configured)
		j.strOmit("bind", l.Bind)
		j.strOmit("host", l.Host)
		j.str("exposure", l.Exposure.String())
		j.str("origin", l.Origin.String())
		j.key("source")
		writeSourceJSON(j, l.Source)
		j.close('}')
		j.flushIfFull()
	}
	j.close(']')
	j.close('}')
}

func writeSourceJSON(j *jsonWriter, p model.Pos) {
	j.open('{')
	j.str("file", p.File)
	j.int("line", p.Line)
	j.int("column", p.Col)
	j.close('}')
}
