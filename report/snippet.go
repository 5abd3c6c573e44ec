package report

import (
	"bufio"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/wso2lint/wso2lint/internal/model"
)

// maxSnippet is how many characters of a source line a snippet shows at most
// when the width is not known; a longer line (minified XML) is cut around the
// column.
const maxSnippet = 120

// snippetGutter is the width of the gutter before a snippet's source line
// ("   80 | ").
const snippetGutter = 8

// wrapText breaks s at spaces so that no line is wider than width (counted in
// runes, ANSI escapes not counted), indenting the continuation lines; a word
// wider than the width stays whole. It returns the lines, each ending in a
// newline.
func wrapText(s string, width int, indent string) string {
	var b strings.Builder
	col := 0
	for i, word := range strings.Split(s, " ") {
		w := visibleLen(word)
		if i > 0 {
			if col+1+w > width && col > len(indent) {
				b.WriteString("\n" + indent)
				col = len(indent)
			} else {
				b.WriteByte(' ')
				col++
			}
		}
		b.WriteString(word)
		col += w
	}
	b.WriteByte('\n')
	return b.String()
}

// visibleLen is the number of runes of s outside ANSI escape sequences.
func visibleLen(s string) int {
	n := 0
	for i := 0; i < len(s); {
		if s[i] == 0x1b {
			j := strings.IndexByte(s[i:], 'm')
			if j < 0 {
				break
			}
			i += j + 1
			continue
		}
		_, size := utf8.DecodeRuneInString(s[i:])
		i += size
		n++
	}
	return n
}

// writeSnippet writes the finding's source line with its line number in a
// gutter, and a caret under its column:
//
//	80 |     <Connector port="9443"
//	   |                ^
//
// Columns count bytes from 1, as every position wso2lint reports does (and as
// the Go compiler's do). The caret line repeats each tab of the source before
// the column, so that it lines up whatever the tab width, and puts one space
// for every other character (a multi-byte character is one). Nothing is
// written when the line is unknown.
func writeSnippet(b *bufio.Writer, f model.Finding, opt Options) {
	path := filePath(f)
	if opt.Source == nil || f.Pos.Line <= 0 || path == "" {
		return
	}
	line, ok := opt.Source(path, f.Pos.Line)
	if !ok {
		return
	}
	line = strings.TrimRight(line, "\r\n")
	col := f.Pos.Col // 1-based byte column; 0 unknown
	if col > len(line)+1 {
		col = 0
	}
	// Keep to whole runes: the column of a byte inside a multi-byte
	// character points at that character.
	for col > 1 && col <= len(line) && !utf8.RuneStart(line[col-1]) {
		col--
	}
	before, after := "", line
	if col > 0 {
		before, after = line[:col-1], line[col-1:]
	}
	// Cut a long line around the column, to the width of the terminal
	// less the gutter.
	budget := maxSnippet
	if opt.Width > 0 {
		budget = max(20, opt.Width-snippetGutter)
	}
	if n := utf8.RuneCountInString(before); n > budget/2 {
		before = "…" + string([]rune(before)[n-budget/2+1:])
	}
	rest := budget - utf8.RuneCountInString(before)
	if n := utf8.RuneCountInString(after); n > rest {
		after = string([]rune(after)[:rest-1]) + "…"
	}
	num := strconv.Itoa(f.Pos.Line)
	gutter := strings.Repeat(" ", max(0, snippetGutter-3-len(num)))
	pad := strings.Repeat(" ", len(gutter)+len(num))
	dim := func(s string) string {
		if opt.Color {
			return ansiDim + s + ansiReset
		}
		return s
	}
	b.WriteString(dim(gutter+num+" | ") + escapeSnippet(before) + escapeSnippet(after) + "\n")
	if col > 0 {
		var caret strings.Builder
		for _, r := range escapeSnippet(before) {
			if r == '\t' {
				caret.WriteByte('\t')
			} else {
				caret.WriteByte(' ')
			}
		}
		c := "^"
		if opt.Color {
			c = severityColor(f.Severity) + c + ansiReset
		}
		b.WriteString(dim(pad+" | ") + caret.String() + c + "\n")
	}
}

// escapeSnippet is escapeControl that keeps tabs.
func escapeSnippet(s string) string {
	parts := strings.Split(s, "\t")
	for i, p := range parts {
		parts[i] = escapeControl(p)
	}
	return strings.Join(parts, "\t")
}
