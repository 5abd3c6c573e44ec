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
	if len(sh.parsed) == 0 || sh.kept == 0 || sh.kept > MaxSharedBytes {
		t.Fatalf("Shared kept %d bytes in %d places; want some, at most %d", sh.kept, len(sh.parsed), MaxSharedBytes)
	}
	axis2 := 0
	for k, ps := range sh.parsed {
		if strings.HasSuffix(k.rel, "axis2.xml") {
			axis2 += len(ps)
		}
	}
	if axis2 != 1 {
		t.Errorf("Shared kept axis2.xml, the same in every home, %d times; want once", axis2)
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

// TestSharedKeepsRepeatsOnly checks that a content met once is not kept,
// that one met twice is, and that the bound stops the keeping.
func TestSharedKeepsRepeatsOnly(t *testing.T) {
	sh := NewShared()
	doc := func(i int) []byte { return fmt.Appendf(nil, "<a n=%q><b/></a>", fmt.Sprint(i)) }
	if _, err := sh.parseXML("x.xml", doc(1)); err != nil {
		t.Fatal(err)
	}
	if len(sh.parsed) != 0 {
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
	sh.kept = MaxSharedBytes // full
	sh.parseXML("x.xml", doc(2))
	sh.parseXML("x.xml", doc(2))
	if n := len(sh.parsed[sharedKey{rel: "x.xml", hash: hashOf(sh, doc(2))}]); n != 0 {
		t.Errorf("a full Shared kept another content")
	}
	var none *Shared
	if f, err := none.parseXML("x.xml", doc(3)); err != nil || f.doc == nil {
		t.Errorf("a nil Shared: %v", err)
	}
}
