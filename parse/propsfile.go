package parse

import (
	"bytes"
	"errors"

	"github.com/wso2lint/wso2lint/internal/model"
	"github.com/wso2lint/wso2lint/parse/props"
)

// propsFile is a .properties file with the position of every key, read as
// java.util.Properties.load reads it (package props).
type propsFile struct {
	rel     string
	entries []propEntry    // in file order; a repeated key appears once per occurrence
	last    map[string]int // index in entries of each key's last occurrence
	ignores []model.Ignore
}

// propEntry is one key = value logical line.
type propEntry struct {
	key      string
	value    string    // decoded
	keyPos   model.Pos // first character of the key
	valuePos model.Pos // first character of the value
	endLine  int       // last physical line of the logical line
}

// get returns the last value of key (the one the runtime uses).
func (p *propsFile) get(key string) (propEntry, bool) {
	if i, ok := p.last[key]; ok {
		return p.entries[i], true
	}
	return propEntry{}, false
}

// parseProps scans data as a Java .properties file. A "wso2lint:ignore"
// comment covers the entry that follows it.
func parseProps(rel string, data []byte) (*propsFile, error) {
	// Each entry takes at least one line: the line count bounds the entries,
	// so the list is allocated once instead of doubling through a 12 KB
	// log4j.properties (comments make it an overestimate, never too small).
	lines := bytes.Count(data, []byte{'\n'}) + 1
	f := &propsFile{rel: rel, last: make(map[string]int, lines/2), entries: make([]propEntry, 0, lines)}
	var pending []int
	entry := func(e props.Entry) {
		pe := propEntry{
			key: e.Key, value: e.Value, endLine: e.EndLine,
			keyPos:   model.Pos{File: rel, Line: e.KeyPos.Line, Col: e.KeyPos.Col, Path: e.Key},
			valuePos: model.Pos{File: rel, Line: e.ValuePos.Line, Col: e.ValuePos.Col, Path: e.Key},
		}
		for _, k := range pending {
			f.ignores[k].ToLine = pe.endLine
			f.ignores[k].Path = pe.key
		}
		pending = nil
		f.last[pe.key] = len(f.entries)
		f.entries = append(f.entries, pe)
	}
	comment := func(c props.Comment) { pending = f.addIgnore(pending, c) }
	if err := props.Walk(data, entry, comment); err != nil {
		return nil, err
	}
	return f, nil
}

// addIgnore records a comment that is a "wso2lint:ignore" directive; pending
// lists those waiting for the entry they cover.
func (f *propsFile) addIgnore(pending []int, c props.Comment) []int {
	ig, ok := parseIgnore(c.Text)
	if !ok {
		return pending
	}
	ig.Pos = model.Pos{File: f.rel, Line: c.Pos.Line, Col: c.Pos.Col}
	ig.FromLine, ig.ToLine = c.Pos.Line, c.Pos.Line
	f.ignores = append(f.ignores, ig)
	return append(pending, len(f.ignores)-1)
}

// readProps reads and scans a home-relative .properties file.
func (s *server) readProps(rel string) (*propsFile, bool, error) {
	data, ok, err := s.readText(rel)
	if err != nil || !ok {
		return nil, ok, err
	}
	f, err := s.shared().parseProps(rel, data)
	if err != nil {
		var pe *props.Error
		if errors.As(err, &pe) {
			return nil, false, s.h.errorf(rel, pe.Line, "malformed properties file: %s", pe.Msg)
		}
		return nil, false, s.h.errorf(rel, 0, "malformed properties file: %v", err)
	}
	s.ignores = append(s.ignores, f.ignores...)
	return f, true, nil
}
