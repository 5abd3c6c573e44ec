package script

import (
	"bytes"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
)

// FuzzScan scans any input as a shell and as a batch script: no panic, the
// same result twice, options in file order at positions inside the input,
// with a valid context and their quotes removed.
func FuzzScan(f *testing.F) {
	for _, c := range append(shCases(), batCases()...) {
		f.Add([]byte(c.src))
	}
	f.Add([]byte("# wso2lint:ignore WL310 x\n\"$JAVACMD\" \\\n  -Dé=1 \\\n  \"-DportOffset=2\" Main # -Dy\n"))
	f.Add([]byte("REM wso2lint:ignore WL310 x\r\nset JAVA_OPTS=-Dx=1 ^\r\n -Dy=2 & rem wso2lint:ignore WL101\r\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		lines := bytes.Count(data, []byte("\n")) + 1
		for _, scan := range []func([]byte) *Script{ScanSh, ScanBat} {
			sc := scan(data)
			if diff := cmp.Diff(sc, scan(data), cmp.AllowUnexported(Script{})); diff != "" {
				t.Fatalf("two scans differ (-first +second):\n%s", diff)
			}
			var last Pos
			for i, o := range sc.Options {
				if i > 0 && !last.Less(o.Pos) {
					t.Fatalf("option %q at %v after %v", o.Text, o.Pos, last)
				}
				last = o.Pos
				if o.Pos.Line < 1 || o.Pos.Line > lines || o.Pos.Col < 1 {
					t.Fatalf("option %q at %v outside %d lines", o.Text, o.Pos, lines)
				}
				if o.Context < Always || o.Context > Debug {
					t.Fatalf("option %q: context %v", o.Text, o.Context)
				}
				if o.Text != strings.NewReplacer(`"`, "", `'`, "").Replace(o.Raw) || !strings.HasPrefix(o.Text, "-") {
					t.Fatalf("option text %q of %q", o.Text, o.Raw)
				}
				if !strings.HasPrefix(o.Statement, "sh: ") || len(o.Statement) > len("sh: ")+MaxStatement ||
					utf8.Valid(data) && !utf8.ValidString(o.Statement) {
					t.Fatalf("option %q: statement %q", o.Text, o.Statement)
				}
				for k := 0; k <= len(o.Text); k++ {
					if p := o.ValuePos(k); p.Line != o.Pos.Line || p.Col < o.Pos.Col {
						t.Fatalf("option %q: ValuePos(%d) = %v, option at %v", o.Text, k, p, o.Pos)
					}
				}
			}
			for _, c := range sc.Comments {
				if c.Pos.Line < 1 || c.Pos.Col < 1 || c.FromLine < 1 || c.FromLine > c.ToLine || c.ToLine > lines {
					t.Fatalf("comment %+v outside %d lines", c, lines)
				}
			}
		}
	})
}
