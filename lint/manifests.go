package lint

import (
	"fmt"
	"path/filepath"
	"strconv"

	"github.com/wso2lint/wso2lint/internal/model"
)

// ProfileKey is the annotation (or label) that names the server profile a
// workload of a multi-profile home (Enterprise Integrator) runs.
const ProfileKey = "wso2lint.io/profile"

// deployed is one workload that runs the home being checked, with the
// Services that select it and the server it runs.
type deployed struct {
	w        *model.Workload
	services []*model.KubeService
	server   *model.Server
}

// deployments returns the workloads of p.Opt.Manifests matched to p.Home.
func deployments(p *Pass) []deployed {
	m := p.Opt.Manifests
	if m == nil || p.Home == nil || len(p.Home.Servers) == 0 {
		return nil
	}
	var out []deployed
	for i := range m.Workloads {
		w := &m.Workloads[i]
		if w.Home == "" || w.Home != p.Home.Dir {
			continue
		}
		d := deployed{w: w, server: &p.Home.Servers[0]}
		prof, ok := model.Lookup(w.Annotations, ProfileKey)
		if !ok {
			prof, ok = model.Lookup(w.Labels, ProfileKey)
		}
		if ok {
			for si := range p.Home.Servers {
				if p.Home.Servers[si].Profile == prof {
					d.server = &p.Home.Servers[si]
				}
			}
		}
		for j := range m.Services {
			if selects(&m.Services[j], w) {
				d.services = append(d.services, &m.Services[j])
			}
		}
		out = append(out, d)
	}
	return out
}

// selects reports whether Service s selects the pods of workload w.
func selects(s *model.KubeService, w *model.Workload) bool {
	if w.Kind == "compose" || len(s.Selector) == 0 || s.Namespace != w.Namespace && s.Namespace != "" && w.Namespace != "" {
		return false
	}
	for _, kv := range s.Selector {
		if v, ok := model.Lookup(w.PodLabels, kv.Key); !ok || v != kv.Value {
			return false
		}
	}
	return true
}

// manifestPos makes a manifest position relative to the home, as every
// position of a finding is (reports join the home and the file again).
func manifestPos(h *model.Home, pos model.Pos) model.Pos {
	if h == nil || filepath.IsAbs(pos.File) != filepath.IsAbs(h.Dir) {
		return pos
	}
	rel, err := filepath.Rel(filepath.Clean(h.Dir), filepath.Clean(filepath.FromSlash(pos.File)))
	if err != nil {
		return pos
	}
	pos.File = filepath.ToSlash(rel)
	return pos
}

// reportManifest reports at a manifest position.
func (p *Pass) reportManifest(pos model.Pos, format string, args ...any) {
	p.Reportf(manifestPos(p.Home, pos), format, args...)
}

// exposedPort is a container port that reaches the server through the
// manifests, with where it is written.
type exposedPort struct {
	port  model.Port
	proto model.Protocol
	pos   model.Pos
	what  string // "Service \"am\" targetPort", "containerPort", "compose ports", ...
	// publish: reachable from outside (Service, compose ports:); false for
	// compose expose: and Kubernetes container ports.
	publish bool
}

// exposed lists the ports of d that reach its container: Service targets
// (named ones resolved through the container ports), else the container
// ports; compose ports: and expose:.
func exposed(d deployed) []exposedPort {
	var out []exposedPort
	if d.w.Kind == "compose" {
		for _, c := range d.w.Containers {
			for _, cp := range c.Ports {
				what := "ports: entry"
				if cp.Expose {
					what = "expose: entry"
				}
				out = append(out, exposedPort{port: cp.Port, proto: cp.Proto, pos: cp.Pos, what: what, publish: !cp.Expose})
			}
		}
		return out
	}
	for _, s := range d.services {
		for _, sp := range s.Ports {
			port := sp.TargetPort
			if sp.TargetName != "" {
				port = namedPort(d.w, sp.TargetName)
			}
			if port != 0 {
				out = append(out, exposedPort{port: port, proto: sp.Proto, pos: sp.TargetPos, what: fmt.Sprintf("Service %q targetPort", s.Name), publish: true})
			}
		}
	}
	if len(d.services) == 0 {
		for _, c := range d.w.Containers {
			for _, cp := range c.Ports {
				out = append(out, exposedPort{port: cp.Port, proto: cp.Proto, pos: cp.Pos, what: "containerPort", publish: true})
			}
		}
	}
	return out
}

// namedPort resolves a port name through the workload's container ports; 0
// when no container declares it.
func namedPort(w *model.Workload, name string) model.Port {
	for _, c := range w.Containers {
		for _, cp := range c.Ports {
			if cp.Name == name {
				return cp.Port
			}
		}
	}
	return 0
}

// serverListens returns the enabled inbound listener of s on port/proto.
func serverListens(s *model.Server, port model.Port, proto model.Protocol) (model.Listener, bool) {
	for _, l := range s.Listeners {
		if l.Enabled && l.Dir == model.DirIn && l.Proto == proto && l.Contains(port) {
			return l, true
		}
	}
	return model.Listener{}, false
}

// offsetIgnored returns the listener of s whose port, before the offset, is
// port: a manifest that gives it ignores the offset. Only when the server
// has a non-zero offset and nothing listens on port.
func offsetIgnored(s *model.Server, port model.Port, proto model.Protocol) (model.Listener, bool) {
	if _, ok := serverListens(s, port, proto); ok {
		return model.Listener{}, false
	}
	for _, l := range s.Listeners {
		if l.Enabled && l.Dir == model.DirIn && l.Proto == proto && l.Offset != 0 && l.Offsetable &&
			port >= l.Base && port <= max(l.Base, l.BaseEnd) {
			return l, true
		}
	}
	return model.Listener{}, false
}

// openPorts returns the listeners of s a deployment must let in from the
// class cls: enabled, inbound, not bound to loopback, with a port known
// before run time.
func openPorts(s *model.Server, cls model.Exposure) []model.Listener {
	var out []model.Listener
	for _, l := range s.Listeners {
		if !l.Enabled || l.Dir != model.DirIn || l.Exposure != cls || l.BindAddr.IsLoopback() || !l.Port().Valid() {
			continue
		}
		if l.Configured != "" && s.RuntimeAt(l.Source) != "" || l.Offsetable && s.RuntimeOffset() != "" {
			continue
		}
		out = append(out, l)
	}
	return out
}

func portWord(l model.Listener) string {
	if l.PortEnd() != 0 && l.PortEnd() != l.Port() {
		return strconv.Itoa(int(l.Port())) + "-" + strconv.Itoa(int(l.PortEnd()))
	}
	return strconv.Itoa(int(l.Port()))
}

// checkNotExposed reports, for each workload of the home, the listeners of
// class cls that no Service (compose: ports:, or expose: too unless
// publishOnly) lets in.
func checkNotExposed(p *Pass, cls model.Exposure, publishOnly bool) {
	for _, d := range deployments(p) {
		ex := exposed(d)
		where, pos := "", d.w.Pos
		switch {
		case d.w.Kind == "compose" && publishOnly:
			where = fmt.Sprintf("not published by compose service %q; add it to ports:", d.w.Name)
		case d.w.Kind == "compose":
			where = fmt.Sprintf("not published or exposed by compose service %q; add it to ports: or expose:", d.w.Name)
		case len(d.services) > 0:
			pos = d.services[0].Pos
			where = fmt.Sprintf("not exposed by Service %q of %s %q; add it to spec.ports", d.services[0].Name, kindName(d.w), d.w.Name)
		default:
			where = fmt.Sprintf("not a container port of %s %q, and no Service selects its pods; add a Service", kindName(d.w), d.w.Name)
		}
		for _, l := range openPorts(d.server, cls) {
			missing := 0
			end := max(l.PortEnd(), l.Port())
			for port := l.Port(); port <= end; port++ {
				found := false
				for _, e := range ex {
					if e.port == port && e.proto == l.Proto && (e.publish || !publishOnly) {
						found = true
						break
					}
				}
				if !found {
					missing++
				}
			}
			if missing > 0 {
				p.reportManifest(pos, "%s port %s/%s (%s, %s) is %s", cls, portWord(l), l.Proto, l.ID, l.Source, where)
			}
		}
	}
}

// isCarbon is the carbon.xml of the manifest rules' examples: Identity
// Server 7.0, which opens 9443 and 9763 (plus the offset).
const isCarbon = `<Server xmlns="http://wso2.org/projects/carbon/carbon.xml">
    <ServerKey>IS</ServerKey>
    <Version>7.0.0</Version>
    <Ports><Offset>0</Offset></Ports>
</Server>
`

// isToml is its deployment.toml, with the port offset given.
func isToml(offset int) string {
	return "[server]\nhostname = \"is.example.com\"\noffset = " + strconv.Itoa(offset) + "\n"
}

// isService is a Service for the examples' Identity Server, its ports given.
func isService(ports ...int) string {
	s := `apiVersion: v1
kind: Service
metadata:
  name: is
spec:
  selector:
    app: is
  ports:
`
	for _, p := range ports {
		s += "    - name: p" + strconv.Itoa(p) + "\n      port: " + strconv.Itoa(p) + "\n"
	}
	return s
}

// isDeployment is a Deployment that runs the examples' home, with a probe
// on probePort (none when 0).
func isDeployment(probePort int) string {
	s := `apiVersion: apps/v1
kind: Deployment
metadata:
  name: is
  annotations:
    wso2lint.io/home: wso2is-7.0.0
spec:
  template:
    metadata:
      labels:
        app: is
    spec:
      containers:
        - name: wso2is
          image: wso2/wso2is:7.0.0
`
	if probePort != 0 {
		s += "          readinessProbe:\n            tcpSocket:\n              port: " + strconv.Itoa(probePort) + "\n"
	}
	return s
}

// declaredPort is a port a manifest sends traffic (or a probe) to.
type declaredPort struct {
	port  model.Port
	proto model.Protocol
	pos   model.Pos
	what  string // "containerPort", "Service \"is\" targetPort", "readiness probe", ...
	name  string // an unresolved port name, when port is 0
}

// declared lists the ports of d's manifests: container ports (compose ports:
// and expose:), the target ports of the Services that select only workloads
// of this home, and, with probes, the probes' ports.
func declared(p *Pass, d deployed, probes bool) []declaredPort {
	var out []declaredPort
	for _, c := range d.w.Containers {
		if probes {
			for _, pr := range c.Probes {
				dp := declaredPort{port: pr.Port, proto: model.ProtoTCP, pos: pr.Pos, what: pr.Kind + " probe"}
				if pr.Kind == "healthcheck" {
					dp.what = "healthcheck"
				}
				if pr.PortName != "" {
					if dp.port = namedPort(d.w, pr.PortName); dp.port == 0 {
						dp.name = pr.PortName
					}
				}
				out = append(out, dp)
			}
			continue
		}
		for _, cp := range c.Ports {
			what := "containerPort"
			switch {
			case d.w.Kind == "compose" && cp.Expose:
				what = "expose: entry"
			case d.w.Kind == "compose":
				what = "ports: entry"
			}
			out = append(out, declaredPort{port: cp.Port, proto: cp.Proto, pos: cp.Pos, what: what})
		}
	}
	if probes {
		return out
	}
	for _, s := range d.services {
		if !soleService(p, s) {
			continue
		}
		for _, sp := range s.Ports {
			dp := declaredPort{port: sp.TargetPort, proto: sp.Proto, pos: sp.TargetPos, what: fmt.Sprintf("Service %q targetPort", s.Name)}
			if sp.TargetName != "" {
				if dp.port = namedPort(d.w, sp.TargetName); dp.port == 0 {
					dp.name = sp.TargetName
				}
			}
			out = append(out, dp)
		}
	}
	return out
}

// soleService reports whether every workload Service s selects runs the home
// of p: a Service in front of several products holds ports of each.
func soleService(p *Pass, s *model.KubeService) bool {
	for i := range p.Opt.Manifests.Workloads {
		w := &p.Opt.Manifests.Workloads[i]
		if selects(s, w) && w.Home != p.Home.Dir {
			return false
		}
	}
	return true
}

// checkDeclared reports the declared ports (probes, with probes) that no
// listener of the server opens; ports that are a listener's port without
// the offset are WL505's.
func checkDeclared(p *Pass, probes bool) {
	for _, d := range deployments(p) {
		for _, dp := range declared(p, d, probes) {
			if dp.port == 0 {
				if dp.name != "" {
					p.reportManifest(dp.pos, "%s names port %q, which no container of %s %q declares; name a containerPort", dp.what, dp.name, kindName(d.w), d.w.Name)
				}
				continue
			}
			if _, ok := serverListens(d.server, dp.port, dp.proto); ok {
				continue
			}
			if _, ok := offsetIgnored(d.server, dp.port, dp.proto); ok {
				continue
			}
			if probes {
				p.reportManifest(dp.pos, "%s of %s %q checks port %d, which %s does not open; the check always fails; probe a port the server opens", dp.what, kindName(d.w), d.w.Name, dp.port, p.Home.Dir)
				continue
			}
			p.reportManifest(dp.pos, "%s %d/%s of %s %q: nothing of %s listens on it; remove it or fix the number", dp.what, dp.port, dp.proto, kindName(d.w), d.w.Name, p.Home.Dir)
		}
	}
}

// checkOffsetIgnored reports declared ports and probes that are a
// listener's port without the server's port offset.
func checkOffsetIgnored(p *Pass) {
	for _, d := range deployments(p) {
		for _, dp := range append(declared(p, d, false), declared(p, d, true)...) {
			if dp.port == 0 {
				continue
			}
			if l, ok := offsetIgnored(d.server, dp.port, dp.proto); ok {
				p.reportManifest(dp.pos, "%s %d of %s %q is %s without the port offset %d (%s): the server listens on %d; use %d",
					dp.what, dp.port, kindName(d.w), d.w.Name, l.ID, l.Offset, l.Source, dp.port+model.Port(l.Offset), dp.port+model.Port(l.Offset))
			}
		}
	}
}

// kindName names a workload's kind in messages: "Deployment", "compose service".
func kindName(w *model.Workload) string {
	if w.Kind == "compose" {
		return "compose service"
	}
	return w.Kind
}
