package model

import "testing"

func TestTomlFacts(t *testing.T) {
	f := &TomlFacts{File: "conf/deployment.toml", Rendered: []string{"conf/axis2/axis2.xml", "conf/carbon.xml"}}
	if !f.Renders("conf/carbon.xml") || f.Renders("conf/user-mgt.xml") || !f.Regenerates("conf/carbon.xml") {
		t.Errorf("Renders/Regenerates wrong for %+v", f)
	}
	f.AvoidConfigUpdate = true
	if !f.Renders("conf/carbon.xml") || f.Regenerates("conf/carbon.xml") {
		t.Errorf("-DavoidConfigUpdate=true: the file is rendered by name but kept")
	}
	var none *TomlFacts
	if none.Renders("conf/carbon.xml") || none.Regenerates("conf/carbon.xml") {
		t.Errorf("a server without deployment.toml renders nothing")
	}
}

func TestRuntimeAt(t *testing.T) {
	at := Pos{File: "conf/deployment.toml", Line: 3, Col: 8, Path: "server.offset"}
	s := &Server{Runtime: []RuntimeRef{
		{Kind: RuntimeSys, Name: "a", Expr: "$sys{a}", Port: true, Pos: at},
		{Kind: RuntimeEnv, Name: "B", Expr: "$env{B}", Port: true, Pos: at},
		{Kind: RuntimeEnv, Name: "H", Expr: "$env{H}", Pos: Pos{File: at.File, Line: 2, Col: 12, Path: "server.hostname"}},
	}}
	if got := s.RuntimeAt(at); got != "$env{B}" {
		t.Errorf("RuntimeAt = %q, want the $env reference first", got)
	}
	if got := s.RuntimeAt(Pos{File: at.File, Line: 9}); got != "" {
		t.Errorf("RuntimeAt elsewhere = %q, want none", got)
	}
	if got := s.RuntimeOffset(); got != "$sys{a}" {
		t.Errorf("RuntimeOffset = %q, want the first reference of server.offset", got)
	}
	if RuntimeEnv.String() != "env" || RuntimeSys.String() != "sys" || RuntimeInvalid.String() != "invalid" {
		t.Errorf("RuntimeKind strings")
	}
}
