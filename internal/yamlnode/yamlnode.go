package yamlnode

import (
	"bytes"
	"fmt"
	"io"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"
)

// Map returns a mapping node of the key/value pairs kv (keys are strings;
// values are nodes). Pairs whose value is nil are left out.
func Map(kv ...any) *yaml.Node {
	n := &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map"}
	for i := 0; i+1 < len(kv); i += 2 {
		v, _ := kv[i+1].(*yaml.Node)
		if v == nil {
			continue
		}
		n.Content = append(n.Content, Str(kv[i].(string)), v)
	}
	return n
}

// Seq returns a sequence node of items (nil items are left out).
func Seq(items ...*yaml.Node) *yaml.Node {
	n := &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq"}
	for _, it := range items {
		if it != nil {
			n.Content = append(n.Content, it)
		}
	}
	return n
}

// Str returns a string scalar; the encoder quotes it when it would read as
// another type ("9443", "true").
func Str(s string) *yaml.Node {
	return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: s}
}

// Int returns an integer scalar.
func Int(i int) *yaml.Node {
	return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!int", Value: strconv.Itoa(i)}
}

// Comment sets the comment written on the line before n and returns n.
func Comment(n *yaml.Node, text string) *yaml.Node {
	n.HeadComment = text
	return n
}

// LineComment sets the comment written at the end of n's line and returns n.
func LineComment(n *yaml.Node, text string) *yaml.Node {
	n.LineComment = text
	return n
}

// Write writes header (each line as a "# " comment) and the documents,
// separated by "---", with two-space indentation. The output depends only on
// the nodes.
func Write(w io.Writer, header []string, docs []*yaml.Node) error {
	var buf bytes.Buffer
	for _, l := range header {
		buf.WriteString(strings.TrimRight("# "+l, " ") + "\n")
	}
	for i, d := range docs {
		if i > 0 || len(header) > 0 {
			buf.WriteString("---\n")
		}
		var one bytes.Buffer
		enc := yaml.NewEncoder(&one)
		enc.SetIndent(2)
		if err := enc.Encode(d); err != nil {
			return fmt.Errorf("encode yaml: %w", err)
		}
		if err := enc.Close(); err != nil {
			return fmt.Errorf("encode yaml: %w", err)
		}
		buf.Write(one.Bytes())
	}
	_, err := w.Write(buf.Bytes())
	return err
}

// Clean makes s one line of printable text for a comment: control
// characters (line breaks, tabs, escapes) become spaces.
func Clean(s string) string {
	return strings.Map(func(r rune) rune {
		if r < 0x20 || r == 0x7f || r >= 0x80 && r < 0xa0 || r == '\u2028' || r == '\u2029' {
			return ' '
		}
		return r
	}, s)
}

// Quoted returns a string scalar written in double quotes: compose port
// mappings ("8243:8243") must never read as YAML 1.1 base-60 numbers.
func Quoted(s string) *yaml.Node {
	return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: s, Style: yaml.DoubleQuotedStyle}
}
