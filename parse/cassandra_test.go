package parse

import (
	"fmt"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/wso2lint/wso2lint/internal/model"
)

// TestCassandraBuiltinPorts: the Carbon Cassandra server component replaces
// cassandra.yaml's port values with its built-in defaults plus the carbon
// offset (DOMAIN.md section 8; carbon-storage-management
// CassandraServerDSComponent), while the yaml still switches the listeners.
func TestCassandraBuiltinPorts(t *testing.T) {
	const rel = "repository/conf/etc/cassandra.yaml"
	for _, tc := range []struct {
		name string
		yaml string
		want map[string]string
	}{
		{name: "stock values",
			yaml: "storage_port: 7000\nssl_storage_port: 7001\nrpc_port: 9160\nstart_native_transport: false\nnative_transport_port: 9042\n",
			want: map[string]string{
				model.SvcCassandraGossip: "7000 on", model.SvcCassandraGossipS: "7001 off", model.SvcCassandraThrift: "9160 on",
				model.SvcCassandraNative: "9042 off", model.SvcCassandraJMX: "7199 on",
			}},
		{name: "edited values are ignored",
			yaml: "storage_port: 7100\nssl_storage_port: 7101\nrpc_port: 9170\nstart_rpc: false\nstart_native_transport: true\nnative_transport_port: 9050\n" +
				"server_encryption_options:\n  internode_encryption: all\n",
			want: map[string]string{
				model.SvcCassandraGossip: "7000 on", model.SvcCassandraGossipS: "7001 on", model.SvcCassandraThrift: "9160 off",
				model.SvcCassandraNative: "9042 on", model.SvcCassandraJMX: "7199 on",
			}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := runStep(t, readCassandra, map[string]string{rel: tc.yaml})
			got := map[string]string{}
			for _, l := range s.srv.Listeners {
				if !l.Offsetable {
					t.Errorf("%s: not offset, want the built-in port plus the offset", l.ID)
				}
				state := "off"
				if l.Enabled {
					state = "on"
				}
				got[l.ID] = fmt.Sprintf("%d %s", l.Base, state)
				if l.Base != 7199 && l.Configured != "" && l.Source.File != rel {
					t.Errorf("%s: source %v, want the yaml key", l.ID, l.Source)
				}
			}
			if d := cmp.Diff(tc.want, got); d != "" {
				t.Errorf("cassandra listeners (-want +got):\n%s", d)
			}
		})
	}
}
