package catalog

import (
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"
	"text/tabwriter"
)

// Formats lists the formats Write accepts.
func Formats() []string { return []string{"json", "markdown", "text"} }

// Write writes the entries in the given format: "text" (an aligned table),
// "json" ({"entries": [...]} with snake_case fields) or "markdown" (a title, a
// paragraph on the columns and a table per product). Entries are written in
// the order given. An unknown format is an error.
func Write(w io.Writer, entries []Entry, format string) error {
	return WriteListing(w, Listing{Entries: entries}, format)
}

// WriteListing writes the entries and the deployment.toml-era rows in the
// given format, as Write does; the toml rows follow the entries: a second
// table in text, "toml_entries" in json, a section per product in markdown.
// A listing without toml rows is written exactly as Write writes its entries.
func WriteListing(w io.Writer, l Listing, format string) error {
	var err error
	switch format {
	case "text":
		err = writeText(w, l)
	case "json":
		err = writeJSON(w, l)
	case "markdown":
		err = writeMarkdown(w, l)
	default:
		return fmt.Errorf("unknown catalog format %q (want %s)", format, strings.Join(Formats(), ", "))
	}
	if err != nil {
		return fmt.Errorf("write catalog as %s: %w", format, err)
	}
	return nil
}

// portText formats the port or range: "9443", "5228-5230".
func portText(e Entry) string {
	s := strconv.Itoa(int(e.Port))
	if e.PortEnd != 0 {
		s += "-" + strconv.Itoa(int(e.PortEnd))
	}
	return s
}

func yesNo(b bool) string {
	if b {
		return "yes"
	}
	return "no"
}

func dash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

func writeText(w io.Writer, l Listing) error {
	if len(l.Entries) > 0 || len(l.Toml) == 0 {
		tw := tabwriter.NewWriter(w, 0, 8, 2, ' ', 0)
		fmt.Fprintln(tw, "PRODUCT\tPROFILE\tPORT\tPROTO\tDIR\tEXPOSURE\tOFFSET\tDEFAULT\tSERVICE\tDEST\tDESCRIPTION")
		for _, e := range l.Entries {
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n",
				e.Product, dash(e.Profile), portText(e), e.Proto, e.Dir, e.Exposure,
				yesNo(e.Offset), yesNo(e.DefaultOn), e.Service, dash(e.Dest), dash(e.Description))
		}
		if err := tw.Flush(); err != nil {
			return err
		}
	}
	if len(l.Toml) == 0 {
		return nil
	}
	if len(l.Entries) > 0 {
		if _, err := fmt.Fprintln(w); err != nil {
			return err
		}
	}
	tw := tabwriter.NewWriter(w, 0, 8, 2, ' ', 0)
	fmt.Fprintln(tw, "PRODUCT\tVERSIONS\tROLES\tPORT\tPROTO\tEXPOSURE\tOFFSET\tDEFAULT\tSERVICE\tSET IN (deployment.toml)\tSWITCH")
	for _, e := range l.Toml {
		r := e.Row
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n",
			e.Product, versionsText(e), rolesText(e), tomlPortText(e), tomlProto(r), r.Exposure,
			yesNo(r.Offset), yesNo(r.DefaultOn), r.ID, dash(setInText(r)), dash(switchText(r)))
	}
	return tw.Flush()
}

// jsonEntry is the JSON form of an Entry.
type jsonEntry struct {
	Product     string `json:"product"`
	Profile     string `json:"profile,omitempty"`
	Service     string `json:"service"`
	Port        int    `json:"port"`
	PortEnd     int    `json:"port_end,omitempty"`
	Proto       string `json:"proto"`
	Dir         string `json:"dir"`
	Dest        string `json:"dest,omitempty"`
	Exposure    string `json:"exposure"`
	Offset      bool   `json:"offset"`
	DefaultOn   bool   `json:"default_on"`
	File        string `json:"file,omitempty"`
	Location    string `json:"location,omitempty"`
	Description string `json:"description,omitempty"`
	Note        string `json:"note,omitempty"`
}

// jsonTomlEntry is the JSON form of a TomlEntry.
type jsonTomlEntry struct {
	Product     string   `json:"product"`
	VersionFrom string   `json:"version_from"`
	VersionTo   string   `json:"version_to"`
	Roles       []string `json:"roles,omitempty"`
	Service     string   `json:"service"`
	Port        int      `json:"port"`
	PortEnd     int      `json:"port_end,omitempty"`
	Proto       string   `json:"proto"`
	Exposure    string   `json:"exposure"`
	Offset      bool     `json:"offset"`
	DefaultOn   bool     `json:"default_on"`
	PortKey     string   `json:"port_key,omitempty"`
	Static      string   `json:"static_file,omitempty"`
	EnableKey   string   `json:"enable_key,omitempty"`
	EnableFrom  string   `json:"enable_from,omitempty"`
	OnWhenSet   string   `json:"on_when_set,omitempty"`
	OnWhenValue string   `json:"on_when_value,omitempty"`
	Source      string   `json:"source,omitempty"`
}

func writeJSON(w io.Writer, l Listing) error {
	doc := struct {
		Entries []jsonEntry     `json:"entries"`
		Toml    []jsonTomlEntry `json:"toml_entries,omitempty"`
	}{Entries: make([]jsonEntry, 0, len(l.Entries))}
	for _, e := range l.Toml {
		r := e.Row
		doc.Toml = append(doc.Toml, jsonTomlEntry{
			Product: string(e.Product), VersionFrom: e.From, VersionTo: e.To, Roles: r.Roles, Service: r.ID,
			Port: int(r.Port), PortEnd: int(rangeEnd(r)), Proto: tomlProto(r).String(), Exposure: r.Exposure.String(),
			Offset: r.Offset, DefaultOn: r.DefaultOn, PortKey: r.PortKey, Static: r.Static, EnableKey: r.EnableKey,
			EnableFrom: r.EnableFrom, OnWhenSet: r.OnWhenSet, OnWhenValue: r.OnWhenValue, Source: r.Source,
		})
	}
	for _, e := range l.Entries {
		doc.Entries = append(doc.Entries, jsonEntry{
			Product: string(e.Product), Profile: e.Profile, Service: e.Service,
			Port: int(e.Port), PortEnd: int(e.PortEnd),
			Proto: e.Proto.String(), Dir: e.Dir.String(), Dest: e.Dest, Exposure: e.Exposure.String(),
			Offset: e.Offset, DefaultOn: e.DefaultOn, File: e.File, Location: e.Location,
			Description: e.Description, Note: e.Note,
		})
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(doc)
}
