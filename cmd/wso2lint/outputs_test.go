package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// runEnv runs the command line with the environment env and returns the exit
// status, stdout and stderr.
func runEnv(t *testing.T, env map[string]string, args ...string) (int, string, string) {
	t.Helper()
	var stdout, stderr bytes.Buffer
	code := run(append([]string{"wso2lint"}, args...), &stdout, &stderr, func(k string) string { return env[k] })
	return code, stdout.String(), stderr.String()
}

// TestOutputBothNames checks that -o and --output, two names of one option,
// can be given together (urfave/cli alone refuses two forms of one flag).
func TestOutputBothNames(t *testing.T) {
	t.Chdir(repoRoot(t))
	dir := t.TempDir()
	js, sarif := filepath.Join(dir, "out.json"), filepath.Join(dir, "out.sarif")
	code, stdout, stderr := runEnv(t, nil, "lint", "--fail-on", "none", "--format", "json", "-o", js, "testdata/example/wso2am-2.6.0", "--output", "sarif="+sarif)
	if code != 0 || stdout != "" {
		t.Fatalf("exit %d, stdout %q, stderr %s", code, stdout, stderr)
	}
	for _, f := range []string{js, sarif} {
		data, err := os.ReadFile(f)
		if err != nil || !json.Valid(data) {
			t.Errorf("%s: %v, valid JSON %v", f, err, json.Valid(data))
		}
	}
}

// TestOutputFormatFile checks that one run writes text to standard output and
// other formats to files given as -o FORMAT=FILE.
func TestOutputFormatFile(t *testing.T) {
	t.Chdir(repoRoot(t))
	dir := t.TempDir()
	sarif := filepath.Join(dir, "out.sarif")
	md := filepath.Join(dir, "summary.md")
	code, stdout, stderr := runEnv(t, nil, "lint", "--fail-on", "none", "-o", "sarif="+sarif, "-o", "markdown="+md, "testdata/example/wso2am-2.6.0")
	if code != 0 {
		t.Fatalf("exit %d, stderr %s", code, stderr)
	}
	if !strings.Contains(stdout, "[WL303]") || !strings.Contains(stdout, " findings: ") {
		t.Errorf("stdout is not the text report:\n%s", stdout)
	}
	data, err := os.ReadFile(sarif)
	if err != nil {
		t.Fatal(err)
	}
	var log struct {
		Runs []struct {
			Results []json.RawMessage `json:"results"`
		} `json:"runs"`
	}
	if err := json.Unmarshal(data, &log); err != nil {
		t.Fatalf("%s: %v", sarif, err)
	}
	if got, want := len(log.Runs[0].Results), strings.Count(stdout, "\n")-3; got != want {
		t.Errorf("sarif has %d results, text %d findings", got, want)
	}
	data, err = os.ReadFile(md)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(string(data), "### wso2lint: ") {
		t.Errorf("markdown file starts %q", string(data)[:min(40, len(data))])
	}

	// -o FILE still takes the --format result, next to FORMAT=FILE.
	main := filepath.Join(dir, "main.json")
	junit := filepath.Join(dir, "junit.xml")
	code, stdout, stderr = runEnv(t, nil, "lint", "--fail-on", "none", "--format", "json", "-o", main, "-o", "junit="+junit, "testdata/example/wso2am-2.6.0")
	if code != 0 || stdout != "" {
		t.Fatalf("exit %d, stdout %q, stderr %s", code, stdout, stderr)
	}
	for _, f := range []string{main, junit} {
		if fi, err := os.Stat(f); err != nil || fi.Size() == 0 {
			t.Errorf("%s not written: %v", f, err)
		}
	}
}

func TestOutputErrors(t *testing.T) {
	t.Chdir(repoRoot(t))
	dir := t.TempDir()
	cases := []struct {
		args []string
		want string
	}{
		{[]string{"-o", "a.txt", "-o", "b.txt"}, "already goes to"},
		{[]string{"-o", "sarif="}, "want FORMAT=FILE"},
		{[]string{"-o", "sarif=" + dir + "/x", "-o", "json=" + dir + "/x"}, "written twice"},
		{[]string{"--color", "sometimes"}, `--color "sometimes": want auto, always or never`},
		{[]string{"--format", "yaml"}, `--format "yaml"`},
	}
	for _, tc := range cases {
		code, _, stderr := runEnv(t, nil, append(append([]string{"lint"}, tc.args...), "testdata/example/wso2am-2.6.0")...)
		if code != exitInput || !strings.Contains(stderr, tc.want) {
			t.Errorf("%v: exit %d, stderr %q; want exit 2 and %q", tc.args, code, stderr, tc.want)
		}
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("a usage error left files behind: %v", entries)
	}
}

// TestColorFlag checks --color against NO_COLOR: auto is off in a pipe (and
// with NO_COLOR), always wins over NO_COLOR as no-color.org asks of a
// command-line flag, never is off.
func TestColorFlag(t *testing.T) {
	t.Chdir(repoRoot(t))
	cases := []struct {
		color   string
		noColor string
		want    bool
	}{
		{"auto", "", false}, // not a terminal
		{"auto", "1", false},
		{"always", "", true},
		{"always", "1", true},
		{"never", "", false},
	}
	for _, tc := range cases {
		_, stdout, stderr := runEnv(t, map[string]string{"NO_COLOR": tc.noColor}, "lint", "--fail-on", "none", "--color", tc.color, "testdata/example/wso2am-2.6.0")
		if got := strings.Contains(stdout, "\x1b["); got != tc.want {
			t.Errorf("--color %s, NO_COLOR=%q: colour %v, want %v (stderr %s)", tc.color, tc.noColor, got, tc.want, stderr)
		}
	}
	// --color always colours the text format in a file too.
	dir := t.TempDir()
	_, _, _ = runEnv(t, nil, "lint", "--color", "always", "-o", "text="+filepath.Join(dir, "t.txt"), "--format", "json", "testdata/example/wso2am-2.6.0")
	if data, err := os.ReadFile(filepath.Join(dir, "t.txt")); err != nil || !bytes.Contains(data, []byte("\x1b[")) {
		t.Errorf("--color always: text file has no colour (err %v)", err)
	}
}

// TestSourceLines checks the reader of snippet and fingerprint lines: lines
// without their endings, out of range or unreadable files give nothing.
func TestSourceLines(t *testing.T) {
	dir := t.TempDir()
	f := filepath.Join(dir, "a.xml")
	if err := os.WriteFile(f, []byte("one\r\ntwo\nthree"), 0o644); err != nil {
		t.Fatal(err)
	}
	s := newSourceLines(1 << 20)
	for n, want := range map[int]string{1: "one", 2: "two", 3: "three"} {
		if got, ok := s.line(f, n); !ok || got != want {
			t.Errorf("line %d = %q, %v; want %q", n, got, ok, want)
		}
	}
	for _, n := range []int{0, 4} {
		if got, ok := s.line(f, n); ok {
			t.Errorf("line %d = %q, want none", n, got)
		}
	}
	if _, ok := s.line(dir, 1); ok {
		t.Error("a directory gave a line")
	}
	if _, ok := newSourceLines(4).line(f, 1); ok {
		t.Error("a file over the size limit gave a line")
	}
}

// scannerLines is how the lines were read before sourceLines kept whole
// files: bufio.ScanLines, then a trailing "\r" trimmed.
func scannerLines(text string) []string {
	var lines []string
	sc := bufio.NewScanner(strings.NewReader(text))
	sc.Buffer(make([]byte, 0, 64), len(text)+1)
	for sc.Scan() {
		lines = append(lines, strings.TrimSuffix(sc.Text(), "\r"))
	}
	return lines
}

// TestSourceLinesMatchScanner compares sourceLines with scannerLines on
// texts made of pieces that matter to line splitting, every line of each
// and one past the end, and checks that copies of a file share its text.
func TestSourceLinesMatchScanner(t *testing.T) {
	dir := t.TempDir()
	pieces := []string{"a", "bc", "\n", "\r", "\r\n", "\n\n", "\r\r\n", " ", "é", "\x00"}
	r := rand.New(rand.NewPCG(3, 4))
	s := newSourceLines(1 << 20)
	for k := range 2000 {
		var b strings.Builder
		for range r.IntN(9) {
			b.WriteString(pieces[r.IntN(len(pieces))])
		}
		text := b.String()
		f := filepath.Join(dir, strconv.Itoa(k))
		if err := os.WriteFile(f, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		want := scannerLines(text)
		var got []string
		for n := 1; ; n++ {
			line, ok := s.line(f, n)
			if !ok {
				break
			}
			got = append(got, line)
		}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Fatalf("lines of %q (-scanner +sourceLines):\n%s", text, diff)
		}
	}
	// Files with the same content share one text.
	a, b := filepath.Join(dir, "copy-a"), filepath.Join(dir, "copy-b")
	for _, f := range []string{a, b} {
		if err := os.WriteFile(f, []byte("x\ny\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		s.line(f, 1)
	}
	if s.files[a] == nil || s.files[a] != s.files[b] {
		t.Errorf("two files with the same content: %p and %p, want one shared text", s.files[a], s.files[b])
	}
}
