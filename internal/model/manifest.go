package model

// Manifests are the deployment manifests given with lint --manifests:
// Kubernetes objects (plain or rendered Helm output) and compose services,
// read by package manifest. Positions name the manifest file as given on the
// command line (slash-separated); lint makes them relative to a home.
type Manifests struct {
	// Workloads are the Deployments, StatefulSets, DaemonSets, Pods and
	// compose services, in file order.
	Workloads []Workload
	// Services are the Kubernetes Services, in file order.
	Services []KubeService
	// ConfigMaps are the Kubernetes ConfigMaps, in file order.
	ConfigMaps []ConfigMap
}

// KV is one label, annotation or selector entry.
type KV struct {
	Key, Value string
}

// Lookup returns the value of key in kvs.
func Lookup(kvs []KV, key string) (string, bool) {
	for _, kv := range kvs {
		if kv.Key == key {
			return kv.Value, true
		}
	}
	return "", false
}

// Workload is one thing that runs containers: a Kubernetes Deployment,
// StatefulSet, DaemonSet or Pod, or a compose service.
type Workload struct {
	// Kind is the Kubernetes kind, or "compose" for a compose service.
	Kind string
	// Name and Namespace are the object's (the service name for compose).
	Name, Namespace string
	// Pos is the object's kind: line (compose: the service key).
	Pos Pos
	// Annotations and Labels are the object's and its pod template's, sorted
	// by key (the template's win).
	Annotations, Labels []KV
	// PodLabels are the pod template's labels, sorted by key; a Service
	// selects the workload with them.
	PodLabels []KV
	// ConfigMaps are the ConfigMap volumes the containers mount.
	ConfigMaps []ConfigMount
	// Binds are a compose service's bind mounts, host path as written
	// (relative to the compose file's directory).
	Binds []BindMount
	// Containers are the containers (not the init containers), in order; a
	// compose service has one.
	Containers []Container
	// Home is the home directory the workload was matched to, as given on
	// the command line; empty when it matches none.
	Home string
	// HomeBy says how the workload was matched ("annotation wso2lint.io/home").
	HomeBy string
}

// ConfigMount is a ConfigMap mounted by a container.
type ConfigMount struct {
	// ConfigMap is the ConfigMap's name.
	ConfigMap string
	// MountPath is where it is mounted; SubPath the one key mounted, if any.
	MountPath, SubPath string
}

// BindMount is a host directory or file mounted into a compose service.
type BindMount struct {
	// Source is the host path as written; Target the path in the container.
	Source, Target string
}

// Container is one container of a workload.
type Container struct {
	// Name is the container's name.
	Name string
	// Pos is the container's entry.
	Pos Pos
	// Ports are the declared container ports (compose: the published and
	// exposed ports, by their container side).
	Ports []ContainerPort
	// Probes are the liveness, readiness and startup probes (compose: the
	// healthcheck) whose port is known.
	Probes []Probe
}

// ContainerPort is one port a container declares.
type ContainerPort struct {
	// Name is the port's name; empty when it has none.
	Name string
	// Port is the container-side port.
	Port Port
	// HostPort is the port published on the host (compose "8243:8243",
	// Kubernetes hostPort); 0 when none.
	HostPort Port
	// HostIP is the host address a compose port is published on; empty means all.
	HostIP string
	// Proto is tcp or udp.
	Proto Protocol
	// Expose marks a compose expose: entry (reachable from the other services
	// only); false for ports: entries and Kubernetes container ports.
	Expose bool
	// Pos is the entry's position.
	Pos Pos
}

// Probe is a health check that connects to a port of the container.
type Probe struct {
	// Kind is "liveness", "readiness", "startup" or "healthcheck" (compose).
	Kind string
	// Port is the probed port; 0 when the probe names a port by PortName.
	Port Port
	// PortName is the container port name an httpGet/tcpSocket probe gives.
	PortName string
	// Pos is the position of the port value.
	Pos Pos
}

// KubeService is one Kubernetes Service.
type KubeService struct {
	// Name and Namespace are the Service's.
	Name, Namespace string
	// Type is spec.type ("ClusterIP" when empty); Headless is clusterIP: None.
	Type     string
	Headless bool
	// Selector is spec.selector, sorted by key.
	Selector []KV
	// Annotations and Labels are the Service's, sorted by key.
	Annotations, Labels []KV
	// Ports are spec.ports, in order.
	Ports []ServicePort
	// Pos is the Service's kind: line.
	Pos Pos
}

// ServicePort is one entry of a Service's spec.ports.
type ServicePort struct {
	// Name is the port's name.
	Name string
	// Port is the Service port.
	Port Port
	// TargetPort is the container port traffic goes to: Port when the
	// manifest gives none; 0 when TargetName names it.
	TargetPort Port
	// TargetName is a named targetPort ("servlet-https").
	TargetName string
	// NodePort is the node port; 0 when none.
	NodePort Port
	// Proto is tcp or udp.
	Proto Protocol
	// Pos is the entry's position; TargetPos the targetPort's (Pos when absent).
	Pos, TargetPos Pos
}

// ConfigMap is one Kubernetes ConfigMap.
type ConfigMap struct {
	// Name and Namespace are the ConfigMap's.
	Name, Namespace string
	// Data maps each data key to its content, sorted by key.
	Data []KV
	// Pos is the ConfigMap's kind: line.
	Pos Pos
}
