package toml

import (
	"errors"
	"testing"
)

// FuzzScan checks that any input either gives entries with positions inside
// it or fails with a line inside it, never panics, and that the scanner
// refuses exactly the documents go-toml/v2's decoder refuses, with the same
// line and message.
func FuzzScan(f *testing.F) {
	for _, seed := range []string{
		"[server]\noffset = 1\n",
		"[transport.http]\nlistener.port = \"8280\"\n[[apim.gateway.environment]]\nname = 'x'\n",
		"a = { b = [1, [2, {c = 3}]] }\n",
		"[a]\n[[a.b]]\n[a.b.c]\nd = $ref{a}\n",
		"x = \"\"\"\nmulti\n\"\"\"\n",
		"= 1\n",
		"[a]\nb.c = 1\n[a.b]\n",
		"[[a]]\n[a.b]\n[[a]]\n[a.b]\n",
		"x = [{a = 1}, {a = 2}]\ny = {a = 1, a = 2}\n",
		"a = 99999999999999999999\nb = 1e999\nc = 2020-02-30\n",
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		entries, err := Scan(data)
		lines := len(lineStarts(data))
		if err != nil {
			var se *Error
			if !errors.As(err, &se) || se.Line < 0 || se.Line > lines {
				t.Fatalf("error %v: line out of range 0..%d", err, lines)
			}
		}
		for _, e := range entries {
			if e.Pos.Line < 1 || e.Pos.Line > lines || e.Pos.Col < 1 {
				t.Fatalf("entry %q at %d:%d outside the %d-line input", e.Key, e.Pos.Line, e.Pos.Col, lines)
			}
		}
		checkAgrees(t, data)
	})
}
