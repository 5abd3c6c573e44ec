package main

import (
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestNormalizeArgs(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	// A folder named like a command word: a PATH, not a mistyped command.
	if err := os.Mkdir(filepath.Join(dir, "lnt"), 0o755); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name    string
		args    []string
		want    []string
		wantErr string
	}{
		{"empty", nil, nil, ""},
		{"home only", []string{"./H"}, []string{"./H"}, ""},
		{"missing home named like a word", []string{"H"}, nil, `unknown command "H", and no such PATH (commands: lint, ports, rules, catalog, explain, diff, plan-offsets, completion, help, version)`},
		{"options after PATH", []string{"./home", "--format", "json"}, []string{"--format", "json", "./home"}, ""},
		{"command options after PATHs", []string{"rules", "a", "--target", "nftables", "b", "--allow", "management=10.0.0.0/8,fd00::/64", "-o", "out.nft", "--egress"},
			[]string{"rules", "--target", "nftables", "--allow", "management=10.0.0.0/8,fd00::/64", "-o", "out.nft", "--egress", "a", "b"}, ""},
		{"inline value", []string{"ports", "a", "--format=json", "--offset", "-1"}, []string{"ports", "--format=json", "--offset", "-1", "a"}, ""},
		{"double dash ends options", []string{"lint", "a", "--", "--all", "-b"}, []string{"lint", "--", "a", "--all", "-b"}, ""},
		{"stdin dash is a PATH", []string{"explain", "-", "--help"}, []string{"explain", "--help", "-"}, ""},
		{"bool flag takes no value", []string{"ports", "--all", "a", "b"}, []string{"ports", "--all", "a", "b"}, ""},
		{"unknown option moved alone", []string{"lint", "a", "--fromat", "json"}, []string{"lint", "--fromat", "a", "json"}, ""},
		{"flag before command kept", []string{"--offset", "3", "ports", "a", "--all"}, []string{"--offset", "3", "ports", "a", "--all"}, ""},
		{"completion untouched", []string{"a", "--format", "--generate-bash-completion"}, []string{"a", "--format", "--generate-bash-completion"}, ""},
		{"help word", []string{"help"}, []string{"--help"}, ""},
		{"help command", []string{"help", "rules"}, []string{"rules", "--help"}, ""},
		{"help PATH", []string{"help", "./x"}, []string{"--help"}, ""},
		{"version word", []string{"version"}, []string{"--version"}, ""},
		{"version flag", []string{"--version"}, []string{"--version"}, ""},
		{"existing folder named like a word", []string{"lnt", "--format", "json"}, []string{"--format", "json", "lnt"}, ""},
		{"mistyped command", []string{"lnit", "x"}, nil, `unknown command "lnit"; did you mean "lint"?`},
		{"help mistyped command", []string{"help", "explian"}, nil, `unknown command "explian"; did you mean "explain"?`},
		{"unknown word", []string{"deploy"}, nil, `unknown command "deploy", and no such PATH (commands: lint, ports, rules, catalog, explain, diff, plan-offsets, completion, help, version)`},
		{"two names of one option", []string{"lint", "a", "-o", "x.json", "--output", "sarif=y.sarif", "--output=junit=z.xml"},
			[]string{"lint", "-o", "x.json", "-o", "sarif=y.sarif", "-o=junit=z.xml", "a"}, ""},
		{"two names, long first", []string{"./a", "--output", "x.json", "./b", "-o", "sarif=y.sarif"},
			[]string{"--output", "x.json", "--output", "sarif=y.sarif", "./a", "./b"}, ""},
		{"value missing", []string{"ports", "a", "--format"}, nil, "option --format needs a value (see --help)"},
		{"value missing before dashes", []string{"lint", "-o", "--", "a"}, nil, "option -o needs a value (see --help)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			app := newApp(io.Discard, io.Discard, noEnv)
			got, err := normalizeArgs(app, append([]string{"wso2lint"}, tt.args...))
			if tt.wantErr != "" {
				if err == nil || err.Error() != tt.wantErr {
					t.Fatalf("error %v, want %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(append([]string{"wso2lint"}, tt.want...), got); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

func TestEditDistance(t *testing.T) {
	tests := []struct {
		a, b string
		want int
	}{
		{"", "", 0},
		{"lint", "lint", 0},
		{"lnt", "lint", 1},
		{"lnit", "lint", 1}, // transposition
		{"fromat", "format", 1},
		{"prots", "ports", 1},
		{"rules", "ports", 4},
		{"", "abc", 3},
		{"kitten", "sitting", 3},
	}
	for _, tt := range tests {
		if got := editDistance(tt.a, tt.b); got != tt.want {
			t.Errorf("editDistance(%q, %q) = %d, want %d", tt.a, tt.b, got, tt.want)
		}
	}
}

func TestSuggest(t *testing.T) {
	names := []string{"format", "fail-on", "offset", "o", "output"}
	tests := []struct {
		word, want string
	}{
		{"fromat", "format"},
		{"FORMAT", "format"},
		{"fial-on", "fail-on"},
		{"ofset", "offset"},
		{"x", ""}, // one letter: anything is one edit away
		{"zzzzzz", ""},
		{"outptu", "output"},
	}
	for _, tt := range tests {
		got, ok := suggest(tt.word, names)
		if got != tt.want || ok != (tt.want != "") {
			t.Errorf("suggest(%q) = %q, %v; want %q", tt.word, got, ok, tt.want)
		}
	}
}

// FuzzNormalizeArgs: the rewrite never panics, and for a command's arguments
// it only moves them: the same arguments come out, in some order, but for an
// option given by two of its names, which comes out by the name given first
// (so both sides are compared with every option under its flag's first name).
func FuzzNormalizeArgs(f *testing.F) {
	f.Add("rules\x00a\x00--target\x00nftables\x00-o\x00x\x00--\x00-b")
	f.Add("lint\x00--format=json\x00a\x00--files")
	f.Add("ports\x00a\x00--offset")
	f.Add("ports\x00a\x00-o\x00x\x00--output=y\x00--o\x00z")
	f.Fuzz(func(t *testing.T, joined string) {
		args := strings.Split(joined, "\x00")
		app := newApp(io.Discard, io.Discard, noEnv)
		in := append([]string{"wso2lint", "ports"}, args...)
		out, err := normalizeArgs(app, in)
		if err != nil {
			return
		}
		specs := flagSpecs(app.Command("ports").Flags)
		canon := func(args []string) []string {
			c := slices.Clone(args)
			for i, a := range c {
				if !isOption(a) {
					continue
				}
				name, _ := optionName(a)
				if spec, ok := specs[name]; ok {
					_, value, inline := strings.Cut(a, "=")
					c[i] = "--" + spec.primary
					if inline {
						c[i] += "=" + value
					}
				}
			}
			slices.Sort(c)
			return c
		}
		a, b := canon(in), canon(out)
		if in[len(in)-1] != completionFlag && !slices.Equal(a, b) {
			t.Fatalf("normalizeArgs(%q) = %q: not a reordering", in, out)
		}
	})
}

// TestVersionOnly checks runContext's shortcut for `--version`, `-v` and
// `version` (issue 15 item 4): it writes exactly what urfave/cli's version
// printer writes for the app, and only the bare request takes it.
func TestVersionOnly(t *testing.T) {
	var want strings.Builder
	if err := newApp(&want, io.Discard, noEnv).Run([]string{"wso2lint", "--version"}); err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(want.String(), "wso2lint version ") {
		t.Fatalf("urfave/cli wrote %q", want.String())
	}
	for _, arg := range []string{"--version", "-v", "version"} {
		var out, errb strings.Builder
		if code := run([]string{"wso2lint", arg}, &out, &errb, noEnv); code != exitOK || errb.Len() > 0 {
			t.Errorf("%s: exit %d, stderr %q", arg, code, errb.String())
		}
		if diff := cmp.Diff(want.String(), out.String()); diff != "" {
			t.Errorf("%s: output differs from urfave/cli's (-want +got):\n%s", arg, diff)
		}
	}
	for _, args := range [][]string{{"wso2lint"}, {"wso2lint", "--version", "x"}, {"wso2lint", "--help"}, {"wso2lint", "./version"}, {"wso2lint", "lint", "--version"}} {
		if versionOnly(args) {
			t.Errorf("versionOnly(%q) = true", args)
		}
	}
}
