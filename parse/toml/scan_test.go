package toml

import (
	"errors"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	gotoml "github.com/pelletier/go-toml/v2"
	"github.com/pelletier/go-toml/v2/unstable"
)

func TestScanEntries(t *testing.T) {
	src := `[server]
hostname = "gw.example.com"
offset = 0x2

[transport.http]
listener.port = 8281

[[apim.gateway.environment]]
name = "Default"
[apim.gateway.environment.sub]
x = 1.5

[[apim.gateway.environment]]
name = 'Second'
list = [1, "a", [true], {k = 1}]

[monitoring.jmx]
inline = { a = 1, b.c = "x" }
when = 1979-05-27T07:32:00Z
`
	got, err := Scan([]byte(src))
	if err != nil {
		t.Fatal(err)
	}
	want := []Entry{
		{Key: "server.hostname", Value: "gw.example.com", Kind: KindString, Pos: Pos{2, 12}, Index: -1},
		{Key: "server.offset", Value: "2", Kind: KindInteger, Pos: Pos{3, 10}, Index: -1},
		{Key: "transport.http.listener.port", Value: "8281", Kind: KindInteger, Pos: Pos{6, 17}, Index: -1},
		{Key: "apim.gateway.environment.name", Value: "Default", Kind: KindString, Pos: Pos{9, 8}, Index: 0, InArray: true},
		{Key: "apim.gateway.environment.sub.x", Value: "1.5", Kind: KindFloat, Pos: Pos{11, 5}, Index: 0, InArray: true},
		{Key: "apim.gateway.environment.name", Value: "Second", Kind: KindString, Pos: Pos{14, 8}, Index: 1, InArray: true},
		{Key: "apim.gateway.environment.list", Value: "[1, a, [true], {...}]", Kind: KindArray, Pos: Pos{15, 9}, Index: 1, InArray: true},
		{Key: "monitoring.jmx.inline.a", Value: "1", Kind: KindInteger, Pos: Pos{18, 16}, Index: -1},
		{Key: "monitoring.jmx.inline.b.c", Value: "x", Kind: KindString, Pos: Pos{18, 25}, Index: -1},
		{Key: "monitoring.jmx.when", Value: "1979-05-27T07:32:00Z", Kind: KindDateTime, Pos: Pos{19, 8}, Index: -1},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("entries mismatch (-want +got):\n%s", diff)
	}
}

// TestScanErrors checks the documents the scanner refuses, with the line and
// message go-toml/v2's decoder gives them (the reader the checks replace; the
// expected values were taken from it and TestScanAgreesWithDecoder keeps them
// honest).
func TestScanErrors(t *testing.T) {
	tests := []struct {
		src  string
		line int
		msg  string
	}{
		{"[super_admin]\nusername = \"admin\"\npassword = \"admin\"\npassword = \"Str0ng\"\n", 4, "toml: key password is already defined"},
		{"[server]\nhostname = \"a\"\n[server]\noffset = 1\n", 3, "toml: table server already exists"},
		{"[a]\nb.c = 1\n[a.b]\n", 3, "toml: table b already exists as defined by a dotted key"},
		{"[a]\nb = 1\n[a.b]\n", 3, "toml: key b should be a table, not a value"},
		{"a = {b = 1}\n[a.c]\n", 2, "toml: key a already exists as a value"},
		{"a = {b = 1}\n[a]\n", 2, "toml: key a should be a table, not a value"},
		{"[[a]]\nx=1\n[a]\n", 3, "toml: table a already exists as an array of tables"},
		{"[a]\n[[a]]\n", 2, "toml: key a already exists as a table, but should be an array table"},
		{"a.b = 1\na.b = 2\n", 2, "toml: key b is already defined"},
		{"a.b = 1\na = 2\n", 2, "toml: key a is already defined"},
		{"a = 1\na.b = 2\n", 2, "toml: key a is already defined"},
		{"[a.b]\n[a]\n[a]\n", 3, "toml: table a already exists"},
		{"x = {a = 1, a = 2}\n", 1, "toml: key a is already defined"},
		{"x = [\n{a = 1, a = 2}]\n", 1, "toml: key a is already defined"},
		{"[a]\nx=1\n[b]\n[a.c]\n[a]\n", 5, "toml: table a already exists"},
		{"a.b.c = 1\n[a.b]\n", 2, "toml: table b already exists as defined by a dotted key"},
		{"a.b.c = 1\n[a]\n", 2, "toml: table a already exists as defined by a dotted key"},
		{"\n\n  [x]\n  y = 1\n  [  x  ]  \n", 5, "toml: table x already exists"},
		{"[a]\n\"b\" = 1\nb = 2\n", 3, "toml: key b is already defined"},
		{"a = 99999999999999999999\n", 1, "toml: decimal number is too large to fit in a 64-bit signed integer"},
		{"a = 0x8000_0000_0000_0000\n", 1, "toml: hexadecimal number is too large to fit in a 64-bit signed integer"},
		{"a = [\n1,\n1e999]\n", 3, `toml: unable to parse float: strconv.ParseFloat: parsing "1e999": value out of range`},
		{"a = 2020-13-45\n", 1, "toml: impossible date"},
		{"a = 25:00:00\n", 1, "toml: hour cannot be greater 23"},
		// Syntax errors come first, wherever they are.
		{"a = 1\na = 2\nb = [\n", 3, "toml: expected newline but got U+005B '['"},
	}
	for _, tc := range tests {
		_, err := Scan([]byte(tc.src))
		var se *Error
		if !errors.As(err, &se) {
			t.Errorf("Scan(%q) = %v, want *Error", tc.src, err)
			continue
		}
		if se.Line != tc.line || !strings.HasPrefix(se.Msg, "malformed TOML: ") {
			t.Errorf("Scan(%q): line %d %q, want line %d", tc.src, se.Line, se.Msg, tc.line)
		}
		if tc.msg != "" && !strings.HasPrefix(tc.msg, "toml: expected") && se.Msg != "malformed TOML: "+tc.msg {
			t.Errorf("Scan(%q): %q, want %q", tc.src, se.Msg, "malformed TOML: "+tc.msg)
		}
	}
}

// TestScanAccepts checks documents that look like duplicates and are not.
func TestScanAccepts(t *testing.T) {
	for _, src := range []string{
		"[[a]]\nx=1\n[[a]]\nx=2\n",
		"[[a]]\n[a.b]\n[[a]]\n[a.b]\n",
		"[a.b]\n[a]\n",
		"x = [{a = 1}, {a = 2}]\n",
		"a.b = 1\na.c = 2\n[a.d]\n",
		"[a]\nb.c = 1\n[a.b.d]\ne = 1\n",
		"a = -9223372036854775808\nb = 0x7FFF_FFFF_FFFF_FFFF\nc = inf\nd = -nan\n",
	} {
		if _, err := Scan([]byte(src)); err != nil {
			t.Errorf("Scan(%q): %v", src, err)
		}
	}
}

// decoderVerdict is what the scanner replaced: the syntax parser, then a full
// decode by go-toml/v2 to find duplicates and values out of range.
func decoderVerdict(data []byte) (line int, msg string, ok bool) {
	var p unstable.Parser
	p.Reset(data)
	for p.NextExpression() {
	}
	if err := p.Error(); err != nil {
		var pe *unstable.ParserError
		if errors.As(err, &pe) && len(pe.Highlight) > 0 {
			line = 1 + strings.Count(string(data[:p.Range(pe.Highlight).Offset]), "\n")
		}
		return line, "malformed TOML: " + err.Error(), false
	}
	var doc map[string]any
	if err := gotoml.Unmarshal(data, &doc); err != nil {
		var de *gotoml.DecodeError
		if errors.As(err, &de) {
			line, _ = de.Position()
		}
		return line, "malformed TOML: " + err.Error(), false
	}
	return 0, "", true
}

func TestScanAgreesWithDecoder(t *testing.T) {
	for _, src := range []string{
		"[super_admin]\npassword = \"admin\"\npassword = \"Str0ng\"\n",
		"[a]\nb.c = 1\n[a.b]\n", "a = {b = 1}\n[a.c]\n", "[[a]]\nx=1\n[a]\n", "[a]\n[[a]]\n",
		"[[a]]\n[a.b]\n[[a]]\n[a.b]\n", "a = 99999999999999999999\n", "a = [1e999]\n", "a = 2020-02-30\n",
		"x = [{a = 1}, {a = 2}]\n", "x = [[{a = 1, a = 2}]]\n",
	} {
		checkAgrees(t, []byte(src))
	}
}

func checkAgrees(t *testing.T, data []byte) {
	t.Helper()
	wantLine, wantMsg, wantOK := decoderVerdict(data)
	_, err := Scan(data)
	if wantOK {
		if err != nil {
			t.Fatalf("Scan(%q) = %v; the decoder accepts it", data, err)
		}
		return
	}
	var se *Error
	if !errors.As(err, &se) {
		t.Fatalf("Scan(%q) = %v; the decoder says line %d: %s", data, err, wantLine, wantMsg)
	}
	if se.Line != wantLine || se.Msg != wantMsg {
		t.Fatalf("Scan(%q): line %d: %s; the decoder says line %d: %s", data, se.Line, se.Msg, wantLine, wantMsg)
	}
}

func TestIntegerText(t *testing.T) {
	for raw, want := range map[string]string{
		"9443": "9443", "+9443": "9443", "-1": "-1", "9_443": "9443", "1_000_000": "1000000",
		"0x24E3": "9443", "0xdead_beef": "3735928559", "0o22343": "9443", "0b10010011100011": "9443", "0": "0",
		// Not TOML integers (the parser rejects them first): left as written.
		"0x": "0x", "_1": "_1", "1_": "1_", "1__0": "1__0", "0x-1": "0x-1", "99999999999999999999": "99999999999999999999",
	} {
		if got := IntegerText(raw); got != want {
			t.Errorf("IntegerText(%q) = %q, want %q", raw, got, want)
		}
	}
}

func TestScanLimit(t *testing.T) {
	for _, tc := range []struct {
		src  string
		line int // 0: accepted
	}{
		{"a = [" + strings.Repeat("1,", MaxValues) + "]\n", 1},
		{"a = [\n" + strings.Repeat("1,\n", MaxValues+1) + "]\n", MaxValues + 1},
		{"a = { " + strings.Repeat("b.", MaxValues) + "c = 1 }\n", 1},
		{strings.Repeat("a = 1\n", MaxValues+1), 0},
		{"a = \"" + strings.Repeat(",", MaxValues+1) + "\"\n", 0},
		{"a = '''\n" + strings.Repeat(",", MaxValues+1) + "'''\n", 0},
		{"a = \"\"\"\\\"\"\"\n" + strings.Repeat(",", MaxValues+1) + "\"\"\"\n", 0},
		{"# " + strings.Repeat(",", MaxValues+1) + "\n", 0},
	} {
		_, err := Scan([]byte(tc.src))
		var se *Error
		switch {
		case tc.line == 0 && err != nil && strings.Contains(err.Error(), "100000"):
			t.Errorf("Scan(%.40q...): %v, want no limit error", tc.src, err)
		case tc.line != 0 && (!errors.As(err, &se) || se.Line != tc.line || !strings.Contains(se.Msg, "more than 100000 values")):
			t.Errorf("Scan(%.40q...) = %v, want the limit error on line %d", tc.src, err, tc.line)
		}
	}
}

// BenchmarkScanTables scans 200,000 tables and a 30 MB array, the shapes that
// were quadratic when duplicates were found by a second decode.
func BenchmarkScanTables(b *testing.B) {
	var sb strings.Builder
	for i := 0; i < 200000; i++ {
		sb.WriteString("[t" + strconv.Itoa(i) + "]\nk = 1\n")
	}
	data := []byte(sb.String())
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := Scan(data); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkScanLargeArray(b *testing.B) {
	elem := `"` + strings.Repeat("x", 298) + `", `
	data := []byte("a = [" + strings.Repeat(elem, 30_000_000/len(elem)) + "]\n")
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := Scan(data); err != nil {
			b.Fatal(err)
		}
	}
}
