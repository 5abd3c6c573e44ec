package parse

import (
	"path/filepath"
	"testing"

	"github.com/wso2lint/wso2lint/catalog"
	"github.com/wso2lint/wso2lint/internal/model"
)

// resolvedHome reads the home at dir and completes it with catalog.Resolve,
// the stage that merges the files over the distribution's defaults and
// applies the port offset once. Tests that assert end-to-end port numbers
// (offset applied) read homes through it; parse itself reports the ports as
// the files write them (TestParseReportsFilesOnly).
func resolvedHome(dir string, opt Options) (*model.Home, error) {
	h, err := Home(dir, opt)
	if err != nil {
		return nil, err
	}
	catalog.Resolve(h)
	return h, nil
}

// TestParseReportsFilesOnly: parse reports what the files of a home say. It
// applies no offset (catalog.Resolve does, once) and adds no listener of a
// distribution file the home lacks (catalog.Resolve decides what an absent
// file means). Overlays of the corpus homes lack many stock files; the
// offsets of several are not 0.
func TestParseReportsFilesOnly(t *testing.T) {
	for _, dir := range corpusHomes(t) {
		h, err := Home(dir, Options{Offset: intp(4)})
		if err != nil {
			t.Fatalf("%s: %v", dir, err)
		}
		for _, s := range h.Servers {
			if s.Offset.Value != 4 {
				t.Errorf("%s %s: offset %+v, want 4 decided by parse", filepath.Base(dir), s.Profile, s.Offset)
			}
			for _, l := range s.Listeners {
				if l.Offset != 0 {
					t.Errorf("%s %s: %s has offset %d applied by parse", filepath.Base(dir), s.Profile, l.ID, l.Offset)
				}
				if l.Origin != model.FromFile {
					t.Errorf("%s %s: %s has origin %v: parse made up a distribution listener", filepath.Base(dir), s.Profile, l.ID, l.Origin)
				}
			}
		}
	}
}
