package lint_test

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"testing"

	"github.com/wso2lint/wso2lint/catalog"
	"github.com/wso2lint/wso2lint/internal/model"
	"github.com/wso2lint/wso2lint/lint"
	"github.com/wso2lint/wso2lint/parse"
)

// The benchmarks lint real parsed homes: copies of the repository's fixture
// homes, each with its own port offset and some listeners switched on or off,
// so that no two homes are alike (as scripts/bench.sh does for the binary).

var (
	benchOffsetRe     = regexp.MustCompile(`<Offset>\s*(\d+)\s*</Offset>`)
	benchRMIRe        = regexp.MustCompile(`<StartRMIServer>[^<]*</StartRMIServer>`)
	benchClusteringRe = regexp.MustCompile(`(<clustering\s[^>]*enable=")false(")`)
)

// benchRoot returns the repository root (the folder holding go.mod).
func benchRoot(b testing.TB) string {
	b.Helper()
	dir, err := os.Getwd()
	if err != nil {
		b.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			b.Fatal("repository root (go.mod) not found")
		}
		dir = parent
	}
}

// benchFixtures lists the fixture homes the copies are made from.
func benchFixtures(b testing.TB) []string {
	root := benchRoot(b)
	homes, err := filepath.Glob(filepath.Join(root, "testdata", "homes", "*"))
	if err != nil {
		b.Fatal(err)
	}
	out := []string{filepath.Join(root, "testdata", "example", "wso2am-2.6.0")}
	out = append(out, homes...)
	return append(out, filepath.Join(root, "testdata", "clean", "wso2am-2.6.0"))
}

// benchHomes writes n differing copies of the fixture homes under dir and
// reads them as cmd does (parse, then catalog).
func benchHomes(b *testing.B, n int) []*model.Home {
	b.Helper()
	fixtures := benchFixtures(b)
	tmp := b.TempDir()
	homes := make([]*model.Home, 0, n)
	for i := range n {
		src := fixtures[i%len(fixtures)]
		dst := filepath.Join(tmp, strconv.Itoa(i), filepath.Base(src))
		if err := os.CopyFS(dst, os.DirFS(src)); err != nil {
			b.Fatal(err)
		}
		err := filepath.WalkDir(dst, func(path string, d os.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			return benchEdit(path, i)
		})
		if err != nil {
			b.Fatal(err)
		}
		h, err := parse.Home(dst, parse.Options{})
		if err != nil {
			b.Fatal(err)
		}
		catalog.Resolve(h)
		homes = append(homes, h)
	}
	return homes
}

// benchEdit makes copy i of a fixture file differ: offset i added to the
// carbon.xml offset, JMX on for even i only, clustering on for every third.
func benchEdit(path string, i int) error {
	var edit func([]byte) []byte
	switch filepath.Base(path) {
	case "carbon.xml":
		edit = func(data []byte) []byte {
			return benchOffsetRe.ReplaceAllFunc(data, func(m []byte) []byte {
				v, _ := strconv.Atoi(string(benchOffsetRe.FindSubmatch(m)[1]))
				return fmt.Appendf(nil, "<Offset>%d</Offset>", v+i)
			})
		}
	case "jmx.xml":
		edit = func(data []byte) []byte {
			return benchRMIRe.ReplaceAll(data, fmt.Appendf(nil, "<StartRMIServer>%t</StartRMIServer>", i%2 == 0))
		}
	case "axis2.xml":
		if i%3 != 0 {
			return nil
		}
		edit = func(data []byte) []byte { return benchClusteringRe.ReplaceAll(data, []byte("${1}true$2")) }
	default:
		return nil
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	return os.WriteFile(path, edit(data), 0o644)
}

// benchOptions are the options cmd passes for a plain `wso2lint lint`.
func benchOptions() lint.Options {
	return lint.Options{DefaultPort: catalog.DefaultBase}
}

// BenchmarkRun lints 1, 100 and 1000 homes given together (one host): every
// rule, including the host-wide port collision rule.
func BenchmarkRun(b *testing.B) {
	for _, n := range []int{1, 100, 1000} {
		b.Run(fmt.Sprintf("homes=%d", n), func(b *testing.B) {
			homes := benchHomes(b, n)
			rules := lint.Rules()
			opt := benchOptions()
			b.ReportAllocs()
			for b.Loop() {
				if fs := lint.Run(homes, rules, opt); len(fs) == 0 {
					b.Fatal("no findings: the copies should at least collide")
				}
			}
		})
	}
}
