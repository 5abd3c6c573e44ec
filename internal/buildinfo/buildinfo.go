package buildinfo

import (
	"runtime/debug"
	"strings"
)

// DevVersion is the version of a build that has none: no -ldflags version and
// no module version (go build or go test in a checkout, "(devel)").
const DevVersion = "0.1.0-dev"

// Info is what is known about the running binary's build.
type Info struct {
	// Version is the -ldflags version, else the module version, else DevVersion.
	Version string
	// Revision is the VCS revision the binary was built from ("" unknown).
	Revision string
	// Time is the commit time of Revision, RFC 3339 ("" unknown).
	Time string
	// Modified reports that the working tree had uncommitted changes.
	Modified bool
	// GoVersion is the Go toolchain that built the binary ("go1.26.8").
	GoVersion string
}

// Read returns the build information of the running binary; linkVersion is
// the version set with -ldflags ("" when none was set).
func Read(linkVersion string) Info {
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		bi = nil
	}
	return FromBuildInfo(linkVersion, bi)
}

// FromBuildInfo returns the build information in bi (nil when the binary
// carries none); linkVersion, when set, wins over the module version.
func FromBuildInfo(linkVersion string, bi *debug.BuildInfo) Info {
	info := Info{Version: strings.TrimSpace(linkVersion)}
	if bi != nil {
		info.GoVersion = bi.GoVersion
		if info.Version == "" && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
			info.Version = bi.Main.Version
		}
		for _, s := range bi.Settings {
			switch s.Key {
			case "vcs.revision":
				info.Revision = s.Value
			case "vcs.time":
				info.Time = s.Value
			case "vcs.modified":
				info.Modified = s.Value == "true"
			}
		}
	}
	if info.Version == "" {
		info.Version = DevVersion
	}
	return info
}

// Details returns what the version line says after the version, one line:
// "commit REV (TIME, modified), go1.26.8"; the parts not known are left out.
func (i Info) Details() string {
	var parts []string
	if i.Revision != "" {
		c := "commit " + i.Revision
		var about []string
		if i.Time != "" {
			about = append(about, i.Time)
		}
		if i.Modified {
			about = append(about, "modified")
		}
		if len(about) > 0 {
			c += " (" + strings.Join(about, ", ") + ")"
		}
		parts = append(parts, c)
	}
	if i.GoVersion != "" {
		parts = append(parts, i.GoVersion)
	}
	return strings.Join(parts, ", ")
}
