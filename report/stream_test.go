package report

import (
	"bytes"
	"encoding/json"
	"errors"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/wso2lint/wso2lint/internal/model"
)

// longReport is 5000 findings, several hundred KB in every format.
func longReport() []model.Finding {
	fs := make([]model.Finding, 5000)
	for i := range fs {
		fs[i] = model.Finding{Rule: "WL101", Severity: model.SeverityWarning, Message: strings.Repeat("m", 100),
			Home: "h", Pos: model.Pos{File: "f", Line: i + 1, Col: 3}}
	}
	return fs
}

// TestWriteStreams checks that a long report reaches the writer in pieces of
// bounded size, in every format, rather than whole (issue 15 item 5).
func TestWriteStreams(t *testing.T) {
	fs := longReport()
	for _, format := range Formats() {
		var w countingWriter
		if err := Write(&w, format, fs, Options{}); err != nil {
			t.Fatalf("%s: %v", format, err)
		}
		if w.calls < 10 || w.largest > 2*writeBufferSize {
			t.Errorf("%s report of %d findings: %d writes, largest %d bytes; want pieces of at most %d bytes",
				format, len(fs), w.calls, w.largest, 2*writeBufferSize)
		}
	}
}

// TestWriteErrorMidway checks that every format returns an error of the writer,
// whether it fails at once, after the first piece or near the end.
func TestWriteErrorMidway(t *testing.T) {
	fs := longReport()
	for _, format := range Formats() {
		for _, n := range []int{0, 10, writeBufferSize + 10, 5 * writeBufferSize} {
			if err := Write(&failingWriter{n: n}, format, fs, Options{}); !errors.Is(err, errFull) {
				t.Errorf("%s, writer failing after %d bytes: error %v, want %v", format, n, err, errFull)
			}
		}
	}
}

// TestJSONMembersMatchWhole checks that sarif and gitlab, which encode their
// results one by one into the document, give byte for byte what encoding
// the whole document at once gives: each output is decoded into the
// format's structs and encoded again with encodeJSON, and the two must be
// equal (random findings with hosts, rules known and unknown, no findings).
// The strings are made valid UTF-8 first: encoding/json writes an invalid
// byte as the escape \ufffd but the decoded U+FFFD as itself, so the
// round trip would differ there (the members go through the same Encoder as
// the whole document did, escapes included).
func TestJSONMembersMatchWhole(t *testing.T) {
	r := rand.New(rand.NewPCG(11, 12))
	for range 300 {
		fs := randFindings(r)
		for i := range fs {
			f := &fs[i]
			for _, s := range []*string{&f.Rule, &f.Message, &f.Home, &f.Host, &f.Pos.File, &f.Pos.Path} {
				*s = strings.ToValidUTF8(*s, "\uFFFD")
			}
		}
		valid := func() string { return strings.ToValidUTF8(randString(r), "\uFFFD") }
		opt := Options{ToolVersion: "v1.2.3", RuleSetVersion: valid(), Category: valid(), PathPrefix: valid()}
		for _, f := range fs {
			if r.IntN(2) == 0 {
				opt.Rules = append(opt.Rules, RuleInfo{ID: f.Rule, Name: valid(), Title: valid(), Doc: valid(), SecuritySeverity: "9.5"})
			}
		}
		checkWhole(t, "sarif", fs, opt, new(sarifLog))
		checkWhole(t, "gitlab", fs, opt, new([]gitlabIssue))
	}
	checkWhole(t, "sarif", nil, Options{}, new(sarifLog))
	checkWhole(t, "gitlab", nil, Options{}, new([]gitlabIssue))
}

func checkWhole(t *testing.T, format string, fs []model.Finding, opt Options, v any) {
	t.Helper()
	var got bytes.Buffer
	if err := Write(&got, format, fs, opt); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(got.Bytes(), v); err != nil {
		t.Fatalf("%s: %v\n%s", format, err, got.Bytes())
	}
	var whole bytes.Buffer
	if err := encodeJSON(&whole, v); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(whole.String(), got.String()); diff != "" {
		t.Errorf("%s of %d findings differs from the whole document encoded at once (-whole +streamed):\n%s", format, len(fs), diff)
	}
}
