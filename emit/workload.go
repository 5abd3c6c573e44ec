package emit

import "github.com/wso2lint/wso2lint/internal/model"

// Workload is what one container of a deployment runs: a home, or one
// profile of a home with several servers (an Enterprise Integrator broker),
// which runs in a container of its own. The Kubernetes and compose emitters
// write one Service or compose service per workload.
type Workload struct {
	Home    *model.Home
	Servers []*model.Server
	// Name is the object or service name the emitter gave the workload.
	Name string
	// Profile is set for one profile of a multi-server home.
	Profile string
	// What says so in headers: " (profile broker)"; empty otherwise.
	What string
}

// Workloads lists the workloads of homes in order: a home with at most one
// server is one workload, a home with several is one per server. name
// gives the workload's name from the home directory and the profile (empty
// for a whole home).
func Workloads(homes []*model.Home, name func(dir, profile string) string) []Workload {
	var out []Workload
	for _, h := range homes {
		if len(h.Servers) <= 1 {
			w := Workload{Home: h, Name: name(h.Dir, "")}
			for i := range h.Servers {
				w.Servers = append(w.Servers, &h.Servers[i])
			}
			out = append(out, w)
			continue
		}
		for i := range h.Servers {
			s := &h.Servers[i]
			out = append(out, Workload{Home: h, Servers: []*model.Server{s}, Profile: s.Profile,
				Name: name(h.Dir, s.Profile), What: " (profile " + s.Profile + ")"})
		}
	}
	return out
}
