package model

import "fmt"

// HostService is a service of the host that is not a WSO2 server, declared by
// the user (a RabbitMQ broker on 5672, a node exporter on 9100) so that the
// linter can tell when a WSO2 listener would take its port.
type HostService struct {
	// Name names the service: "rabbitmq".
	Name string
	// Port is the port the service listens on; PortEnd the last port of a
	// range, else 0.
	Port, PortEnd Port
	// Proto is the transport protocol.
	Proto Protocol
	// Origin says where the declaration came from: "--host-service" or the
	// path of the project configuration file.
	Origin string
	// Line and Col locate the declaration in the configuration file; 0 for a
	// command-line flag.
	Line, Col int
}

// String formats s as it is written on the command line: "rabbitmq=5672/tcp".
func (s HostService) String() string {
	if s.PortEnd != 0 {
		return fmt.Sprintf("%s=%d-%d/%s", s.Name, s.Port, s.PortEnd, s.Proto)
	}
	return fmt.Sprintf("%s=%d/%s", s.Name, s.Port, s.Proto)
}

// Declared says where s was declared: "declared in .wso2lint.yaml:4:11" or
// "given with --host-service".
func (s HostService) Declared() string {
	if s.Line > 0 {
		return "declared in " + Pos{File: s.Origin, Line: s.Line, Col: s.Col}.String()
	}
	return "given with " + s.Origin
}

// Listener returns s as an enabled inbound listener that no port offset moves,
// with ID s.Name, so that it can take part in port collisions.
func (s HostService) Listener() Listener {
	return Listener{ID: s.Name, Base: s.Port, BaseEnd: s.PortEnd, Configured: fmt.Sprint(s.Port),
		Proto: s.Proto, Dir: DirIn, Enabled: true, Note: "host service " + s.Declared()}
}
