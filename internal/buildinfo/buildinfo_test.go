package buildinfo

import (
	"runtime"
	"runtime/debug"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestFromBuildInfo(t *testing.T) {
	vcs := []debug.BuildSetting{
		{Key: "-trimpath", Value: "true"},
		{Key: "vcs", Value: "git"},
		{Key: "vcs.revision", Value: "8ece8cf0a1b2c3d4e5f60718293a4b5c6d7e8f90"},
		{Key: "vcs.time", Value: "2026-12-07T10:11:12Z"},
		{Key: "vcs.modified", Value: "true"},
	}
	tests := []struct {
		name        string
		link        string
		bi          *debug.BuildInfo
		want        Info
		wantDetails string
	}{
		{"no build info", "", nil, Info{Version: DevVersion}, ""},
		{"go build in a checkout without VCS stamp", "",
			&debug.BuildInfo{GoVersion: "go1.26.8", Main: debug.Module{Path: "github.com/wso2lint/wso2lint", Version: "(devel)"}},
			Info{Version: DevVersion, GoVersion: "go1.26.8"}, "go1.26.8"},
		{"go install MODULE@VERSION", "",
			&debug.BuildInfo{GoVersion: "go1.26.8", Main: debug.Module{Path: "github.com/wso2lint/wso2lint", Version: "v1.2.3"}},
			Info{Version: "v1.2.3", GoVersion: "go1.26.8"}, "go1.26.8"},
		{"go build with VCS stamp", "",
			&debug.BuildInfo{GoVersion: "go1.26.8", Main: debug.Module{Version: "v0.0.0-20261207101112-8ece8cf0a1b2+dirty"}, Settings: vcs},
			Info{Version: "v0.0.0-20261207101112-8ece8cf0a1b2+dirty", Revision: "8ece8cf0a1b2c3d4e5f60718293a4b5c6d7e8f90", Time: "2026-12-07T10:11:12Z", Modified: true, GoVersion: "go1.26.8"},
			"commit 8ece8cf0a1b2c3d4e5f60718293a4b5c6d7e8f90 (2026-12-07T10:11:12Z, modified), go1.26.8"},
		{"-ldflags version wins", " v1.3.0 ",
			&debug.BuildInfo{GoVersion: "go1.26.8", Main: debug.Module{Version: "v1.2.3"}, Settings: vcs[:4]},
			Info{Version: "v1.3.0", Revision: "8ece8cf0a1b2c3d4e5f60718293a4b5c6d7e8f90", Time: "2026-12-07T10:11:12Z", GoVersion: "go1.26.8"},
			"commit 8ece8cf0a1b2c3d4e5f60718293a4b5c6d7e8f90 (2026-12-07T10:11:12Z), go1.26.8"},
		{"revision without time", "",
			&debug.BuildInfo{Settings: []debug.BuildSetting{{Key: "vcs.revision", Value: "abc"}}},
			Info{Version: DevVersion, Revision: "abc"}, "commit abc"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := FromBuildInfo(tc.link, tc.bi)
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("FromBuildInfo (-want +got):\n%s", diff)
			}
			if d := got.Details(); d != tc.wantDetails {
				t.Errorf("Details() = %q, want %q", d, tc.wantDetails)
			}
		})
	}
}

// TestReadRunningBinary reads the test binary's own build information: go
// test records the Go version and no module version.
func TestReadRunningBinary(t *testing.T) {
	got := Read("")
	if got.GoVersion != runtime.Version() {
		t.Errorf("GoVersion = %q, want %q", got.GoVersion, runtime.Version())
	}
	if got.Version != DevVersion {
		t.Errorf("Version = %q, want %q for a test binary", got.Version, DevVersion)
	}
	if got := Read("v9.9.9"); got.Version != "v9.9.9" {
		t.Errorf("Read(v9.9.9).Version = %q", got.Version)
	}
}
