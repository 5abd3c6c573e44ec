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
// call. A word's value is a substring of s or a variable's value when it is
// one piece, and allocated only when it joins several.
func shWords(s string, vars *shVars) ([]shWord, bool) {
	out := vars.words[:0]
	defer func() { vars.words = out[:0] }()
	var scratch [64]byte
	buf := scratch[:0] // the value of a word of more than one piece
	pieces := 0        // the pieces of the word so far
	size := 0          // its length so far
	expanded := 0      // the bytes that expansions added to the words
	w := shWord{known: true, literal: true}
	inWord := false
	add := func(p string) {
		switch {
		case p == "":
			return
		case pieces == 0:
			w.val = p
		case pieces == 1:
			buf = append(append(buf[:0], w.val...), p...)
		default:
			buf = append(buf, p...)
		}
		pieces++
		size += len(p)
	}
	flush := func() {
		if inWord {
			if pieces > 1 {
				w.val = string(buf)
			}
			out = append(out, w)
		}
		w, inWord, pieces, size = shWord{known: true, literal: true}, false, 0, 0
	}
	// expand reads a $ reference at s[i] (s[i] == '$') and returns the index after it.
	expand := func(i int) (int, bool) {
		j := i + 1
		if j >= len(s) {
			add("$")
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
				w.known = false // ${X:-y} and the like
				w.literal = false
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
		w.literal = false
		val, ok := vars.lookup(name)
		if !ok || size+len(val) > maxShValue || expanded+len(val) > maxShExpand {
			w.known = false
			return j, true
		}
		add(val)
		expanded += len(val)
		return j, true
	}
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c == ' ' || c == '\t':
			flush()
			i++
		case c == '`':
			return nil, false
		case c == '\\':
			inWord = true
			if i+1 < len(s) {
				add(s[i+1 : i+2])
			}
			i += 2
		case c == '\'':
			inWord = true
			end := strings.IndexByte(s[i+1:], '\'')
			if end < 0 {
				return nil, false
			}
			add(s[i+1 : i+1+end])
			i += end + 2
		case c == '"':
			inWord = true
			i++
			for {
				if i >= len(s) {
					return nil, false
				}
				d := s[i]
				if d == '"' {
					i++
					break
				}
				switch {
				case d == '`':
					return nil, false
				case d == '\\' && i+1 < len(s) && strings.IndexByte("$`\"\\", s[i+1]) >= 0:
					add(s[i+1 : i+2])
					i += 2
				case d == '$':
					var ok bool
					if i, ok = expand(i); !ok {
						return nil, false
					}
				default:
					// A run of bytes that stand for themselves.
					j := i + 1
					for j < len(s) && !shDoubleSpecial(s[j]) {
						j++
					}
					add(s[i:j])
					i = j
				}
			}
		case c == '$':
			inWord = true
			var ok bool
			if i, ok = expand(i); !ok {
				return nil, false
			}
		default:
			inWord = true
			// A run of bytes that stand for themselves.
			j := i
			for j < len(s) && !shUnquotedSpecial(s[j]) {
				if b := s[j]; b == '*' || b == '?' || b == '[' {
					w.glob = true
				}
				j++
			}
			add(s[i:j])
			i = j
		}
	}
	flush()
	return out, true
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
