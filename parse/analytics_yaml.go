package parse

import (
	"fmt"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/wso2lint/wso2lint/internal/model"
)

// readDeploymentYAML reads the deployment.yaml of a Carbon 5 (Stream Processor)
// runtime: the EI analytics worker, manager and dashboard. Reading:
//   - wso2.carbon.ports.offset is the server offset;
//   - wso2.transport.http listenerConfigurations are explicit ports that the
//     runtime uses as written (the EI docs open the dashboard, offset 2, at
//     https://localhost:9643/portal): not offset;
//   - siddhi.stores.query.api listeners and databridge.config dataReceivers get
//     the offset added by their components (the siddhi store API and the Carbon 5
//     Thrift/Binary receivers add getPortsConfig().getOffset());
//   - only the worker runs Siddhi applications, so only the worker opens the
//     event receivers and the store API. The manager and dashboard files carry
//     the same sections from the shared template; their listeners are recorded
//     as disabled, so they neither collide nor get firewall rules.
func readDeploymentYAML(s *server) error {
	if !strings.HasPrefix(s.srv.Profile, "analytics-") {
		return nil
	}
	rel := s.rel("deployment.yaml")
	data, ok, err := s.readText(rel)
	if err != nil || !ok {
		return err
	}
	y, err := parseDeploymentYAML(rel, data)
	if err != nil {
		return s.h.errorf(rel, yamlErrLine(err), "%v", err)
	}
	if y.offset != nil {
		n, err := parseOffset(y.offset.Value)
		if err != nil {
			return s.h.errorf(rel, y.offset.Line, "wso2.carbon.ports.offset: %v", err)
		}
		s.srv.Offset = model.Offset{Value: n, Origin: model.OriginYAML, Pos: y.pos(y.offset, "wso2.carbon.ports.offset")}
		s.srv.Offsets = append(s.srv.Offsets, model.OffsetSource{Origin: s.srv.Offset.Origin, Text: y.offset.Value, Value: n, Known: true, Pos: s.srv.Offset.Pos})
	}
	dashboard := strings.HasSuffix(s.srv.Profile, "dashboard")
	for _, l := range y.http {
		id := model.SvcAnalyticsHTTP
		if l.https {
			id = model.SvcAnalyticsHTTPS
			if dashboard {
				id = model.SvcAnalyticsDash
			}
		}
		if err := s.yamlListener(y, l, id, false, "explicit carbon 5 listener port, not offset"); err != nil {
			return err
		}
	}
	worker := strings.HasSuffix(s.srv.Profile, "worker")
	note := ""
	if !worker {
		note = "only the analytics worker runs siddhi applications; this runtime does not open it"
	}
	for _, l := range y.siddhi {
		id := model.SvcSiddhiStoreAPI
		if l.https {
			id = model.SvcSiddhiStoreAPIS
		}
		if err := s.yamlListener(y, l, id, true, note); err != nil {
			return err
		}
	}
	for _, l := range y.receivers {
		if err := s.yamlListener(y, l, l.id, true, note); err != nil {
			return err
		}
	}
	if !worker {
		for i := range s.srv.Listeners {
			if l := &s.srv.Listeners[i]; l.Note == note {
				l.Enabled = false
			}
		}
	}
	return nil
}

// yamlListener records one listener from deployment.yaml.
func (s *server) yamlListener(y *deploymentYAML, yl yamlPort, id string, offsetable bool, note string) error {
	pos := y.pos(yl.node, yl.path)
	l := model.Listener{ID: id, Enabled: true, Bind: yl.host, Note: note}
	ok, err := s.portListener(&l, yl.node.Value, pos, offsetable)
	if err != nil || !ok {
		return err
	}
	l.Offsetable = offsetable
	s.listen(l)
	return nil
}

// deploymentYAML is what wso2lint reads from a Carbon 5 deployment.yaml.
type deploymentYAML struct {
	rel       string
	offset    *yaml.Node
	http      []yamlPort
	siddhi    []yamlPort
	receivers []yamlPort
}

// yamlPort is one port value with its node.
type yamlPort struct {
	node  *yaml.Node
	path  string
	host  string
	https bool
	id    string // receivers only
}

func (y *deploymentYAML) pos(n *yaml.Node, path string) model.Pos {
	return model.Pos{File: y.rel, Line: n.Line, Col: n.Column, Path: path}
}

// parseDeploymentYAML decodes data into nodes and picks the port settings.
func parseDeploymentYAML(rel string, data []byte) (*deploymentYAML, error) {
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return nil, fmt.Errorf("malformed YAML: %w", err)
	}
	y := &deploymentYAML{rel: rel}
	if len(doc.Content) == 0 {
		return y, nil
	}
	root := doc.Content[0]
	if root.Kind != yaml.MappingNode {
		return nil, fmt.Errorf("malformed deployment.yaml: the top level is not a mapping")
	}
	if n := yamlPath(root, "wso2.carbon", "ports", "offset"); n != nil && n.Kind == yaml.ScalarNode {
		y.offset = n
	}
	y.http = listenerConfigs(root, "wso2.transport.http")
	y.siddhi = listenerConfigs(root, "siddhi.stores.query.api")
	if rs := yamlPath(root, "databridge.config", "dataReceivers"); rs != nil && rs.Kind == yaml.SequenceNode {
		for i, item := range rs.Content {
			r := yamlPath(item, "dataReceiver")
			if r == nil {
				continue
			}
			ids, known := dataReceivers()[strings.ToLower(scalar(yamlPath(r, "type")))]
			if !known {
				continue
			}
			props := yamlPath(r, "properties")
			host := scalar(yamlPath(props, "hostName"))
			base := "databridge.config.dataReceivers[" + strconv.Itoa(i) + "].dataReceiver.properties."
			for _, k := range []struct{ key, id string }{{"tcpPort", ids.tcp}, {"sslPort", ids.ssl}} {
				if n := yamlPath(props, k.key); n != nil && n.Kind == yaml.ScalarNode {
					y.receivers = append(y.receivers, yamlPort{node: n, path: base + k.key, host: host, id: k.id})
				}
			}
		}
	}
	return y, nil
}

// listenerConfigs reads <key>.listenerConfigurations[] port, host and scheme.
func listenerConfigs(root *yaml.Node, key string) []yamlPort {
	seq := yamlPath(root, key, "listenerConfigurations")
	if seq == nil || seq.Kind != yaml.SequenceNode {
		return nil
	}
	var out []yamlPort
	for i, item := range seq.Content {
		n := yamlPath(item, "port")
		if n == nil || n.Kind != yaml.ScalarNode {
			continue
		}
		out = append(out, yamlPort{
			node:  n,
			path:  key + ".listenerConfigurations[" + strconv.Itoa(i) + "].port",
			host:  scalar(yamlPath(item, "host")),
			https: strings.EqualFold(scalar(yamlPath(item, "scheme")), "https"),
		})
	}
	return out
}

// yamlPath walks mapping keys from n; nil when a key is missing. Aliases are
// followed once.
func yamlPath(n *yaml.Node, keys ...string) *yaml.Node {
	for _, k := range keys {
		if n != nil && n.Kind == yaml.AliasNode {
			n = n.Alias
		}
		if n == nil || n.Kind != yaml.MappingNode {
			return nil
		}
		var next *yaml.Node
		for i := 0; i+1 < len(n.Content); i += 2 {
			if n.Content[i].Value == k {
				next = n.Content[i+1]
				break
			}
		}
		n = next
	}
	if n != nil && n.Kind == yaml.AliasNode {
		n = n.Alias
	}
	return n
}

// scalar returns the value of a scalar node, "" otherwise.
func scalar(n *yaml.Node) string {
	if n == nil || n.Kind != yaml.ScalarNode {
		return ""
	}
	return strings.TrimSpace(n.Value)
}

// yamlErrLine extracts "line N" from a yaml.v3 error message; 0 when absent.
func yamlErrLine(err error) int {
	msg := err.Error()
	i := strings.Index(msg, "line ")
	if i < 0 {
		return 0
	}
	j := i + len("line ")
	k := j
	for k < len(msg) && msg[k] >= '0' && msg[k] <= '9' {
		k++
	}
	n, _ := strconv.Atoi(msg[j:k])
	return n
}
