package emit

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/wso2lint/wso2lint/internal/golden"
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
			golden.Check(t, filepath.Join("testdata", r.file), r.text)
			// Rendering twice gives the same bytes.
			again, err := Render(context.Background(), r.homes(), r.opt)
			if err != nil || string(again) != string(r.text) {
				t.Errorf("second render differs (err %v)", err)
			}
		})
	}
}
