package script

import "strings"

// shEnvVar reports whether name is one of the variables a default start may well find set in the
// environment; tests on them stay unknown. Every other variable the script
// has not assigned yet is unset in a default start (the operator runs
// bin/wso2server.sh with no arguments and no JVM_MEM_OPTS, JAVA_OPTS, ...).
func shEnvVar(name string) bool {
	switch name {
	case "JAVA_HOME", "PATH", "HOME", "USER", "LOGNAME", "SHELL",
		"TERM", "LANG", "PWD", "OLDPWD", "TMPDIR", "HOSTNAME",
		"UID", "EUID", "PPID", "RANDOM", "SECONDS", "LINENO",
		"BASH_VERSION", "OSTYPE", "IFS", "TZ":
		return true
	}
	return false
}

// maxShValue bounds a word that expands a variable: a longer one is unknown.
// maxShExpand bounds the bytes that the expansions of one command add. Real
// start scripts stay far below both; without them A="$A$A" would double a
// value at every line, and a command of many $A would copy A for each.
const (
	maxShValue  = 1 << 12
	maxShExpand = 1 << 14
)

// maxShVars bounds the variables whose values shVars remembers.
const maxShVars = 4096

// shVars tracks what the shell variables hold in a default start, as far as
// the statements read so far tell: unset (empty), a known literal, or
// unknown.
type shVars struct {
	known   map[string]string // variables with a known value ("" when unset)
	unknown map[string]bool   // variables assigned a value the scan cannot know
	sourced bool              // a file was sourced: every variable not assigned since is unknown
	words   []shWord          // the scratch space of shWords
	buf     []byte            // the scratch space of shWordScanner
}

func newShVars() *shVars {
	return &shVars{known: map[string]string{}, unknown: map[string]bool{}}
}

// lookup returns the value of $name in a default start and whether it is
// known. The positional parameters are empty (no arguments), $# is 0.
func (v *shVars) lookup(name string) (string, bool) {
	switch {
	case name == "#":
		return "0", true
	case name == "*" || name == "@" || len(name) == 1 && name[0] >= '1' && name[0] <= '9':
		return "", true
	case !isName(name):
		return "", false // $?, $$, $!, $0, ...
	case v.unknown[name]:
		return "", false
	}
	if val, ok := v.known[name]; ok {
		return val, true
	}
	if v.sourced || shEnvVar(name) {
		return "", false
	}
	return "", true
}

// assign records name=value; known says whether the value is known and the
// assignment certainly runs in a default start.
func (v *shVars) assign(name, value string, known bool) {
	if !known || len(v.known) >= maxShVars {
		delete(v.known, name)
		if len(v.unknown) < maxShVars {
			v.unknown[name] = true
		} else {
			v.sourced = true // out of room: assume nothing
		}
		return
	}
	delete(v.unknown, name)
	v.known[name] = value
}

// source records that the script reads another file (. file, source file),
// which may set anything.
func (v *shVars) source() {
	clear(v.known)
	clear(v.unknown)
	v.sourced = true
}

// shWord is one word of a command, with its value after expansion and quote
// removal when the scan knows it.
type shWord struct {
	val     string
	known   bool
	literal bool // no expansion in it: an operator such as = or -z is only one written literally
	glob    bool // an unquoted glob character in it
}

// shWords splits a command text into words and expands them with vars. It
// returns false for text it cannot split (command substitution, an unclosed
// quote). The words are vars' scratch space: they stay valid until the next
// call.
func shWords(s string, vars *shVars) ([]shWord, bool) {
	out := vars.words[:0]
	defer func() { vars.words = out[:0] }()
	ws := shWordScanner{s: s, vars: vars}
	for {
		w, more, ok := ws.next()
		if !ok {
			return nil, false
		}
		if !more {
			return out, true
		}
		out = append(out, w)
	}
}

// shWordScanner splits a command text into words one at a time, as shWords
// does. A word's value is a substring of the text or a variable's value when
// it is one piece, and allocated only when it joins several.
type shWordScanner struct {
	s        string
	i        int // where the next word starts
	vars     *shVars
	expanded int // the bytes that expansions added to the words so far

	w      shWord // the word being read
	pieces int    // its pieces so far
	size   int    // its length so far
}

// next returns the next word; more is false after the last one. ok is false
// when the text cannot be split (command substitution, an unclosed quote):
// the scan ends there.
func (ws *shWordScanner) next() (w shWord, more, ok bool) {
	s := ws.s
	i := ws.i
	for i < len(s) && (s[i] == ' ' || s[i] == '\t') {
		i++
	}
	if i >= len(s) {
		ws.i = i
		return shWord{}, false, true
	}
	ws.w, ws.pieces, ws.size = shWord{known: true, literal: true}, 0, 0
	for i < len(s) {
		c := s[i]
		switch {
		case c == ' ' || c == '\t':
			ws.i = i
			return ws.word(), true, true
		case c == '`':
			return shWord{}, false, false
		case c == '\\':
			if i+1 < len(s) {
				ws.add(s[i+1 : i+2])
			}
			i += 2
		case c == '\'':
			end := strings.IndexByte(s[i+1:], '\'')
			if end < 0 {
				return shWord{}, false, false
			}
			ws.add(s[i+1 : i+1+end])
			i += end + 2
		case c == '"':
			i++
			for {
				if i >= len(s) {
					return shWord{}, false, false
				}
				d := s[i]
				if d == '"' {
					i++
					break
				}
				switch {
				case d == '`':
					return shWord{}, false, false
				case d == '\\' && i+1 < len(s) && strings.IndexByte("$`\"\\", s[i+1]) >= 0:
					ws.add(s[i+1 : i+2])
					i += 2
				case d == '$':
					if i, ok = ws.expand(i); !ok {
						return shWord{}, false, false
					}
				default:
					// A run of bytes that stand for themselves.
					j := i + 1
					for j < len(s) && !shDoubleSpecial(s[j]) {
						j++
					}
					ws.add(s[i:j])
					i = j
				}
			}
		case c == '$':
			if i, ok = ws.expand(i); !ok {
				return shWord{}, false, false
			}
		default:
			// A run of bytes that stand for themselves.
			j := i
			for j < len(s) && !shUnquotedSpecial(s[j]) {
				if b := s[j]; b == '*' || b == '?' || b == '[' {
					ws.w.glob = true
				}
				j++
			}
			ws.add(s[i:j])
			i = j
		}
	}
	ws.i = i
	return ws.word(), true, true
}

// add appends p to the word being read.
func (ws *shWordScanner) add(p string) {
	switch {
	case p == "":
		return
	case ws.pieces == 0:
		ws.w.val = p
	case ws.pieces == 1:
		ws.vars.buf = append(append(ws.vars.buf[:0], ws.w.val...), p...)
	default:
		ws.vars.buf = append(ws.vars.buf, p...)
	}
	ws.pieces++
	ws.size += len(p)
}

// word returns the word read.
func (ws *shWordScanner) word() shWord {
	if ws.pieces > 1 {
		ws.w.val = string(ws.vars.buf)
	}
	return ws.w
}

// expand reads a $ reference at s[i] (s[i] == '$') and returns the index
// after it.
func (ws *shWordScanner) expand(i int) (int, bool) {
	s := ws.s
	j := i + 1
	if j >= len(s) {
		ws.add("$")
		return j, true
	}
	var name string
	switch c := s[j]; {
	case c == '(':
		return 0, false
	case c == '{':
		end := strings.IndexByte(s[j:], '}')
		if end < 0 {
			return 0, false
		}
		name = s[j+1 : j+end]
		j += end + 1
		if !isName(name) && len(name) != 1 {
			ws.w.known = false // ${X:-y} and the like
			ws.w.literal = false
			return j, true
		}
	case isNameByte(c) && !(c >= '0' && c <= '9'):
		k := j
		for k < len(s) && isNameByte(s[k]) {
			k++
		}
		name, j = s[j:k], k
	default:
		name, j = s[j:j+1], j+1
	}
	ws.w.literal = false
	val, ok := ws.vars.lookup(name)
	if !ok || ws.size+len(val) > maxShValue || ws.expanded+len(val) > maxShExpand {
		ws.w.known = false
		return j, true
	}
	ws.add(val)
	ws.expanded += len(val)
	return j, true
}

// shDoubleSpecial reports whether c ends a run of literal bytes inside double
// quotes.
func shDoubleSpecial(c byte) bool {
	return c == '"' || c == '`' || c == '\\' || c == '$'
}

// shUnquotedSpecial reports whether c ends a run of literal bytes outside
// quotes.
func shUnquotedSpecial(c byte) bool {
	return c == ' ' || c == '\t' || c == '`' || c == '\\' || c == '\'' || c == '"' || c == '$'
}
