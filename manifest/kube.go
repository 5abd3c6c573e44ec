package manifest

import (
	"regexp"
	"strings"
	"sync"

	"gopkg.in/yaml.v3"

	"github.com/wso2lint/wso2lint/internal/model"
)

// kube reads one Kubernetes object; a List is read item by item.
func (r *reader) kube(obj *yaml.Node) {
	kindVal, kindKey := get(obj, "kind")
	kind := str(kindVal)
	pos := r.pos(kindKey)
	meta := at(obj, "metadata")
	name, ns := str(at(meta, "name")), str(at(meta, "namespace"))
	switch kind {
	case "List":
		for _, it := range items(at(obj, "items")) {
			if it != nil && it.Kind == yaml.MappingNode && str(at(it, "kind")) != "" {
				r.kube(it)
			}
		}
	case "Service":
		r.service(obj, name, ns, pos)
	case "ConfigMap":
		cm := model.ConfigMap{Name: name, Namespace: ns, Pos: pos, Data: kvs(at(obj, "data"))}
		r.m.ConfigMaps = append(r.m.ConfigMaps, cm)
	case "Pod":
		r.workload(kind, name, ns, pos, meta, meta, at(obj, "spec"))
	case "Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "ReplicationController", "Job":
		tmpl := at(obj, "spec", "template")
		r.workload(kind, name, ns, pos, meta, at(tmpl, "metadata"), at(tmpl, "spec"))
	}
}

func (r *reader) service(obj *yaml.Node, name, ns string, pos model.Pos) {
	spec := at(obj, "spec")
	meta := at(obj, "metadata")
	s := model.KubeService{Name: name, Namespace: ns, Type: str(at(spec, "type")), Pos: pos,
		Headless: str(at(spec, "clusterIP")) == "None",
		Selector: kvs(at(spec, "selector")), Annotations: kvs(at(meta, "annotations")), Labels: kvs(at(meta, "labels"))}
	if s.Type == "" {
		s.Type = "ClusterIP"
	}
	for _, e := range items(at(spec, "ports")) {
		pn, pk := get(e, "port")
		p, ok := portNum(pn)
		if !ok {
			continue
		}
		sp := model.ServicePort{Name: str(at(e, "name")), Port: p, TargetPort: p, Proto: proto(str(at(e, "protocol"))), Pos: r.pos(pk)}
		if sp.Proto == 0 {
			continue
		}
		sp.TargetPos = sp.Pos
		if tn, tk := get(e, "targetPort"); tn != nil {
			sp.TargetPos = r.pos(tk)
			if tp, ok := portNum(tn); ok {
				sp.TargetPort = tp
			} else if v := str(tn); v != "" {
				sp.TargetPort, sp.TargetName = 0, v
			}
		}
		if np, ok := portNum(at(e, "nodePort")); ok {
			sp.NodePort = np
		}
		s.Ports = append(s.Ports, sp)
	}
	r.m.Services = append(r.m.Services, s)
}

func (r *reader) workload(kind, name, ns string, pos model.Pos, meta, podMeta, podSpec *yaml.Node) {
	w := model.Workload{Kind: kind, Name: name, Namespace: ns, Pos: pos,
		Annotations: merge(kvs(at(meta, "annotations")), kvs(at(podMeta, "annotations"))),
		Labels:      merge(kvs(at(meta, "labels")), kvs(at(podMeta, "labels"))),
		PodLabels:   kvs(at(podMeta, "labels"))}
	volumes := map[string]string{} // volume name -> ConfigMap name
	for _, v := range items(at(podSpec, "volumes")) {
		if cm := str(at(v, "configMap", "name")); cm != "" {
			volumes[str(at(v, "name"))] = cm
		}
		for _, src := range items(at(v, "projected", "sources")) {
			if cm := str(at(src, "configMap", "name")); cm != "" {
				volumes[str(at(v, "name"))] = cm
			}
		}
	}
	for _, c := range items(at(podSpec, "containers")) {
		if c == nil || c.Kind != yaml.MappingNode {
			continue
		}
		ct := model.Container{Name: str(at(c, "name")), Pos: r.pos(c)}
		for _, e := range items(at(c, "ports")) {
			pn, pk := get(e, "containerPort")
			p, ok := portNum(pn)
			if !ok {
				continue
			}
			cp := model.ContainerPort{Name: str(at(e, "name")), Port: p, Proto: proto(str(at(e, "protocol"))), Pos: r.pos(pk), HostIP: str(at(e, "hostIP"))}
			if cp.Proto == 0 {
				continue
			}
			if hp, ok := portNum(at(e, "hostPort")); ok {
				cp.HostPort = hp
			}
			ct.Ports = append(ct.Ports, cp)
		}
		for _, k := range [...]string{"liveness", "readiness", "startup"} {
			if pr := at(c, k+"Probe"); pr != nil {
				ct.Probes = append(ct.Probes, r.probes(k, pr)...)
			}
		}
		for _, vm := range items(at(c, "volumeMounts")) {
			if cm, ok := volumes[str(at(vm, "name"))]; ok {
				w.ConfigMaps = append(w.ConfigMaps, model.ConfigMount{ConfigMap: cm, MountPath: str(at(vm, "mountPath")), SubPath: str(at(vm, "subPath"))})
			}
		}
		w.Containers = append(w.Containers, ct)
	}
	r.m.Workloads = append(r.m.Workloads, w)
}

// probes reads the port of an httpGet, tcpSocket or grpc probe, or the
// local port an exec probe's command connects to ("nc -z localhost 9443",
// "curl -k https://127.0.0.1:9443/...").
func (r *reader) probes(kind string, pr *yaml.Node) []model.Probe {
	for _, h := range [...]string{"httpGet", "tcpSocket", "grpc"} {
		pn, _ := get(at(pr, h), "port")
		if pn == nil {
			continue
		}
		if p, ok := portNum(pn); ok {
			return []model.Probe{{Kind: kind, Port: p, Pos: r.pos(pn)}}
		}
		if v := str(pn); v != "" {
			return []model.Probe{{Kind: kind, PortName: v, Pos: r.pos(pn)}}
		}
	}
	return r.commandProbes(kind, at(pr, "exec", "command"))
}

// localPortRE finds a connection to a local port in a command line.
// (bash's /dev/tcp/localhost/9443 too).
var localPortRE = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`(?:localhost|127\.0\.0\.1|0\.0\.0\.0|\[::1\]|\$\{?HOSTNAME\}?|\$\(hostname(?: -i)?\))(?::|/|\s+)([0-9]{1,5})\b`)
})

// commandProbes finds the local ports a command (a sequence of words, or one
// string) connects to; each is a probe at the word's position.
func (r *reader) commandProbes(kind string, cmd *yaml.Node) []model.Probe {
	var words []*yaml.Node
	if cmd = deref(cmd); cmd == nil {
		return nil
	}
	if cmd.Kind == yaml.ScalarNode {
		words = []*yaml.Node{cmd}
	} else {
		words = items(cmd)
	}
	var out []model.Probe
	// A port may follow the host as the next word: ["nc", "-z", "localhost", "9443"].
	for i, w := range words {
		s := str(w)
		if i+1 < len(words) && isLocalHost(s) {
			if p, ok := portNum(words[i+1]); ok {
				out = append(out, model.Probe{Kind: kind, Port: p, Pos: r.pos(words[i+1])})
				continue
			}
		}
		for _, sm := range localPortRE().FindAllStringSubmatch(s, -1) {
			if p, ok := portNum(&yaml.Node{Kind: yaml.ScalarNode, Value: sm[1]}); ok {
				out = append(out, model.Probe{Kind: kind, Port: p, Pos: r.pos(w)})
			}
		}
	}
	return out
}

func isLocalHost(s string) bool {
	switch strings.TrimSpace(s) {
	case "localhost", "127.0.0.1", "0.0.0.0", "::1", "[::1]", "$HOSTNAME", "${HOSTNAME}", "$(hostname)", "$(hostname -i)":
		return true
	}
	return false
}

// merge returns a and b as one sorted list; b's value wins on a shared key.
func merge(a, b []model.KV) []model.KV {
	out := append([]model.KV(nil), b...)
	for _, kv := range a {
		if _, ok := model.Lookup(b, kv.Key); !ok {
			out = append(out, kv)
		}
	}
	sortKV(out)
	return out
}

func sortKV(kvs []model.KV) {
	for i := 1; i < len(kvs); i++ {
		for j := i; j > 0 && kvs[j].Key < kvs[j-1].Key; j-- {
			kvs[j], kvs[j-1] = kvs[j-1], kvs[j]
		}
	}
}
