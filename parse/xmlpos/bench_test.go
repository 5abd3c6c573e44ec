package xmlpos

import (
	"path/filepath"
	"testing"

	"github.com/wso2lint/wso2lint/internal/testenv"
)

// benchFiles returns the XML files of the corpus API Manager 2.6.0 home (the
// home issue 15 measures), or of the repository's example home when the
// shared corpus is absent, with their total size.
func benchFiles(b *testing.B) ([][]byte, int64) {
	root := testenv.RepoRoot(b)
	dir := filepath.Join(root, "..", "shared", "corpus", "wso2am-2.6.0")
	if !dirExists(dir) {
		dir = filepath.Join(root, "testdata", "example", "wso2am-2.6.0")
	}
	var files [][]byte
	var size int64
	eachXMLFile(b, dir, func(_ string, data []byte) {
		files = append(files, data)
		size += int64(len(data))
	})
	if len(files) == 0 {
		b.Fatalf("no XML files under %s", dir)
	}
	return files, size
}

// BenchmarkParse measures Parse (scan, tree, positions) over every XML file of
// one home, then the element paths of every element (what the readers ask for
// the elements they report).
func BenchmarkParse(b *testing.B) {
	files, size := benchFiles(b)
	b.Run("parse", func(b *testing.B) {
		b.ReportAllocs()
		b.SetBytes(size)
		for b.Loop() {
			for _, data := range files {
				if _, err := Parse(data, Options{Marker: "wso2lint:ignore"}); err != nil {
					b.Fatal(err)
				}
			}
		}
	})
	b.Run("parse+paths", func(b *testing.B) {
		b.ReportAllocs()
		b.SetBytes(size)
		for b.Loop() {
			for _, data := range files {
				d, err := Parse(data, Options{Marker: "wso2lint:ignore"})
				if err != nil {
					b.Fatal(err)
				}
				for e := range d.Elements {
					if d.Path(e) == "" {
						b.Fatal("no path")
					}
				}
			}
		}
	})
}
