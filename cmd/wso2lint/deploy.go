package main

import (
	"errors"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/wso2lint/wso2lint/emit/compose"
	"github.com/wso2lint/wso2lint/emit/kubernetes"
	"github.com/wso2lint/wso2lint/internal/model"
)

// deployTargets are the rules targets that write deployment manifests
// rather than host firewall rules (issue 17 item 1).
var deployTargets = []string{"kubernetes", "compose"}

func fromFlag() cli.Flag {
	return &cli.StringSliceFlag{Name: "from", Usage: "kubernetes: NetworkPolicy peers for a class: `CLASS=pods:K=V[+K=V][;namespaces:K=V]`; repeatable"}
}

// deployAction is rules --target kubernetes|compose: the homes' ports as a
// Kubernetes Service and NetworkPolicies (or, with --mode fragment, the
// container ports patch), or a compose service's ports:/expose: blocks.
func deployAction(c *cli.Context) error {
	target := c.String("target")
	for _, f := range []string{"egress", "resolve", "script", "ssh-port", "no-ssh", "check"} {
		if c.IsSet(f) {
			return usageErr("--%s does not apply to --target %s", f, target)
		}
	}
	mode := c.String("mode")
	if mode != "standalone" && mode != "fragment" {
		return usageErr("--mode %q: want standalone or fragment", mode)
	}
	if target == "compose" && (c.IsSet("mode") || c.IsSet("from") || c.IsSet("allow")) {
		return usageErr("--mode, --from and --allow do not apply to --target compose: compose cannot limit sources")
	}
	allow, err := parseAllow(c.StringSlice("allow"))
	if err != nil {
		return err
	}
	if len(allow[model.ExposureOutbound]) > 0 {
		return usageErr("--allow outbound=... does not apply to --target %s", target)
	}
	from, err := parseFrom(c.StringSlice("from"))
	if err != nil {
		return err
	}
	ld, err := load(c, loadSpec{})
	if err != nil {
		return err
	}
	// The firewall allow of .wso2lint.yaml gives the classes the flags leave out.
	if ld.cfg != nil {
		if fw := ld.cfg.HostFirewall(""); fw != nil {
			for cl, ps := range fw.Allow {
				if _, ok := allow[cl]; !ok && cl != model.ExposureOutbound {
					allow[cl] = ps
				}
			}
		}
	}
	var buf buffer
	if target == "compose" {
		var he *compose.HostPortError
		if err = compose.Emit(&buf, ld.homes); errors.As(err, &he) {
			return &exitError{code: exitFindings, msg: err.Error()}
		}
	} else {
		err = kubernetes.Emit(&buf, ld.homes, kubernetes.Options{Allow: allow, From: from, Patch: mode == "fragment"})
	}
	if err != nil {
		return err
	}
	return output(c, buf.Bytes())
}

// parseFrom parses --from CLASS=pods:K=V[+K=V][;namespaces:K=V[+K=V]].
func parseFrom(vals []string) (map[model.Exposure][]kubernetes.Peer, error) {
	out := map[model.Exposure][]kubernetes.Peer{}
	bad := func(v string) error {
		return usageErr("--from %q: want CLASS=pods:KEY=VALUE[+KEY=VALUE][;namespaces:KEY=VALUE[+KEY=VALUE]]", v)
	}
	for _, v := range vals {
		class, spec, ok := strings.Cut(v, "=")
		if !ok || spec == "" {
			return nil, bad(v)
		}
		cl, err := model.ParseExposure(strings.TrimSpace(class))
		if err != nil || cl == model.ExposureLocal || cl == model.ExposureOutbound {
			return nil, usageErr("--from %q: class must be public, management or cluster", v)
		}
		var p kubernetes.Peer
		for _, part := range strings.Split(spec, ";") {
			kind, labels, ok := strings.Cut(strings.TrimSpace(part), ":")
			if !ok {
				return nil, bad(v)
			}
			var kvs []model.KV
			for _, l := range strings.Split(labels, "+") {
				k, val, ok := strings.Cut(strings.TrimSpace(l), "=")
				if !ok || k == "" {
					return nil, bad(v)
				}
				kvs = append(kvs, model.KV{Key: k, Value: val})
			}
			switch kind {
			case "pods":
				p.Pods = append(p.Pods, kvs...)
			case "namespaces":
				p.Namespaces = append(p.Namespaces, kvs...)
			default:
				return nil, bad(v)
			}
		}
		out[cl] = append(out[cl], p)
	}
	return out, nil
}
