package report

import (
	"bufio"
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/wso2lint/wso2lint/internal/model"
)

// TestSnippetCaret checks the caret under the column: columns are 1-based
// bytes; tabs before the column are repeated so the caret lines up whatever
// the tab width; a multi-byte character is one space; a column inside a
// multi-byte character points at that character; a column past the end of
// the line gives no caret.
func TestSnippetCaret(t *testing.T) {
	cases := []struct {
		name string
		line string
		col  int
		want string
	}{
		{"spaces", `    <Connector port="9443"`, 16, "    7 |     <Connector port=\"9443\"\n      |                ^\n"},
		{"tabs", "\t\t<a b=\"1\"/>", 6, "    7 | \t\t<a b=\"1\"/>\n      | \t\t   ^\n"},
		{"multibyte before", "é=1", 3, "    7 | é=1\n      |  ^\n"},
		{"inside multibyte", "aé", 3, "    7 | aé\n      |  ^\n"},
		{"first column", "x", 1, "    7 | x\n      | ^\n"},
		{"past the end", "x", 9, "    7 | x\n"},
		{"no column", "x", 0, "    7 | x\n"},
		{"control character", "a\x1bb c", 5, "    7 | a\\x1bb c\n      |        ^\n"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			opt := Options{Source: func(string, int) (string, bool) { return tc.line, true }}
			var b bytes.Buffer
			w := bufio.NewWriter(&b)
			writeSnippet(w, model.Finding{Home: "h", Pos: model.Pos{File: "f", Line: 7, Col: tc.col}}, opt)
			if err := w.Flush(); err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tc.want, b.String()); diff != "" {
				t.Errorf("snippet mismatch (-want +got):\n%s", diff)
			}
		})
	}
	var b bytes.Buffer
	w := bufio.NewWriter(&b)
	writeSnippet(w, model.Finding{Home: "h", Pos: model.Pos{File: "f", Line: 7}}, Options{Source: func(string, int) (string, bool) { return "", false }})
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	if b.Len() != 0 {
		t.Errorf("unknown line gave a snippet %q", b.String())
	}
}

func TestWrapText(t *testing.T) {
	cases := []struct {
		s     string
		width int
		want  string
	}{
		{"a b c", 80, "a b c\n"},
		{"aaaa bbbb cccc", 9, "aaaa bbbb\n  cccc\n"},
		{"averyveryverylongword b", 5, "averyveryverylongword\n  b\n"},
		{"\x1b[1;31merror\x1b[0m: x", 8, "\x1b[1;31merror\x1b[0m: x\n"},
	}
	for _, tc := range cases {
		if got := wrapText(tc.s, tc.width, "  "); got != tc.want {
			t.Errorf("wrapText(%q, %d) = %q, want %q", tc.s, tc.width, got, tc.want)
		}
	}
}

// TestMarkdownEscape checks that a hostile message stays in its table cell:
// every row of the findings table has the four cells of its header.
func TestMarkdownEscape(t *testing.T) {
	fs := []model.Finding{{Rule: "WL101", Severity: model.SeverityError, Home: "h|x", Message: "a | b `c` [x](javascript:alert(1)) <img src=x>\n| d | e |",
		Pos: model.Pos{File: "f`|.xml", Line: 2}}}
	var b bytes.Buffer
	if err := Write(&b, "markdown", fs, testOptions()); err != nil {
		t.Fatal(err)
	}
	for _, l := range strings.Split(b.String(), "\n") {
		if !strings.HasPrefix(l, "| 2 ") {
			continue
		}
		if n := strings.Count(l, "|") - strings.Count(l, `\|`); n != 5 {
			t.Errorf("row has %d cell separators, want 5: %q", n, l)
		}
		for _, bad := range []string{"<img", "[x](javascript", "`c`"} {
			if strings.Contains(l, bad) {
				t.Errorf("row keeps markup %q: %q", bad, l)
			}
		}
	}
	if strings.Contains(b.String(), "#### f`") {
		t.Errorf("file heading keeps a backtick:\n%s", b.String())
	}
}

// TestGitHubAnnotationCap checks that no level gets more workflow commands
// than GitHub shows per step, that the summary notice fits among them, and
// that every finding is written once.
func TestGitHubAnnotationCap(t *testing.T) {
	fs := manyFindings()
	var b bytes.Buffer
	if err := Write(&b, "github", fs, testOptions()); err != nil {
		t.Fatal(err)
	}
	levels := map[string]int{}
	plain := 0
	for _, l := range strings.Split(strings.TrimSuffix(b.String(), "\n"), "\n") {
		if cmd, _, ok := strings.Cut(strings.TrimPrefix(l, "::"), " "); ok && strings.HasPrefix(l, "::") {
			levels[cmd]++
			continue
		}
		plain++
	}
	for level, n := range levels {
		if n > githubAnnotationsPerLevel {
			t.Errorf("%d %s commands, GitHub shows %d", n, level, githubAnnotationsPerLevel)
		}
	}
	if got := levels["error"] + levels["warning"] + levels["notice"] - 1 + plain; got != len(fs) {
		t.Errorf("%d findings written (commands less the summary, plus plain lines), want %d", got, len(fs))
	}
	if !strings.Contains(b.String(), "::notice title=wso2lint%3A 5 findings not annotated::") {
		t.Errorf("no summary notice:\n%s", b.String())
	}
	// Under the cap nothing is summarised.
	b.Reset()
	if err := Write(&b, "github", fs[:20], testOptions()); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(b.String(), "not annotated") || strings.Count(b.String(), "\n") != 20 {
		t.Errorf("20 findings under the cap:\n%s", b.String())
	}
}

// TestFingerprintsStable checks the fingerprint's parts: the line number is
// not one, the line's content (white space aside) is, and equal findings get
// distinct fingerprints by their order.
func TestFingerprintsStable(t *testing.T) {
	src := map[int]string{3: "  <a port=\"1\"/>", 4: "<a   port=\"1\"/>", 9: "<b/>"}
	opt := Options{Source: func(_ string, n int) (string, bool) { s, ok := src[n]; return s, ok }}
	f := func(line int) model.Finding {
		return model.Finding{Rule: "WL101", Home: "h", Message: "m", Pos: model.Pos{File: "a.xml", Line: line}}
	}
	fp := fingerprints([]model.Finding{f(3), f(4), f(9)}, opt)
	if fp[0] == fp[1] {
		t.Error("two equal findings on lines of equal content share a fingerprint; the second should count as occurrence 1")
	}
	moved := fingerprints([]model.Finding{f(4)}, opt)
	if moved[0] != fp[0] {
		t.Error("the first occurrence of a line's content changed its fingerprint when it moved from line 3 to 4")
	}
	if fp[2] == fp[0] {
		t.Error("different source lines share a fingerprint")
	}
	var js []gitlabIssue
	var b bytes.Buffer
	if err := Write(&b, "gitlab", []model.Finding{f(3)}, opt); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b.Bytes(), &js); err != nil || len(js) != 1 || js[0].Fingerprint != fp[0] {
		t.Errorf("gitlab fingerprint %v (err %v), want the sarif one %s", js, err, fp[0])
	}
}
