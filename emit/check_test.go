package emit

import (
	"context"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/wso2lint/wso2lint/internal/model"
)

func TestLineDiff(t *testing.T) {
	tests := []struct {
		name, old, new, want string
	}{
		{"equal", "a\nb\n", "a\nb\n", ""},
		{"change in middle", "1\n2\n3\n4\n5\n6\n7\n8\n9\n", "1\n2\n3\n4\nX\n6\n7\n8\n9\n",
			"--- old\n+++ new\n@@ -2,7 +2,7 @@\n 2\n 3\n 4\n-5\n+X\n 6\n 7\n 8\n"},
		{"insert at end", "a\n", "a\nb\n", "--- old\n+++ new\n@@ -1,1 +1,2 @@\n a\n+b\n"},
		{"delete at start and missing newline", "x\na\n", "a", "--- old\n+++ new\n@@ -1,2 +1,1 @@\n-x\n-a\n+a (no newline at end of file)\n"},
		{"two hunks", "1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n", "0\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n13\n",
			"--- old\n+++ new\n@@ -1,4 +1,4 @@\n-1\n+0\n 2\n 3\n 4\n@@ -9,4 +9,4 @@\n 9\n 10\n 11\n-12\n+13\n"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if diff := cmp.Diff(tc.want, LineDiff("old", "new", tc.old, tc.new)); diff != "" {
				t.Errorf("diff mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func TestCheck(t *testing.T) {
	ctx := context.Background()
	homes := twoHomes()
	opt := Options{Target: "nftables"}
	committed, err := Render(ctx, homes, opt)
	if err != nil {
		t.Fatal(err)
	}
	if diff, ok, err := Check(ctx, committed, homes, opt); !ok || diff != "" || err != nil {
		t.Errorf("Check of fresh output = %q, %v, %v; want ok", diff, ok, err)
	}
	// The JMX registry port moves: the committed file is stale.
	moved := twoHomes()
	ls := moved[0].Servers[0].Listeners
	for i := range ls {
		if ls[i].ID == model.SvcServletHTTPS {
			ls[i].Base = 9445
		}
	}
	diff, ok, err := Check(ctx, committed, moved, opt)
	if ok || err != nil {
		t.Fatalf("Check of stale file = ok %v, err %v; want a diff", ok, err)
	}
	for _, want := range []string{"--- committed\n+++ generated\n", "\n-\t\ttcp dport 9443 accept", "\n+\t\ttcp dport 9445 accept"} {
		if !strings.Contains(diff, want) {
			t.Errorf("diff lacks %q:\n%s", want, diff)
		}
	}
	if _, ok, err := Check(ctx, committed, append(homes, amHome()), opt); ok || err == nil {
		t.Errorf("Check with colliding homes = ok %v, err %v; want an error", ok, err)
	}
}

// TestRenderPlan checks that rendering and checking a plan made once give what
// Render and Check give, for every target, and that the firewalld XML files
// carry FirewalldMarker on their second line.
func TestRenderPlan(t *testing.T) {
	ctx := context.Background()
	for _, target := range Targets() {
		opt := Options{Target: target, Egress: true, Resolve: true, LookupHost: fakeLookup}
		want, err := Render(ctx, twoHomes(), opt)
		if err != nil {
			t.Fatal(err)
		}
		p, err := MakePlan(ctx, twoHomes(), opt)
		if err != nil {
			t.Fatal(err)
		}
		got, err := RenderPlan(p, opt)
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(string(want), string(got)); diff != "" {
			t.Errorf("%s: RenderPlan differs from Render (-want +got):\n%s", target, diff)
		}
		if diff, ok, err := CheckPlan(want, p, opt); !ok || diff != "" || err != nil {
			t.Errorf("%s: CheckPlan of fresh output = %q, %v, %v; want ok", target, diff, ok, err)
		}
		if _, ok, _ := CheckPlan(append(want, '#'), p, opt); ok {
			t.Errorf("%s: CheckPlan of an edited file is ok", target)
		}
	}
	if _, err := RenderPlan(&Plan{}, Options{Target: "pf"}); err == nil || !strings.Contains(err.Error(), `unknown target "pf"`) {
		t.Errorf("RenderPlan(pf) = %v, want unknown target", err)
	}
	p, err := MakePlan(ctx, twoHomes(), Options{Target: "firewalld"})
	if err != nil {
		t.Fatal(err)
	}
	files := FirewalldFiles(p, Options{Target: "firewalld"})
	if len(files) == 0 {
		t.Fatal("no firewalld files")
	}
	for _, f := range files {
		if lines := strings.SplitN(f.Content, "\n", 3); len(lines) < 3 || lines[1] != FirewalldMarker {
			t.Errorf("%s: second line is not FirewalldMarker:\n%s", f.Name, f.Content)
		}
	}
}
