package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// corpus returns ../shared/corpus next to the repository root.
func corpus(t *testing.T) string {
	t.Helper()
	c := filepath.Join(repoRoot(t), "..", "shared", "corpus")
	if _, err := os.Stat(c); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("shared corpus missing at %s", c)
		}
		t.Skipf("shared corpus not found at %s", c)
	}
	return c
}

// TestCorpusTwoCopiesCollide gives two copies of the API Manager 2.6.0 home at
// the same offset: they collide, and the fix proposes offset 1.
func TestCorpusTwoCopiesCollide(t *testing.T) {
	src := filepath.Join(corpus(t), "wso2am-2.6.0")
	dir := t.TempDir()
	a, b := filepath.Join(dir, "wso2am-2.6.0"), filepath.Join(dir, "wso2am-2.6.0-b")
	copyTree(t, src, a)
	copyTree(t, src, b)
	var stdout, stderr bytes.Buffer
	code := run([]string{"wso2lint", "lint", "--format", "text", a, b}, &stdout, &stderr, noEnv)
	if code != exitFindings {
		t.Fatalf("exit %d, want 1; stderr %q", code, stderr.String())
	}
	out := stdout.String()
	for _, want := range []string{"servlet-https port 9443/tcp is also claimed", "set <Offset> to 1 in repository/conf/carbon.xml"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	// Alone, the home has no collision.
	stdout.Reset()
	run([]string{"wso2lint", "lint", "--format", "text", a}, &stdout, &stderr, noEnv)
	if strings.Contains(stdout.String(), "[WL101]") {
		t.Errorf("a single corpus home reports a collision:\n%s", stdout.String())
	}
}

// TestCorpusEveryHome runs ports and lint on every corpus home: no input errors.
func TestCorpusEveryHome(t *testing.T) {
	entries, err := os.ReadDir(corpus(t))
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if !e.IsDir() {
			continue
		}
		home := filepath.Join(corpus(t), e.Name())
		t.Run(e.Name(), func(t *testing.T) {
			for _, cmd := range [][]string{{"ports", "--format", "json", home}, {"lint", "--format", "json", home}} {
				var stdout, stderr bytes.Buffer
				code := run(append([]string{"wso2lint"}, cmd...), &stdout, &stderr, noEnv)
				if code == exitInput {
					t.Errorf("%s: exit 2: %s", cmd[0], stderr.String())
				}
			}
		})
	}
}
