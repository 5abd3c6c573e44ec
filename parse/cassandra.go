package parse

import (
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/wso2lint/wso2lint/internal/model"
)

// cassandraJMXPort is Cassandra's JMX port; it is set in the JVM options, not in
// cassandra.yaml.
const cassandraJMXPort = 7199

// readCassandra reads etc/cassandra.yaml (Storage Server, CEP and DAS embedded
// Cassandra): storage (7000), SSL storage (7001, only with internode encryption),
// Thrift RPC (9160, start_rpc), native transport (9042, start_native_transport)
// and the JMX port 7199 as a default. The Carbon offset is added (the seed lists
// 9161 for EI analytics at offset 1).
//
// The Carbon Cassandra server component ignores the yaml's port values: it sets
// the system properties cassandra.rpc_port, cassandra.storage_port,
// cassandra.ssl_storage_port and cassandra.native_transport_port, which Cassandra
// prefers to the yaml, to its built-in default plus the offset
// (wso2/carbon-storage-management components/cassandra/
// org.wso2.carbon.cassandra.server CassandraServerDSComponent.activate,
// CassandraServerConstants.ServerConfiguration, CassandraServerUtil
// .readPortFromSystemVar; DOMAIN.md section 8). So each listener takes the
// built-in port; a yaml value that differs is recorded in the Note and in
// Configured, and the switches (start_rpc, ...) are still read from the yaml.
func readCassandra(s *server) error {
	rel := s.rel("etc/cassandra.yaml")
	data, ok, err := s.readText(rel)
	if err != nil || !ok {
		return err
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return s.h.errorf(rel, yamlErrLine(err), "malformed YAML: %v", err)
	}
	if len(doc.Content) == 0 || doc.Content[0].Kind != yaml.MappingNode {
		return nil
	}
	root := doc.Content[0]
	flag := func(key string, def bool) bool {
		v := scalar(yamlPath(root, key))
		if v == "" {
			return def
		}
		return isTrue(v)
	}
	enc := scalar(yamlPath(root, "server_encryption_options", "internode_encryption"))
	listen := scalar(yamlPath(root, "listen_address"))
	rpc := scalar(yamlPath(root, "rpc_address"))
	for _, k := range []struct {
		key, id string
		on      bool
		bind    string
		builtin model.Port
	}{
		{"storage_port", model.SvcCassandraGossip, true, listen, 7000},
		{"ssl_storage_port", model.SvcCassandraGossipS, enc != "" && !strings.EqualFold(enc, "none"), listen, 7001},
		{"rpc_port", model.SvcCassandraThrift, flag("start_rpc", true), rpc, 9160},
		{"native_transport_port", model.SvcCassandraNative, flag("start_native_transport", false), rpc, 9042},
	} {
		n := yamlPath(root, k.key)
		if n == nil || n.Kind != yaml.ScalarNode {
			continue
		}
		l := model.Listener{ID: k.id, Enabled: k.on, Bind: k.bind}
		pos := model.Pos{File: rel, Line: n.Line, Col: n.Column, Path: k.key}
		ok, err := s.portListener(&l, n.Value, pos, true)
		if err != nil {
			return err
		}
		if !ok {
			continue
		}
		if l.Base != k.builtin {
			l.Note = cassandraIgnoredNote(k.key, l.Base, k.builtin)
			l.Base = k.builtin
		}
		s.listen(l)
	}
	// The JMX port has no key in cassandra.yaml: its source is the start of the
	// configuration that enables the embedded Cassandra.
	s.listen(model.Listener{ID: model.SvcCassandraJMX, Base: cassandraJMXPort, Offsetable: true, Enabled: true,
		Source: model.Pos{File: rel, Line: root.Line, Col: root.Column}, Note: "cassandra jmx default, set in the jvm options"})
	return nil
}

// cassandraIgnoredNote says that the Carbon Cassandra component replaces the
// yaml's port value with its built-in default.
func cassandraIgnoredNote(key string, yamlPort, builtin model.Port) string {
	return key + " " + strconv.Itoa(int(yamlPort)) + " is ignored: the Carbon Cassandra component sets cassandra." + key +
		" to its built-in " + strconv.Itoa(int(builtin)) + " plus the offset"
}
