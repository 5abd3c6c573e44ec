package props

import (
	"errors"
	"strings"
	"testing"
)

// FuzzScan checks that any input gives entries and comments at positions
// inside it, or a malformed-escape error on a line inside it, and never panics.
func FuzzScan(f *testing.F) {
	for _, seed := range []string{
		"a=1\nb : 2\n# c\n! d\n",
		"k\\u0041 = v\\\n   w\\\r\n x\r\n",
		"a=\\uD83D\\uDE00\\q\\\n\n\\\n",
		"a=\\u12",
		"caf\xe9=\xff\n",
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		lines := 1 + strings.Count(strings.ReplaceAll(strings.ReplaceAll(string(data), "\r\n", "\n"), "\r", "\n"), "\n")
		file, err := Scan(data)
		if err != nil {
			var se *Error
			if !errors.As(err, &se) || se.Line < 1 || se.Line > lines {
				t.Fatalf("error %v: want *Error on a line in 1..%d", err, lines)
			}
			return
		}
		check := func(what string, p Pos) {
			if p.Line < 1 || p.Line > lines || p.Col < 1 {
				t.Fatalf("%s at %d:%d outside the %d-line input", what, p.Line, p.Col, lines)
			}
		}
		for _, e := range file.Entries {
			check("key "+e.Key, e.KeyPos)
			check("value of "+e.Key, e.ValuePos)
			if e.EndLine < e.KeyPos.Line || e.EndLine > lines {
				t.Fatalf("entry %q ends on line %d, starts on %d", e.Key, e.EndLine, e.KeyPos.Line)
			}
		}
		for _, c := range file.Comments {
			check("comment", c.Pos)
		}
	})
}
