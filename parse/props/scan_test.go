package props

import (
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/magiconair/properties"
)

// kv is the part of an entry most cases compare.
type kv struct{ Key, Value string }

// TestScanJavaRules checks keys and values against what
// java.util.Properties.load gives (worked out by hand from its specification:
// LineReader and loadConvert).
func TestScanJavaRules(t *testing.T) {
	tests := []struct {
		name, src string
		want      []kv
	}{
		{"separators", "a=1\nb:2\nc 3\nd = 4\ne\t:\t5\nf  =  = 6\ng:=7\nh\n", []kv{{"a", "1"}, {"b", "2"}, {"c", "3"}, {"d", "4"}, {"e", "5"}, {"f", "= 6"}, {"g", "=7"}, {"h", ""}}},
		{"leading blanks and trailing blanks kept in values", "   a = 1  \n\t\fb=2\t\n", []kv{{"a", "1  "}, {"b", "2\t"}}},
		{"comments only at the start of a natural line", "# c\n  ! c\na=1 # not a comment\n", []kv{{"a", "1 # not a comment"}}},
		{"continuation drops leading blanks", "a = one, \\\n     two, \\\n\tthree\n", []kv{{"a", "one, two, three"}}},
		{"continued key", "long\\\n   key = v\n", []kv{{"longkey", "v"}}},
		{"continuation line starting with #", "a = b\\\n#c\n", []kv{{"a", "b#c"}}},
		{"comment line ending in backslash does not continue", "# c \\\na=1\n", []kv{{"a", "1"}}},
		{"even backslashes do not continue", "a=b\\\\\nc=d\n", []kv{{"a", `b\`}, {"c", "d"}}},
		{"empty line ends a continuation", "a=b\\\n\nc=d\n", []kv{{"a", "b"}, {"c", "d"}}},
		{"blank line ends a continuation", "a=b\\\n  \t \nc=d\n", []kv{{"a", "b"}, {"c", "d"}}},
		{"backslash at end of file dropped", "a=b\\", []kv{{"a", "b"}}},
		{"lone backslash then empty line", "\\\n\na=1\n", []kv{{"a", "1"}}},
		{"escapes", `a=\t\n\r\f\\\=\:\ \#\!\q\"` + "\n", []kv{{"a", "\t\n\r\f\\=: #!q\""}}},
		{"escaped terminators in keys", `k\=x\:y\ z = v` + "\n", []kv{{"k=x:y z", "v"}}},
		{"unicode escapes in keys and values", `\u0041\u00e9b = \u0031\u0032\u00E9` + "\n", []kv{{"Aéb", "12é"}}},
		{"surrogate pair", `a=\uD83D\uDE00` + "\n", []kv{{"a", "\U0001F600"}}},
		{"escaped multibyte character", "a=\\é\n", []kv{{"a", "é"}}},
		{"crlf and cr line ends", "a=1\r\nb=2\\\r\n  3\rc=4", []kv{{"a", "1"}, {"b", "23"}, {"c", "4"}}},
		{"key repeated: each occurrence", "a=1\na=\\u0032\n", []kv{{"a", "1"}, {"a", "2"}}},
		{"latin-1 when not utf-8", "a=caf\xe9\n", []kv{{"a", "café"}}},
		{"no ${} expansion", "a=x\nb=${a}\n", []kv{{"a", "x"}, {"b", "${a}"}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			f, err := Scan([]byte(tc.src))
			if err != nil {
				t.Fatal(err)
			}
			var got []kv
			for _, e := range f.Entries {
				got = append(got, kv{e.Key, e.Value})
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("entries mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func TestScanPositions(t *testing.T) {
	src := "# wso2lint:ignore WL101 x\n  key = value\nmulti = a, \\\n    b, \\\n    c\ncont\\\n  inued = \\\n  v\n\tempty=\n"
	f, err := Scan([]byte(src))
	if err != nil {
		t.Fatal(err)
	}
	want := &File{
		Entries: []Entry{
			{Key: "key", Value: "value", KeyPos: Pos{2, 3}, ValuePos: Pos{2, 9}, EndLine: 2},
			{Key: "multi", Value: "a, b, c", KeyPos: Pos{3, 1}, ValuePos: Pos{3, 9}, EndLine: 5},
			{Key: "continued", Value: "v", KeyPos: Pos{6, 1}, ValuePos: Pos{8, 3}, EndLine: 8},
			{Key: "empty", Value: "", KeyPos: Pos{9, 2}, ValuePos: Pos{9, 8}, EndLine: 9},
		},
		Comments: []Comment{{Text: " wso2lint:ignore WL101 x", Pos: Pos{1, 1}}},
	}
	if diff := cmp.Diff(want, f); diff != "" {
		t.Errorf("mismatch (-want +got):\n%s", diff)
	}
}

func TestScanMalformedUnicode(t *testing.T) {
	for _, tc := range []struct {
		src  string
		line int
	}{
		{"a=1\nb=\\u12G4\n", 2},
		{"a=1\n\nk\\u00=v\n", 3},
		{"a=x\\\n  \\u1\n", 2},
		{"a=\\u", 1},
	} {
		_, err := Scan([]byte(tc.src))
		var se *Error
		if !errors.As(err, &se) || se.Line != tc.line || !strings.Contains(se.Msg, `malformed \uxxxx encoding`) {
			t.Errorf("Scan(%q) = %v, want a malformed \\uxxxx error on line %d", tc.src, err, tc.line)
		}
	}
	// Java does not decode comment lines.
	if _, err := Scan([]byte("# \\uZZZZ\n")); err != nil {
		t.Errorf("comment with a bad escape: %v", err)
	}
}

// TestScanAgreesWithMagiconair cross-checks the cases where
// magiconair/properties follows Java. It does not for a key continued onto
// the next line (it keeps the line break in the key and moves the rest of the
// line into the value), which TestScanJavaRules covers.
func TestScanAgreesWithMagiconair(t *testing.T) {
	src := "a = 1\nb:2\nc 3\nd = one, \\\n   two\ne=\\t\\u0041\\\\\n# x\n! y\n"
	f, err := Scan([]byte(src))
	if err != nil {
		t.Fatal(err)
	}
	lib, err := (&properties.Loader{Encoding: properties.UTF8, DisableExpansion: true}).LoadBytes([]byte(src))
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, e := range f.Entries {
		got[e.Key] = e.Value
	}
	if diff := cmp.Diff(lib.Map(), got); diff != "" {
		t.Errorf("mismatch with magiconair (-magiconair +scan):\n%s", diff)
	}
}
