package config

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/wso2lint/wso2lint/internal/model"
	"gopkg.in/yaml.v3"
)

// ParseHostService parses a host service as the --host-service flag gives it:
// NAME=PORT, NAME=PORT/PROTO or NAME=FIRST-LAST[/PROTO], with PROTO tcp (the
// default) or udp: "rabbitmq=5672", "statsd=8125/udp".
func ParseHostService(s string) (model.HostService, error) {
	name, spec, ok := strings.Cut(s, "=")
	name = strings.TrimSpace(name)
	if !ok || name == "" {
		return model.HostService{}, fmt.Errorf("host service %q: want NAME=PORT[-LAST][/tcp|udp]", s)
	}
	proto := model.ProtoTCP
	if ports, p, ok := strings.Cut(spec, "/"); ok {
		var err error
		if proto, err = model.ParseProtocol(strings.TrimSpace(p)); err != nil {
			return model.HostService{}, fmt.Errorf("host service %q: %v (want tcp or udp)", s, err)
		}
		spec = ports
	}
	port, end, err := parsePortRange(spec)
	if err != nil {
		return model.HostService{}, fmt.Errorf("host service %q: %v", s, err)
	}
	return model.HostService{Name: name, Port: port, PortEnd: end, Proto: proto, Origin: "--host-service"}, nil
}

// parsePortRange parses "5672" or "4000-4002"; end is 0 for a single port.
func parsePortRange(s string) (port, end model.Port, err error) {
	first, last, isRange := strings.Cut(strings.TrimSpace(s), "-")
	if port, err = parsePort(first); err != nil {
		return 0, 0, err
	}
	if !isRange {
		return port, 0, nil
	}
	if end, err = parsePort(last); err != nil {
		return 0, 0, err
	}
	if end <= port {
		return 0, 0, fmt.Errorf("port range %q does not ascend", s)
	}
	return port, end, nil
}

func parsePort(s string) (model.Port, error) {
	n, err := strconv.Atoi(strings.TrimSpace(s))
	if err != nil || !model.Port(n).Valid() {
		return 0, fmt.Errorf("port %q is not a number from 1 to %d", s, model.MaxPort)
	}
	return model.Port(n), nil
}

// rawHostService is one entry of host-services in .wso2lint.yaml.
type rawHostService struct {
	svc model.HostService
}

// UnmarshalYAML implements yaml.Unmarshaler for one entry of host-services:
// a mapping with name, port (5672, or a range written "4000-4002") and an
// optional protocol (tcp, the default, or udp).
func (r *rawHostService) UnmarshalYAML(n *yaml.Node) error {
	if n.Kind != yaml.MappingNode {
		return typeError(n, "a host service must be a mapping with name, port and protocol, not %s", kindName(n))
	}
	svc := model.HostService{Proto: model.ProtoTCP, Line: n.Line, Col: n.Column}
	var errs []string
	var havePort bool
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		s, err := scalar(v, k.Value)
		if err != nil {
			errs = append(errs, typeErrors(err)...)
			continue
		}
		switch k.Value {
		case "name":
			svc.Name = strings.TrimSpace(s)
		case "port":
			if svc.Port, svc.PortEnd, err = parsePortRange(s); err != nil {
				errs = append(errs, fmt.Sprintf("line %d: %v", v.Line, err))
			}
			svc.Line, svc.Col = v.Line, v.Column
			havePort = true
		case "protocol":
			if svc.Proto, err = model.ParseProtocol(strings.TrimSpace(s)); err != nil {
				errs = append(errs, fmt.Sprintf("line %d: %v (want tcp or udp)", v.Line, err))
			}
		default:
			errs = append(errs, fmt.Sprintf("line %d: unknown key %q in a host service (want name, port or protocol)", k.Line, k.Value))
		}
	}
	if svc.Name == "" {
		errs = append(errs, fmt.Sprintf("line %d: host service without a name", n.Line))
	}
	if !havePort {
		errs = append(errs, fmt.Sprintf("line %d: host service without a port", n.Line))
	}
	if len(errs) > 0 {
		return &yaml.TypeError{Errors: errs}
	}
	r.svc = svc
	return nil
}
