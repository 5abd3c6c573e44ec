package parse

import (
	"bytes"
	"strings"
	"unicode/utf8"

	"github.com/magiconair/properties"

	"github.com/wso2lint/wso2lint/internal/model"
)

// propsFile is a .properties file with the position of every key. Values come
// from magiconair/properties with ${} expansion disabled (it would otherwise
// expand references and fall back to environment variables).
type propsFile struct {
	rel     string
	entries []propEntry // in file order; a repeated key appears once per occurrence
	ignores []model.Ignore
}

// propEntry is one key = value line.
type propEntry struct {
	key      string
	value    string    // decoded
	keyPos   model.Pos // first character of the key
	valuePos model.Pos // first character of the value
	endLine  int       // last physical line of the logical line
}

// get returns the last value of key (the one the runtime uses).
func (p *propsFile) get(key string) (propEntry, bool) {
	for i := len(p.entries) - 1; i >= 0; i-- {
		if p.entries[i].key == key {
			return p.entries[i], true
		}
	}
	return propEntry{}, false
}

// parseProps scans data as a Java .properties file.
func parseProps(rel string, data []byte) (*propsFile, error) {
	if !utf8.Valid(data) {
		// Java reads .properties as ISO-8859-1: convert rather than fail.
		var b strings.Builder
		for _, c := range data {
			b.WriteRune(rune(c))
		}
		data = []byte(b.String())
	}
	l := properties.Loader{Encoding: properties.UTF8, DisableExpansion: true}
	lib, err := l.LoadBytes(data)
	if err != nil {
		return nil, err
	}
	f := &propsFile{rel: rel}
	lines := bytes.Split(data, []byte("\n"))
	var pending []int
	for i := 0; i < len(lines); i++ {
		raw := strings.TrimRight(string(lines[i]), "\r")
		lineNo := i + 1
		trimmed := strings.TrimLeft(raw, " \t\f")
		if trimmed == "" {
			continue
		}
		if trimmed[0] == '#' || trimmed[0] == '!' {
			if ig, ok := parseIgnore(trimmed[1:]); ok {
				ig.Pos = model.Pos{File: rel, Line: lineNo, Col: len(raw) - len(trimmed) + 1}
				ig.FromLine, ig.ToLine = lineNo, lineNo
				f.ignores = append(f.ignores, ig)
				pending = append(pending, len(f.ignores)-1)
			}
			continue
		}
		// Join continuation lines.
		logical := trimmed
		end := i
		for endsWithOddBackslashes(logical) && end+1 < len(lines) {
			end++
			logical = logical[:len(logical)-1] + strings.TrimLeft(strings.TrimRight(string(lines[end]), "\r"), " \t\f")
		}
		keyCol := len(raw) - len(trimmed) + 1
		key, valOff := splitProp(logical)
		e := propEntry{
			key:      unescapeKey(key),
			keyPos:   model.Pos{File: rel, Line: lineNo, Col: keyCol, Path: unescapeKey(key)},
			valuePos: model.Pos{File: rel, Line: lineNo, Col: keyCol + utf8.RuneCountInString(logical[:valOff]), Path: unescapeKey(key)},
			endLine:  end + 1,
		}
		if v, ok := lib.Get(e.key); ok {
			e.value = v
		}
		for _, k := range pending {
			f.ignores[k].ToLine = e.endLine
			f.ignores[k].Path = e.key
		}
		pending = nil
		f.entries = append(f.entries, e)
		i = end
	}
	// A repeated key: the library keeps the last value; give earlier ones their own text.
	seen := map[string]int{}
	for _, e := range f.entries {
		seen[e.key]++
	}
	for i := range f.entries {
		if seen[f.entries[i].key] > 1 {
			f.entries[i].value = rawValue(lines, f.entries[i])
		}
	}
	return f, nil
}

func endsWithOddBackslashes(s string) bool {
	n := 0
	for i := len(s) - 1; i >= 0 && s[i] == '\\'; i-- {
		n++
	}
	return n%2 == 1
}

// splitProp returns the raw key and the byte offset where the value starts.
func splitProp(s string) (string, int) {
	i := 0
	for i < len(s) {
		c := s[i]
		if c == '\\' {
			i += 2
			continue
		}
		if c == '=' || c == ':' || c == ' ' || c == '\t' || c == '\f' {
			break
		}
		i++
	}
	if i > len(s) {
		i = len(s)
	}
	key := s[:i]
	j := i
	for j < len(s) && (s[j] == ' ' || s[j] == '\t' || s[j] == '\f') {
		j++
	}
	if j < len(s) && (s[j] == '=' || s[j] == ':') {
		j++
		for j < len(s) && (s[j] == ' ' || s[j] == '\t' || s[j] == '\f') {
			j++
		}
	}
	return key, j
}

func unescapeKey(k string) string {
	if !strings.Contains(k, `\`) {
		return k
	}
	var b strings.Builder
	for i := 0; i < len(k); i++ {
		if k[i] == '\\' && i+1 < len(k) {
			i++
		}
		b.WriteByte(k[i])
	}
	return b.String()
}

// rawValue returns the value text of a single-line entry (used for repeated keys).
func rawValue(lines [][]byte, e propEntry) string {
	raw := strings.TrimRight(string(lines[e.keyPos.Line-1]), "\r")
	_, off := splitProp(strings.TrimLeft(raw, " \t\f"))
	t := strings.TrimLeft(raw, " \t\f")
	if off <= len(t) {
		return strings.TrimSpace(t[off:])
	}
	return ""
}

// readProps reads and scans a home-relative .properties file.
func (s *server) readProps(rel string) (*propsFile, bool, error) {
	data, ok, err := s.readText(rel)
	if err != nil || !ok {
		return nil, ok, err
	}
	f, err := parseProps(rel, data)
	if err != nil {
		return nil, false, s.h.errorf(rel, 0, "malformed properties file: %v", err)
	}
	s.ignores = append(s.ignores, f.ignores...)
	return f, true, nil
}
