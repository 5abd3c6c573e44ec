package packaging

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/wso2lint/wso2lint/internal/testenv"
)

// instruction is one Dockerfile instruction: its keyword (upper case), its
// arguments (continuation lines joined) and its line.
type instruction struct {
	cmd  string
	args string
	line int
}

// stage is the instructions from one FROM to the next.
type stage struct {
	from  string // the image
	name  string // the AS name, or ""
	insts []instruction
}

// parseDockerfile reads the Dockerfile's instructions, stage by stage:
// comments and blank lines dropped, lines ending in a backslash joined.
func parseDockerfile(path string) ([]stage, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var (
		stages  []stage
		pending string
		start   int
		n       int
	)
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		n++
		line := strings.TrimSpace(sc.Text())
		if pending == "" && (line == "" || strings.HasPrefix(line, "#")) {
			continue
		}
		if pending == "" {
			start = n
		}
		if cont, ok := strings.CutSuffix(line, "\\"); ok {
			pending += cont + " "
			continue
		}
		full := pending + line
		pending = ""
		cmd, args, _ := strings.Cut(full, " ")
		in := instruction{cmd: strings.ToUpper(cmd), args: strings.TrimSpace(args), line: start}
		if in.cmd == "FROM" {
			f := strings.Fields(in.args)
			s := stage{from: f[0]}
			if len(f) == 3 && strings.EqualFold(f[1], "AS") {
				s.name = f[2]
			} else if len(f) != 1 {
				return nil, fmt.Errorf("%s:%d: FROM %s: want IMAGE [AS NAME]", path, start, in.args)
			}
			stages = append(stages, s)
			continue
		}
		if len(stages) == 0 {
			if in.cmd == "ARG" {
				continue
			}
			return nil, fmt.Errorf("%s:%d: %s before the first FROM", path, start, in.cmd)
		}
		stages[len(stages)-1].insts = append(stages[len(stages)-1].insts, in)
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	if pending != "" {
		return nil, fmt.Errorf("%s: ends in a continuation line", path)
	}
	if len(stages) == 0 {
		return nil, fmt.Errorf("%s: no FROM", path)
	}
	return stages, nil
}

// buildSteps returns the RUN lines of the stage the final stage copies
// wso2lint from.
func buildSteps(stages []stage) []string {
	var from string
	for _, in := range stages[len(stages)-1].insts {
		if m := copyFrom.FindStringSubmatch(in.cmd + " " + in.args); m != nil {
			from = m[1]
		}
	}
	var out []string
	for _, s := range stages {
		if s.name != from {
			continue
		}
		for _, in := range s.insts {
			if in.cmd == "RUN" {
				out = append(out, in.args)
			}
		}
	}
	return out
}

var (
	copyFrom = regexp.MustCompile(`^COPY --from=(\S+) \S*wso2lint (\S+)$`)
	// pinnedImage is NAME:TAG with a version number in the tag, or NAME@sha256:DIGEST.
	pinnedImage = regexp.MustCompile(`^[a-z0-9./_-]+(:[A-Za-z0-9._-]*[0-9][A-Za-z0-9._-]*)?(@sha256:[0-9a-f]{64})?$`)
)

// pinned reports whether image names a versioned tag or a digest.
func pinned(image string) bool {
	return pinnedImage.MatchString(image) && strings.ContainsAny(image, ":@")
}

// TestDockerfile lints the Dockerfile for the properties the image needs.
func TestDockerfile(t *testing.T) {
	root := testenv.RepoRoot(t)
	stages, err := parseDockerfile(filepath.Join(root, "Dockerfile"))
	if err != nil {
		t.Fatal(err)
	}
	names := map[string]bool{}
	for _, s := range stages {
		switch {
		case s.from == "scratch" || names[s.from]:
		case !pinned(s.from):
			t.Errorf("FROM %s: pin the base image by a versioned tag or a digest", s.from)
		}
		if s.name != "" {
			names[s.name] = true
		}
		for _, in := range s.insts {
			if in.cmd == "ADD" && regexp.MustCompile(`https?://|git@`).MatchString(in.args) {
				t.Errorf("line %d: ADD %s fetches from the network: download in a RUN step with a checksum, or COPY", in.line, in.args)
			}
			if in.cmd == "RUN" && strings.Contains(in.args, "go build") {
				for _, want := range []string{"CGO_ENABLED=0", "-trimpath", "./cmd/wso2lint"} {
					if !strings.Contains(in.args, want) {
						t.Errorf("line %d: the go build step lacks %s", in.line, want)
					}
				}
			}
			if in.cmd == "COPY" && !strings.HasPrefix(in.args, "--from=") {
				f := strings.Fields(in.args)
				for _, src := range f[:len(f)-1] {
					if _, err := os.Stat(filepath.Join(root, src)); err != nil {
						t.Errorf("line %d: COPY %s: %v", in.line, src, err)
					}
				}
			}
		}
	}
	final := stages[len(stages)-1]
	byCmd := map[string][]instruction{}
	for _, in := range final.insts {
		byCmd[in.cmd] = append(byCmd[in.cmd], in)
	}
	users := byCmd["USER"]
	if len(users) == 0 {
		t.Error("the final stage has no USER: the image would run as root")
	} else if u, _, _ := strings.Cut(users[len(users)-1].args, ":"); u == "root" || u == "0" {
		t.Errorf("USER %s: want a non-root user", users[len(users)-1].args)
	}
	var entry []string
	if eps := byCmd["ENTRYPOINT"]; len(eps) != 1 {
		t.Errorf("want one ENTRYPOINT in the final stage, got %d", len(eps))
	} else if err := json.Unmarshal([]byte(eps[0].args), &entry); err != nil {
		t.Errorf("ENTRYPOINT %s is not the exec form (a JSON array): %v", eps[0].args, err)
	}
	if diff := cmp.Diff([]string{"wso2lint"}, entry); diff != "" {
		t.Errorf("ENTRYPOINT (-want +got):\n%s", diff)
	}
	// The binary lands in a folder on the image's PATH.
	var binDir string
	for _, in := range byCmd["COPY"] {
		if m := copyFrom.FindStringSubmatch(in.cmd + " " + in.args); m != nil {
			binDir = filepath.Dir(m[2])
			if !names[m[1]] {
				t.Errorf("COPY --from=%s: no stage of that name", m[1])
			}
		}
	}
	if binDir == "" {
		t.Fatal("the final stage copies no wso2lint binary from a build stage")
	}
	onPath := false
	for _, in := range byCmd["ENV"] {
		if v, ok := strings.CutPrefix(in.args, "PATH="); ok && strings.Contains(":"+v+":", ":"+binDir+":") {
			onPath = true
		}
	}
	if !onPath {
		t.Errorf("%s (where the binary is) is not on the PATH the final stage sets", binDir)
	}
	if len(buildSteps(stages)) == 0 {
		t.Error("the build stage has no RUN step")
	}
	// .dockerignore must not hide what the build copies.
	data, err := os.ReadFile(filepath.Join(root, ".dockerignore"))
	if err != nil {
		t.Fatal(err)
	}
	for _, line := range strings.Fields(string(data)) {
		for _, need := range []string{"go.mod", "go.sum", "cmd", "LICENSE", "NOTICE"} {
			if ok, _ := filepath.Match(line, need); ok {
				t.Errorf(".dockerignore %s excludes %s, which the build copies", line, need)
			}
		}
	}
}

// TestDockerfileParse checks the parser and the pin check on small files,
// bad ones included: the lint must be able to fail.
func TestDockerfileParse(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "Dockerfile")
	write := func(s string) {
		if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("# c\nARG X=1\nFROM golang:1.26.8 AS build\nRUN a \\\n  b\n\nFROM scratch\nCOPY --from=build /out/wso2lint /usr/local/bin/wso2lint\nENTRYPOINT [\"wso2lint\"]\n")
	stages, err := parseDockerfile(p)
	if err != nil {
		t.Fatal(err)
	}
	if len(stages) != 2 || stages[0].name != "build" || stages[1].from != "scratch" {
		t.Fatalf("stages %+v", stages)
	}
	if diff := cmp.Diff([]string{"a  b"}, buildSteps(stages)); diff != "" {
		t.Errorf("build steps (-want +got):\n%s", diff)
	}
	if got := stages[0].insts[0].line; got != 4 {
		t.Errorf("RUN at line %d, want 4", got)
	}
	for _, bad := range []string{"RUN x\n", "FROM a b\n", "FROM a\nRUN x \\\n", ""} {
		write(bad)
		if _, err := parseDockerfile(p); err == nil {
			t.Errorf("%q: no error", bad)
		}
	}
	for image, want := range map[string]bool{
		"golang:1.26.8-bookworm": true, "golang:latest": false, "golang": false, "debian:bookworm": false,
		"gcr.io/distroless/static@sha256:" + strings.Repeat("a", 64): true,
	} {
		if got := pinned(image); got != want {
			t.Errorf("pinned(%s) = %v, want %v", image, got, want)
		}
	}
}

// TestDockerfileBuildStep runs the build stage's RUN lines as a script and
// checks the result: a static binary that reports the VERSION build argument.
func TestDockerfileBuildStep(t *testing.T) {
	testenv.SkipShort(t, "builds wso2lint with the Dockerfile's go build command")
	bin := filepath.Join(staticBinary(t), "wso2lint")
	checkStatic(t, bin)
	code, out := exitCode(t, exec.Command(bin, "--version"))
	if code != 0 || !strings.HasPrefix(out, "wso2lint version "+dockerVersion+" (rule set ") {
		t.Errorf("%s --version: exit %d, %q; want the VERSION build argument %s", bin, code, out, dockerVersion)
	}
}
