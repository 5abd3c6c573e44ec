package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	prodtable "github.com/wso2lint/wso2lint/internal/product"
	"github.com/wso2lint/wso2lint/internal/testenv"
	"github.com/wso2lint/wso2lint/report"
)

// TestCompleteValues runs completion requests in-process: option values,
// rule IDs after explain, shells after completion; requests that urfave/cli
// answers itself get nothing from completeValues.
func TestCompleteValues(t *testing.T) {
	ids := ruleIDs()
	if len(ids) < 30 || ids[0] != "WL101" {
		t.Fatalf("ruleIDs() = %v", ids)
	}
	tests := []struct {
		name string
		args []string
		want []string
	}{
		{"lint --format", []string{"lint", "--format"}, []string{"text", "json", "sarif", "checkstyle", "github", "gitlab", "junit", "markdown"}},
		{"default command --format", []string{"./home", "--format"}, []string{"text", "json", "sarif", "checkstyle", "github", "gitlab", "junit", "markdown"}},
		{"ports --format", []string{"ports", "--format"}, []string{"text", "json"}},
		{"catalog --format", []string{"catalog", "--format"}, []string{"text", "json", "markdown"}},
		{"explain --format", []string{"explain", "--format"}, []string{"text", "markdown", "json"}},
		{"diff --format", []string{"diff", "--format"}, report.DiffFormats()},
		{"plan-offsets --format", []string{"plan-offsets", "--format"}, report.PlanFormats()},
		{"rules --target", []string{"rules", "--target"}, []string{"nftables", "iptables", "ip6tables", "firewalld"}},
		{"rules -target", []string{"rules", "-target"}, []string{"nftables", "iptables", "ip6tables", "firewalld"}},
		{"rules --mode", []string{"rules", "--mode"}, []string{"standalone", "fragment"}},
		{"lint --fail-on", []string{"lint", "--fail-on"}, []string{"error", "warning", "info", "none"}},
		{"catalog --product", []string{"catalog", "--product"}, productKeys()},
		{"ports --profile", []string{"ports", "--profile"}, prodtable.AllStartProfiles()},
		{"lint --enable", []string{"lint", "--enable"}, ids},
		{"--disable after a path", []string{"lint", "./home", "--disable"}, ids},
		{"explain", []string{"explain"}, ids},
		{"explain after --format VALUE", []string{"explain", "--format", "json"}, ids},
		{"completion", []string{"completion"}, []string{"bash", "zsh", "fish"}},
		// Left to urfave/cli's own completion (which reads os.Args, so
		// TestBashCompletionScript checks its answers with the binary).
		{"explain with an ID", []string{"explain", "WL101"}, nil},
		{"after a format value", []string{"lint", "--format", "json"}, nil},
		{"--target of lint is no option", []string{"lint", "--target"}, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			args := append(append([]string{"wso2lint"}, tc.args...), completionFlag)
			if code := run(args, &stdout, &stderr, noEnv); code != 0 {
				t.Fatalf("exit %d, stderr %q", code, stderr.String())
			}
			got := strings.Fields(stdout.String())
			if len(got) == 0 {
				got = nil
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("wso2lint %s %s (-want +got):\n%s", strings.Join(tc.args, " "), completionFlag, diff)
			}
		})
	}
}

// TestBashCompletionScript sources the script of `wso2lint completion bash`
// in bash and completes with the built binary, as bash would on TAB.
func TestBashCompletionScript(t *testing.T) {
	bash, err := exec.LookPath("bash")
	if err != nil {
		t.Skip("no bash")
	}
	bin := binary(t)
	tests := []struct {
		line string // the words; the last is the word being completed
		want string
	}{
		{"rules --target ip", "iptables ip6tables"},
		{"lint --format s", "sarif"},
		{"explain WL3", "WL301 WL302 WL303 WL304 WL305 WL306 WL307 WL308 WL309 WL310 WL311 WL312 WL313 WL314 WL315 WL316 WL317 WL318 WL319"},
		{"lint --enable WL90", "WL901 WL902"},
		{"completion z", "zsh"},
		{"rules --tar", "--target"},
		{"expl", "explain"},
	}
	for _, tc := range tests {
		t.Run(tc.line, func(t *testing.T) {
			script := `source <("$BIN" completion bash)
read -ra COMP_WORDS <<<"$LINE"
COMP_WORDS=("$BIN" "${COMP_WORDS[@]}")
COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 ))
_wso2lint_complete
echo "${COMPREPLY[*]}"`
			cmd := exec.Command(bash, "-c", script)
			cmd.Env = append(cmd.Environ(), "BIN="+bin, "LINE="+tc.line)
			out, err := cmd.CombinedOutput()
			if err != nil {
				t.Fatalf("bash: %v\n%s", err, out)
			}
			if got := strings.TrimSpace(string(out)); got != tc.want {
				t.Errorf("completing %q: got %q, want %q", tc.line, got, tc.want)
			}
		})
	}
}

// completionCases are command lines and what completing their last word
// gives in every shell: option values, rule IDs, commands and options from
// the binary, file names when it has none.
var completionCases = []struct {
	line string // the words; the last is the word being completed
	want string // the candidates, sorted, space-separated
}{
	{"rules --target ip", "ip6tables iptables"},
	{"lint --format s", "sarif"},
	{"explain WL90", "WL901 WL902"},
	{"lint --enable WL90", "WL901 WL902"},
	{"completion z", "zsh"},
	{"rules --tar", "--target"},
	{"expl", "explain"},
	{"lint testdata/exa", "testdata/example/"},
	{"--config testdata/exa", "testdata/example/"},
}

// sortedFields sorts the candidates a shell printed one per line.
func sortedFields(out []byte) string {
	f := strings.Fields(string(out))
	slices.Sort(f)
	return strings.Join(f, " ")
}

// zshCompletionRun is a zsh script that sources the script of `wso2lint
// completion zsh` and runs its completion function on the command line LINE,
// with zsh's completion system replaced by functions that print what zsh
// would offer (_describe the candidates that start with the word, _files the
// file names that do), as zsh would call them on TAB.
const zshCompletionRun = `compdef() { : }
_describe() { local c; for c in "${(@P)2}"; do [[ $c == "${words[CURRENT]}"* ]] && print -- "${c%%:*}"; done; return 0 }
_files() { local f; for f in "${words[CURRENT]}"*(N); do [[ -d $f ]] && print -- "$f/" || print -- "$f"; done; return 0 }
source <("$BIN" completion zsh)
words=("$BIN" ${=LINE})
CURRENT=${#words}
_wso2lint`

// TestShellCompletionScripts runs the zsh and fish scripts of `wso2lint
// completion` in their shells on completionCases: zsh as zshCompletionRun says,
// fish with its own completion (complete -C) and the built binary first in
// PATH. fish prints "candidate<TAB>description"; there is no description.
func TestShellCompletionScripts(t *testing.T) {
	shells := []struct {
		name, hint string
		command    func(bin string) *exec.Cmd
	}{
		{"zsh", "zsh runs the zsh completion script (apt-get install zsh)", func(bin string) *exec.Cmd {
			cmd := exec.Command("zsh", "-f", "-c", zshCompletionRun)
			cmd.Env = append(cmd.Environ(), "BIN="+bin)
			return cmd
		}},
		{"fish", "fish runs the fish completion script (apt-get install fish)", func(bin string) *exec.Cmd {
			cmd := exec.Command("fish", "--no-config", "-c", `wso2lint completion fish | source; complete -C "wso2lint $LINE"`)
			cmd.Env = append(cmd.Environ(), "PATH="+filepath.Dir(bin)+string(os.PathListSeparator)+os.Getenv("PATH"))
			return cmd
		}},
	}
	for _, sh := range shells {
		t.Run(sh.name, func(t *testing.T) {
			testenv.NeedCommands(t, sh.hint, sh.name)
			bin := binary(t)
			t.Chdir(repoRoot(t))
			for _, tc := range completionCases {
				t.Run(tc.line, func(t *testing.T) {
					cmd := sh.command(bin)
					cmd.Env = append(cmd.Env, "LINE="+tc.line)
					out, err := cmd.CombinedOutput()
					if err != nil {
						t.Fatalf("%s: %v\n%s", sh.name, err, out)
					}
					if got := sortedFields(out); got != tc.want {
						t.Errorf("completing %q: got %q, want %q", tc.line, got, tc.want)
					}
				})
			}
		})
	}
}
