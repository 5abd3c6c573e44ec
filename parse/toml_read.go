package parse

import (
	"errors"
	"sort"
	"strconv"
	"strings"

	"github.com/pelletier/go-toml/v2"
	"github.com/pelletier/go-toml/v2/unstable"
)

// tomlEntry is one key = value of a deployment.toml, flattened: the dotted key
// joins the table header and the (possibly dotted) key; inline tables are
// flattened too. Arrays of tables ([[apim.gateway.environment]]) give one entry
// per element and key, all with the same dotted key; index tells them apart.
type tomlEntry struct {
	key     string        // dotted key as written, before alias resolution
	value   string        // decoded string, integer in decimal, or the literal text of other scalars
	kind    unstable.Kind // String, Integer, Bool, Array, ...
	line    int           // 1-based line of the value
	col     int           // 1-based column of the value
	index   int           // element of the enclosing array of tables; -1 outside one
	inArray bool          // the entry comes from an [[array.of.tables]]
}

// tomlSyntaxError is a malformed deployment.toml.
type tomlSyntaxError struct {
	line int
	msg  string
}

func (e *tomlSyntaxError) Error() string { return e.msg }

// maxTomlDepth bounds how deep inline tables and arrays are flattened.
const maxTomlDepth = 32

// parseTomlEntries reads every key of a TOML document in file order.
func parseTomlEntries(data []byte) ([]tomlEntry, error) {
	lines := lineStarts(data)
	posOf := func(off uint32) (int, int) {
		i := sort.Search(len(lines), func(i int) bool { return lines[i] > int(off) }) - 1
		if i < 0 {
			i = 0
		}
		return i + 1, int(off) - lines[i] + 1
	}
	var p unstable.Parser
	p.Reset(data)
	var out []tomlEntry
	var table []string
	index, inArray := -1, false
	arrays := map[string]int{}
	for p.NextExpression() {
		e := p.Expression()
		switch e.Kind {
		case unstable.Table:
			table, _ = keyParts(e.Key())
			index, inArray = -1, false
			// A sub-table of an array of tables belongs to its last element.
			// (The longest enclosing array wins, so map order does not matter.)
			best := ""
			for name, n := range arrays {
				if len(name) > len(best) && strings.HasPrefix(strings.Join(table, ".")+".", name+".") {
					best, index, inArray = name, n-1, true
				}
			}
		case unstable.ArrayTable:
			table, _ = keyParts(e.Key())
			name := strings.Join(table, ".")
			arrays[name]++
			index, inArray = arrays[name]-1, true
		case unstable.KeyValue:
			k, last := keyParts(e.Key())
			out = flattenValue(out, join(table, k), e.Value(), last, posOf, index, inArray, 0)
		}
	}
	if err := p.Error(); err != nil {
		var pe *unstable.ParserError
		line := 0
		if errors.As(err, &pe) && len(pe.Highlight) > 0 {
			line, _ = posOf(p.Range(pe.Highlight).Offset)
		}
		return nil, &tomlSyntaxError{line: line, msg: "malformed TOML: " + err.Error()}
	}
	// The expression parser checks syntax only; a key or table defined twice
	// is invalid TOML too (the server's parser refuses it), which the
	// decoder checks.
	var doc map[string]any
	if err := toml.Unmarshal(data, &doc); err != nil {
		var de *toml.DecodeError
		line := 0
		if errors.As(err, &de) {
			line, _ = de.Position()
		}
		return nil, &tomlSyntaxError{line: line, msg: "malformed TOML: " + err.Error()}
	}
	return out, nil
}

// flattenValue appends the entries of one value: scalars and arrays as one
// entry, inline tables as one entry per key.
func flattenValue(out []tomlEntry, key []string, v *unstable.Node, keyNode *unstable.Node, posOf func(uint32) (int, int), index int, inArray bool, depth int) []tomlEntry {
	if v == nil {
		return out
	}
	if v.Kind == unstable.InlineTable && depth < maxTomlDepth {
		it := v.Children()
		for it.Next() {
			kv := it.Node()
			if kv.Kind != unstable.KeyValue {
				continue
			}
			k, last := keyParts(kv.Key())
			out = flattenValue(out, join(key, k), kv.Value(), last, posOf, index, inArray, depth+1)
		}
		return out
	}
	off, ok := nodeOffset(v, 0)
	if !ok && keyNode != nil {
		off = keyNode.Raw.Offset
	}
	line, col := posOf(off)
	return append(out, tomlEntry{
		key: strings.Join(key, "."), value: valueText(v, 0), kind: v.Kind,
		line: line, col: col, index: index, inArray: inArray,
	})
}

// nodeOffset returns the offset of a value node: its own range, or that of
// its first child (arrays carry no range of their own).
func nodeOffset(n *unstable.Node, depth int) (uint32, bool) {
	if n.Raw.Length > 0 {
		return n.Raw.Offset, true
	}
	if depth > maxTomlDepth {
		return 0, false
	}
	if c := n.Child(); c != nil {
		if c.Kind == unstable.KeyValue {
			if v := c.Value(); v != nil {
				return nodeOffset(v, depth+1)
			}
		}
		return nodeOffset(c, depth+1)
	}
	return 0, false
}

// valueText is the text of a value: strings decoded, other scalars as written,
// arrays as [a, b] of their elements' text.
func valueText(n *unstable.Node, depth int) string {
	switch n.Kind {
	case unstable.Array:
		if depth > maxTomlDepth {
			return "[...]"
		}
		var parts []string
		it := n.Children()
		for it.Next() {
			parts = append(parts, valueText(it.Node(), depth+1))
		}
		return "[" + strings.Join(parts, ", ") + "]"
	case unstable.InlineTable:
		return "{...}"
	case unstable.Integer:
		return tomlIntegerText(string(n.Data))
	}
	return string(n.Data)
}

// tomlIntegerText gives a TOML integer in decimal, the form the server's
// config mapper renders into the XML: 9_444, +9444, 0x24E4, 0o22344 and
// 0b10010011100100 are all 9444. Text that is not a TOML integer in range
// stays as written (and is reported where a number is needed).
func tomlIntegerText(raw string) string {
	v := raw
	base := 10
	if len(v) > 2 && v[0] == '0' {
		switch v[1] {
		case 'x':
			base, v = 16, v[2:]
		case 'o':
			base, v = 8, v[2:]
		case 'b':
			base, v = 2, v[2:]
		}
	}
	if strings.HasPrefix(v, "_") || strings.HasSuffix(v, "_") || strings.Contains(v, "__") {
		return raw
	}
	n, err := strconv.ParseInt(strings.ReplaceAll(v, "_", ""), base, 64)
	if err != nil || (base != 10 && strings.ContainsAny(v, "+-")) {
		return raw
	}
	return strconv.FormatInt(n, 10)
}

// keyParts returns the decoded parts of a key and the node of its last part.
func keyParts(it unstable.Iterator) ([]string, *unstable.Node) {
	var parts []string
	var last *unstable.Node
	for it.Next() {
		last = it.Node()
		parts = append(parts, string(last.Data))
	}
	return parts, last
}

func join(a, b []string) []string {
	out := make([]string, 0, len(a)+len(b))
	out = append(out, a...)
	return append(out, b...)
}

// lineStarts returns the offset of the first byte of every line.
func lineStarts(data []byte) []int {
	out := []int{0}
	for i, c := range data {
		if c == '\n' {
			out = append(out, i+1)
		}
	}
	return out
}
