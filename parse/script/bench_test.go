package script

import (
	"fmt"
	"strings"
	"testing"
)

// longScripts are inputs of about n lines (or n options) of the shapes that
// once made a scan super-linear: many options in one command, a command
// continued over many lines, deeply nested if blocks, a variable that doubles
// at every line, a long && chain, and batch lines of the same kinds.
func longScripts(n int) []struct{ name, sh, bat string } {
	var doubling strings.Builder
	for range n {
		doubling.WriteString("A=\"$A -Dx$A\"\njava $A\n")
	}
	return []struct{ name, sh, bat string }{
		{"options", "java " + strings.Repeat("-Dx=1 ", n) + "Main\n", "java " + strings.Repeat("-Dx=1 ", n) + "Main\r\n"},
		{"continuations", "java \\\n" + strings.Repeat("  -Dx=é \\\n", n) + "Main\n", "java ^\r\n" + strings.Repeat("  -Dx=é ^\r\n", n) + "Main\r\n"},
		{"nesting", strings.Repeat("if [ -z \"$A\" ]\nthen\njava -Dx=1\n", n), strings.Repeat("if defined A (\r\njava -Dx=1\r\n", n)},
		{"doubling", doubling.String(), strings.ReplaceAll(doubling.String(), "$A", "%A%")},
		{"chain", strings.Repeat("[ -z \"$X\" ] && ", n) + "java -Dx=1\n", strings.Repeat("if \"%X%\"==\"\" ", n) + "java -Dx=1\r\n"},
	}
}

func BenchmarkScan(b *testing.B) {
	for _, n := range []int{2000, 8000} {
		for _, s := range longScripts(n) {
			b.Run(fmt.Sprintf("sh/%s/%d", s.name, n), func(b *testing.B) {
				b.SetBytes(int64(len(s.sh)))
				for b.Loop() {
					ScanSh([]byte(s.sh))
				}
			})
			b.Run(fmt.Sprintf("bat/%s/%d", s.name, n), func(b *testing.B) {
				b.SetBytes(int64(len(s.bat)))
				for b.Loop() {
					ScanBat([]byte(s.bat))
				}
			})
		}
	}
}
