package manifest

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"

	"gopkg.in/yaml.v3"

	"github.com/wso2lint/wso2lint/internal/model"
	"github.com/wso2lint/wso2lint/internal/regfile"
)

// Limits of a read; a file beyond them is an input error.
const (
	// MaxFileSize is the largest manifest file read (8 MiB).
	MaxFileSize = 8 << 20
	// MaxDocuments is the most YAML documents one file may hold.
	MaxDocuments = 10000
	// MaxDepth is the deepest nesting of a YAML node (aliases included).
	MaxDepth = 100
	// MaxNodes is the most YAML nodes of one document, aliases expanded.
	MaxNodes = 1 << 20
	// MaxFiles is the most manifest files a directory walk reads.
	MaxFiles = 10000
)

// Read reads the manifest files and directories paths. A directory is
// searched (without following symbolic links to directories) for *.yaml,
// *.yml and *.json files, in lexical order. Positions name each file as
// found: the path given, or the directory given joined with the file's path
// in it, with slashes.
func Read(paths []string) (*model.Manifests, error) {
	var files []string
	for _, p := range paths {
		fi, err := os.Stat(p)
		if err != nil {
			return nil, fmt.Errorf("manifest %s: %w", p, cleanErr(err))
		}
		if !fi.IsDir() {
			files = append(files, p)
			continue
		}
		var found []string
		err = filepath.WalkDir(p, func(name string, d fs.DirEntry, err error) error {
			if err != nil {
				return fmt.Errorf("manifest %s: %w", name, cleanErr(err))
			}
			if d.IsDir() {
				if name != p && strings.HasPrefix(d.Name(), ".") {
					return filepath.SkipDir
				}
				return nil
			}
			switch strings.ToLower(filepath.Ext(name)) {
			case ".yaml", ".yml", ".json":
			default:
				return nil
			}
			if d.Type()&fs.ModeSymlink != 0 {
				if fi, err := os.Stat(name); err != nil || fi.IsDir() {
					return nil
				}
			}
			found = append(found, name)
			if len(found) > MaxFiles {
				return fmt.Errorf("manifest %s: more than %d manifest files", p, MaxFiles)
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
		sort.Strings(found)
		files = append(files, found...)
	}
	m := &model.Manifests{}
	for _, f := range files {
		data, err := regfile.ReadFile(f, MaxFileSize)
		if err != nil {
			return nil, fmt.Errorf("manifest %s: %w", f, cleanErr(err))
		}
		if err := Parse(m, filepath.ToSlash(f), data); err != nil {
			return nil, err
		}
	}
	return m, nil
}

func cleanErr(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// Parse adds the objects of one manifest file, named name in positions and
// errors, to m. Kubernetes objects (apiVersion and kind) and compose files
// (a services: mapping) are read; other documents are skipped. Malformed
// YAML is an error "name:line: message".
func Parse(m *model.Manifests, name string, data []byte) (err error) {
	defer func() {
		// gopkg.in/yaml.v3 is not known to panic on any input since v3.0.1;
		// should it, the input is still only an error.
		if r := recover(); r != nil {
			err = fmt.Errorf("%s: yaml: %v", name, r)
		}
	}()
	if bytes.IndexByte(data, 0) >= 0 {
		return fmt.Errorf("%s: binary data (a NUL byte), not YAML", name)
	}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	for n := 0; ; n++ {
		if n >= MaxDocuments {
			return fmt.Errorf("%s: more than %d YAML documents", name, MaxDocuments)
		}
		var doc yaml.Node
		if err := dec.Decode(&doc); err != nil {
			if errors.Is(err, io.EOF) {
				return nil
			}
			return yamlErr(name, data, err)
		}
		budget := MaxNodes
		if err := checkDepth(&doc, 0, &budget); err != nil {
			return fmt.Errorf("%s:%d: %v", name, doc.Line, err)
		}
		root := &doc
		if root.Kind == yaml.DocumentNode && len(root.Content) == 1 {
			root = root.Content[0]
		}
		if root.Kind != yaml.MappingNode {
			continue
		}
		r := &reader{file: name, m: m}
		r.document(root)
	}
}

var lineRE = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^yaml: line (\d+): (.*)$`) })

func yamlErr(name string, data []byte, err error) error {
	msg := strings.TrimPrefix(err.Error(), "yaml: ")
	line := ""
	if sm := lineRE().FindStringSubmatch(err.Error()); sm != nil {
		line, msg = ":"+sm[1], sm[2]
	}
	if bytes.Contains(data, []byte("{{")) {
		msg += " (an unrendered Helm template? give the output of helm template)"
	}
	return fmt.Errorf("%s%s: malformed YAML: %s", name, line, strings.ReplaceAll(msg, "\n", " "))
}

// checkDepth refuses documents nested deeper than MaxDepth, or larger than
// MaxNodes nodes once aliases are expanded (a "billion laughs" document).
func checkDepth(n *yaml.Node, depth int, budget *int) error {
	if depth > MaxDepth {
		return fmt.Errorf("YAML nested deeper than %d levels", MaxDepth)
	}
	if *budget--; *budget < 0 {
		return fmt.Errorf("YAML document of more than %d nodes with its aliases expanded", MaxNodes)
	}
	if n.Kind == yaml.AliasNode && n.Alias != nil {
		return checkDepth(n.Alias, depth+1, budget)
	}
	for _, c := range n.Content {
		if err := checkDepth(c, depth+1, budget); err != nil {
			return err
		}
	}
	return nil
}

// reader reads one document.
type reader struct {
	file string
	m    *model.Manifests
}

func (r *reader) pos(n *yaml.Node) model.Pos {
	if n == nil {
		return model.Pos{File: r.file}
	}
	return model.Pos{File: r.file, Line: n.Line, Col: n.Column}
}

// deref follows an alias node.
func deref(n *yaml.Node) *yaml.Node {
	for i := 0; n != nil && n.Kind == yaml.AliasNode && i < MaxDepth; i++ {
		n = n.Alias
	}
	return n
}

// get returns the value of key in mapping n, or nil; keyNode is its key.
func get(n *yaml.Node, key string) (val, keyNode *yaml.Node) {
	n = deref(n)
	if n == nil || n.Kind != yaml.MappingNode {
		return nil, nil
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		if k := deref(n.Content[i]); k.Kind == yaml.ScalarNode && k.Value == key {
			return deref(n.Content[i+1]), k
		}
	}
	return nil, nil
}

// at follows keys through nested mappings.
func at(n *yaml.Node, keys ...string) *yaml.Node {
	for _, k := range keys {
		n, _ = get(n, k)
	}
	return n
}

func str(n *yaml.Node) string {
	n = deref(n)
	if n == nil || n.Kind != yaml.ScalarNode {
		return ""
	}
	return n.Value
}

func items(n *yaml.Node) []*yaml.Node {
	n = deref(n)
	if n == nil || n.Kind != yaml.SequenceNode {
		return nil
	}
	out := make([]*yaml.Node, 0, len(n.Content))
	for _, c := range n.Content {
		out = append(out, deref(c))
	}
	return out
}

// kvs returns a mapping of scalars as sorted pairs.
func kvs(n *yaml.Node) []model.KV {
	n = deref(n)
	if n == nil || n.Kind != yaml.MappingNode {
		return nil
	}
	var out []model.KV
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := deref(n.Content[i]), deref(n.Content[i+1])
		if k.Kind == yaml.ScalarNode && v != nil && v.Kind == yaml.ScalarNode {
			out = append(out, model.KV{Key: k.Value, Value: v.Value})
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Key < out[j].Key })
	return out
}

// portNum parses a port scalar: a number from 1 to 65535.
func portNum(n *yaml.Node) (model.Port, bool) {
	s := strings.TrimSpace(str(n))
	p, err := strconv.Atoi(s)
	if err != nil || !model.Port(p).Valid() {
		return 0, false
	}
	return model.Port(p), true
}

func proto(s string) model.Protocol {
	if strings.EqualFold(s, "udp") {
		return model.ProtoUDP
	}
	if s == "" || strings.EqualFold(s, "tcp") {
		return model.ProtoTCP
	}
	return 0 // SCTP and others: unknown
}

func (r *reader) document(root *yaml.Node) {
	kind := str(at(root, "kind"))
	if kind != "" && str(at(root, "apiVersion")) != "" {
		r.kube(root)
		return
	}
	if svcs, _ := get(root, "services"); svcs != nil && svcs.Kind == yaml.MappingNode {
		r.compose(svcs)
	}
}
