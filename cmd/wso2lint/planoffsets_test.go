package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/wso2lint/wso2lint/internal/testenv"
)

// planJSON is the part of `plan-offsets --format json` the tests read.
type planOut struct {
	Servers []struct {
		Home     string `json:"home"`
		Profile  string `json:"profile"`
		Offset   int    `json:"offset"`
		Proposed *int   `json:"proposed"`
		Changed  bool   `json:"changed"`
		Change   *struct {
			File    string `json:"file"`
			Line    int    `json:"line"`
			Column  int    `json:"column"`
			Setting string `json:"setting"`
		} `json:"change"`
		Conflicts []struct {
			Service string `json:"service"`
			Port    int    `json:"port"`
		} `json:"conflicts"`
	} `json:"servers"`
}

var collisionPort = regexp.MustCompile(`port (\d+)/(tcp|udp)`)

// wl101Ports runs lint on the homes as one host and returns the ports of its
// WL101 findings.
func wl101Ports(t *testing.T, homes []string) []string {
	t.Helper()
	var out struct {
		Findings []struct {
			Rule    string `json:"rule"`
			Message string `json:"message"`
		} `json:"findings"`
	}
	res := runArgs(append([]string{"lint", "--format", "json", "--no-config", "--fail-on", "none"}, homes...)...)
	if err := json.Unmarshal([]byte(res.stdout), &out); err != nil {
		t.Fatalf("lint JSON: %v\n%s", err, res.stderr)
	}
	var ports []string
	for _, f := range out.Findings {
		if f.Rule == "WL101" {
			m := collisionPort.FindStringSubmatch(f.Message)
			if m == nil {
				t.Fatalf("WL101 message without a port: %s", f.Message)
			}
			if !slices.Contains(ports, m[1]) {
				ports = append(ports, m[1])
			}
		}
	}
	slices.Sort(ports)
	return ports
}

// TestPlanOffsetsClearsCollisions plans offsets for six corpus homes on one
// host, writes each proposed change into copies of the homes exactly where
// the plan says, and lints the copies: the only WL101 collisions left are
// the conflicts the plan named as ones no offset clears.
func TestPlanOffsetsClearsCollisions(t *testing.T) {
	corpus := testenv.Corpus(t)
	tmp := t.TempDir()
	var homes []string
	for _, name := range []string{"wso2am-2.6.0", "wso2is-5.7.0", "wso2das-3.1.0", "wso2mb-3.2.0", "wso2am-4.2.0", "wso2ei-6.4.0"} {
		dst := filepath.Join(tmp, name)
		testenv.CopyTree(t, filepath.Join(corpus, name), dst)
		homes = append(homes, dst)
	}
	if before := wl101Ports(t, homes); len(before) < 10 {
		t.Fatalf("the homes collide on only %d ports before the plan; the test needs a crowded host", len(before))
	}
	res := runArgs(append([]string{"plan-offsets", "--format", "json", "--no-config"}, homes...)...)
	if res.code != 0 {
		t.Fatalf("plan-offsets: exit %d\n%s", res.code, res.stderr)
	}
	var plan planOut
	if err := json.Unmarshal([]byte(res.stdout), &plan); err != nil {
		t.Fatal(err)
	}
	var conflicts []string
	changed := 0
	for _, s := range plan.Servers {
		for _, c := range s.Conflicts {
			if p := fmt.Sprint(c.Port); !slices.Contains(conflicts, p) {
				conflicts = append(conflicts, p)
			}
		}
		if !s.Changed {
			continue
		}
		changed++
		applyOffsetChange(t, s.Change.File, s.Change.Line, s.Change.Column, s.Change.Setting, *s.Proposed)
	}
	if changed < 4 {
		t.Fatalf("the plan changes %d servers; want most of the six homes moved", changed)
	}
	slices.Sort(conflicts)
	if diff := cmp.Diff(conflicts, wl101Ports(t, homes)); diff != "" {
		t.Errorf("WL101 ports after applying the plan (-conflicts the plan named +lint):\n%s", diff)
	}
	// Planning again changes nothing: the plan is a fixed point.
	res = runArgs(append([]string{"plan-offsets", "--format", "json", "--no-config"}, homes...)...)
	var again planOut
	if err := json.Unmarshal([]byte(res.stdout), &again); err != nil {
		t.Fatal(err)
	}
	for _, s := range again.Servers {
		if s.Changed {
			t.Errorf("second plan still changes %s (%s): %d -> %d", s.Home, s.Profile, s.Offset, *s.Proposed)
		}
	}
}

// applyOffsetChange writes offset n into file: over the number at line:col
// when the plan gives a position, else as `offset = n` under [server] of a
// deployment.toml.
func applyOffsetChange(t *testing.T, file string, line, col int, setting string, n int) {
	t.Helper()
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(string(data), "\n")
	if line == 0 {
		if !strings.HasPrefix(setting, "[server] offset") {
			t.Fatalf("%s: no position and setting %q", file, setting)
		}
		i := slices.Index(lines, "[server]")
		if i < 0 {
			t.Fatalf("%s: no [server] table", file)
		}
		lines = slices.Insert(lines, i+1, fmt.Sprintf("offset = %d", n))
	} else {
		l := lines[line-1]
		end := col - 1
		for end < len(l) && l[end] >= '0' && l[end] <= '9' {
			end++
		}
		if end == col-1 {
			t.Fatalf("%s:%d:%d: no number at the position the plan gives: %q", file, line, col, l)
		}
		lines[line-1] = l[:col-1] + fmt.Sprint(n) + l[end:]
	}
	if err := os.WriteFile(file, []byte(strings.Join(lines, "\n")), 0o644); err != nil {
		t.Fatal(err)
	}
}
