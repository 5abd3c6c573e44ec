package model

import "sort"

// TomlFacts is what parse learns about the deployment.toml of a server
// configured by one (API Manager 3.x/4.x, Identity Server 5.9+, Micro
// Integrator). Parse sets every field but Drift's listener entries, which
// catalog adds when it compares the XML listeners with the toml ones.
type TomlFacts struct {
	// File is the home-relative path of deployment.toml.
	File string
	// Rendered lists, sorted, the home-relative files deployment.toml renders
	// for the server: the core XML files of its conf directory, every file a
	// template present renders, and the API Manager 4.x inbound endpoints
	// that have templates. It is the one list of them.
	Rendered []string
	// AvoidConfigUpdate is true when the start script passes
	// -DavoidConfigUpdate=true: the server then keeps the XML files as they
	// are instead of rendering them. AvoidConfigUpdatePos is the option.
	AvoidConfigUpdate    bool
	AvoidConfigUpdatePos Pos
	// InboundDir is true when the home holds the synapse inbound endpoints
	// directory (repository/deployment/server/synapse-configs/default/
	// inbound-endpoints): a static endpoint file missing from a home that has
	// the directory was removed (an API Manager profile does that), so its
	// listener is not there; a configuration repository without the
	// directory keeps the default.
	InboundDir bool
	// Drift lists values of generated XML files that differ from what
	// deployment.toml renders, in the order found.
	Drift []Drift
}

// Renders reports whether rel is one of the files deployment.toml renders.
func (t *TomlFacts) Renders(rel string) bool {
	if t == nil {
		return false
	}
	i := sort.SearchStrings(t.Rendered, rel)
	return i < len(t.Rendered) && t.Rendered[i] == rel
}

// Regenerates reports whether deployment.toml overwrites rel at every start:
// it renders rel and the start script does not pass -DavoidConfigUpdate=true.
// Then the toml, not the file, says what the server uses.
func (t *TomlFacts) Regenerates(rel string) bool {
	return t != nil && !t.AvoidConfigUpdate && t.Renders(rel)
}

// Drift is a value of a generated XML file that differs from what
// deployment.toml renders into it.
type Drift struct {
	// Item is "offset" or the service ID of a listener.
	Item string
	// XML is the value the XML file holds; Toml the one deployment.toml
	// renders.
	XML, Toml int
	// Pos is the XML value.
	Pos Pos
}

// ProductGuess records that the product of a home was guessed from the
// contents of deployment.toml (or its layout), neither stated (--product, a
// wso2<product>-<version> directory name) nor certain.
type ProductGuess struct {
	// Reason says why, for people: "deployment.toml has [apim] keys; name the
	// directory ...".
	Reason string
	// Pos names the toml file (Line 0).
	Pos Pos
}

// RuntimeKind says where a run-time-only value comes from. The zero value
// is invalid.
type RuntimeKind uint8

// Run-time value kinds.
const (
	RuntimeInvalid RuntimeKind = iota
	// RuntimeEnv is $env{NAME}: an environment variable.
	RuntimeEnv
	// RuntimeSys is $sys{name}: a Java system property.
	RuntimeSys
)

// String returns "env", "sys" or "invalid".
func (k RuntimeKind) String() string {
	switch k {
	case RuntimeEnv:
		return "env"
	case RuntimeSys:
		return "sys"
	}
	return "invalid"
}

// RuntimeRef is a deployment.toml value given through $env{NAME} or
// $sys{name}: known only where the server runs.
type RuntimeRef struct {
	Kind RuntimeKind
	// Name is the variable or property name.
	Name string
	// Expr is the reference as written: "$env{HTTPS_PORT}".
	Expr string
	// Port is true when the key names a port or the offset.
	Port bool
	// Pos is the toml value; its Path is the dotted key.
	Pos Pos
}

// RuntimeAt returns the run-time reference written in the value at pos, or
// "" when there is none: the first $env{...} there, else the first $sys{...}.
func (s *Server) RuntimeAt(pos Pos) string {
	sys := ""
	for _, r := range s.Runtime {
		if r.Pos != pos {
			continue
		}
		if r.Kind == RuntimeEnv {
			return r.Expr
		}
		if sys == "" {
			sys = r.Expr
		}
	}
	return sys
}

// RuntimeOffset returns the $env{...} or $sys{...} reference that gives the
// deployment.toml [server] offset, or "" when there is none.
func (s *Server) RuntimeOffset() string {
	for _, r := range s.Runtime {
		if r.Port && r.Pos.Path == "server.offset" {
			return r.Expr
		}
	}
	return ""
}
