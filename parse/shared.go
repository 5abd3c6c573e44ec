package parse

import (
	"bytes"
	"hash/maphash"
	"slices"
	"sync"

	"github.com/wso2lint/wso2lint/internal/model"
	"github.com/wso2lint/wso2lint/parse/script"
)

// Shared lets the homes of one run share the files they have in common: an
// XML file, properties file, deployment.toml or start script whose content
// another home of the run has already had at the same place is not parsed
// again.
// Configuration repositories hold several homes of one product version
// (environments, hosts, nodes of a cluster) that differ in a few files; with
// 1000 copies of a home, parsing the same files 1000 times was most of the
// work of the run (issue 15 item 2).
//
// A file is parsed and kept the second time its content is met at its
// place (a content met once is only remembered by its hash), and only up to
// MaxSharedBytes of such content in all: a run over homes that share
// nothing keeps nothing. What is kept is only read by the product readers;
// each home gets its own copy of what it may change (the file's ignores,
// which detach rewrites in place), and detach copies what a home keeps of
// the text.
//
// A Shared is safe for concurrent use. The zero value is not usable: use
// NewShared. A nil *Shared shares nothing.
type Shared struct {
	seed maphash.Seed
	mu   sync.Mutex
	// met holds the contents met once, by kind, place and hash.
	met map[sharedKey]struct{}
	// kept holds the contents met twice or more, parsed: several when
	// different contents of a place share a hash.
	kept map[sharedKey][]sharedEntry
	// size is the size of the contents in kept.
	size int64
}

// MaxSharedBytes bounds the text a Shared keeps parsed. The parsed tree of
// an XML file takes about five times its text.
const MaxSharedBytes = 2 << 20

// sharedKind says what a kept content was parsed as.
type sharedKind uint8

const (
	sharedXML sharedKind = iota + 1
	sharedProps
	sharedSh
	sharedBat
	sharedToml
)

// sharedKey is what a content was parsed as, its place in its home and a
// hash of it.
type sharedKey struct {
	kind sharedKind
	rel  string
	hash uint64
}

// sharedEntry is a kept content and what it was parsed into.
type sharedEntry struct {
	data   []byte
	parsed any
}

// NewShared returns an empty Shared.
func NewShared() *Shared {
	return &Shared{seed: maphash.MakeSeed(), met: map[sharedKey]struct{}{}, kept: map[sharedKey][]sharedEntry{}}
}

// parseShared returns parse(), or, when sh kept what the same parse of the
// same content at the same place gave, own of that. own makes a home's copy
// of a kept value (and the value sh keeps of a fresh one): it copies what
// the home may change. data is handed over, as to the parsers.
func parseShared[T any](sh *Shared, kind sharedKind, rel string, data []byte, parse func() (T, error), own func(T) T) (T, error) {
	if sh == nil {
		return parse()
	}
	k := sharedKey{kind: kind, rel: rel, hash: maphash.Bytes(sh.seed, data)}
	sh.mu.Lock()
	if v, ok := sh.lookup(k, data); ok {
		sh.mu.Unlock()
		return own(v.(T)), nil
	}
	_, again := sh.met[k]
	if !again {
		sh.met[k] = struct{}{}
	}
	keep := again && sh.size+int64(len(data)) <= MaxSharedBytes
	if keep {
		sh.size += int64(len(data)) // reserved: a failed parse gives it back
	}
	sh.mu.Unlock()
	v, err := parse()
	if !keep {
		return v, err
	}
	sh.mu.Lock()
	defer sh.mu.Unlock()
	if _, ok := sh.lookup(k, data); ok || err != nil {
		// A failed parse, or another home kept the same content meanwhile.
		sh.size -= int64(len(data))
		return v, err
	}
	sh.kept[k] = append(sh.kept[k], sharedEntry{data: data, parsed: own(v)})
	return v, nil
}

// lookup returns what sh keeps for content data under k; sh.mu is held.
func (sh *Shared) lookup(k sharedKey, data []byte) (any, bool) {
	for _, e := range sh.kept[k] {
		if bytes.Equal(e.data, data) {
			return e.parsed, true
		}
	}
	return nil, false
}

// parseXML is parseXML through sh.
func (sh *Shared) parseXML(rel string, data []byte) (*xmlFile, error) {
	return parseShared(sh, sharedXML, rel, data, func() (*xmlFile, error) { return parseXML(rel, data) },
		func(f *xmlFile) *xmlFile {
			return &xmlFile{rel: f.rel, doc: f.doc, x: f.x, ignores: cloneIgnores(f.ignores)}
		})
}

// parseProps is parseProps through sh.
func (sh *Shared) parseProps(rel string, data []byte) (*propsFile, error) {
	return parseShared(sh, sharedProps, rel, data, func() (*propsFile, error) { return parseProps(rel, data) },
		func(f *propsFile) *propsFile {
			return &propsFile{rel: f.rel, entries: f.entries, last: f.last, ignores: cloneIgnores(f.ignores)}
		})
}

// parseToml is parseTomlEntries through sh; each home gets entries of its
// own (readToml resolves references in them in place).
func (sh *Shared) parseToml(rel string, data []byte) ([]tomlEntry, error) {
	return parseShared(sh, sharedToml, rel, data, func() ([]tomlEntry, error) { return parseTomlEntries(data) },
		slices.Clone[[]tomlEntry])
}

// scanScript is script.ScanSh (bat false) or script.ScanBat (bat true)
// through sh. The readers only read the scan.
func (sh *Shared) scanScript(rel string, data []byte, bat bool) *script.Script {
	kind, scan := sharedSh, script.ScanSh
	if bat {
		kind, scan = sharedBat, script.ScanBat
	}
	sc, _ := parseShared(sh, kind, rel, data, func() (*script.Script, error) { return scan(data), nil },
		func(sc *script.Script) *script.Script { return sc })
	return sc
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

// shared returns the Shared of the run s is read in, or nil.
func (s *server) shared() *Shared {
	if s.h == nil || s.h.opt == nil {
		return nil
	}
	return s.h.opt.Shared
}
