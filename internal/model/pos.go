package model

import "strconv"

// Pos is a place in a configuration file. Line and Col are 1-based; 0 means unknown.
type Pos struct {
	// File is slash-separated and relative to the home: "repository/conf/axis2/axis2.xml".
	File string
	// Line and Col locate the value (or the element that holds it).
	Line, Col int
	// Path names the configuration location independent of line numbers: an element
	// path such as "/Server/Ports/Offset", a property key, or a toml key. Baselines
	// key findings by it.
	Path string
}

// String formats p as "file:line:col", "file:line" or "file".
func (p Pos) String() string {
	s := p.File
	if p.Line > 0 {
		s += ":" + strconv.Itoa(p.Line)
		if p.Col > 0 {
			s += ":" + strconv.Itoa(p.Col)
		}
	}
	return s
}

// IsZero reports whether p names no file.
func (p Pos) IsZero() bool { return p.File == "" }

// Less orders positions by file, line and column.
func (p Pos) Less(q Pos) bool {
	if p.File != q.File {
		return p.File < q.File
	}
	if p.Line != q.Line {
		return p.Line < q.Line
	}
	return p.Col < q.Col
}
