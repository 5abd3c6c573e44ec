package parse

import (
	"strings"

	"github.com/wso2lint/wso2lint/internal/model"
)

// scanBat scans a Windows batch start script for always-on JVM options. REM and
// :: lines are comments (wso2lint:ignore ones are collected). A line starting
// with if or for, a parenthesised block opened by one, and a label section whose
// name mentions debug (the stock :commandDebug branch) run only sometimes and are
// skipped. ^ continues a line.
func scanBat(rel string, data []byte) *scriptScan {
	sc := &scriptScan{}
	lines := splitLines(data)
	var pending []int
	var blocks []bool // open ( blocks: true when conditional
	debugSection := false
	for i := 0; i < len(lines); i++ {
		first := i
		var text strings.Builder
		var marks []lineMark
		for {
			marks = append(marks, lineMark{off: text.Len(), line: i + 1, src: lines[i]})
			code := lines[i]
			cont := strings.HasSuffix(code, "^")
			if cont {
				code = code[:len(code)-1]
			}
			text.WriteString(code)
			if !cont || i+1 >= len(lines) {
				break
			}
			i++
		}
		logical := text.String()
		trimmed := strings.TrimLeft(logical, " \t@")
		lead := len(logical) - len(trimmed)
		if trimmed == "" {
			continue
		}
		if comment, ok := batComment(trimmed); ok {
			if ig, ok := parseIgnore(comment); ok {
				ig.Pos = markPos(rel, marks, lead)
				ig.FromLine, ig.ToLine = first+1, first+1
				sc.ignores = append(sc.ignores, ig)
				pending = append(pending, len(sc.ignores)-1)
			}
			continue
		}
		code := logical
		if j := strings.Index(asciiLower(logical), "& rem "); j >= 0 {
			code = logical[:j]
			if ig, ok := parseIgnore(logical[j+len("& rem "):]); ok {
				ig.Pos = markPos(rel, marks, j)
				ig.FromLine, ig.ToLine = first+1, i+1
				sc.ignores = append(sc.ignores, ig)
			}
		}
		for _, k := range pending {
			sc.ignores[k].ToLine = i + 1
		}
		pending = nil
		if strings.HasPrefix(trimmed, ":") {
			debugSection = strings.Contains(strings.ToLower(trimmed), "debug")
			continue
		}
		word := strings.ToLower(trimmed)
		if k := strings.IndexAny(word, " \t("); k >= 0 {
			word = word[:k]
		}
		conditional := word == "if" || word == "for" || word == "else" || word == ")" || strings.HasPrefix(word, ")")
		inBlock := false
		for _, b := range blocks {
			inBlock = inBlock || b
		}
		opens, closes := batParens(code)
		skip := debugSection || conditional || inBlock || word == "echo"
		if !skip {
			at := func(off int) model.Pos { return markPos(rel, marks, off) }
			sc.opts = append(sc.opts, scriptOptions(code, at)...)
		}
		for ; closes > 0 && len(blocks) > 0; closes-- {
			blocks = blocks[:len(blocks)-1]
		}
		for ; opens > 0; opens-- {
			blocks = append(blocks, conditional || inBlock)
		}
	}
	return sc
}

// batComment returns the text of a REM or :: comment line.
func batComment(s string) (string, bool) {
	if strings.HasPrefix(s, "::") {
		return s[2:], true
	}
	if len(s) >= 3 && strings.EqualFold(s[:3], "rem") && (len(s) == 3 || s[3] == ' ' || s[3] == '\t') {
		return s[3:], true
	}
	return "", false
}

// batParens counts the unquoted parentheses of a batch line, net of the ones
// that close on the same line.
func batParens(s string) (opens, closes int) {
	quoted := false
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == '"':
			quoted = !quoted
		case quoted:
		case c == '^':
			i++
		case c == '(':
			opens++
		case c == ')':
			if opens > 0 {
				opens--
			} else {
				closes++
			}
		}
	}
	return opens, closes
}
