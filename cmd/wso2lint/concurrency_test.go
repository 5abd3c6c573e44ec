package main

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/wso2lint/wso2lint/parse"
)

// concurrentSources are the homes copied to build many homes on one host.
var concurrentSources = []string{
	"testdata/example/wso2am-2.6.0",
	"testdata/homes/wso2bps-3.6.0",
	"testdata/homes/wso2cep-4.2.0",
	"testdata/homes/wso2elb-2.2.0",
	"testdata/homes/wso2emm-2.2.0",
	"testdata/homes/wso2iot-3.3.0",
	"testdata/homes/wso2ml-1.2.0",
	"testdata/homes/wso2ss-1.1.0",
}

const concurrentHomes = 40

var offsetRE = regexp.MustCompile(`<Offset>\s*(\d+)\s*</Offset>`)

// manyHomes copies the sources into n homes under a temporary directory, each
// with its own offset added to every carbon.xml, and returns them in order.
func manyHomes(t *testing.T, n int) []string {
	t.Helper()
	root := repoRoot(t)
	base := t.TempDir()
	var dirs []string
	for i := 0; i < n; i++ {
		src := concurrentSources[i%len(concurrentSources)]
		dir := filepath.Join(base, fmt.Sprintf("h%02d-%s", i, filepath.Base(src)))
		copyTree(t, filepath.Join(root, src), dir)
		found := false
		err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
			if err != nil || d.IsDir() || d.Name() != "carbon.xml" {
				return err
			}
			data, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			data = offsetRE.ReplaceAllFunc(data, func(m []byte) []byte {
				old, _ := strconv.Atoi(string(offsetRE.FindSubmatch(m)[1]))
				found = true
				return []byte(fmt.Sprintf("<Offset>%d</Offset>", old+10*i))
			})
			return os.WriteFile(p, data, 0o644)
		})
		if err != nil {
			t.Fatal(err)
		}
		if !found {
			t.Fatalf("%s: no <Offset> in any carbon.xml", src)
		}
		dirs = append(dirs, dir)
	}
	return dirs
}

// TestLoadHomesSchedules reads 40 homes with one worker, a few and one per home:
// the homes must be equal, and equal to each home read alone.
func TestLoadHomesSchedules(t *testing.T) {
	dirs := manyHomes(t, concurrentHomes)
	serial, err := loadHomesWith(context.Background(), dirs, parse.Options{}, 1)
	if err != nil {
		t.Fatal(err)
	}
	for i, h := range serial {
		if h.Dir != dirs[i] {
			t.Fatalf("home %d is %s, want %s", i, h.Dir, dirs[i])
		}
		if h.Servers[0].Offset.Value < 10*i {
			t.Fatalf("home %d: offset %d, want the written offset (at least %d)", i, h.Servers[0].Offset.Value, 10*i)
		}
	}
	for _, workers := range []int{0, 3, concurrentHomes} {
		got, err := loadHomesWith(context.Background(), dirs, parse.Options{}, workers)
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(serial, got); diff != "" {
			t.Errorf("%d workers differ from one (-one +many):\n%s", workers, diff)
		}
	}
	for i, d := range dirs {
		alone, err := loadHomesWith(context.Background(), []string{d}, parse.Options{}, 1)
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(serial[i], alone[0]); diff != "" {
			t.Errorf("home %d read with the others differs from read alone (-together +alone):\n%s", i, diff)
		}
	}
}

// runInProcess runs the CLI in-process with GOMAXPROCS set to procs.
func runInProcess(t *testing.T, procs int, args ...string) (int, string, string) {
	t.Helper()
	prev := runtime.GOMAXPROCS(procs)
	defer runtime.GOMAXPROCS(prev)
	var stdout, stderr bytes.Buffer
	code := run(append([]string{"wso2lint"}, args...), &stdout, &stderr, noEnv)
	return code, stdout.String(), stderr.String()
}

// TestConcurrentOutputIdentical runs lint, ports and rules on 40 homes with
// GOMAXPROCS 1 and 8, in-process (so -race sees the workers) and as the built
// binary: the output must be byte-identical.
func TestConcurrentOutputIdentical(t *testing.T) {
	dirs := manyHomes(t, concurrentHomes)
	commands := [][]string{
		{"lint", "--no-config", "--fail-on", "none"},
		{"lint", "--no-config", "--fail-on", "none", "--format", "json"},
		{"ports", "--all"},
		{"ports", "--format", "json"},
		{"rules", "--target", "nftables"},
	}
	for _, c := range commands {
		args := append(append([]string{}, c...), dirs...)
		name := strings.Join(c, " ")
		code1, out1, err1 := runInProcess(t, 1, args...)
		if code1 == exitInput {
			t.Fatalf("%s: exit 2: %s", name, err1)
		}
		if out1 == "" && err1 == "" {
			// rules on 40 homes stops at their port collisions (exit 1), a long
			// message that must not depend on scheduling either.
			t.Fatalf("%s: no output", name)
		}
		code8, out8, err8 := runInProcess(t, 8, args...)
		if code1 != code8 || out1 != out8 || err1 != err8 {
			t.Errorf("%s: GOMAXPROCS=8 differs from GOMAXPROCS=1 (exit %d/%d):\n%s", name, code1, code8, cmp.Diff(out1, out8))
		}
		bcode1, bout1, berr1 := execCLI(t, []string{"GOMAXPROCS=1"}, args...)
		bcode8, bout8, berr8 := execCLI(t, []string{"GOMAXPROCS=8"}, args...)
		if bcode1 != code1 || bout1 != out1 || berr1 != err1 {
			t.Errorf("%s: binary with GOMAXPROCS=1 differs from in-process (exit %d/%d):\n%s", name, code1, bcode1, cmp.Diff(out1, bout1))
		}
		if bcode1 != bcode8 || bout1 != bout8 || berr1 != berr8 {
			t.Errorf("%s: binary with GOMAXPROCS=8 differs from GOMAXPROCS=1 (exit %d/%d):\n%s", name, bcode1, bcode8, cmp.Diff(bout1, bout8))
		}
	}
}

// TestConcurrentPortsConcatenate checks that `ports` on 40 homes prints what
// running it on each home alone prints, concatenated in order.
func TestConcurrentPortsConcatenate(t *testing.T) {
	dirs := manyHomes(t, concurrentHomes)
	for _, all := range [][]string{nil, {"--all"}} {
		code, together, stderr := runInProcess(t, 8, append(append([]string{"ports"}, all...), dirs...)...)
		if code != exitOK {
			t.Fatalf("ports: exit %d: %s", code, stderr)
		}
		var alone []string
		for _, d := range dirs {
			code, out, stderr := runInProcess(t, 1, append(append([]string{"ports"}, all...), d)...)
			if code != exitOK {
				t.Fatalf("ports %s: exit %d: %s", d, code, stderr)
			}
			alone = append(alone, out)
		}
		if diff := cmp.Diff(strings.Join(alone, "\n"), together); diff != "" {
			t.Errorf("ports %v of 40 homes differs from each home alone (-alone +together):\n%s", all, diff)
		}
	}
}

// TestConcurrentFirstErrorWins breaks two homes: the earlier on the command
// line fails late (its deployment.toml is read last), the later one fails at
// once (carbon.xml). The earlier one's error must always be reported.
func TestConcurrentFirstErrorWins(t *testing.T) {
	dirs := manyHomes(t, concurrentHomes)
	early, late := 8, 32 // both copies of the example home
	if !strings.HasSuffix(dirs[early], "wso2am-2.6.0") || !strings.HasSuffix(dirs[late], "wso2am-2.6.0") {
		t.Fatalf("homes %d and %d are not copies of the example", early, late)
	}
	earlyFile := filepath.Join(dirs[early], "repository", "conf", "deployment.toml")
	if err := os.WriteFile(earlyFile, []byte("[server\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dirs[late], "repository", "conf", "carbon.xml"), []byte("<Server>"), 0o644); err != nil {
		t.Fatal(err)
	}
	want := filepath.ToSlash(earlyFile) + ":1: "
	for _, workers := range []int{1, 2, 8, concurrentHomes} {
		for round := 0; round < 5; round++ {
			_, err := loadHomesWith(context.Background(), dirs, parse.Options{}, workers)
			if err == nil || !strings.HasPrefix(err.Error(), want) {
				t.Fatalf("%d workers, round %d: error %v, want one starting %q", workers, round, err, want)
			}
		}
	}
	for _, c := range [][]string{{"lint", "--no-config"}, {"ports"}, {"rules", "--target", "nftables"}} {
		args := append(append([]string{}, c...), dirs...)
		for _, procs := range []int{1, 8} {
			code, stdout, stderr := runInProcess(t, procs, args...)
			if code != exitInput || stdout != "" || !strings.HasPrefix(stderr, "wso2lint: "+want) || strings.Count(stderr, "\n") != 1 {
				t.Errorf("%s with GOMAXPROCS=%d: exit %d, stdout %d bytes, stderr %q; want exit 2 and one line naming %s",
					strings.Join(c, " "), procs, code, len(stdout), stderr, earlyFile)
			}
		}
		code, _, stderr := execCLI(t, []string{"GOMAXPROCS=8"}, args...)
		if code != exitInput || !strings.HasPrefix(stderr, "wso2lint: "+want) {
			t.Errorf("binary %s: exit %d, stderr %q; want exit 2 naming %s", strings.Join(c, " "), code, stderr, earlyFile)
		}
	}
}

// TestLoadHomesWorkersDefault checks that 0 workers reads every home.
func TestLoadHomesWorkersDefault(t *testing.T) {
	dirs := manyHomes(t, 3)
	homes, err := loadHomesWith(context.Background(), dirs, parse.Options{}, 0)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, h := range homes {
		got = append(got, h.Dir)
	}
	if diff := cmp.Diff(dirs, got); diff != "" {
		t.Errorf("homes out of order (-want +got):\n%s", diff)
	}
}
