package parse

import (
	"fmt"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/wso2lint/wso2lint/internal/model"
	"github.com/wso2lint/wso2lint/internal/testenv"
)

// sharedHomes makes n copies of the example home in a temporary directory,
// each axis2.xml with an inline ignore, and carbon.xml of copy i with offset
// i (so that one file differs in every home, as in a real repository).
func sharedHomes(t *testing.T, n int) []string {
	t.Helper()
	src := filepath.Join(repoRootB(t), "testdata", "example", "wso2am-2.6.0")
	var dirs []string
	for i := range n {
		dir := filepath.Join(t.TempDir(), "wso2am-2.6.0")
		testenv.CopyTree(t, src, dir)
		editFile(t, dir, "repository/conf/axis2/axis2.xml", func(s string) string {
			return strings.Replace(s, "<transportReceiver ", "<!-- wso2lint:ignore WL301 shared test -->\n<transportReceiver ", 1)
		})
		editFile(t, dir, "repository/conf/carbon.xml", func(s string) string {
			return strings.Replace(s, "<Offset>0</Offset>", fmt.Sprintf("<Offset>%d</Offset>", i+100), 1)
		})
		dirs = append(dirs, dir)
	}
	return dirs
}

// TestSharedSameModel checks that homes read through a Shared, concurrently
// and twice over (so that the files they have in common are parsed, kept and
// then taken from it), give the model each home gives alone, and that the
// models do not share what detach rewrites.
func TestSharedSameModel(t *testing.T) {
	dirs := sharedHomes(t, 4)
	want := make([]*model.Home, len(dirs))
	for i, dir := range dirs {
		h, err := Home(dir, Options{})
		if err != nil {
			t.Fatal(err)
		}
		want[i] = h
	}
	sh := NewShared()
	got := make([]*model.Home, 2*len(dirs))
	var wg sync.WaitGroup
	for i := range got {
		wg.Go(func() {
			h, err := Home(dirs[i%len(dirs)], Options{Shared: sh})
			if err != nil {
				t.Error(err)
				return
			}
			got[i] = h
		})
	}
	wg.Wait()
	if t.Failed() {
		return
	}
	for i, h := range got {
		if diff := cmp.Diff(want[i%len(dirs)], h); diff != "" {
			t.Fatalf("home %d read through Shared (-alone +shared):\n%s", i, diff)
		}
	}
	if len(sh.kept) == 0 || sh.size == 0 || sh.size > MaxSharedBytes {
		t.Fatalf("Shared kept %d bytes in %d places; want some, at most %d", sh.size, len(sh.kept), MaxSharedBytes)
	}
	// Every kind of file the example home has, the same in every home, is
	// kept once.
	for _, want := range []struct {
		kind sharedKind
		rel  string
	}{
		{sharedXML, "repository/conf/axis2/axis2.xml"},
		{sharedProps, "repository/conf/log4j.properties"},
		{sharedSh, "bin/wso2server.sh"},
	} {
		n := 0
		for k, es := range sh.kept {
			if k.kind == want.kind && k.rel == want.rel {
				n += len(es)
			}
		}
		if n != 1 {
			t.Errorf("Shared kept %s (kind %d) %d times; want once", want.rel, want.kind, n)
		}
	}
	// The models own their ignores: changing one home's leaves the others'.
	ig := func(h *model.Home) *model.Ignore {
		for ii := range h.Ignores {
			if ign := &h.Ignores[ii]; len(ign.Rules) > 0 {
				return ign
			}
		}
		t.Fatalf("%s: no inline ignore read", h.Dir)
		return nil
	}
	a, b := ig(got[len(dirs)]), ig(got[len(dirs)+1])
	a.Rules[0] = "changed"
	if b.Rules[0] != "WL301" {
		t.Errorf("another home's ignore reads %q after one home's was changed; want WL301", b.Rules[0])
	}
}

// TestSharedSameModelToml is TestSharedSameModel for homes of one
// deployment.toml with a $ref, which readToml resolves in the entries.
func TestSharedSameModelToml(t *testing.T) {
	src := filepath.Join(repoRootB(t), "testdata", "toml-only", "traffic-manager")
	var dirs []string
	for range 3 {
		dir := filepath.Join(t.TempDir(), "traffic-manager")
		testenv.CopyTree(t, src, dir)
		editFile(t, dir, "deployment.toml", func(s string) string {
			return strings.Replace(s, "[keystore.tls]", "[apim.throttling]\nservice_url = \"https://$ref{server.hostname}:9443/\"\n\n[keystore.tls]", 1)
		})
		dirs = append(dirs, dir)
	}
	sh := NewShared()
	for round := range 3 {
		var wg sync.WaitGroup
		got := make([]*model.Home, len(dirs))
		for i, dir := range dirs {
			wg.Go(func() {
				h, err := Home(dir, Options{Shared: sh})
				if err != nil {
					t.Error(err)
				}
				got[i] = h
			})
		}
		wg.Wait()
		if t.Failed() {
			return
		}
		for i, dir := range dirs {
			want, err := Home(dir, Options{})
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(want, got[i]); diff != "" {
				t.Fatalf("round %d, home %d read through Shared (-alone +shared):\n%s", round, i, diff)
			}
		}
	}
	if len(sh.kept) != 1 {
		t.Errorf("Shared kept %d contents; want the deployment.toml", len(sh.kept))
	}
}

// TestSharedKeepsRepeatsOnly checks that a content met once is not kept,
// that one met twice is, and that the bound stops the keeping.
func TestSharedKeepsRepeatsOnly(t *testing.T) {
	sh := NewShared()
	doc := func(i int) []byte { return fmt.Appendf(nil, "<a n=%q><b/></a>", fmt.Sprint(i)) }
	if _, err := sh.parseXML("x.xml", doc(1)); err != nil {
		t.Fatal(err)
	}
	if len(sh.kept) != 0 {
		t.Fatalf("a content met once was kept")
	}
	f1, err := sh.parseXML("x.xml", doc(1))
	if err != nil {
		t.Fatal(err)
	}
	f2, err := sh.parseXML("x.xml", doc(1))
	if err != nil {
		t.Fatal(err)
	}
	if f1.doc != f2.doc || f1 == f2 {
		t.Errorf("the third read of a content: tree %p, %p, file %p, %p; want the kept tree in a file of its own", f1.doc, f2.doc, f1, f2)
	}
	if other, err := sh.parseXML("y.xml", doc(1)); err != nil || other.doc == f1.doc {
		t.Errorf("the same content at another place shares the tree of the first (err %v)", err)
	}
	if _, err := sh.parseXML("x.xml", []byte("<a>")); err == nil {
		t.Fatal("malformed XML read without error")
	}
	if _, err := sh.parseXML("x.xml", []byte("<a>")); err == nil {
		t.Fatal("malformed XML read without error the second time")
	}
	if sh.size != int64(len(doc(1))) {
		t.Errorf("Shared holds %d bytes after keeping one content of %d and failing on another", sh.size, len(doc(1)))
	}
	sh.size = MaxSharedBytes // full
	sh.parseXML("x.xml", doc(2))
	sh.parseXML("x.xml", doc(2))
	if len(sh.kept) != 1 {
		t.Errorf("a full Shared kept another content: %d kept", len(sh.kept))
	}
	var none *Shared
	if f, err := none.parseXML("x.xml", doc(3)); err != nil || f.doc == nil {
		t.Errorf("a nil Shared: %v", err)
	}
}
