package parse

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/wso2lint/wso2lint/internal/testenv"
)

// corpusDir returns ../shared/corpus next to the repository root, skipping the
// test when it is absent outside CI.
func corpusDir(t testing.TB) string { return testenv.Corpus(t) }

// corpusHomes lists the home directories of the corpus.
func corpusHomes(t testing.TB) []string {
	c := corpusDir(t)
	entries, err := os.ReadDir(c)
	if err != nil {
		t.Fatal(err)
	}
	var homes []string
	for _, e := range entries {
		if e.IsDir() {
			homes = append(homes, filepath.Join(c, e.Name()))
		}
	}
	return homes
}

func TestCorpusHomesParse(t *testing.T) {
	for _, dir := range corpusHomes(t) {
		t.Run(filepath.Base(dir), func(t *testing.T) {
			h, err := Home(dir, Options{})
			if err != nil {
				t.Fatalf("Home: %v", err)
			}
			if len(h.Servers) == 0 {
				t.Fatalf("no servers")
			}
			if h.Product.Key == "" {
				t.Errorf("no product detected")
			}
		})
	}
}
