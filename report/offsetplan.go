package report

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/wso2lint/wso2lint/internal/model"
	"github.com/wso2lint/wso2lint/internal/offsetplan"
)

// PlanFormats lists the formats WritePlan knows, in a fixed order.
func PlanFormats() []string { return []string{"text", "json"} }

// WritePlan writes the proposed offsets in format ("text" or "json"): per
// server its current and proposed offset, the edit that sets it (the file,
// line and column where the offset is set now, or the file to add it to)
// and the -DportOffset flag, then every conflict no offset clears.
func WritePlan(w io.Writer, format string, ps []offsetplan.Proposal, opt PortsOptions) error {
	switch format {
	case "text":
		return writePlanText(w, ps, opt)
	case "json":
		return writePlanJSON(w, ps)
	}
	return fmt.Errorf("unknown plan format %q (want one of %s)", format, strings.Join(PlanFormats(), ", "))
}

// planServer names a proposal's server: the home, and the profile when the
// home runs several servers.
func planServer(p offsetplan.Proposal) string {
	if len(p.Home.Servers) > 1 {
		return p.Home.Dir + " (" + p.Server.Profile + ")"
	}
	return p.Home.Dir
}

// planEdit is the change column: what to write where.
func planEdit(p offsetplan.Proposal) string {
	switch {
	case p.Proposed < 0:
		return fmt.Sprintf("no offset up to %d clears it: change the colliding ports", model.MaxOffset)
	case !p.Changed():
		return "keep"
	}
	c := offsetplan.ChangeFor(p)
	where := displayFile(p.Home.Dir, c.In)
	if c.Pos.File != "" {
		where = sourceString(p.Home.Dir, c.Pos)
	}
	if c.Flag == "" {
		return fmt.Sprintf("%s in %s", c.Setting, where)
	}
	return fmt.Sprintf("%s in %s (or start with %s)", c.Setting, where, c.Flag)
}

func proposedText(p offsetplan.Proposal) string {
	if p.Proposed < 0 {
		return "none"
	}
	return fmt.Sprint(p.Proposed)
}

func writePlanText(w io.Writer, ps []offsetplan.Proposal, opt PortsOptions) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "SERVER\tPRODUCT\tOFFSET\tPROPOSED\tCHANGE")
	changed, conflicts := 0, 0
	for _, p := range ps {
		if p.Changed() {
			changed++
		}
		conflicts += len(p.Fixed)
		fmt.Fprintf(tw, "%s\t%s\t%d\t%s\t%s\n", planServer(p), productLine(p.Home, opt), p.Current, proposedText(p), planEdit(p))
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	for _, p := range ps {
		for _, c := range p.Fixed {
			fmt.Fprintf(w, "conflict: %s %s/%s of %s (%s) is not moved by the offset and meets %s of %s (%s): change one of the ports\n",
				c.Listener.ID, portString(c.Listener), c.Listener.Proto, planServer(p), listenerSource(p.Home.Dir, c.Listener),
				c.Other.Listener.ID, claimOwner(c.Other), claimSource(c.Other))
		}
	}
	_, err := fmt.Fprintf(w, "%d of %d servers change offset, %d %s no offset clears\n", changed, len(ps), conflicts, planPlural(conflicts, "conflict", "conflicts"))
	return err
}

// claimOwner names the server of a placed claim: its home (and profile), or
// "the host" for a host service.
func claimOwner(c model.Claim) string {
	if c.Home == nil || c.Home.Dir == "" {
		return "the host"
	}
	if len(c.Home.Servers) > 1 {
		return c.Home.Dir + " (" + c.Server.Profile + ")"
	}
	return c.Home.Dir
}

func claimSource(c model.Claim) string {
	if c.Home == nil || c.Home.Dir == "" {
		if c.Listener.Note != "" {
			return c.Listener.Note
		}
		return "host service"
	}
	return listenerSource(c.Home.Dir, *c.Listener)
}

type planJSON struct {
	Servers []planServerJSON `json:"servers"`
}

type planServerJSON struct {
	Home     string             `json:"home"`
	Profile  string             `json:"profile"`
	Product  string             `json:"product"`
	Version  string             `json:"version"`
	Offset   int                `json:"offset"`
	Proposed *int               `json:"proposed"`
	Changed  bool               `json:"changed"`
	Change   *planChangeJSON    `json:"change,omitempty"`
	Conflict []planConflictJSON `json:"conflicts"`
}

type planChangeJSON struct {
	File    string `json:"file"`
	Line    int    `json:"line,omitempty"`
	Column  int    `json:"column,omitempty"`
	Setting string `json:"setting"`
	Flag    string `json:"flag,omitempty"`
}

type planConflictJSON struct {
	Service  string `json:"service"`
	Port     int    `json:"port"`
	Protocol string `json:"protocol"`
	Source   string `json:"source"`
	With     string `json:"with"`
	WithHome string `json:"with_home"`
}

func writePlanJSON(w io.Writer, ps []offsetplan.Proposal) error {
	out := planJSON{Servers: []planServerJSON{}}
	for _, p := range ps {
		j := planServerJSON{Home: p.Home.Dir, Profile: p.Server.Profile, Product: string(p.Home.Product.Key),
			Version: p.Home.Product.Version, Offset: p.Current, Changed: p.Changed(), Conflict: []planConflictJSON{}}
		if p.Proposed >= 0 {
			n := p.Proposed
			j.Proposed = &n
		}
		if p.Changed() {
			c := offsetplan.ChangeFor(p)
			j.Change = &planChangeJSON{File: displayFile(p.Home.Dir, c.In), Line: c.Pos.Line, Column: c.Pos.Col, Setting: c.Setting, Flag: c.Flag}
		}
		for _, c := range p.Fixed {
			j.Conflict = append(j.Conflict, planConflictJSON{Service: c.Listener.ID, Port: int(c.Listener.Port()), Protocol: c.Listener.Proto.String(),
				Source: listenerSource(p.Home.Dir, c.Listener), With: c.Other.Listener.ID, WithHome: claimOwner(c.Other)})
		}
		out.Servers = append(out.Servers, j)
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}

// planPlural picks the singular or plural word for n.
func planPlural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
