package props

import (
	"fmt"
	"strings"
	"unicode/utf16"
	"unicode/utf8"
)

// Pos is a place in the scanned file; Line and Col are 1-based (Col counts
// characters).
type Pos struct {
	Line, Col int
}

// Entry is one key = value logical line.
type Entry struct {
	Key      string // decoded
	Value    string // decoded
	KeyPos   Pos    // first character of the key
	ValuePos Pos    // first character of the value (where it would be, when empty)
	EndLine  int    // last physical line holding text of the logical line
}

// Comment is a comment line: its first non-blank character is '#' or '!'.
type Comment struct {
	Text string // after the '#' or '!'
	Pos  Pos    // the '#' or '!'
}

// File is a scanned .properties file, entries and comments each in file order.
// A key written twice appears once per occurrence (Java keeps the last).
type File struct {
	Entries  []Entry
	Comments []Comment
}

// Error is a file Java refuses to load: a malformed \uXXXX escape.
type Error struct {
	Line int
	Msg  string
}

func (e *Error) Error() string { return e.Msg }

// Scan reads data as Properties.load does. Java reads a byte stream as
// ISO-8859-1; text that is valid UTF-8 is taken as UTF-8 (the encoding of
// Properties.load(Reader) on a UTF-8 reader, and of every WSO2 file), anything
// else as ISO-8859-1.
func Scan(data []byte) (*File, error) {
	f := &File{}
	err := Walk(data, func(e Entry) { f.Entries = append(f.Entries, e) }, func(c Comment) { f.Comments = append(f.Comments, c) })
	if err != nil {
		return nil, err
	}
	return f, nil
}

// Walk reads data as Scan does and calls entry and comment for each in file
// order, keeping nothing: a caller that builds its own records needs no
// second copy of a large file's entries. It stops at the first error.
func Walk(data []byte, entry func(Entry), comment func(Comment)) error {
	text := string(data)
	if !utf8.Valid(data) {
		var b strings.Builder
		b.Grow(len(data) * 2)
		for _, c := range data {
			b.WriteRune(rune(c))
		}
		text = b.String()
	}
	r := lineReader{s: text}
	for {
		l, ok := r.next()
		if !ok {
			return nil
		}
		if l.comment {
			comment(Comment{Text: l.buf, Pos: l.pos(0)})
			continue
		}
		e, err := splitEntry(l)
		if err != nil {
			return err
		}
		entry(e)
	}
}

// logical is one logical line: a comment, or key and value text with
// continuations joined.
type logical struct {
	buf     string
	from    lineReader // the reader before the line's first physical line
	comment bool
	endLine int
}

// pos gives the position in the file of the byte at offset off of the
// logical line. It reads the physical lines again rather than keep a map of
// them: a logical line may be continued over millions of lines, and only a
// few positions are asked for.
func (l *logical) pos(off int) Pos {
	r := l.from
	raw, _ := r.physical()
	t := trimBlank(raw)
	line, col, base := r.line, len(raw)-len(t)+1, 0
	for !l.comment && endsInEscape(t) && off >= base+len(t)-1 {
		next, ok := r.physical()
		nt := trimBlank(next)
		if !ok || nt == "" {
			break
		}
		base += len(t) - 1
		t, line, col = nt, r.line, len(next)-len(nt)+1
	}
	n := min(max(off-base, 0), len(t))
	return Pos{Line: line, Col: col + utf8.RuneCountInString(t[:n])}
}

// lineReader splits text into logical lines as java.util.Properties.LineReader
// does.
type lineReader struct {
	s    string
	off  int // start of the next physical line
	line int // number of the last physical line read
}

// physical returns the next physical line without its terminator (\n, \r\n
// or \r).
func (r *lineReader) physical() (string, bool) {
	if r.off >= len(r.s) {
		return "", false
	}
	rest := r.s[r.off:]
	r.line++
	i := strings.IndexAny(rest, "\r\n")
	if i < 0 {
		r.off = len(r.s)
		return rest, true
	}
	r.off += i + 1
	if rest[i] == '\r' && i+1 < len(rest) && rest[i+1] == '\n' {
		r.off++
	}
	return rest[:i], true
}

func isBlank(c byte) bool { return c == ' ' || c == '\t' || c == '\f' }

func trimBlank(s string) string {
	i := 0
	for i < len(s) && isBlank(s[i]) {
		i++
	}
	return s[i:]
}

// endsInEscape reports whether s ends in an odd number of backslashes: the
// line continues.
func endsInEscape(s string) bool {
	n := 0
	for i := len(s) - 1; i >= 0 && s[i] == '\\'; i-- {
		n++
	}
	return n%2 == 1
}

// next returns the next comment or non-empty logical line.
func (r *lineReader) next() (logical, bool) {
	for {
		from := *r
		raw, ok := r.physical()
		if !ok {
			return logical{}, false
		}
		t := trimBlank(raw)
		if t == "" {
			continue
		}
		if t[0] == '#' || t[0] == '!' {
			return logical{buf: t[1:], from: from, comment: true, endLine: r.line}, true
		}
		l := logical{from: from, endLine: r.line}
		if !endsInEscape(t) {
			l.buf = t // no copy for the common single line
			return l, true
		}
		var b strings.Builder
		for endsInEscape(t) {
			b.WriteString(t[:len(t)-1])
			next, ok := r.physical()
			if !ok {
				t = ""
				break
			}
			nt := trimBlank(next)
			if nt == "" {
				t = "" // an empty line ends the logical line
				break
			}
			l.endLine = r.line
			t = nt
		}
		b.WriteString(t)
		l.buf = b.String()
		if l.buf == "" {
			continue // a lone backslash followed by an empty line
		}
		return l, true
	}
}

// splitEntry splits a logical line into key and value as Properties.load0 does.
func splitEntry(l logical) (Entry, error) {
	s := l.buf
	keyEnd, valStart := len(s), len(s)
	hasSep, escaped := false, false
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !escaped && (c == '=' || c == ':') {
			keyEnd, valStart, hasSep = i, i+1, true
			break
		}
		if !escaped && isBlank(c) {
			keyEnd, valStart = i, i+1
			break
		}
		escaped = c == '\\' && !escaped
	}
	for valStart < len(s) {
		c := s[valStart]
		if !isBlank(c) {
			if hasSep || (c != '=' && c != ':') {
				break
			}
			hasSep = true
		}
		valStart++
	}
	key, err := unescape(&l, 0, keyEnd)
	if err != nil {
		return Entry{}, err
	}
	value, err := unescape(&l, valStart, len(s))
	if err != nil {
		return Entry{}, err
	}
	return Entry{Key: key, Value: value, KeyPos: l.pos(0), ValuePos: l.pos(valStart), EndLine: l.endLine}, nil
}

// unescape decodes l.buf[from:to] as Properties.loadConvert does.
func unescape(l *logical, from, to int) (string, error) {
	s := l.buf[from:to]
	if !strings.Contains(s, `\`) {
		return s, nil
	}
	var units []uint16 // a \uXXXX run, to join surrogate pairs
	var b strings.Builder
	flush := func() {
		for _, r := range utf16.Decode(units) {
			b.WriteRune(r)
		}
		units = units[:0]
	}
	for i := 0; i < len(s); {
		if s[i] != '\\' || i+1 >= len(s) {
			flush()
			r, n := utf8.DecodeRuneInString(s[i:])
			b.WriteRune(r)
			i += n
			continue
		}
		c := s[i+1]
		if c == 'u' {
			if i+6 > len(s) || !isHex(s[i+2:i+6]) {
				bad := s[i:min(i+6, len(s))]
				return "", &Error{Line: l.pos(from + i).Line, Msg: fmt.Sprintf(`malformed \uxxxx encoding %q (Java refuses to load the file)`, bad)}
			}
			var u uint16
			for _, h := range []byte(s[i+2 : i+6]) {
				u = u<<4 | uint16(hexVal(h))
			}
			units = append(units, u)
			i += 6
			continue
		}
		flush()
		switch c {
		case 't':
			b.WriteByte('\t')
		case 'n':
			b.WriteByte('\n')
		case 'r':
			b.WriteByte('\r')
		case 'f':
			b.WriteByte('\f')
		default:
			r, n := utf8.DecodeRuneInString(s[i+1:])
			b.WriteRune(r)
			i += n - 1
		}
		i += 2
	}
	flush()
	return b.String(), nil
}

func isHex(s string) bool {
	for i := 0; i < len(s); i++ {
		if hexVal(s[i]) < 0 {
			return false
		}
	}
	return true
}

func hexVal(c byte) int {
	switch {
	case c >= '0' && c <= '9':
		return int(c - '0')
	case c >= 'a' && c <= 'f':
		return int(c-'a') + 10
	case c >= 'A' && c <= 'F':
		return int(c-'A') + 10
	}
	return -1
}
