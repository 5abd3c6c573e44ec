package script

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/wso2lint/wso2lint/internal/testenv"
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

// BenchmarkScanSh measures ScanSh on real start scripts: every shell script
// of the shared corpus (bin/*.sh and the EI profiles' wso2/*/bin/*.sh, all in
// one iteration), the API Manager 2.6.0 one alone, and the repository's
// fixtures, which stand in when the corpus is absent.
func BenchmarkScanSh(b *testing.B) {
	root := testenv.RepoRoot(b)
	for _, f := range []struct{ name, path string }{
		{"example", filepath.Join(root, "testdata", "example", "wso2am-2.6.0", "bin", "wso2server.sh")},
		{"debug", filepath.Join(root, "parse", "testdata", "core", "wso2server-debug.sh")},
	} {
		b.Run("fixture/"+f.name, func(b *testing.B) {
			benchScanSh(b, readBenchFiles(b, []string{f.path}))
		})
	}
	b.Run("corpus/wso2am-2.6.0", func(b *testing.B) {
		benchScanSh(b, readBenchFiles(b, []string{filepath.Join(testenv.Corpus(b), "wso2am-2.6.0", "bin", "wso2server.sh")}))
	})
	b.Run("corpus/all", func(b *testing.B) {
		c := testenv.Corpus(b)
		var files []string
		for _, pat := range []string{"*/bin/*.sh", "*/wso2/*/bin/*.sh"} {
			m, err := filepath.Glob(filepath.Join(c, pat))
			if err != nil {
				b.Fatal(err)
			}
			files = append(files, m...)
		}
		if len(files) == 0 {
			b.Fatalf("no shell scripts in %s", c)
		}
		benchScanSh(b, readBenchFiles(b, files))
	})
}

// readBenchFiles reads files for a benchmark.
func readBenchFiles(b *testing.B, files []string) [][]byte {
	b.Helper()
	out := make([][]byte, 0, len(files))
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		out = append(out, data)
	}
	return out
}

// benchScanSh scans every script of scripts once per iteration; a first scan
// checks that each finds at least one option or comment.
func benchScanSh(b *testing.B, scripts [][]byte) {
	n := 0
	for _, s := range scripts {
		if sc := ScanSh(s); len(sc.Options)+len(sc.Comments) == 0 {
			b.Fatalf("a script of %d bytes gave neither options nor comments", len(s))
		}
		n += len(s)
	}
	b.SetBytes(int64(n))
	b.ReportAllocs()
	for b.Loop() {
		for _, s := range scripts {
			ScanSh(s)
		}
	}
}
