package model

import "sort"

// Product identifies a WSO2 distribution: a key of the product table
// (internal/product), KeyCarbon when unknown, and the version.
type Product struct {
	Key     ProductKey
	Version string // "2.6.0"; empty when unknown
}

// Offset origins, strongest last: a command-line offset beats the start script,
// which beats carbon.xml (or deployment.toml), which beats the product default.
const (
	OriginDefault = "default"
	OriginCarbon  = "carbon.xml"
	OriginToml    = "deployment.toml"
	OriginYAML    = "deployment.yaml"
	// OriginCarbonYML is the ports offset of a Carbon 5 carbon.yml (the EI
	// MSF4J profile).
	OriginCarbonYML = "carbon.yml"
	OriginScript    = "start script"
	OriginFlag      = "--offset"
	// OriginConfig is an offset set in the project config (.wso2lint.yaml
	// offset:), applied as --offset is.
	OriginConfig = "project config"
)

// MaxOffset is the largest port offset accepted.
const MaxOffset = 65535

// ValidOffset reports whether n is a port offset a server can be given
// (0..MaxOffset). Every reader of an offset (the files, --offset, the
// project config) checks it here.
func ValidOffset(n int) bool { return n >= 0 && n <= MaxOffset }

// Offset is the port offset of a server and where it came from.
type Offset struct {
	Value  int
	Origin string // one of the Origin constants
	Pos    Pos    // zero for OriginDefault and OriginFlag
}

// Origins of a start profile (Server.StartProfile).
const (
	// ProfileOriginScript is a -Dprofile option of the start script.
	ProfileOriginScript = "start script"
	// ProfileOriginFlag is --profile on the command line.
	ProfileOriginFlag = "--profile"
)

// StartProfile is the profile a server is started with (-Dprofile=NAME:
// API Manager's gateway-worker, control-plane, ...) and where it came from.
// The zero value means none: the server starts on its default profile.
type StartProfile struct {
	// Name is the profile name as given ("gateway-worker").
	Name string
	// Origin is ProfileOriginScript or ProfileOriginFlag.
	Origin string
	// Pos is the script option; zero for the flag.
	Pos Pos
}

// OffsetSource is one place that sets the port offset of a server: a
// carbon.xml <Offset>, a -DportOffset option of the start script, a
// deployment.toml [server] offset, the ports offset of a deployment.yaml or
// carbon.yml. Parse records each as it reads the file; Server.Offset is the
// one that won (or the command line's, or the default).
type OffsetSource struct {
	Origin string // one of the Origin constants
	// Text is the value as written; for the start script the whole option
	// ("-DportOffset=2").
	Text string
	// Value is the offset when Known.
	Value int
	// Known is false when the value is a variable known only at run time
	// ("-DportOffset=$OFFSET", "$env{OFFSET}").
	Known bool
	// Pos is the value.
	Pos Pos
}

// Setting is one configuration fact that lint rules look at: a value and where it
// was written. Keys are listed in settings.go; a key may appear more than once
// (one per connector, say).
type Setting struct {
	Key   string
	Value string
	Pos   Pos
}

// Ref is a ${...} (or $env{...}, $sys{...}) reference that could not be resolved
// statically.
type Ref struct {
	Expr string // as written, "${Ports.Foo}"
	Pos  Pos
	// Listener is the listener a ${Ports.X} placeholder gives its port to,
	// as the file configures it (Base 0); nil for any other reference. When
	// the home has no carbon.xml, catalog.Resolve may resolve it against the
	// distribution's carbon.xml <Ports> (an overlay).
	Listener *Listener
}

// Server is one running server of a home: a plain product has one, an Enterprise
// Integrator home has one per profile.
type Server struct {
	// Profile is "default" for single-server products; EI: "integrator", "broker",
	// "business-process", "micro-integrator", "msf4j", "analytics-worker", ...
	Profile string
	// ConfDir is the home-relative configuration directory: "repository/conf",
	// "conf", "wso2/broker/conf".
	ConfDir string
	// Offset is the effective port offset: the source that won.
	Offset Offset
	// Offsets lists every offset the files of the server set, in the order
	// read (carbon.xml, the start scripts, the product files,
	// deployment.toml). Offset says which one won.
	Offsets []OffsetSource
	// Listeners is sorted with LessListener.
	Listeners []Listener
	// Settings is sorted by key, then position.
	Settings []Setting
	// Unresolved lists references that did not resolve, in file order.
	Unresolved []Ref
	// Toml holds the deployment.toml facts of a server configured by one;
	// nil for every other server.
	Toml *TomlFacts
	// Runtime lists the deployment.toml values given through $env{} or
	// $sys{}, in file order.
	Runtime []RuntimeRef
	// StartProfile is the -Dprofile the server starts with: --profile beats
	// the start script's first -Dprofile. Parse sets it once.
	StartProfile StartProfile
	// Removed lists, for a server of a full home (LayoutFull), the
	// distribution's port-opening files the home does not have, sorted by
	// File. catalog.Resolve sets it; nil for overlays.
	Removed []RemovedFile
}

// Setting returns the first setting with the key.
func (s *Server) Setting(key string) (Setting, bool) {
	i := sort.Search(len(s.Settings), func(i int) bool { return s.Settings[i].Key >= key })
	if i < len(s.Settings) && s.Settings[i].Key == key {
		return s.Settings[i], true
	}
	return Setting{}, false
}

// SettingsOf returns every setting with the key, in position order.
func (s *Server) SettingsOf(key string) []Setting {
	i := sort.Search(len(s.Settings), func(i int) bool { return s.Settings[i].Key >= key })
	j := i
	for j < len(s.Settings) && s.Settings[j].Key == key {
		j++
	}
	return s.Settings[i:j]
}

// Sort puts Listeners and Settings in their canonical order.
func (s *Server) Sort() {
	sort.SliceStable(s.Listeners, func(i, j int) bool { return LessListener(s.Listeners[i], s.Listeners[j]) })
	sort.SliceStable(s.Settings, func(i, j int) bool {
		a, b := s.Settings[i], s.Settings[j]
		if a.Key != b.Key {
			return a.Key < b.Key
		}
		return a.Pos.Less(b.Pos)
	})
}

// Ignore is an inline suppression comment ("wso2lint:ignore WL101 reason") and the
// lines it covers.
type Ignore struct {
	Rules  []string // rule IDs (or names) it names
	Reason string   // text after the IDs; empty is itself reported
	Pos    Pos      // the comment
	// FromLine and ToLine are the covered lines of Pos.File (inclusive).
	FromLine, ToLine int
	// Path is the configuration location covered (element path or key), if known.
	Path string
}

// Covers reports whether the suppression covers position p.
func (ig Ignore) Covers(p Pos) bool {
	return p.File == ig.Pos.File && p.Line >= ig.FromLine && p.Line <= ig.ToLine
}

// Home is one product home (or a configuration repository laid out like one).
type Home struct {
	// Dir is the home path as given on the command line.
	Dir string
	// Product is the detected (or overridden) product.
	Product Product
	// ProductGuess is set when Product was guessed from deployment.toml;
	// nil when the product is stated or certain.
	ProductGuess *ProductGuess
	// Servers is in a stable order: the main server first, then profiles by name.
	Servers []Server
	// Ignores lists inline suppressions, in file order.
	Ignores []Ignore
	// Files lists the home-relative files that were read, sorted.
	Files []string
	// Layout says whether a file absent from the home is the distribution's
	// (an overlay) or was removed (a full home). Parse decides it once
	// (parse.LayoutOf).
	Layout Layout
}

// Layout is what an absent configuration file means in a home (DOMAIN.md §9).
type Layout uint8

const (
	// LayoutOverlay is a configuration repository, image volume or ConfigMap
	// holding only the files the team changed: the distribution supplies
	// every absent file at run time, with its stock content.
	LayoutOverlay Layout = iota
	// LayoutFull is a full product home (a start script in bin/ and lib/ or
	// repository/components/ present): an absent file was removed on purpose
	// and opens nothing.
	LayoutFull
)

// String returns "overlay" or "full".
func (l Layout) String() string {
	if l == LayoutFull {
		return "full"
	}
	return "overlay"
}
