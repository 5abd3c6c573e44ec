package parse

import (
	"bytes"
	"strings"
	"unicode/utf8"

	"github.com/wso2lint/wso2lint/internal/model"
)

// scanSh scans a POSIX shell start script for always-on JVM options. It joins
// backslash continuations, drops # comments (collecting wso2lint:ignore ones),
// and tracks if/case nesting: a command inside an if or case block, or joined by
// && or ||, runs only sometimes and is skipped. while/for loops are not
// conditions (the java command line runs in one).
func scanSh(rel string, data []byte) *scriptScan {
	sc := &scriptScan{}
	lines := splitLines(data)
	var pending []int
	depth := 0
	for i := 0; i < len(lines); i++ {
		first := i
		var text strings.Builder
		var marks []lineMark // where each physical line starts in text
		for {
			code, comment, commentCol := shSplitComment(lines[i])
			if ig, ok := parseIgnore(comment); ok {
				ig.Pos = model.Pos{File: rel, Line: i + 1, Col: commentCol}
				ig.FromLine, ig.ToLine = i+1, i+1
				sc.ignores = append(sc.ignores, ig)
				if strings.TrimSpace(code) == "" && i == first {
					pending = append(pending, len(sc.ignores)-1)
				}
			}
			marks = append(marks, lineMark{off: text.Len(), line: i + 1, src: lines[i]})
			cont := strings.HasSuffix(code, `\`) && !strings.HasSuffix(code, `\\`)
			if cont {
				code = code[:len(code)-1]
			}
			text.WriteString(code)
			text.WriteByte(' ')
			if !cont || i+1 >= len(lines) {
				break
			}
			i++
		}
		logical := text.String()
		if strings.TrimSpace(logical) == "" {
			continue
		}
		for _, k := range pending {
			sc.ignores[k].ToLine = i + 1
		}
		pending = nil
		at := func(off int) model.Pos { return markPos(rel, marks, off) }
		for _, seg := range shSegments(logical) {
			cmd, word := shCommand(seg.text)
			switch word {
			case "if", "case":
				depth++
			case "fi", "esac":
				if depth > 0 {
					depth--
				}
				continue
			}
			if depth > 0 || seg.chained || word == "echo" || word == "printf" {
				continue
			}
			sc.opts = append(sc.opts, scriptOptions(cmd.text, func(j int) model.Pos { return at(seg.off + cmd.off + j) })...)
		}
	}
	return sc
}

// lineMark maps a byte offset of a joined logical line to its physical line.
type lineMark struct {
	off  int
	line int
	src  string
}

func markPos(rel string, marks []lineMark, off int) model.Pos {
	m := marks[0]
	for _, x := range marks {
		if x.off <= off {
			m = x
		}
	}
	k := off - m.off
	if k > len(m.src) {
		k = len(m.src)
	}
	return model.Pos{File: rel, Line: m.line, Col: utf8.RuneCountInString(m.src[:k]) + 1}
}

// splitLines splits data into lines without their \n or \r\n.
func splitLines(data []byte) []string {
	raw := bytes.Split(data, []byte("\n"))
	out := make([]string, len(raw))
	for i, l := range raw {
		out[i] = strings.TrimSuffix(string(l), "\r")
	}
	return out
}

// shSplitComment splits a shell line into code and the text of a # comment (a #
// that starts a word outside quotes). commentCol is the 1-based column of the #.
func shSplitComment(line string) (code, comment string, commentCol int) {
	i := shWalk(line, func(i int) int {
		if line[i] == '#' && (i == 0 || line[i-1] == ' ' || line[i-1] == '\t' || line[i-1] == ';') {
			return shStop
		}
		return 0
	})
	if i < 0 {
		return line, "", 0
	}
	return line[:i], line[i+1:], utf8.RuneCountInString(line[:i]) + 1
}

// shStop ends a shWalk.
const shStop = -1

// shWalk calls visit with the index of every byte of s that stands outside
// quotes and is not escaped by a backslash. visit returns how many of the
// following bytes to skip, or shStop to end the walk; shWalk returns the index
// it stopped at, or -1 when it reached the end.
func shWalk(s string, visit func(i int) int) int {
	var quote byte
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case quote != 0:
			if c == quote {
				quote = 0
			} else if c == '\\' && quote == '"' {
				i++
			}
		case c == '\\':
			i++
		case c == '"' || c == '\'' || c == '`':
			quote = c
		default:
			n := visit(i)
			if n == shStop {
				return i
			}
			i += n
		}
	}
	return -1
}

// shSegment is one command of a logical line.
type shSegment struct {
	text    string
	off     int  // byte offset in the logical line
	chained bool // joined to another command by && or || (runs conditionally)
}

// shSegments splits a logical line at ;, &&, || and | outside quotes.
func shSegments(s string) []shSegment {
	var out []shSegment
	start := 0
	chained := strings.Contains(s, "&&") || strings.Contains(s, "||")
	if chained {
		// Only commands joined by && or || are conditional; mark every segment
		// of such a line, which is how one-liners like [ -n "$X" ] && ... are written.
		chained = shHasOperator(s)
	}
	isOp := func(c byte) bool { return c == ';' || c == '|' || c == '&' }
	shWalk(s, func(i int) int {
		if !isOp(s[i]) {
			return 0
		}
		out = append(out, shSegment{text: s[start:i], off: start, chained: chained})
		n := 0
		for i+n+1 < len(s) && isOp(s[i+n+1]) {
			n++
		}
		start = i + n + 1
		return n
	})
	return append(out, shSegment{text: s[start:], off: start, chained: chained})
}

// shHasOperator reports whether s holds && or || outside quotes.
func shHasOperator(s string) bool {
	return shWalk(s, func(i int) int {
		if c := s[i]; (c == '&' || c == '|') && i+1 < len(s) && s[i+1] == c {
			return shStop
		}
		return 0
	}) >= 0
}

// shCommandText is the command part of a segment after leading keywords.
type shCommandText struct {
	text string
	off  int
}

// shCommand strips the leading keywords (then, else, do, {, ( and the like)
// of a segment and returns the rest and its first word: "if", "fi", "case",
// "echo", "JAVA_OPTS=...", ...
func shCommand(seg string) (shCommandText, string) {
	off := 0
	for {
		rest := seg[off:]
		trimmed := strings.TrimLeft(rest, " \t")
		off += len(rest) - len(trimmed)
		word := trimmed
		if i := strings.IndexAny(trimmed, " \t"); i >= 0 {
			word = trimmed[:i]
		}
		switch word {
		case "then", "else", "do", "{", "(", "!", "elif", "while", "until", "export", "exec", "eval":
			if word == "elif" || word == "while" || word == "until" {
				// The condition of elif/while is a test, not a command line to read.
				return shCommandText{text: "", off: off}, word
			}
			off += len(word)
			continue
		}
		return shCommandText{text: seg[off:], off: off}, word
	}
}
