package parse

import (
	"bytes"
	"hash/maphash"
	"slices"
	"sync"

	"github.com/beevik/etree"

	"github.com/wso2lint/wso2lint/internal/model"
	"github.com/wso2lint/wso2lint/parse/xmlpos"
)

// Shared lets the homes of one run share the XML files they have in common:
// a file whose content another home of the run has already had at the same
// place is not parsed again. Configuration repositories hold several homes
// of one product version (environments, hosts, nodes of a cluster) that
// differ in a few files; with 1000 copies of a home, parsing the same XML
// 1000 times was half the work of the run (issue 15 item 2).
//
// A file is parsed and kept the second time its content is met at its
// place (a content met once is only remembered by its hash), and only up to
// MaxSharedBytes of such content in all: a run over homes that share
// nothing keeps nothing. The parsed tree is read, never changed, by the
// product readers; each home gets an xmlFile of its own around it, and
// detach copies what a home keeps of its text.
//
// A Shared is safe for concurrent use. The zero value is not usable: use
// NewShared. A nil *Shared shares nothing.
type Shared struct {
	seed maphash.Seed
	mu   sync.Mutex
	// met holds the contents met once, by place and hash.
	met map[sharedKey]struct{}
	// parsed holds the contents met twice or more, parsed: several when
	// different contents of a place share a hash.
	parsed map[sharedKey][]*sharedXML
	// kept is the size of the contents in parsed.
	kept int64
}

// MaxSharedBytes bounds the XML text a Shared keeps parsed. The parsed tree
// of a file takes about five times its text.
const MaxSharedBytes = 2 << 20

// sharedKey is a file's place in its home and a hash of its content.
type sharedKey struct {
	rel  string
	hash uint64
}

// sharedXML is a parsed file kept by Shared: what parseXML gives for its
// content, less what belongs to one home.
type sharedXML struct {
	data    []byte
	doc     *etree.Document
	x       *xmlpos.Document
	ignores []model.Ignore
}

// NewShared returns an empty Shared.
func NewShared() *Shared {
	return &Shared{seed: maphash.MakeSeed(), met: map[sharedKey]struct{}{}, parsed: map[sharedKey][]*sharedXML{}}
}

// parseXML is parseXML through the shared files: data is the content of the
// home-relative file rel, handed over as to parseXML.
func (sh *Shared) parseXML(rel string, data []byte) (*xmlFile, error) {
	if sh == nil {
		return parseXML(rel, data)
	}
	k := sharedKey{rel: rel, hash: hashOf(sh, data)}
	sh.mu.Lock()
	for _, p := range sh.parsed[k] {
		if bytes.Equal(p.data, data) {
			sh.mu.Unlock()
			return &xmlFile{rel: rel, doc: p.doc, x: p.x, ignores: cloneIgnores(p.ignores)}, nil
		}
	}
	_, again := sh.met[k]
	if !again {
		sh.met[k] = struct{}{}
	}
	keep := again && sh.kept+int64(len(data)) <= MaxSharedBytes
	if keep {
		sh.kept += int64(len(data)) // reserved: a failed parse gives it back
	}
	sh.mu.Unlock()
	f, err := parseXML(rel, data)
	if !keep {
		return f, err
	}
	sh.mu.Lock()
	defer sh.mu.Unlock()
	if err != nil {
		sh.kept -= int64(len(data))
		return f, err
	}
	for _, p := range sh.parsed[k] {
		if bytes.Equal(p.data, data) {
			// Another home parsed and kept the same content meanwhile.
			sh.kept -= int64(len(data))
			return f, nil
		}
	}
	sh.parsed[k] = append(sh.parsed[k], &sharedXML{data: data, doc: f.doc, x: f.x, ignores: cloneIgnores(f.ignores)})
	return f, nil
}

// cloneIgnores copies ignores with slices of their own: a home's model owns
// what it holds, and detach rewrites it in place.
func cloneIgnores(ignores []model.Ignore) []model.Ignore {
	if ignores == nil {
		return nil
	}
	out := slices.Clone(ignores)
	for i := range out {
		out[i].Rules = slices.Clone(out[i].Rules)
	}
	return out
}

// hashOf is the hash sh files data under.
func hashOf(sh *Shared, data []byte) uint64 { return maphash.Bytes(sh.seed, data) }
