package toml

import (
	"fmt"

	"github.com/pelletier/go-toml/v2/unstable"
)

// seenKind is what defined a name of the document.
type seenKind uint8

const (
	seenValue      seenKind = iota + 1 // a value (scalar, array, inline table): cannot be extended
	seenKVTable                        // a table made by a dotted key: extended by dotted keys only
	seenTable                          // a table made by a [header] (explicit) or as a prefix of one
	seenArrayTable                     // an array of tables made by [[header]]
)

func (k seenKind) String() string {
	switch k {
	case seenValue:
		return "value"
	case seenKVTable:
		return "kv-table"
	case seenTable:
		return "table"
	case seenArrayTable:
		return "array-table"
	}
	return "invalid"
}

// seenNode is one name of the document. The children of an array of tables
// are those of its last element.
type seenNode struct {
	kind     seenKind
	explicit bool // a table defined by its own header
	elems    int  // elements of an array of tables
	children map[string]int32
}

// tracker records the names the document defines, as a tree with a map of
// children per node, so that every lookup costs one map access: a key or table
// defined twice is found in the same pass as the entries, in time linear in the
// input. The rules and messages are those of go-toml/v2's decoder (the server's
// TOML reader refuses the same documents): [[arrays of tables]] are not
// duplicates, dotted keys and inline tables define tables, a table defined by
// dotted keys cannot get a header, and an inline table cannot be extended.
type tracker struct {
	nodes   []seenNode
	current int32 // the table of the last header
}

func (t *tracker) reset() {
	t.nodes = append(t.nodes[:0], seenNode{kind: seenTable, explicit: true})
	t.current = 0
}

func (t *tracker) find(parent int32, name string) (int32, bool) {
	id, ok := t.nodes[parent].children[name]
	return id, ok
}

func (t *tracker) create(parent int32, name string, kind seenKind, explicit bool) int32 {
	id := int32(len(t.nodes))
	t.nodes = append(t.nodes, seenNode{kind: kind, explicit: explicit})
	if name != "" || parent >= 0 {
		p := &t.nodes[parent]
		if p.children == nil {
			p.children = map[string]int32{}
		}
		p.children[name] = id
	}
	return id
}

// header checks a [table] or [[array of tables]] header and makes it the
// current table. It returns the element index of the nearest array of tables
// the header lies in (or is), and whether there is one.
func (t *tracker) header(parts []string, array bool) (index int, inArray bool, err error) {
	index = -1
	parent := int32(0)
	for k, name := range parts {
		id, ok := t.find(parent, name)
		if k == len(parts)-1 {
			return t.lastPart(parent, id, ok, name, array, index, inArray)
		}
		if !ok {
			id = t.create(parent, name, seenTable, false)
		} else {
			switch t.nodes[id].kind {
			case seenTable, seenKVTable:
			case seenArrayTable:
				index, inArray = t.nodes[id].elems-1, true
			default:
				return 0, false, fmt.Errorf("toml: key %s already exists as a value", name)
			}
		}
		parent = id
	}
	return 0, false, fmt.Errorf("toml: table header without a key")
}

func (t *tracker) lastPart(parent, id int32, ok bool, name string, array bool, index int, inArray bool) (int, bool, error) {
	if array {
		if !ok {
			id = t.create(parent, name, seenArrayTable, true)
		} else if n := &t.nodes[id]; n.kind != seenArrayTable {
			return 0, false, fmt.Errorf("toml: key %s already exists as a %s, but should be an array table", name, n.kind)
		}
		n := &t.nodes[id]
		n.elems++
		n.children = nil // a new element: its keys and sub-tables start afresh
		t.current = id
		return n.elems - 1, true, nil
	}
	if !ok {
		t.current = t.create(parent, name, seenTable, true)
		return index, inArray, nil
	}
	n := &t.nodes[id]
	switch n.kind {
	case seenTable:
		if n.explicit {
			return 0, false, fmt.Errorf("toml: table %s already exists", name)
		}
		n.explicit = true
		t.current = id
		return index, inArray, nil
	case seenKVTable:
		return 0, false, fmt.Errorf("toml: table %s already exists as defined by a dotted key", name)
	case seenArrayTable:
		return 0, false, fmt.Errorf("toml: table %s already exists as an array of tables", name)
	}
	return 0, false, fmt.Errorf("toml: key %s should be a table, not a %s", name, n.kind)
}

// keyValue checks a (possibly dotted) key = value under parent and the keys
// of the inline tables the value holds.
func (t *tracker) keyValue(parent int32, parts []string, v *unstable.Node) error {
	for k, name := range parts {
		id, ok := t.find(parent, name)
		if k == len(parts)-1 {
			if ok {
				return fmt.Errorf("toml: key %s is already defined", name)
			}
			return t.value(t.create(parent, name, seenValue, false), v)
		}
		if !ok {
			id = t.create(parent, name, seenKVTable, false)
		} else if t.nodes[id].kind != seenKVTable {
			return fmt.Errorf("toml: key %s is already defined", name)
		}
		parent = id
	}
	return nil
}

// value checks the keys of the inline tables in a value; each element of an
// array is a scope of its own.
func (t *tracker) value(id int32, v *unstable.Node) error {
	if v == nil {
		return nil
	}
	switch v.Kind {
	case unstable.InlineTable:
		it := v.Children()
		for it.Next() {
			kv := it.Node()
			if kv.Kind != unstable.KeyValue {
				continue
			}
			parts, _, _ := keyParts(kv.Key())
			if err := t.keyValue(id, parts, kv.Value()); err != nil {
				return err
			}
		}
	case unstable.Array:
		it := v.Children()
		for it.Next() {
			if e := it.Node(); e.Kind == unstable.InlineTable || e.Kind == unstable.Array {
				if err := t.value(t.create(-1, "", seenValue, false), e); err != nil {
					return err
				}
			}
		}
	}
	return nil
}
