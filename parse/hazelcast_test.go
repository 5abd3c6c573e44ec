package parse

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/wso2lint/wso2lint/internal/model"
)

func TestReadHazelcastOverrides(t *testing.T) {
	axis2 := `<axisconfig><clustering class="org.wso2.carbon.core.clustering.hazelcast.HazelcastClusteringAgent" enable="true">
<parameter name="membershipScheme">multicast</parameter></clustering></axisconfig>`
	hz := `<hazelcast xmlns="http://www.hazelcast.com/schema/config">
  <network>
    <port auto-increment="true" port-count="5">5701</port>
    <join>
      <multicast enabled="false"><multicast-port>54327</multicast-port></multicast>
      <tcp-ip enabled="true">
        <member>10.0.0.2:5702</member>
        <member-list><member>10.0.0.3</member></member-list>
      </tcp-ip>
    </join>
  </network>
</hazelcast>`
	const hzRel = "repository/conf/etc/hazelcast.xml"
	files := map[string]string{axis2Rel: axis2, hzRel: hz, "repository/conf/hazelcast.properties": "hazelcast.local.localAddress=10.0.0.1\n"}
	s := testServer(t, files)
	for _, st := range []step{readAxis2, readHazelcast} {
		if err := st(s); err != nil {
			t.Fatal(err)
		}
	}
	want := []model.Listener{
		{ID: model.SvcHazelcastMember, Base: 5701, BaseEnd: 5705, Configured: "5701", Proto: model.ProtoTCP, Dir: model.DirIn, Enabled: true,
			Bind: "10.0.0.1", Source: pos(hzRel, 3, 48, "/hazelcast/network/port"), Note: "etc/hazelcast.xml network/port; auto-increments when taken"},
		{ID: model.SvcHazelcastMcast, Base: 54327, Configured: "54327", Proto: model.ProtoUDP, Dir: model.DirIn, Enabled: false,
			Source: pos(hzRel, 5, 50, "/hazelcast/network/join/multicast/multicast-port"), Note: "multicast discovery"},
		{ID: model.SvcHazelcastPeer, Base: 5702, Configured: "10.0.0.2:5702", Proto: model.ProtoTCP, Dir: model.DirOut, Enabled: true,
			Host: "10.0.0.2", Source: pos(hzRel, 7, 17, "/hazelcast/network/join/tcp-ip/member"), Note: "tcp-ip member"},
		{ID: model.SvcHazelcastPeer, Base: 5701, Configured: "10.0.0.3", Proto: model.ProtoTCP, Dir: model.DirOut, Enabled: true,
			Host: "10.0.0.3", Source: pos(hzRel, 8, 30, "/hazelcast/network/join/tcp-ip/member-list/member"), Note: "tcp-ip member"},
	}
	if diff := cmp.Diff(want, s.srv.Listeners); diff != "" {
		t.Errorf("listeners (-want +got):\n%s", diff)
	}
}

func TestReadHazelcastNoClustering(t *testing.T) {
	s := runStep(t, readHazelcast, map[string]string{"repository/conf/etc/hazelcast.xml": "<hazelcast><network><port>5701</port></network></hazelcast>"})
	if len(s.srv.Listeners) != 0 {
		t.Errorf("listeners = %+v, want none without axis2.xml clustering", s.srv.Listeners)
	}
}

func TestHazelcastNoAutoIncrement(t *testing.T) {
	axis2 := `<axisconfig><clustering class="HazelcastClusteringAgent" enable="true"/></axisconfig>`
	s := testServer(t, map[string]string{axis2Rel: axis2, "repository/conf/etc/hazelcast.xml": `<hazelcast><network><port auto-increment="false">5701</port></network></hazelcast>`})
	for _, st := range []step{readAxis2, readHazelcast} {
		if err := st(s); err != nil {
			t.Fatal(err)
		}
	}
	if m := s.findListener(model.SvcHazelcastMember); m == nil || m.Base != 5701 || m.BaseEnd != 0 {
		t.Errorf("member = %+v, want 5701 without a range", m)
	}
}
