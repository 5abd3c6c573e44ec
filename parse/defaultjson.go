package parse

import (
	"bytes"
	"encoding/json"
	"errors"
	"sort"
	"strings"

	"github.com/wso2lint/wso2lint/internal/model"
)

// readDefaultJSON records the keys of the product's default.json (a flat JSON
// object of dotted toml keys and their defaults) as settings
// model.KeyTomlDefaultPrefix + key, so that catalog prefers them to its
// built-in table.
func (s *server) readDefaultJSON() error {
	if s.conf == "" {
		return nil
	}
	data, ok, err := s.readText(tomlDefaultJSON)
	if err != nil || !ok {
		return err
	}
	lines := lineStarts(data)
	lineOf := func(off int64) int {
		return sort.Search(len(lines), func(i int) bool { return lines[i] > int(off) })
	}
	bad := func(off int64, err error) error {
		return &Error{File: s.h.display(tomlDefaultJSON), Line: lineOf(off), Err: errors.New("malformed default.json: " + err.Error())}
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	tok, err := dec.Token()
	if err != nil {
		return bad(dec.InputOffset(), err)
	}
	if d, ok := tok.(json.Delim); !ok || d != '{' {
		return bad(0, errors.New("expected an object of dotted keys"))
	}
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return bad(dec.InputOffset(), err)
		}
		key, ok := tok.(string)
		if !ok {
			return bad(dec.InputOffset(), errors.New("expected a key"))
		}
		off := dec.InputOffset()
		var raw json.RawMessage
		if err := dec.Decode(&raw); err != nil {
			return bad(dec.InputOffset(), err)
		}
		v := strings.TrimSpace(string(raw))
		var str string
		if json.Unmarshal(raw, &str) == nil {
			v = str
		}
		s.set(model.KeyTomlDefaultPrefix+key, v, model.Pos{File: tomlDefaultJSON, Line: lineOf(off), Path: key})
	}
	return nil
}

// tomlIgnores collects "# wso2lint:ignore WL402 reason" comments of a toml
// file. A comment on a line of its own covers that line and the next; a
// trailing comment covers its own line.
func tomlIgnores(rel string, data []byte) []model.Ignore {
	var out []model.Ignore
	for i, line := range strings.Split(string(data), "\n") {
		h := strings.Index(line, "#")
		if h < 0 || !strings.Contains(line[h:], ignoreMarker) {
			continue
		}
		ig, ok := parseIgnore(line[h+1:])
		if !ok {
			continue
		}
		n := i + 1
		ig.Pos = model.Pos{File: rel, Line: n, Col: h + 1}
		ig.FromLine, ig.ToLine = n, n
		if strings.TrimSpace(line[:h]) == "" {
			ig.ToLine = n + 1
		}
		out = append(out, ig)
	}
	return out
}
