//go:build unix

package atomicfile

import (
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

func TestTempPID(t *testing.T) {
	cases := []struct {
		name string
		pid  int
		ok   bool
	}{
		{".out.txt.tmp-123-4567", 123, true},
		{".out.txt.tmp-1-0", 1, true},
		{".out.txt.tmp-4194304-1", 4194304, true},
		{".out.txt.tmp-4194305-1", 0, false}, // above PID_MAX_LIMIT
		{".out.txt.tmp-0-1", 0, false},
		{".out.txt.tmp-123456", 0, false}, // the old name without a PID: not ours to judge
		{".out.txt.tmp-12a-4", 0, false},
		{".out.txt.tmp-12-4x", 0, false},
		{".out.txt.tmp--1", 0, false},
		{".out.txt.tmp-1-", 0, false},
		{".out.txt.tmp-1-2-3", 0, false},
		{".out.txt.tmp-123-456.bak", 0, false},
		{"out.txt.tmp-1-2", 0, false},
		{".other.txt.tmp-1-2", 0, false},
		{".out.txt.tmp-99999999999-1", 0, false},
	}
	for _, tc := range cases {
		pid, ok := tempPID("out.txt", tc.name)
		if pid != tc.pid || ok != tc.ok {
			t.Errorf("tempPID(out.txt, %q) = %d, %v; want %d, %v", tc.name, pid, ok, tc.pid, tc.ok)
		}
	}
}

// deadPID returns the PID of a process that has ended.
func deadPID(t *testing.T) int {
	t.Helper()
	cmd := exec.Command("true")
	if err := cmd.Run(); err != nil {
		t.Skipf("cannot run true: %v", err)
	}
	pid := cmd.Process.Pid
	if processExists(pid) {
		t.Skipf("PID %d was reused at once", pid)
	}
	return pid
}

// livePID starts a process that runs until the test ends and returns its PID.
func livePID(t *testing.T) int {
	t.Helper()
	cmd := exec.Command("sleep", "60")
	if err := cmd.Start(); err != nil {
		t.Skipf("cannot start sleep: %v", err)
	}
	t.Cleanup(func() {
		_ = cmd.Process.Kill()
		_ = cmd.Wait()
	})
	return cmd.Process.Pid
}

func TestRemoveStale(t *testing.T) {
	dir := t.TempDir()
	target := filepath.Join(dir, "rules.nft")
	dead, live := deadPID(t), livePID(t)
	name := func(pid int, random string) string { return ".rules.nft.tmp-" + strconv.Itoa(pid) + "-" + random }
	plant := func(n string, age time.Duration) {
		t.Helper()
		p := filepath.Join(dir, n)
		if err := os.WriteFile(p, []byte("partial"), 0o600); err != nil {
			t.Fatal(err)
		}
		old := time.Now().Add(-age)
		if err := os.Chtimes(p, old, old); err != nil {
			t.Fatal(err)
		}
	}
	plant("rules.nft", 0)
	plant(name(dead, "1"), 0)                      // killed mid-write: removed
	plant(name(dead, "2"), 2*time.Hour)            // killed long ago: removed
	plant(name(live, "3"), 0)                      // another run writing now: kept
	plant(name(os.Getpid(), "4"), 0)               // this process writing now: kept
	plant(name(live, "5"), staleAge+time.Minute)   // PID reused by a live process: removed
	plant(".rules.nft.tmp-"+strconv.Itoa(dead), 0) // not wso2lint's pattern: kept
	plant(".other.nft.tmp-"+strconv.Itoa(dead)+"-6", 0)
	plant(".rules.nft.tmp-"+strconv.Itoa(dead)+"-7.orig", 0)
	if err := os.Symlink("rules.nft", filepath.Join(dir, name(dead, "8"))); err != nil {
		t.Fatal(err)
	}
	if err := os.Mkdir(filepath.Join(dir, name(dead, "9")), 0o755); err != nil {
		t.Fatal(err)
	}
	removeStale(target, time.Now())
	want := []string{
		".other.nft.tmp-" + strconv.Itoa(dead) + "-6",
		".rules.nft.tmp-" + strconv.Itoa(dead),
		".rules.nft.tmp-" + strconv.Itoa(dead) + "-7.orig",
		name(dead, "8"),
		name(dead, "9"),
		name(live, "3"),
		name(os.Getpid(), "4"),
		"rules.nft",
	}
	if diff := cmp.Diff(sorted(want), entries(t, dir)); diff != "" {
		t.Errorf("after removeStale (-want +got):\n%s", diff)
	}
}

// TestRemoveStaleOtherOwner checks that a stale-looking temporary file of
// another user is left alone (runs as root only: it needs chown).
func TestRemoveStaleOtherOwner(t *testing.T) {
	if os.Geteuid() != 0 {
		t.Skip("needs root to give a file to another user")
	}
	dir := t.TempDir()
	n := ".rules.nft.tmp-" + strconv.Itoa(deadPID(t)) + "-1"
	p := filepath.Join(dir, n)
	if err := os.WriteFile(p, []byte("x"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.Chown(p, 65534, 65534); err != nil {
		t.Skipf("chown: %v", err)
	}
	removeStale(filepath.Join(dir, "rules.nft"), time.Now())
	if diff := cmp.Diff([]string{n}, entries(t, dir)); diff != "" {
		t.Errorf("another user's file removed (-want +got):\n%s", diff)
	}
}

// TestWriteRemovesStale checks that Write cleans up after a killed earlier
// write to the same file, and names its own temporary file with its PID.
func TestWriteRemovesStale(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "out.txt")
	stale := ".out.txt.tmp-" + strconv.Itoa(deadPID(t)) + "-42"
	if err := os.WriteFile(filepath.Join(dir, stale), []byte("partial"), 0o644); err != nil {
		t.Fatal(err)
	}
	var tmp string
	w := Writer{AfterCreate: func(_ context.Context, name string) error { tmp = name; return nil }}
	if err := w.Write(context.Background(), path, []byte("new\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if pid, ok := tempPID("out.txt", filepath.Base(tmp)); !ok || pid != os.Getpid() {
		t.Errorf("temporary file %q: PID %d, %v; want %d", tmp, pid, ok, os.Getpid())
	}
	if diff := cmp.Diff([]string{"out.txt"}, entries(t, dir)); diff != "" {
		t.Errorf("directory entries (-want +got):\n%s", diff)
	}
}

// TestWriteCancelled checks that a write whose context ends (a signal)
// before the rename removes its temporary file and keeps the old content.
func TestWriteCancelled(t *testing.T) {
	for _, where := range []string{"before", "after create"} {
		t.Run(where, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, "out.txt")
			if err := os.WriteFile(path, []byte("old\n"), 0o644); err != nil {
				t.Fatal(err)
			}
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			if where == "before" {
				cancel()
			}
			w := Writer{AfterCreate: func(context.Context, string) error { cancel(); return nil }}
			err := w.Write(ctx, path, []byte("new\n"), 0o644)
			if !errors.Is(err, context.Canceled) {
				t.Fatalf("err = %v, want context.Canceled", err)
			}
			if got, _ := os.ReadFile(path); string(got) != "old\n" {
				t.Errorf("content = %q, want the old content", got)
			}
			if diff := cmp.Diff([]string{"out.txt"}, entries(t, dir)); diff != "" {
				t.Errorf("temporary file left (-want +got):\n%s", diff)
			}
		})
	}
}

func sorted(s []string) []string {
	out := append([]string{}, s...)
	sort.Strings(out)
	return out
}
