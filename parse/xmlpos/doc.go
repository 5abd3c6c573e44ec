// Package xmlpos scans XML with positions: it reads a configuration file into
// a beevik/etree tree and records, for every element, where its start tag,
// its text, its attribute values and its end lie (1-based line and column),
// and the document path of the element ("/Server/Ports/Offset",
// "/Server/Service/Connector[2]").
//
// It accepts UTF-8 (and converts ISO-8859-1 when the declaration says so) and
// rejects what a configuration file never holds and a hostile one might:
// UTF-16, invalid UTF-8, NUL bytes, DTD entity and attribute-list
// declarations, nesting, element, attribute and marked-comment floods beyond
// fixed limits, duplicate attributes, more than one root element and end tags
// that do not match. It never resolves an entity or fetches an external DTD.
//
// The text is read by a byte scanner of its own (no encoding/xml tokens, no
// reflection): it accepts and rejects what encoding/xml's strict decoder
// accepts and rejects, with the same messages at the same lines, and builds
// the tree etree's reader builds, with names, values and comments that are
// substrings of the text. FuzzDifferential checks it against the
// encoding/xml reader it replaced.
//
// Comments whose text holds a marker chosen by the caller are reported as raw
// data (text, position, the element they stand before); the package knows
// nothing else of what the comments or the elements mean.
//
// It is a format scanner with no product knowledge: it must not import the
// model (internal/model), the product readers (parse), catalog, lint, emit or
// any other package of this module.
package xmlpos
