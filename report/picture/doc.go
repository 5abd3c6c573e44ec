// Package picture draws the listeners of the ports command: each host, each
// server of its homes, the server's listeners grouped by exposure class, and
// arrows for the outbound connections that reach another home of the same run
// (model.Links resolves them; picture only draws what it is given). It writes
// Graphviz DOT and one self-contained HTML file (inline SVG and CSS, no
// script, no network reference), laid out by its own deterministic layout.
//
// Picture imports only internal/model and the standard library; it must not
// import parse, catalog, lint, emit or report. Output depends only on the
// input: no map order, no clock.
package picture
