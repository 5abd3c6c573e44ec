package toml

import (
	"errors"
	"sort"
	"strings"

	"github.com/pelletier/go-toml/v2/unstable"
)

// Pos is a place in the scanned document; Line and Col are 1-based (Col
// counts bytes).
type Pos struct {
	Line, Col int
}

// Kind is the TOML type of an entry's value.
type Kind uint8

// The kinds of values.
const (
	KindInvalid Kind = iota
	KindString
	KindInteger
	KindFloat
	KindBool
	KindDateTime      // offset date-time
	KindLocalDateTime // date-time without offset
	KindLocalDate     // date alone
	KindLocalTime     // time alone
	KindArray
	KindInlineTable // an inline table nested deeper than MaxDepth
)

// String gives the TOML name of the kind, as an error message would use it.
func (k Kind) String() string {
	switch k {
	case KindString:
		return "string"
	case KindInteger:
		return "integer"
	case KindFloat:
		return "float"
	case KindBool:
		return "boolean"
	case KindDateTime, KindLocalDateTime:
		return "date-time"
	case KindLocalDate:
		return "date"
	case KindLocalTime:
		return "time"
	case KindArray:
		return "array"
	case KindInlineTable:
		return "inline table"
	}
	return "invalid"
}

// Entry is one key = value of the document, flattened: Key joins the table
// header and the (possibly dotted) key with "."; inline tables give one entry
// per key. Arrays of tables ([[a.b]]) give one entry per element and key, all
// with the same Key; Index tells the elements apart.
type Entry struct {
	Key     string // dotted key as written (parts decoded, joined with ".")
	Value   string // decoded string, integer in decimal, arrays as [a, b], other scalars as written
	Kind    Kind
	Pos     Pos  // first character of the value
	Index   int  // element of the nearest enclosing array of tables; -1 outside one
	InArray bool // the entry lies inside an [[array of tables]]
}

// Error is a document the scanner refuses: malformed TOML, a key or table
// defined twice, a value out of range, or more values in one expression than
// MaxValues. Line is 1-based, 0 when unknown.
type Error struct {
	Line int
	Msg  string
}

func (e *Error) Error() string { return e.Msg }

// MaxDepth bounds how deep inline tables and arrays are flattened; deeper
// inline tables become one entry of KindInlineTable, deeper arrays "[...]".
const MaxDepth = 32

// MaxValues bounds the values (array elements, inline-table keys, key parts)
// of one expression. The syntax tree of an expression is held in memory at
// once, at about sixty bytes a value: without a bound a 30 MB array would
// take gigabytes.
const MaxValues = 100000

// Scan reads every key of a TOML document in file order.
func Scan(data []byte) ([]Entry, error) {
	if line, ok := overLimit(data); ok {
		return nil, &Error{Line: line, Msg: "TOML expression with more than 100000 values (array elements, inline-table keys or key parts)"}
	}
	s := scanner{lines: lineStarts(data)}
	s.seen.reset()
	s.p.Reset(data)
	for s.p.NextExpression() {
		s.expression(s.p.Expression())
	}
	if err := s.p.Error(); err != nil {
		var pe *unstable.ParserError
		line := 0
		if errors.As(err, &pe) && len(pe.Highlight) > 0 {
			line, _ = s.posOf(s.p.Range(pe.Highlight).Offset)
		}
		return nil, &Error{Line: line, Msg: "malformed TOML: " + err.Error()}
	}
	if s.err != nil {
		return nil, s.err
	}
	return s.out, nil
}

// scanner is the state of one Scan.
type scanner struct {
	p     unstable.Parser
	lines []int // offset of the first byte of every line
	seen  tracker
	table []string // parts of the current table header
	index int
	inArr bool
	out   []Entry
	err   *Error // first semantic error; syntax errors found later win
}

// expression handles one top-level expression.
func (s *scanner) expression(e *unstable.Node) {
	if s.err != nil {
		return // the syntax of the rest is still checked; nothing else matters
	}
	fail := func(n *unstable.Node, err error) {
		line := 0
		if n != nil {
			line, _ = s.posOf(n.Raw.Offset)
		}
		s.err = &Error{Line: line, Msg: "malformed TOML: " + err.Error()}
	}
	switch e.Kind {
	case unstable.Table, unstable.ArrayTable:
		parts, first, _ := keyParts(e.Key())
		index, inArr, err := s.seen.header(parts, e.Kind == unstable.ArrayTable)
		if err != nil {
			fail(first, err)
			return
		}
		s.table, s.index, s.inArr = parts, index, inArr
	case unstable.KeyValue:
		k, first, last := keyParts(e.Key())
		if err := s.seen.keyValue(s.seen.current, k, e.Value()); err != nil {
			fail(first, err)
			return
		}
		if n, err := checkScalars(e.Value()); err != nil {
			fail(n, err)
			return
		}
		s.flatten(join(s.table, k), e.Value(), last, 0)
	}
}

// flatten appends the entries of one value: scalars and arrays as one entry,
// inline tables as one entry per key.
func (s *scanner) flatten(key []string, v *unstable.Node, keyNode *unstable.Node, depth int) {
	if v == nil {
		return
	}
	if v.Kind == unstable.InlineTable && depth < MaxDepth {
		it := v.Children()
		for it.Next() {
			kv := it.Node()
			if kv.Kind != unstable.KeyValue {
				continue
			}
			k, _, last := keyParts(kv.Key())
			s.flatten(join(key, k), kv.Value(), last, depth+1)
		}
		return
	}
	off, ok := nodeOffset(v, 0)
	if !ok && keyNode != nil {
		off = keyNode.Raw.Offset
	}
	line, col := s.posOf(off)
	var b strings.Builder
	b.Grow(valueLen(v, 0)) // one allocation: an array may be 30 MB
	writeValue(&b, v, 0)
	s.out = append(s.out, Entry{
		Key: strings.Join(key, "."), Value: b.String(), Kind: kindOf(v.Kind),
		Pos: Pos{Line: line, Col: col}, Index: s.index, InArray: s.inArr,
	})
}

// posOf gives the line and column of a byte offset.
func (s *scanner) posOf(off uint32) (int, int) {
	i := sort.Search(len(s.lines), func(i int) bool { return s.lines[i] > int(off) }) - 1
	if i < 0 {
		i = 0
	}
	return i + 1, int(off) - s.lines[i] + 1
}

func kindOf(k unstable.Kind) Kind {
	switch k {
	case unstable.String:
		return KindString
	case unstable.Integer:
		return KindInteger
	case unstable.Float:
		return KindFloat
	case unstable.Bool:
		return KindBool
	case unstable.DateTime:
		return KindDateTime
	case unstable.LocalDateTime:
		return KindLocalDateTime
	case unstable.LocalDate:
		return KindLocalDate
	case unstable.LocalTime:
		return KindLocalTime
	case unstable.Array:
		return KindArray
	case unstable.InlineTable:
		return KindInlineTable
	}
	return KindInvalid
}

// nodeOffset returns the offset of a value node: its own range, or that of
// its first child (arrays carry no range of their own).
func nodeOffset(n *unstable.Node, depth int) (uint32, bool) {
	if n.Raw.Length > 0 {
		return n.Raw.Offset, true
	}
	if depth > MaxDepth {
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

// writeValue writes the text of a value: strings decoded, integers in
// decimal, other scalars as written, arrays as [a, b] of their elements' text.
func writeValue(b *strings.Builder, n *unstable.Node, depth int) {
	switch n.Kind {
	case unstable.Array:
		if depth > MaxDepth {
			b.WriteString("[...]")
			return
		}
		b.WriteByte('[')
		it := n.Children()
		for i := 0; it.Next(); i++ {
			if i > 0 {
				b.WriteString(", ")
			}
			writeValue(b, it.Node(), depth+1)
		}
		b.WriteByte(']')
	case unstable.InlineTable:
		b.WriteString("{...}")
	case unstable.Integer:
		b.WriteString(IntegerText(string(n.Data)))
	default:
		b.Write(n.Data)
	}
}

// valueLen is the length of the text writeValue writes.
func valueLen(n *unstable.Node, depth int) int {
	switch n.Kind {
	case unstable.Array:
		if depth > MaxDepth {
			return len("[...]")
		}
		l := 2
		it := n.Children()
		for i := 0; it.Next(); i++ {
			if i > 0 {
				l += len(", ")
			}
			l += valueLen(it.Node(), depth+1)
		}
		return l
	case unstable.InlineTable:
		return len("{...}")
	case unstable.Integer:
		return len(IntegerText(string(n.Data)))
	}
	return len(n.Data)
}

// keyParts returns the decoded parts of a key and the nodes of its first and
// last parts.
func keyParts(it unstable.Iterator) (parts []string, first, last *unstable.Node) {
	for it.Next() {
		last = it.Node()
		if first == nil {
			first = last
		}
		parts = append(parts, string(last.Data))
	}
	return parts, first, last
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
