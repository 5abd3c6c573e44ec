package parse

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/wso2lint/wso2lint/internal/model"
)

const brokerXML = `<broker>
    <coordination>
        <thriftServerHost>${carbon.host}</thriftServerHost>
        <thriftServerPort>7611</thriftServerPort>
    </coordination>
    <transports>
        <amqp enabled="true">
            <bindAddress>0.0.0.0</bindAddress>
            <defaultConnection enabled="true" port="5672" />
            <sslConnection enabled="false" port="8672"/>
        </amqp>
        <mqtt enabled="false">
            <defaultConnection enabled="true" port="1883" />
            <!-- <sslConnection enabled="true" port="8833"/> -->
        </mqtt>
    </transports>
</broker>
`

func axis2Clustering(enable string) string {
	return `<axisconfig name="AxisJava2.0">
    <clustering class="org.wso2.carbon.core.clustering.hazelcast.HazelcastClusteringAgent" enable="` + enable + `">
        <parameter name="membershipScheme">wka</parameter>
        <parameter name="localMemberPort">4000</parameter>
    </clustering>
</axisconfig>
`
}

func TestReadBroker(t *testing.T) {
	ids := []string{model.SvcAMQP, model.SvcAMQPSSL, model.SvcMQTT, model.SvcMQTTSSL, model.SvcAndesThrift}
	amqp := pl{ID: model.SvcAMQP, Port: 5675, Offsetable: true, Enabled: true, Dir: model.DirIn, Proto: model.ProtoTCP, Bind: "0.0.0.0", Line: 9}
	amqpSSL := pl{ID: model.SvcAMQPSSL, Port: 8675, Offsetable: true, Dir: model.DirIn, Proto: model.ProtoTCP, Bind: "0.0.0.0", Line: 10}
	mqtt := in(model.SvcMQTT, 1886, true, false, 13)
	for _, tc := range []struct {
		name  string
		axis2 string
		want  []pl
	}{
		{"no axis2.xml", "", []pl{mqtt, amqp, in(model.SvcAndesThrift, 7614, true, false, 4), amqpSSL}},
		{"clustered", axis2Clustering("true"), []pl{mqtt, amqp, in(model.SvcAndesThrift, 7614, true, true, 4), amqpSSL}},
		{"not clustered", axis2Clustering("false"), []pl{mqtt, amqp, in(model.SvcAndesThrift, 7614, true, false, 4), amqpSSL}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			files := map[string]string{"repository/conf/carbon.xml": carbonAt("3"), "repository/conf/broker.xml": brokerXML}
			if tc.axis2 != "" {
				files["repository/conf/axis2/axis2.xml"] = tc.axis2
			}
			h := mustHome(t, files, Options{})
			if diff := cmp.Diff(tc.want, listenersOf(h.Servers[0], ids...)); diff != "" {
				t.Errorf("listeners (-want +got):\n%s", diff)
			}
		})
	}
}
