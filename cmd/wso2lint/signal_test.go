package main

import (
	"bytes"
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

var (
	hookBuildOnce sync.Once
	hookBinPath   string
	hookBuildErr  error
)

// hookBinary builds wso2lint with -tags wso2lint_testhook once per test run:
// with WSO2LINT_TEST_HOLD_TEMP set, it holds each -o write open after the
// temporary file exists (testhook_on.go).
func hookBinary(t *testing.T) string {
	t.Helper()
	hookBuildOnce.Do(func() {
		dir, err := os.MkdirTemp("", "wso2lint-hookbin")
		if err != nil {
			hookBuildErr = err
			return
		}
		hookBinPath = filepath.Join(dir, "wso2lint")
		out, err := exec.Command("go", "build", "-tags", "wso2lint_testhook", "-o", hookBinPath, ".").CombinedOutput()
		if err != nil {
			hookBuildErr = errors.New(string(out))
		}
	})
	if hookBuildErr != nil {
		t.Fatalf("build: %v", hookBuildErr)
	}
	return hookBinPath
}

// tempFiles lists the names in dir that look like wso2lint temporary files.
func tempFiles(t *testing.T, dir string) []string {
	t.Helper()
	var out []string
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if strings.Contains(d.Name(), ".tmp-") {
			rel, _ := filepath.Rel(dir, p)
			out = append(out, rel)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// TestSignalRemovesTemp signals runs held in the middle of a -o write: each
// must exit 128+signal with one line on stderr, leave no temporary file and
// leave an existing output file as it was.
func TestSignalRemovesTemp(t *testing.T) {
	bin := hookBinary(t)
	home := filepath.Join(repoRoot(t), hostileExample)
	cases := []struct {
		name string
		sig  syscall.Signal
		args func(out string) []string
		out  string // file or directory (trailing /) under the test directory
	}{
		{"rules -o, SIGTERM", syscall.SIGTERM, func(o string) []string { return []string{"rules", "--target", "nftables", "-o", o, home} }, "rules.nft"},
		{"rules -o, SIGINT", syscall.SIGINT, func(o string) []string { return []string{"rules", "--target", "iptables", "-o", o, home} }, "rules.v4"},
		{"rules -o, SIGHUP", syscall.SIGHUP, func(o string) []string { return []string{"rules", "--target", "nftables", "-o", o, home} }, "rules.nft"},
		{"firewalld -o DIR/, SIGTERM", syscall.SIGTERM, func(o string) []string { return []string{"rules", "--target", "firewalld", "-o", o, home} }, "fw/"},
		{"ports -o, SIGTERM", syscall.SIGTERM, func(o string) []string { return []string{"ports", "-o", o, home} }, "ports.txt"},
		{"lint --write-baseline, SIGTERM", syscall.SIGTERM, func(o string) []string { return []string{"lint", "--no-config", "--write-baseline", o, home} }, "baseline.json"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			out := filepath.Join(dir, tc.out)
			if strings.HasSuffix(tc.out, "/") {
				out += "/"
			} else if err := os.WriteFile(out, []byte("previous\n"), 0o644); err != nil {
				t.Fatal(err)
			}
			cmd := exec.Command(bin, tc.args(out)...)
			cmd.Env = append(os.Environ(), "WSO2LINT_TEST_HOLD_TEMP=1")
			var stdout, stderr bytes.Buffer
			cmd.Stdout, cmd.Stderr = &stdout, &stderr
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			waited := make(chan error, 1)
			go func() { waited <- cmd.Wait() }()
			defer func() {
				_ = cmd.Process.Kill()
			}()
			deadline := time.Now().Add(20 * time.Second)
			for len(tempFiles(t, dir)) == 0 {
				select {
				case err := <-waited:
					t.Fatalf("ended before writing: %v, stderr %q", err, stderr.String())
				default:
				}
				if time.Now().After(deadline) {
					t.Fatal("no temporary file appeared")
				}
				time.Sleep(10 * time.Millisecond)
			}
			held := tempFiles(t, dir)
			pid := strconv.Itoa(cmd.Process.Pid)
			for _, f := range held {
				if !strings.Contains(filepath.Base(f), ".tmp-"+pid+"-") {
					t.Errorf("temporary file %s does not carry the PID %s", f, pid)
				}
			}
			if err := cmd.Process.Signal(tc.sig); err != nil {
				t.Fatal(err)
			}
			select {
			case <-waited:
			case <-time.After(10 * time.Second):
				t.Fatalf("still running 10 s after %v", tc.sig)
			}
			if got, want := cmd.ProcessState.ExitCode(), 128+int(tc.sig); got != want {
				t.Errorf("exit %d, want %d (stderr %q)", got, want, stderr.String())
			}
			// rules notes the ports it leaves closed before it writes; then
			// one line says why the run stopped.
			lines := strings.Split(strings.TrimSuffix(stderr.String(), "\n"), "\n")
			if want := "wso2lint: stopped by " + signalName(tc.sig); lines[len(lines)-1] != want {
				t.Errorf("stderr ends %q, want %q", lines[len(lines)-1], want)
			}
			for _, l := range lines[:len(lines)-1] {
				if !strings.HasPrefix(l, "wso2lint: note: ") {
					t.Errorf("stderr line %q: want only notes before the last line", l)
				}
			}
			if left := tempFiles(t, dir); len(left) > 0 {
				t.Errorf("temporary files left after %v: %v (held %v)", tc.sig, left, held)
			}
			if !strings.HasSuffix(tc.out, "/") {
				if got, err := os.ReadFile(out); err != nil || string(got) != "previous\n" {
					t.Errorf("output file = %q, %v; want it unchanged", got, err)
				}
			}
		})
	}
}

// TestTestHookOffInRelease checks that the ordinary binary ignores the test
// hook's variable: the write is not held.
func TestTestHookOffInRelease(t *testing.T) {
	out := filepath.Join(t.TempDir(), "rules.nft")
	code, _, stderr := execCLI(t, []string{"WSO2LINT_TEST_HOLD_TEMP=1"}, "rules", "--target", "nftables", "-o", out, hostileExample)
	if code != exitOK {
		t.Fatalf("exit %d, stderr %q", code, stderr)
	}
	if b, err := os.ReadFile(out); err != nil || !bytes.Contains(b, []byte("table inet wso2lint")) {
		t.Errorf("rules file = %q, %v", b, err)
	}
}

// TestStaleTempRemoved plants the temporary files of a run killed with
// SIGKILL and of a run still writing next to the output: the next run removes
// the first and leaves the second.
func TestStaleTempRemoved(t *testing.T) {
	dead := exec.Command("true")
	if err := dead.Run(); err != nil {
		t.Skipf("true: %v", err)
	}
	live := exec.Command("sleep", "60")
	if err := live.Start(); err != nil {
		t.Skipf("sleep: %v", err)
	}
	defer func() {
		_ = live.Process.Kill()
		_ = live.Wait()
	}()
	if syscall.Kill(dead.Process.Pid, 0) == nil {
		t.Skipf("PID %d reused at once", dead.Process.Pid)
	}
	dir := t.TempDir()
	stale := ".rules.nft.tmp-" + strconv.Itoa(dead.Process.Pid) + "-12345"
	busy := ".rules.nft.tmp-" + strconv.Itoa(live.Process.Pid) + "-67890"
	other := ".notes.txt.tmp-" + strconv.Itoa(dead.Process.Pid) + "-1"
	for _, n := range []string{stale, busy, other} {
		if err := os.WriteFile(filepath.Join(dir, n), []byte("# partial"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	code, _, stderr := execCLI(t, nil, "rules", "--target", "nftables", "-o", filepath.Join(dir, "rules.nft"), hostileExample)
	if code != exitOK {
		t.Fatalf("exit %d, stderr %q", code, stderr)
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	want := []string{other, busy, "rules.nft"}
	if strings.Join(names, " ") != strings.Join(want, " ") {
		t.Errorf("directory holds %v, want %v", names, want)
	}
}

// TestArmSignals checks the lazy signal handling of signalContext (issue 15
// item 4): once armed (twice is once), a signal cancels the context with the
// signal as its cause; after stop, arming does nothing; a context of no
// signalContext (in-process runs) is left alone.
func TestArmSignals(t *testing.T) {
	ctx, stop := signalContext(context.Background())
	defer stop()
	armSignals(ctx)
	armSignals(ctx)
	if err := syscall.Kill(os.Getpid(), syscall.SIGHUP); err != nil {
		t.Fatal(err)
	}
	select {
	case <-ctx.Done():
	case <-time.After(10 * time.Second):
		t.Fatal("context not cancelled 10 s after SIGHUP")
	}
	var se signalError
	if !errors.As(context.Cause(ctx), &se) || se.sig != syscall.SIGHUP {
		t.Errorf("cause %v, want stopped by SIGHUP", context.Cause(ctx))
	}

	ctx, stop = signalContext(context.Background())
	stop()
	armSignals(ctx)
	if w := ctx.Value(signalWatchKey{}).(*signalWatch); w.ch != nil {
		t.Error("armSignals after stop installed a handler")
	}
	armSignals(context.Background()) // no signalContext: nothing to arm, no panic
}
