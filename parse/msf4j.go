package parse

import (
	"bytes"
	"strconv"

	"gopkg.in/yaml.v3"

	"github.com/wso2lint/wso2lint/internal/model"
)

// msf4jProfile is the Enterprise Integrator 6.x profile that runs MSF4J
// microservices: not a Carbon 4 server (no carbon.xml), but a Carbon 5 style
// runtime configured in wso2/msf4j/conf.
const msf4jProfile = "msf4j"

// readMSF4J reads the MSF4J profile's transports: each
// listenerConfigurations[] entry of conf/transports/netty-transports.yml is an
// HTTP listener (9090 in the shipped file). The port is explicit and taken as
// written; carbon.yml's ports offset is recorded as the server's offset, as
// for the analytics runtimes. A profile without the transports file gets
// nothing here: catalog.Resolve decides what the absent file means.
func readMSF4J(s *server) error {
	if s.srv.Profile != msf4jProfile {
		return nil
	}
	if err := s.readMSF4JOffset(); err != nil {
		return err
	}
	rel := s.rel("transports/netty-transports.yml")
	data, ok, err := s.readText(rel)
	if err != nil {
		return err
	}
	if !ok {
		return nil
	}
	doc, err := yamlDocument(data)
	if err != nil {
		return s.h.errorf(rel, yamlErrLine(err), "malformed YAML: %v", err)
	}
	seq := yamlPath(doc, "listenerConfigurations")
	if seq == nil || seq.Kind != yaml.SequenceNode {
		return nil
	}
	for i, item := range seq.Content {
		n := yamlPath(item, "port")
		if n == nil || n.Kind != yaml.ScalarNode {
			continue
		}
		pos := model.Pos{File: rel, Line: n.Line, Col: n.Column, Path: "listenerConfigurations[" + strconv.Itoa(i) + "].port"}
		l := model.Listener{ID: model.SvcMSF4JHTTP, Enabled: true, Bind: scalar(yamlPath(item, "host")), Note: "explicit msf4j transport port, not offset"}
		ok, err := s.portListener(&l, n.Value, pos, false)
		if err != nil {
			return err
		}
		if ok {
			l.Offsetable = false
			s.listen(l)
		}
	}
	return nil
}

// readMSF4JOffset records carbon.yml's ports offset (wso2.carbon ports.offset
// or a top-level ports.offset) as the profile's offset.
func (s *server) readMSF4JOffset() error {
	rel := s.rel("carbon.yml")
	data, ok, err := s.readText(rel)
	if err != nil || !ok {
		return err
	}
	doc, err := yamlDocument(data)
	if err != nil {
		return s.h.errorf(rel, yamlErrLine(err), "malformed YAML: %v", err)
	}
	n := yamlPath(doc, "wso2.carbon", "ports", "offset")
	if n == nil {
		n = yamlPath(doc, "ports", "offset")
	}
	if n == nil || n.Kind != yaml.ScalarNode {
		return nil
	}
	v, err := parseOffset(n.Value)
	if err != nil {
		return s.h.errorf(rel, n.Line, "ports.offset: %v", err)
	}
	s.srv.Offset = model.Offset{Value: v, Origin: model.OriginCarbonYML, Pos: model.Pos{File: rel, Line: n.Line, Col: n.Column, Path: "ports.offset"}}
	s.srv.Offsets = append(s.srv.Offsets, model.OffsetSource{Origin: s.srv.Offset.Origin, Text: n.Value, Value: v, Known: true, Pos: s.srv.Offset.Pos})
	return nil
}

// yamlDocument decodes a YAML file and returns its top node (the document's
// content).
func yamlDocument(data []byte) (*yaml.Node, error) {
	var root yaml.Node
	if err := yaml.NewDecoder(bytes.NewReader(data)).Decode(&root); err != nil {
		return nil, err
	}
	if root.Kind == yaml.DocumentNode && len(root.Content) == 1 {
		return root.Content[0], nil
	}
	return &root, nil
}
