package script

import (
	"strings"
	"unicode/utf8"
)

// Pos is a place in a script. Line and Col are 1-based; Col counts runes.
type Pos struct {
	Line, Col int
}

// Less reports whether p comes before q in the script.
func (p Pos) Less(q Pos) bool {
	if p.Line != q.Line {
		return p.Line < q.Line
	}
	return p.Col < q.Col
}

// Option is one JVM option that a start script passes.
type Option struct {
	Text string // the option with shell quotes removed: "-DportOffset=2"
	Raw  string // the option as written: "-DportOffset=2\"" at the end of a JAVA_OPTS string
	Pos  Pos    // its first character
	// Statement names the statement the option is written in independently of
	// its line, for baselines: "sh: " and the statement's text with runs of
	// blanks folded to one space, cut to MaxStatement bytes. An option added
	// to another statement is then a new finding, and one moved to another
	// line is not.
	Statement string
	Context   Context // when it reaches the JVM
}

// ValuePos returns the position of the character at byte offset i of Text
// (options never span lines): the quotes of Raw are skipped, and a quote in
// front of that character too.
func (o Option) ValuePos(i int) Pos {
	p := o.Pos
	n, j := 0, 0
	for j < len(o.Raw) && n < i {
		if o.Raw[j] != '"' && o.Raw[j] != '\'' {
			n++
		}
		j++
	}
	for j < len(o.Raw) && (o.Raw[j] == '"' || o.Raw[j] == '\'') {
		j++
	}
	p.Col += utf8.RuneCountInString(o.Raw[:j])
	return p
}

// findOptions finds the JVM options (-D..., -X..., -agentlib:...) of one
// command text. at maps a byte offset of text to its position; it is called
// with increasing offsets. The options' Context is left unset.
func findOptions(text string, at func(i int) Pos) []Option {
	var out []Option
	statement := ""
	for i := 0; i < len(text); i++ {
		k := strings.IndexByte(text[i:], '-')
		if k < 0 {
			break
		}
		i += k
		if i > 0 && !strings.ContainsRune(" \t\"'=", rune(text[i-1])) {
			continue
		}
		j := i
		for j < len(text) && text[j] != ' ' && text[j] != '\t' {
			j++
		}
		word := text[i:j]
		if !strings.HasPrefix(word, "-D") && !strings.HasPrefix(word, "-X") && !strings.HasPrefix(word, "-agentlib:") {
			i = j
			continue
		}
		if statement == "" {
			statement = statementPath(text) // once per command: the text may be long
		}
		// Remove quotes: the shell does; a quote may also close a JAVA_OPTS string.
		out = append(out, Option{Text: dropQuotes(word), Raw: word, Pos: at(i), Statement: statement})
		i = j
	}
	return out
}

// dropQuotes returns word without its ' and " bytes.
func dropQuotes(word string) string {
	if !strings.ContainsAny(word, `"'`) {
		return word
	}
	b := make([]byte, 0, len(word))
	for i := 0; i < len(word); i++ {
		if c := word[i]; c != '"' && c != '\'' {
			b = append(b, c)
		}
	}
	return string(b)
}

// MaxStatement bounds the statement text kept in Option.Statement.
const MaxStatement = 200

// statementPath returns the Statement of an option written in text.
func statementPath(text string) string {
	// "sh: " + strings.Join(strings.Fields(text), " ") cut to MaxStatement
	// bytes, without the fields that the cut drops: one allocation.
	const prefix = "sh: "
	limit := len(prefix) + MaxStatement
	var b strings.Builder
	b.Grow(len(prefix) + min(len(text), MaxStatement))
	b.WriteString(prefix)
	cut := false // the joined fields are longer than MaxStatement
	for f := range strings.FieldsSeq(text) {
		if b.Len() >= limit {
			cut = true
			break
		}
		if b.Len() > len(prefix) {
			b.WriteByte(' ')
		}
		n := limit - b.Len()
		if len(f) > n {
			f, cut = f[:n], true
		}
		b.WriteString(f)
	}
	s := b.String()
	for cut && len(s) > len(prefix) && !utf8.ValidString(s[len(prefix):]) {
		s = s[:len(s)-1]
	}
	return s
}
