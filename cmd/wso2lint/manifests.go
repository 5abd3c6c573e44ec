package main

import (
	"fmt"
	"path/filepath"

	"github.com/urfave/cli/v2"

	"github.com/wso2lint/wso2lint/internal/model"
	"github.com/wso2lint/wso2lint/internal/regfile"
	"github.com/wso2lint/wso2lint/lint"
	"github.com/wso2lint/wso2lint/manifest"
	"github.com/wso2lint/wso2lint/parse"
)

func manifestsFlag() cli.Flag {
	return &cli.StringSliceFlag{Name: "manifests", Usage: "check Kubernetes, rendered Helm or compose manifests (`PATH`: file or directory, repeatable) against the homes (WL501-WL506)"}
}

// applyManifests reads the manifests of --manifests, matches their
// workloads to the homes (annotation or label wso2lint.io/home, workloads:
// of .wso2lint.yaml, mounted ConfigMaps, compose bind mounts) and gives them
// to the lint options. A workload that runs no home is a note on stderr.
func applyManifests(c *cli.Context, ld *loaded, opt *lint.Options) error {
	paths := c.StringSlice("manifests")
	if len(paths) == 0 {
		return nil
	}
	m, err := manifest.Read(paths)
	if err != nil {
		return &exitError{code: exitInput, msg: err.Error()}
	}
	var maps []manifest.Mapping
	if ld.cfg != nil {
		for _, w := range ld.cfg.Workloads {
			maps = append(maps, manifest.Mapping{Workload: w.Workload, Home: w.Home})
		}
	}
	manifest.Match(m, ld.homes, maps, func(h *model.Home, rel string) ([]byte, error) {
		return regfile.ReadFile(filepath.Join(h.Dir, filepath.FromSlash(rel)), parse.DefaultMaxFileSize)
	})
	for _, w := range m.Workloads {
		if w.Home == "" && len(w.Containers) > 0 {
			fmt.Fprintf(c.App.ErrWriter, "wso2lint: note: %s: %s %q runs none of the homes given (annotation wso2lint.io/home, workloads: in .wso2lint.yaml, a mounted ConfigMap or a bind mount of a home): not checked\n", w.Pos, kindWord(w.Kind), w.Name)
		}
	}
	opt.Manifests = m
	return nil
}

// kindWord names a workload kind in notes: "Deployment", "compose service".
func kindWord(kind string) string {
	if kind == "compose" {
		return "compose service"
	}
	return kind
}
