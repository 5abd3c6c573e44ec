package xmlpos

import (
	"strings"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestPath checks the element paths: local names, an index only where
// siblings share the local name (whatever their prefix), counted among those
// siblings alone.
func TestPath(t *testing.T) {
	d := mustParse(t, "<r><a/><b><c/></b><x:a/><b><c/><c/></b><d/></r>", Options{})
	var got []string
	for e := range d.Elements {
		got = append(got, d.Path(e))
	}
	want := []string{"/r", "/r/a[1]", "/r/b[1]", "/r/b[1]/c", "/r/a[2]", "/r/b[2]", "/r/b[2]/c[1]", "/r/b[2]/c[2]", "/r/d"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("paths (-want +got):\n%s", diff)
	}
}

// TestPathConcurrent asks for paths from several goroutines at once (the
// sibling indexes are worked out on the first request; go test -race checks
// that this is safe).
func TestPathConcurrent(t *testing.T) {
	d := mustParse(t, "<r>"+strings.Repeat("<a><b/><b/></a>\n", 50)+"</r>", Options{})
	var wg sync.WaitGroup
	for range 4 {
		wg.Go(func() {
			n := 0
			for e := range d.Elements {
				if strings.HasSuffix(d.Path(e), "/b[2]") {
					n++
				}
			}
			if n != 50 {
				t.Errorf("%d elements /r/a[i]/b[2], want 50", n)
			}
		})
	}
	wg.Wait()
}
