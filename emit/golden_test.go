package emit

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/wso2lint/wso2lint/internal/model"
)

// goldenExt is the golden file suffix per target.
func goldenExt(target string, opt Options) string {
	switch target {
	case "nftables":
		return ".nft"
	case "iptables":
		return ".v4"
	case "ip6tables":
		return ".v6"
	}
	if opt.FirewalldScript {
		return ".firewalld.sh"
	}
	return ".firewalld.txt"
}

// renderCases renders every golden case for every target (and the firewalld
// script), keyed by golden file name in a fixed order.
func renderCases(t *testing.T) []rendered {
	t.Helper()
	var out []rendered
	for _, gc := range goldenCases() {
		for _, target := range Targets() {
			opts := []Options{gc.opt}
			if target == "firewalld" {
				script := gc.opt
				script.FirewalldScript = true
				opts = append(opts, script)
			}
			for _, opt := range opts {
				opt.Target = target
				got, err := Render(context.Background(), gc.homes(), opt)
				if err != nil {
					t.Fatalf("%s %s: %v", gc.name, target, err)
				}
				out = append(out, rendered{file: gc.name + goldenExt(target, opt), target: target, opt: opt, text: got, homes: gc.homes})
			}
		}
	}
	return out
}

type rendered struct {
	file   string
	target string
	opt    Options
	text   []byte
	homes  func() []*model.Home
}

func TestGolden(t *testing.T) {
	for _, r := range renderCases(t) {
		t.Run(r.file, func(t *testing.T) {
			path := filepath.Join("testdata", r.file)
			if *update {
				if err := os.WriteFile(path, r.text, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("read golden (run go test -update): %v", err)
			}
			if diff := LineDiff("want", "got", string(want), string(r.text)); diff != "" {
				t.Errorf("output differs from %s:\n%s", path, diff)
			}
			// Rendering twice gives the same bytes.
			again, err := Render(context.Background(), r.homes(), r.opt)
			if err != nil || string(again) != string(r.text) {
				t.Errorf("second render differs (err %v)", err)
			}
		})
	}
}
