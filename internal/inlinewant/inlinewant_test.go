package inlinewant

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestParse(t *testing.T) {
	src := "<a>\n" +
		"  <b port=\"x\"/> <!-- want \"WL101 .*9443\" `WL307` -->\n" +
		"  <c/>\n" +
		"# want:7 \"offset\"\n" +
		"x = 1 // want \"a\\\"b\"\n" +
		"no want here: want \"x\"\n"
	got, err := Parse("f.xml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	type exp struct {
		Line, Col int
		Re        string
	}
	var short []exp
	for _, e := range got {
		if e.File != "f.xml" {
			t.Errorf("File = %q", e.File)
		}
		short = append(short, exp{e.Line, e.Col, e.Re.String()})
	}
	want := []exp{{2, 0, "WL101 .*9443"}, {2, 0, "WL307"}, {4, 7, "offset"}, {5, 0, `a"b`}}
	if diff := cmp.Diff(want, short); diff != "" {
		t.Errorf("Parse (-want +got):\n%s", diff)
	}
	for _, bad := range []string{"<!-- want \"(\" -->", "# want:0 \"x\"", "# want \"\\q\""} {
		if _, err := Parse("bad.xml", []byte(bad)); err == nil {
			t.Errorf("Parse(%q) succeeded", bad)
		}
	}
}

func TestMatch(t *testing.T) {
	exps, err := Parse("f", []byte("a # want \"WL1\" \"WL2\"\nb # want:5 \"WL3\"\nc # want \"WL4\"\n"))
	if err != nil {
		t.Fatal(err)
	}
	diags := []Diagnostic{
		{File: "f", Line: 1, Col: 1, Text: "WL2 two"},
		{File: "f", Line: 1, Col: 9, Text: "WL1 one"},
		{File: "f", Line: 2, Col: 4, Text: "WL3 wrong column"},
		{File: "f", Line: 3, Col: 1, Text: "WL4"},
		{File: "f", Line: 3, Col: 1, Text: "WL4 twice"},
		{File: "g", Line: 1, Col: 1, Text: "WL1 other file"},
	}
	got := Match(exps, diags)
	want := []string{
		`missing f:2:5: want "WL3"`,
		"unexpected f:2:4: WL3 wrong column",
		"unexpected f:3:1: WL4 twice",
		"unexpected g:1:1: WL1 other file",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Match (-want +got):\n%s", diff)
	}
	if got := Match(exps[:2], diags[:2]); len(got) != 0 {
		t.Errorf("Match of agreeing lists = %q, want none", got)
	}
}

func TestParseTree(t *testing.T) {
	dir := t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, "conf"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "conf", "a.xml"), []byte("<a/>\n<b/> <!-- want \"x\" -->\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "b.properties"), []byte("k=v\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	got, err := ParseTree(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 || got[0].File != "conf/a.xml" || got[0].Line != 2 {
		t.Errorf("ParseTree = %v, want one expectation at conf/a.xml:2", got)
	}
}
