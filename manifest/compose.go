package manifest

import (
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/wso2lint/wso2lint/internal/model"
)

// maxComposeRange is the longest port range of a compose entry that is
// expanded port by port; longer ones are read as their first port only.
const maxComposeRange = 1024

// compose reads the services of a compose file.
func (r *reader) compose(svcs *yaml.Node) {
	for i := 0; i+1 < len(svcs.Content); i += 2 {
		key, svc := deref(svcs.Content[i]), deref(svcs.Content[i+1])
		if key.Kind != yaml.ScalarNode || svc == nil || svc.Kind != yaml.MappingNode {
			continue
		}
		labels := composeKV(at(svc, "labels"))
		w := model.Workload{Kind: "compose", Name: key.Value, Pos: r.pos(key), Labels: labels, Annotations: labels}
		ct := model.Container{Name: key.Value, Pos: r.pos(key)}
		if cn := str(at(svc, "container_name")); cn != "" {
			ct.Name = cn
		}
		for _, e := range items(at(svc, "ports")) {
			ct.Ports = append(ct.Ports, r.composePort(e)...)
		}
		for _, e := range items(at(svc, "expose")) {
			lo, hi, pr, ok := portRange(str(e))
			if !ok {
				continue
			}
			for p := lo; p <= hi; p++ {
				ct.Ports = append(ct.Ports, model.ContainerPort{Port: p, Proto: pr, Expose: true, Pos: r.pos(e)})
			}
		}
		if hc := at(svc, "healthcheck"); hc != nil && str(at(hc, "disable")) != "true" {
			ct.Probes = r.commandProbes("healthcheck", at(hc, "test"))
		}
		for _, v := range items(at(svc, "volumes")) {
			if v.Kind == yaml.ScalarNode {
				parts := strings.Split(v.Value, ":")
				if len(parts) >= 2 && (strings.HasPrefix(parts[0], ".") || strings.HasPrefix(parts[0], "/") || strings.HasPrefix(parts[0], "~")) {
					w.Binds = append(w.Binds, model.BindMount{Source: parts[0], Target: parts[1]})
				}
				continue
			}
			if str(at(v, "type")) == "bind" {
				w.Binds = append(w.Binds, model.BindMount{Source: str(at(v, "source")), Target: str(at(v, "target"))})
			}
		}
		w.Containers = []model.Container{ct}
		r.m.Workloads = append(r.m.Workloads, w)
	}
}

// composeKV reads labels given as a mapping or as a list of KEY=VALUE.
func composeKV(n *yaml.Node) []model.KV {
	if n = deref(n); n == nil {
		return nil
	}
	if n.Kind == yaml.MappingNode {
		return kvs(n)
	}
	var out []model.KV
	for _, e := range items(n) {
		k, v, _ := strings.Cut(str(e), "=")
		if k != "" {
			out = append(out, model.KV{Key: k, Value: v})
		}
	}
	sortKV(out)
	return out
}

// composePort reads one ports: entry, short ("127.0.0.1:8243:8243/tcp") or
// long ({target, published, host_ip, protocol}) syntax. Entries with
// variables or other values it cannot read give nothing.
func (r *reader) composePort(e *yaml.Node) []model.ContainerPort {
	pos := r.pos(e)
	if e.Kind == yaml.MappingNode {
		tn, tk := get(e, "target")
		t, ok := portNum(tn)
		if !ok {
			return nil
		}
		cp := model.ContainerPort{Port: t, Proto: proto(str(at(e, "protocol"))), HostIP: str(at(e, "host_ip")), Pos: r.pos(tk)}
		if cp.Proto == 0 {
			return nil
		}
		if lo, _, _, ok := portRange(str(at(e, "published"))); ok {
			cp.HostPort = lo
		}
		return []model.ContainerPort{cp}
	}
	s := str(e)
	if s == "" {
		return nil
	}
	spec, protoText, _ := strings.Cut(s, "/")
	pr := proto(protoText)
	if pr == 0 {
		return nil
	}
	hostIP, hostPart, ctr := "", "", spec
	if i := strings.LastIndex(spec, ":"); i >= 0 {
		ctr = spec[i+1:]
		rest := spec[:i]
		if j := strings.LastIndex(rest, ":"); j >= 0 && !strings.HasSuffix(rest, "]") {
			hostIP, hostPart = strings.Trim(rest[:j], "[]"), rest[j+1:]
		} else {
			hostPart = rest
		}
	}
	clo, chi, _, ok := portRange(ctr)
	if !ok {
		return nil
	}
	var hlo model.Port
	if hostPart != "" {
		h, _, _, ok := portRange(hostPart)
		if !ok {
			return nil
		}
		hlo = h
	}
	var out []model.ContainerPort
	for p := clo; p <= chi; p++ {
		cp := model.ContainerPort{Port: p, Proto: pr, HostIP: hostIP, Pos: pos}
		if hlo != 0 {
			cp.HostPort = hlo + (p - clo)
			if !cp.HostPort.Valid() {
				break
			}
		}
		out = append(out, cp)
	}
	return out
}

// portRange reads "9443", "9443/udp" or "4000-4002".
func portRange(s string) (lo, hi model.Port, pr model.Protocol, ok bool) {
	s, pt, _ := strings.Cut(strings.TrimSpace(s), "/")
	if pr = proto(pt); pr == 0 {
		return 0, 0, 0, false
	}
	a, b, isRange := strings.Cut(s, "-")
	x, err := strconv.Atoi(a)
	if err != nil || !model.Port(x).Valid() {
		return 0, 0, 0, false
	}
	lo, hi = model.Port(x), model.Port(x)
	if isRange {
		y, err := strconv.Atoi(b)
		if err != nil || !model.Port(y).Valid() || y < x {
			return 0, 0, 0, false
		}
		hi = model.Port(y)
		if hi-lo >= maxComposeRange {
			hi = lo
		}
	}
	return lo, hi, pr, true
}
