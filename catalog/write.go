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
	var err error
	switch format {
	case "text":
		err = writeText(w, entries)
	case "json":
		err = writeJSON(w, entries)
	case "markdown":
		err = writeMarkdown(w, entries)
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

func writeText(w io.Writer, entries []Entry) error {
	tw := tabwriter.NewWriter(w, 0, 8, 2, ' ', 0)
	fmt.Fprintln(tw, "PRODUCT\tPROFILE\tPORT\tPROTO\tDIR\tEXPOSURE\tOFFSET\tDEFAULT\tSERVICE\tDEST\tDESCRIPTION")
	for _, e := range entries {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n",
			e.Product, dash(e.Profile), portText(e), e.Proto, e.Dir, e.Exposure,
			yesNo(e.Offset), yesNo(e.DefaultOn), e.Service, dash(e.Dest), dash(e.Description))
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

func writeJSON(w io.Writer, entries []Entry) error {
	doc := struct {
		Entries []jsonEntry `json:"entries"`
	}{Entries: make([]jsonEntry, 0, len(entries))}
	for _, e := range entries {
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
